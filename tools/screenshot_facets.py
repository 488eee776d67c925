"""Take docs/screenshot-facets.png: the main window on the sample with the review facets in view.

Run under a display or Xvfb: ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_facets.py``.
Works on a copy of the sample in a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
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
    window.resize(1400, 880)
    window.show()
    loaded: list[object] = []
    window.table_loaded.connect(loaded.append)
    window.open_file(workbook)
    while not loaded:
        _wait(50)
    model = window.model
    page = window.review_page
    # A review under way: usage, future need, scores and comments on a few hundred rows.
    usages = ["daily", "weekly", "monthly", "rarely", "not_used"]
    needs = ["increase", "same", "decrease", "ends", "uncertain"]
    model.set_field(list(range(400)), "usage", "daily")
    for i, code in enumerate(usages[1:], start=1):
        model.set_field(list(range(400 + 60 * i, 430 + 60 * i)), "usage", code)
    for i, code in enumerate(needs):
        model.set_field(list(range(100 * i, 100 * i + 40 + 10 * i)), "future_need", code)
    for score in range(1, 6):
        model.set_field(list(range(700 + 50 * score, 720 + 50 * score + 5 * score)), "env_score", str(score))
    model.set_field(list(range(20, 32)), "comment", "Fråga köket om behovet")
    facet = page.filter_panel.facets["ecolabel"]
    for i in range(facet.list.count()):
        item = facet.list.item(i)
        if item.data(Qt.ItemDataRole.UserRole + 10) in ("Svanen", "EU Ecolabel"):
            item.setCheckState(Qt.CheckState.Checked)
    page.refresh()
    _wait(300)
    panel = page.filter_panel
    panel.ensureWidgetVisible(panel.facets["usage"], 0, 0)
    _wait(300)
    out = ROOT / "docs" / f"screenshot-facets{'' if language == 'sv' else '-en'}.png"
    window.grab().save(str(out))
    # the lower part of the panel too (ecolabel, reviewer, has comment), for checking by eye
    panel.verticalScrollBar().setValue(panel.verticalScrollBar().maximum())
    _wait(300)
    panel.grab().save(str(Path(tempfile.gettempdir()) / "facets-panel-bottom.png"))
    print("Screenshot written to", out)
    window.close()
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
