"""Frozen entry point of the desktop app (PyInstaller analyses this file, not ``ui/__main__.py``).

On Linux the bundle's ``workbench`` is a symlink to this same executable: started under that name (or any
name beginning with it), it runs the command line instead of the app.
"""

import sys
from pathlib import Path

if Path(sys.argv[0]).name.startswith("workbench"):
    from workbench.cli import main
else:
    from ui.app import main

raise SystemExit(main())
