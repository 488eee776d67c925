"""The merge wizard on three real lists: files detected, merged in the background, the result shown and
the joint workbook written with the summed volumes; a cancelled merge writes nothing."""

from __future__ import annotations

import csv
import threading
from collections import Counter, defaultdict
from pathlib import Path

import _merge_lists as lists
import pytest

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWizard

from ui.assortment.merge_wizard import RESULT_PAGE, RUN_PAGE, TARGET_PAGE, MergeWizard, open_merge_wizard
from ui.importing.import_dialog import ImportDialog
from ui.main_window import MainWindow
from workbench.assortment import read_joint
from workbench.reading.profiles import remembered_profile


def _files_read(wizard: MergeWizard, qtbot, count: int) -> None:
    page = wizard.files_page
    qtbot.waitUntil(lambda: len(page.entries) == count and not page.reading, timeout=30_000)


def _import_dialog(window: MainWindow) -> ImportDialog | None:
    shown = [d for d in window.findChildren(ImportDialog) if d.isVisible()]
    return shown[0] if shown else None


def _cell(wizard: MergeWizard, row: int, column: int) -> str:
    item = wizard.files_page.table.item(row, column)
    return "" if item is None else item.text()


def _wizard_with_lists(window: MainWindow, qtbot, folder: Path) -> MergeWizard:
    paths = lists.make_lists(folder)
    wizard = open_merge_wizard(window)
    qtbot.waitExposed(wizard)
    wizard.files_page.add_files(paths[:2])
    # the third list is dropped on the page, as from the file manager
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(paths[2]))])
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    wizard.files_page.dropEvent(drop)
    _files_read(wizard, qtbot, 3)
    return wizard


def test_wizard_merges_three_lists_and_opens_the_joint_workbook(main_window: MainWindow, tmp_path: Path,
                                                               qtbot) -> None:
    wizard = _wizard_with_lists(main_window, qtbot, tmp_path / "listor")
    # detected municipalities: Botkyrka from the file name, Huddinge from its "Kommun" column, Nacka by name
    assert [_cell(wizard, r, 1) for r in range(3)] == ["Botkyrka artiklar 2025", "Huddinge", "Nacka"]
    assert [_cell(wizard, r, 2) for r in range(3)] == ["filnamnet – kontrollera", "kommunkolumnen",
                                                       "filnamnet – kontrollera"]
    assert [_cell(wizard, r, 3) for r in range(3)] == ["4", "3", "4"]
    wizard.files_page.set_municipality(0, "Botkyrka")
    assert wizard.files_page.sources()[0].municipality == "Botkyrka"
    assert wizard.files_page.sources()[1].municipality is None  # as detected: the core finds it again
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    wizard.next()
    assert wizard.currentId() == TARGET_PAGE
    target = tmp_path / "listor" / "Gemensam analys.xlsx"
    assert Path(wizard.target_page.path_edit.text()) == target  # the default: beside the first list
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Slå ihop"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE, timeout=60_000)

    assert target.exists()
    state = read_joint(target)
    assert len(state.articles) == lists.ARTICLES
    assert len(state.records) == lists.SOURCE_ROWS
    volume: dict[str, float] = defaultdict(float)
    for record in state.records:
        volume[record.article_id] += record.quantity or 0
    by_gtin = {article.fields["gtin"]: volume[article_id] for article_id, article in state.articles.items()
               if article.fields["gtin"]}
    assert by_gtin == lists.TRUTH
    assert sorted({source.municipality for source in state.sources}) == ["Botkyrka", "Huddinge", "Nacka"]

    view = wizard.result_page.view
    assert view.rule_counts() == {"GTIN": "7", "Leverantörens artikelnummer": "2", "Benämning": "0",
                                  "Manuell": "0", "Ingen matchning": "2"}
    municipalities = {view.municipality_table.item(r, 0).text(): view.municipality_table.item(r, 1).text()
                      for r in range(view.municipality_table.rowCount())}
    assert municipalities == {"Botkyrka": "4", "Huddinge": "3", "Nacka": "4"}
    assert "6 gemensamma artiklar från 11 källrader i 3 kommuner." in view.summary_label.text()
    findings = [view.findings_list.item(i).text() for i in range(view.findings_list.count())]
    assert any("Nacka.xlsx" in text and "filnamnet" in text for text in findings)
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()

    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        wizard.result_page.open_button.click()
        # until the importer knows the joint workbook's municipality columns, its first open is checked
        qtbot.waitUntil(lambda: main_window.table is not None or _import_dialog(main_window) is not None,
                        timeout=30_000)
        dialog = _import_dialog(main_window)
        if dialog is not None:
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert main_window.table is not None and main_window.table.path == target
    assert main_window.model.rowCount() == lists.ARTICLES


