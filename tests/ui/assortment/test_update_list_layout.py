"""Arkiv > Uppdatera kommunlista… with a list that cannot be read (walk-through defect: the read error stood
on one line with the whole path and stretched the dialog to 1174 px): the error wraps, names the file, and
the dialog stays narrower than a 1024 px screen."""

from __future__ import annotations

from pathlib import Path

import _merge_lists as lists

from ui.assortment.update_list import open_update_list
from ui.main_window import MainWindow
from workbench.assortment import Source, merge_lists


def test_a_read_error_wraps_and_keeps_the_dialog_narrow(main_window: MainWindow, tmp_path: Path, qtbot) -> None:
    botkyrka, huddinge, nacka = lists.make_lists(tmp_path)
    joint = tmp_path / "Gemensam analys.xlsx"
    merge_lists(joint, [Source(botkyrka, "Botkyrka"), Source(huddinge), Source(nacka)])
    folder = tmp_path / "en mapp med ett ganska långt namn" / "och en till undermapp för listorna"
    folder.mkdir(parents=True)
    bad = folder / "Artiklar 2025.xlsx"
    bad.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    dialog = open_update_list(main_window, joint)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=30_000)
    dialog.set_list(bad)
    qtbot.waitUntil(lambda: dialog.entry is not None and dialog.entry.error is not None, timeout=30_000)
    qtbot.wait(50)
    status = dialog.list_status
    assert "Artiklar 2025.xlsx" in status.text()
    assert str(folder) not in status.text() and str(folder) in status.toolTip()
    assert status.wordWrap()
    assert dialog.sizeHint().width() < 1024 and dialog.minimumSizeHint().width() < 1024
    assert dialog.width() < 1024
    dialog.reject()
