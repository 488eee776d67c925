"""The helpers that fill forms as people do (``_forms``) sit beside these tests and are imported by bare name."""

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
