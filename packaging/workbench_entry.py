"""Frozen entry point of the ``workbench`` command line."""

from workbench.cli import main

raise SystemExit(main())
