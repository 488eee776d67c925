"""The helpers that make a joint workbook with decisions and read a tender list (``_tender``) sit beside
these tests and are imported by bare name."""

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
