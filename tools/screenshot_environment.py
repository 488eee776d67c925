"""Take docs/environment-detail.png (the grid with faint suggested Miljöpoäng and the detail pane's
environment section) and docs/environment-panel.png (Visa > Miljö…) on a copy of the sample assortment.

Run under a display or Xvfb:
``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_environment.py``.
"""

from __future__ import annotations

import os
import shutil
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
    workbook = home / "sodertorn_sortiment.xlsx"
    shutil.copy(ROOT / "resources" / "sample" / "sodertorn_sortiment.xlsx", workbook)

    from ui.app import create_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    window = create_window(app, sys.argv[1] if len(sys.argv) > 1 else "sv")
    window.resize(1400, 880)
    window.show()
    window.open_file(workbook)
    while window.environment.report is None or window.environment.figures is None:
        _wait(50)
    page, model, view = window.review_page, window.model, window.table_view
    environment = window.environment
    # a SUP-banned article first: its reasons say why
    banned = environment.report.sup_banned()[0] if environment.report else None
    row = model.row_of_key(banned) if banned else 0
    score = model.column_of_field("env_score")
    view.setCurrentIndex(model.index(row, score))
    page.splitter.setSizes([200, 700, 500])
    _wait(300)
    view.scrollTo(model.index(row, score))
    header = view.horizontalHeader()
    frozen = sum(header.sectionSize(c) for c in range(model.frozen_count))
    view.horizontalScrollBar().setValue(header.sectionPosition(score) - frozen)
    _wait(500)
    bar = page.detail_pane.verticalScrollBar()
    bar.setValue(bar.maximum())  # the environment section, below the article's fields and history
    _wait(500)
    window.grab().save(str(ROOT / "docs" / "environment-detail.png"))
    # two decisions, so before and after differ: the first banned article removed, another kept
    model.set_field([row], "decision", "remove")
    environment.show_panel()
    page.splitter.setSizes([180, 560, 360])
    _wait(1500)
    window.grab().save(str(ROOT / "docs" / "environment-panel.png"))
    print(ROOT / "docs" / "environment-panel.png")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
