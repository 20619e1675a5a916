"""Opens the main window fitted to the screen it is on and keeps its size and each place's
splitter positions from one session to the next (a small settings file); GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

from mcdesk.paths import config_dir

# What the window would like on a big screen: room for a video beside a rubric.
PREFERRED = QSize(1440, 900)
# Share of a big screen the first window takes.
SCREEN_SHARE = 0.75
# Room kept for the title bar and borders the window manager adds around the window.
FRAME_ALLOWANCE = QSize(16, 48)


def settings() -> QSettings:
    """The window's settings file, in the user's settings folder (read anew each time, so a
    test's private folder is honoured)."""
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


def available_area(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fitted_size(wanted: QSize, available: QRect) -> QSize:
    """`wanted`, made to fit (frame included) inside the screen's available area."""
    room = available.size() - FRAME_ALLOWANCE
    return QSize(max(1, min(wanted.width(), room.width())),
                 max(1, min(wanted.height(), room.height())))


def first_size(available: QRect) -> QSize:
    """A new user's window: PREFERRED, or three quarters of a bigger screen; a small screen
    (the common 1366x768 school laptop) is filled."""
    share = QSize(int(available.width() * SCREEN_SHARE), int(available.height() * SCREEN_SHARE))
    return fitted_size(PREFERRED.expandedTo(share), available)


def restore_window(window: QWidget) -> None:
    """Size and place the window: as it was last time if that fits this screen, else fitted."""
    available = available_area(window)
    saved = settings().value("window/geometry")
    if isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved):
        size = fitted_size(window.size(), available)
    else:
        size = first_size(available)
    size = size.expandedTo(window.minimumSize()).boundedTo(available.size())
    window.resize(size)
    frame = QRect(window.geometry().topLeft(), size + FRAME_ALLOWANCE)
    if not available.contains(frame):
        centre = available.center()
        window.move(centre.x() - size.width() // 2, max(
            available.top(), centre.y() - (size.height() + FRAME_ALLOWANCE.height()) // 2))


def save_window(window: QWidget) -> None:
    store = settings()
    store.setValue("window/geometry", window.saveGeometry())
    store.sync()


def splitters_of(page: QWidget) -> list[QSplitter]:
    """A place's splitters in a stable order (the order the place made them)."""
    return page.findChildren(QSplitter)


def splitter_key(page: QWidget, splitter: QSplitter) -> str:
    """Where `splitter` sits in `page`, as the path of widget classes (with the position among
    siblings of the same class) from the page down: the same splitter gets the same key next
    session, and one made later (a viewer built on first use) never takes another's place."""
    parts = []
    widget: QWidget | None = splitter
    while widget is not None and widget is not page:
        parent = widget.parentWidget()
        kind = type(widget).__name__
        siblings = [child for child in (parent.children() if parent is not None else [])
                    if type(child).__name__ == kind]
        parts.append(f"{kind}{siblings.index(widget) if widget in siblings else 0}")
        widget = parent
    return "/".join(reversed(parts))


class _RestoreWhenShown(QObject):
    """Puts the saved splitter positions back when the place is first shown: a splitter laid
    out before it has its real size would share out the difference by its stretch factors."""

    def __init__(self, name: str, page: QWidget) -> None:
        super().__init__(page)
        self.name = name
        self.page = page
        page.installEventFilter(self)
        if page.isVisible():
            self._restore()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.Show:
            self._restore()
        return False

    def _restore(self) -> None:
        self.page.removeEventFilter(self)
        store = settings()
        for splitter in splitters_of(self.page):
            state = store.value(f"splitters/{self.name}/{splitter_key(self.page, splitter)}")
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
        self.deleteLater()


def restore_splitters(name: str, page: QWidget) -> None:
    """Put back the splitter positions saved for the place `name` (when it is first shown)."""
    _RestoreWhenShown(name, page)


def save_splitters(name: str, page: QWidget) -> None:
    store = settings()
    for splitter in splitters_of(page):
        store.setValue(f"splitters/{name}/{splitter_key(page, splitter)}", splitter.saveState())
    store.sync()
