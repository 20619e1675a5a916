"""Server tokens: in the OS keyring (service "mcdesk", one entry per server profile); where a
laptop has no keyring, and only when the person agreed, in a file only they can read in their
own settings folder. Never in the database, the portfolio or a log; any thread."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from mcdesk.core.errors import McdeskError
from mcdesk.core.sync import NoKeyringError
from mcdesk.paths import config_dir

SERVICE = "mcdesk"
TOKENS_DIR = "tokens"
_SAFE = re.compile(r"[^A-Za-z0-9._-]")

# What the person is told before agreeing to a token file; the CLI and the window say it.
FILE_RISK = (
    "This computer has no system keyring (the safe place for passwords). mcdesk can keep the "
    "token in a file only your user account can read ({path}). Anyone who can log in as you, "
    "or who takes the disk out of this laptop, could read it and send or read submissions in "
    "your name. Remove it with 'mcdesk server remove' when you no longer need it.")


def _no_keyring(path: Path, cause: str) -> NoKeyringError:
    return NoKeyringError(f"the system keyring cannot be used here ({cause}). "
                          + FILE_RISK.format(path=path)
                          + " To agree, add the server again with --store-token-in-file (in "
                            "the window: say yes when asked).")


def token_key(profile: str) -> str:
    return f"server:{profile}"


def token_file(profile: str) -> Path:
    """Where the token of `profile` is kept when the person chose a file."""
    return config_dir() / TOKENS_DIR / (_SAFE.sub("_", profile) + ".token")


def get_token(profile: str) -> str | None:
    path = token_file(profile)
    if path.exists():
        return _read_file(path)
    try:
        token: str | None = keyring.get_password(SERVICE, token_key(profile))
    except KeyringError:
        return None  # no keyring and no file: the server asks for a login again
    return token or None


def set_token(profile: str, token: str, *, allow_file: bool = False) -> Path | None:
    """Keep the token; returns the file used when it went to a file, else None (keyring).

    Raises NoKeyringError when there is no keyring and `allow_file` is False."""
    path = token_file(profile)
    try:
        keyring.set_password(SERVICE, token_key(profile), token)
    except KeyringError as exc:
        if not allow_file:
            raise _no_keyring(path, exc.__class__.__name__) from None
        _write_file(path, token)
        return path
    with contextlib.suppress(OSError):
        path.unlink()  # the keyring has it now: no copy left in a file
    return None


def delete_token(profile: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        token_file(profile).unlink()
    try:
        keyring.delete_password(SERVICE, token_key(profile))
    except PasswordDeleteError:
        return
    except KeyringError:
        return  # no keyring: nothing was ever kept there


def _write_file(path: Path, token: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path.parent, 0o700)
    partial = path.with_name(path.name + ".part")
    # Created 0600 from the start: the token is never readable by others, not even briefly.
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(descriptor, token.encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(partial, path)


def _read_file(path: Path) -> str | None:
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        raise McdeskError(f"{path} can be read by other users of this computer; mcdesk will "
                          "not use a token kept there. Remove the file and add the server "
                          "again.")
    text = path.read_text("utf-8").strip()
    return text or None
