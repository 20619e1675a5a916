"""mcdesk's own settings file (`settings.ini` in the user's settings folder): the choices a
person makes in the window, such as its language and whether sending is paused; GUI thread.

Never Qt's default store: it lives somewhere else on each system (the registry on Windows),
and Qt fixes its path once per process, so the settings folder in effect now (a test's
private one too) would not be honoured."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from mcdesk.paths import config_dir

FILE_NAME = "settings.ini"


def user_settings() -> QSettings:
    """The settings file, opened anew (so the folder in effect now is the one used)."""
    return QSettings(str(config_dir() / FILE_NAME), QSettings.Format.IniFormat)


def carry_over(store: QSettings, key: str) -> None:
    """A choice saved by an earlier mcdesk in Qt's default store moves into `store` (once:
    the old copy is removed), so updating mcdesk does not undo it. Once looked for, it is not
    looked for again: the old store is not opened at every start."""
    looked = f"carried-over/{key}"
    if store.contains(key) or store.contains(looked):
        return
    legacy = QSettings()
    if legacy.contains(key):
        store.setValue(key, legacy.value(key))
        legacy.remove(key)
        legacy.sync()
    store.setValue(looked, True)
    store.sync()
