"""Files to a SourceTable: Excel, csv/txt and HTML tables, header detection, column mapping,
import profiles and the pandas-free first look (preview).

The names below load their module on first use, so importing one light module of this package
(or the package) does not load pandas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench._lazy import lazy_names

if TYPE_CHECKING:
    from workbench.reading._findings import (
        new_review_headers,
    )
    from workbench.reading._mapping import (
        fold_header,
        relaxed_fold,
    )
    from workbench.reading._text import (
        SAMPLE_BYTES,
        sniff_text,
    )
    from workbench.reading.importer import (
        detect_header_row,
        list_sheets,
        read_sheet_rows,
        read_table,
    )
    from workbench.reading.preview import (
        Preview,
        read_preview,
    )
    from workbench.reading.profiles import (
        ImportProfile,
    )

_LAZY = {
    "ImportProfile": "profiles",
    "Preview": "preview",
    "SAMPLE_BYTES": "_text",
    "detect_header_row": "importer",
    "fold_header": "_mapping",
    "relaxed_fold": "_mapping",
    "list_sheets": "importer",
    "read_sheet_rows": "importer",
    "new_review_headers": "_findings",
    "read_preview": "preview",
    "read_table": "importer",
    "sniff_text": "_text",
}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = [
    "ImportProfile",
    "Preview",
    "SAMPLE_BYTES",
    "detect_header_row",
    "fold_header",
    "list_sheets",
    "new_review_headers",
    "read_preview",
    "read_sheet_rows",
    "read_table",
    "relaxed_fold",
    "sniff_text",
]
