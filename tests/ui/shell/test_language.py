"""The window's language: MCDESK_LANG, then the choice saved from Settings › Language, then the
system's; the Spanish translation loads from the installed package and sets dates and numbers;
the menu saves a choice and offers a restart."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from mcdesk.paths import config_dir
from mcdesk.ui.settings import user_settings
from mcdesk.ui.shell import language
from mcdesk.ui.shell.language_menu import LanguageMenu
from mcdesk.ui.widgets.locale_text import date_time_text, long_date_text, number_text

MOMENT = datetime(2026, 3, 2, 14, 5, tzinfo=UTC)


def test_the_environment_wins_then_the_saved_choice_then_the_system(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(language.ENV, raising=False)
    assert language.saved_language() is None
    assert language.chosen_language() == language.system_language()
    language.save_language("es")
    assert language.chosen_language() == "es"
    monkeypatch.setenv(language.ENV, "en_US.UTF-8")
    assert language.chosen_language() == "en"
    monkeypatch.setenv(language.ENV, "fr")  # not one mcdesk speaks: the saved choice stands
    assert language.chosen_language() == "es"
    monkeypatch.setenv(language.ENV, "es-MX")
    assert language.chosen_language() == "es"


def test_the_settings_file_is_the_users_own(tmp_path: Path) -> None:
    language.save_language("es")
    path = Path(user_settings().fileName())
    assert path == config_dir() / "settings.ini"
    assert path.is_file() and "language=es" in path.read_text()


def test_spanish_loads_from_the_installed_package(qapp: QApplication) -> None:
    qm = language.qm_file("es")
    assert qm.is_file(), f"{qm} is missing: run scripts/setup.sh (it builds the .qm files)"
    assert qm.parent.name == "i18n" and qm.parent.parent.name in ("resources", "mcdesk")
    try:
        assert language.install(qapp, "es")
        assert language.current_language() == "es"
        assert QCoreApplication.translate("places", "Catalog") == "Catálogo"
        assert QCoreApplication.translate("roles", "Teacher") == "Docente"
        assert QLocale().language() == QLocale.Language.Spanish
        assert long_date_text(MOMENT.replace(hour=12)) == "2 de marzo de 2026"
        assert number_text(12345) in ("12,345", "12 345", "12.345", "12\u00a0345")
        # Qt's own dialogs come in Spanish too.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    finally:
        assert language.install(qapp, "en")
    assert language.current_language() == "en"
    assert QCoreApplication.translate("places", "Catalog") == "Catalog"
    assert QLocale().language() == QLocale.Language.English
    assert long_date_text(MOMENT.replace(hour=12)) == "March 2, 2026"
    assert date_time_text(MOMENT).startswith("Mar 2, 2026, ")


def test_a_missing_translation_leaves_the_window_in_english(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(language, "translations_dir", lambda: tmp_path)
    try:
        assert not language.install(qapp, "es")
        assert QCoreApplication.translate("places", "Catalog") == "Catalog"
        assert QLocale().language() == QLocale.Language.English
    finally:
        monkeypatch.undo()
        language.install(qapp, "en")


def test_the_menu_saves_the_choice_and_offers_a_restart(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    window = QMainWindow()
    menu = LanguageMenu(window)
    assert [a.text() for a in menu.actions()] == ["English", "Español"]
    assert menu.actions_by_code["en"].isChecked()
    asked: list[str] = []

    def answer_restart(box: QMessageBox) -> int:
        asked.append(box.text())
        restart = next(b for b in box.buttons() if b.text() == "Restart now")
        monkeypatch.setattr(QMessageBox, "clickedButton", lambda _self: restart)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer_restart)
    menu.actions_by_code["es"].trigger()
    assert language.saved_language() == "es"
    assert asked and "Español" in asked[0] and "next time it starts" in asked[0]
    assert menu.restart_requested
    asked.clear()
    menu.choose("es")  # the same choice again: nothing to ask
    assert not asked
    window.deleteLater()
