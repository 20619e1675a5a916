"""UI tests see the window as the app shows it in English: with English's plural forms
("1 comment", "2 comments") loaded, as make_application loads them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from mcdesk.ui.shell import language


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    assert language.install(qapp, "en"), (
        f"{language.qm_file('en')} is missing: run scripts/setup.sh (it builds the .qm files)")
    yield
