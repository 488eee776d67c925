"""The Konsolidering page in the real main window on a copy of the sample joint workbook (issue 17):
accepting a cluster sets Ersätt and Ersätts av as one undo step and logs it, rejecting and splitting
log it, the save puts the values in Sortiment, Ctrl+Z takes the acceptance back, and the progress and
the assortment count follow every decision."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import QItemSelectionModel, Qt

from ui.main_window import MainWindow
from workbench.messages import text
from workbench.review.values import is_empty

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample" / "sodertorn_gemensam.xlsx"


@pytest.fixture
def joint(tmp_path: Path) -> Path:
    target = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, target)
    return target


@pytest.fixture
def page_open(main_window: MainWindow, joint: Path, qtbot):
    main_window.resize(1400, 880)
    main_window.open_file(joint)
    qtbot.waitUntil(lambda: main_window.table is not None and not main_window.loading, timeout=30_000)
    consolidation = main_window.consolidation
    with qtbot.waitSignal(consolidation.computed, timeout=30_000):
        main_window.consolidation.page_action.trigger()
    page = consolidation.page
    assert main_window.stack.currentWidget() is page
    main_window.activateWindow()
    page.list_view.setFocus()
    return main_window, page


def _settle(window: MainWindow, qtbot) -> None:
    """Until the decision's log rows are written and the clusters found again."""
    qtbot.waitUntil(lambda: not window.consolidation.busy, timeout=30_000)


def _review(window: MainWindow, key: str, field: str):
    table = window.table
    assert table is not None
    position = int((table.keys == key).to_numpy().nonzero()[0][0])
    return table.review[field].iat[position]


def _shown(window: MainWindow, key: str, field: str) -> str:
    """What the grid shows in ``field`` of article ``key``."""
    model = window.model
    return model.index(model.row_of_key(key), model.column_of_field(field)).data() or ""


def _choose(page, wanted) -> None:
    row = next(r for r, c in enumerate(page.list_model.clusters) if wanted(c))
    page.list_view.selectionModel().setCurrentIndex(
        page.list_model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def _sheet_rows(path: Path, sheet: str) -> list[tuple]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(r) for r in book[sheet].iter_rows(values_only=True)]
    finally:
        book.close()


