"""The Sync place's choices (Pause sending, holding big uploads on a metered network) are kept
in mcdesk's own settings file, beside the language: never in Qt's default store, which is the
registry on Windows and which Qt locates once per process (so one test's choice reached the
next test's window)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.paths import config_dir
from mcdesk.ui.settings import user_settings
from mcdesk.ui.sync.page import SETTINGS_HOLD, SETTINGS_PAUSED, SyncPage


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    made = JobRunner()
    yield made
    made.shutdown(wait=True)


@pytest.fixture
def qt_default_store(tmp_path: Path) -> Iterator[Path]:
    """Qt's default store, pointed into this test's folder (and back afterwards)."""
    native, user = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    before = Path(QSettings().fileName()).parent.parent
    folder = tmp_path / "qt-default"
    QSettings.setPath(native, user, str(folder))
    yield folder
    QSettings.setPath(native, user, str(before))


def _page(qtbot: QtBot, runner: JobRunner) -> SyncPage:
    page = SyncPage(runner)
    qtbot.addWidget(page)
    return page


def test_the_choices_are_kept_in_mcdesks_settings_file(qtbot: QtBot, runner: JobRunner,
                                                       qt_default_store: Path) -> None:
    page = _page(qtbot, runner)
    assert not page.pause_box.isChecked() and page.metered_box.isChecked()  # the defaults
    page.pause_box.setChecked(True)
    page.metered_box.setChecked(False)
    page.close()

    store = user_settings()
    assert Path(store.fileName()) == config_dir() / "settings.ini"
    assert store.value(SETTINGS_PAUSED, False, bool) is True
    assert store.value(SETTINGS_HOLD, True, bool) is False
    assert not QSettings().contains(SETTINGS_PAUSED)  # nothing in Qt's default store
    again = _page(qtbot, runner)
    assert again.pause_box.isChecked() and not again.metered_box.isChecked()


def test_a_choice_an_earlier_mcdesk_kept_in_qts_store_is_carried_over(
        qtbot: QtBot, runner: JobRunner, qt_default_store: Path) -> None:
    legacy = QSettings()
    legacy.setValue(SETTINGS_PAUSED, True)
    legacy.sync()
    assert Path(legacy.fileName()).is_relative_to(qt_default_store)

    page = _page(qtbot, runner)

    assert page.pause_box.isChecked()  # updating mcdesk did not start sending again
    assert user_settings().value(SETTINGS_PAUSED, False, bool) is True
    assert not QSettings().contains(SETTINGS_PAUSED)  # moved, not copied
    page.pause_box.setChecked(False)  # and the choice is the new file's from now on
    assert not _page(qtbot, runner).pause_box.isChecked()


def test_the_old_store_is_looked_in_once(qtbot: QtBot, runner: JobRunner,
                                         qt_default_store: Path) -> None:
    """Nothing to carry over: the next start does not open Qt's store again (what an old
    mcdesk might still write there is not taken)."""
    _page(qtbot, runner)
    legacy = QSettings()
    legacy.setValue(SETTINGS_PAUSED, True)
    legacy.sync()
    assert not _page(qtbot, runner).pause_box.isChecked()
    assert QSettings().contains(SETTINGS_PAUSED)  # left where it was
