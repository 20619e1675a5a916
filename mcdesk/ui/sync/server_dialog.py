"""The dialog that adds a server or signs in to one again (GUI thread)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class ServerDialog(QDialog):
    """Add a server, or sign in again: name, address, and the token (kept in the keyring)."""

    def __init__(self, parent: QWidget | None = None, *, name: str = "", url: str = "",
                 sign_in_again: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in again") if sign_in_again
                            else self.tr("Add a server"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Your program coordinator gives you the server's address and a token. The token "
            "is kept in your computer's keyring, never in the portfolio."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(self.tr("a short name, e.g. riverbend"))
        self.name.setReadOnly(sign_in_again)
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("https://issuer.example.org")
        self.url.setReadOnly(sign_in_again)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("Token"))
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Address:"), self.url)
        form.addRow(self.tr("&Token:"), self.token)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.token if sign_in_again else self.name).setFocus()

