"""Behovsanalys core: loading, the review model, saving into workbooks, the CLI. Never imports Qt."""

from __future__ import annotations

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
from workbench.table import CsvDialect, Finding, SourceTable
from workbench.vocabularies import Vocabulary, vocabularies, vocabulary

__version__ = "0.1.0"

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
