"""The evidence grid's pictures: asked for once a row is drawn, kept, and asked for anew when
the files' pictures were drawn again (a portfolio's older document pictures); GUI thread."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage
from pytestqt.qtbot import QtBot

from mcdesk.core.evidence import Evidence, EvidenceKind, MediaInfo
from mcdesk.ui.widgets.evidence_model import EvidenceListModel

DECORATION = Qt.ItemDataRole.DecorationRole


def document(sha256: str) -> Evidence:
    return Evidence(id=str(uuid.uuid4()), kind=EvidenceKind.DOCUMENT, title="Lesson plan",
                    created_at=datetime.now(UTC), original_name="plan.pdf", sha256=sha256,
                    size=10, media=MediaInfo(kind=EvidenceKind.DOCUMENT,
                                             mime_type="application/pdf"))


def picture(colour: str) -> QImage:
    image = QImage(32, 24, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


def test_pictures_drawn_again_are_asked_for_anew(qtbot: QtBot) -> None:
    asked: list[str] = []
    model = EvidenceListModel(lambda evidence: asked.append(str(evidence.sha256)))
    plan, notes = document("a" * 64), document("b" * 64)
    model.set_items([plan, notes])
    for row in range(2):
        model.data(model.index(row), DECORATION)
    qtbot.waitUntil(lambda: sorted(asked) == ["a" * 64, "b" * 64], timeout=5000)
    model.set_thumbnail("a" * 64, picture("white"))
    model.set_thumbnail("b" * 64, picture("white"))
    shown = model.data(model.index(0), DECORATION)
    assert isinstance(shown, QIcon) and not shown.isNull()
    asked.clear()

    with qtbot.waitSignal(model.dataChanged, timeout=5000) as changed:
        model.forget_thumbnails(["a" * 64])
    assert changed.args[0].row() == 0 and changed.args[2] == [DECORATION]
    model.data(model.index(0), DECORATION)
    model.data(model.index(1), DECORATION)
    qtbot.waitUntil(lambda: asked == ["a" * 64], timeout=5000)  # only the one drawn again
    model.set_thumbnail("a" * 64, picture("grey"))
    again = model.data(model.index(0), DECORATION)
    assert isinstance(again, QIcon)
    assert again.pixmap(32, 24).toImage().pixelColor(5, 5) == QColor("grey")
