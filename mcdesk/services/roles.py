"""The roles a portfolio is used in (earner, coach, assessor), the current one, and the owner's
name put in packages; any thread (reads use plain sqlite3; a switch is one small transaction
on the writer lane)."""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING

from mcdesk.core.errors import McdeskError
from mcdesk.core.role import Role
from mcdesk.storage.portfolio import Portfolio

if TYPE_CHECKING:
    from mcdesk.storage.review_store import ReviewStore

ROLES_KEY = "roles"
ROLE_KEY = "role"
OWNER_NAME_KEY = "owner_name"
MAX_OWNER_NAME = 200


class RoleService:
    """Roles are kept in the portfolio's meta table: `roles` (a JSON list, in the order they
    were first used) and `role` (the current one). Thread-safe."""

    def __init__(self, portfolio: Portfolio) -> None:
        self._portfolio = portfolio
        self._store: ReviewStore | None = None
        self._lock = threading.Lock()

    def roles(self) -> list[Role]:
        """The roles this portfolio has been used in; [EARNER] until it switched."""
        text = self._portfolio.meta(ROLES_KEY)
        found: list[Role] = []
        if text:
            try:
                values = json.loads(text)
            except ValueError:
                values = []
            if isinstance(values, list):
                for value in values:
                    try:
                        role = Role(value)
                    except ValueError:
                        continue
                    if role not in found:
                        found.append(role)
        return found or [Role.EARNER]

    def current(self) -> Role:
        value = self._portfolio.meta(ROLE_KEY)
        try:
            return Role(value) if value else Role.EARNER
        except ValueError:
            return Role.EARNER

    def switch(self, role: Role) -> Role:
        """Make `role` the current one and remember it among the roles used."""
        role = Role(role)
        with self._lock:
            roles = self.roles()
            if role not in roles:
                roles.append(role)
            self._meta_store().set_meta({ROLE_KEY: str(role),
                                         ROLES_KEY: json.dumps([str(r) for r in roles])})
        return role

    def owner_name(self) -> str | None:
        """The name of the person this portfolio belongs to, as packages carry it (hidden from
        assessors during blind review); None when not given."""
        return self._portfolio.meta(OWNER_NAME_KEY) or None

    def set_owner_name(self, name: str | None) -> str | None:
        """Set (None or blank: forget) the owner's name."""
        text = " ".join((name or "").split())
        if len(text) > MAX_OWNER_NAME:
            raise McdeskError(f"a name holds at most {MAX_OWNER_NAME} characters")
        self._meta_store().set_meta({OWNER_NAME_KEY: text or None})
        return text or None

    def _meta_store(self) -> ReviewStore:
        from mcdesk.storage.review_store import ReviewStore

        if self._store is None:
            self._store = ReviewStore(self._portfolio.database, self._portfolio.layout.root)
        return self._store
