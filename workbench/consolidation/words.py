"""The consolidation parser's words (``resources/consolidation/words.json``) read and checked once: product
kinds with their broader kind, colours, sizes, descriptor synonyms and stop words, and the materials of
the criteria data (``resources/criteria/materials.json``: their aliases) grouped into the classes two
articles must share to be the same product.

A bad entry is an error naming the file and the entry, as for the criteria data."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from workbench.environment.words import spelling as spelling_of
from workbench.errors import CriteriaDataError
from workbench.resources import resource_path


@dataclass(frozen=True)
class Kind:
    id: str
    sv: str
    en: str
    parent: str | None

    def name(self, lang: str = "sv") -> str:
        return self.en if lang == "en" else self.sv


@dataclass(frozen=True)
class Word:
    """What a word of the data stands for: ``("kind", "glove")``, ``("material", "nitrile")``, ..."""

    role: str  # kind | material | colour | size | synonym | stop
    value: str
    joins: bool  # may also start or end a compound ("handske" in "Nitrilhandske")


@dataclass(frozen=True)
class Words:
    folder: Path
    kinds: Mapping[str, Kind]
    words: Mapping[str, Word]  # folded spelling -> what it is (single words)
    phrases: Mapping[str, Word]  # folded spellings of several words ("påse med handtag", "papper/pe")
    material_class: Mapping[str, str]  # material id -> class
    plastic_classes: frozenset[str]
    joining: tuple[str, ...]  # the spellings that may end a compound, longest first
    shown: Mapping[str, tuple[str, str]]  # a colour's or material's id -> its name (sv, en)


_WORD = re.compile(r"\w+")  # a spelling the tokenizer keeps whole; any other is a phrase
_ROLES_BY_PRIORITY = ("kind", "material", "colour", "size", "synonym", "stop")


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.data: Any = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CriteriaDataError(path, entry="", detail=str(error)) from error
        if not isinstance(self.data, dict):
            self.bad("", "not a JSON object")

    def bad(self, entry: str, detail: str) -> None:
        raise CriteriaDataError(self.path, entry=entry, detail=detail)

    def section(self, name: str) -> dict[str, Any]:
        value = self.data.get(name)
        if not isinstance(value, dict):
            self.bad(name, "missing or not an object")
        return {k: v for k, v in value.items() if not k.startswith("_")}

    def strings(self, value: Any, entry: str) -> list[str]:
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            self.bad(entry, "expected a list of words")
        return list(value)


def load_words(folder: Path | None = None, criteria_folder: Path | None = None) -> Words:
    """The parser's words from ``folder`` (default ``resources/consolidation``) and the materials of the
    criteria data in ``criteria_folder`` (default ``resources/criteria``)."""
    if folder is None and criteria_folder is None:
        return _default_words()
    return _load(folder or resource_path("consolidation"), criteria_folder)


@lru_cache(maxsize=1)
def _default_words() -> Words:
    return _load(resource_path("consolidation"), None)


def _load(folder: Path, criteria_folder: Path | None) -> Words:
    from workbench.environment.data import load_criteria

    reader = _Reader(folder / "words.json")
    criteria = load_criteria(criteria_folder)
    found: dict[str, Word] = {}

    def add(spelling: str, role: str, value: str) -> None:
        text, joins = spelling_of(spelling)
        if not text:
            return
        held = found.get(text)
        # a spelling two roles share goes to the stronger role ("lock" is a kind before a descriptor)
        if held is None or _ROLES_BY_PRIORITY.index(role) < _ROLES_BY_PRIORITY.index(held.role):
            found[text] = Word(role, value, joins)

    kinds: dict[str, Kind] = {}
    raw_kinds = reader.section("kinds")
    for ident, entry in raw_kinds.items():
        where = f"kinds.{ident}"
        if not isinstance(entry, dict) or not isinstance(entry.get("sv"), str) or not isinstance(entry.get("en"), str):
            reader.bad(where, "needs 'sv', 'en' and 'words'")
        parent = entry.get("parent")
        if parent is not None and parent not in raw_kinds:
            reader.bad(where, f"unknown parent {parent!r}")
        kinds[ident] = Kind(ident, entry["sv"], entry["en"], parent)
        for word in reader.strings(entry.get("words"), where + ".words"):
            add(word, "kind", ident)

    classes = reader.section("material_classes")
    extra = reader.section("extra_materials")
    for ident, material in criteria.materials.items():
        if ident not in classes:
            reader.bad(f"material_classes.{ident}", "a material of the criteria data has no class")
        for alias in material.aliases:
            add(alias, "material", ident)
    material_class = {ident: str(cls) for ident, cls in classes.items()}
    for ident, spellings in extra.items():
        material_class.setdefault(ident, ident)
        for word in reader.strings(spellings, f"extra_materials.{ident}"):
            add(word, "material", ident)
    plastic = reader.data.get("plastic_classes")
    plastic_classes = frozenset(reader.strings(plastic, "plastic_classes"))

    shown = {i: (m.name_sv.lower(), m.name_en.lower()) for i, m in criteria.materials.items()}
    for ident, spellings in extra.items():
        shown.setdefault(ident, (spellings[0].rstrip("*"), ident))
    for role, name in (("colour", "colours"), ("size", "sizes"), ("synonym", "synonyms")):
        for ident, spellings in reader.section(name).items():
            for word in reader.strings(spellings, f"{name}.{ident}"):
                add(word, role, ident)
            if role == "colour":
                shown[ident] = (spellings[0], ident)
    for word in reader.strings(reader.data.get("stopwords"), "stopwords"):
        add(word, "stop", "")

    words = {k: v for k, v in found.items() if _WORD.fullmatch(k)}
    phrases = {k: v for k, v in found.items() if k not in words}
    joining = tuple(sorted((k for k, v in words.items() if v.joins and v.role in ("kind", "material")),
                           key=len, reverse=True))
    return Words(folder, kinds, words, phrases, material_class, plastic_classes, joining, shown)
