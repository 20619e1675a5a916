"""Helpers for the small-screen and keyboard tests: a portfolio with something in every place,
the window opened on it at a given size, a walk through every role's places, and the two
measures (a button's text against its width, a focusable widget's accessible name); test
thread (the GUI thread)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionToolButton,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mcdesk.core.reviews import Role
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.shell.main_window import MainWindow
from mcdesk.ui.shell.places import ROLES, PlaceKey

WAIT = 30_000
#: The common school laptop, and the same screen at 150 % scaling (1366x768 / 1.5): at 150 %
#: every widget and font is 1.5 times bigger, which is the same as a 1.5 times smaller window.
LAPTOP = QSize(1366, 768)
LAPTOP_150 = QSize(910, 512)


def full_portfolio(root: Path) -> Path:
    """A portfolio with the demo catalog, sample evidence, the almost-ready demo draft, the
    sample submission opened for review and one earned badge: every place has something to
    show (and so its detail pane is built)."""
    from mcdesk.services.demo import seed_demo_content
    from mcdesk.services.demo_review import open_sample_review
    from mcdesk.services.workspace import Workspace
    from tests.badge_helpers import EXIT_TICKETS, signed_jwt

    workspace = Workspace.open(root, seed_demo=True)
    try:
        seed_demo_content(workspace)
        open_sample_review(workspace)
        badge = root.parent / "earned-badge.jwt"
        badge.write_text(signed_jwt(EXIT_TICKETS, datetime(2026, 5, 4, tzinfo=UTC)), "utf-8")
        workspace.badges.import_file(badge)
        workspace.roles.switch(Role.EARNER)
    finally:
        workspace.close()
    return root


def open_window(qtbot: QtBot, root: Path, size: QSize) -> MainWindow:
    window = MainWindow(JobRunner(), root)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        window.open_portfolio(seed_demo=False)
    qtbot.waitUntil(lambda: window.role_box.isEnabled(), timeout=WAIT)
    return window


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the window's background jobs are done and the layouts have caught up."""
    qtbot.waitUntil(lambda: not window.runner.active(), timeout=WAIT)
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)


def every_place(qtbot: QtBot, window: MainWindow) -> Iterator[str]:
    """Go through every role's places in the window, yielding "role / place" once each is
    shown and loaded (a place with a list shows its first item), and for Reviews once more
    per kind of piece the review workspace shows (a written answer, the video, a photo)."""
    for spec in ROLES:
        window.switch_role(spec.role)
        for key in spec.places:
            window.show_place(key)
            settle(qtbot, window)
            yield f"{spec.label} / {key}"
            if key is PlaceKey.REVIEWS:
                for label in review_pieces(qtbot, window):
                    yield f"{spec.label} / {key} / {label}"


def review_pieces(qtbot: QtBot, window: MainWindow) -> Iterator[str]:
    view = window.reviews_page.workspace_view
    qtbot.waitUntil(lambda: view.work is not None, timeout=WAIT)
    for start in ("Video", "Image", "Document", "Written answer"):
        node = next((n for n in view._nodes() if n.text(0).startswith(start)), None)
        assert node is not None, f"the sample review has no {start} piece"
        view.navigator.setCurrentItem(node)
        settle(qtbot, window)
        yield start.lower()


def choose_review_video(qtbot: QtBot, window: MainWindow) -> QWidget:
    """Open the sample review's classroom video; the widget the picture is drawn in."""
    window.switch_role(Role.ASSESSOR)
    window.show_place(PlaceKey.REVIEWS)
    settle(qtbot, window)
    view = window.reviews_page.workspace_view
    qtbot.waitUntil(lambda: view.work is not None, timeout=WAIT)
    node = next(n for n in view._nodes() if n.text(0).startswith("Video"))
    view.navigator.setCurrentItem(node)
    settle(qtbot, window)
    return view.panel.video.video


def visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _lines(text: str) -> list[str]:
    # "&Save" shows as "Save"; "&&" as "&".
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").split("\n")


