"""The app's version, from the installed distribution (falls back to the package's)."""

from __future__ import annotations

import workbench


def app_version() -> str:
    from importlib import metadata  # 10-15 ms of imports: only when the About box asks

    try:
        return metadata.version("behovsanalys")
    except metadata.PackageNotFoundError:  # frozen bundle without metadata
        return workbench.__version__
