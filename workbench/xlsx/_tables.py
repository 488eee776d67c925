"""Growing an Excel table (``xl/tables/tableN.xml``) over new columns (private to the writer)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.xlsx.cells import column_letters, escape_attr, parse_range


def _ref(tag: bytes) -> re.Match[bytes] | None:
    return re.search(rb"(\sref\s*=\s*[\"'])([^\"']*)", tag)


def table_range(table_xml: bytes) -> tuple[int, int, int, int] | None:
    root = re.search(rb"<([\w.-]+:)?table(?=[\s>])[^>]*>", table_xml)
    if root is None:
        return None
    match = _ref(root.group(0))
    return parse_range(match.group(2).decode("ascii")) if match else None


def grow_table(table_xml: bytes, header_row: int, first_col: int, headers: Sequence[str],
               key_col: int | None = None) -> bytes | None:
    """The table widened over ``headers`` starting at ``first_col``, or ``None`` when the table does not
    end on the header row just left of the new columns, or (``key_col`` given) does not hold the key
    column: a table beside the list (a pivot's source, say) is not the list's."""
    root = re.search(rb"<([\w.-]+:)?table(?=[\s>])[^>]*>", table_xml)
    if root is None:
        return None
    p = root.group(1) or b""
    match = _ref(root.group(0))
    if match is None:
        return None
    r1, c1, r2, c2 = parse_range(match.group(2).decode("ascii"))
    header_rows = re.search(rb"\sheaderRowCount\s*=\s*[\"']0", root.group(0))
    if header_rows is not None or r1 != header_row or c2 + 1 != first_col:
        return None
    if key_col is not None and not c1 <= key_col <= c2:
        return None
    last = first_col + len(headers) - 1
    new_ref = f"{column_letters(c1)}{r1}:{column_letters(last)}{r2}".encode()
    text = table_xml
    text = text[:root.start() + match.start(2)] + new_ref + text[root.start() + match.end(2):]
    auto = re.search(rb"<" + re.escape(p) + rb"autoFilter(?=[\s>/])[^>]*>", text)
    if auto is not None:
        auto_ref = _ref(auto.group(0))
        if auto_ref is not None:
            ar1, ac1, ar2, _ = parse_range(auto_ref.group(2).decode("ascii"))
            new_auto = f"{column_letters(ac1)}{ar1}:{column_letters(last)}{ar2}".encode()
            text = text[:auto.start() + auto_ref.start(2)] + new_auto + text[auto.start() + auto_ref.end(2):]
    columns = re.search(rb"(<" + re.escape(p) + rb"tableColumns(?=[\s>])[^>]*>)(.*?)(</" + re.escape(p)
                        + rb"tableColumns>)", text, re.DOTALL)
    if columns is None:
        return None
    ids = [int(i) for i in re.findall(rb"<" + re.escape(p) + rb"tableColumn\s[^>]*?\bid\s*=\s*[\"'](\d+)",
                                      columns.group(2))]
    names = {n.decode("utf-8").casefold() for n in
             re.findall(rb"<" + re.escape(p) + rb"tableColumn\s[^>]*?\bname\s*=\s*[\"']([^\"']*)",
                        columns.group(2))}
    next_id = max(ids, default=0) + 1
    added = []
    for header in headers:
        if header.casefold() in names:
            return None  # a table's column names must be unique and equal its header cells
        names.add(header.casefold())
        added.append(f'<{p.decode()}tableColumn id="{next_id}" name="{escape_attr(header)}"/>')
        next_id += 1
    start_tag = columns.group(1)
    count = len(ids) + len(headers)
    if re.search(rb"\scount\s*=", start_tag):
        start_tag = re.sub(rb"(\scount\s*=\s*[\"'])\d*", rb"\g<1>" + str(count).encode(), start_tag, count=1)
    body = columns.group(2) + "".join(added).encode("utf-8")
    return text[:columns.start()] + start_tag + body + columns.group(3) + text[columns.end():]
