"""Badge pictures for the Badges place: the credential's own image (an SVG or PNG data: URI)
or a drawn badge in the micro-credential's colour with its initials, and the verification
state's colour and words; GUI thread (images are small and already in memory)."""

from __future__ import annotations

import base64
import hashlib
import re
import urllib.parse
from functools import lru_cache

from PySide6.QtCore import QByteArray, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer

_DATA_URI = re.compile(r"^data:([\w.+/-]+)?((?:;[\w=.-]+)*?)(;base64)?,(.*)$", re.S)
_PALETTE = ("#1b5e8c", "#2e7d5b", "#8c4a1b", "#5b3c8c", "#8c1b4a", "#3c6e8c")
MAX_IMAGE_BYTES = 2 * 1024 * 1024
STATE_COLOURS = {"verified": "#2e7d32", "needs-network": "#b26a00", "failed": "#c62828"}


def state_words(state: str) -> str:
    words = {"verified": QCoreApplication.translate("badges", "Verified"),
             "needs-network": QCoreApplication.translate("badges", "Needs a network check"),
             "failed": QCoreApplication.translate("badges", "Failed")}
    return words.get(state, state)


def state_mark(state: str) -> str:
    return {"verified": "✓", "needs-network": "?", "failed": "✗"}.get(state, "•")


def _decode(image: str | None) -> tuple[str, bytes] | None:
    if not image:
        return None
    match = _DATA_URI.match(image.strip())
    if match is None:
        return None
    try:
        data = base64.b64decode(match.group(4)) if match.group(3) \
            else urllib.parse.unquote_to_bytes(match.group(4))
    except ValueError:
        return None
    if len(data) > MAX_IMAGE_BYTES:
        return None
    return (match.group(1) or "").lower(), data


def initials(title: str) -> str:
    words = [w for w in re.split(r"[\s\-–—/]+", title) if w and w[0].isalnum()]
    small = {"a", "an", "the", "of", "for", "and", "with", "to", "in", "on"}
    chosen = [w for w in words if w.lower() not in small] or words or ["?"]
    return "".join(w[0].upper() for w in chosen[:3])


@lru_cache(maxsize=256)
def badge_pixmap(image: str | None, title: str, size: int) -> QPixmap:
    """The badge at `size`×`size` device-independent pixels."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        decoded = _decode(image)
        if decoded is not None and decoded[0] == "image/svg+xml" \
                and b"<script" not in decoded[1].lower():
            renderer = QSvgRenderer(QByteArray(decoded[1]))
            if renderer.isValid():
                renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
                renderer.render(painter, QRectF(0, 0, size, size))
                return pixmap
        if decoded is not None and decoded[0] in ("image/png", "image/jpeg"):
            picture = QPixmap()
            if picture.loadFromData(decoded[1]):
                scaled = picture.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                        Qt.TransformationMode.SmoothTransformation)
                painter.drawPixmap((size - scaled.width()) // 2,
                                   (size - scaled.height()) // 2, scaled)
                return pixmap
        _draw_default(painter, title, size)
    finally:
        painter.end()
    return pixmap


def _draw_default(painter: QPainter, title: str, size: int) -> None:
    colour = QColor(_PALETTE[hashlib.sha256(title.encode()).digest()[0] % len(_PALETTE)])
    margin = size / 32
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    ring = size / 8
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor("white"), max(1.5, size / 50)))
    painter.drawEllipse(QRectF(ring, ring, size - 2 * ring, size - 2 * ring))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, size // 4))
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(title))


@lru_cache(maxsize=512)
def badge_with_state(image: str | None, title: str, size: int, state: str) -> QPixmap:
    """The badge with its verification state as a coloured mark in the corner (the words
    are beside it: colour never says it alone). Kept: many credentials share a picture and a
    state; callers copy before painting on it (QIcon does)."""
    pixmap = QPixmap(badge_pixmap(image, title, size))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        mark = size * 0.42
        corner = QRectF(size - mark, size - mark, mark - 1, mark - 1)
        painter.setPen(QPen(QColor("white"), max(1.0, size / 30)))
        painter.setBrush(QColor(STATE_COLOURS.get(state, "#555555")))
        painter.drawEllipse(corner)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(6, int(mark * 0.7)))
        painter.setFont(font)
        painter.drawText(corner, Qt.AlignmentFlag.AlignCenter, state_mark(state))
    finally:
        painter.end()
    return pixmap
