"""Take docs/survey-answers.png: the grid on the sample joint workbook after a round of questionnaires,
with the units' counted answers (Enkät: användning, Enkät: framtida behov) in view beside the review columns.

Run under a display or Xvfb: ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_survey.py``.
Works on a copy in a temporary folder (the sample is not touched); the forms are filled with openpyxl.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from _shots import fresh_home, open_window, wait, wait_until  # noqa: E402


def _fill(form: Path, target: Path, rng: random.Random) -> Path:
    import openpyxl

    book = openpyxl.load_workbook(form)
    sheet = book.worksheets[0]
    usage = ["Dagligen", "Dagligen", "Varje vecka", "Varje månad", "Sällan", "Används inte"]
    future = ["Ökar", "Oförändrat", "Oförändrat", "Minskar", "Upphör"]
    row = 6
    while isinstance(sheet.cell(row, 1).value, str):
        if rng.random() < 0.85:
            sheet.cell(row, 9).value = rng.choice(usage)
            sheet.cell(row, 10).value = rng.choice(future)
        row += 1
    book.save(target)
    return target


def main() -> int:
    home = fresh_home()
    from workbench.survey import collect_forms, make_forms

    workbook = home / "sodertorn_gemensam.xlsx"
    shutil.copy(ROOT / "resources" / "sample" / "sodertorn_gemensam.xlsx", workbook)
    made = make_forms(workbook, home / "sent", user="Anna Lind")
    (home / "home").mkdir()
    rng = random.Random(18)
    filled = [_fill(f.file, home / "home" / f.file.name, rng) for f in made.forms if f.unit != "Södertälje"]
    collect_forms(workbook, filled, user="Anna Lind")

    window = open_window(workbook, sys.argv[1] if len(sys.argv) > 1 else "sv")
    wait_until(lambda: not window.joint_grid.reading)
    page, model, view = window.review_page, window.model, window.table_view
    last = model.columnCount() - 1
    view.setCurrentIndex(model.index(2, last))
    wait(300)
    header = view.horizontalHeader()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    for column in range(model.columnCount()):
        if str(model.column_id(column)).startswith("Enkät"):
            header.resizeSection(column, 230)
    page.splitter.setSizes([200, 900, 300])
    wait(800)
    out = ROOT / "docs" / "survey-answers.png"
    window.grab().save(str(out))
    print(out)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
