"""Render the app icon (resources/icons/behovsanalys.svg) to PNGs and a Windows .ico, at build time.

``python packaging/make_icons.py OUTDIR`` writes ``OUTDIR/behovsanalys.ico`` (16-256 px, PNG-compressed
entries) and ``OUTDIR/hicolor/<n>x<n>/apps/behovsanalys.png`` (the freedesktop icon theme layout) plus
``OUTDIR/behovsanalys.png`` (256 px). Generated files are not committed: the SVG is the source.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "behovsanalys.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
THEME_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO container with PNG entries (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "build" / "icons"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot render {SVG}", file=sys.stderr)
        return 1
    pngs = {size: render_png(renderer, size) for size in sorted({*ICO_SIZES, *THEME_SIZES})}
    out.mkdir(parents=True, exist_ok=True)
    (out / "behovsanalys.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out / "behovsanalys.png").write_bytes(pngs[256])
    for size in THEME_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / "behovsanalys.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    del app
    print(f"icons written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
