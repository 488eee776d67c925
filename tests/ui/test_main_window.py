"""The main window as a user meets it: Swedish by default, English on request, files open or fail clearly."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.about import AboutDialog
from ui.importing.preview import PreviewPage
from ui.main_window import MainWindow
from ui.version import app_version


def test_window_starts_in_swedish_with_the_empty_review_area(main_window: MainWindow) -> None:
    assert main_window.file_menu.title() == "&Arkiv"
    assert main_window.open_action.text() == "&Öppna…"
    assert main_window.stack.currentWidget().objectName() == "emptyPage"
    assert main_window.windowTitle() == "Behovsanalys"


def test_switching_to_english_retranslates_without_restart(main_window: MainWindow) -> None:
    main_window.set_language("en")
    assert main_window.file_menu.title() == "&File"
    assert main_window.empty_open_button.text() == "Open file…"
    assert main_window.settings.get("language") == "en"
    main_window.set_language("sv")
    assert main_window.file_menu.title() == "&Arkiv"


def test_every_text_of_the_windows_parts_comes_out_in_swedish(main_window: MainWindow) -> None:
    """The window's parts are mixins (ui/window): lupdate files their texts under the mixin's name, and the
    window's tr() must find them there, plural forms too (PySide6's own tr() stopped at "MainWindow")."""
    parts = {cls.__name__ for cls in type(main_window).__mro__ if cls.__module__.startswith("ui.")}
    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "behovsanalys_sv.ts"
    checked = plurals = 0
    for context in ET.parse(ts).getroot().iter("context"):
        if context.findtext("name") not in parts:
            continue
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment")
            translation = message.find("translation")
            assert translation is not None
            if message.get("numerus") == "yes":
                forms = [form.text or "" for form in translation.iter("numerusform")]
                for n, form in ((1, forms[0]), (2, forms[1])):
                    expected = form.replace("%Ln", str(n)).replace("%n", str(n))
                    assert main_window.tr(source, comment, n) == expected, (source, n)
                plurals += 1
            else:
                assert main_window.tr(source, comment) == translation.text, source
            checked += 1
    assert checked >= 40 and plurals >= 5


def test_about_dialog_shows_the_version(main_window: MainWindow, qtbot) -> None:
    main_window.about_action.trigger()
    dialog = main_window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert app_version() in dialog.findChild(type(dialog.children()[1]), "aboutTitle").text()
    dialog.close()


def test_opening_the_sample_shows_every_article(main_window: MainWindow, sample_workbook: Path, qtbot) -> None:
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    assert main_window.stack.currentWidget() is main_window.table_page
    assert main_window.model.rowCount() == main_window.table.row_count > 1500
    assert "Granskade 0 av" in main_window.progress_label.text()
    assert main_window.windowTitle().startswith("sodertorn_sortiment.xlsx")
    assert str(sample_workbook.resolve()) == main_window.settings.get("recent_files")[0]


def test_a_damaged_file_gets_a_message_naming_it(main_window: MainWindow, tmp_path: Path, qtbot) -> None:
    broken = tmp_path / "inköp 2025.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    main_window.open_file(broken)
    qtbot.waitUntil(lambda: main_window.findChild(QMessageBox, "errorBox") is not None, timeout=10_000)
    box = main_window.findChild(QMessageBox, "errorBox")
    assert "inköp 2025.xlsx" in box.text()
    assert "skadad" in box.text() or "kan inte läsas" in box.text()
    assert main_window.stack.currentWidget().objectName() == "emptyPage"
    box.close()
    QApplication.processEvents()


def test_cancelled_opening_shows_nothing_and_says_so(main_window: MainWindow, sample_workbook: Path, qtbot) -> None:
    task = main_window.open_file(sample_workbook)
    assert main_window.cancel_button.isVisible() and main_window.load_progress.isVisible()
    main_window.cancel_button.click()
    qtbot.waitUntil(task.finished.is_set, timeout=30_000)
    qtbot.waitUntil(lambda: not main_window.cancel_button.isVisible(), timeout=5_000)
    assert main_window.stack.currentWidget().objectName() == "emptyPage"
    assert main_window.table is None
    assert "avbröts" in main_window.statusBar().currentMessage()


def test_column_layout_and_sort_are_remembered_per_workbook(main_window: MainWindow, sample_workbook: Path,
                                                            qtbot) -> None:
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    page = main_window.review_page
    model = main_window.model
    gtin = next(c for c in range(model.columnCount()) if model.column_id(c) == "GTIN")
    page.set_column_visible(gtin, False)
    main_window.table_view.setColumnWidth(model.column_of_field("comment"), 333)
    page._on_header_section_clicked(model.column_of_field("decision"))
    page.save_layout()
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    assert main_window.table_view.isColumnHidden(gtin)
    assert main_window.table_view.columnWidth(model.column_of_field("comment")) == 333
    assert page.spec.sort == ("decision", True)


def test_the_sample_rows_show_at_once_and_the_review_grid_replaces_them(main_window: MainWindow,
                                                                       sample_workbook: Path, qtbot) -> None:
    seen: list[tuple[str, int]] = []

    def shown() -> None:
        page = main_window.stack.currentWidget()
        seen.append((page.objectName(), page.model.rowCount() if isinstance(page, PreviewPage) else -1))

    main_window.rows_shown.connect(shown)
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
        preview = main_window.findChild(PreviewPage)
        assert preview is not None and preview.view.editTriggers() == preview.view.EditTrigger.NoEditTriggers
        assert preview.model.headerData(0, Qt.Orientation.Vertical) == "5"  # the sheet's row, as the grid
    assert seen == [("previewPage", 2000), ("tablePage", -1)]  # the preview first, then the review grid
    assert main_window.stack.currentWidget() is main_window.table_page
    qtbot.waitUntil(lambda: main_window.findChild(PreviewPage) is None)  # gone, not hidden
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)  # with a table open, the next file loads without a preview
    assert main_window.findChild(PreviewPage) is None


def test_source_values_read_alike_in_the_preview_and_the_review_grid() -> None:
    import datetime as dt

    from ui.importing.preview import preview_text

    assert preview_text(1234.5, "sv") == "1\u00a0234,50" and preview_text(1234.5, "en") == "1,234.50"
    assert preview_text(100.0, "sv") == "100" and preview_text(12000, "sv") == "12\u00a0000"
    assert preview_text(dt.date(2025, 1, 2), "sv") == "2025-01-02" and preview_text(float("nan"), "sv") == ""
    assert preview_text("0007206", "sv") == "0007206"


def test_a_hidden_window_still_loads_although_its_preview_is_never_painted(sample_workbook: Path, qtbot) -> None:
    from ui.app import create_window

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = create_window(app, "sv")
    qtbot.addWidget(window)  # never shown: the load waits for the preview's paint only half a second
    with qtbot.waitSignal(window.table_loaded, timeout=30_000):
        window.open_file(sample_workbook)
    assert window.model.rowCount() == 2000


def test_regression_the_reviewer_name_honours_behovsanalys_user(main_window, sample_workbook, qtbot,
                                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The grid stamped the login name and ignored BEHOVSANALYS_USER, which the core's journal, lock and CLI use."""
    monkeypatch.setenv("BEHOVSANALYS_USER", "Cecilia Lund")
    main_window.settings.set("user_name", "")
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    main_window.model.set_field([0], "decision", "keep")
    assert main_window.table.review["reviewed_by"].iat[0] == "Cecilia Lund"
    main_window.settings.set("user_name", "Anna Svensson")  # a name chosen in the app wins
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    main_window.model.set_field([1], "decision", "keep")
    assert main_window.table.review["reviewed_by"].iat[1] == "Anna Svensson"