def test_cancelled_merge_writes_nothing(main_window: MainWindow, tmp_path: Path, qtbot,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.assortment.merge as merge

    wizard = _wizard_with_lists(main_window, qtbot, tmp_path / "listor")
    # the merge's first read waits until Cancel has been clicked, so the cancel lands mid-merge
    clicked = threading.Event()
    real_read_list = merge.read_list

    def slow_read_list(source, **kwargs):  # type: ignore[no-untyped-def]
        clicked.wait(10)
        return real_read_list(source, **kwargs)

    monkeypatch.setattr(merge, "read_list", slow_read_list)
    wizard.next()
    target = wizard.target_page.target()
    wizard.next()
    assert wizard.currentId() == RUN_PAGE
    wizard.run_page.cancel_button.click()
    clicked.set()
    qtbot.waitUntil(lambda: wizard.run_page.task is None, timeout=30_000)
    assert wizard.run_page.stage_label.text() == "Sammanslagningen avbröts. Inget har sparats."
    assert wizard.currentId() == RUN_PAGE
    assert not target.exists()
    assert {p.name for p in target.parent.iterdir()} == {"Botkyrka artiklar 2025.xlsx", "inkop_hud.csv",
                                                         "Nacka.xlsx"}  # no lock, temp or backup left
    # going back and merging again works
    monkeypatch.setattr(merge, "read_list", real_read_list)
    wizard.run_page.retry_button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE, timeout=60_000)
    assert target.exists()


SAMPLE_LISTS = Path(__file__).resolve().parents[3] / "resources" / "sample" / "kommuner"


