"""Finding or adding a date cell format in ``styles.xml`` (private to the writer).

A date is a serial number shown through a cell format (``xf``) whose number format is a date. The
writer reuses such a format when the workbook has a plain one, and otherwise appends one ``xf`` (and one
``numFmt``) with a minimal text edit, leaving the rest of the styles part as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DATE_FORMAT = "yyyy-mm-dd hh:mm"
# Built-in number formats that show dates or times (ECMA-376 Part 1, 18.8.30, plus East Asian ids).
_BUILTIN_DATES = frozenset({*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)})
_CUSTOM_START = 164


@dataclass(frozen=True)
class DateStyles:
    """Date formats of a workbook: the index to use for new dates and every index that shows dates."""

    date_style: str
    date_styles: frozenset[str]
    new_styles_xml: bytes | None  # the edited styles part, or None when unchanged


def _is_date_code(code: str) -> bool:
    code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.', "", code).lower()
    code = code.split(";")[0]
    return bool(re.search(r"[ydh]", code)) or (bool(re.search(r"m.*s|s.*m", code)) and "0" not in code)


def _attr(tag: str, name: str) -> str | None:
    match = re.search(r"\s" + name + r"\s*=\s*[\"']([^\"']*)", tag)
    return match.group(1) if match else None


def date_styles(styles_xml: bytes) -> DateStyles:
    """Find a reusable date cell format in ``styles_xml``, adding one if there is none."""
    text = styles_xml.decode("utf-8")
    root = re.search(r"<([\w.-]+:)?styleSheet[\s>]", text)
    p = (root.group(1) or "") if root else ""
    custom = {int(_attr(m.group(0), "numFmtId") or -1): _attr(m.group(0), "formatCode") or ""
              for m in re.finditer(r"<" + p + r"numFmt\s[^>]*>", text)}
    block = re.search(r"<" + p + r"cellXfs(\s[^>]*)?>(.*?)</" + p + r"cellXfs>", text, re.DOTALL)
    xfs: list[str] = []
    if block is not None:
        xfs = [m.group(0) for m in re.finditer(r"<" + p + r"xf(?=[\s/>])[^>]*?(/>|>.*?</" + p + r"xf>)",
                                               block.group(2), re.DOTALL)]
    dates: set[str] = set()
    preferred: str | None = None
    for index, xf in enumerate(xfs):
        fmt = int(_attr(xf.split(">", 1)[0], "numFmtId") or 0)
        is_date = fmt in _BUILTIN_DATES or (fmt in custom and _is_date_code(custom[fmt]))
        if not is_date:
            continue
        dates.add(str(index))
        head = xf.split(">", 1)[0]
        plain = all((_attr(head, name) or "0") == "0" for name in ("fontId", "fillId", "borderId"))
        if plain and preferred is None and (fmt == 22 or custom.get(fmt) == DATE_FORMAT):
            preferred = str(index)
    if preferred is not None or block is None:
        return DateStyles(preferred or "0", frozenset(dates), None)
    fmt_id = next((i for i, code in custom.items() if code == DATE_FORMAT), None)
    if fmt_id is None:
        fmt_id = max([_CUSTOM_START - 1, *custom]) + 1
        text = _add_numfmt(text, p, fmt_id)
        block = re.search(r"<" + p + r"cellXfs(\s[^>]*)?>(.*?)</" + p + r"cellXfs>", text, re.DOTALL)
        assert block is not None
    new_xf = (f'<{p}xf numFmtId="{fmt_id}" fontId="0" fillId="0" borderId="0" xfId="0" '
              f'applyNumberFormat="1"/>')
    close = block.end() - len(f"</{p}cellXfs>")
    text = text[:close] + new_xf + text[close:]
    start_tag = block.group(0)[:block.group(0).index(">") + 1]
    text = text[:block.start()] + _with_count(start_tag, len(xfs) + 1) + text[block.start() + len(start_tag):]
    added = str(len(xfs))
    return DateStyles(added, frozenset({*dates, added}), text.encode("utf-8"))


def _with_count(start_tag: str, count: int) -> str:
    if re.search(r"\scount\s*=", start_tag):
        return re.sub(r"(\scount\s*=\s*[\"'])\d*", rf"\g<1>{count}", start_tag, count=1)
    return start_tag[:-1] + f' count="{count}">'


def _add_numfmt(text: str, p: str, fmt_id: int) -> str:
    element = f'<{p}numFmt numFmtId="{fmt_id}" formatCode="{DATE_FORMAT}"/>'
    block = re.search(r"<" + p + r"numFmts(\s[^>]*)?>.*?</" + p + r"numFmts>", text, re.DOTALL)
    if block is not None:
        close = block.end() - len(f"</{p}numFmts>")
        text = text[:close] + element + text[close:]
        start_tag = block.group(0)[:block.group(0).index(">") + 1]
        count = len(re.findall(r"<" + p + r"numFmt\s", block.group(0))) + 1
        return text[:block.start()] + _with_count(start_tag, count) + text[block.start() + len(start_tag):]
    empty = re.search(r"<" + p + r"numFmts(\s[^>]*)?/>", text)
    if empty is not None:
        return text[:empty.start()] + f'<{p}numFmts count="1">{element}</{p}numFmts>' + text[empty.end():]
    root = re.search(r"<" + p + r"styleSheet(\s[^>]*)?>", text)
    assert root is not None
    return text[:root.end()] + f'<{p}numFmts count="1">{element}</{p}numFmts>' + text[root.end():]
