"""Draws mcdesk's application icon (resources/icons/mcdesk.svg) as PNGs of every size a Linux
desktop asks for, plus a Windows .ico, with Qt's SVG renderer; run at build time, main thread.

    python packaging/make_icons.py OUT_DIR
writes OUT_DIR/hicolor/<N>x<N>/apps/org.mcdesk.mcdesk.png, OUT_DIR/hicolor/scalable/apps/
org.mcdesk.mcdesk.svg and OUT_DIR/mcdesk.ico."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

APP_ID = "org.mcdesk.mcdesk"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SOURCE = Path(__file__).resolve().parents[1] / "resources" / "icons" / "mcdesk.svg"


def render(renderer: object, size: int) -> object:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    assert isinstance(renderer, QSvgRenderer)
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: make_icons.py OUT_DIR\n")
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication(argv[:1])
    out = Path(argv[1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        sys.stderr.write(f"make_icons: {SOURCE} is not an SVG Qt can draw\n")
        return 1
    for size in SIZES:
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        image = render(renderer, size)
        assert isinstance(image, QImage)
        if not image.save(str(folder / f"{APP_ID}.png"), "PNG"):
            sys.stderr.write(f"make_icons: could not write the {size} px PNG in {folder}\n")
            return 1
    scalable = out / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable / f"{APP_ID}.svg")
    # Qt's ICO writer stores one image per file; Windows wants several sizes in one .ico,
    # so the icon directory is written here from PNG images (the ICO format allows PNG).
    write_ico(out / "mcdesk.ico", [render(renderer, size) for size in ICO_SIZES])
    return 0


def write_ico(path: Path, images: list[object]) -> None:
    import struct

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    blobs = []
    for image in images:
        assert isinstance(image, QImage)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        blobs.append((image.width(), bytes(data.data())))
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = len(header) + 16 * len(blobs)
    entries = b""
    for size, blob in blobs:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blob for _size, blob in blobs))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