def needed_width(button: QAbstractButton) -> int:
    """The width `button` needs to show its whole text: the text's advance, its icon and the
    style's margins around them (the style's own minimum width, such as a push button's 80
    pixels, is not counted: a short label fits in less)."""
    metrics = QFontMetrics(button.font())
    text = max((metrics.horizontalAdvance(line) for line in _lines(button.text())), default=0)
    icon = button.iconSize().width() if not button.icon().isNull() else 0
    style = button.style()
    probe = 400  # wider than any minimum the style applies, so only its margins are added
    if isinstance(button, QToolButton):
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and icon:
            return 0
        tool_option = QStyleOptionToolButton()
        tool_option.initFrom(button)
        margins = style.sizeFromContents(QStyle.ContentsType.CT_ToolButton, tool_option,
                                         QSize(probe, 20), button).width() - probe
        beside = button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        content = text + (icon + 4 if beside and icon else 0)
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon:
            content = max(text, icon)
        return content + margins
    option = QStyleOptionButton()
    option.initFrom(button)
    if isinstance(button, QCheckBox | QRadioButton):
        kind = (QStyle.ContentsType.CT_CheckBox if isinstance(button, QCheckBox)
                else QStyle.ContentsType.CT_RadioButton)
        margins = style.sizeFromContents(kind, option, QSize(probe, 20), button).width() - probe
        return text + (icon + 4 if icon else 0) + margins
    if isinstance(button, QPushButton) and button.menu() is not None:
        text += style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
    margins = style.sizeFromContents(QStyle.ContentsType.CT_PushButton, option,
                                     QSize(probe, 20), button).width() - probe
    return text + (icon + 4 if icon and text else icon) + margins


def truncated_buttons(root: QWidget) -> list[str]:
    """Each visible button under `root` whose text does not fit its width, as
    "'text' (class): needs N px, has M px"."""
    found = []
    for button in root.findChildren(QAbstractButton):
        if not visible(button) or not button.text():
            continue
        needed = needed_width(button)
        if needed > button.width():
            found.append(f"{button.text()!r} ({type(button).__name__}): needs {needed} px, "
                         f"has {button.width()} px")
    return found


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says a control is, by the rule this project holds to:

    1. its accessibleName, when set;
    2. else its visible text, for the controls whose text is their name (buttons, check
       boxes, radio buttons; a tool button only when its text is shown);
    3. else the text of a QLabel whose buddy it is (the label names what the field is for);
    4. else nothing: a text field, list, combo box, slider or icon-only button with neither
       is read out as just "edit" or "button".

    A tab bar is named by its tabs' texts (a screen reader reads the tab list as the tabs it
    holds). A tooltip does not count: screen readers read it as a description, not as the
    name, and only some of them."""
    name = widget.accessibleName().strip()
    if name:
        return name
    if isinstance(widget, QTabBar):
        return " / ".join(widget.tabText(i) for i in range(widget.count())).strip(" /")
    if isinstance(widget, QAbstractButton):
        shows_text = not (isinstance(widget, QToolButton) and widget.toolButtonStyle()
                          == Qt.ToolButtonStyle.ToolButtonIconOnly and not widget.icon().isNull())
        if shows_text and "".join(_lines(widget.text())).strip():
            return "".join(_lines(widget.text())).strip()
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and "".join(_lines(label.text())).strip():
            return "".join(_lines(label.text())).strip()
    return ""


def unnamed_focusable(root: QWidget) -> list[str]:
    """Each visible, enabled widget under `root` that Tab reaches (its focus policy has
    TabFocus) and that has no accessible name, as "Class 'objectName' in Parent"."""
    found = []
    for widget in root.findChildren(QWidget):
        if not visible(widget) or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None:
            continue  # the proxy is the control Tab lands on, and is checked itself
        if _is_part_of_named_control(widget):
            continue
        if not accessible_name(widget):
            parent = widget.parentWidget()
            where = type(parent).__name__ if parent is not None else "?"
            text = ""
            if isinstance(widget, QAbstractButton):
                text = f" (tooltip {widget.toolTip()!r})"
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in {where}{text}")
    return found


def _is_part_of_named_control(widget: QWidget) -> bool:
    """The line edit inside an editable combo box or a spin box is that control's own part:
    the control's name is the one read out."""
    parent = widget.parentWidget()
    if isinstance(parent, QComboBox | QAbstractSpinBox):
        return bool(accessible_name(parent))
    return False


def tab_traps(root: QWidget) -> list[str]:
    """Each visible text box under `root` where Tab would type a tab character instead of
    moving on: a keyboard user could not leave it with Tab (answers, comments and reasons
    are prose; a tab character has no use in them)."""
    found = []
    for widget in root.findChildren(QPlainTextEdit) + root.findChildren(QTextEdit):
        if visible(widget) and not widget.isReadOnly() and not widget.tabChangesFocus():
            found.append(f"{type(widget).__name__} {accessible_name(widget)!r} keeps Tab")
    return found
