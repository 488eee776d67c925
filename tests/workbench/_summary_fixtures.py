"""A copy of the joint sample with decisions written by ``workbench apply`` (the summary's workbook and
sheet tests), and LibreOffice reading a workbook back."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.reading.importer import read_table

ROOT = Path(__file__).resolve().parents[2]
JOINT = ROOT / "resources" / "sample" / "sodertorn_gemensam.xlsx"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def apply_decisions(path: Path, rows: list[dict[str, str]]) -> None:
    decisions = path.parent / f"{path.stem}-beslut.csv"
    with open(decisions, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["key", "decision", "replaced_by", "reviewed_by"])
        writer.writeheader()
        writer.writerows(rows)
    assert main(["apply", str(path), "--decisions", str(decisions), "--user", "test"]) == 0


def decided_joint(folder: Path, first: int = 0, count: int = 160) -> Path:
    """The joint sample with ``count`` articles from the ``first`` decided: kept, investigated, removed,
    replaced by the next article (which stays), one replaced without a replacement, by three reviewers
    and one decided by nobody named."""
    path = folder / "gemensam.xlsx"
    shutil.copy2(JOINT, path)
    decide(path, first, count)
    return path


def decide(path: Path, first: int, count: int) -> None:
    keys = [str(k) for k in read_table(path).keys]
    rows = []
    for i, key in enumerate(keys[first:first + count]):
        decision = ("Behåll", "Ersätt", "Utred", "Ta bort")[i % 4]
        replaced_by = keys[first + i + 1] if decision == "Ersätt" and i != 1 else ""
        reviewer = ("Anna", "Bo", "Cecilia", "")[i % 7 % 4] if i % 7 != 6 else ""
        rows.append({"key": key, "decision": decision, "replaced_by": replaced_by, "reviewed_by": reviewer})
    apply_decisions(path, rows)


def libreoffice_sheets(path: Path, out: Path) -> dict[str, list[list[str]]]:
    """Every sheet of ``path`` as LibreOffice reads it (its csv export of all sheets), by sheet name."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([SOFFICE, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
                           "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,"
                           "false,-1", "--outdir", str(out), str(path)], capture_output=True, timeout=180)
    assert done.returncode == 0, done.stderr
    sheets = {}
    for produced in out.glob(f"{path.stem}-*.csv"):
        with produced.open(encoding="utf-8", newline="") as handle:
            sheets[produced.stem[len(path.stem) + 1:]] = list(csv.reader(handle))
    assert sheets, "LibreOffice could not read the file"
    return sheets


def libreoffice_pdf_text(path: Path, out: Path) -> str:
    """What LibreOffice prints of ``path`` (as a PDF), as text (pdftotext)."""
    if SOFFICE is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) or pdftotext is not installed")
    out.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([SOFFICE, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(out), str(path)], capture_output=True, timeout=180)
    assert done.returncode == 0, done.stderr
    pdf = out / f"{path.stem}.pdf"
    assert pdf.exists(), "LibreOffice could not read the file"
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
