"""Visa > Sammanfattning in the real main window on a copy of the sample joint workbook (issue 19): the page
shows the core's figures (the same as ``summarise()`` on the file), follows a decision set in the grid,
paints its charts, prints onto one PDF page, writes the PDF and the workbook through the core's writers,
and speaks English."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from ui.main_window import MainWindow
from ui.shortcuts_dialog import shortcut_rows
from ui.summary import controller as summary_controller
from workbench.reading.importer import read_table
from workbench.summary import page as summary_page
from workbench.summary import summarise
from workbench.summary.charts import AFTER_COLOUR, DECISION_COLOURS

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample" / "sodertorn_gemensam.xlsx"


@pytest.fixture
def joint(tmp_path: Path) -> Path:
    target = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, target)
    return target


def _open(window: MainWindow, joint: Path, qtbot) -> Any:
    window.resize(1400, 880)
    window.open_file(joint)
    qtbot.waitUntil(lambda: window.table is not None and not window.loading, timeout=30_000)
    summary = window.summary
    with qtbot.waitSignal(summary.computed, timeout=30_000):
        summary.page_action.trigger()
    assert window.stack.currentWidget() is summary.page
    return summary


@pytest.fixture
def opened(main_window: MainWindow, joint: Path, qtbot) -> Any:
    return _open(main_window, joint, qtbot)


def _without_time(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "made_at"}


def _colour_pixels(widget, colour: str) -> int:
    image = widget.grab().toImage()
    wanted = int(colour.lstrip("#"), 16)
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if image.pixel(x, y) & 0xFFFFFF == wanted)


def test_the_page_shows_the_figures_of_summarise(opened, joint: Path) -> None:
    expected = summarise(read_table(joint), file=joint)
    assert _without_time(opened.summary.to_json()) == _without_time(expected.to_json())
    page = opened.page
    shown = summary_page(expected, "sv")
    assert [(c.label.text(), c.value.text(), c.note.text()) for c in page.cards if c.isVisible()] == \
        [(f.label, f.value, f.note) for f in shown.figures]
    assert page.title.text() == shown.title
    assert [w.chart.key for w in page.charts.values() if w.isVisible() and w.chart is not None] == \
        ["decisions", "municipalities", "materials"]
    assert page.municipality_model.rowCount() == len(expected.by_municipality) == 8
    assert page.municipality_model.rows[0][0] == next(iter(expected.by_municipality))
    assert all(note.replace("&", "&amp;") in page.notes.text() for note in shown.notes)


def test_the_page_follows_a_decision_in_the_grid(opened, qtbot) -> None:
    window = opened.window
    before = opened.summary.whole
    grey = _colour_pixels(opened.page.charts["decisions"], DECISION_COLOURS["remove"])  # the legend's swatch
    key = opened.summary.problems.undecided[0]
    assert window.model.set_field([window.model.row_of_key(key)], "decision", "remove")
    assert opened.busy  # debounced: typing goes on, the page follows after the pause
    with qtbot.waitSignal(opened.computed, timeout=10_000):
        pass
    after = opened.summary.whole
    assert after.articles_after == before.articles_after - 1
    assert after.decisions["remove"] == before.decisions["remove"] + 1
    assert opened.page.cards[0].value.text().endswith(f"→ {before.articles_after - 1}")
    # twenty more of the largest category: its bar gets a Ta bort part wide enough to see
    table = window.table
    category = table.data[table.columns["category"]].astype(str)
    largest = category.value_counts().index[0]
    keys = [k for k, c in zip(table.keys, category, strict=True) if c == largest and k != key][:20]
    window.model.set_field([window.model.row_of_key(k) for k in keys], "decision", "remove")
    with qtbot.waitSignal(opened.computed, timeout=10_000):
        pass
    assert opened.summary.whole.articles_after == before.articles_after - 21
    # the decisions chart now has a Ta bort segment
    assert _colour_pixels(opened.page.charts["decisions"], DECISION_COLOURS["remove"]) > grey


def test_a_decision_while_the_page_is_hidden_counts_when_it_is_shown_again(opened, qtbot) -> None:
    window = opened.window
    opened.hide_page()
    before = opened.summary.whole.articles_after
    key = opened.summary.problems.undecided[0]
    window.model.set_field([window.model.row_of_key(key)], "decision", "remove")
    assert not opened.busy  # nothing computed for a page nobody looks at
    with qtbot.waitSignal(opened.computed, timeout=10_000):
        opened.page_action.trigger()
    assert opened.summary.whole.articles_after == before - 1


def test_the_chart_widget_paints_its_bars(opened) -> None:
    chart = opened.page.charts["municipalities"]
    assert chart.height() > 200 and chart.width() > 300
    assert _colour_pixels(chart, AFTER_COLOUR) > 500  # the Efter bars
    empty = type(chart)()
    empty.resize(chart.size())
    assert _colour_pixels(empty, AFTER_COLOUR) == 0


def test_ticks_are_round_and_grouped() -> None:
    from ui.summary.chart_widget import nice_ticks, tick_text

    assert nice_ticks(355) == [0, 100, 200, 300, 400]
    assert nice_ticks(400_022.7)[-1] >= 400_022.7
    assert tick_text(200_000, "sv") == "200\u00a0000" or tick_text(200_000, "sv") == "200 000"
    assert tick_text(200_000, "en") == "200,000"


def _ink(pdf: Path) -> float:
    """The share of the first page's pixels that are dark (pdftoppm renders it in grey)."""
    grey = subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", "1", "-l", "1", str(pdf)], capture_output=True,
                          check=True).stdout
    header, _, pixels = grey.split(b"\n", 3)[0], None, grey.split(b"\n", 3)[3]
    assert header == b"P5"
    return sum(1 for b in pixels if b < 160) / max(1, len(pixels))


