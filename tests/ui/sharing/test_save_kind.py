"""Save as keeps a macro workbook's ending: Excel opens macros only as .xlsm (issue 13.11)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import xlsxwriter

from ui.main_window import MainWindow
from ui.sharing import save_controller
from workbench.reading.importer import read_table


def test_save_as_offers_xlsm_for_a_macro_workbook(main_window: MainWindow, tmp_path: Path, qtbot,
                                                  monkeypatch) -> None:
    vba = tmp_path / "vbaProject.bin"
    vba.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    path = tmp_path / "makro.xlsm"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    sheet.write_row(0, 0, ["Artikelnummer", "Benämning", "Pris"])
    sheet.write_row(1, 0, ["A1", "Penna", 3])
    book.add_vba_project(str(vba))
    book.close()
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(path)
    main_window.model.set_field([0], "decision", "keep")
    offered: list[str] = []

    def choose(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return start, ""

    monkeypatch.setattr(save_controller, "get_save_file_name", choose)
    with qtbot.waitSignal(main_window.saver.saved, timeout=30_000):
        main_window.saver.save_as()
    assert offered == [str(tmp_path / "makro (granskad).xlsm")]
    written = Path(offered[0])
    with zipfile.ZipFile(written) as package:
        assert "xl/vbaProject.bin" in package.namelist()
    assert read_table(written).review["decision"].iloc[0] == "keep"
