"""Take docs/followup-page.png (Visa > Uppföljning after a run on the sample: the eight municipalities'
purchase files, compliance per municipality and per month against the 90 % target, the units' lights) on a
copy of the sample joint workbook with the sample's decisions applied (resources/sample/uppfoljning).

Run under a display or Xvfb:
``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_followup.py [sv|en]``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from _shots import fresh_home, open_window, sample_copy, wait, wait_until  # noqa: E402

PURCHASES = ROOT / "resources" / "sample" / "uppfoljning"


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "sv"
    home = fresh_home()
    joint = sample_copy(home, "sodertorn_gemensam.xlsx")
    subprocess.run([sys.executable, "-m", "workbench", "apply", str(joint), "--sheet", "Sortiment", "--decisions",
                    str(PURCHASES / "beslut.csv")], cwd=ROOT, check=True, capture_output=True)
    window = open_window(joint, language, size=(1400, 900), user="Anna Lind")
    followup = window.followup
    page = followup.show_page()
    assert page is not None
    followup.add_files([PURCHASES / "inkop"])
    wait_until(lambda: not followup.busy and followup.files)
    followup.run()
    wait_until(lambda: followup.result is not None and not followup.busy, 120, "the follow-up did not finish")
    wait(600)
    name = "followup-page.png" if language == "sv" else f"followup-page-{language}.png"
    window.grab().save(str(ROOT / "docs" / name))
    print(ROOT / "docs" / name, f"{followup.result.lines} lines in {followup.result.seconds:.2f} s")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
