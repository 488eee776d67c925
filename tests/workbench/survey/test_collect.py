"""``survey collect`` on forms filled the way people fill them: every answer recovered exactly from
xlsx, xls, ods and csv copies, sorted, with rows deleted and empty rows inserted, labels typed by hand in
either language and any case with stray spaces, free text kept as found and counted, the same unit twice
(the later wins), a form of another workbook refused by name, unreadable files named, units not answered
listed. Nothing of the group's review is touched."""

from __future__ import annotations

import csv
import io
import os
import random
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from _forms import Answer, fill, form_keys, libreoffice, random_answers, sample_joint

from workbench.assortment import read_joint
from workbench.reading.importer import read_table
from workbench.survey.answers import read_answer_sheet
from workbench.survey.collect import collect_forms
from workbench.survey.export import collected_answers, write_answers_csv
from workbench.survey.make import make_forms
from workbench.vocabularies import vocabularies

FREE_TEXT = ["varannan vecka", "Vet ej", "typ varje dag"]


def exact(label: str, rng: random.Random) -> str:
    return label


def english_by_hand(label: str, rng: random.Random) -> str:
    """The English label in any case with stray spaces, as typed."""
    for name in ("usage", "future_need"):
        code = vocabularies()[name].code_for(label)
        if code is not None:
            word = vocabularies()[name].label(code, "en")
            break
    word = rng.choice([word.upper(), word.lower(), word.title(), word])
    return rng.choice(["", " ", "  "]) + word.replace(" ", rng.choice([" ", "  "])) + rng.choice(["", " ", "\t"])


def swedish_lower(label: str, rng: random.Random) -> str:
    return f" {label.lower()} "


