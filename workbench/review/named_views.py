"""Named views of the review grid: presets from ``resources/views.json`` plus the user's own.

A named view is a :class:`~workbench.review.session.ViewSpec` with a Swedish and an English name. The user's
views live in a JSON file whose path the caller chooses (the GUI: the user's config folder). A file
that cannot be read never stops the app: the presets are returned with a finding saying so.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.resources import resource_path
from workbench.review.view import ViewSpec
from workbench.settings import write_json_atomically
from workbench.table import Finding

VIEWS_VERSION = 1


@dataclass(frozen=True)
class NamedView:
    """A view with a name in both languages; ``preset`` views come with the app and are read-only."""

    id: str
    name_sv: str
    name_en: str
    spec: ViewSpec
    preset: bool = False

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": {"sv": self.name_sv, "en": self.name_en}, "spec": self.spec.to_json()}


def _parse_view(entry: Any, *, preset: bool) -> NamedView:
    if not isinstance(entry, Mapping):
        raise TypeError("a view must be an object")
    names = entry.get("name")
    if isinstance(names, str):
        names = {"sv": names, "en": names}
    if not isinstance(names, Mapping) or not isinstance(entry.get("id"), str) or not entry["id"]:
        raise ValueError("a view needs an id and a name")
    name_sv = names.get("sv") or names.get("en")
    name_en = names.get("en") or name_sv
    if not isinstance(name_sv, str) or not isinstance(name_en, str):
        raise ValueError("view names must be text")
    return NamedView(entry["id"], name_sv, name_en, ViewSpec.from_json(entry.get("spec") or {}), preset)


def _entries(path: Path) -> list[Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, Mapping) or not isinstance(data.get("views"), list):
        raise ValueError("expected an object with a list 'views'")
    return list(data["views"])


def preset_views(path: Path | None = None) -> list[NamedView]:
    """The preset views (default ``resources/views.json``); a broken preset file is a bug: it raises."""
    return [_parse_view(entry, preset=True) for entry in _entries(path or resource_path("views.json"))]


def load_user_views(path: Path) -> tuple[list[NamedView], list[Finding]]:
    """The user's views from ``path`` (none if it does not exist) and findings about what was skipped."""
    if not path.exists():
        return [], []
    try:
        entries = _entries(path)
    except (OSError, UnicodeDecodeError, ValueError, TypeError) as error:
        return [], [Finding("views_file_unreadable", {"file": str(path), "detail": str(error)})]
    views: list[NamedView] = []
    findings: list[Finding] = []
    for number, entry in enumerate(entries, start=1):
        try:
            views.append(_parse_view(entry, preset=False))
        except (ValueError, TypeError):
            name = entry.get("id") if isinstance(entry, Mapping) else None
            findings.append(Finding("view_skipped", {"file": str(path), "name": str(name or f"#{number}")}))
    return views, findings


def load_views(user_path: Path | None = None) -> tuple[list[NamedView], list[Finding]]:
    """Presets then the user's views; a user view whose id is taken is skipped with a finding."""
    views = preset_views()
    findings: list[Finding] = []
    if user_path is None:
        return views, findings
    user_views, findings = load_user_views(user_path)
    taken = {view.id for view in views}
    for view in user_views:
        if view.id in taken:
            findings.append(Finding("view_skipped", {"file": str(user_path), "name": view.id}))
            continue
        taken.add(view.id)
        views.append(view)
    return views, findings


def user_view(name: str, spec: ViewSpec) -> NamedView:
    """A view the user saves under ``name`` (both languages): its id follows from the name, so saving
    the same name again replaces it."""
    view_id = "user_" + "".join(ch if ch.isalnum() else "_" for ch in name.casefold())
    return NamedView(view_id, name, name, spec)


def save_user_views(path: Path, views: Iterable[NamedView]) -> None:
    """Write the user's views (presets are left out) to ``path`` atomically."""
    data = {"version": VIEWS_VERSION, "views": [view.to_json() for view in views if not view.preset]}
    write_json_atomically(path, data)
