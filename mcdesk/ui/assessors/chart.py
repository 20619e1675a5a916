"""A small bar chart of one assessor's agreement (exact, within one level, kappa) drawn with
QPainter, so a glance shows who agrees with the others and who drifts; GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BARS = (("exact", "#4a7fbf"), ("adjacent", "#7fb3e0"), ("kappa", "#c9873a"))


class AgreementChart(QWidget):
    """Three bars from 0 to 1 (kappa below 0 shows as none); a missing figure is a gap."""

    def __init__(self, figures: dict[str, float | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = figures
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        labels = {"exact": self.tr("exact"), "adjacent": self.tr("within one level"),
                  "kappa": self.tr("kappa")}
        self.setToolTip("\n".join(
            f"{labels[key]}: " + ("—" if figures.get(key) is None else
                                  f"{float(figures[key] or 0):.2f}") for key, _ in BARS))

    def sizeHint(self) -> QSize:
        return QSize(96, 28)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width(), self.height()
        painter.fillRect(0, 0, width, height, QColor("#f4f6f9"))
        gap = 4.0
        bar = (width - gap * (len(BARS) + 1)) / len(BARS)
        for index, (key, color) in enumerate(BARS):
            value = self.figures.get(key)
            x = gap + index * (bar + gap)
            if value is None:
                painter.setPen(QColor("#b0b6bf"))
                painter.drawLine(int(x), height - 3, int(x + bar), height - 3)
                continue
            share = max(0.0, min(1.0, float(value)))
            top = (height - 2) * (1 - share)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawRect(QRectF(x, 1 + top, bar, (height - 2) - top))
        painter.end()
