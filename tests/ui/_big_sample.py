"""A 20,000-row copy of the sample, built from the sample generator (ten copies with distinct keys)."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _make_sample():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "tools" / "make_sample.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_sample", module)
    spec.loader.exec_module(module)
    return module


def write_big_sample(path: Path, rows: int = 20_000) -> Path:
    """A csv of ``rows`` article rows: the sample's rows repeated, each copy under its own keys."""
    sample = _make_sample()
    base = sample.sample_rows()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(sample.HEADERS)
        for i in range(rows):
            copy, row = divmod(i, len(base))
            values = list(base[row])
            values[0] = f"{copy}{values[0]}"
            writer.writerow(values)
    return path
