"""Take the screenshots the docs show: the main window mid-review, with filters and an open editor.

Run under a display or Xvfb: ``xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/screenshots.py``.
Works on a copy of the sample in a temporary folder; writes docs/screenshot-*.png.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QItemSelection, QItemSelectionModel, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="behovsanalys-shots-"))
    os.environ["BEHOVSANALYS_HOME"] = str(home)
    workbook = home / "sodertorn_sortiment.xlsx"
    shutil.copy(ROOT / "resources" / "sample" / "sodertorn_sortiment.xlsx", workbook)

    from ui.app import create_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    language = sys.argv[1] if len(sys.argv) > 1 else "sv"
    window = create_window(app, language)
    window.resize(1440, 860)
    window.show()
    loaded: list[object] = []
    window.table_loaded.connect(loaded.append)
    window.open_file(workbook)
    while not loaded:
        _wait(50)
    model = window.model
    page = window.review_page

    # A review in progress: decisions, scores and a comment on the first rows.
    plan = ["keep", "keep", "remove", "replace", "keep", "investigate", "keep", "remove", "keep", "keep"]
    for row, code in enumerate(plan):
        model.set_field([row], "decision", code)
        model.set_field([row], "env_score", str(1 + row % 5))
        model.set_field([row], "usage", ["daily", "weekly", "monthly", "rarely"][row % 4])
    model.set_field([2], "comment", "Ersätts av tallrik i papper enligt beslut 2026-03")
    model.set_field([3], "replaced_by", model.data(model.index(4, 0)))
    view = window.table_view
    view.scrollTo(model.index(0, model.column_of_field("decision")))
    view.setCurrentIndex(model.index(2, model.column_of_field("decision")))
    _wait(300)
    out = ROOT / "docs"
    window.grab().save(str(out / f"screenshot-main{'' if language == 'sv' else '-en'}.png"))

    # Filters: a facet and a search, with an editor open on a decision cell.
    facet = page.filter_panel.facets["category"]
    for i in range(facet.list.count()):
        item = facet.list.item(i)
        if item.text().startswith("handskar"):
            item.setCheckState(Qt.CheckState.Checked)
    page.search_edit.setText("nitril")
    page.refresh()
    _wait(300)
    selection = QItemSelection(model.index(0, 0), model.index(5, 0))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    index = model.index(1, model.column_of_field("decision"))
    view.setCurrentIndex(index)
    view.scrollTo(index)
    view.edit(index)
    _wait(400)
    window.grab().save(str(out / f"screenshot-filters-editor{'' if language == 'sv' else '-en'}.png"))
    print("Screenshots written to", out)
    window.close()
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
