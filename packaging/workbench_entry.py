"""Frozen entry point of the ``workbench`` command line (and, with ``--check-worker``, of the helper that
reads a large sheet back while it is written: workbench/xlsx/check_worker.py; with ``--check-bundle``, of
the smoke test's probe of the compiled string matching: packaging/bundle_probe.py)."""

import sys

if sys.argv[1:] == ["--check-worker"]:
    from workbench.xlsx.check_worker import main
elif sys.argv[1:] == ["--check-bundle"]:
    from bundle_probe import main
else:
    from workbench.cli import main

raise SystemExit(main())
