"""What the frozen bundle's compiled string matching computes (``behovsanalys --check-bundle``).

Started by tools/dist_check.py, never by a user: it imports rapidfuzz as the consolidation does, scores a
few article names with ``fuzz`` and ``process.cdist`` / ``process.extract``, and prints one JSON object:
the scores and which implementation each function came from (``rapidfuzz.fuzz_cpp``, not the pure-Python
``rapidfuzz.fuzz_py``), so a compiled module left out of the bundle fails the check instead of silently
making the consolidation slow. tests/test_bundle_rapidfuzz.py runs the same function from source.
"""

from __future__ import annotations

import json
import os
import sys

# Two names for one product (DESIGN.md's example), one size variant and two unrelated articles.
QUERIES = ("Nitrilhandske puderfri blå M", "Diskborste trä")
CHOICES = ("Handske nitril stl M blå, puderfri", "Nitrilhandske puderfri blå L", "Diskborste av trä", "Sopsäck 125 L")


def probe() -> dict[str, object]:
    from rapidfuzz import fuzz, process, utils

    clean = utils.default_process
    matrix = process.cdist(QUERIES, CHOICES, scorer=fuzz.token_set_ratio, processor=clean)
    best = process.extract(QUERIES[0], CHOICES, scorer=fuzz.token_sort_ratio, processor=clean, limit=2)
    return {
        "implementation": {
            "fuzz": fuzz.token_set_ratio.__module__,
            "process": process.cdist.__module__,
            "utils": clean.__module__,
        },
        "default_process": clean(CHOICES[0]),
        "ratio": round(fuzz.ratio(QUERIES[1], CHOICES[2]), 2),
        "token_sort_ratio": round(fuzz.token_sort_ratio(QUERIES[0], CHOICES[0], processor=clean), 2),
        "token_set_ratio": round(fuzz.token_set_ratio(QUERIES[0], CHOICES[0], processor=clean), 2),
        "cdist": [[round(float(score), 2) for score in row] for row in matrix],
        "extract": [[choice, round(score, 2), index] for choice, score, index in best],
    }


def main() -> int:
    text = json.dumps(probe(), ensure_ascii=False) + "\n"
    # a windowed executable may start without a sys.stdout object even when its fd 1 is a pipe
    if sys.stdout is not None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        os.write(1, text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
