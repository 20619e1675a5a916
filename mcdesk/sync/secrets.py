"""Server tokens in the OS keyring (service "mcdesk", one entry per server profile); never
in the database, a file or a log; any thread."""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from mcdesk.core.errors import McdeskError

SERVICE = "mcdesk"


def token_key(profile: str) -> str:
    return f"server:{profile}"


def get_token(profile: str) -> str | None:
    try:
        token: str | None = keyring.get_password(SERVICE, token_key(profile))
    except KeyringError as exc:
        raise McdeskError(f"the system keyring cannot be read ({exc.__class__.__name__}); "
                          "mcdesk keeps server tokens only there") from None
    return token or None


def set_token(profile: str, token: str) -> None:
    try:
        keyring.set_password(SERVICE, token_key(profile), token)
    except KeyringError as exc:
        raise McdeskError(f"the system keyring cannot store the token "
                          f"({exc.__class__.__name__}); mcdesk keeps server tokens only there, "
                          "never in a file") from None


def delete_token(profile: str) -> None:
    try:
        keyring.delete_password(SERVICE, token_key(profile))
    except PasswordDeleteError:
        return
    except KeyringError as exc:
        raise McdeskError(f"the system keyring cannot remove the token "
                          f"({exc.__class__.__name__})") from None
