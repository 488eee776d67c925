"""The summary PDF: one A4 page plus appendix, fonts embedded, the key figures findable as text by
pdftotext, rendered by pdftoppm; and the command's refusals."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.reading.importer import read_table
from workbench.summary.figures import summarise
from workbench.summary.pdf import pdf_bytes

ROOT = Path(__file__).resolve().parents[3]
JOINT = ROOT / "resources" / "sample" / "sodertorn_gemensam.xlsx"
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdfinfo, pdftoppm) not installed")


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "gemensam.xlsx"
    shutil.copy2(JOINT, path)
    table = read_table(path)
    keys = [str(k) for k in table.keys]
    decisions = path.parent / "beslut.csv"
    with open(decisions, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["key", "decision", "reviewed_by"])
        for i, key in enumerate(keys[:200]):
            writer.writerow([key, "Ta bort" if i % 2 else "Behåll", "Anna Lind"])
    assert main(["apply", str(path), "--decisions", str(decisions)]) == 0
    return path


@needs_poppler
def test_one_page_and_an_appendix_with_the_figures_as_text(decided: Path, tmp_path: Path) -> None:
    out = tmp_path / "sammanfattning.pdf"
    assert main(["summary", str(decided), "-o", str(out)]) == 0
    info = _run("pdfinfo", str(out))
    assert "A4" in info
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 2
    fonts = _run("pdffonts", str(out)).splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts), fonts  # every font embedded
    first = _run("pdftotext", "-layout", "-f", "1", "-l", "1", str(out), "-")
    summary = summarise(read_table(decided))
    after = summary.whole.articles_after
    assert f"526 → {after}" in first
    assert "Artiklar per beslut och kategori" in first and "Södertälje" in first and "Huddinge" in first
    assert "Avgjorda artiklar" in first and "200 av 526" in first
    assert "Bilaga" not in first
    rest = _run("pdftotext", "-f", "2", str(out), "-")
    assert "Bilaga" in rest and "Per kommun" in rest and "Anna Lind" in rest
    _run("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(out), str(tmp_path / "page"))
    png = next(tmp_path.glob("page*.png"))
    assert png.stat().st_size > 5_000


@needs_poppler
def test_english_page(decided: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BEHOVSANALYS_LANG", "en")
    out = tmp_path / "summary.pdf"
    assert main(["summary", str(decided), "-o", str(out), "--title", "Södertörn 2026"]) == 0
    first = _run("pdftotext", "-f", "1", "-l", "1", str(out), "-")
    assert "Södertörn 2026" in first and "Articles in the assortment" in first
    assert "Artiklar i sortimentet" not in first


def test_the_pdf_is_made_without_qt_with_its_fonts_embedded() -> None:
    summary = summarise(read_table(JOINT))
    data = pdf_bytes(summary)
    assert data.startswith(b"%PDF-") and b"DejaVuSans" in data
    assert "PySide6" not in sys.modules


@pytest.mark.parametrize("name", ["summary.txt", "summary.csv"])
def test_an_output_that_is_neither_pdf_nor_xlsx_is_refused_by_name(tmp_path: Path, name: str,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / name
    assert main(["summary", str(JOINT), "-o", str(out)]) == 2
    assert name in capsys.readouterr().err
    assert not out.exists()


def test_the_joint_workbook_is_never_overwritten(decided: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = decided.read_bytes()
    copy = decided.parent / "kopia.xlsx"
    shutil.copy2(decided, copy)
    assert main(["summary", str(copy), "-o", str(copy)]) == 2
    assert "kopia.xlsx" in capsys.readouterr().err
    assert copy.read_bytes() == before


def test_a_missing_folder_is_said_and_nothing_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "saknas" / "s.pdf"
    assert main(["summary", str(JOINT), "-o", str(out)]) == 2
    assert "s.pdf" in capsys.readouterr().err


def test_a_file_without_articles_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "tom.csv"
    bad.write_text("a;b\n;\n", encoding="utf-8")
    assert main(["summary", str(bad)]) == 2
    assert "tom.csv" in capsys.readouterr().err
