"""How comments look wherever they are drawn (timeline, list, regions, passages): a colour per
kind that reads on light and dark palettes, and the kinds' names in words; GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette

from mcdesk.core.reviews import Annotation, Audience, CommentKind
from mcdesk.ui.widgets.colors import is_dark

# Hues chosen to stay apart for the common colour-vision deficiencies (blue/orange pair,
# a green that is also lighter, grey for notes); each kind also has its own marker shape
# on the timeline, so colour is never the only cue.
_LIGHT = {
    CommentKind.STRENGTH: "#1e8a4c",
    CommentKind.QUESTION: "#2b6cc4",
    CommentKind.SUGGESTION: "#c4600c",
    CommentKind.NOTE: "#6b6f76",
}
_DARK = {
    CommentKind.STRENGTH: "#5fd08f",
    CommentKind.QUESTION: "#7fb0f5",
    CommentKind.SUGGESTION: "#f5a25a",
    CommentKind.NOTE: "#b4b8bf",
}



translate = QCoreApplication.translate


def kind_color(kind: CommentKind, palette: QPalette) -> QColor:
    """The colour of `kind`, strong enough to read against `palette`'s base and window."""
    return QColor((_DARK if is_dark(palette) else _LIGHT)[kind])


def kind_fill(kind: CommentKind, palette: QPalette, alpha: int = 70) -> QColor:
    """A see-through version of the kind's colour for areas and passages."""
    color = kind_color(kind, palette)
    color.setAlpha(alpha)
    return color


def picture_color(kind: CommentKind, alpha: int = 255) -> QColor:
    """The kind's colour for areas drawn on a photo or a page, whatever the palette."""
    color = QColor(_LIGHT[kind])
    color.setAlpha(alpha)
    return color


def kind_name(kind: CommentKind) -> str:
    return {
        CommentKind.STRENGTH: translate("Annotations", "Strength"),
        CommentKind.QUESTION: translate("Annotations", "Question"),
        CommentKind.SUGGESTION: translate("Annotations", "Suggestion"),
        CommentKind.NOTE: translate("Annotations", "Note"),
    }[kind]


KINDS = (CommentKind.STRENGTH, CommentKind.QUESTION, CommentKind.SUGGESTION, CommentKind.NOTE)


def where(comment: Annotation) -> str:
    """Where the comment points, in words ("at 1:23", "page 3, a region", "the whole piece")."""
    return comment.anchor.describe()


def tooltip(comment: Annotation, criterion: str = "") -> str:
    """A short plain-text summary for tooltips: where, kind, criterion, the first words."""
    head = " · ".join(part for part in (where(comment), kind_name(comment.kind), criterion,
                                        translate("Annotations",
                                                  "private") if comment.audience is Audience.ISSUER
                                        else "") if part)
    text = " ".join(comment.text.split())
    if len(text) > 280:
        text = text[:279] + "…"
    return f"{head}\n{text}"
