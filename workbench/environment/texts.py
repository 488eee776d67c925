"""The texts of a column made few: every distinct cell folded in one pass over all of them, and each folded text
cut down to what the data's words can see (its canonical form), so that a list whose names all differ (sizes,
article numbers, colours) is matched as the handful of texts it really is.

Why the canonical form gives the same matches (:class:`Canon`): a word of the data is found only where it starts
a token or a non-word character (the matchers anchor on ``(?<!\\w)``), ends a token (whole words and compound
ends), or starts one (compound starts); so a token that is no run of a data word, starts with no compound's last
run and ends with no compound's first run can take no part in any match, and replacing it with another such
token (``0``) changes no match, only where matches sit. Digits likewise: no data word holds one, so a run of
digits is one digit as far as matching goes. :func:`canon_needs` refuses data for which this would not hold.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from workbench.environment.words import WordMatcher, fold

_TOKEN = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")
_BLANKS = re.compile(r"[^\S ]\s*| \s+")  # any blank run but a single space
_ODD_BLANKS = (*(c for c in map(chr, range(0x3001)) if c.isspace() and c != " "), "  ")
_DIGIT_BYTES = bytes.maketrans(b"123456789", b"000000000")
_DIGIT_TEXT = str.maketrans("123456789", "000000000")
_SEPARATOR = "\x00"  # neither blank nor word: folds as a boundary, and no cell of a sheet holds it
PLACEHOLDER = "0"


def fold_all(texts: Sequence[str], digits: bool = False) -> list[str]:
    """``[fold(t) for t in texts]`` in one pass over all of them (NFC, case folding and blank runs work
    character by character, so the texts joined by a separator fold as each alone); with ``digits`` each
    ASCII digit also becomes ``0``."""
    if not texts:
        return []
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:  # a text holds the separator: one by one
        folded = [fold(t) for t in texts]
        return [t.translate(_DIGIT_TEXT) for t in folded] if digits else folded
    joined = unicodedata.normalize("NFC", joined).casefold()
    if any(blank in joined for blank in _ODD_BLANKS):  # a scan for each is faster than one regex
        joined = _BLANKS.sub(" ", joined)
    if digits:  # any digit for any other changes no match (module docstring); 0 keeps texts few
        joined = joined.encode("utf-8", "surrogatepass").translate(_DIGIT_BYTES).decode("utf-8", "surrogatepass")
    texts = joined.split(_SEPARATOR)
    if joined[:1] == " " or joined[-1:] == " " or f"{_SEPARATOR} " in joined or f" {_SEPARATOR}" in joined:
        texts = [t.strip(" ") for t in texts]
    return texts


class Canon:
    """A folded text's canonical form for the words of ``matchers`` (module docstring): each token no data
    word can touch is :data:`PLACEHOLDER`."""

    def __init__(self, matchers: Iterable[WordMatcher]) -> None:
        exact: set[str] = set()
        starts: set[str] = set()  # a compound's last run: may be the start of a longer token
        ends: set[str] = set()  # a compound's first run: may be the end of a longer token
        for matcher in matchers:
            for word, joins in matcher.compound.items():
                runs = _TOKEN.findall(word)
                exact.update(runs)
                if joins and runs and _TOKEN.fullmatch(word[-1]):  # may end inside a token
                    starts.add(runs[-1])
                if joins and runs and _TOKEN.fullmatch(word[0]):  # may begin inside one (a compound's end)
                    ends.add(runs[0])
        self._exact = frozenset(exact)
        self._starts = tuple(sorted(starts))
        self._ends = tuple(sorted(ends))
        self.digits = not any(_DIGITS.search(word) for word in exact)
        self._tokens: dict[str, str] = {}
        self.usable = self.digits and not self._touchable(PLACEHOLDER)

    def _touchable(self, token: str) -> bool:
        return token in self._exact or token.startswith(self._starts) or token.endswith(self._ends)

    def _token(self, match: re.Match[str]) -> str:
        token = match.group(0)
        known = self._tokens.get(token)
        if known is None:
            known = self._tokens[token] = token if self._touchable(token) else PLACEHOLDER
        return known

    def canonical(self, folded: str) -> str:
        """``folded`` (a :func:`fold`-ed text, digits collapsed or not) in its canonical form."""
        if not self.usable:
            return folded
        return _TOKEN.sub(self._token, _DIGITS.sub(PLACEHOLDER, folded))
