"""A joint workbook with known decisions, an independent reading of it (openpyxl, not the importer) and of
the tender list written from it."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from workbench.cli import main
from workbench.resources import resource_path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
HEADER_ROW = 5

# key -> (Beslut, Ersätts av): a replacement kept, a chain ending in one investigated, a replacement that is
# removed, a cycle, a replacement missing, and the other decisions (and G00011 replaced by an ID the
# workbook does not hold, typed in Excel: ``workbench apply`` refuses it)
DECISIONS: dict[str, tuple[str, str]] = {
    "G00002": ("Ta bort", ""),
    "G00003": ("Ersätt", "G00001"),
    "G00004": ("Ersätt", "G00005"),
    "G00005": ("Ersätt", "G00006"),
    "G00006": ("Utred", ""),
    "G00007": ("Ersätt", "G00002"),
    "G00008": ("Ersätt", "G00009"),
    "G00009": ("Ersätt", "G00008"),
    "G00010": ("Ersätt", ""),
    "G00012": ("Behåll", ""),
    "G00084": ("Behåll", ""),
    "G00085": ("Ersätt", "G00084"),
}


def joint_with_decisions(folder: Path, decisions: Mapping[str, tuple[str, str]] = DECISIONS,
                         source: Path | None = None) -> Path:
    """A copy of the sample joint workbook (or ``source``) with ``decisions`` written by ``workbench apply``."""
    folder.mkdir(parents=True, exist_ok=True)
    joint = folder / "gemensam.xlsx"
    shutil.copy(source or resource_path("sample/sodertorn_gemensam.xlsx"), joint)
    csv = folder / "beslut.csv"
    lines = ["key,decision,replaced_by", *(f"{k},{d},{r}" for k, (d, r) in decisions.items())]
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["apply", str(joint), "--decisions", str(csv), "--user", "Test"]) == 0
    if decisions is DECISIONS:
        _type_in_excel(joint, "G00011", "Ersätt", "G99999")
    return joint


def _type_in_excel(joint: Path, key: str, decision: str, replacement: str) -> None:
    book = openpyxl.load_workbook(joint)
    sheet = book.worksheets[0]
    header = {c.value: c.column for c in sheet[1]}
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 1).value == key:
            sheet.cell(row, header["Beslut"]).value = decision
            sheet.cell(row, header["Ersätts av"]).value = replacement
    book.save(joint)


def joint_rows(joint: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The municipalities and, per article ID, its cells by header, read with openpyxl."""
    book = openpyxl.load_workbook(joint, read_only=True)
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(h) for h in next(rows)]
    municipalities = [h[len("Antal "):] for h in header
                      if h.startswith("Antal ") and f"Belopp {h[len('Antal '):]}" in header and h != "Antal totalt"]
    found = {}
    for values in rows:
        cells = dict(zip(header, values, strict=False))
        if cells.get("Artikel-ID"):
            found[str(cells["Artikel-ID"])] = cells
    book.close()
    return municipalities, found


def expected_volumes(joint: Path) -> tuple[list[str], dict[str, dict[str, float]]]:
    """Per remaining article the yearly volume per municipality, with what it takes over, by the DESIGN's
    rule worked out here on its own: removed and replaced leave; a replaced article's volume goes to the
    article its chain of replacements ends in, unless that one is removed, the chain goes round, or it is
    no article."""
    municipalities, rows = joint_rows(joint)
    decision = {k: (r.get("Beslut") or "") for k, r in rows.items()}
    target = {k: (r.get("Ersätts av") or "") for k, r in rows.items()}
    volumes = {k: {m: float(r[f"Antal {m}"] or 0) for m in municipalities}
               for k, r in rows.items() if decision[k] not in ("Ta bort", "Ersätt")}
    for key in rows:
        if decision[key] != "Ersätt":
            continue
        seen, current = {key}, target[key]
        while current and decision.get(current) == "Ersätt" and current not in seen:
            seen.add(current)
            current = target[current]
        if current in volumes and current not in seen:
            for m in municipalities:
                volumes[current][m] += float(rows[key][f"Antal {m}"] or 0)
    return municipalities, volumes


def tender_rows(path: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The tender list's header and, per article ID, its cells by header."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[HEADER_ROW]]
    found = {}
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if row[0]:
            found[str(row[0])] = dict(zip(header, row, strict=False))
    return [str(h) for h in header], found


def libreoffice(path: Path, kind: str, out: Path) -> Path:
    """``path`` converted by LibreOffice to ``kind`` (``xlsx``, ``csv``, ``pdf``) in ``out``."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out.mkdir(parents=True, exist_ok=True)
    profile = out / "profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", kind,
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    converted = out / f"{path.stem}.{kind.split(':')[0]}"
    assert converted.exists(), f"LibreOffice did not convert {path.name} to {kind}"
    return converted
