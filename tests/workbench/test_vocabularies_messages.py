"""Vocabularies accept codes and labels of either language; messages name the file in both languages."""

from __future__ import annotations

import pytest

from workbench.errors import Cancelled, CorruptFileError, InvalidDecisionsError
from workbench.progress import Progress
from workbench.vocabularies import vocabulary


@pytest.mark.parametrize(("value", "code"), [
    ("Behåll", "keep"), ("behåll", "keep"), ("  BEHÅLL ", "keep"), ("Keep", "keep"), ("keep", "keep"),
    ("Ta bort", "remove"), ("ta  bort", "remove"), ("Ersätt", "replace"), ("Investigate", "investigate"),
    ("Kanske", None), ("", None), (None, None),
])
def test_decision_accepts_code_and_labels_in_either_language(value: object, code: str | None) -> None:
    assert vocabulary("decision").code_for(value) == code


@pytest.mark.parametrize(("value", "code"), [(4, "4"), (4.0, "4"), ("4", "4"), ("4,0", "4"), (4.5, None),
                                             (0, None), (6, None), (True, None)])
def test_env_score_accepts_whole_numbers_one_to_five(value: object, code: str | None) -> None:
    assert vocabulary("env_score").code_for(value) == code


def test_labels_follow_the_workbook_language() -> None:
    usage = vocabulary("usage")
    assert usage.label("not_used", "sv") == "Används inte"
    assert usage.label("not_used", "en") == "Not used"
    assert vocabulary("future_need").labels("sv") == ["Ökar", "Oförändrat", "Minskar", "Upphör", "Osäkert"]


def test_error_messages_name_the_file_in_both_languages() -> None:
    error = CorruptFileError("/data/Inköp 2025.xlsx", detail="zip truncated")
    assert error.message("sv").startswith("Filen /data/Inköp 2025.xlsx är skadad")
    assert "zip truncated" in error.message("sv")
    assert error.message("en").startswith("The file /data/Inköp 2025.xlsx is damaged")
    assert isinstance(error, ValueError)


def test_listed_problems_are_shown_one_per_line() -> None:
    error = InvalidDecisionsError("d.csv", problems=["rad 3: okänd nyckel 0099", "rad 4: okänt beslut Kanske"])
    lines = error.message("sv").splitlines()
    assert lines[1:] == ["  - rad 3: okänd nyckel 0099", "  - rad 4: okänt beslut Kanske"]


def test_progress_reports_and_cancels() -> None:
    seen: list[tuple[int, int, str]] = []
    progress = Progress(lambda done, total, stage: seen.append((done, total, stage)))
    progress.report(1, 10, "read")
    progress.cancel()
    with pytest.raises(Cancelled):
        progress.report(2, 10, "read")
    assert seen == [(1, 10, "read")]


def test_a_message_lists_twenty_problems_and_counts_the_rest() -> None:
    """100,000 bad values in a decisions file made a message of 100,000 lines."""
    from workbench.errors import InvalidDecisionsError

    error = InvalidDecisionsError("beslut.csv", problems=[f"line {n}: bad value" for n in range(2, 100_002)])
    lines = error.message("sv").splitlines()
    assert len(lines) == 22 and "beslut.csv" in lines[0]
    assert lines[-1].strip() == "… och 99\u00a0980 problem till"
    assert error.message("en").splitlines()[-1].strip() == "… and 99,980 more problems"
    assert len(error.params["problems"]) == 100_000  # the caller still has them all
