"""Issue 12 item 18: counts in proper Swedish (Qt's %n plural forms), field names lower-cased inside a
sentence, "OK", digit groups, and ISO dates in the file dialog."""

from __future__ import annotations

import ast
import os
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from PySide6.QtCore import QLocale, QModelIndex
from PySide6.QtWidgets import QApplication, QMessageBox, QTreeView

from ui.file_dialogs import file_dialog
from ui.i18n import install_translator
from ui.main_window import MainWindow
from workbench.numbers import format_number

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "behovsanalys_sv.ts"
# placeholders that stand for a number of things (rows, articles, conflicts …)
COUNT_PLACEHOLDER = re.compile(r"\{(count|rows|n|shown|total|articles|cells|conflicts|keys|number)\}|%L?n")
NBSP = "\u00a0"


def test_every_translated_text_with_a_count_uses_plural_forms() -> None:
    checked = 0
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        if not COUNT_PLACEHOLDER.search(source):
            continue
        checked += 1
        assert message.get("numerus") == "yes", f"{source!r}: a count needs %n and plural forms"
        assert re.search(r"%L?n", source), f"{source!r}: the count must be Qt's %n, not a format field"
        forms = [form.text or "" for form in message.iter("numerusform")]
        assert len(forms) == 2 and all(re.search(r"%L?n", form) for form in forms), source
    assert checked >= 8


def test_no_ui_text_fills_in_a_count_by_hand() -> None:
    """``self.tr("{rows} rows").format(rows=n)`` cannot say "1 rad": every count goes through %n."""
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
                    and isinstance(node.func.value, ast.Call) and isinstance(node.func.value.func, ast.Attribute)
                    and node.func.value.func.attr == "tr"):
                source = node.func.value.args[0]
                if isinstance(source, ast.Constant) and COUNT_PLACEHOLDER.search(str(source.value)) \
                        and "%" not in str(source.value):
                    offenders.append(f"{path.name}:{node.lineno}: {source.value}")
    assert offenders == []


@pytest.fixture
def loaded(main_window: MainWindow, sample_workbook: Path, qtbot) -> MainWindow:
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    return main_window


def test_one_row_and_two_rows_read_right_in_swedish(loaded: MainWindow) -> None:
    model = loaded.model
    model.set_field([0], "decision", "keep")
    assert loaded.undo_action.text() == "&Ångra Sätt beslut på 1 rad"
    model.set_field([1, 2], "env_score", "3")
    assert loaded.undo_action.text() == "&Ångra Sätt miljöpoäng på 2 rader"
    model.set_field([3], "replaced_by", model.data(model.index(4, 0)))
    assert loaded.undo_action.text() == "&Ångra Sätt ersätts av på 1 rad"
    view = loaded.table_view
    view.selectRow(0)
    view.selectionModel().select(model.index(1, 0), view.selectionModel().SelectionFlag.Select
                                 | view.selectionModel().SelectionFlag.Rows)
    loaded._update_progress_label()
    assert loaded.selection_label.text().startswith("2 rader markerade")
    view.clear_selection_values()
    assert loaded.undo_action.text() == "&Ångra Rensa 2 rader"


def test_counts_have_digit_groups_and_the_article_noun(loaded: MainWindow) -> None:
    assert loaded.review_page.count_label.text() == f"2{NBSP}000 av 2{NBSP}000 artiklar visas"
    assert loaded.progress_label.text() == f"Granskade 0 av 2{NBSP}000 artiklar (0 %)"
    assert loaded.statusBar().currentMessage() == f"Läste 2{NBSP}000 artiklar från {loaded.table.path.name}"


def test_english_has_its_own_plurals_and_groups(loaded: MainWindow) -> None:
    loaded.set_language("en")
    try:
        loaded.model.set_field([0], "decision", "keep")
        assert loaded.undo_action.text() == "&Undo Set decision on 1 row"
        loaded.model.set_field([0, 1], "decision", "remove")
        assert loaded.undo_action.text() == "&Undo Set decision on 2 rows"
        assert loaded.review_page.count_label.text() == "2,000 of 2,000 articles shown"
        assert loaded.progress_label.text().startswith("Reviewed 2 of 2,000 articles")
    finally:
        loaded.set_language("sv")


def test_qt_locale_groups_digits_as_the_number_helper_does() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for language in ("en", "sv"):
        install_translator(app, language)
        for value in (7, 2000, 1234567):
            assert QLocale().toString(value) == format_number(value, language)


def test_standard_buttons_say_ok_in_capitals(main_window: MainWindow) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "t", "x", QMessageBox.StandardButton.Ok, main_window)
    assert box.button(QMessageBox.StandardButton.Ok).text() == "OK"
    box.deleteLater()


def test_the_file_dialog_shows_dates_as_iso(main_window: MainWindow, tmp_path: Path, qtbot) -> None:
    workbook = tmp_path / "sortiment.xlsx"
    workbook.write_bytes(b"x")
    stamp = time.mktime(time.strptime("2026-12-01 14:05", "%Y-%m-%d %H:%M"))
    os.utime(workbook, (stamp, stamp))
    dialog = file_dialog(main_window, "Öppna", str(tmp_path), "Kalkylblad (*.xlsx)")
    dialog.open()
    tree = dialog.findChild(QTreeView, "treeView")
    assert tree is not None  # Qt's own dialog, as on a Linux desktop without a native one
    model = tree.model()

    def row() -> QModelIndex | None:
        root = tree.rootIndex()
        names = [model.index(r, 0, root) for r in range(model.rowCount(root))]
        return next((index for index in names if index.data() == "sortiment.xlsx"), None)

    qtbot.waitUntil(lambda: row() is not None, timeout=5000)
    index = row()
    assert index is not None
    assert model.index(index.row(), 3, index.parent()).data() == "2026-12-01 14:05"
    dialog.reject()
    dialog.deleteLater()
