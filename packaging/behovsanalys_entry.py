"""Frozen entry point of the desktop app (PyInstaller analyses this file, not ``ui/__main__.py``)."""

from ui.app import main

raise SystemExit(main())
