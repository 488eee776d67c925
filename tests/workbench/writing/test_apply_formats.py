"""Saving into files whose name and content disagree, or whose kind the output name would change.

Regression tests of issue 13 (items 11-13): macros under an .xlsx name, HTML and binary xls read by
content but called damaged on save, an encrypted ODS called damaged.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from _shared_fixtures import run_cli, write_decisions
from _writer_fixtures import corpus_copy

from workbench.errors import EncryptedFileError, OutputKindError
from workbench.reading.importer import read_table
from workbench.writing.save import apply_decisions

HEADERS = ["Artikelnummer", "Benämning", "Pris"]
ROWS = [["A001", "Penna", 10.5], ["A002", "Sudd", 4.0], ["A003", "Linjal", 12.0]]


def _xlsm(path: Path, tmp_path: Path) -> Path:
    vba = tmp_path / "vbaProject.bin"
    vba.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)  # stands in for a VBA project
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    sheet.write_row(0, 0, HEADERS)
    for r, row in enumerate(ROWS, start=1):
        sheet.write_row(r, 0, row)
    book.add_vba_project(str(vba))
    book.close()
    return path


def test_a_macro_workbook_is_not_saved_under_an_xlsx_name(tmp_path: Path) -> None:
    """Issue 13.11: ``apply X.xlsm -o OUT.xlsx`` kept the macros under .xlsx, which Excel refuses."""
    source = _xlsm(tmp_path / "makro.xlsm", tmp_path)
    out = tmp_path / "ut.xlsx"
    with pytest.raises(OutputKindError) as caught:
        apply_decisions(read_table(source), {"A001": {"decision": "Behåll"}}, output=out)
    assert not out.exists()
    assert ".xlsm" in caught.value.message("en") and "macro" in caught.value.message("en")
    assert "makro.xlsm" in caught.value.message("en") and "ut.xlsx" in caught.value.message("en")
    assert ".xlsm" in caught.value.message("sv") and "makro" in caught.value.message("sv")
    decisions = write_decisions(tmp_path / "d.csv", {"A001": {"decision": "Behåll"}})
    done = run_cli("apply", source, "--decisions", decisions, "-o", out, home=tmp_path)
    assert done.returncode == 2 and ".xlsm" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_a_macro_workbook_saves_under_an_xlsm_name(tmp_path: Path) -> None:
    source = _xlsm(tmp_path / "makro.xlsm", tmp_path)
    out = tmp_path / "ut.xlsm"
    apply_decisions(read_table(source), {"A001": {"decision": "Behåll"}}, output=out)
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(out) as after:
        assert after.read("xl/vbaProject.bin") == before.read("xl/vbaProject.bin")
    again = read_table(out)
    assert again.format == "xlsm" and again.review.set_index(again.keys.astype(str)).loc["A001", "decision"] == "keep"


def test_a_plain_workbook_is_not_saved_under_an_xlsm_name(tmp_path: Path) -> None:
    source = tmp_path / "lista.xlsx"
    book = xlsxwriter.Workbook(str(source))
    sheet = book.add_worksheet("Artiklar")
    sheet.write_row(0, 0, HEADERS)
    sheet.write_row(1, 0, ROWS[0])
    book.close()
    with pytest.raises(OutputKindError):
        apply_decisions(read_table(source), {"A001": {"decision": "Behåll"}}, output=tmp_path / "ut.xlsm")
    assert not (tmp_path / "ut.xlsm").exists()


def _html_xls(path: Path) -> Path:
    cells = "".join(f"<tr><td>{k}</td><td>{n}</td><td>{p}</td></tr>" for k, n, p in
                    [("00123", "Penna", "10,50"), ("A002", "Sudd", "4"), ("A003", "Linjal", "12")])
    path.write_text("<html><head><meta charset='utf-8'></head><body><table>"
                    "<tr><th>Artikelnummer</th><th>Benämning</th><th>Pris</th></tr>"
                    f"{cells}</table></body></html>", encoding="utf-8")
    return path


def test_an_html_table_saved_as_xls_is_saved_as_a_new_xlsx(tmp_path: Path) -> None:
    """Issue 13.12: the usual web export (an HTML table named .xls) read fine, but its save said damaged."""
    source = _html_xls(tmp_path / "export.xls")
    original = source.read_bytes()
    table = read_table(source)
    assert table.format == "html"
    result = apply_decisions(table, {"00123": {"decision": "Ta bort", "comment": "=1+1"}})
    assert result.converted and result.written == tmp_path / "export.xlsx"
    assert source.read_bytes() == original
    again = read_table(result.written)
    review = again.review.set_index(again.keys.astype(str))
    assert review.loc["00123", "decision"] == "remove" and review.loc["00123", "comment"] == "=1+1"


def test_a_binary_xls_named_xlsx_is_saved_as_a_new_xlsx(tmp_path: Path) -> None:
    """Issue 13.12: an old binary xls under an .xlsx name read fine, but its save said damaged."""
    xls = corpus_copy("libreoffice_chart_comment.xls", tmp_path)
    source = tmp_path / "gammal.xlsx"
    shutil.move(xls, source)
    original = source.read_bytes()
    table = read_table(source)
    assert table.format == "xls"
    key = str(table.keys.dropna().iloc[0])
    result = apply_decisions(table, {key: {"decision": "Behåll"}})
    assert result.converted and result.written == tmp_path / "gammal (2).xlsx"
    assert source.read_bytes() == original
    again = read_table(result.written)
    assert again.review.set_index(again.keys.astype(str)).loc[key, "decision"] == "keep"


_ENCRYPTED_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3"
  manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="4706">
  <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k"
   manifest:checksum="bm90IGEgcmVhbCBjaGVja3N1bQ==">
   <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc"
    manifest:initialisation-vector="MTIzNDU2Nzg5MDEyMzQ1Ng=="/>
   <manifest:start-key-generation manifest:start-key-generation-name="http://www.w3.org/2000/09/xmldsig#sha256"
    manifest:key-size="32"/>
   <manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32"
    manifest:iteration-count="100000" manifest:salt="c2FsdHNhbHRzYWx0c2FsdA=="/>
  </manifest:encryption-data>
 </manifest:file-entry>
</manifest:manifest>"""


def _encrypted_ods(path: Path) -> Path:
    """An ODS saved with a password as LibreOffice stores one: the parts encrypted (random bytes here),
    the manifest naming the cipher of each (``encryption-data``). LibreOffice 7.4's command line cannot
    write a password, so the package is built by hand."""
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        package.writestr("META-INF/manifest.xml", _ENCRYPTED_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        package.writestr("content.xml", os.urandom(4000), compress_type=zipfile.ZIP_STORED)
    return path


def test_an_encrypted_ods_is_called_password_protected(tmp_path: Path) -> None:
    """Issue 13.13: an encrypted ODS was reported as damaged."""
    path = _encrypted_ods(tmp_path / "hemlig.ods")
    with pytest.raises(EncryptedFileError) as caught:
        read_table(path)
    assert "password" in caught.value.message("en") and "LibreOffice" in caught.value.message("en")
    assert "lösenord" in caught.value.message("sv")
    done = run_cli("inspect", path, home=tmp_path)
    assert done.returncode == 2 and "password" in done.stderr and "damaged" not in done.stderr
