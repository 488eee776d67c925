"""An article name parsed, not just compared (issue 17): its product kind, size, volume, lengths, thickness,
ply, weight, paper format, count per pack, colours, material and the descriptor words that remain, from
Swedish and English names with their abbreviations.

``Nitrilhandske puderfri blå stl M`` and ``Handske nitril M blå, puderfri`` parse alike (kind glove,
material nitrile, colour blue, size M, descriptor puderfri); ``Mugg kartong 25cl`` and ``Pappersmugg 250
ml`` both hold 250 ml. The parsed attributes are kept (:class:`ParsedName`) because they explain a cluster.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from workbench.consolidation.words import Word, Words, load_words
from workbench.environment.words import fold

_NUM = r"(\d+(?:\.\d+)?)"
_LEN_UNIT = r"(mm|cm|dm|m|meter|metre|meters|metres)"
_TO_MM = {"mm": 1.0, "cm": 10.0, "dm": 100.0, "m": 1000.0, "meter": 1000.0, "metre": 1000.0, "meters": 1000.0,
          "metres": 1000.0}
_TO_ML = {"oz": 29.574, "ml": 1.0, "cl": 10.0, "dl": 100.0, "l": 1000.0, "lit": 1000.0, "liter": 1000.0,
          "litre": 1000.0, "liters": 1000.0, "litres": 1000.0, "ltr": 1000.0}
_TO_G = {"g": 1.0, "gr": 1.0, "gram": 1.0, "kg": 1000.0}
_B = r"(?<![\w.])"  # a measure starts a word
_E = r"(?![\w])"  # and ends one

_DIMS = re.compile(rf"{_B}{_NUM}\s*{_LEN_UNIT}?\s*[x*]\s*{_NUM}\s*{_LEN_UNIT}?(?:\s*[x*]\s*{_NUM}\s*{_LEN_UNIT}?)?{_E}")
_THICK = re.compile(rf"{_B}{_NUM}\s*(my|µm|μm|um|mikron|micron|mic|mu){_E}")
_VOLUME = re.compile(rf"{_B}{_NUM}\s*(oz|ml|cl|dl|l|lit|liter|litre|liters|litres|ltr){_E}")
_WEIGHT = re.compile(rf"{_B}{_NUM}\s*(g|gr|gram|kg){_E}")
_LENGTH = re.compile(rf"{_B}{_NUM}\s*{_LEN_UNIT}{_E}")
_PLY = re.compile(rf"{_B}(\d)\s*-?\s*(lager|lagers|lagrig|lagrigt|lags|lag|skikt|skiktad|ply){_E}")
_PERCENT = re.compile(rf"{_B}{_NUM}\s*%")
_COUNT = re.compile(
    rf"{_B}(\d+)\s*(?:-\s*)?(?:st|pcs|pc|stk|styck|stycken|ark|sheets|pack|pk|p|pkt)\.?{_E}"
    r"(?:\s*/\s*(?:förp|fp|ask|krt|kartong|pkt|paket|rle|rulle|påse|box)\.?(?![\w]))?"
    rf"|{_B}(\d+)\s*/\s*(?:förp|fp|ask|krt|pkt|paket|rle|rulle|påse|box)\.?{_E}")
_FORMAT = re.compile(r"(?<![\w])([abce][0-9]{1,2}|dl)(?![\w])")
_SIZE_AFTER = re.compile(r"(?<![\w])(?:stl|strl|storlek|size|sz|str)[.:]?\s*"
                         r"([0-9]{1,2}(?:\.5)?|[a-z0-9-]{1,5})(?![\w])")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[./-]\d+)*(?![\w])")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_SPLIT = re.compile(r"[^\w/]+|(?<!\w)/|/(?!\w)")
_HAS_DIGIT = re.compile(r"\d")

# the measures in one pattern, one alternative each, tried left to right at every place of a name
_MEASURE_PARTS = (_DIMS, _THICK, _VOLUME, _WEIGHT, _LENGTH, _PLY, _PERCENT, _COUNT)
_MEASURE = re.compile(r"(?<![\w.])(?=\d)(?:" + "|".join(f"({p.pattern})" for p in _MEASURE_PARTS) + ")")
_MEASURE_GROUPS: list[tuple[int, int]] = []  # per alternative: the index of its first inner group, how many
_MEASURE_OF_GROUP: dict[int, int] = {}  # the outer group's number -> its alternative
_position = 1
for _kind, _part in enumerate(_MEASURE_PARTS):
    _MEASURE_OF_GROUP[_position] = _kind
    _MEASURE_GROUPS.append((_position, _part.groups))  # groups() is 0-based: the outer group is skipped
    _position += _part.groups + 1


@dataclass(slots=True)  # never changed once made (not frozen: 20,000 of them are made at once)
class ParsedName:
    """What an article name says, in canonical units (ml, mm, µm, g)."""

    text: str  # the name as read
    kind: str | None  # a kind of the data ("glove"), or "~word" for a head word outside it
    material: str | None  # a material id (criteria data or the extra materials)
    colours: frozenset[str] = frozenset()
    size: str | None = None  # "M", "XL", "8"
    volume_ml: float | None = None
    lengths_mm: tuple[float, ...] = ()  # every length and dimension, each once, sorted
    bare_lengths: tuple[float, ...] = ()  # a dimension written without a unit ("6x200"), as written
    thickness_um: float | None = None
    ply: int | None = None
    weight_g: float | None = None
    paper_format: str | None = None  # "A4", "C5"
    percent: float | None = None
    count: int | None = None  # pieces per pack named in the name ("100 st", "100-pack", "100/fp")
    numbers: tuple[str, ...] = ()  # any other number ("24/6"): two names with other numbers differ
    words: tuple[str, ...] = ()  # the descriptors that remain (synonyms made one), sorted, each once
    kind_word: str = ""  # how the kind was written

    @property
    def descriptor(self) -> str:
        return " ".join(self.words)

    def signature(self) -> tuple[object, ...]:
        """The attributes that two articles must share to be the same product (size, volume, lengths,
        thickness, ply, weight, format and other numbers); the count per pack is not among them."""
        return (self.size, self.volume_ml, self.lengths_mm, self.bare_lengths, self.thickness_um, self.ply,
                self.weight_g, self.paper_format, self.numbers)


def _clean(value: float) -> float:
    return round(value, 3)


@dataclass
class _Found:
    lengths: list[float] = field(default_factory=list)
    bare: list[float] = field(default_factory=list)
    volume: float | None = None
    thickness: float | None = None
    weight: float | None = None
    ply: int | None = None
    percent: float | None = None
    count: int | None = None
    size: str | None = None
    paper_format: str | None = None
    numbers: list[str] = field(default_factory=list)


def _dims(found: _Found, groups: tuple[str | None, ...]) -> None:
    numbers = (groups[0], groups[2], groups[4])
    units = (groups[1], groups[3], groups[5])
    last_unit = next((u for u in reversed(units) if u), None)
    for number, unit in zip(numbers, units, strict=True):
        if number is None:
            continue
        unit = unit or last_unit
        if unit is None:
            found.bare.append(float(number))
        else:
            found.lengths.append(_clean(float(number) * _TO_MM[unit]))


def _thickness(found: _Found, groups: tuple[str | None, ...]) -> None:
    found.thickness = _clean(float(groups[0] or 0))


def _volume(found: _Found, groups: tuple[str | None, ...]) -> None:
    if found.volume is None:
        found.volume = _clean(float(groups[0] or 0) * _TO_ML[groups[1] or "ml"])


def _weight(found: _Found, groups: tuple[str | None, ...]) -> None:
    if found.weight is None:
        found.weight = _clean(float(groups[0] or 0) * _TO_G[groups[1] or "g"])


def _length(found: _Found, groups: tuple[str | None, ...]) -> None:
    found.lengths.append(_clean(float(groups[0] or 0) * _TO_MM[groups[1] or "mm"]))


def _ply(found: _Found, groups: tuple[str | None, ...]) -> None:
    found.ply = int(groups[0] or 0)


def _percent(found: _Found, groups: tuple[str | None, ...]) -> None:
    found.percent = float(groups[0] or 0)


def _count(found: _Found, groups: tuple[str | None, ...]) -> None:
    if found.count is None:
        found.count = int(groups[0] or groups[1] or 0)


_HANDLERS = (_dims, _thickness, _volume, _weight, _length, _ply, _percent, _count)


def _measures(text: str, found: _Found, words: Words) -> str:
    """Take the measures out of ``text`` (folded), into ``found``; what is left."""
    digits = _HAS_DIGIT.search(text) is not None
    if digits:
        pieces: list[str] = []
        at = 0
        for match in _MEASURE.finditer(text):
            index = match.lastindex
            assert index is not None
            kind = _MEASURE_OF_GROUP[index]
            first, size = _MEASURE_GROUPS[kind]
            _HANDLERS[kind](found, match.groups()[first:first + size])
            pieces.append(text[at:match.start()])
            at = match.end()
        if pieces:
            pieces.append(text[at:])
            text = " ".join(pieces)
    if "st" in text or "size" in text or "sz" in text:  # what a size after a word needs
        for match in _SIZE_AFTER.finditer(text):
            value = match.group(1)
            word = words.words.get(value)
            found.size = word.value if word is not None and word.role == "size" else value.upper()
        text = _SIZE_AFTER.sub(" ", text)
    if digits or "dl" in text:
        for match in _FORMAT.finditer(text):
            found.paper_format = match.group(1).upper()
        text = _FORMAT.sub(" ", text)
    if not digits:
        return text
    found.numbers.extend(n.replace("-", "/") for n in _NUMBER.findall(text))
    return _NUMBER.sub(" ", text)


def _linked(prefix: str) -> list[str]:
    """A compound's first part as it may be written alone: ``avfalls`` is also ``avfall``."""
    return [prefix, prefix[:-1]] if len(prefix) > 3 and prefix.endswith("s") else [prefix]


