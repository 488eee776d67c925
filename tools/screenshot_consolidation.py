"""Take docs/consolidation-page.png (Visa > Konsolidering…: the clusters by what they save, progress and
the assortment before → after) and docs/consolidation-cluster.png (a cluster of gloves opened side by side
after two decisions, its second article picked) on a copy of the sample joint workbook.

Run under a display or Xvfb:
``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_consolidation.py``.
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
    window = open_window(sample_copy(home, "sodertorn_gemensam.xlsx"), sys.argv[1] if len(sys.argv) > 1 else "sv",
                         user="Anna Lind")
    consolidation = window.consolidation
    page = consolidation.show_page()
    assert page is not None
    wait_until(lambda: consolidation.report is not None and not consolidation.busy)
    wait(500)
    window.grab().save(str(ROOT / "docs" / "consolidation-page.png"))
    # two decisions, then a cluster of gloves
    consolidation.accept()
    wait_until(lambda: not consolidation.busy)
    consolidation.reject()
    wait_until(lambda: not consolidation.busy)
    report = consolidation.report
    assert report is not None
    gloves = next((c for c in report.clusters if c.product == "glove" and c.status == "open"
                   and c.kind == "same_product"), None)
    if gloves is not None:
        page.select_cluster(gloves.id)
    wait(300)
    if page.member_model.rowCount() > 1:  # the second article picked: the keeper's own tint shows
        page.member_view.selectRow(1)
    page.member_view.setFocus()
    wait(500)
    window.grab().save(str(ROOT / "docs" / "consolidation-cluster.png"))
    print(ROOT / "docs" / "consolidation-cluster.png")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
