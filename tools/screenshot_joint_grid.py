"""Take docs/joint-grid.png: the grid on a joint workbook made from the sample's municipalities' lists,
with the municipality columns in view and the detail pane listing the current article's source rows.

Run under a display or Xvfb: ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_joint_grid.py``.
Merges the lists into a temporary folder (the sample is not touched).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="behovsanalys-shots-"))
    os.environ["BEHOVSANALYS_HOME"] = str(home)
    from workbench.assortment import merge_lists, source_from_arg

    lists = sorted(p for p in (ROOT / "resources" / "sample" / "kommuner").iterdir() if p.name != "truth.csv")
    workbook = home / "sodertorn_gemensam.xlsx"
    merge_lists(workbook, [source_from_arg(f"{p}={p.stem}") for p in lists], user="Anna Lind")

    from ui.app import create_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    window = create_window(app, sys.argv[1] if len(sys.argv) > 1 else "sv")
    window.resize(1400, 880)
    window.show()
    loaded: list[object] = []
    window.table_loaded.connect(loaded.append)
    window.open_file(workbook)
    while not loaded or window.joint_grid.reading:
        _wait(50)
    page, model, view = window.review_page, window.model, window.table_view
    # an article most municipalities buy, its municipality columns scrolled into view
    counts = next(c for c in range(model.columnCount()) if model.column_id(c) == "Kommuner")
    row = max(range(model.rowCount()), key=lambda r: float(model.index(r, counts).data() or 0))
    first = next(c for c in range(model.columnCount()) if model.column_id(c).startswith("Antal ")
                 and model.column_id(c) in (window.joint_grid.columns.municipality_columns
                                            if window.joint_grid.columns else ()))
    view.setCurrentIndex(model.index(row, first))
    _wait(300)
    header = view.horizontalHeader()
    frozen = sum(header.sectionSize(c) for c in range(model.frozen_count))
    view.horizontalScrollBar().setValue(header.sectionPosition(first) - frozen)
    page.splitter.setSizes([200, 750, 450])
    _wait(800)
    out = ROOT / "docs" / "joint-grid.png"
    window.grab().save(str(out))
    print(out)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
