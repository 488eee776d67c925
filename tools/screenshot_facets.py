"""Take docs/screenshot-facets.png (the main window on the sample, review facets in view) and
docs/screenshot-file-dialog.png (the open dialog, dates as 2026-12-01).

Run under a display or Xvfb: ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_facets.py``.
Works on a copy of the sample in a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget  # noqa: E402


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _file_dialog(window: QWidget, folder: Path, out: Path) -> None:
    """Qt's own open dialog over a folder of workbooks, in Detail view: its dates must read ISO."""
    from ui.file_dialogs import file_dialog

    for name, stamp in (("sodertorn_sortiment.xlsx", "2026-12-01 14:05"), ("inköp 2025.csv", "2026-03-09 08:30")):
        path = folder / name
        if not path.exists():
            path.write_text("x", encoding="utf-8")
        seconds = time.mktime(time.strptime(stamp, "%Y-%m-%d %H:%M"))
        os.utime(path, (seconds, seconds))
    dialog = file_dialog(window, window.tr("Open article list"), str(folder),
                         "Kalkylblad (*.xlsx *.csv);;Alla filer (*)")
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.resize(900, 420)
    dialog.open()
    _wait(1500)
    dialog.grab().save(str(out))
    dialog.reject()


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="behovsanalys-shots-"))
    os.environ["BEHOVSANALYS_HOME"] = str(home)
    workbook = home / "sodertorn_sortiment.xlsx"
    shutil.copy(ROOT / "resources" / "sample" / "sodertorn_sortiment.xlsx", workbook)

    from ui.app import create_window
    from ui.review.facet_list import ValueRole

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
    # A review under way: usage, future need, scores and comments spread over the list.
    rows = model.rowCount()
    for i, code in enumerate(["daily", "weekly", "monthly", "rarely", "not_used"]):
        model.set_field([r for r in range(rows) if r % 9 == i], "usage", code)
    for i, code in enumerate(["increase", "same", "decrease", "ends", "uncertain"]):
        model.set_field([r for r in range(rows) if r % 11 == i], "future_need", code)
    for score in range(1, 6):
        model.set_field([r for r in range(rows) if r % 13 == score], "env_score", str(score))
    model.set_field([r for r in range(rows) if r % 40 == 0], "comment", "Fråga köket om behovet")
    facet = page.filter_panel.facets["usage"]
    for i in range(facet.list.count()):
        item = facet.list.item(i)
        if item.data(ValueRole) == "daily":
            item.setCheckState(Qt.CheckState.Checked)
    page.refresh()
    _wait(300)
    panel = page.filter_panel
    panel.ensureWidgetVisible(panel.facets["usage"], 0, 0)
    _wait(300)
    out = ROOT / "docs" / f"screenshot-facets{'' if language == 'sv' else '-en'}.png"
    window.grab().save(str(out))
    # the lower part of the panel too: the source columns' facets, ecolabel last
    panel.verticalScrollBar().setValue(panel.verticalScrollBar().maximum())
    _wait(300)
    window.grab().save(str(out.with_name(out.stem + "-lower.png")))
    _file_dialog(window, home, ROOT / "docs" / f"screenshot-file-dialog{'' if language == 'sv' else '-en'}.png")
    print("Screenshots written to", out.parent)
    window.close()
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
