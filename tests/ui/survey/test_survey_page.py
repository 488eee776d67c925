"""Enkäter in the real main window on a copy of the sample joint workbook (issue 18): forms made through
the menu, two of them filled the way Excel saves them, read back through the menu and by a drop on the
page, the page's rows and the workbook's Enkätsvar sheet, the reminder on the clipboard, and the units'
agreed answer adopted into the grid as ONE undo step."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from ui.main_window import MainWindow
from ui.review.model import KeyRole

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample" / "sodertorn_gemensam.xlsx"
HEADER_ROW = 5  # the forms' header row (tests/workbench/survey/_forms.py)


@pytest.fixture
def joint(tmp_path: Path) -> Path:
    target = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, target)
    return target


def _columns(sheet) -> dict[str, int]:
    return {str(c.value): c.column for c in sheet[HEADER_ROW] if c.value is not None}


def _keys(form: Path) -> list[str]:
    sheet = openpyxl.load_workbook(form).worksheets[0]
    column = _columns(sheet)["Artikel-ID"]
    return [v for r in range(HEADER_ROW + 1, sheet.max_row + 1)
            if isinstance(v := sheet.cell(r, column).value, str) and v.startswith("G")]


def _fill(form: Path, target: Path, answers: dict[str, tuple[str | None, ...]]) -> Path:
    """Type usage and future need into the article rows of ``form``, as Excel saves it."""
    book = openpyxl.load_workbook(form)
    sheet = book.worksheets[0]
    columns = _columns(sheet)
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        answer = answers.get(sheet.cell(row, columns["Artikel-ID"]).value)
        if answer is not None:
            sheet.cell(row, columns["Användning"]).value = answer[0]
            sheet.cell(row, columns["Framtida behov"]).value = answer[1]
            if len(answer) > 2:
                sheet.cell(row, columns["Kommentar"]).value = answer[2]
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return target


def _wait(window: MainWindow, qtbot) -> None:
    survey = window.survey
    qtbot.waitUntil(lambda: not survey.busy and not window.loading and survey.state is not None, timeout=60_000)


def _review(window: MainWindow, key: str, field: str):
    table = window.table
    position = int((table.keys == key).to_numpy().nonzero()[0][0])
    return table.review[field].iat[position]


@pytest.fixture
def made(main_window: MainWindow, joint: Path, tmp_path: Path, qtbot, monkeypatch):
    main_window.resize(1200, 800)
    main_window.open_file(joint)
    _wait(main_window, qtbot)
    survey = main_window.survey
    out = tmp_path / "enkäter"
    monkeypatch.setattr(survey, "ask_folder", lambda: str(out))
    monkeypatch.setattr(survey, "ask_by", lambda: "municipality")
    assert survey.make_action.isEnabled()
    with qtbot.waitSignal(survey.finished, timeout=60_000):
        survey.make_action.trigger()
    _wait(main_window, qtbot)
    forms = sorted(out.glob("*.xlsx"))
    return main_window, joint, out, forms


def test_forms_are_made_from_the_menu_and_the_message_says_how_many_and_where(made) -> None:
    window, _joint, out, forms = made
    units = [row.unit for row in window.survey.units]
    assert len(forms) == len(units) >= 2
    message = window.survey.notice.text()
    assert f"{len(forms)} enkäter skapade i {out}." in message
    page = window.survey.show_page()
    assert window.stack.currentWidget() is page
    assert page.headline.text() == f"<h2>Svar från 0 av {len(units)} enheter</h2>"
    assert [r[1] for r in page.texts()] == ["Nej"] * len(units)
    assert all(int(r[4]) > 0 for r in page.texts())  # every unit's articles counted


def test_answers_read_through_the_menu_land_on_the_page_and_in_enkatsvar(made, tmp_path: Path, qtbot,
                                                                         monkeypatch) -> None:
    window, joint, _out, forms = made
    survey = window.survey
    first, second = forms[0], forms[1]
    shared = sorted(set(_keys(first)) & set(_keys(second)))
    assert len(shared) >= 2
    agreed, disputed = shared[0], shared[1]
    home = tmp_path / "hem"
    filled = [_fill(first, home / first.name, {agreed: ("Dagligen", "Ökar"), disputed: ("Sällan", "Ökar")}),
              _fill(second, home / second.name, {agreed: ("dagligen ", "Ökar"), disputed: ("Varje vecka", "Ökar")})]
    monkeypatch.setattr(survey, "ask_files", lambda: [str(p) for p in filled])
    page = survey.show_page()
    with qtbot.waitSignal(survey.finished, timeout=60_000):
        survey.collect_action.trigger()
    _wait(window, qtbot)
    assert window.stack.currentWidget() is page  # the reload kept the page in front
    assert "2" in survey.notice.text()
    rows = {r[0]: r for r in page.texts()}
    answered = [unit for unit, r in rows.items() if r[1] == "Ja"]
    assert len(answered) == 2 and all(rows[u][3] == "2" and rows[u][2] for u in answered)
    assert {rows[u][5] for u in answered} == {p.name for p in filled}
    assert page.headline.text() == f"<h2>Svar från 2 av {len(rows)} enheter</h2>"
    book = openpyxl.load_workbook(joint, read_only=True)
    sheet_rows = [r for r in book["Enkätsvar"].iter_rows(min_row=2, values_only=True) if any(r)]
    book.close()
    assert len(sheet_rows) == 4
    assert {r[1] for r in sheet_rows} == {agreed, disputed}
    # the facets: the agreed answer, "Olika svar" where the units differ, "Inget svar" elsewhere
    review_page = window.review_page
    usage_box = review_page.filter_panel.facets["survey_usage"]
    assert usage_box.isVisibleTo(review_page) and usage_box.title() == "Enheternas användning"
    labels = [usage_box.list.item(i).text() for i in range(usage_box.list.count())]
    assert any(t.startswith("Dagligen") for t in labels) and any(t.startswith("Olika svar") for t in labels)
    assert any(t.startswith("Inget svar") for t in labels)
    usage_box.selected = {"daily"}
    review_page.refresh()
    assert [window.model.index(r, 0).data(KeyRole) for r in range(window.model.rowCount())] == [agreed]
    usage_box.selected = set()
    review_page.refresh()
    # the detail pane shows what each unit answered about the article
    window.survey.hide_page()
    window.table_view.setCurrentIndex(window.model.index(window.model.row_of_key(disputed), 0))
    section = survey.section
    assert section.isVisible()
    shown = section.text()
    assert all(u in shown for u in answered) and "Sällan" in shown and "Varje vecka" in shown
    window.table_view.setCurrentIndex(window.model.index(window.model.row_of_key(
        next(k for k in _keys(forms[2]) if k not in shared)), 0))
    assert not section.isVisible()
    survey.show_page()
    # the reminder names the units that have not answered
    page.reminder_button.click()
    reminder = QGuiApplication.clipboard().text()
    missing = [u for u, r in rows.items() if r[1] == "Nej"]
    assert missing and all(u in reminder for u in missing)
    assert not any(u in reminder for u in answered)

    # adopting: usage only where the units agree, future need on both; one Ctrl+Z takes it all back
    window.survey.hide_page()
    model, view = window.model, window.table_view
    selection = QItemSelection()
    for key in (agreed, disputed):
        row = model.row_of_key(key)
        selection.select(model.index(row, 0), model.index(row, 0))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)
    before = {(k, f): _review(window, k, f) for k in (agreed, disputed) for f in ("usage", "future_need")}
    assert before[(agreed, "usage")] != "daily" and before[(agreed, "future_need")] != "increase"
    steps = model.undo_stack.count()
    survey.adopt_action.trigger()
    assert model.undo_stack.count() == steps + 1
    assert _review(window, agreed, "usage") == "daily"
    assert _review(window, agreed, "future_need") == "increase"
    assert _review(window, disputed, "usage") == before[(disputed, "usage")]  # the units differ: left as it was
    assert _review(window, disputed, "future_need") == "increase"
    assert window.undo_action.text() == "&Ångra Använd enheternas svar på 2 artiklar"
    window.undo_action.trigger()
    assert {(k, f): _review(window, k, f) for k in (agreed, disputed) for f in ("usage", "future_need")} == before


def test_forms_dropped_on_the_page_are_read_in(made, tmp_path: Path, qtbot) -> None:
    window, _joint, _out, forms = made
    survey = window.survey
    key = _keys(forms[0])[0]
    folder = tmp_path / "inkorg"
    _fill(forms[0], folder / forms[0].name, {key: ("Används inte", "Upphör")})
    # an edit not yet saved goes into the workbook before the answers do, and survives the reload
    other = _keys(forms[1])[0]
    position = int((window.table.keys == other).to_numpy().nonzero()[0][0])
    assert window.model.set_cells({"comment": {position: "Fråga köket"}}, "set_cells")
    assert window.saver.is_dirty
    usage_before = _review(window, key, "usage")
    page = survey.show_page()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(survey.finished, timeout=60_000):
        page.dropEvent(event)
    _wait(window, qtbot)
    assert [r[1] for r in page.texts()].count("Ja") == 1
    assert page.headline.text().startswith("<h2>Svar från 1 av ")
    assert _review(window, other, "comment") == "Fråga köket" and not window.saver.is_dirty
    assert _review(window, key, "usage") == usage_before  # the answers inform the decision, never set it


def test_a_foreign_file_is_refused_by_name(made, tmp_path: Path, qtbot) -> None:
    window, _joint, _out, _forms = made
    survey = window.survey
    stray = tmp_path / "inkorg" / "inköpslista.xlsx"
    stray.parent.mkdir()
    book = openpyxl.Workbook()
    book.active["A1"] = "Inget formulär"
    book.save(stray)
    with qtbot.waitSignal(survey.finished, timeout=60_000):
        survey.collect([stray])
    _wait(window, qtbot)
    assert "inköpslista.xlsx" in survey.notice.text()
    assert all(r[1] == "Nej" for r in survey.page.texts())


def test_in_english_the_menu_and_the_page_speak_english(made) -> None:
    window, _joint, _out, forms = made
    page = window.survey.show_page()
    window.set_language("en")
    assert window.survey.menu.title() == "&Surveys"
    assert window.survey.adopt_action.text() == "Use the units' ans&wers"
    assert page.headline.text() == f"<h2>Answers from 0 of {len(forms)} units</h2>"
    assert page.reminder_button.text() == "Copy reminder" and page.texts()[0][1] == "No"


def _rows(answered: int, total: int) -> list:
    from ui.survey.controller import UnitRow

    return [UnitRow(f"Enhet {i}", i < answered, None, 1 if i < answered else 0, 3) for i in range(total)]


@pytest.mark.parametrize(("answered", "total", "swedish", "english"), [
    (0, 1, "Svar från 0 av 1 enhet", "Answers from 0 of 1 unit"),
    (1, 1, "Svar från 1 av 1 enhet", "Answers from 1 of 1 unit"),
    (1, 8, "Svar från 1 av 8 enheter", "Answers from 1 of 8 units"),
    (8, 8, "Svar från 8 av 8 enheter", "Answers from 8 of 8 units"),
])
def test_the_headline_s_plural_follows_the_number_of_units(main_window: MainWindow, answered: int, total: int,
                                                           swedish: str, english: str) -> None:
    # the walk-through's finding: "1 av 8 enhet har svarat" (the noun took the answered count's form)
    page = main_window.survey.page
    page.show_rows(_rows(answered, total))
    assert page.headline.text() == f"<h2>{swedish}</h2>"
    main_window.set_language("en")
    assert page.headline.text() == f"<h2>{english}</h2>"


def test_the_notice_never_wraps_inside_a_forms_file_name(made, tmp_path: Path, qtbot, monkeypatch) -> None:
    """Walk-through defect: the message box broke "(Enkät Botkyrka\\nCGW3F90G-8BAD1F.xlsx)" over two lines."""
    window, _joint, _out, forms = made
    survey = window.survey
    first = forms[0]
    assert " " in first.name
    filled = _fill(first, tmp_path / "hem" / first.name, {_keys(first)[0]: ("Dagligen", "Ökar")})
    monkeypatch.setattr(survey, "ask_files", lambda: [str(filled)])
    with qtbot.waitSignal(survey.finished, timeout=60_000):
        survey.collect_action.trigger()
    _wait(window, qtbot)
    message = survey.notice.text()
    assert first.name.replace(" ", "\u00a0") in message
    assert first.name not in message
