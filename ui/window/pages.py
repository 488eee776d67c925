"""The main window's pages: the empty page, the table page with the findings banner and the conflict bar,
and the window title."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QToolButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from workbench.table import SourceTable


class PagesMixin:
    """The central widget of :class:`ui.main_window.MainWindow`."""

    def _build_central(self) -> None:
        self.stack = QStackedWidget(self)
        empty = QWidget()
        empty.setObjectName("emptyPage")
        layout = QVBoxLayout(empty)
        layout.addStretch(1)
        self.empty_title = QLabel()
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title.setObjectName("emptyTitle")
        self.empty_hint = QLabel()
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_open_button = QPushButton()
        self.empty_open_button.setObjectName("emptyOpenButton")
        self.empty_open_button.clicked.connect(self._on_open_action_triggered)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_open_button)
        row.addStretch(1)
        layout.addWidget(self.empty_title)
        layout.addWidget(self.empty_hint)
        layout.addLayout(row)
        layout.addStretch(2)
        self.table_page = QWidget()
        self.table_page.setObjectName("tablePage")
        page_layout = QVBoxLayout(self.table_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        self.banner = QWidget()
        self.banner.setObjectName("findingsBanner")
        self.banner.setStyleSheet("#findingsBanner { background: #fff4ce; border-bottom: 1px solid #e0c36c; }"
                                  "#findingsBanner QLabel { color: #3b2f00; }")
        banner_layout = QHBoxLayout(self.banner)
        self.banner_label = QLabel()
        self.banner_label.setObjectName("bannerLabel")
        self.banner_label.setWordWrap(True)
        self.banner_button = QPushButton()
        self.banner_button.setObjectName("bannerImportButton")
        self.banner_button.clicked.connect(self._on_import_settings_action_triggered)
        self.banner_close = QToolButton()
        self.banner_close.setText("✕")
        self.banner_close.clicked.connect(self.banner.hide)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.banner_button)
        banner_layout.addWidget(self.banner_close)
        self.banner.hide()
        self._restore_note: Callable[[], str] | None = None  # words the journal's note in the current language
        page_layout.addWidget(self.banner)
        from ui.notice_bar import NoticeBar

        self.conflict_bar = NoticeBar(self.table_page)
        self.conflict_bar.setObjectName("conflictBar")
        page_layout.addWidget(self.conflict_bar)
        self._page_layout = page_layout
        self.stack.addWidget(empty)
        self.stack.addWidget(self.table_page)
        self.setCentralWidget(self.stack)

    def _show_banner(self, table: SourceTable) -> None:
        """Non-blocking findings go in a banner above the table, not in a pop-up."""
        self._restore_note_shown = False
        # "Import settings…" belongs to the findings, but not to a joint workbook's: its layout is the app's own
        self.banner_button.setVisible(self._import_settings_offered(table))
        if not table.findings:
            self.banner.hide()
            return
        lines = [finding.message(self.language) for finding in table.findings[:4]]
        if len(table.findings) > 4:
            lines.append(self.tr("…and %Ln more", "", len(table.findings) - 4))
        self.banner_label.setText("\n".join(lines))
        self.banner.show()

    def _show_restore_note(self, note: Callable[[], str]) -> None:
        """The journal's restore note (``note()`` words it) heads the banner until the restored edits are
        saved; the import button stays only for findings shown below it."""
        findings = self.banner_label.text() if self.banner.isVisibleTo(self) else ""
        self.banner_label.setText("\n".join(line for line in (note(), findings) if line))
        self.banner_button.setVisible(bool(findings) and self.table is not None
                                      and self._import_settings_offered(self.table))
        self.banner.show()
        self._restore_note, self._restore_note_shown = note, True

    def _reword_banner(self) -> None:
        """The banner in the new language: the findings and the restore note worded again (a banner the
        user closed stays closed)."""
        if self.table is None or self.banner.isHidden():
            return
        note = self._restore_note if self._restore_note_shown else None
        self._show_banner(self.table)
        if note is not None:
            self._show_restore_note(note)

    def _import_settings_offered(self, table: SourceTable) -> bool:
        """Whether "Import settings…" makes sense for ``table``: not for a joint workbook (its sheets are
        Sortiment, Källrader, Källor, or their English names), whose layout the app wrote itself."""
        from workbench.assortment.layout import detect_language

        return detect_language(list(table.sheets)) is None

    def _update_title(self) -> None:
        if self.table is None:
            self.setWindowTitle("Behovsanalys")
        else:
            # "[*]" shows an asterisk while the review has unsaved changes.
            self.setWindowTitle(f"{self.table.path.name}[*] – Behovsanalys")
