"""Header folding and synonym matching: which source header stands for which canonical field."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from workbench.fields import REVIEW_FIELDS
from workbench.resources import resource_path

_NON_WORD = re.compile(r"[^\w]+|_+")
_PARENTHESISED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Words that do not change which field a header means ("Antal per år" = "Antal/år").
_FILLER_WORDS = frozenset({"per"})


def fold_header(text: object) -> str:
    """Fold a header for comparison: NFC, case-folded, punctuation and whitespace removed.

    Swedish letters stay distinct (``å`` is not ``a``): "Vara" and "Våra" are different words.
    """
    words = _NON_WORD.sub(" ", unicodedata.normalize("NFC", str(text)).casefold()).split()
    return "".join(words)


def relaxed_fold(text: object) -> str:
    """A looser fold: units in parentheses dropped, ``nummer`` = ``nr``, filler words dropped."""
    base = _PARENTHESISED.sub(" ", unicodedata.normalize("NFC", str(text)).casefold())
    words = [w for w in _NON_WORD.sub(" ", base).split() if w not in _FILLER_WORDS]
    return "".join(words).replace("nummer", "nr")


@dataclass(frozen=True)
class Synonyms:
    """Folded synonyms per field, source and review, plus which review words are English."""

    source: dict[str, tuple[str, ...]]
    review: dict[str, tuple[str, ...]]
    english_review: frozenset[str]


@cache
def synonyms() -> Synonyms:
    """The synonyms of ``resources/synonyms.json`` (cached)."""
    data = json.loads(resource_path("synonyms.json").read_text(encoding="utf-8"))
    swedish = {fold_header(f.label_sv) for f in REVIEW_FIELDS} | {fold_header("Granskad datum")}
    review_words = {w for words in data["review"].values() for w in words}
    english = frozenset(fold_header(w) for w in review_words) - swedish
    return Synonyms(
        source={k: tuple(v) for k, v in data["source"].items()},
        review={k: tuple(v) for k, v in data["review"].items()},
        english_review=english,
    )


def _match(headers: Sequence[str], table: dict[str, tuple[str, ...]], taken: set[str]) -> dict[str, str]:
    """Map fields to headers: exact folds first, then relaxed folds; each header and field used once."""
    result: dict[str, str] = {}
    for folder in (fold_header, relaxed_fold):
        lookup: dict[str, str] = {}
        for field_name, words in table.items():
            for word in words:
                lookup.setdefault(folder(word), field_name)
        for header in headers:
            if header in taken:
                continue
            found = lookup.get(folder(header))
            if found is not None and found not in result:
                result[found] = header
                taken.add(header)
    return result


def map_headers(headers: Sequence[str]) -> tuple[dict[str, str], dict[str, str]]:
    """``(columns, review_columns)``: canonical source and review fields -> header, by synonyms.

    Review headers are matched first, so that "Kommentar" never becomes a source field.
    """
    taken: set[str] = set()
    found = synonyms()
    review = _match(headers, found.review, taken)
    columns = _match(headers, found.source, taken)
    order = {name: i for i, name in enumerate(found.source)}
    columns = dict(sorted(columns.items(), key=lambda item: order[item[0]]))
    review_order = {name: i for i, name in enumerate(found.review)}
    review = dict(sorted(review.items(), key=lambda item: review_order[item[0]]))
    return columns, review


def count_known(cells: Iterable[object]) -> int:
    """How many different known header words (of any field) ``cells`` hold."""
    known = _known_folds()
    found = set()
    for cell in cells:
        if isinstance(cell, str):
            folded, relaxed = fold_header(cell), relaxed_fold(cell)
            if folded in known:
                found.add(folded)
            elif relaxed in known:
                found.add(relaxed)
    return len(found)


@cache
def _known_folds() -> frozenset[str]:
    found = synonyms()
    words = [w for table in (found.source, found.review) for ws in table.values() for w in ws]
    return frozenset(fold_header(w) for w in words) | frozenset(relaxed_fold(w) for w in words)


def review_language(review_columns: dict[str, str]) -> str:
    """``"en"`` when most review headers are English words, else ``"sv"``."""
    english = synonyms().english_review
    votes = [fold_header(h) in english for h in review_columns.values()]
    return "en" if votes and sum(votes) * 2 > len(votes) else "sv"
