"""The reader and the writer read a package's structure with one reader (``workbench.xlsx.read_package``),
so they agree on the date system: ``workbookPr/@date1904`` is an xsd:boolean ("true"/"1" true,
"false"/"0"/absent false). The old copies disagreed on ``"on"`` (the writer's read it as true, the
reader's as false) and both missed white space around a valid value."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from _writer_fixtures import build_workbook

from workbench.reading.importer import read_table
from workbench.xlsx import read_date1904


def _with_flag(path: Path, flag: str | None) -> Path:
    """``path``'s workbook with ``date1904`` set to ``flag`` (left out for ``None``)."""
    with zipfile.ZipFile(path) as zf:
        members = {info: zf.read(info) for info in zf.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members.items():
            if info.filename == "xl/workbook.xml":
                text = data.decode("utf-8")
                assert 'date1904="1"' in text
                data = text.replace('date1904="1"', "" if flag is None else f'date1904="{flag}"').encode()
            zf.writestr(info, data)
    return path


@pytest.mark.parametrize(("flag", "expected"), [
    ("1", True), ("true", True), (" true ", True), ("0", False), ("false", False), (None, False),
    ("on", False),  # not an xsd:boolean: Excel refuses such a workbook; it does not count from 1904
])
def test_reader_and_writer_agree_on_the_date_system(tmp_path: Path, flag: str | None, expected: bool) -> None:
    path = _with_flag(build_workbook(tmp_path / "book.xlsx", date1904=True, extras=False), flag)
    assert read_date1904(path) is expected
    assert read_table(path, header_row=1).date1904 is expected
