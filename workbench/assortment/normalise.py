"""The spellings the merge treats as equal: supplier names, supplier article numbers, article names,
units and pack sizes. Each function returns the comparison form (None when nothing is left), never
the text to show: the joint workbook keeps what the lists said."""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal

__all__ = [
    "normalise_article_name",
    "normalise_article_no",
    "normalise_pack_size",
    "normalise_supplier",
    "normalise_unit",
]

# Company forms that name the legal entity, not the supplier: "Nordisk Engångs AB" and
# "NORDISK ENGÅNGS AKTIEBOLAG" are one supplier. Matched as whole words after punctuation is gone.
_COMPANY_FORMS = frozenset({
    "ab", "aktiebolag", "aktiebolaget", "publ", "hb", "kb", "handelsbolag", "kommanditbolag",
    "oy", "oyj", "ab oy", "as", "asa", "aps", "a s", "ans", "da", "ehf", "hf",
    "gmbh", "ag", "kg", "bv", "nv", "sa", "sas", "sarl", "srl", "spa", "sl",
    "ltd", "limited", "plc", "inc", "llc", "corp", "co", "company",
})
_LEADING_FORMS = frozenset({"ab", "aktiebolaget", "oy"})
_DOTTED_FORMS = re.compile(r"\b(a)\s*[./]\s*(b|s)\b\.?|\b(o)\s*\.\s*(y)\b\.?")
_NOT_WORD = re.compile(r"[^\w%]+")
_SPACES = re.compile(r"\s+")
_DIGIT_LETTER = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
# every mark but the point of a decimal number ("0.5 l" keeps it, "Handske." loses it)
_NAME_PUNCTUATION = re.compile(r"(?:[^\w%.]|_|(?<!\d)\.|\.(?!\d))+")
_SIMPLE_NAME = re.compile(r"(?:[^\W\d_]+|\d+)(?: (?:[^\W\d_]+|\d+))*")
_ARTICLE_NO_NOISE = re.compile(r"[\s\-\u2010-\u2015./_]+")


def _text(value: object) -> str | None:
    """The value as text; an integral float (an Excel number) without its ".0"; None when empty."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    text = unicodedata.normalize("NFC", str(value)).strip()
    return text or None


def _words(text: str) -> str:
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", text)).strip()


def normalise_supplier(value: object) -> str | None:
    """Case, company forms (AB, Aktiebolag, Oy, AS, GmbH, Ltd …), punctuation and whitespace go;
    Swedish letters stay (Engångs is not Engangs)."""
    text = _text(value)
    if text is None:
        return None
    text = _DOTTED_FORMS.sub(lambda m: " " + "".join(g for g in m.groups() if g) + " ", text.casefold())
    words = _words(text.replace(".", "")).split(" ")
    while len(words) > 1:
        if len(words) > 2 and " ".join(words[-2:]) in _COMPANY_FORMS:
            words = words[:-2]
        elif words[-1] in _COMPANY_FORMS:
            words = words[:-1]
        else:
            break
    while len(words) > 1 and words[0] in _LEADING_FORMS:
        words = words[1:]
    result = " ".join(w for w in words if w)
    return result or None


def normalise_article_no(value: object) -> str | None:
    """Case, spaces, "-", ".", "/" and "_" go: "NE-1234", "ne 1234" and "NE.1234" are one number.
    An all-digit number loses its leading zeros, as it did when a list stored it as a number."""
    text = _text(value)
    if text is None:
        return None
    compact = _ARTICLE_NO_NOISE.sub("", text.casefold())
    if compact.isdigit():
        compact = compact.lstrip("0") or "0"
    return compact or None


def normalise_article_name(value: object) -> str | None:
    """Case, whitespace and punctuation go; a decimal comma is a point; a number and the word after
    it are two words ("100st" is "100 st")."""
    text = _text(value)
    if text is None:
        return None
    text = text.casefold()
    if _SIMPLE_NAME.fullmatch(text):
        return text  # words of letters or of digits, one space apart: nothing below would change it
    text = _DIGIT_LETTER.sub(" ", _DECIMAL_COMMA.sub(".", text))
    text = _SPACES.sub(" ", _NAME_PUNCTUATION.sub(" ", text)).strip()
    return text or None


_UNITS = {
    "st": ("st", "st.", "stk", "styck", "styck.", "stycken", "styckvis", "pcs", "pc", "piece", "pieces", "ea",
           "each", "stück", "kpl"),
    "förp": ("förp", "förp.", "fp", "frp", "forp", "förpackning", "förpackningar", "pack", "pkt", "paket",
             "pk", "package", "pkg"),
    "krt": ("krt", "kart", "kartong", "kartonger", "ctn", "carton", "case", "kolli"),
    "par": ("par", "pr", "pair", "pairs"),
    "rl": ("rl", "rle", "rulle", "rullar", "roll", "rolls"),
    "påse": ("påse", "pse", "påsar", "bag", "bags"),
    "fl": ("fl", "flaska", "flaskor", "bottle", "btl"),
    "l": ("l", "liter", "litre", "lit", "ltr"),
    "kg": ("kg", "kilo", "kilogram"),
    "g": ("g", "gram", "gr"),
    "m": ("m", "meter", "metre"),
    "ask": ("ask", "askar", "box", "boxes"),
    "set": ("set", "sats", "kit"),
}
_UNIT_BY_SPELLING = {spelling: code for code, spellings in _UNITS.items() for spelling in spellings}


def normalise_unit(value: object) -> str | None:
    """One code per unit (st, förp, krt, par, rl, påse, fl, l, kg, g, m, ask, set); a unit we do not
    know compares as its own lower-case text without dots."""
    text = _text(value)
    if text is None:
        return None
    folded = _SPACES.sub(" ", text.casefold())
    known = _UNIT_BY_SPELLING.get(folded) or _UNIT_BY_SPELLING.get(folded.rstrip("."))
    if known:
        return known
    return folded.replace(".", "").strip() or None


_PACK_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_THOUSANDS = re.compile(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)")
_PACK_PRODUCT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*[x×*]\s*(\d+(?:[.,]\d+)?)")


def normalise_pack_size(value: object) -> float | None:
    """A pack size as a number: 100, "100", "100 st", "100-pack", "1 000", "0,5", and "10x100" as
    1000 (ten packs of a hundred). None when no positive number is there."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        number = float(value)
        return number if math.isfinite(number) and number > 0 else None
    text = _THOUSANDS.sub("", unicodedata.normalize("NFC", str(value)).strip())
    product = _PACK_PRODUCT.match(text)
    if product:
        number = float(product.group(1).replace(",", ".")) * float(product.group(2).replace(",", "."))
        return number if number > 0 else None
    match = _PACK_NUMBER.search(text)
    if match is None:
        return None
    number = float(match.group(0).replace(",", "."))
    return number if number > 0 else None
