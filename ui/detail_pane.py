"""The detail pane: every source field of the current article, and its review record."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from ui.review_model import ReviewTableModel
from workbench.fields import REVIEW_FIELDS


class DetailPane(QScrollArea):
    def __init__(self, model: ReviewTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.model = model
        self.setWidgetResizable(True)
        self.label = QLabel()
        self.label.setObjectName("detailText")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.label.setMargin(8)
        self.setWidget(self.label)
        self.row = -1

    def show_row(self, row: int) -> None:
        """Show the article in view row ``row`` (``-1`` for none)."""
        self.row = row
        model = self.model
        if row < 0 or model.table is None or row >= model.rowCount():
            self.label.setText(self.tr("Select an article to see all its details."))
            return
        table = model.table
        position = model.position(row)
        title = self.tr("Sheet row {row}").format(row=table.data.index[position])
        lines = [f"<p><b>{html.escape(title)}</b></p>", "<table cellspacing='0' cellpadding='3'>"]
        review_columns = set(table.review_columns.values())
        for column, header in enumerate(table.data.columns):
            if header in review_columns:
                continue
            text = model.format_value(table.data.iat[position, column], None)
            lines.append(f"<tr><td><i>{html.escape(str(header))}</i></td><td>{html.escape(text)}</td></tr>")
        lines.append("<tr><td colspan='2'><hr/></td></tr>")
        for field in REVIEW_FIELDS:
            text = model.format_value(table.review[field.name].iat[position], field)
            lines.append(f"<tr><td><i>{html.escape(field.label(model.language))}</i></td>"
                         f"<td>{html.escape(text).replace(chr(10), '<br/>')}</td></tr>")
        lines.append("</table>")
        self.label.setText("".join(lines))
