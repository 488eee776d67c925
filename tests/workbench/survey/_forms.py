"""Filling questionnaire forms the way people do: with openpyxl (as Excel would save them), then re-saved
by LibreOffice as xls, ods or csv; rows sorted, deleted, empty rows inserted, labels typed by hand."""

from __future__ import annotations

import random
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import openpyxl
import pytest

from workbench.resources import resource_path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
HEADER_ROW = 5

Answer = tuple[str | None, str | None, str | None]  # usage, future need, comment as typed


def sample_joint(folder: Path, name: str = "gemensam.xlsx") -> Path:
    """A copy of the bundled sample joint workbook."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copy(resource_path("sample/sodertorn_gemensam.xlsx"), target)
    return target


def form_columns(sheet: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, int]:
    """Header text -> 1-based column of the form's header row."""
    return {str(c.value): c.column for c in sheet[HEADER_ROW] if c.value is not None}


def form_keys(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    column = form_columns(sheet)["Artikel-ID"]
    keys = []
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        value = sheet.cell(row, column).value
        if isinstance(value, str) and value.startswith("G"):
            keys.append(value)
    return keys


def fill(form: Path, target: Path, answers: Mapping[str, Answer], *, needs: Sequence[tuple[str, int, str]] = (),
         shuffle: random.Random | None = None, delete: Sequence[str] = (), blank_rows: int = 0) -> Path:
    """Type ``answers`` (key -> usage, future need, comment, as a person types them) into ``form`` and save
    it as ``target``; ``needs`` (name, volume, usage) into the free rows. ``shuffle`` reorders the article
    rows (a sort in Excel), ``delete`` removes those articles' rows, ``blank_rows`` inserts empty rows among
    them."""
    book = openpyxl.load_workbook(form)
    sheet = book.worksheets[0]
    columns = form_columns(sheet)
    key_col = columns["Artikel-ID"]
    usage, future, comment = columns["Användning"], columns["Framtida behov"], columns["Kommentar"]
    name_col, volume_col = columns["Benämning"], columns["Årsvolym"]
    width = max(columns.values())
    first = HEADER_ROW + 1
    last = first
    while isinstance(sheet.cell(last, key_col).value, str):
        last += 1
    rows = [[sheet.cell(r, c).value for c in range(1, width + 1)] for r in range(first, last)]
    for values in rows:
        answer = answers.get(values[key_col - 1])
        if answer is not None:
            values[usage - 1], values[future - 1], values[comment - 1] = answer
    rows = [values for values in rows if values[key_col - 1] not in set(delete)]
    if shuffle is not None:
        shuffle.shuffle(rows)
    for _ in range(blank_rows):
        rows.insert(len(rows) // 2, [None] * width)
    rows += [[None] * width] * (last - first - len(rows))  # the rows freed at the end stay empty
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            sheet.cell(first + offset, column).value = value
    free = next(r for r in range(last, sheet.max_row + 1)
                if str(sheet.cell(r, name_col).value or "").startswith("Artiklar vi saknar")) + 1
    for offset, (name, volume, use) in enumerate(needs):
        sheet.cell(free + offset, name_col).value = name
        sheet.cell(free + offset, volume_col).value = volume
        sheet.cell(free + offset, usage).value = use
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return target


def libreoffice(path: Path, kind: str, out: Path) -> Path:
    """``path`` re-saved by LibreOffice as ``kind`` (xls, ods, csv, xlsx) in ``out``; the file name kept."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out.mkdir(parents=True, exist_ok=True)
    profile = out / ".lo_profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", kind,
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    produced = out / f"{path.stem}.{kind}"
    assert produced.exists(), f"LibreOffice did not write {produced}"
    return produced


def random_answers(keys: Sequence[str], rng: random.Random, typed: Callable[[str, random.Random], str],
                   share: float = 0.7) -> dict[str, Answer]:
    """Answers to about ``share`` of ``keys``: usage and future need labels written by ``typed``."""
    from workbench.vocabularies import vocabularies

    usage = vocabularies()["usage"].labels("sv")
    future = vocabularies()["future_need"].labels("sv")
    found: dict[str, Answer] = {}
    for key in keys:
        if rng.random() > share:
            continue
        use = typed(rng.choice(usage), rng) if rng.random() < 0.95 else None
        need = typed(rng.choice(future), rng) if rng.random() < 0.8 else None
        note = rng.choice([None, None, None, "Används i köket", "Säg \"nej\"; tack, okej", "  mellanslag  "])
        if use is None and need is None and note is None:
            use = typed(usage[0], rng)
        found[key] = (use, need, note)
    return found