class NameParser:
    """Parses names with one set of :class:`Words` (the data's, by default); results are cached per text."""

    def __init__(self, words: Words | None = None) -> None:
        self.words = words if words is not None else load_words()
        phrases = sorted(self.words.phrases, key=len, reverse=True)
        # a phrase starts a word, or, when its first word may end a compound ("påse med handtag"), may
        # start inside one ("Plastpåse med handtag"); it always ends a word
        joining = set(self.words.joining)
        inside = [p for p in phrases if re.split(r"[^\w]", p, maxsplit=1)[0] in joining]
        starts = [p for p in phrases if p not in inside]
        alternatives = [rf"(?<![\w])(?:{'|'.join(re.escape(p) for p in starts)})(?![\w])"] if starts else []
        alternatives += [rf"(?:{'|'.join(re.escape(p) for p in inside)})(?![\w])"] if inside else []
        self._phrases = re.compile("|".join(alternatives)) if alternatives else None
        # a phrase can be in a name only when the name has the phrase's last word (a cheap test first)
        self._phrase_ends = frozenset([t for t in _SPLIT.split(p) if t][-1] for p in phrases)
        self._cache: dict[tuple[str, str, str], ParsedName] = {}
        self._compounds: dict[str, list[tuple[Word, str]]] = {}
        self._supplier_words: dict[str, frozenset[str]] = {}
        self._ends = frozenset(self.words.joining)
        self._starts = frozenset(w for w in self.words.joining if self.words.words[w].role == "material")

    def parse(self, name: object, material: object = None, supplier: object = None) -> ParsedName:
        """``name`` parsed; ``material`` (the article's material column) wins over a material in the name;
        the words of ``supplier`` are no descriptors (a supplier's name in its own article names)."""
        text, stuff, by = str(name or ""), str(material or ""), str(supplier or "")
        base = self._cache.get((text, stuff, ""))
        if base is None:
            base = self._cache[(text, stuff, "")] = self._parse(text, stuff, "")
        if not by:
            return base
        own = self._supplier_words.get(by)
        if own is None:
            own = self._supplier_words[by] = frozenset(w for w in _SPLIT.split(fold(by)) if len(w) > 2)
        if not own.intersection(base.words) and not (base.kind_word in own and (base.kind or "").startswith("~")):
            return base  # the supplier's name is not in it: the same as without a supplier
        parsed = self._cache.get((text, stuff, by))
        if parsed is None:
            parsed = self._cache[(text, stuff, by)] = self._parse(text, stuff, by)
        return parsed

    def _parse(self, name: str, material: str, supplier: str) -> ParsedName:
        words = self.words
        found = _Found()
        text = fold(name)
        if "," in text:
            text = _DECIMAL_COMMA.sub(".", text)
        if "×" in text:
            text = text.replace("×", "x")
        text = _measures(text, found, words)
        kinds: list[tuple[str, str]] = []  # (kind, as written)
        materials: list[str] = []
        kind_materials: list[str] = []  # a material inside a kind's own word: the name's own material first
        colours: set[str] = set()
        descriptors: list[str] = []

        def take(word: Word, written: str) -> None:
            if word.role == "kind":
                kinds.append((word.value, written))
            elif word.role == "material":
                materials.append(word.value)
            elif word.role == "colour":
                colours.add(word.value)
            elif word.role == "size":
                if found.size is None:
                    found.size = word.value
            elif word.role == "synonym":
                descriptors.append(word.value)

        if self._phrases is not None and not self._phrase_ends.isdisjoint(_SPLIT.split(text)):
            def phrase(match: re.Match[str]) -> str:
                word = words.phrases[match.group(0)]
                take(word, match.group(0))
                if word.role == "kind":  # "Alu-form": the form is aluminium
                    for part in _SPLIT.split(match.group(0)):
                        inner = words.words.get(part)
                        if inner is not None and inner.role in ("material", "colour"):
                            take(inner, part)
                return " "

            text = self._phrases.sub(phrase, text)
        supplier_words = {w for w in _SPLIT.split(fold(supplier)) if len(w) > 2}
        for token in _SPLIT.split(text):
            if not token or token.isdigit():
                continue
            word = words.words.get(token)
            if word is not None:
                if word.role == "size" and len(token) == 1 and token not in ("s", "m", "l"):
                    continue
                take(word, token)
                if word.role == "kind":  # a kind written as one compound still says its material
                    for part, _ in self._compounds.get(token) or self._split(token):
                        if part.role == "material":
                            kind_materials.append(part.value)
                continue
            if self._compound(token, take):
                continue
            if len(token) > 1 and token not in supplier_words and not token.replace("/", "").isdigit():
                descriptors.append(token)

        kind, kind_word = self._kind(kinds)
        if kind is None:
            head = next((d for d in descriptors if len(d) > 3 and d.isalpha()), None)
            if head is not None:
                descriptors.remove(head)
                kind, kind_word = "~" + _stem(head), head
        own = self._material(material)
        chosen = own if own is not None else _first_specific(materials or kind_materials, words)
        # a kind's other words in the name describe it ("Matlåda med lock": the lid is a descriptor)
        parent = self.words.kinds[kind].parent if kind is not None and kind in self.words.kinds else None
        for other, written in kinds:
            if written != kind_word and other not in (kind, parent):
                descriptors.append(other)
        return ParsedName(
            text=name, kind=kind, material=chosen, colours=frozenset(colours), size=found.size,
            volume_ml=found.volume, lengths_mm=tuple(sorted(set(found.lengths))),
            bare_lengths=tuple(sorted(set(found.bare))), thickness_um=found.thickness, ply=found.ply,
            weight_g=found.weight, paper_format=found.paper_format, percent=found.percent, count=found.count,
            numbers=tuple(sorted(found.numbers)), words=tuple(sorted(set(descriptors))), kind_word=kind_word)

    def _compound(self, token: str, take: Callable[[Word, str], None]) -> bool:
        """``token`` read as a compound whose end is a kind or material of the data (``Nitrilhandske``,
        ``Papperstallrik``, ``Sopsäck``); its first part is read as a word of its own. What a token
        reads as is kept: names repeat their words."""
        parts = self._compounds.get(token)
        if parts is None:
            parts = self._compounds[token] = self._split(token)
        for word, written in parts:
            take(word, written)
        return bool(parts)

    def _split(self, token: str) -> list[tuple[Word, str]]:
        words = self.words.words
        ends, starts = self._ends, self._starts
        for cut in range(2, len(token)):  # the longest end first
            end = token[cut:]
            if end not in ends:
                continue
            prefix = token[:cut].rstrip("-")
            if len(prefix) < 2:
                continue
            parts = [(words[end], end)]
            for spelling in _linked(prefix):
                word = words.get(spelling)
                if word is not None:
                    return [*parts, (word, spelling)]
            start = next((prefix[:n] for n in range(len(prefix), 0, -1) if prefix[:n] in starts), None)
            if start is not None:
                rest = prefix[len(start):]
                parts.append((words[start], start))
                if len(rest) > 1:
                    parts.append((Word("synonym", rest, False), rest))
                return parts
            descriptor = prefix.removesuffix("s") if len(prefix) > 4 else prefix
            return [*parts, (Word("synonym", descriptor, False), prefix)]
        start = next((token[:n] for n in range(len(token) - 1, 0, -1) if token[:n] in starts), None)
        if start is None:
            return []
        rest = token[len(start):]
        word = words.get(rest)
        parts = [(words[start], start)]
        if word is not None:
            parts.append((word, rest))
        elif len(rest) > 1:
            parts.append((Word("synonym", rest, False), rest))
        return parts

    def _kind(self, kinds: list[tuple[str, str]]) -> tuple[str | None, str]:
        """The first kind named, or a narrower kind of it named later (``Plastbestick gaffel``: fork)."""
        if not kinds:
            return None, ""
        kind, written = kinds[0]
        for other, other_written in kinds[1:]:
            if self.words.kinds[other].parent == kind:
                return other, other_written
        return kind, written

    def _material(self, value: str) -> str | None:
        if not value.strip():
            return None
        text = _DECIMAL_COMMA.sub(".", fold(value))
        word = self.words.words.get(text) or self.words.phrases.get(text)
        if word is not None and word.role == "material":
            return word.value
        found: list[str] = []
        for token in _SPLIT.split(text):
            word = self.words.words.get(token)
            if word is not None and word.role == "material":
                found.append(word.value)
        return _first_specific(found, self.words)


def _first_specific(materials: list[str], words: Words) -> str | None:
    """The first material named, a specific one before a generic 'plast' ("Plastmugg PP": PP)."""
    for material in materials:
        if words.material_class.get(material) != "plastic":
            return material
    return materials[0] if materials else None


def _stem(word: str) -> str:
    """A head word outside the data, its plural ending off ("klamrar" and "klammer" stay apart; enough
    for blocking)."""
    for ending in ("arna", "orna", "erna", "ar", "or", "er", "na"):
        if len(word) - len(ending) >= 4 and word.endswith(ending):
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=1)
def default_parser() -> NameParser:
    return NameParser()


def parse_name(name: object, material: object = None, supplier: object = None) -> ParsedName:
    """``name`` parsed with the data's words (see :class:`NameParser`)."""
    return default_parser().parse(name, material, supplier)


def fingerprint(text: object) -> str:
    """OpenRefine's fingerprint key (its default clustering method): folded, punctuation off, diacritics
    folded to ASCII, the words sorted and each once. The quality baseline the benchmark compares with."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", str(text).strip().casefold())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    ascii_text = re.sub(r"[^\w\s]", "", ascii_text)
    return " ".join(sorted(set(ascii_text.split())))