def test_print_to_pdf_gives_one_page(opened, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from ui.summary.printing import new_printer

    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "utskrift.pdf"
    printer.setOutputFileName(str(target))
    opened.print_to(printer)
    assert target.read_bytes()[:5] == b"%PDF-"
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info
    assert "842 x 595" in info  # A4 landscape
    assert _ink(target) > 0.02  # the page is on it, not a blank sheet


def test_file_print_asks_for_a_printer_and_prints_the_page(opened, tmp_path: Path, monkeypatch, qtbot) -> None:
    window = opened.window
    actions = window.file_menu.actions()
    assert actions.index(opened.print_action) < actions.index(window.quit_action)
    assert opened.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    target = tmp_path / "skrivare.pdf"

    def choose(printer) -> bool:
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(opened, "ask_printer", choose)
    window.stack.setCurrentWidget(window.table_page)
    opened.print_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert window.stack.currentWidget() is opened.page
    assert "Pages:           1" in subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout


def test_the_buttons_write_through_the_core_writers(opened, tmp_path: Path, monkeypatch, qtbot) -> None:
    calls: list[tuple[Any, Path, str]] = []

    def fake(summary, path: Path, lang: str = "sv") -> None:
        calls.append((summary, path, lang))
        path.write_bytes(b"written")

    monkeypatch.setattr(summary_controller, "writer", lambda kind: fake)
    monkeypatch.setattr(opened, "ask_path", lambda kind, suggested: tmp_path / f"ut-{kind}")
    with qtbot.waitSignal(opened.written, timeout=10_000) as blocker:
        opened.page.pdf_button.click()
    assert blocker.args == [str(tmp_path / "ut-pdf.pdf")]
    with qtbot.waitSignal(opened.written, timeout=10_000):
        opened.page.workbook_button.click()
    assert [(c[1].name, c[2]) for c in calls] == [("ut-pdf.pdf", "sv"), ("ut-workbook.xlsx", "sv")]
    assert calls[0][0] is opened.summary
    assert "ut-workbook.xlsx" in opened.window.statusBar().currentMessage()
    assert not opened.window.saver.is_dirty


def test_a_missing_writer_says_so(opened, monkeypatch) -> None:
    monkeypatch.setattr(summary_controller, "writer", lambda kind: None)
    asked: list[str] = []
    monkeypatch.setattr(opened, "ask_path", lambda kind, suggested: asked.append(kind))
    opened.page.pdf_button.click()
    assert asked == []
    assert opened.notice is not None and "PDF" in opened.notice.text()


def test_the_tender_button_triggers_the_tender_action_where_there_is_one(main_window: MainWindow, joint: Path,
                                                                           qtbot) -> None:
    summary = _open(main_window, joint, qtbot)
    action = summary.tender_action()
    assert (action is None) == summary.page.tender_button.isHidden()
    triggered: list[bool] = []
    if action is None:  # a version without Arkiv > Anbudsunderlag…: a stand-in
        action = QAction(main_window)
        main_window.tender_action = action  # type: ignore[attr-defined]
        summary.show_page()
        assert not summary.page.tender_button.isHidden()
    else:
        assert action.objectName() == "tenderAction"
        action.triggered.disconnect()  # the real one asks for a file: only that it is triggered counts here
    action.triggered.connect(lambda: triggered.append(True))
    assert summary.page.tender_button.isEnabled()
    summary.page.tender_button.click()
    assert triggered == [True]


def test_the_shortcut_is_listed_and_free(opened) -> None:
    window = opened.window
    rows = shortcut_rows(window)
    keys = QKeySequence(summary_controller.SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
    assert (keys, "Visa › Sammanfattning") in rows
    assert [k for k, _ in rows].count(keys) == 1


def test_english(opened, qtbot) -> None:
    window = opened.window
    window.set_language("en")
    try:
        page = opened.page
        assert page.title.text() == summary_page(opened.summary, "en").title
        assert page.pdf_button.text() == "Save &PDF…"
        assert opened.page_action.text() == "&Summary" and opened.print_action.text() == "&Print…"
        assert page.municipality_model.headers[0] == "Municipality"
        assert "of 526 articles decided" in page.progress_label.text()
        assert page.charts["decisions"].chart.title == summary_page(opened.summary, "en").charts[0].title
    finally:
        window.set_language("sv")
    assert opened.page.municipality_model.headers[0] == "Kommun"
    assert "av 526 artiklar har ett beslut" in opened.page.progress_label.text()


def test_save_pdf_writes_the_core_pdf(opened, tmp_path: Path, monkeypatch, qtbot) -> None:
    if summary_controller.writer("pdf") is None:
        pytest.skip("workbench.summary.pdf is not in this version")
    monkeypatch.setattr(opened, "ask_path", lambda kind, suggested: tmp_path / "sammanfattning")
    with qtbot.waitSignal(opened.written, timeout=30_000):
        opened.page.pdf_button.click()
    target = tmp_path / "sammanfattning.pdf"
    assert target.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert opened.page.cards[0].value.text().replace("\u00a0", " ") in text.replace("\u00a0", " ")


def test_any_article_list_gets_a_page_without_the_municipality_parts(main_window: MainWindow, tmp_path: Path,
                                                                      qtbot) -> None:
    plain = tmp_path / "sodertorn_sortiment.xlsx"
    shutil.copy(SAMPLE.with_name(plain.name), plain)
    summary = _open(main_window, plain, qtbot)
    expected = summarise(read_table(plain), file=plain)
    assert summary.summary.whole.articles_before == expected.whole.articles_before > 0
    page = summary.page
    assert page.charts["decisions"].isVisible()
    assert not page.charts["municipalities"].isVisible()
    assert not page.municipality_box.isVisible()


def test_a_summary_that_fails_is_said_and_shows_no_figures(main_window: MainWindow, joint: Path, monkeypatch,
                                                          qtbot) -> None:
    import workbench.summary

    def boom(*_args: Any, **_kwargs: Any) -> Any:
        raise ValueError("the figures do not add up")

    monkeypatch.setattr(workbench.summary, "summarise", boom)
    main_window.open_file(joint)
    qtbot.waitUntil(lambda: main_window.table is not None and not main_window.loading, timeout=30_000)
    summary = main_window.summary
    summary.page_action.trigger()
    qtbot.waitUntil(lambda: not summary.busy, timeout=10_000)
    assert summary.summary is None
    assert summary.page.scroll_area.isHidden()
    assert summary.page.state_label.text() == "Sammanfattningen kunde inte räknas fram."
    box = main_window.findChild(QMessageBox, "errorBox")
    assert box is not None and "the figures do not add up" in box.text()


def test_escape_goes_back_to_the_list(opened, qtbot) -> None:
    window = opened.window
    window.activateWindow()
    opened.page.pdf_button.setFocus()
    qtbot.keyClick(opened.page.pdf_button, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.table_page
    assert ("Esc", "Sammanfattning: tillbaka till listan") in shortcut_rows(window)


def test_save_workbook_writes_the_core_workbook(opened, tmp_path: Path, monkeypatch, qtbot) -> None:
    if summary_controller.writer("workbook") is None:
        pytest.skip("workbench.summary.workbook is not in this version")
    import zipfile

    monkeypatch.setattr(opened, "ask_path", lambda kind, suggested: tmp_path / "sammanfattning.xlsx")
    with qtbot.waitSignal(opened.written, timeout=30_000):
        opened.page.workbook_button.click()
    with zipfile.ZipFile(tmp_path / "sammanfattning.xlsx") as book:
        assert "xl/workbook.xml" in book.namelist()
        assert any(name.startswith("xl/charts/") for name in book.namelist())


def test_a_dark_theme_prints_on_white_paper(opened, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtPrintSupport import QPrinter

    from ui.summary.printing import new_printer

    sheet = opened.page.sheet
    dark = QPalette(sheet.palette())
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        dark.setColor(role, QColor("#202020"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        dark.setColor(role, QColor("#e0e0e0"))
    sheet.setPalette(dark)
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "mörk.pdf"
    printer.setOutputFileName(str(target))
    opened.print_to(printer)
    assert 0.02 < _ink(target) < 0.3
    assert sheet.palette().color(QPalette.ColorRole.Window) == QColor("#202020")  # the screen keeps its theme
