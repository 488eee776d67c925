"""Vocabularies of the review fields (codes with Swedish and English labels), loaded from resources/.

Reading accepts a code or a label in either language, case- and whitespace-insensitively; writing uses
the label in the workbook's language.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from workbench.resources import resource_path

LANGUAGES = ("sv", "en")


def fold(text: str) -> str:
    """Fold a label for comparison: NFC, case-folded, inner whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True)
class Term:
    code: str
    sv: str
    en: str

    def label(self, lang: str = "sv") -> str:
        return self.en if lang == "en" else self.sv


class Vocabulary:
    """The allowed values of one review field."""

    def __init__(self, name: str, terms: list[Term]) -> None:
        self.name = name
        self.terms = tuple(terms)
        self._lookup: dict[str, str] = {}
        for term in self.terms:
            for word in (term.code, term.sv, term.en):
                self._lookup.setdefault(fold(word), term.code)
        self._by_code = {t.code: t for t in self.terms}

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.terms)

    def labels(self, lang: str = "sv") -> list[str]:
        return [t.label(lang) for t in self.terms]

    def code_for(self, value: Any) -> str | None:
        """The code that ``value`` (a code or a label of either language) stands for, else ``None``.

        Numbers are accepted for numeric vocabularies (``4`` and ``4.0`` both mean ``"4"``).
        """
        if value is None:
            return None
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            if float(value).is_integer():
                value = str(int(value))
            else:
                return None
        text = fold(str(value))
        if not text:
            return None
        code = self._lookup.get(text)
        if code is None and text.replace(",", ".").replace(".0", "", 1).isdigit():
            code = self._lookup.get(text.replace(",", ".").replace(".0", "", 1))
        return code

    def label(self, code: str, lang: str = "sv") -> str:
        return self._by_code[code].label(lang)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code


def load_vocabularies(path: Path | None = None) -> dict[str, Vocabulary]:
    """Read a vocabularies file (default: ``resources/vocabularies.json``)."""
    source = path or resource_path("vocabularies.json")
    data = json.loads(source.read_text(encoding="utf-8"))
    return {
        name: Vocabulary(name, [Term(str(t["code"]), t["sv"], t["en"]) for t in terms])
        for name, terms in data["vocabularies"].items()
    }


@cache
def vocabularies() -> dict[str, Vocabulary]:
    """The default vocabularies (cached)."""
    return load_vocabularies()


def vocabulary(name: str) -> Vocabulary:
    return vocabularies()[name]
