"""GTINs as the merge compares them: digits only, the check digit verified, as GTIN-14.

A GTIN arrives as text ("07310610001234", "7310610 001234"), as an Excel number (the float
7307976283158.0, the int 7307976283158) or as the text Excel shows for such a number
("7.30798E+12"). A number has lost its leading zeros, so it is padded back; a text in scientific
notation that dropped digits cannot be recovered and says so (``lost_precision``) rather than
turning into another article's GTIN.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

__all__ = ["GtinProblem", "GtinResult", "check_digit", "is_valid_gtin14", "normalise_gtin"]

GTIN_LENGTHS = (8, 12, 13, 14)


class GtinProblem(StrEnum):
    """Why a value is not a usable GTIN (a finding, never a match)."""

    INVALID_CHECK_DIGIT = "invalid_check_digit"
    BAD_LENGTH = "bad_length"
    NOT_DIGITS = "not_digits"
    LOST_PRECISION = "lost_precision"


@dataclass(frozen=True, slots=True)
class GtinResult:
    """``gtin`` is the GTIN-14 when the value is a valid GTIN; otherwise ``problem`` says why.
    Both are None when the value is empty (no GTIN given is not a problem)."""

    gtin: str | None
    problem: GtinProblem | None = None


_EMPTY = GtinResult(None)
# Separators people and systems put inside a GTIN: spaces of every kind, hyphens and dashes.
_SEPARATORS = re.compile(r"[\s\u00a0\u2007\u202f\-\u2010-\u2015]+")
_SCIENTIFIC = re.compile(r"^([+]?)(\d+)(?:[.,](\d*))?[eE]([+]?\d+)$")
_DECIMAL_ZERO = re.compile(r"^(\d+)[.,]0+$")
# A float read from a cell whose digits were rounded away ends in a run of zeros; a real GTIN ends in
# its check digit and rarely in four zeros, and joining two articles by a rounded number is worse than
# leaving one unmatched by GTIN (the other rules still apply).
_ROUNDED_ZEROS = 4


def check_digit(body: str) -> int:
    """The GS1 mod-10 check digit of ``body`` (the GTIN without its last digit): from the right, the
    digits weighed 3, 1, 3, 1, …"""
    backwards = body[::-1]
    total = 3 * sum(map(int, backwards[0::2])) + sum(map(int, backwards[1::2]))
    return (10 - total % 10) % 10


def is_valid_gtin14(digits: str) -> bool:
    return len(digits) == 14 and digits.isascii() and digits.isdigit() and check_digit(digits[:-1]) == int(digits[-1])


def normalise_gtin(value: object) -> GtinResult:
    """The value as a GTIN-14 (left-padded with zeros), or None and the problem."""
    if value is None or isinstance(value, bool):
        return _EMPTY if value is None else GtinResult(None, GtinProblem.NOT_DIGITS)
    if isinstance(value, int):
        return _from_number_digits(str(value)) if value >= 0 else GtinResult(None, GtinProblem.NOT_DIGITS)
    if isinstance(value, float):
        return _from_float(value)
    if isinstance(value, Decimal):
        return _from_text(format(value, "f"))
    return _from_text(str(value))


def _from_float(value: float) -> GtinResult:
    if math.isnan(value):
        return _EMPTY
    if math.isinf(value) or value < 0 or not value.is_integer():
        return GtinResult(None, GtinProblem.NOT_DIGITS)
    if value >= 1e14:
        return GtinResult(None, GtinProblem.BAD_LENGTH)
    digits = str(int(value))
    if len(digits) >= 8 and len(digits) - len(digits.rstrip("0")) >= _ROUNDED_ZEROS:
        return GtinResult(None, GtinProblem.LOST_PRECISION)
    return _from_number_digits(digits)


_PLAIN_LENGTHS = frozenset(GTIN_LENGTHS)


def _from_text(text: str) -> GtinResult:
    if len(text) in _PLAIN_LENGTHS and text.isascii() and text.isdigit() and text.strip("0"):
        return _checked(text)  # the common case, digits only: what the steps below come to
    text = text.strip().lstrip("'")  # Excel's "store as text" mark, kept by some exports
    if not text:
        return _EMPTY
    compact = _SEPARATORS.sub("", text)
    if not compact:
        return _EMPTY
    scientific = _SCIENTIFIC.match(compact)
    if scientific:
        return _from_scientific(scientific)
    decimal_zero = _DECIMAL_ZERO.match(compact)
    if decimal_zero:  # "7307976283158.0": a number written out by a tool
        return _from_number_digits(decimal_zero.group(1).lstrip("0") or "0")
    if not (compact.isascii() and compact.isdigit()):
        return GtinResult(None, GtinProblem.NOT_DIGITS)
    if set(compact) == {"0"}:
        return _EMPTY  # lists write 0 for "no GTIN"
    if len(compact) == 11:  # a GTIN-12 that lost its leading zero on the way through a number
        compact = "0" + compact
    if len(compact) not in GTIN_LENGTHS:
        return GtinResult(None, GtinProblem.BAD_LENGTH)
    return _checked(compact)


def _from_scientific(match: re.Match[str]) -> GtinResult:
    whole, fraction, exponent = match.group(2), match.group(3) or "", match.group(4)
    try:
        number = Decimal(f"{whole}.{fraction or '0'}e{exponent}")
    except InvalidOperation:
        return GtinResult(None, GtinProblem.NOT_DIGITS)
    if number != number.to_integral_value():
        return GtinResult(None, GtinProblem.NOT_DIGITS)
    digits = str(int(number))
    significant = (whole + fraction).lstrip("0")
    if len(digits) > len(significant):
        # "7.30798E+12" shows six of thirteen digits: the rest are gone, not zeros
        return GtinResult(None, GtinProblem.LOST_PRECISION)
    return _from_number_digits(digits)


def _from_number_digits(digits: str) -> GtinResult:
    """Digits of a number: any leading zeros were lost, so every length up to 14 pads back."""
    if set(digits) == {"0"}:
        return _EMPTY
    if len(digits) < 8 or len(digits) > 14:
        return GtinResult(None, GtinProblem.BAD_LENGTH)
    return _checked(digits)


def _checked(digits: str) -> GtinResult:
    gtin14 = digits.zfill(14)
    if check_digit(gtin14[:-1]) != int(gtin14[-1]):
        return GtinResult(None, GtinProblem.INVALID_CHECK_DIGIT)
    return GtinResult(gtin14)
