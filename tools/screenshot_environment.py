"""Take docs/environment-detail.png (the grid with faint suggested Miljöpoäng and the detail pane's
environment section) and docs/environment-panel.png (Visa > Miljö…) on a copy of the sample assortment.

Run under a display or Xvfb:
``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_environment.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from _shots import fresh_home, open_window, sample_copy, wait, wait_until  # noqa: E402


def main() -> int:
    home = fresh_home()
    window = open_window(sample_copy(home), sys.argv[1] if len(sys.argv) > 1 else "sv")
    wait_until(lambda: window.environment.report is not None and window.environment.figures is not None)
    page, model, view = window.review_page, window.model, window.table_view
    environment = window.environment
    # a SUP-banned article first: its reasons say why
    banned = environment.report.sup_banned()[0] if environment.report else None
    row = model.row_of_key(banned) if banned else 0
    score = model.column_of_field("env_score")
    view.setCurrentIndex(model.index(row, score))
    page.splitter.setSizes([200, 700, 500])
    wait(300)
    view.scrollTo(model.index(row, score))
    header = view.horizontalHeader()
    frozen = sum(header.sectionSize(c) for c in range(model.frozen_count))
    view.horizontalScrollBar().setValue(header.sectionPosition(score) - frozen)
    wait(500)
    bar = page.detail_pane.verticalScrollBar()
    bar.setValue(bar.maximum())  # the environment section, below the article's fields and history
    wait(500)
    window.grab().save(str(ROOT / "docs" / "environment-detail.png"))
    # two decisions, so before and after differ: the first banned article removed, another kept
    model.set_field([row], "decision", "remove")
    environment.show_panel()
    page.splitter.setSizes([180, 560, 360])
    wait(1500)
    window.grab().save(str(ROOT / "docs" / "environment-panel.png"))
    print(ROOT / "docs" / "environment-panel.png")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