def _pairs(counts: Counter[object]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def test_wizard_on_the_samples_eight_lists(main_window: MainWindow, tmp_path: Path, qtbot) -> None:
    if not (SAMPLE_LISTS / "truth.csv").exists():
        pytest.skip("resources/sample/kommuner is not made yet (tools/make_sample.py)")
    truth: dict[tuple[str, int], str] = {}
    with open(SAMPLE_LISTS / "truth.csv", encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            truth[record["file"], int(record["row"])] = record["article"]
    folder = tmp_path / "kommuner"
    folder.mkdir()
    paths = []
    for name in sorted({file for file, _row in truth}):
        (folder / name).write_bytes((SAMPLE_LISTS / name).read_bytes())
        paths.append(folder / name)
    wizard = open_merge_wizard(main_window, paths)
    _files_read(wizard, qtbot, 8)
    assert wizard.files_page.isComplete()
    assert sorted(_cell(wizard, r, 1) for r in range(8)) == sorted(p.stem for p in paths)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE, timeout=120_000)

    state = read_joint(wizard.target_page.target())
    assert sorted({s.municipality for s in state.sources}) == sorted(p.stem for p in paths)
    assert len(state.records) == len(truth)
    pairs = [(record.article_id, truth[record.file, record.row or 0]) for record in state.records]
    together = _pairs(Counter(pairs))
    assert together / _pairs(Counter(a for a, _ in pairs)) >= 0.99  # precision
    assert together / _pairs(Counter(t for _, t in pairs)) >= 0.97  # recall
    view = wizard.result_page.view
    shown = view.rule_counts()
    assert sum(int(count.replace("\u00a0", "").replace(" ", "")) for count in shown.values()) == len(truth)
    assert set(shown) == {"GTIN", "Leverantörens artikelnummer", "Benämning", "Manuell", "Ingen matchning"}
    assert view.municipality_table.rowCount() == 8


def test_columns_button_opens_the_import_dialog_and_its_choices_are_used(main_window: MainWindow,
                                                                          tmp_path: Path, qtbot) -> None:
    wizard = _wizard_with_lists(main_window, qtbot, tmp_path / "listor")
    button = wizard.files_page.table.cellWidget(0, 4)
    assert isinstance(button, QPushButton) and button.text() == "Kolumner…"
    button.click()
    qtbot.waitUntil(lambda: _visible_import_dialog(wizard) is not None, timeout=10_000)
    dialog = _visible_import_dialog(wizard)
    assert dialog is not None and dialog.header_spin.value() == 3  # Botkyrka's title row is seen past
    # the list is not imported here: its columns are chosen for the merge
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "&Använd kolumnerna"
    dialog.key_combo.setCurrentIndex(dialog.key_combo.findData("Lev. art.nr"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    entry = wizard.files_page.entries[0]
    profile = remembered_profile(main_window.settings, entry.path)
    assert profile is not None and profile.key_column == "Lev. art.nr"
    assert entry.read == profile.read_options()
    assert wizard.files_page.sources()[0].read == profile.read_options()
    _files_read(wizard, qtbot, 3)  # read again with the new choices
    assert entry.found is not None and entry.found.table.key_column == "Lev. art.nr"
    assert _cell(wizard, 0, 3) == "4"
    wizard.reject()


def _visible_import_dialog(wizard: MergeWizard) -> ImportDialog | None:
    shown = [d for d in wizard.findChildren(ImportDialog) if d.isVisible()]
    return shown[0] if shown else None


def test_core_error_is_shown_as_its_message_and_nothing_changes(main_window: MainWindow, tmp_path: Path,
                                                                qtbot) -> None:
    wizard = _wizard_with_lists(main_window, qtbot, tmp_path / "listor")
    wizard.next()
    not_joint = wizard.files_page.entries[2].path  # Nacka.xlsx: a workbook, but not a joint one
    before = not_joint.read_bytes()
    wizard.target_page.set_target(not_joint)
    assert "Nacka.xlsx finns redan" in wizard.target_page.note_label.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.task is None, timeout=30_000)
    shown = wizard.run_page.stage_label.text()
    assert "Nacka.xlsx" in shown and "gemensam" in shown
    assert "Traceback" not in shown and not shown.startswith("Ett oväntat fel")
    assert wizard.currentId() == RUN_PAGE and wizard.run_page.retry_button.isVisibleTo(wizard)
    assert not_joint.read_bytes() == before
    wizard.back()  # the user goes back to choose another target
    assert wizard.currentId() == TARGET_PAGE


def test_closing_the_wizard_during_the_merge_stops_it(main_window: MainWindow, tmp_path: Path, qtbot,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.assortment.merge as merge

    wizard = _wizard_with_lists(main_window, qtbot, tmp_path / "listor")
    closed = threading.Event()
    real_read_list = merge.read_list

    def slow_read_list(source, **kwargs):  # type: ignore[no-untyped-def]
        closed.wait(10)
        return real_read_list(source, **kwargs)

    monkeypatch.setattr(merge, "read_list", slow_read_list)
    wizard.next()
    target = wizard.target_page.target()
    wizard.next()
    task = wizard.run_page.task
    assert task is not None
    wizard.reject()
    closed.set()
    qtbot.waitUntil(task.finished.is_set, timeout=30_000)
    assert task.progress.cancelled
    assert not target.exists()


def test_file_menu_opens_the_wizard(main_window: MainWindow, qtbot) -> None:
    texts = [action.text() for action in main_window.file_menu.actions()]
    assert "&Ny gemensam analys…" in texts and "&Uppdatera kommunlista…" in texts
    main_window.new_joint_action.trigger()
    qtbot.waitUntil(lambda: any(w.isVisible() for w in main_window.findChildren(MergeWizard)), timeout=10_000)
    wizard = next(w for w in main_window.findChildren(MergeWizard) if w.isVisible())
    assert wizard.windowTitle() == "Ny gemensam analys"
    assert wizard.currentId() == 0 and not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.reject()
