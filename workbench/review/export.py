"""Exporting the review record of a table as csv (``workbench export``)."""

from __future__ import annotations

import csv
from typing import TextIO

import numpy as np

from workbench.errors import NoKeyColumnError
from workbench.fields import REVIEW_FIELD_NAMES
from workbench.reading.cells import cell_text
from workbench.review.values import label
from workbench.table import SourceTable

#: The csv header, fixed by the CLI contract.
EXPORT_HEADER: tuple[str, ...] = ("key", *REVIEW_FIELD_NAMES)


def write_review_csv(table: SourceTable, handle: TextIO) -> None:
    """Write one line per article row, in sheet order, with the header :data:`EXPORT_HEADER`.

    Values are the labels in the workbook's language (``table.language``); ``env_score`` is its
    number; ``reviewed_at`` ISO date or date-time text; an empty field is an empty cell. ``handle`` is a
    text stream (UTF-8 when it is a file; open it with ``newline=""``). A table without a key column
    raises :class:`~workbench.errors.NoKeyColumnError` before anything is written.
    """
    if table.key_column is None:
        raise NoKeyColumnError(table.path, header_row=table.header_row)
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(EXPORT_HEADER)
    order = np.argsort(table.data.index.to_numpy(), kind="stable")  # sheet order, whatever was done
    keys = table.keys.to_numpy(dtype=object)[order].tolist()
    review = table.review
    columns = [review[name].to_numpy(dtype=object)[order].tolist() if name in review.columns
               else [None] * len(keys) for name in REVIEW_FIELD_NAMES]
    lang = table.language
    for position, key in enumerate(keys):
        key_text = cell_text(key) if not (isinstance(key, float) and key != key) else None
        writer.writerow([key_text or "", *(label(name, column[position], lang, seconds=True)
                                          for name, column in zip(REVIEW_FIELD_NAMES, columns, strict=True))])
