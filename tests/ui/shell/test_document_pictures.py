"""A portfolio from before holds whole-page pictures of its documents (they vanished on the
white grid): its window's start chores draw them again as the top of the page, and the
Evidence place, already showing the old ones, shows the new ones without a restart."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.media import demo
from mcdesk.services.evidence import EvidenceService
from mcdesk.services.workspace import Workspace
from mcdesk.ui.shell.places import PlaceKey
from tests.ui.catalog.test_ui_catalog import open_window

WAIT = 30_000
OLD = (226, 320)  # a whole A4 page
NEW = (320, 240)  # its top


def test_the_window_draws_older_document_pictures_again(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The redraw waits until the Evidence place shows the old picture.
    shown_old = threading.Event()
    real = EvidenceService.redraw_document_pictures

    def held(self: EvidenceService, control: JobControl = NULL_CONTROL) -> list[str]:
        assert shown_old.wait(30)
        return real(self, control)

    monkeypatch.setattr(EvidenceService, "redraw_document_pictures", held)
    root = tmp_path / "portfolio"
    workspace = Workspace.open(root, seed_demo=False)
    plan = demo.make_demo_pdf(tmp_path / "plan.pdf", title="Lesson plan",
                              paragraphs=["Fractions on a number line."] * 4)
    (added,) = workspace.evidence.add_paths([plan]).results
    assert added.evidence is not None and added.evidence.sha256 is not None
    sha256 = added.evidence.sha256
    picture = workspace.evidence.thumbnail_file(sha256)
    workspace.close()
    Image.new("RGB", OLD, "white").save(picture, "PNG")  # drawn the older way
    (root / "thumbs" / ".document-pictures").unlink(missing_ok=True)

    window = open_window(qtbot, root, seed_demo=False)
    window.show_place(PlaceKey.EVIDENCE)
    model = window.evidence_page.model

    def shown_size() -> tuple[int, int] | None:
        if model.rowCount() != 1:
            return None
        icon = model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
        sizes = icon.availableSizes() if isinstance(icon, QIcon) else []
        return tuple(sizes[0].toTuple()) if sizes else None

    qtbot.waitUntil(lambda: shown_size() == OLD, timeout=WAIT)
    shown_old.set()
    qtbot.waitUntil(lambda: shown_size() == NEW, timeout=WAIT)
    with Image.open(picture) as drawn:
        assert drawn.size == NEW
    assert (root / "thumbs" / ".document-pictures").read_text("utf-8") == "page-top"
    window.close()
