"""After a save and after a pull the status bar shows the core's change summary (``result.changes``, worded
by the catalogue, as the CLI words it) through ``ui.sharing.changes.show_changes``: in Swedish with the
right number forms, by the colleague's name, the file by its name; in English in an English window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.app import create_window
from ui.main_window import MainWindow


def _open(qtbot, path: Path, user: str, language: str = "sv") -> MainWindow:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = create_window(app, language)
    window.settings.set("user_name", user)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.table_loaded, timeout=30_000):
        window.open_file(path)
    return window


def _save(window: MainWindow, qtbot) -> object:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.saver.saved, timeout=30_000) as blocker:
        window.save_action.trigger()
    return blocker.args[0]


def _pull(window: MainWindow, qtbot) -> object:  # type: ignore[no-untyped-def]
    window.saver.watcher.accept_current()
    window.saver.watcher._stamp = None  # the periodic check notices the colleague's save at once
    with qtbot.waitSignal(window.saver.pulled, timeout=30_000) as blocker:
        window.saver.watcher.check()
    return blocker.args[0]


def test_a_save_and_a_pull_show_the_catalogues_summary(sample_workbook: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    anna = _open(qtbot, sample_workbook, "Anna Svensson")
    bo = _open(qtbot, sample_workbook, "Bo Ek", "en")
    name = sample_workbook.name
    anna.model.set_field([0, 1], "decision", "keep")
    result = _save(anna, qtbot)
    shown = anna.statusBar().currentMessage()
    assert shown == result.changes.text("sv", separator=" \u00b7 ", file_name_only=True)  # type: ignore[attr-defined]
    assert shown == (f"6 celler för 2 artiklar sparades i {name}. \u00b7 Nya granskningskolumner lades till: "
                     "Användning, Framtida behov, Miljöpoäng, Beslut, Ersätts av, Kommentar, Granskad av, Granskad.")
    assert anna.statusBar().toolTip() == shown
    pulled = _pull(bo, qtbot)
    assert len(pulled.theirs_changes) == 6  # type: ignore[attr-defined]
    assert bo.statusBar().currentMessage() == f"6 changes by Anna Svensson were merged in from {name}."
    bo.model.set_field([2], "decision", "remove")
    anna.model.set_field([3], "decision", "investigate")
    _save(anna, qtbot)
    assert anna.statusBar().currentMessage() == f"3 celler för 1 artikel sparades i {name}."
    _save(bo, qtbot)  # ours written, Anna's second save taken in: the file is named once
    assert bo.statusBar().currentMessage() == (
        f"3 cells for 1 article were saved in {name}. \u00b7 3 changes by Anna Svensson were merged in.")
    _pull(anna, qtbot)
    assert anna.statusBar().currentMessage() == f"3 ändringar av Bo Ek fördes in från {name}."