def codes_and_free_text(label: str, rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(FREE_TEXT)
    for name in ("usage", "future_need"):
        code = vocabularies()[name].code_for(label)
        if code is not None:
            return code
    return label


def expected_value(typed: str | None, vocabulary: str) -> str | None:
    if typed is None or not typed.strip():
        return None
    code = vocabularies()[vocabulary].code_for(typed)
    return vocabularies()[vocabulary].label(code, "sv") if code else typed.strip()


def expected_rows(unit: str, answers: dict[str, Answer]) -> dict[tuple[str, str], tuple[Any, ...]]:
    return {(unit, key): (expected_value(u, "usage"), expected_value(f, "future_need"),
                          c.strip() if c and c.strip() else None)
            for key, (u, f, c) in answers.items()}


class Round:
    """One round of questionnaires on the sample: the forms, what each unit typed, what came home."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.joint = sample_joint(folder)
        made = make_forms(self.joint, folder / "sent", user="Officer")
        self.forms = {f.unit: f.file for f in made.forms}
        self.expected: dict[tuple[str, str], tuple[Any, ...]] = {}
        self.needs: dict[str, list[tuple[str, int, str]]] = {}
        self.free: Counter[str] = Counter()
        self.files: list[Path] = []
        home = folder / "home"

        def answer(unit: str, typed: Any, seed: int, **mess: Any) -> tuple[Path, dict[str, Answer]]:
            rng = random.Random(seed)
            keys = form_keys(self.forms[unit])
            answers = random_answers(keys, rng, typed)
            for key in mess.get("delete", ()):
                answers.pop(key, None)
            needs = mess.pop("needs", ())
            target = home / f"{self.forms[unit].stem} ifylld.xlsx"
            fill(self.forms[unit], target, answers, needs=needs, **mess)
            return target, answers

        def expect(unit: str, answers: dict[str, Answer], needs: tuple[tuple[str, int, str], ...] = ()) -> None:
            self.expected.update(expected_rows(unit, answers))
            self.needs[unit] = list(needs)
            for u, f, _ in answers.values():
                for value, name in ((u, "usage"), (f, "future_need")):
                    if value is not None and vocabularies()[name].code_for(value) is None:
                        self.free[value.strip()] += 1

        path, answers = answer("Botkyrka", exact, 1)
        self.files.append(path)
        expect("Botkyrka", answers)

        path, answers = answer("Haninge", swedish_lower, 2, shuffle=random.Random(22))
        self.files.append(libreoffice(path, "xls", home / "xls"))
        expect("Haninge", answers)

        keys = form_keys(self.forms["Huddinge"])
        path, answers = answer("Huddinge", exact, 3, delete=keys[3:9], blank_rows=3)
        self.files.append(libreoffice(path, "ods", home / "ods"))
        expect("Huddinge", answers)

        needs = (("Blöjor stl 4", 1500, "dagligen"), ("Handsprit 1 l", 40, "varje vecka"))
        path, answers = answer("Nykvarn", english_by_hand, 4, shuffle=random.Random(44), needs=needs)
        self.files.append(libreoffice(path, "csv", home / "csv"))
        expect("Nykvarn", answers, needs)

        path, answers = answer("Nynäshamn", codes_and_free_text, 5)
        self.files.append(path)
        expect("Nynäshamn", answers)

        older, _ = answer("Salem", exact, 6)
        older_csv = libreoffice(older, "csv", home / "salem_old")
        newer, answers = answer("Salem", english_by_hand, 7)
        os.utime(older_csv, (1_700_000_000, 1_700_000_000))  # saved long before the newer one
        self.files += [newer, older_csv]
        self.salem = (newer, older_csv)
        expect("Salem", answers)

        needs = (("Diskborste", 12, "Sällan"),)
        path, answers = answer("Tyresö", codes_and_free_text, 8, shuffle=random.Random(88), needs=needs)
        self.files.append(libreoffice(path, "ods", home / "tyreso"))
        expect("Tyresö", answers, needs)

        # a form of another joint workbook (a copy that got its own ID), a csv that carries no form ID, junk
        other = sample_joint(folder / "other", "annan_analys.xlsx")
        foreign = make_forms(other, folder / "other" / "sent", user="Someone").forms[0].file
        self.foreign = fill(foreign, home / "foreign" / foreign.name, {})
        self.anonymous = home / "svar.csv"
        self.anonymous.write_text("Artikel-ID;Användning\nG00001;Dagligen\n", encoding="utf-8")
        self.broken = home / "Enkät trasig.xlsx"
        self.broken.write_bytes(b"PK\x03\x04 not really a workbook")
        self.files += [self.foreign, self.anonymous, self.broken]


@pytest.fixture(scope="module")
def survey_round(tmp_path_factory: pytest.TempPathFactory) -> Round:
    return Round(tmp_path_factory.mktemp("round"))


@pytest.fixture(scope="module")
def collected(survey_round: Round) -> tuple[Round, Any, dict[str, bytes]]:
    with zipfile.ZipFile(survey_round.joint) as package:
        before = {i.filename: package.read(i.filename) for i in package.infolist()}
    result = collect_forms(survey_round.joint, survey_round.files, user="Officer")
    return survey_round, result, before


def _answer_rows(joint: Path) -> list[Any]:
    return [row for _, row in read_answer_sheet(read_joint(joint)).rows]


def test_every_answer_is_recovered_exactly(collected: tuple[Round, Any, dict[str, bytes]]) -> None:
    survey_round, result, _ = collected
    found = {(r.unit, r.key): (r.usage, r.future_need, r.comment) for r in _answer_rows(survey_round.joint)
             if r.key is not None}
    assert found == survey_round.expected
    assert result.answers == len(survey_round.expected)
    assert sorted(result.units) == sorted({unit for unit, _ in survey_round.expected})


def test_articles_the_units_lack_are_kept_per_unit(collected: tuple[Round, Any, dict[str, bytes]]) -> None:
    survey_round, result, _ = collected
    found = sorted((r.unit, r.name, r.volume, r.usage) for r in _answer_rows(survey_round.joint) if r.key is None)
    expected = sorted((unit, name, volume, expected_value(use, "usage"))
                      for unit, needs in survey_round.needs.items() for name, volume, use in needs)
    assert found == expected
    assert sorted((n["unit"], n["name"]) for n in result.to_json()["new_needs"]) == [(e[0], e[1]) for e in expected]


def test_free_text_is_kept_as_written_and_counted(collected: tuple[Round, Any, dict[str, bytes]]) -> None:
    survey_round, result, _ = collected
    assert survey_round.free  # the round typed some
    assert result.not_in_vocabulary == dict(survey_round.free)
    assert result.to_json()["not_in_vocabulary"] == dict(survey_round.free)


def test_the_same_unit_twice_counts_once_the_later_wins(collected: tuple[Round, Any, dict[str, bytes]]) -> None:
    survey_round, result, _ = collected
    newer, older = survey_round.salem
    assert [(d.unit, d.kept, d.ignored) for d in result.duplicates] == [("Salem", newer, [older])]
    assert "Salem" in result.summary("sv") and older.name in result.summary("sv")


def test_foreign_anonymous_and_broken_files_are_refused_by_name(
        collected: tuple[Round, Any, dict[str, bytes]]) -> None:
    survey_round, result, _ = collected
    refused = result.to_json("sv")["refused"]
    assert set(refused) == {str(survey_round.foreign), str(survey_round.anonymous), str(survey_round.broken)}
    assert "annan_analys.xlsx" in refused[str(survey_round.foreign)]
    assert "annan arbetsbok" in refused[str(survey_round.foreign)]
    assert "formulär-ID" in refused[str(survey_round.anonymous)]
    assert "skadad" in refused[str(survey_round.broken)] or "kan inte läsas" in refused[str(survey_round.broken)]
    for path in refused:
        assert Path(path).name in result.summary("sv")


def test_units_that_have_not_answered_are_listed(collected: tuple[Round, Any, dict[str, bytes]]) -> None:
    _, result, _ = collected
    assert result.not_answered == ["Södertälje"]
    assert "Södertälje" in result.summary("sv")


def _counted(values: list[str | None], vocabulary: str) -> str | None:
    vocab = vocabularies()[vocabulary]
    counts = Counter(vocab.code_for(v) or f"\u201d{v}\u201d" for v in values if v is not None)
    parts = [f"{vocab.label(code, 'sv')} {counts.pop(code)}" for code in vocab.codes if code in counts]
    parts += [f"{text} {n}" for text, n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))]
    return " · ".join(parts) or None


def test_answers_are_counted_per_article_beside_the_review_columns(
        collected: tuple[Round, Any, dict[str, bytes]]) -> None:
    survey_round, _, _ = collected
    book = openpyxl.load_workbook(survey_round.joint, read_only=True)
    rows = list(book["Sortiment"].iter_rows(values_only=True))
    header = list(rows[0])
    assert header[-3:] == ["Granskad", "Enkät: användning", "Enkät: framtida behov"]
    by_key: dict[str, list[tuple[Any, ...]]] = {}
    for (_, key), values in survey_round.expected.items():
        by_key.setdefault(key, []).append(values)
    checked = 0
    for row in rows[1:]:
        answers = by_key.get(row[0], [])
        assert row[-2] == _counted([a[0] for a in answers], "usage"), row[0]
        assert row[-1] == _counted([a[1] for a in answers], "future_need"), row[0]
        checked += bool(answers)
    assert checked > 100


def test_review_and_source_sheets_are_untouched(collected: tuple[Round, Any, dict[str, bytes]]) -> None:
    survey_round, _, before = collected
    with zipfile.ZipFile(survey_round.joint) as package:
        after = {i.filename: package.read(i.filename) for i in package.infolist()}
    # Källrader and Källor (sheet2, sheet3) byte for byte; Sortiment only gained its two columns
    assert after["xl/worksheets/sheet2.xml"] == before["xl/worksheets/sheet2.xml"]
    assert after["xl/worksheets/sheet3.xml"] == before["xl/worksheets/sheet3.xml"]
    table = read_table(survey_round.joint)
    assert table.review.isna().all().all()  # the sample has no review values; the answers set none


def test_export_lists_every_answer_with_the_contract_header(collected: tuple[Round, Any, dict[str, bytes]]) -> None:
    survey_round, _, _ = collected
    handle = io.StringIO()
    write_answers_csv(collected_answers(survey_round.joint), handle)
    rows = list(csv.reader(io.StringIO(handle.getvalue())))
    assert rows[0] == ["unit", "key", "usage", "future_need", "comment", "file"]
    found = {(r[0], r[1]): (r[2] or None, r[3] or None, r[4] or None) for r in rows[1:]}
    assert found == survey_round.expected
    assert len(rows) - 1 == len(survey_round.expected)


def test_collecting_the_same_files_again_writes_nothing(collected: tuple[Round, Any, dict[str, bytes]]) -> None:
    survey_round, _, _ = collected
    written = survey_round.joint.read_bytes()
    again = collect_forms(survey_round.joint, survey_round.files, user="Officer")
    assert not again.written and again.answers == len(survey_round.expected)
    assert survey_round.joint.read_bytes() == written


def test_a_unit_collected_again_replaces_its_earlier_answers(tmp_path: Path) -> None:
    joint = sample_joint(tmp_path)
    form = next(f.file for f in make_forms(joint, tmp_path / "sent", user="O").forms if f.unit == "Salem")
    keys = form_keys(form)
    first = fill(form, tmp_path / "one" / form.name, dict.fromkeys(keys[:20], ("Dagligen", None, None)))
    second = fill(form, tmp_path / "two" / form.name, dict.fromkeys(keys[10:15], ("Sällan", "Ökar", "ny")))
    collect_forms(joint, [first], user="O")
    result = collect_forms(joint, [second], user="O")
    assert result.replaced_units == ["Salem"]
    rows = _answer_rows(joint)
    assert sorted((r.key, r.usage) for r in rows) == [(k, "Sällan") for k in sorted(keys[10:15])]


def test_an_unknown_article_id_is_reported(tmp_path: Path) -> None:
    joint = sample_joint(tmp_path)
    form = next(f.file for f in make_forms(joint, tmp_path / "sent", user="O").forms if f.unit == "Salem")
    filled = fill(form, tmp_path / "home" / form.name, {form_keys(form)[0]: ("Dagligen", None, None)})
    book = openpyxl.load_workbook(filled)
    sheet = book.worksheets[0]
    sheet.cell(6, 1).value = "g99999 "  # typed over an ID by hand
    book.save(filled)
    result = collect_forms(joint, [filled], user="O")
    assert result.unknown_keys == ["G99999"]


def test_a_colleague_collecting_meanwhile_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The joint workbook read before the lock is read again under it when it changed meanwhile (a
    colleague collected another unit's form): both units' answers stay."""
    import workbench.survey.collect as collect_module

    joint = sample_joint(tmp_path)
    sent = {f.unit: f.file for f in make_forms(joint, tmp_path / "sent", user="O").forms}
    salem = fill(sent["Salem"], tmp_path / "home" / sent["Salem"].name,
                 {form_keys(sent["Salem"])[0]: ("Dagligen", None, None)})
    tyreso = fill(sent["Tyresö"], tmp_path / "home" / sent["Tyresö"].name,
                  {form_keys(sent["Tyresö"])[0]: ("Sällan", None, None)})
    real = collect_module.read_joint
    calls: list[Path] = []

    def read_then_colleague(path: Any) -> Any:
        state = real(path)
        calls.append(Path(path))
        if len(calls) == 1:
            monkeypatch.setattr(collect_module, "read_joint", real)
            collect_forms(joint, [tyreso], user="Colleague")  # after our first read, before our lock
            monkeypatch.setattr(collect_module, "read_joint", read_then_colleague)
        return state

    monkeypatch.setattr(collect_module, "read_joint", read_then_colleague)
    collect_forms(joint, [salem], user="O")
    assert len(calls) == 2  # read again under the lock
    assert sorted(r.unit for r in _answer_rows(joint)) == ["Salem", "Tyresö"]


def test_the_grid_knows_the_counted_columns_as_the_joint_layout_s_own(
        collected: tuple[Round, Any, dict[str, bytes]]) -> None:
    """Opening a collected workbook shows no banner calling the two counted columns unrecognised."""
    from workbench.assortment.grid import joint_columns, joint_findings

    survey_round, _, _ = collected
    table = read_table(survey_round.joint)
    columns = joint_columns(table)
    assert columns is not None and {"Enkät: användning", "Enkät: framtida behov"} <= columns.own
    assert [f for f in joint_findings(table, columns) if f.code == "unmapped_columns"] == []
