"""Hjälp > Användarguide: a short guide to a review, in the UI's language (rich text, translated)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class UserGuideDialog(QDialog):
    """How to open, review, filter, save with colleagues and settle conflicts; one page, no links out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuideDialog")
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("userGuideText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(self.html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(640, 680)

    def sections(self) -> list[tuple[str, str]]:
        """(heading, paragraph) in reading order."""
        return [
            (self.tr("Open a list"), self.tr(
                "Choose <b>File › Open…</b> (Ctrl+O) or drop the file on the window: an article list or "
                "purchase statistics as xlsx, xlsm, xls, ods or csv. The first time, the app shows which "
                "column it took for the article number and name; check it and choose <b>OK</b>. The "
                "choice is remembered for the file.")),
            (self.tr("Review"), self.tr(
                "The review columns (Usage, Future need, Environmental score, Decision, Replaced by, "
                "Comment) come right after the name. Type the first letter of a value and press Enter: "
                "the value is set and the cursor moves down, as in Excel. Press 1–5 in the score column. "
                "Select many rows and use <b>Edit › Set … for selected rows</b> (or right-click) to set a "
                "value on all of them in one step; <b>Edit › Undo</b> (Ctrl+Z) takes it back. Choose the "
                "columns you see and their order with <b>View › Columns…</b>.")),
            (self.tr("Search and filter"), self.tr(
                "Type in the search field (Ctrl+F) to find articles by any text. Tick values in the "
                "filters on the left to narrow the list, or pick a named view such as "
                "<i>Not reviewed</i>. Click a column header to sort. <b>File › Export view…</b> saves "
                "exactly the rows and columns on screen as xlsx or csv, for a meeting.")),
            (self.tr("Save together with colleagues"), self.tr(
                "Several people can review the same workbook on a shared folder. <b>File › Save</b> "
                "(Ctrl+S) writes only the review cells into the workbook and keeps everything else as "
                "it was. Colleagues' saved changes are brought in while you work and marked in bold "
                "until you have seen the row. If Excel has the file open, close it there first. Your "
                "unsaved edits are kept even if the computer stops: they come back when you open the "
                "file again.")),
            (self.tr("Conflicts"), self.tr(
                "If a colleague saved a different value in a cell you have also changed, the app asks "
                "before it writes: for each article you choose your value or theirs (or all mine / all "
                "theirs). Nothing a colleague saved is overwritten without your choice.")),
            (self.tr("One joint assortment, fewer articles"), self.tr(
                "<b>File › New joint analysis…</b> merges every municipality's list into one joint workbook "
                "with pooled volumes; <b>File › Update municipality list…</b> brings in one municipality's new "
                "list (a file named after a municipality of the workbook, such as Haninge 2026.csv, is taken as "
                "its list, and you are asked before a much shorter list replaces one). "
                "<b>View › Consolidation…</b> (Ctrl+K) shows near-identical articles in "
                "clusters, each with a suggested article to keep; accept or reject a cluster with one key. "
                "<b>Surveys › Make forms…</b> writes an Excel form per unit; <b>Read answers…</b> "
                "brings the operations' answers back beside each article.")),
            (self.tr("Summary and tender list"), self.tr(
                "<b>View › Summary</b> (Ctrl+Shift+M) shows what the decisions do: articles before and "
                "after, pooled volume, spend, plastic and CO2e, per municipality and per reviewer, updated as "
                "you decide. Save it as a one-page PDF for the politicians or as a workbook with charts, or "
                "print it (<b>File › Print…</b>). <b>File › Tender list…</b> writes the remaining articles "
                "with their yearly volumes and requirements as a workbook the suppliers fill in.")),
            (self.tr("Follow up the purchases"), self.tr(
                "During the contract, <b>View › Follow-up</b> (Ctrl+U) reads the purchase statistics (csv "
                "or xlsx, one file per municipality and year) and shows how much of the spend stays inside "
                "the agreed assortment, per municipality, unit and month against your target, which removed "
                "articles are still bought (and what to buy instead), what is bought outside the assortment "
                "and where the agreed price is not paid. Each run is kept in the workbook's sheet "
                "Uppföljning.")),
        ]

    def html(self) -> str:
        title = self.tr("Behovsanalys step by step")
        footer = self.tr("All keyboard shortcuts: Help › Keyboard shortcuts.")
        parts = [f"<h2>{title}</h2>"]
        for heading, paragraph in self.sections():
            parts.append(f"<h3>{heading}</h3><p>{paragraph}</p>")
        parts.append(f"<p><i>{footer}</i></p>")
        return "".join(parts)
