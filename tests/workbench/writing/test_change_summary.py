"""What a save or a pull changed is data (``ChangeSummary``) worded once, from the catalogue, in the
caller's language (issue 14): the CLI prints it by path, the GUI's status bar by file name."""

from __future__ import annotations

from pathlib import Path

from workbench.writing.changes import ChangeSummary

BOOK = Path("/delad/sortiment.xlsx")


def test_a_save_names_the_file_once_and_says_what_came_in_from_whom() -> None:
    changes = ChangeSummary(BOOK, saved=True, cells=3, articles=2, theirs=4, theirs_by=("Anna", "Bo", "Cecilia"),
                            settled_ours=1, settled_theirs=1, missing=1, took_over_from="Dag")
    assert changes.lines("sv") == [
        "3 celler för 2 artiklar sparades i /delad/sortiment.xlsx.",
        "4 ändringar av Anna, Bo och Cecilia fördes in.",
        "2 krockar avgjordes: 1 med ditt värde, 1 med kollegans.",
        "1 ändring kunde inte sparas eftersom artikeln inte längre finns i /delad/sortiment.xlsx; den finns kvar "
        "i journalen.",
        "Låset på /delad/sortiment.xlsx som Dag lämnade efter sig togs över.",
    ]
    assert changes.text("en", separator=" · ", file_name_only=True).split(" · ")[:2] == [
        "3 cells for 2 articles were saved in sortiment.xlsx.", "4 changes by Anna, Bo and Cecilia were merged in."]


def test_a_pull_counts_in_singular_and_plural_and_names_one_colleague() -> None:
    assert ChangeSummary(BOOK, theirs=1).lines("sv", file_name_only=True) == [
        "1 ändring av en kollega fördes in från sortiment.xlsx."]
    assert ChangeSummary(BOOK, theirs=2_000, theirs_by=("Anna Svensson",)).lines("en", file_name_only=True) == [
        "2,000 changes by Anna Svensson were merged in from sortiment.xlsx."]
    many = ChangeSummary(BOOK, theirs=5, theirs_by=("A", "B", "C", "D"))  # more names than a line holds
    assert many.lines("sv", file_name_only=True) == ["5 ändringar av kollegor fördes in från sortiment.xlsx."]
    assert ChangeSummary(BOOK).lines("sv") == []  # a pull that brought nothing in: nothing to tell


def test_a_save_with_nothing_of_ours_left_to_write_says_so() -> None:
    assert ChangeSummary(BOOK, saved=True, theirs=1, theirs_by=("Anna",)).lines("sv", file_name_only=True) == [
        "Inget av ditt att spara i sortiment.xlsx.", "1 ändring av Anna fördes in."]
