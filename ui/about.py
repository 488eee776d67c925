"""The About dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.version import app_version


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Behovsanalys"))
        layout = QVBoxLayout(self)
        version = self.tr("Version {version}").format(version=app_version())
        title = QLabel(f"<h2>Behovsanalys</h2><p>{version}</p>")
        title.setObjectName("aboutTitle")
        title.setTextFormat(Qt.TextFormat.RichText)
        body = QLabel(self.tr(
            "Review a joint assortment article by article: usage, future need, environmental score and "
            "decision, saved into the shared Excel workbook cell by cell.\n\n"
            "Works offline: the app never uses the network."))
        body.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(420, 220)
