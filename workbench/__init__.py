"""Behovsanalys core: loading, the review model, saving into workbooks, the CLI. Never imports Qt.

Importing the package is light: the table types (pandas) load on first use, so a helper process, the
command line's ``--help`` and the app's first window do not pay for pandas before they need it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.errors import (
    Cancelled,
    ConflictError,
    CorruptFileError,
    EmptyWorkbookError,
    EncryptedFileError,
    FileBusyError,
    FileLockedError,
    FileMissingError,
    InvalidDecisionsError,
    NoHeaderError,
    SheetNotFoundError,
    TooLargeError,
    UnsupportedFormatError,
    UsageError,
    VerifyError,
    WorkbenchError,
    WriteError,
)
from workbench.fields import REVIEW_FIELDS, SOURCE_FIELDS, Field
from workbench.progress import Progress
from workbench.settings import Settings, UiState
from workbench.vocabularies import Vocabulary, vocabularies, vocabulary

if TYPE_CHECKING:
    from workbench.table import CsvDialect, Finding, SourceTable

__version__ = "0.1.0"

_LAZY = {"CsvDialect", "Finding", "SourceTable"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from workbench import table

        return getattr(table, name)
    raise AttributeError(f"module 'workbench' has no attribute {name!r}")

__all__ = [
    "Cancelled",
    "ConflictError",
    "CorruptFileError",
    "CsvDialect",
    "EmptyWorkbookError",
    "EncryptedFileError",
    "Field",
    "FileBusyError",
    "FileLockedError",
    "FileMissingError",
    "Finding",
    "InvalidDecisionsError",
    "NoHeaderError",
    "Progress",
    "REVIEW_FIELDS",
    "SOURCE_FIELDS",
    "Settings",
    "SheetNotFoundError",
    "SourceTable",
    "TooLargeError",
    "UiState",
    "UnsupportedFormatError",
    "UsageError",
    "VerifyError",
    "Vocabulary",
    "WorkbenchError",
    "WriteError",
    "__version__",
    "vocabularies",
    "vocabulary",
]
