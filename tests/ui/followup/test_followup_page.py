"""Uppföljning in the real main window (issue 20) on the sample joint workbook with the sample's decisions and
its year of purchase files: files added through the page (municipality detected), the run in the background,
the figures, charts and lists the page shows equal to ``follow_up``'s own, the snapshot in the workbook, the
lists exported, the jump from a removed article to its grid row, a cancelled run that leaves the workbook
as it was, the target setting, and the page in English."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from ui.followup.controller import SHORTCUT
from ui.main_window import MainWindow
from workbench.followup import follow_up, read_snapshots
from workbench.followup.report import percent
from workbench.followup.tables import list_table
from workbench.settings import Settings

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "sample"
FILES = SAMPLE / "uppfoljning" / "inkop"


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's joint workbook with the sample's decisions (beslut.csv) applied, once."""
    joint = tmp_path_factory.mktemp("decided") / "gemensam.xlsx"
    shutil.copy(SAMPLE / "sodertorn_gemensam.xlsx", joint)
    done = subprocess.run([sys.executable, "-m", "workbench", "apply", str(joint), "--sheet", "Sortiment",
                           "--decisions", str(SAMPLE / "uppfoljning" / "beslut.csv")], cwd=ROOT,
                          env={**os.environ, "BEHOVSANALYS_LANG": "sv"}, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return joint


@pytest.fixture(scope="module")
def expected(decided: Path, tmp_path_factory: pytest.TempPathFactory):
    copy = tmp_path_factory.mktemp("expected") / decided.name
    shutil.copy(decided, copy)
    return follow_up(copy, sorted(FILES.iterdir()), snapshot=False)


@pytest.fixture
def joint(decided: Path, tmp_path: Path) -> Path:
    target = tmp_path / decided.name
    shutil.copy(decided, target)
    return target


def _close(found, wanted) -> bool:
    """Equal, floats to 1e-6 relative (the engine sums in parallel: the last digits may differ)."""
    if isinstance(wanted, dict):
        return isinstance(found, dict) and found.keys() == wanted.keys() and all(
            _close(found[k], wanted[k]) for k in wanted)
    if isinstance(wanted, list):
        return isinstance(found, list) and len(found) == len(wanted) and all(map(_close, found, wanted))
    if isinstance(wanted, float):
        return found == pytest.approx(wanted, rel=1e-6, abs=0.011)
    return found == wanted


def _open(window: MainWindow, joint: Path, qtbot):
    window.resize(1400, 900)
    window.open_file(joint)
    qtbot.waitUntil(lambda: window.table is not None and not window.loading, timeout=60_000)
    followup = window.followup
    assert followup.page_action.isEnabled()
    followup.page_action.trigger()
    page = followup.page
    assert window.stack.currentWidget() is page
    return followup, page


def _add_sample_files(followup, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(followup, "ask_files", lambda: [str(p) for p in sorted(FILES.iterdir())[:4]])
    monkeypatch.setattr(followup, "ask_folder", lambda: str(FILES))
    with qtbot.waitSignal(followup.files_read, timeout=60_000):
        followup.page.add_files_button.click()
    with qtbot.waitSignal(followup.files_read, timeout=60_000):
        followup.page.add_folder_button.click()  # the folder again: the four already listed are not doubled


def _run(followup, qtbot) -> None:
    with qtbot.waitSignal(followup.finished, timeout=120_000):
        followup.page.run_button.click()
    qtbot.waitUntil(lambda: not followup.busy, timeout=30_000)


def test_the_page_shows_the_follow_up_figures_and_writes_the_snapshot(main_window: MainWindow, joint: Path,
                                                                        expected, qtbot, monkeypatch) -> None:
    followup, page = _open(main_window, joint, qtbot)
    assert not page.run_button.isEnabled()  # no files yet
    _add_sample_files(followup, qtbot, monkeypatch)
    files = page.files_model
    assert files.rowCount() == 8
    names = {files.index(r, 0).data(): files.index(r, 1).data() for r in range(8)}
    assert names["inkop_Haninge_2025.csv"] == "Haninge" and names["inkop_Tyresö_2025.csv"] == "Tyresö"
    assert names["inkop_Södertälje_2025.xlsx"].startswith("kolumnen ")  # the file's column says it
    shown: list[tuple[int, int, str]] = []
    real_show = page.show_progress
    monkeypatch.setattr(page, "show_progress", lambda *a: (shown.append(a), real_show(*a)))
    _run(followup, qtbot)
    # during the run: the file being read, the bytes read (per mille), the lines so far and their rate
    assert any(text.startswith("Fil 1 av 8: inkop_Botkyrka_2025.xlsx") for _, _, text in shown)
    assert any("rader lästa (" in text and "rader per sekund" in text for _, _, text in shown)
    assert (1000, 1000) in {(done, total) for done, total, _ in shown}
    assert any("Matchar raderna mot sortimentet" in text for _, _, text in shown)
    result = followup.result
    same = {"seconds": 0, "joint": ""}  # the time and the copy's path differ
    assert result is not None and _close(result.to_json() | same, expected.to_json() | same)
    # the figures shown are the core's
    assert percent(expected.compliance, "sv") in page.figures_label.text()
    chart = page.municipality_chart
    # (the engine sums in parallel: the last digits of a float may differ from one run to the next)
    assert [label for label, _ in chart.bars] == list(expected.by_municipality)
    assert [share for _, share in chart.bars] == pytest.approx(
        [c.compliance for c in expected.by_municipality.values()])
    assert [label for label, _ in page.month_chart.bars] == list(expected.by_month)
    assert [share for _, share in page.month_chart.bars] == pytest.approx(
        [c.compliance for c in expected.by_month.values()])
    assert len(page.month_chart.bars) == 12 and chart.target == pytest.approx(0.9)
    units = page.list_models["units"]
    rows = list_table(expected, "units", "sv", 0.9).rows
    assert units.rowCount() == len(rows)
    first = [units.index(0, c).data() for c in range(units.columnCount())]
    name, share = next(iter(expected.by_municipality.items()))
    assert first[0] == name and first[4] == percent(share.compliance, "sv")
    shown = page.list_views["units"].model()  # as the view orders it: the core's order until sorted by hand
    assert [shown.index(r, 0).data() for r in range(shown.rowCount())] == [row[0] for row in rows]
    removed_view = page.list_views["removed"].model()
    assert removed_view.index(0, 0).data() == expected.removed_bought[0].key  # the largest spend first
    assert first[5] in ("Når målet", "Nära målet", "Under målet")  # words, not colour alone
    removed = page.list_models["removed"]
    assert removed.rowCount() == len(expected.removed_bought)
    assert [removed.index(r, 0).data() for r in range(removed.rowCount())] == [
        r.key for r in expected.removed_bought]
    assert page.list_models["outside"].rowCount() == len(expected.outside_largest)
    assert page.list_models["prices"].rowCount() == len(expected.price_deviations)
    assert page.tabs.tabText(1) == f"Borttagna men köpta ({len(expected.removed_bought)})"
    assert "rader per sekund" in page.progress_label.text()
    # the snapshot: written on the run, said in the status bar
    assert "Ögonblicksbild sparad i bladet Uppföljning" in main_window.statusBar().currentMessage()
    snapshots = read_snapshots(joint)
    assert snapshots and {row.municipality for row in snapshots} >= set(expected.by_municipality)


def test_lists_export_as_csv_and_the_report_workbook(main_window: MainWindow, joint: Path, expected, qtbot,
                                                     monkeypatch, tmp_path: Path) -> None:
    followup, page = _open(main_window, joint, qtbot)
    _add_sample_files(followup, qtbot, monkeypatch)
    _run(followup, qtbot)
    out = tmp_path / "removed.csv"
    monkeypatch.setattr(followup, "ask_save", lambda *_: str(out))
    page.tabs.setCurrentIndex(1)
    page.export_button.click()
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][0] == "Artikel-ID" and [r[0] for r in rows[1:]] == [r.key for r in expected.removed_bought]
    report = tmp_path / "rapport.xlsx"
    monkeypatch.setattr(followup, "ask_save", lambda *_: str(report))
    with qtbot.waitSignal(followup.report_saved, timeout=60_000):
        page.report_button.click()
    assert report.exists() and report.stat().st_size > 0


def test_double_clicking_a_removed_article_shows_its_grid_row(main_window: MainWindow, joint: Path, expected,
                                                              qtbot, monkeypatch) -> None:
    followup, page = _open(main_window, joint, qtbot)
    _add_sample_files(followup, qtbot, monkeypatch)
    _run(followup, qtbot)
    review = main_window.review_page
    review.search_edit.setText("ingen sådan artikel")  # a filter that hides every row
    review.refresh()
    assert review.model.rowCount() == 0
    view = page.list_views["removed"]
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    key = view.model().index(0, 0).data()
    assert key == max(r.key for r in expected.removed_bought)
    page.activate_row("removed", 0)
    assert main_window.stack.currentWidget() is main_window.table_page
    current = review.view.currentIndex()
    assert current.isValid() and review.model.row_of_key(key) == current.row()
    assert review.model.position(current.row()) == int((main_window.table.keys == key).to_numpy().nonzero()[0][0])


def test_cancel_leaves_the_workbook_unchanged(main_window: MainWindow, joint: Path, qtbot, monkeypatch) -> None:
    followup, page = _open(main_window, joint, qtbot)
    _add_sample_files(followup, qtbot, monkeypatch)
    before = joint.read_bytes()
    import workbench.followup.load as load

    real = load.insert_file
    cancelled = threading.Event()

    def slow(*args, **kwargs):
        cancelled.wait(10)  # the first file waits until the test has pressed Cancel
        return real(*args, **kwargs)

    monkeypatch.setattr(load, "insert_file", slow)
    with qtbot.waitSignal(followup.finished, timeout=60_000):
        page.run_button.click()
        qtbot.waitUntil(lambda: page.cancel_button.isVisible(), timeout=10_000)
        page.cancel_button.click()
        cancelled.set()
    qtbot.waitUntil(lambda: not followup.busy, timeout=30_000)
    assert followup.result is None
    assert "inget skrevs i arbetsboken" in page.note_label.text()
    assert joint.read_bytes() == before
    assert read_snapshots(joint) == []
    assert page.run_button.isEnabled() and not page.cancel_button.isVisible()


def test_the_target_is_a_setting_and_moves_the_lights(main_window: MainWindow, joint: Path, expected, qtbot,
                                                      monkeypatch) -> None:
    followup, page = _open(main_window, joint, qtbot)
    _add_sample_files(followup, qtbot, monkeypatch)
    _run(followup, qtbot)
    units = page.list_models["units"]
    lowest = min(c.compliance for c in expected.by_municipality.values())
    page.target_spin.setValue(int(lowest * 100))  # every municipality at or above it
    assert Settings(main_window.settings.path).get("followup_target") == pytest.approx(int(lowest * 100) / 100)
    assert page.municipality_chart.target == pytest.approx(int(lowest * 100) / 100)
    municipalities = [r for r in range(units.rowCount()) if not units.index(r, 1).data()]
    assert {units.index(r, 5).data() for r in municipalities} == {"Når målet"}


def test_the_menu_shortcut_and_the_page_in_english(main_window: MainWindow, joint: Path, expected, qtbot,
                                                   monkeypatch) -> None:
    from ui.shortcuts_dialog import ShortcutsDialog

    followup, page = _open(main_window, joint, qtbot)
    assert followup.page_action.shortcut().toString() == SHORTCUT
    assert followup.page_action in main_window.view_menu.actions()
    main_window.shortcuts_action.trigger()
    commands = dict(main_window.findChild(ShortcutsDialog).rows())
    assert commands[SHORTCUT] == "Visa › Uppföljning"
    main_window.set_language("en")
    assert followup.page_action.text() == "&Follow-up"
    assert page.run_button.text() == "Run follow-up"
    _add_sample_files(followup, qtbot, monkeypatch)
    _run(followup, qtbot)
    assert page.tabs.tabText(1) == f"Removed but bought ({len(expected.removed_bought)})"
    units = page.list_models["units"]
    assert units.headerData(0, Qt.Orientation.Horizontal) == "Municipality"
    assert units.index(0, 5).data() in ("Meets the target", "Close to the target", "Below the target")
    assert "Snapshot saved in the sheet" in main_window.statusBar().currentMessage()
    assert "lines per second" in page.progress_label.text()


def test_a_pending_decision_is_saved_before_the_run_and_counts(main_window: MainWindow, joint: Path, expected,
                                                               qtbot, monkeypatch) -> None:
    followup, _page = _open(main_window, joint, qtbot)
    bought_inside = expected.price_deviations[0].key  # bought, and inside the assortment as the file says
    assert bought_inside not in {r.key for r in expected.removed_bought}
    model = main_window.model
    model.set_field([model.row_of_key(bought_inside)], "decision", "remove")
    assert main_window.saver.is_dirty
    _add_sample_files(followup, qtbot, monkeypatch)
    _run(followup, qtbot)
    assert not main_window.saver.is_dirty
    assert bought_inside in {r.key for r in followup.result.removed_bought}
    assert followup.result.compliance < expected.compliance
    again = follow_up(joint, sorted(FILES.iterdir()), snapshot=False)  # the file holds the decision now
    assert bought_inside in {r.key for r in again.removed_bought}


def test_a_file_that_is_no_purchase_list_is_named_and_left_out(main_window: MainWindow, joint: Path, qtbot,
                                                                monkeypatch, tmp_path: Path) -> None:
    followup, page = _open(main_window, joint, qtbot)
    bad = tmp_path / "anteckningar.csv"
    bad.write_text("Möte om inköp\nInget här är en inköpsrad\n", encoding="utf-8")
    good = sorted(FILES.iterdir())[1]
    monkeypatch.setattr(followup, "ask_files", lambda: [str(bad), str(good)])
    with qtbot.waitSignal(followup.files_read, timeout=60_000):
        page.add_files_button.click()
    assert [f.path for f in followup.files] == [good]
    assert len(followup.errors) == 1 and "anteckningar.csv" in followup.errors[0]
    assert followup.notice is not None and "anteckningar.csv" in followup.notice.text()


def test_a_period_limits_the_run_to_its_months(main_window: MainWindow, joint: Path, qtbot, monkeypatch) -> None:
    from PySide6.QtCore import QDate

    followup, page = _open(main_window, joint, qtbot)
    _add_sample_files(followup, qtbot, monkeypatch)
    assert not page.date_from.isEnabled()
    page.period_check.setChecked(True)
    assert page.date_from.isEnabled() and page.date_to.isEnabled()
    page.date_from.setDate(QDate(2025, 3, 1))
    page.date_to.setDate(QDate(2025, 5, 31))
    _run(followup, qtbot)
    wanted = follow_up(joint, sorted(FILES.iterdir()), date_from="2025-03-01", date_to="2025-05-31", snapshot=False)
    assert [label for label, _ in page.month_chart.bars] == ["2025-03", "2025-04", "2025-05"]
    assert followup.result.lines == wanted.lines and "2025-03-01–2025-05-31" in page.figures_label.text()
    main_window.set_language("en")
    assert page.tabs.tabText(0) == "Units" and page.list_models["units"].headerData(0, Qt.Orientation.Horizontal) \
        == "Municipality"


def test_only_a_joint_workbook_offers_the_page(main_window: MainWindow, tmp_path: Path, qtbot) -> None:
    plain = tmp_path / "sortiment.xlsx"
    shutil.copy(SAMPLE / "sodertorn_sortiment.xlsx", plain)
    assert not main_window.followup.page_action.isEnabled()  # nothing open
    main_window.open_file(plain)
    qtbot.waitUntil(lambda: main_window.table is not None and not main_window.loading, timeout=60_000)
    assert not main_window.followup.page_action.isEnabled()
    assert main_window.followup.show_page() is None


def test_a_file_removed_from_the_list_is_not_run(main_window: MainWindow, joint: Path, qtbot, monkeypatch) -> None:
    followup, page = _open(main_window, joint, qtbot)
    _add_sample_files(followup, qtbot, monkeypatch)
    page.files_view.selectRow(0)
    page.remove_button.click()
    assert page.files_model.rowCount() == 7 and not any("Botkyrka" in f.path.name for f in followup.files)
    _run(followup, qtbot)
    assert "Botkyrka" not in followup.result.by_municipality and len(followup.result.by_municipality) == 7


def test_a_run_under_way_when_another_workbook_opens_writes_no_snapshot_anywhere(
        main_window: MainWindow, joint: Path, decided: Path, qtbot, monkeypatch, tmp_path: Path) -> None:
    followup, page = _open(main_window, joint, qtbot)
    _add_sample_files(followup, qtbot, monkeypatch)
    other = tmp_path / "andra" / "gemensam.xlsx"
    other.parent.mkdir()
    shutil.copy(decided, other)
    before = {path: path.read_bytes() for path in (joint, other)}
    import workbench.followup.run as run

    real = run.build_result
    release, entered = threading.Event(), threading.Event()

    def held(*args, **kwargs):
        entered.set()
        release.wait(10)  # past the last hook (a cancel cannot stop it) until the other workbook is open
        return real(*args, **kwargs)

    monkeypatch.setattr(run, "build_result", held)
    page.run_button.click()
    qtbot.waitUntil(entered.is_set, timeout=30_000)
    main_window.open_file(other)
    qtbot.waitUntil(lambda: main_window.table is not None and Path(main_window.table.path) == other
                    and not main_window.loading, timeout=60_000)
    release.set()
    qtbot.waitUntil(lambda: tasks_done(), timeout=60_000)
    assert followup.result is None and not page.cancel_button.isVisible()
    assert {path: path.read_bytes() for path in (joint, other)} == before


def tasks_done() -> bool:
    from ui import tasks

    return tasks.active_tasks() == 0
