"""Take the screenshots of the teamwork defects' fixes (issue 12): the conflict bar and dialog, and the
prompt and status bar when Excel has the file open. Two windows on one copy of the sample, as in
docs/reliability.md.

Run under a display or Xvfb: ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_conflicts.py
[sv|en]``. Works on a copy of the sample in a temporary folder; writes docs/screenshot-*.png (sv) or /tmp (en).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "sv"
    home = Path(tempfile.mkdtemp(prefix="behovsanalys-shots-"))
    os.environ["BEHOVSANALYS_HOME"] = str(home)
    out = ROOT / "docs" if language == "sv" else Path(tempfile.mkdtemp(prefix="behovsanalys-shots-en-"))
    book = home / "sodertorn_sortiment.xlsx"
    shutil.copy(ROOT / "resources" / "sample" / "sodertorn_sortiment.xlsx", book)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)

    from ui.app import create_window
    from ui.sharing.conflict_dialog import ConflictDialog

    def wait(condition: Callable[[], object], seconds: float = 30) -> None:
        end = time.monotonic() + seconds
        while not condition() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)
        assert condition()

    def settle() -> None:
        for _ in range(20):
            app.processEvents()
            time.sleep(0.02)

    def open_as(user: str):  # type: ignore[no-untyped-def]
        window = create_window(app, language)
        window.settings.set("user_name", user)
        window.resize(1280, 760)
        window.show()
        window.open_file(book)
        wait(lambda: window.table is not None and not window.loading)
        return window

    anna, bo = open_as("Anna Svensson"), open_as("Bo Ek")
    for row in (3, 8, 12):  # Bo decides first and does not save; Anna saves other values for the same cells
        bo.model.set_field([row], "decision", "investigate")
        anna.model.set_field([row], "decision", "replace")
    saved: list[object] = []
    anna.saver.saved.connect(saved.append)
    anna.save_action.trigger()
    wait(lambda: saved)
    pulled: list[object] = []
    bo.saver.pulled.connect(pulled.append)
    bo.saver.watcher._stamp = None
    bo.saver.watcher.check()
    wait(lambda: pulled)
    settle()
    bo.grab().save(str(out / "screenshot-conflict-bar.png"))
    bo.save_action.trigger()
    wait(lambda: any(d.isVisible() for d in bo.findChildren(ConflictDialog)))
    dialog = next(d for d in bo.findChildren(ConflictDialog) if d.isVisible())
    dialog.groups[0].button(1).setChecked(True)
    settle()
    dialog.grab().save(str(out / "screenshot-conflicts.png"))
    dialog.all_ours.click()
    done: list[object] = []
    bo.saver.saved.connect(done.append)
    dialog.save_button.click()
    wait(lambda: done)
    owner = book.with_name("~$" + book.name)
    name = b"Cecilia Lund"
    owner.write_bytes(bytes([len(name)]) + name + b" " * (54 - len(name)) + name.decode().encode("utf-16-le"))
    bo.model.set_field([20], "decision", "keep")
    bo.save_action.trigger()
    wait(lambda: (box := bo.findChild(QMessageBox, "openElsewhereBox")) is not None and box.isVisible())
    box = bo.findChild(QMessageBox, "openElsewhereBox")
    settle()
    box.grab().save(str(out / "screenshot-excel-owner.png"))
    box.defaultButton().click()
    settle()
    bo.grab().save(str(out / "screenshot-excel-waiting.png"))
    print("Screenshots written to", out)
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
