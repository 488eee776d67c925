"""The summary in the app (issue 19): Visa > Sammanfattning shows the core's page (``workbench.summary``:
the key figures, the three charts, the notes, per municipality and per reviewer), recomputed in the
background as decisions change, with buttons for the PDF, the workbook and the tender list, and
Arkiv > Skriv ut… prints it. The charts are drawn by a small painter of our own (no Qt Charts). The core
computes every figure and words every sentence; this only shows and wires."""

__all__ = ["chart_widget", "controller", "page", "printing", "tables"]
