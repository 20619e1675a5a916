"""What a person sees in a window, as text, and the English words in it: for the test that walks
the window in Spanish."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

#: Words that are English and never Spanish. A Spanish screen showing one has an untranslated
#: string (words the same in both languages, like "video", "audio", "no", "total", "token",
#: are left out on purpose).
ENGLISH = frozenset("""
the and your you with from this that what which for not are is was were has have been will can
cannot here there when where how why who yet of to in on it its an or be by at as all add open
save show choose pick press drop import export send start new edit file files folder search
none nothing evidence draft drafts review reviews rubric level criterion criteria location
consent comment comments picture page help quit settings language sync catalog badge badges
teacher coach assessor assessors issuer submission submissions waiting loading opening reading
saving checking earned yet done ready back next previous close cancel delete remove name names
clip clips note notes notice find check verify credential credentials portfolio working places
observe observation coaching status outbox server servers never sent queued pause paused trash
keep kept made make smaller bigger larger size quality faces face blur areas area trim
compress privacy consent location title tags used versions version about one two three some
any every each only just more most less least already still again should would could must may
might shall do does did doing make makes after before while word words
""".split())  # noqa: SIM905 (a list of words reads best as words)
ENGLISH_ENDINGS = re.compile(
    r"(?<![^\W\d_])[a-z]{3,}(?:ing|tion|tions|ment|ments|ness)(?![^\W\d_])")
WORD = re.compile(r"[^\W\d_]+")  # whole words, accents included: "anónima" is one word
REMOVED = [
    re.compile(r"https?://\S+"),
    re.compile(r"(?:[\w.-]+/)+[\w.-]*"),  # paths
    re.compile(r"\b[\w-]+\.(?:json|jwt|png|svg|pdf|csv|zip|mp4|mov|txt|md|docx|jpg|jpeg|"
               r"heic|mcreview|mcexchange|sqlite3|jsonld|jws|webm|m4a|mp3|wav|avi|mkv|m4v|"
               r"webp|gif|heif)\b"),
    re.compile(r"\*\.\w+"),
    re.compile(r"<[^>]+>"),  # markup
    re.compile(r"Ctrl\+\S+|Shift\+\S+"),
]
#: Proper names and words written the same in both languages on mcdesk's screens.
PROPER = ("Open Badges", "GNU GPL", "Full HD", "mcdesk", "Krippendorff", "Cohen", "Sam Rivera",
          "Maya Lopez", "Riverbend", "BagIt", "English", "Español")


def catalog_strings(catalog: Path) -> list[str]:
    """Every string of the demo catalog: its content stays in its own language."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            if len(node) >= 3:
                found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(catalog.read_text(encoding="utf-8")))
    return sorted(set(found), key=len, reverse=True)


def english_words(text: str, allowed: list[str]) -> list[str]:
    """The English words left in `text` once data (catalog text, file names, proper names,
    anything in `allowed`) is taken out."""
    text = unescape(text)
    # A line that is all data (a catalog paragraph, a title) goes whole, and so does data cut
    # short with "…" (a criterion's prompt in the draft check).
    text = "\n".join(line for line in text.splitlines()
                     if not (len(line.strip()) >= 3 and any(line.strip() in known
                                                            for known in allowed)))
    for cut in re.findall(r"[^›:\n«»\"“”]{8,}…", text):
        if any(cut.strip()[:-1] in known for known in allowed):
            text = text.replace(cut, " ")
    text = text.replace("&", "")  # mnemonics: "&File"
    for known in (*allowed, *PROPER):
        if known in text:
            text = text.replace(known, " ")
    for pattern in REMOVED:
        text = pattern.sub(" ", text)
    lowered = text.lower()
    words = [w for w in WORD.findall(lowered) if w in ENGLISH]
    words += ENGLISH_ENDINGS.findall(lowered)
    return words


def _model_texts(model: QAbstractItemModel, parent: QModelIndex, depth: int = 0
                 ) -> Iterator[str]:
    if depth > 2:
        return
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private: one column
        columns = 1
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal,
                                  Qt.ItemDataRole.DisplayRole)
        if isinstance(header, str):
            yield header
    for row in range(min(model.rowCount(parent), 40)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
        first = model.index(row, 0, parent)
        if columns > 1 and model.hasChildren(first):
            yield from _model_texts(model, first, depth + 1)


def _menu_texts(menu: QMenu | QMenuBar) -> Iterator[str]:
    for action in menu.actions():
        yield action.text()
        yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menu_texts(sub)


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a person can see or hear in `root`: labels, buttons, menus,
    tooltips, headers, list rows, placeholders, window titles, accessible names."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(),
                 widget.whatsThis()]
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
            menu = getattr(widget, "menu", lambda: None)()
            if isinstance(menu, QMenu):
                texts += list(_menu_texts(menu))
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
            if widget.isReadOnly():  # a page mcdesk wrote (the catalog's, a review's)
                texts.append(widget.toPlainText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
            texts += [widget.tabToolTip(i) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QMenuBar):
            texts += list(_menu_texts(widget))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += list(_model_texts(widget.model(), QModelIndex()))
        for action in widget.actions():
            texts += [action.text(), action.toolTip()]
        for text in texts:
            if text:
                yield where, text
