"""The tender article list (Anbudsunderlag, issue 19): the remaining articles with their pooled yearly
volumes and requirement levels, as a workbook the suppliers fill in with their offers.

The names below load their module on first use, like the other concept packages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench._lazy import lazy_names

if TYPE_CHECKING:
    from workbench.tender.articles import TenderArticle, TenderSelection, tender_articles
    from workbench.tender.layout import TenderNames, tender_names
    from workbench.tender.make import TenderReport, make_tender
    from workbench.tender.writer import TenderLists, write_tender

_LAZY = {
    "TenderArticle": "articles",
    "TenderLists": "writer",
    "TenderNames": "layout",
    "TenderReport": "make",
    "TenderSelection": "articles",
    "make_tender": "make",
    "tender_articles": "articles",
    "tender_names": "layout",
    "write_tender": "writer",
}

__getattr__ = lazy_names(__name__, _LAZY)

__all__ = [
    "TenderArticle",
    "TenderLists",
    "TenderNames",
    "TenderReport",
    "TenderSelection",
    "make_tender",
    "tender_articles",
    "tender_names",
    "write_tender",
]
