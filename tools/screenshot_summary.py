"""Take docs/summary-page.png (Visa > Sammanfattning: the key figures, the three charts, the notes, per
municipality and per reviewer) on a copy of the sample joint workbook with a few decisions set in the grid,
so that the charts show before ≠ after. The copy is never saved.

Run under a display or Xvfb:
``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_summary.py [sv|en]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from _shots import fresh_home, open_window, sample_copy, wait, wait_until  # noqa: E402

# (decision, every how many-th article of the list): a plausible half-way state of a review
DECISIONS = (("keep", 3), ("remove", 7), ("investigate", 11))


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "sv"
    home = fresh_home()
    window = open_window(sample_copy(home, "sodertorn_gemensam.xlsx"), language, size=(1400, 900),
                         user="Anna Lind")
    model = window.model
    rows = model.rowCount()
    for decision, step in DECISIONS:
        model.set_field(list(range(0, rows, step)), "decision", decision)
    window.review_page.session.user = "Erik Holm"  # a second reviewer for the progress table
    model.set_field(list(range(1, rows, 13)), "decision", "remove")
    summary = window.summary
    summary.show_page()
    wait_until(lambda: summary.summary is not None and not summary.busy)
    wait(500)
    name = "summary-page.png" if language == "sv" else f"summary-page-{language}.png"
    window.grab().save(str(ROOT / "docs" / name))
    print(ROOT / "docs" / name, f"summary computed in {summary.seconds * 1000:.0f} ms")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