def test_accept_reject_split_save_and_undo(page_open, joint: Path, qtbot) -> None:
    window, page = page_open
    stack = window.model.undo_stack
    # accept the first cluster with the A key: one undo step, the values in the grid
    accepted = page.current_cluster()
    assert accepted is not None and accepted.kind == "same_product" and accepted.status == "open"
    keep, others = accepted.keep, [k for k in accepted.keys if k != accepted.keep]
    steps = stack.count()
    qtbot.keyClick(page.list_view, Qt.Key.Key_A)
    _settle(window, qtbot)
    assert stack.count() == steps + 1
    assert window.undo_action.text() == (f"&Ångra Godkänn kluster {accepted.product_name('sv')}: "
                                         f"{len(others)} artiklar ersätts av {keep}")
    for key in others:
        assert _review(window, key, "decision") == "replace" and _review(window, key, "replaced_by") == keep
    assert _review(window, keep, "decision") == "keep"
    assert _shown(window, others[0], "decision") == "Ersätt" and _shown(window, others[0], "replaced_by") == keep
    assert window.consolidation.report.cluster(accepted.id).status == "accepted"
    # the page moved on to the next cluster: reject it with R
    rejected = page.current_cluster()
    assert rejected is not None and rejected.id != accepted.id
    qtbot.keyClick(page.list_view, Qt.Key.Key_R)
    _settle(window, qtbot)
    assert window.consolidation.report.cluster(rejected.id).status == "rejected"
    assert stack.count() == steps + 1  # a rejection is in the log, not an edit of the grid
    # split a non-keeper out of a third cluster of three or more
    _choose(page, lambda c: c.status == "open" and c.kind == "same_product" and len(c.keys) >= 3)
    third = page.current_cluster()
    split_key = page.member_model.keys[1]
    page.member_view.setFocus()
    page.member_view.selectionModel().setCurrentIndex(
        page.member_model.index(1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.keyClick(page.member_view, Qt.Key.Key_S)
    _settle(window, qtbot)
    report = window.consolidation.report
    assert report.cluster(third.id) is None  # its members changed: a cluster of its own ID
    rest = set(third.keys) - {split_key}
    assert any(set(c.keys) == rest for c in report.clusters)
    assert not any(split_key in c.keys and set(c.keys) & rest for c in report.clusters)
    # save: the accepted cluster's values land in Sortiment
    assert window.saver.is_dirty
    with qtbot.waitSignal(window.saver.saved, timeout=30_000):
        window.save_action.trigger()
    rows = _sheet_rows(joint, "Sortiment")
    header = rows[0]
    key_at, decision_at, by_at = header.index("Artikel-ID"), header.index("Beslut"), header.index("Ersätts av")
    by_key = {r[key_at]: r for r in rows[1:]}
    for key in others:
        assert by_key[key][decision_at] == "Ersätt" and by_key[key][by_at] == keep
    assert by_key[keep][decision_at] == "Behåll" and by_key[keep][by_at] is None
    untouched = [k for k in (*rejected.keys, *third.keys) if k not in accepted.keys]
    assert all(by_key[k][decision_at] is None for k in untouched)
    # the Kluster sheet: one row per article of each decision, who and when
    log = _sheet_rows(joint, "Kluster")
    assert log[0] == ("Kluster", "Typ", "Artikel-ID", "Beslut", "Av", "När")
    decided = {(r[0], r[2]): r[3] for r in log[1:]}
    label = {code: text(f"kluster_decision_{code}", "sv") for code in ("keep", "replace", "reject", "split", "stay")}
    assert decided[(accepted.id, keep)] == label["keep"]
    assert all(decided[(accepted.id, k)] == label["replace"] for k in others)
    assert all(decided[(rejected.id, k)] == label["reject"] for k in rejected.keys)
    assert decided[(third.id, split_key)] == label["split"]
    assert all(decided[(third.id, k)] == label["stay"] for k in rest)
    assert all(r[4] and r[5] is not None for r in log[1:])
    # Ctrl+Z undoes the acceptance in the grid, and the cluster is open again
    page.list_view.setFocus()
    qtbot.keyClick(page.list_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _settle(window, qtbot)
    for key in others:
        assert is_empty(_review(window, key, "decision")) and is_empty(_review(window, key, "replaced_by"))
    assert is_empty(_review(window, keep, "decision"))
    assert _shown(window, others[0], "decision") == "" and _shown(window, others[0], "replaced_by") == ""
    assert window.consolidation.report.cluster(accepted.id).status == "open"
    reopened = _sheet_rows(joint, "Kluster")[-1]
    assert reopened[0] == accepted.id and reopened[3] == text("kluster_decision_reopen", "sv")
    # Ctrl+Y redoes it: the values again, and the acceptance logged again
    qtbot.keyClick(page.list_view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    _settle(window, qtbot)
    assert all(_review(window, key, "replaced_by") == keep for key in others)
    assert window.consolidation.report.cluster(accepted.id).status == "accepted"
    again = [r for r in _sheet_rows(joint, "Kluster") if r[0] == accepted.id][-len(accepted.keys):]
    assert {r[2]: r[3] for r in again} == {k: label["keep" if k == keep else "replace"] for k in accepted.keys}


def test_the_counts_follow_an_acceptance(page_open, qtbot) -> None:
    window, page = page_open
    report = window.consolidation.report
    total = len(report.clusters)
    assert page.progress_label.text() == f"0 av {total} kluster avgjorda"
    before = page.counts_label.text()
    assert f"{report.articles} → {report.articles} artiklar" in before
    cluster = page.current_cluster()
    qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    _settle(window, qtbot)
    after = window.consolidation.report.articles_after_accepted
    assert after == report.articles - (len(cluster.keys) - 1)
    assert f"{report.articles} → {after} artiklar" in page.counts_label.text()
    assert page.counts_label.text() != before
    assert page.progress_label.text() == f"1 av {total} kluster avgjorda"
    # an accepted cluster is neither rejected nor split (its values stand until Ctrl+Z)
    page.select_cluster(cluster.id)
    assert not page.reject_button.isEnabled() and not page.split_button.isEnabled()
    assert page.accept_button.isEnabled()
    qtbot.keyClick(page.list_view, Qt.Key.Key_R)
    assert not window.consolidation.busy
    assert window.consolidation.report.cluster(cluster.id).status == "accepted"


def test_another_keeper_is_kept_on_accept(page_open, qtbot) -> None:
    """K (or "Behåll denna") on another row: accepting replaces the others by that one."""
    window, page = page_open
    cluster = page.current_cluster()
    chosen = page.member_model.keys[1]
    page.member_view.setFocus()
    page.member_view.selectionModel().setCurrentIndex(
        page.member_model.index(1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.keyClick(page.member_view, Qt.Key.Key_K)
    assert page.member_model.keys[0] == chosen and page.member_model.data(page.member_model.index(0, 0)) == "★"
    assert page.keeper(cluster) == chosen
    page.accept_button.click()
    _settle(window, qtbot)
    assert _review(window, chosen, "decision") == "keep"
    assert all(_review(window, k, "replaced_by") == chosen for k in cluster.keys if k != chosen)
    assert window.consolidation.report.cluster(cluster.id).status == "accepted"


def test_the_filters_and_a_variants_cluster_cannot_be_accepted(page_open, qtbot) -> None:
    window, page = page_open
    category = page.list_model.clusters[0].category
    page.category_combo.setCurrentIndex(page.category_combo.findData(category))
    shown = page.list_model.clusters
    assert shown and all(c.category == category for c in shown)
    assert len(shown) == sum(c.category == category for c in window.consolidation.report.clusters)
    assert page.shown_label.text() == f"{len(shown)} kluster visas"
    page.category_combo.setCurrentIndex(0)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("variants"))
    assert page.kind_combo.currentText() == "Varianter"
    assert page.list_model.clusters and all(c.kind == "variants" for c in page.list_model.clusters)
    page.select_cluster(page.list_model.clusters[0].id)
    assert not page.accept_button.isEnabled() and page.reject_button.isEnabled()
    steps = window.model.undo_stack.count()
    qtbot.keyClick(page.list_view, Qt.Key.Key_A)
    assert window.model.undo_stack.count() == steps and not window.consolidation.busy


def test_on_a_csv_list_accept_works_and_reject_says_why_it_cannot_be_kept(main_window: MainWindow, tmp_path: Path,
                                                                          qtbot) -> None:
    """A csv has no Kluster sheet: the rejection is refused with a message naming the file (the csv is
    never written as if it were a workbook), while accepting sets the values as anywhere else."""
    listing = tmp_path / "lista.csv"
    original = ("Artikel-ID;Benämning;Kategori;Leverantör;Antal;Beslut\n"
                "A1;Nitrilhandske puderfri blå M;Handskar;X AB;10;\n"
                "A2;Handske nitril stl M blå, puderfri;Handskar;Y AB;20;\n"
                "A3;Mugg kartong 20 cl;Muggar;X AB;5;\n")
    listing.write_text(original, encoding="utf-8")
    main_window.open_file(listing)
    qtbot.waitUntil(lambda: main_window.table is not None and not main_window.loading, timeout=30_000)
    consolidation = main_window.consolidation
    with qtbot.waitSignal(consolidation.computed, timeout=30_000):
        consolidation.page_action.trigger()
    page = consolidation.page
    cluster = page.current_cluster()
    assert cluster is not None and set(cluster.keys) == {"A1", "A2"}
    assert page.progress_label.text() == "0 av 1 kluster avgjort"  # the singular
    assert "3 → 3 artiklar" in page.counts_label.text() and "(2 artiklar om alla förslag godkänns)" in \
        page.counts_label.text().replace("&nbsp;", "").strip()
    assert not consolidation.reject()
    box = consolidation.notice
    assert box is not None and "lista.csv" in box.text() and "Kluster" in box.text()
    box.close()
    assert listing.read_text(encoding="utf-8") == original
    assert consolidation.accept()
    _settle(main_window, qtbot)
    other = next(k for k in cluster.keys if k != cluster.keep)
    assert _review(main_window, other, "decision") == "replace"
    assert _review(main_window, other, "replaced_by") == cluster.keep
    assert consolidation.report.cluster(cluster.id).status == "accepted"
    assert main_window.model.undo_stack.count() == 1


def test_a_colleagues_rejection_shows_after_their_save(page_open, joint: Path, qtbot) -> None:
    """The Kluster rows a colleague wrote are read again when the file watcher takes in their save."""
    from workbench.consolidation import ClusterDecision, decide

    window, _page = page_open
    cluster = window.consolidation.report.clusters[3]
    assert cluster.status == "open"
    decide(joint, [ClusterDecision(cluster, "reject")], user="Kollega", set_values=False)
    with qtbot.waitSignal(window.saver.pulled, timeout=30_000):
        window.saver.watcher.check()
    qtbot.waitUntil(lambda: window.consolidation.report.cluster(cluster.id).status == "rejected", timeout=30_000)
    _settle(window, qtbot)


def test_the_page_follows_a_language_switch(page_open, qtbot) -> None:
    window, page = page_open
    total = len(window.consolidation.report.clusters)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("same_product"))
    window.set_language("en")
    assert page.progress_label.text() == f"0 of {total} clusters decided"
    assert page.list_model.headerData(0, Qt.Orientation.Horizontal) == "Product"
    assert page.kind_combo.currentText() == "Same product"  # the filter stays as chosen
    assert page.accept_button.text() == "Accept (A)" and window.consolidation.page_action.text() == "C&onsolidation…"
    window.set_language("sv")
    assert page.progress_label.text() == f"0 av {total} kluster avgjorda"
    assert page.kind_combo.currentText() == "Samma produkt" and page.accept_button.text() == "Godkänn (A)"


def test_a_rejected_cluster_is_reopened_with_o(page_open, joint: Path, qtbot) -> None:
    window, page = page_open
    cluster = page.current_cluster()
    assert not page.reopen_button.isEnabled()  # an open cluster
    qtbot.keyClick(page.list_view, Qt.Key.Key_Delete)
    _settle(window, qtbot)
    assert window.consolidation.report.cluster(cluster.id).status == "rejected"
    page.select_cluster(cluster.id)
    assert page.reopen_button.isEnabled() and not page.reject_button.isEnabled()
    qtbot.keyClick(page.list_view, Qt.Key.Key_O)
    _settle(window, qtbot)
    assert window.consolidation.report.cluster(cluster.id).status == "open"
    last = _sheet_rows(joint, "Kluster")[-1]
    assert last[0] == cluster.id and last[3] == text("kluster_decision_reopen", "sv")
    assert not window.saver.is_dirty  # only the log was written: nothing of the grid's to save
