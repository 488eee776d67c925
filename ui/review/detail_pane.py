"""The detail pane: every source field of the current article, and its review record."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from workbench.fields import REVIEW_FIELDS, STAMP_FIELDS
from workbench.fields import field as field_info

if TYPE_CHECKING:  # the model and the journal bring pandas: not at start-up (the pages' sections import this)
    from ui.review.model import ReviewTableModel
    from workbench.sharing.journal import Journal


class DetailSection(QLabel):
    """A section another part adds to the detail pane (the environment, the units' answers): rich text,
    wrapped, selectable, top-left, in the pane's margin; ``language`` is the window's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMargin(8)
        self.language = "sv"

class DetailPane(QScrollArea):
    # the key of the article shown (None for none): sections added below the details follow it
    article_shown = Signal(object)

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
        inner = QWidget()
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.label)
        self._layout.addStretch(1)
        self.setWidget(inner)
        self.row = -1
        self.journal: Journal | None = None
        self.history_limit = 20
        # After a reset (another table, another order) the row shown may not exist or be another
        # article: show nothing until the page makes a row current again.
        model.modelReset.connect(self._on_model_model_reset)

    def _on_model_model_reset(self) -> None:
        self.show_row(-1)

    def add_section(self, widget: QWidget, *, first: bool = False) -> None:
        """Show ``widget`` below the article's details (above them when ``first``)."""
        self._layout.insertWidget(0 if first else self._layout.count() - 1, widget)

    def show_row(self, row: int) -> None:
        """Show the article in view row ``row`` (``-1`` for none)."""
        self.row = row
        model = self.model
        if row < 0 or model.table is None or row >= model.rowCount():
            self.label.setText(self.tr("Select an article to see all its details."))
            self.article_shown.emit(None)
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
        from ui.review.model import KeyRole

        key = model.data(model.index(row, 0), KeyRole)
        lines.extend(self._history(table.path, key))
        self.label.setText("".join(lines))
        self.article_shown.emit(key)

    def _history(self, workbook: object, key: str | None) -> list[str]:
        """Who changed what, when: this article's audit trail from the journal."""
        if self.journal is None or key is None:
            return []
        try:
            entries = [e for e in self.journal.history(workbook, key) if e.field not in STAMP_FIELDS]
        except Exception:  # a locked or damaged journal must not break the detail pane
            return []
        heading = self.tr("History")
        lines = [f"<p><b>{html.escape(heading)}</b></p>"]
        if not entries:
            nothing = self.tr("No changes made in this app yet.")
            lines.append(f"<p>{html.escape(nothing)}</p>")
            return lines
        lines.append("<table cellspacing='0' cellpadding='2'>")
        for entry in reversed(entries[-self.history_limit:]):
            info = field_info(entry.field)
            old = self.model.format_value(entry.old, info)
            new = self.model.format_value(entry.new, info)
            state = "" if entry.saved else " " + self.tr("(not saved)")
            lines.append(f"<tr><td>{entry.at:%Y-%m-%d %H:%M}</td><td>{html.escape(entry.user)}</td>"
                         f"<td>{html.escape(info.label(self.model.language))}: {html.escape(old or '–')} → "
                         f"{html.escape(new or '–')}{html.escape(state)}</td></tr>")
        lines.append("</table>")
        return lines
