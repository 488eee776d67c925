"""Finding the data's words in what people write: a material in ``Nitril, puderfri``, a product type in
``Plastsugrör``, a product group in ``Undersökningshandske``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

_SHORT = 3
"""A word of at most this many letters is found only as a whole word ("pe", "pla", "ps"); a longer one
also as the start or the end of a Swedish compound ("plast" in "Plastmugg", "sugrör" in "Plastsugrör").
The data may say otherwise per word: ``trä*`` also starts a compound ("Träbestick"), ``=glas`` is only
found whole (not in "Glassbägare")."""


def _spelling(word: str) -> tuple[str, bool]:
    """A data word without its marks, and whether it may be part of a compound."""
    text = fold(word)
    if text.startswith("="):
        return text[1:], False
    if text.endswith("*"):
        return text[:-1], True
    return text, len(text) > _SHORT


def fold(text: object) -> str:
    """Text as compared: NFC, case folded, blanks collapsed."""
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


class WordMatcher:
    """Finds which ids of ``words`` (id -> its words) a text names, the longest word first: in
    ``PE-LD`` the id of ``pe-ld``, not also the one of ``pe``."""

    def __init__(self, words: Mapping[str, Iterable[str]]) -> None:
        self._ids: dict[str, str] = {}
        compound: dict[str, bool] = {}
        for ident, spellings in words.items():
            for word in spellings:
                text, joins = _spelling(word)
                if text and text not in self._ids:
                    self._ids[text] = ident
                    compound[text] = joins
        parts = []
        for word in sorted(self._ids, key=len, reverse=True):
            escaped = re.escape(word)
            if compound[word]:
                parts.append(rf"(?<!\w){escaped}|{escaped}(?!\w)")
            else:
                parts.append(rf"(?<!\w){escaped}(?!\w)")
        self._pattern = re.compile("|".join(parts)) if parts else None

    def find(self, text: object) -> list[str]:
        """The ids named in ``text``, in order of appearance, each once."""
        if self._pattern is None or text is None:
            return []
        found = (self._ids[match.group(0)] for match in self._pattern.finditer(fold(text)))
        return list(dict.fromkeys(found))
