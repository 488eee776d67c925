"""Which parts of rapidfuzz the frozen bundle carries (read by build.spec and tests/test_bundle_rapidfuzz.py).

The consolidation (``workbench clusters``) scores names with ``rapidfuzz.fuzz`` (``ratio``,
``token_sort_ratio``, ``token_set_ratio``), ``rapidfuzz.process`` (``cdist``, ``extract``) and
``rapidfuzz.utils.default_process``. Each of those three modules picks its implementation at import time:
the AVX2 build of the C++ extension when the CPU has AVX2 and the file is there, else the plain x86-64
build (SSE2 only: objdump finds no VEX-encoded instruction in it), else pure Python; every try is an import
inside ``contextlib.suppress(ImportError)``, so a missing file falls back cleanly.

What they load (rapidfuzz 3.14, checked with ``sys.modules`` and by importing with modules blocked):
``fuzz_cpp`` or ``fuzz_cpp_avx2``; ``process_cpp`` -> ``process_cpp_impl`` (0.7 MB; rapidfuzz ships no
AVX2 build of it); ``utils_cpp``; ``_feature_detector_cpp``. ``import rapidfuzz`` also imports
``rapidfuzz.distance``, whose metrics (Levenshtein, Indel, Jaro ...) come from ``distance/metrics_cpp`` or
``metrics_cpp_avx2`` (3 MB each), but ``fuzz_cpp`` and ``process_cpp_impl`` carry their own compiled copies
of the algorithms and never call them.

So the bundle leaves out:
- ``fuzz_cpp_avx2`` (2.2 MB): ``fuzz_cpp`` is then used on every CPU and gives the same scores; on this
  AVX2 machine ``cdist`` of 3,000 x 3,000 article names took the same time with either (ratio 0.21-0.31 s,
  token_sort_ratio 1.0-1.3 s, token_set_ratio 2.3-3.0 s, both within the noise between runs);
- ``distance/metrics_cpp`` and ``metrics_cpp_avx2`` (6 MB): ``rapidfuzz.distance`` then falls back to
  its pure-Python metrics. Nothing here scores with ``rapidfuzz.distance``: a scorer taken from it would
  be pure Python, like ``fuzz_py`` (20-100x slower than ``fuzz_cpp``: ``cdist`` of 200 x 200 names took
  0.32 s for token_set_ratio and 0.38 s for token_sort_ratio, against 0.017 s and 0.004 s), so take these
  out of EXCLUDES before using it.

tests/test_bundle_rapidfuzz.py blocks these modules from import and checks that ``fuzz`` then comes from
``fuzz_cpp`` and that every score is equal; tools/dist_check.py checks the frozen bundle the same way.
"""

from __future__ import annotations

# Imported by name: nothing in workbench/ imports rapidfuzz at module level before the consolidation lands,
# and these three choose their extension modules at run time.
HIDDEN_IMPORTS = ("rapidfuzz", "rapidfuzz.fuzz", "rapidfuzz.process", "rapidfuzz.utils")
EXCLUDES = ("rapidfuzz.fuzz_cpp_avx2", "rapidfuzz.distance.metrics_cpp", "rapidfuzz.distance.metrics_cpp_avx2")
