"""Take the merge wizard's screenshots (issue 15): page 1 with the municipalities' lists, and the result
page. Uses the sample's own lists (``resources/sample/kommuner``) when they exist, else the three small
lists of the GUI tests.

Run under a display or Xvfb: ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_merge.py
[sv|en]``. Works in a temporary folder; writes docs/merge-wizard.png and docs/merge-result.png (sv) or to /tmp (en).
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

from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "sv"
    home = Path(tempfile.mkdtemp(prefix="behovsanalys-shots-"))
    os.environ["BEHOVSANALYS_HOME"] = str(home)
    out = ROOT / "docs" if language == "sv" else Path(tempfile.mkdtemp(prefix="behovsanalys-shots-en-"))
    folder = home / "Kommunernas listor"
    folder.mkdir()
    sample = ROOT / "resources" / "sample" / "kommuner"
    if sample.is_dir():
        paths = []
        for source in sorted(sample.iterdir()):
            if source.suffix.lower() in (".xlsx", ".xls", ".ods", ".csv") and source.name != "truth.csv":
                shutil.copy(source, folder / source.name)
                paths.append(folder / source.name)
    else:
        sys.path.insert(0, str(ROOT / "tests" / "ui" / "assortment"))
        from _merge_lists import make_lists

        paths = make_lists(folder)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)

    from ui.app import create_window
    from ui.assortment.merge_wizard import RESULT_PAGE, open_merge_wizard

    def wait(condition: Callable[[], object], seconds: float = 120) -> None:
        wait_until(condition, seconds)

    window = create_window(app, language)
    window.resize(1280, 800)
    window.show()
    wizard = open_merge_wizard(window, paths)
    wait(lambda: len(wizard.files_page.entries) == len(paths) and not wizard.files_page.reading)
    settle()
    wizard.grab().save(str(out / "merge-wizard.png"))
    wizard.next()
    wizard.next()
    wait(lambda: wizard.currentId() == RESULT_PAGE)
    settle()
    wizard.grab().save(str(out / "merge-result.png"))
    print(out / "merge-wizard.png", out / "merge-result.png")
    wizard.reject()
    settle()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
