"""The chosen badge, large: its picture, the micro-credential and competency, issuer and date,
rubric levels reached, evidence cited, in-service hours, the verification state with its
reasons, and the Verify again and Share… buttons; GUI thread."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.credentials import CredentialOrigin, EarnedCredential
from mcdesk.ui.badges.images import STATE_COLOURS, badge_pixmap, state_mark, state_words
from mcdesk.ui.widgets.locale_text import long_date_text

translate = QCoreApplication.translate

PICTURE_SIZE = 160


def share_kinds() -> tuple[tuple[str, str], ...]:
    """Share menu entries: (export kind value, label)."""
    return (("png", translate("BadgeDetail", "Badge picture with the credential inside (PNG)…")),
            ("svg", translate("BadgeDetail", "Badge picture with the credential inside (SVG)…")),
            ("json", translate("BadgeDetail", "The credential itself (JSON)…")),
            ("pdf", translate("BadgeDetail", "Certificate to print (PDF)…")))


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


class BadgeDetail(QWidget):
    verify_requested = Signal(str)
    share_requested = Signal(str, str)  # credential id, export kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._credential: EarnedCredential | None = None
        self.picture = QLabel()
        self.picture.setFixedSize(PICTURE_SIZE, PICTURE_SIZE)
        self.picture.setAccessibleName(self.tr("Badge picture"))
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.state.setAccessibleName(self.tr("Verification"))
        self.verify_button = QPushButton(self.tr("Verify again"))
        self.verify_button.setToolTip(self.tr(
            "Check the signature and dates again, offline"))
        self.verify_button.clicked.connect(self._verify)
        self.share_button = QToolButton()
        self.share_button.setText(self.tr("Share…"))
        self.share_button.setToolTip(self.tr(
            "Save the badge to show anywhere: a picture with the credential inside, the "
            "credential itself, or a certificate to print"))
        self.share_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.share_menu = QMenu(self)
        self.share_actions = {}
        for kind, label in share_kinds():
            action = self.share_menu.addAction(label)
            action.triggered.connect(lambda _checked=False, k=kind: self._share(k))
            self.share_actions[kind] = action
        self.share_button.setMenu(self.share_menu)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.share_button)
        buttons.addStretch(1)
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.facts)
        heading.addWidget(self.state, 0, Qt.AlignmentFlag.AlignLeft)
        heading.addLayout(buttons)
        heading.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(12)
        top.addLayout(heading, 1)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(self.body)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Badge details"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @property
    def credential(self) -> EarnedCredential | None:
        return self._credential

    def show_credential(self, credential: EarnedCredential, *, competency: str,
                        hours: tuple[float, str], rule_name: str | None) -> None:
        self._credential = credential
        self.picture.setPixmap(badge_pixmap(credential.image, credential.title, PICTURE_SIZE))
        self.title.setText(credential.title)
        issuer = credential.issuer_name or credential.issuer_id or self.tr("an unknown issuer")
        self.facts.setText(self.tr("Issued by %1 · earned %2").replace("%1", issuer).replace(
            "%2", long_date_text(credential.earned_on)))
        colour = STATE_COLOURS.get(credential.state, "#555555")
        self.state.setText(f"{state_mark(credential.state)} {state_words(credential.state)}")
        self.state.setStyleSheet(
            f"QLabel {{ color: white; background: {colour}; border-radius: 4px; "
            "padding: 3px 8px; font-weight: bold; }")
        self.body.setText(self._body(credential, competency, hours, rule_name))

    def _body(self, credential: EarnedCredential, competency: str, hours: tuple[float, str],
              rule_name: str | None) -> str:
        parts = [f"<h3>{_esc(self.tr('Competency'))}</h3><p>{_esc(competency)}</p>"]
        parts.append(f"<h3>{_esc(self.tr('Verification'))}</h3>")
        checked = self.tr("Checked offline on %1.").replace(
            "%1", f"{credential.checked_at.astimezone():%Y-%m-%d %H:%M}")
        parts.append(f"<p><b>{_esc(state_words(credential.state))}</b>. {_esc(checked)}</p>")
        if credential.reasons:
            parts.append("<ul>" + "".join(f"<li>{_esc(r)}</li>" for r in credential.reasons)
                         + "</ul>")
        if credential.warnings:
            parts.append(f"<p>{_esc(self.tr('Also noticed:'))}</p><ul>" + "".join(
                f"<li>{_esc(w)}</li>" for w in credential.warnings) + "</ul>")
        parts.append(f"<h3>{_esc(self.tr('In-service hours'))}</h3>")
        amount, note = hours
        if rule_name is None:
            parts.append(f"<p>{_esc(self.tr('No recognition rule yet: set your district’s or state’s rule with Recognition rules…'))}</p>")  # noqa: E501
        else:
            line = self.tr("%1 hours under %2").replace("%1", f"{amount:g}").replace(
                "%2", rule_name)
            parts.append(f"<p>{_esc(line)}" + (f" ({_esc(note)})" if note else "") + "</p>")
        parts.append(f"<h3>{_esc(self.tr('Rubric levels reached'))}</h3>")
        if credential.results:
            parts.append("<table cellspacing='0' cellpadding='3'>" + "".join(
                f"<tr><td>{_esc(name)}</td><td><b>{_esc(level)}</b></td></tr>"
                for name, level in credential.results) + "</table>")
        else:
            parts.append(f"<p>{_esc(self.tr('The credential does not list them.'))}</p>")
        parts.append(f"<h3>{_esc(self.tr('Evidence cited'))}</h3>")
        if credential.evidence:
            items = []
            for entry in credential.evidence:
                name = str(entry.get("name") or entry.get("id") or self.tr("Evidence"))
                genre = str(entry.get("genre") or "")
                narrative = str(entry.get("narrative") or "")
                items.append(f"<li><b>{_esc(name)}</b>" + (f" · {_esc(genre)}" if genre else "")
                             + (f"<br>{_esc(narrative)}" if narrative else "") + "</li>")
            parts.append("<ul>" + "".join(items) + "</ul>")
        else:
            parts.append(f"<p>{_esc(self.tr('The credential cites no evidence.'))}</p>")
        if credential.origin is CredentialOrigin.SYNC:
            origin = self.tr("Received with Sync from %1.").replace("%1", credential.source)
        else:
            origin = self.tr("Imported from the file %1.").replace("%1", credential.source)
        parts.append(f"<p style='color: #666'>{_esc(origin)}</p>")
        return "".join(parts)

    def _verify(self) -> None:
        if self._credential is not None:
            self.verify_requested.emit(self._credential.id)

    def _share(self, kind: str) -> None:
        if self._credential is not None:
            self.share_requested.emit(self._credential.id, kind)

