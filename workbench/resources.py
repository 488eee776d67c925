"""One helper to find resource files, in the source tree and inside a frozen (PyInstaller) bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the packages in a checkout, under ``_MEIPASS`` when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a resource file, e.g. ``resource_path("vocabularies.json")``."""
    return resources_dir().joinpath(*parts)


def sample_workbook() -> Path:
    """The bundled Södertörn sample workbook (read-only: always work on a copy)."""
    return resource_path("sample", "sodertorn_sortiment.xlsx")
