"""The annotation widgets' operations (decoding a picture to annotate); built on the GUI
thread, run on the lane their kind gives them (`read_picture` itself runs on any thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage, QImageReader

from mcdesk.core.errors import McdeskError
from mcdesk.jobs.ops import Op


class UnreadablePictureError(McdeskError):
    """A picture that Qt cannot decode."""


def read_picture(path: Path) -> QImage:
    """Decode a picture turned upright as its EXIF says; any thread (QImage is not tied to
    the GUI thread). UnreadablePictureError when it cannot be read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        raise UnreadablePictureError(f"cannot be shown ({reader.errorString()})", path=path.name)
    return image


def open_picture(path: Path) -> Op[QImage]:
    return Op.media(QCoreApplication.translate("annotation", "Opening a picture"),
                    lambda _c: read_picture(path), cancellable=False)
