"""Finding the data's words in what people write: a material in ``Nitril, puderfri``, a product type in
``Plastsugrör``, a product group in ``Undersökningshandske``."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping

_SHORT = 3
"""A word of at most this many letters is found only as a whole word ("pe", "pla", "ps"); a longer one
also as the start or the end of a Swedish compound ("plast" in "Plastmugg", "sugrör" in "Plastsugrör").
The data may say otherwise per word: ``trä*`` also starts a compound ("Träbestick"), ``=glas`` is only
found whole (not in "Glassbägare")."""


def spelling(word: str) -> tuple[str, bool]:
    """A data word without its marks, and whether it may be part of a compound (also the consolidation
    parser's rule for its words)."""
    text = fold(word)
    if text.startswith("="):
        return text[1:], False
    if text.endswith("*"):
        return text[:-1], True
    return text, len(text) > _SHORT


def fold(text: object) -> str:
    """Text as compared: NFC, case folded, blanks collapsed."""
    value = str(text)
    if not unicodedata.is_normalized("NFC", value):  # most names are: the check is cheaper than the form
        value = unicodedata.normalize("NFC", value)
    return " ".join(value.casefold().split())


class WordMatcher:
    """Finds which ids of ``words`` (id -> its words) a text names, the longest word first: in
    ``PE-LD`` the id of ``pe-ld``, not also the one of ``pe``.

    Two patterns, each anchored at the start of a word so that the scan skips the middle of words: the
    words as they start a word (whole, or a compound's start), and the compound words reversed, run over
    the reversed text (a compound's end)."""

    def __init__(self, words: Mapping[str, Iterable[str]]) -> None:
        self._ids: dict[str, str] = {}
        compound: dict[str, bool] = {}
        self.compound = compound  # each word as found (folded, unmarked) -> whether it may join a compound
        for ident, spellings in words.items():
            for word in spellings:
                text, joins = spelling(word)
                if text and text not in self._ids:
                    self._ids[text] = ident
                    compound[text] = joins
        longest = sorted(self._ids, key=len, reverse=True)
        starts = [re.escape(w) if compound[w] else rf"{re.escape(w)}(?!\w)" for w in longest]
        ends = [re.escape(w[::-1]) for w in longest if compound[w]]
        self._starts = re.compile(rf"(?<!\w)(?:{'|'.join(starts)})") if starts else None
        self._ends = re.compile(rf"(?<!\w)(?:{'|'.join(ends)})") if ends else None

    def find(self, text: object) -> list[str]:
        """The ids named in ``text``, in order of appearance, each once."""
        if self._starts is None or text is None:
            return []
        return self.find_folded(fold(text))

    def find_folded(self, folded: str) -> list[str]:
        """:meth:`find` of a text already :func:`fold`-ed."""
        if self._starts is None:
            return []
        spans = [m.span() for m in self._starts.finditer(folded)]
        if self._ends is not None:
            size = len(folded)
            spans += [(size - end, size - begin) for begin, end in
                      (m.span() for m in self._ends.finditer(folded[::-1]))]
        if not spans:
            return []
        if len(spans) == 1:
            (begin, end), = spans
            return [self._ids[folded[begin:end]]]
        spans = sorted(set(spans))
        if any(a[1] > b[0] for a, b in itertools.pairwise(spans)):  # overlaps: the longest wins
            taken: list[tuple[int, int]] = []
            for begin, end in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):
                if all(end <= b or begin >= e for b, e in taken):
                    taken.append((begin, end))
            spans = sorted(taken)
        ids = self._ids
        return list(dict.fromkeys(ids[folded[b:e]] for b, e in spans))
