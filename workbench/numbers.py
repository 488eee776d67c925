"""Numbers as the user reads them (digit groups and decimal mark of the language, in one place), and a
cell's value as a number.

Swedish groups digits with a no-break space and writes a decimal comma ("2 000", "1 234,5");
English uses a comma and a point ("2,000", "1,234.5"). The GUI's Qt locale is set to agree
(``ui.i18n``), so Qt's ``%Ln`` plural texts group digits the same way. A minus stays ``-`` (Qt's
Swedish locale writes U+2212), so a value copied into Excel still reads as a number.
"""

from __future__ import annotations

GROUP_SEPARATOR = {"sv": "\u00a0", "en": ","}
DECIMAL_MARK = {"sv": ",", "en": "."}


def format_number(value: int | float, lang: str = "sv", decimals: int | None = None) -> str:
    """``value`` with digit groups; ``decimals`` fixed places, else none for whole numbers and two
    otherwise."""
    if isinstance(value, bool):
        return str(value)
    language = "en" if lang == "en" else "sv"
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    text = f"{value:,.{decimals}f}"
    if language == "sv":
        text = text.replace(",", "\x00").replace(".", DECIMAL_MARK["sv"]).replace("\x00", GROUP_SEPARATOR["sv"])
    return text


def cell_number(value: object) -> float | None:
    """A cell's value as a number: an int, a float or a numeric text ("12", "0.5"); ``None`` for an empty
    cell, a boolean, NaN or anything else."""
    if value.__class__ is float or value.__class__ is int:  # the common case first
        number = float(value)
    elif value is None or isinstance(value, bool):
        return None
    else:
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
    return number if number == number else None
