"""Review values: the one place that says what a value of a review field is.

- :func:`normalise` turns what a user, a decisions file or a caller gives into the stored form (a
  vocabulary code, a replacing article's key, a review time, text; ``None`` for empty), and
  :func:`is_valid` says whether a value has one;
- :func:`same_value` / :func:`same_values` say whether two stored values are the same;
- :func:`label` words a stored value in a language;
- :func:`parse_date` reads a review time (the kernel's :func:`workbench.dates.parse_date`, because the
  reader below this package needs it too).

The session (edits, dirty tracking, conflicts), the decisions file, the journal's replay, the three-way
merge, the writer, the csv export and the GUI all use these, so they cannot disagree about a value.

Light on purpose: the journal (opened with the app's first window) compares values with this module,
so it imports neither pandas nor numpy at load time.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from workbench.dates import parse_date
from workbench.fields import REVIEW_FIELD_NAMES
from workbench.vocabularies import Vocabulary, vocabularies

if TYPE_CHECKING:
    import numpy as np

__all__ = ["BadValue", "is_empty", "is_valid", "label", "normalise", "parse_date", "same_value", "same_values"]


class BadValue(ValueError):
    """A value that is not one of its field's: ``reason`` is ``"unknown_value"`` (outside the field's
    vocabulary; ``allowed`` lists its codes) or ``"not_a_date"`` (a review time that is no date)."""

    def __init__(self, field: str, value: Any, reason: str, allowed: tuple[str, ...] = ()) -> None:
        super().__init__(f"{field}: {reason} {value!r}")
        self.field = field
        self.value = value
        self.reason = reason
        self.allowed = allowed


def _pandas() -> Any:
    return sys.modules.get("pandas")  # no pandas object can exist before pandas is loaded


def is_empty(value: Any) -> bool:
    """Whether ``value`` is an empty review cell: ``None``, NaN, NaT, ``pd.NA`` or blank text."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, dt.date):  # NaT is a datetime, and the only one unequal to itself
        return bool(value != value)
    pd = _pandas()
    if pd is not None and (value is pd.NaT or value is pd.NA):
        return True
    if hasattr(value, "dtype") and getattr(value, "shape", None) == ():  # a numpy scalar (NaN, NaT)
        return bool(value != value)
    return False


def normalise(field: str, value: Any, vocabs: Mapping[str, Vocabulary] | None = None) -> Any:
    """The stored form of ``value`` for the review field ``field``.

    Any empty form (:func:`is_empty`) is ``None``. A vocabulary field takes a code or a label in
    either language, case and spacing aside, and the score also a number (``4``, ``4.0``, ``"4"``): the
    code. ``replaced_by`` is the key as text (a whole float without ``.0``, blanks stripped);
    ``reviewed_at`` a date/time (:func:`parse_date`); other fields the text as given. Raises
    :class:`BadValue` for a value outside the vocabulary or a review time that is no date. Whether the
    field may be edited, or a replacing key exists, is the caller's question.
    """
    if is_empty(value):
        return None
    vocabulary = (vocabs if vocabs is not None else vocabularies()).get(field)
    if vocabulary is not None:
        code = vocabulary.code_for(value)
        if code is None:
            raise BadValue(field, value, "unknown_value", vocabulary.codes)
        return code
    if field == "replaced_by":
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()
    if field == "reviewed_at":
        when = parse_date(value)
        if when is None:
            raise BadValue(field, value, "not_a_date")
        return when
    return str(value)


def is_valid(field: str, value: Any, vocabs: Mapping[str, Vocabulary] | None = None) -> bool:
    """Whether ``value`` has a stored form for ``field`` (:func:`normalise` accepts it)."""
    try:
        normalise(field, value, vocabs)
    except BadValue:
        return False
    return True


# -- equality -------------------------------------------------------------------------------------

