"""A keyring backend for tests that run mcdesk in child processes: secrets in a JSON file under
the test's own HOME (never the OS keyring). Chosen with
PYTHON_KEYRING_BACKEND=tests.file_keyring.FileKeyring; test processes only."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def _path(self) -> Path:
        return Path(os.environ["HOME"]) / "test-keyring.json"

    def _load(self) -> dict[str, str]:
        try:
            data: dict[str, str] = json.loads(self._path.read_text("utf-8"))
            return data
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        secrets = self._load()
        secrets[f"{service}\n{username}"] = password
        self._path.write_text(json.dumps(secrets), "utf-8")

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._load()
        if secrets.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(f"no secret for {service}/{username}")
        self._path.write_text(json.dumps(secrets), "utf-8")
