"""The bundle's size budgets (MB = 10^6 bytes), in one place for tools/dist_check.py and
benchmarks/bench_bundle.py. Raised from 150/60 with the summary's PDF (reportlab) and the follow-up's
engine (duckdb), as issue 19 sets them."""

BUNDLE_MB = 230  # the one-folder bundle
ARCHIVE_MB = 90  # the tar.gz (or zip) made of it
