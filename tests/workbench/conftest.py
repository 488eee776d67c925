"""The shared fixture modules (``_review_fixtures`` and friends) sit in this folder and are imported
by bare name from the concept folders below it."""

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
