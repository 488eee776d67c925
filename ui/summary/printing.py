"""Arkiv > Skriv ut…: the Sammanfattning sheet drawn onto a printer, scaled to fit one page. QtPrintSupport
is imported only here and only when printing (the bundle may leave it out: then :func:`printing_available`
says so and the app offers the PDF instead)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPageLayout, QPainter, QPalette, QRegion
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def printing_available() -> bool:
    try:
        import PySide6.QtPrintSupport  # noqa: F401
    except ImportError:
        return False
    return True


def new_printer() -> QPrinter:
    """A printer in landscape (the sheet is wider than it is tall) at the screen's resolution: the text and the
    bars stay vector, and the widgets' styles do not render pixmaps at 1200 dpi (7 s and 7 MB for one page)."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setDocName("Behovsanalys")
    return printer


def ask_printer(parent: QWidget, printer: QPrinter) -> bool:
    """The platform's print dialog; whether the user chose to print."""
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    return bool(dialog.exec() == QPrintDialog.DialogCode.Accepted)


def print_widget(widget: QWidget, printer: Any) -> None:
    """``widget`` and its children on one page of ``printer`` (any QPagedPaintDevice), as large as fits,
    centred at the top. Raises OSError when the printer cannot be opened (a PDF file that cannot be written)."""
    original = widget.palette()
    paper = QApplication.style().standardPalette()  # the style's light colours: dark text on white paper,
    paper.setColor(QPalette.ColorRole.Window, paper.color(QPalette.ColorRole.Base))  # whatever the screen's theme
    widget.setPalette(paper)
    try:
        _render(widget, printer)
    finally:
        widget.setPalette(original)


def _render(widget: QWidget, printer: Any) -> None:
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(printer.outputFileName() if hasattr(printer, "outputFileName") else "", "cannot print")
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        # the widget's pixels are the screen's: as many printer dots per pixel as the resolutions differ
        size = widget.size()
        scale = min(area.width() / max(1, size.width()), area.height() / max(1, size.height()))
        painter.translate((area.width() - size.width() * scale) / 2, 0)
        painter.scale(scale, scale)
        widget.render(painter, QPoint(0, 0), QRegion(),
                      QWidget.RenderFlag.DrawChildren | QWidget.RenderFlag.DrawWindowBackground)
    finally:
        painter.end()
