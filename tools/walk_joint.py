"""Walk through the joint assortment as a user would (issue 15), taking a screenshot at every step.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/walk_joint.py [OUT] [sv|en]``.
Works on copies of the sample's eight lists and joint workbook in a temporary folder; writes numbered PNGs to
OUT (a temporary folder when not given) and prints it; in Swedish also docs/update-list.png (the update
dialog's summary). Nothing in ``resources/`` is touched.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from _shots import settle, wait_until  # noqa: E402

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="behovsanalys-walk-"))
    language = sys.argv[2] if len(sys.argv) > 2 else "sv"
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="behovsanalys-walk-home-"))
    os.environ["BEHOVSANALYS_HOME"] = str(home)
    folder = home / "Kommunernas listor"
    folder.mkdir()
    paths = []
    for source in sorted((ROOT / "resources" / "sample" / "kommuner").iterdir()):
        if source.suffix.lower() in (".xlsx", ".xls", ".ods", ".csv") and source.name != "truth.csv":
            shutil.copy(source, folder / source.name)
            paths.append(folder / source.name)
    joint_copy = home / "sodertorn_gemensam.xlsx"
    shutil.copy(ROOT / "resources" / "sample" / "sodertorn_gemensam.xlsx", joint_copy)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)

    from ui.app import create_window
    from ui.assortment.merge_wizard import RESULT_PAGE, RUN_PAGE, TARGET_PAGE, open_merge_wizard
    from ui.assortment.update_list import open_update_list

    def wait(condition: Callable[[], object], seconds: float = 180) -> None:
        wait_until(condition, seconds)

    counter = [0]

    def shot(widget: QWidget, name: str) -> None:
        settle()
        counter[0] += 1
        target = out / f"{counter[0]:02d}-{name}.png"
        widget.grab().save(str(target))
        print(target, flush=True)

    window = create_window(app, language)
    window.resize(1400, 880)
    window.show()
    settle()

    # 1. the merge wizard on the eight lists
    wizard = open_merge_wizard(window, paths)
    shot(wizard, "wizard-reading")
    wait(lambda: len(wizard.files_page.entries) == len(paths) and not wizard.files_page.reading)
    shot(wizard, "wizard-files")
    for entry in wizard.files_page.entries:
        if entry.path.suffix.lower() in (".csv", ".ods") and entry.path.stem != "Tyresö":
            dialog = wizard.files_page.open_columns(entry)
            assert dialog is not None
            shot(dialog, f"columns-{entry.path.suffix[1:]}")
            dialog.reject()
            settle()
    wizard.next()
    wait(lambda: wizard.currentId() == TARGET_PAGE)
    shot(wizard, "wizard-target")
    wizard.next()
    assert wizard.currentId() == RUN_PAGE
    wizard.grab().save(str(out / "06-wizard-running.png"))  # at once: the sample's merge takes a second
    counter[0] += 1
    wait(lambda: wizard.currentId() == RESULT_PAGE)
    shot(wizard, "wizard-result")
    loaded: list[object] = []
    window.table_loaded.connect(loaded.append)
    wizard.result_page.open_button.click()
    wait(lambda: loaded and not window.joint_grid.reading)
    shot(window, "grid-after-merge")

    # 2. the grid on the sample's joint workbook
    loaded.clear()
    window.open_file(joint_copy)
    wait(lambda: loaded and not window.joint_grid.reading)
    shot(window, "grid-joint")
    grid = window.joint_grid
    page, model, view = window.review_page, window.model, window.table_view
    grid.columns_action.trigger()
    shot(window, "grid-municipality-columns-toggled")
    grid.columns_action.trigger()
    shot(window, "grid-municipality-columns-toggled-back")
    facet = page.filter_panel.facets.get("Kommuner")
    if facet is not None:
        shot(page.filter_panel, "facet-panel")
    counts = next(c for c in range(model.columnCount()) if model.column_id(c) == "Kommuner")
    row = max(range(model.rowCount()), key=lambda r: float(model.index(r, counts).data() or 0))
    view.setCurrentIndex(model.index(row, 0))
    settle()
    shot(window, "grid-detail-source-rows")
    # two articles: the first two rows
    view.clearSelection()
    view.selectRow(0)
    from PySide6.QtCore import QItemSelectionModel
    view.selectionModel().select(model.index(1, 0), QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
    settle()
    grid.link_action.trigger()
    wait(lambda: grid.confirm_box is not None)
    box = grid.confirm_box
    assert isinstance(box, QMessageBox)
    shot(box, "link-confirm")
    loaded.clear()
    box.button(QMessageBox.StandardButton.Ok).click()
    wait(lambda: loaded and not grid.reading)
    shot(window, "grid-after-link")
    loaded.clear()
    page = window.review_page
    page.model.undo_stack.undo()
    wait(lambda: loaded and not grid.reading)
    shot(window, "grid-after-undo")
    # split: an article with several source rows
    page, model, view = window.review_page, window.model, window.table_view
    view.setCurrentIndex(model.index(row, 0))
    settle()
    grid.section.table.selectRow(1)
    settle()
    shot(window, "grid-source-row-selected")
    loaded.clear()
    grid.split_action.trigger()
    wait(lambda: loaded and not grid.reading)
    shot(window, "grid-after-split")

    # 3. Arkiv > Uppdatera kommunlista… with a changed copy of Botkyrka's list
    changed = home / "Botkyrka ny.xlsx"
    import openpyxl
    book = openpyxl.load_workbook(folder / "Botkyrka.xlsx")
    sheet = book.worksheets[0]
    header_row = next(r for r in range(1, 15) if sum(1 for c in sheet[r] if c.value) >= 4)
    quantity_col = next((c.column for c in sheet[header_row] if str(c.value or "").strip().lower() == "antal"), None)
    sheet.delete_rows(header_row + 3, 4)
    if quantity_col is not None:
        sheet.cell(header_row + 1, quantity_col).value = 1999
    book.save(changed)
    dialog = open_update_list(window)
    assert dialog is not None
    wait(lambda: dialog.state is not None)
    shot(dialog, "update-empty")
    dialog.set_list(changed)
    wait(lambda: dialog.entry is not None and dialog.entry.found is not None)
    dialog.municipality_combo.setCurrentText("Botkyrka")
    shot(dialog, "update-ready")
    loaded.clear()
    dialog.update_button.click()
    settle(2)
    shot(dialog, "update-running")
    wait(lambda: dialog.report is not None)
    shot(dialog, "update-summary")
    if language == "sv":
        dialog.grab().save(str(ROOT / "docs" / "update-list.png"))
    dialog.buttons.rejected.emit()
    wait(lambda: loaded and not grid.reading)
    shot(window, "grid-after-update")

    # 4. English
    window.set_language("en" if language == "sv" else "sv")
    settle()
    shot(window, "grid-other-language")
    wizard = open_merge_wizard(window, paths[:3])
    wait(lambda: len(wizard.files_page.entries) == 3 and not wizard.files_page.reading)
    shot(wizard, "wizard-files-other-language")
    wizard.next()
    wizard.next()
    wait(lambda: wizard.currentId() == RESULT_PAGE)
    shot(wizard, "wizard-result-other-language")
    wizard.reject()
    settle()
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
