"""Take docs/joint-grid.png: the grid on a joint workbook made from the sample's municipalities' lists,
with the municipality columns in view and the detail pane listing the current article's source rows.

Run under a display or Xvfb: ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_joint_grid.py``.
Merges the lists into a temporary folder (the sample is not touched).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from _shots import fresh_home, open_window, wait, wait_until  # noqa: E402


def main() -> int:
    home = fresh_home()
    from workbench.assortment import merge_lists, source_from_arg

    lists = sorted(p for p in (ROOT / "resources" / "sample" / "kommuner").iterdir() if p.name != "truth.csv")
    workbook = home / "sodertorn_gemensam.xlsx"
    merge_lists(workbook, [source_from_arg(f"{p}={p.stem}") for p in lists], user="Anna Lind")

    window = open_window(workbook, sys.argv[1] if len(sys.argv) > 1 else "sv")
    wait_until(lambda: not window.joint_grid.reading)
    page, model, view = window.review_page, window.model, window.table_view
    # an article most municipalities buy, its municipality columns scrolled into view
    counts = next(c for c in range(model.columnCount()) if model.column_id(c) == "Kommuner")
    row = max(range(model.rowCount()), key=lambda r: float(model.index(r, counts).data() or 0))
    first = next(c for c in range(model.columnCount()) if model.column_id(c).startswith("Antal ")
                 and model.column_id(c) in (window.joint_grid.columns.municipality_columns
                                            if window.joint_grid.columns else ()))
    view.setCurrentIndex(model.index(row, first))
    wait(300)
    header = view.horizontalHeader()
    frozen = sum(header.sectionSize(c) for c in range(model.frozen_count))
    view.horizontalScrollBar().setValue(header.sectionPosition(first) - frozen)
    page.splitter.setSizes([200, 750, 450])
    wait(800)
    out = ROOT / "docs" / "joint-grid.png"
    window.grab().save(str(out))
    print(out)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
