"""Import choices remembered per file: sheet, header row, column mapping, key, columns read as text."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.settings import Settings

if TYPE_CHECKING:
    from workbench.table import SourceTable


@dataclass(frozen=True)
class ImportProfile:
    """What the user chose in the import dialog; ``None``/empty means "detect"."""

    sheet: str | None = None
    header_row: int | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    key_column: str | None = None
    text_columns: tuple[str, ...] = ()

    def read_options(self) -> dict[str, Any]:
        """Keyword arguments for :func:`workbench.reading.importer.read_table`."""
        return {
            "sheet": self.sheet,
            "header_row": self.header_row,
            "mapping": dict(self.mapping) or None,
            "key_column": self.key_column,
            "text_columns": tuple(self.text_columns),
        }

    def to_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "header_row": self.header_row, "mapping": dict(self.mapping),
                "key_column": self.key_column, "text_columns": list(self.text_columns)}

    @classmethod
    def from_dict(cls, data: Any) -> ImportProfile:
        """Build from stored data, ignoring anything ill-typed (an old or hand-edited settings file)."""
        if not isinstance(data, dict):
            return cls()
        sheet = data.get("sheet") if isinstance(data.get("sheet"), str) else None
        header_row = data.get("header_row")
        header_row = header_row if isinstance(header_row, int) and header_row >= 1 else None
        mapping_data = data.get("mapping")
        mapping = {str(k): str(v) for k, v in mapping_data.items()} if isinstance(mapping_data, dict) else {}
        key_column = data.get("key_column") if isinstance(data.get("key_column"), str) else None
        texts = data.get("text_columns")
        text_columns = tuple(str(t) for t in texts) if isinstance(texts, list) else ()
        return cls(sheet, header_row, mapping, key_column, text_columns)


def _profile_key(path: Path) -> str:
    return str(Path(path).resolve())


def remembered_profile(settings: Settings, path: Path) -> ImportProfile | None:
    """The choices remembered for ``path``, or ``None`` when the file was never imported."""
    stored = settings.get("file_profiles").get(_profile_key(path))
    return None if stored is None else ImportProfile.from_dict(stored)


def remember_profile(settings: Settings, path: Path, profile: ImportProfile) -> None:
    profiles = settings.get("file_profiles")
    profiles[_profile_key(path)] = profile.to_dict()
    settings.set("file_profiles", profiles)


def forget_profile(settings: Settings, path: Path) -> None:
    """Drop the remembered choices for ``path`` (its columns changed): the next read detects afresh."""
    profiles = settings.get("file_profiles")
    if profiles.pop(_profile_key(path), None) is not None:
        settings.set("file_profiles", profiles)


def needs_confirming(table: SourceTable, remembered: ImportProfile | None) -> bool:
    """Whether a file just read should go through the import dialog before it is reviewed: the first time
    it is read (nothing remembered for it) when the detection needs a person (no key column, or findings).
    A file whose choices are remembered opens at once; its findings go to the banner."""
    return remembered is None and (table.key_column is None or bool(table.findings))
