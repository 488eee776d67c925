"""The app's version, from the installed distribution (falls back to the package's)."""

from __future__ import annotations

from importlib import metadata

import workbench


def app_version() -> str:
    try:
        return metadata.version("behovsanalys")
    except metadata.PackageNotFoundError:  # frozen bundle without metadata
        return workbench.__version__
