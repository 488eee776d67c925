"""Frozen entry point of the desktop app (PyInstaller analyses this file, not ``ui/__main__.py``).

On Linux the bundle's ``workbench`` is a symlink to this same executable: started under that name (or any
name beginning with it), it runs the command line instead of the app. Started with ``--check-worker``
(by the writer itself, never by a user), it is the helper that reads a large sheet back while it is
written (workbench/xlsx/check_worker.py); that check comes first so the helper loads neither Qt nor pandas.
Started with ``--check-bundle`` (by tools/dist_check.py), it prints what the bundle's compiled string matching
computes (packaging/bundle_probe.py).
"""

import sys
from pathlib import Path

if sys.argv[1:] == ["--check-worker"]:
    from workbench.xlsx.check_worker import main
elif sys.argv[1:] == ["--check-bundle"]:
    from bundle_probe import main
elif Path(sys.argv[0]).name.startswith("workbench"):
    from workbench.cli import main
else:
    from ui.app import main

raise SystemExit(main())
