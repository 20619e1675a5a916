"""Settings › Language: English or Español, saved for the next start, with an offer to restart
now; GUI thread."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from mcdesk.ui.shell import language


class LanguageMenu(QMenu):
    """The languages, the one in use checked. The window is built once in one language (its
    texts are set as it is made), so a new choice takes effect when mcdesk starts again."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setTitle(self.tr("&Language"))
        self.restart_requested = False
        group = QActionGroup(self)
        group.setExclusive(True)
        self.actions_by_code: dict[str, QAction] = {}
        current = language.saved_language() or language.current_language()
        for code, name in language.LANGUAGES:
            action = QAction(name, self)  # each in its own language, so anyone finds theirs
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
            group.addAction(action)
            self.addAction(action)
            self.actions_by_code[code] = action

    def choose(self, code: str) -> None:
        before = language.saved_language() or language.current_language()
        language.save_language(code)
        if code == language.current_language() or code == before:
            return
        name = dict(language.LANGUAGES)[code]
        from PySide6.QtWidgets import QMessageBox  # built when asked, not at start

        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"), self.tr(
            "mcdesk will be in %1 the next time it starts. Restart now? Your work is saved "
            "as you go, so nothing is lost.").replace("%1", name),
            parent=self.window_)
        restart = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is restart:
            self.restart_requested = True
            self.window_.close()
