"""The language of the window: which one (MCDESK_LANG, the choice saved from the Language menu,
else the system's), and loading its translations (mcdesk's own and Qt's standard dialogs') into
the application; GUI thread."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mcdesk.resource_files import resource_path
from mcdesk.ui.settings import user_settings

# The languages the window speaks: code, and the name in that language (shown as is, so a
# person who cannot read the current language still finds their own).
LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("es", "Español"))
CODES = frozenset(code for code, _name in LANGUAGES)
ENV = "MCDESK_LANG"
KEY = "language"


def _code(text: str) -> str | None:
    """"es", "es_US", "es-MX.UTF-8" -> "es"; None when mcdesk does not speak it."""
    code = text.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in CODES else None


def saved_language() -> str | None:
    value = user_settings().value(KEY)
    return _code(value) if isinstance(value, str) else None


def save_language(code: str) -> None:
    store = user_settings()
    store.setValue(KEY, code)
    store.sync()


def system_language() -> str:
    """The first of the system's preferred languages mcdesk speaks; English otherwise."""
    for name in QLocale.system().uiLanguages():
        code = _code(name)
        if code is not None:
            return code
    return "en"


def chosen_language() -> str:
    """MCDESK_LANG (tests, screenshots), else the saved choice, else the system's."""
    return _code(os.environ.get(ENV, "")) or saved_language() or system_language()


def locale_for(code: str) -> QLocale:
    """Dates and numbers: the system's own conventions when it speaks `code` (Mexico, Spain,
    the US), else that language as written in the US schools mcdesk is made for."""
    system = QLocale.system()
    if _code(system.name()) == code:
        return system
    return QLocale(QLocale.Language.Spanish if code == "es" else QLocale.Language.English,
                   QLocale.Country.UnitedStates)


def translations_dir() -> Path:
    """Where the compiled .qm files are: in the installed package, or the frozen bundle."""
    return resource_path("i18n")


def qm_file(code: str) -> Path:
    return translations_dir() / f"mcdesk_{code}.qm"


_installed: list[QTranslator] = []


def install(app: QCoreApplication, code: str) -> bool:
    """Put `code`'s translations into `app` (replacing any installed before) and make its
    locale the default for dates and numbers; False when a translation's .qm file is missing
    (the window then stays in English)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(locale_for(code))
    ours = QTranslator(app)
    if not ours.load(str(qm_file(code))):
        # English reads without its file (only "1 comment" / "2 comments" come from it).
        QLocale.setDefault(locale_for("en"))
        return code == "en"
    if code == "en":
        app.installTranslator(ours)
        _installed.append(ours)
        return True
    qt_own = QTranslator(app)  # the standard buttons and dialogs: Yes, No, Cancel, Open…
    if qt_own.load(QLocale(code), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    return True


def shows_service_words() -> bool:
    """Whether the progress words the services write (in English: "Importing plan.json") may
    show as they are; in another language the window shows its own translated job title."""
    return current_language() == "en"


def current_language() -> str:
    """The language installed by install(): "es" while a Spanish translator is loaded."""
    for translator in _installed:
        code = _code(translator.language())
        if code is not None and translator.filePath().endswith(f"mcdesk_{code}.qm"):
            return code
    return "en"