def same_value(a: Any, b: Any) -> bool:
    """Whether two review values are the same value. THE rule, everywhere (merge, replay, dirty tracking).

    Lenient, because the same value reaches us in different forms and none of them is a change:

    - every empty form is one value: ``None``, NaN, NaT, ``pd.NA`` and blank text (a file's cleared
      cell reads as ``None``, a csv's as ``""``);
    - a whole number and its text are one value: ``4 == 4.0 == "4"`` (the score is stored as the code
      ``"4"``, an Excel cell gives ``4.0``, a caller may pass ``4``); ``"4.0"`` is other text;
    - dates compare by value, to the second: a date is its midnight (the reader keeps a midnight time
      as a date), a ``pd.Timestamp`` is its ``datetime``, a time zone is ignored, microseconds are
      dropped (a spreadsheet keeps whole seconds);
    - anything else compares with ``==`` (text exactly: ``"Keep"`` is not ``"keep"``; stored
      vocabulary values are codes already).

    A strict ``==`` (which dirty tracking once used) called a cell changed that a save would write
    back unchanged, and the merge and the dirty tracking then disagreed about the same cell.
    """
    if a is b:
        return True
    if type(a) is str and type(b) is str:  # the common case in a large merge, kept fast
        return a == b or (not a.strip() and not b.strip())
    if a is None:
        return is_empty(b)
    if b is None:
        return is_empty(a)
    return bool(_canonical(a) == _canonical(b))


def _canonical(value: Any) -> Any:
    if is_empty(value):
        return None
    if isinstance(value, dt.date) or (_pandas() is not None and isinstance(value, _pandas().Timestamp)):
        when = parse_date(value)
        return None if when is None else when.replace(microsecond=0)
    if hasattr(value, "item") and not isinstance(value, str):  # a numpy scalar
        value = value.item()
        if isinstance(value, dt.date):
            return _canonical(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    return value


def same_values(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:func:`same_value` element by element of two aligned object arrays (a bool array).

    Vectorised for the common case: elements equal under ``==`` are the same; only the others (few:
    the changed cells) are compared one by one.
    """
    import numpy as np

    left = np.asarray(a, dtype=object)
    right = np.asarray(b, dtype=object)
    try:
        same = np.asarray(left == right, dtype=bool)
    except (TypeError, ValueError):  # pd.NA's truth value: compare all one by one
        same = np.zeros(len(left), dtype=bool)
    if same.shape != left.shape:  # numpy gave a scalar for arrays it could not compare
        same = np.zeros(len(left), dtype=bool)
    for i in np.flatnonzero(~same).tolist():
        same[i] = same_value(left[i], right[i])
    return same


# -- words ----------------------------------------------------------------------------------------

def label(field: str, value: Any, lang: str = "sv", *, seconds: bool = False) -> str:
    """How a stored value of ``field`` is shown in ``lang`` (``"sv"``/``"en"``): ``""`` for empty.

    A vocabulary code (or anything :func:`normalise` maps to one) is its label in ``lang`` (the score's
    label is its number); a value outside the vocabulary is shown as found. A date/time is ISO text:
    the date alone at midnight, else date and time to the minute, or to the second with ``seconds``
    (the csv export, which must give back the time it holds). A whole float has no ``.0``; text is
    shown without surrounding blanks.
    """
    if is_empty(value):
        return ""
    vocabulary = vocabularies().get(field) if field in REVIEW_FIELD_NAMES else None
    if vocabulary is not None:
        code = value if isinstance(value, str) and value in vocabulary else vocabulary.code_for(value)
        return vocabulary.label(code, lang) if code is not None else _text(value)
    if isinstance(value, dt.date) or (_pandas() is not None and isinstance(value, _pandas().Timestamp)):
        when = parse_date(value)
        if when is None:
            return ""
        if when.time() == dt.time(0):
            return when.date().isoformat()
        return when.isoformat(sep=" ", timespec="seconds" if seconds else "minutes")
    return _text(value)


def _text(value: Any) -> str:
    if hasattr(value, "item") and not isinstance(value, str):  # a numpy scalar
        value = value.item()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e17:
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    return str(value).strip()
