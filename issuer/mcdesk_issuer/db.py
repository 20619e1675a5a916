"""The issuer's database: SQLAlchemy 2.0 typed models and the engine (SQLite by default,
PostgreSQL for installs with several issuer processes); the schema comes from the Alembic
migrations in mcdesk_issuer/migrations; any thread, one session per call."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    inspect,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry


def utcnow() -> datetime:
    return datetime.now(UTC)


def utc(moment: datetime) -> datetime:
    """A stored time as an aware UTC datetime (SQLite hands back naive ones)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Small settings kept by the server (its name, the round-robin position)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Account(Base):
    """One person: an earner, a coach, an assessor or a member of the issuer's staff, or
    several of these (their roles are in `account_roles`). Two people may share a name."""

    __tablename__ = "accounts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(500), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AccountRole(Base):
    """A role a person holds."""

    __tablename__ = "account_roles"
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class Token(Base):
    """A bearer token of a person acting in one role, stored only as its sha256."""

    __tablename__ = "tokens"
    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class CatalogFile(Base):
    """An imported catalog file, kept verbatim; the newest is the one served."""

    __tablename__ = "catalog_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    text: Mapped[str] = mapped_column(Text)
    etag: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AchievementRow(Base):
    """One version of a micro-credential (its OB 3.0 Achievement JSON)."""

    __tablename__ = "achievements"
    achievement_id: Mapped[str] = mapped_column(String(2000), primary_key=True)
    version: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    json: Mapped[str] = mapped_column(Text)


class Submission(Base):
    __tablename__ = "submissions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    earner_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    achievement_id: Mapped[str] = mapped_column(String(2000))
    version: Mapped[str] = mapped_column(String(200))
    attempt: Mapped[int] = mapped_column(Integer)
    bag_name: Mapped[str] = mapped_column(String(255))
    body_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    bag_sha256: Mapped[str | None] = mapped_column(String(64))
    bag_size: Mapped[int | None] = mapped_column(BigInteger)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_hash: Mapped[str | None] = mapped_column(String(64))
    feedback_json: Mapped[str] = mapped_column(Text, default="[]")
    credential_id: Mapped[str | None] = mapped_column(String(100))


class SubmissionFile(Base):
    __tablename__ = "submission_files"
    submission_id: Mapped[str] = mapped_column(ForeignKey("submissions.id"), primary_key=True)
    path: Mapped[str] = mapped_column(String(1024), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    position: Mapped[int] = mapped_column(Integer)


class Upload(Base):
    """A tus upload: its bytes so far live in `uploads/<id>.part`."""

    __tablename__ = "uploads"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"))
    submission_id: Mapped[str] = mapped_column(ForeignKey("submissions.id"))
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(1024))
    length: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    completed: Mapped[bool] = mapped_column(Boolean, default=False)


class Assignment(Base):
    """A submission given to an assessor: as an expert, a peer, or the extra assessor called
    when reviews disagree; withdrawn when its review came too late."""

    __tablename__ = "assignments"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    submission_id: Mapped[str] = mapped_column(ForeignKey("submissions.id"), index=True)
    assessor_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    kind: Mapped[str] = mapped_column(String(20), default="expert")
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    __table_args__ = (UniqueConstraint("submission_id", "assessor_id"),)


class PoolMember(Base):
    """A person in a micro-credential's assessor pool: an expert, a peer staff added, or a
    past earner staff took out of the peer pool ("excluded")."""

    __tablename__ = "pool_members"
    achievement_id: Mapped[str] = mapped_column(String(2000), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PoolSettings(Base):
    """How a micro-credential's submissions are shared out (defaults when absent)."""

    __tablename__ = "pool_settings"
    achievement_id: Mapped[str] = mapped_column(String(2000), primary_key=True)
    expert_submissions: Mapped[int] = mapped_column(Integer)
    experts_per_submission: Mapped[int] = mapped_column(Integer)
    peers_per_submission: Mapped[int] = mapped_column(Integer)


class CalibrationItem(Base):
    """A scored submission in its micro-credential's calibration set, with reference levels
    and feedback per criterion (JSON list of {rubricCriterionId, levelId, feedback})."""

    __tablename__ = "calibration_items"
    submission_id: Mapped[str] = mapped_column(ForeignKey("submissions.id"), primary_key=True)
    achievement_id: Mapped[str] = mapped_column(String(2000), index=True)
    reference_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CalibrationAttempt(Base):
    """An assessor's levels for one calibration item (JSON list of scores)."""

    __tablename__ = "calibration_attempts"
    submission_id: Mapped[str] = mapped_column(ForeignKey("calibration_items.submission_id"),
                                               primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    scores_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Release(Base):
    """An assessor released to live work on a micro-credential after calibration."""

    __tablename__ = "releases"
    achievement_id: Mapped[str] = mapped_column(String(2000), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    released_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DecisionRecord(Base):
    """Who decided a submission, what the rubric rule said and, when staff overrode the rule
    or decided before every review was in, their written reason."""

    __tablename__ = "decisions"
    submission_id: Mapped[str] = mapped_column(ForeignKey("submissions.id"), primary_key=True)
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"))
    rule: Mapped[str | None] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20))
    override_reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Review(Base):
    """The review of one assignment (one per assignment; changed only with If-Match)."""

    __tablename__ = "reviews"
    assignment_id: Mapped[str] = mapped_column(ForeignKey("assignments.id"), primary_key=True)
    review_id: Mapped[str] = mapped_column(String(36))
    body_json: Mapped[str] = mapped_column(Text)
    etag: Mapped[str] = mapped_column(String(70))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Credential(Base):
    """An issued OpenBadgeCredential: its JSON and its VC-JWT."""

    __tablename__ = "credentials"
    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    submission_id: Mapped[str] = mapped_column(ForeignKey("submissions.id"), unique=True)
    earner_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    json: Mapped[str] = mapped_column(Text)
    jws: Mapped[str] = mapped_column(Text)


class StackCredential(Base):
    """An issued credential for a completed stack (every member micro-credential earned)."""

    __tablename__ = "stack_credentials"
    __table_args__ = (UniqueConstraint("stack_id", "earner_id"),)
    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    stack_id: Mapped[str] = mapped_column(String(2000))
    earner_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    json: Mapped[str] = mapped_column(Text)
    jws: Mapped[str] = mapped_column(Text)


class Lease(Base):
    """Work one issuer process is doing on something every process shares (a PATCH to an
    upload, assembling a submission's bag, the periodic assignment pass): the others wait or
    answer 423 until its owner releases it, or until it runs out because its owner died."""

    __tablename__ = "leases"
    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    owner: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Database:
    """The engine and a session factory; `session()` opens one transaction."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        options: dict[str, Any] = {}
        if url.startswith("sqlite"):
            options["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            # Each worker thread may hold a connection while it streams or assembles; the
            # defaults (5 + 10) would make a busy process queue for connections.
            options.update(pool_size=20, max_overflow=20, pool_pre_ping=True)
        self.engine: Engine = create_engine(url, **options)
        self.postgresql = self.engine.dialect.name == "postgresql"
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _begin_immediate)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        _refuse_role_accounts(self.engine)
        if migrate:
            from mcdesk_issuer.migrate import upgrade

            upgrade(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    def lock(self, s: Session, key: str) -> None:
        """Hold `key` until the session's transaction ends, across every issuer process on
        this database. PostgreSQL: a transaction-level advisory lock. SQLite needs nothing:
        every transaction began with BEGIN IMMEDIATE, which already holds the database's one
        write lock."""
        if self.postgresql:
            s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_number(key)})

    def try_lock(self, s: Session, key: str) -> bool:
        """`lock` when nobody holds `key`; False (and nothing held) when somebody does."""
        if not self.postgresql:
            return True
        return bool(s.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"),
                             {"key": lock_number(key)}))

    def ping(self) -> None:
        """One round trip to the database (raises when it cannot be reached)."""
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def close(self) -> None:
        self.engine.dispose()


def lock_number(key: str) -> int:
    """A signed 64-bit number for `key`, as PostgreSQL's advisory locks take them."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big",
                          signed=True)


def _refuse_role_accounts(engine: Engine) -> None:
    """A data folder from before people (one account per name and role) cannot be read as
    people: say so instead of failing on the first insert."""
    columns = {c["name"] for c in inspect(engine).get_columns("tokens")} \
        if inspect(engine).has_table("tokens") else set()
    if columns and "role" not in columns:
        engine.dispose()
        raise ValueError("this data folder was made by an older mcdesk-issuer whose accounts "
                         "were one per name and role; start a new data folder")


def _sqlite_pragmas(connection: Any, record: ConnectionPoolEntry) -> None:
    connection.isolation_level = None  # transactions are begun by _begin_immediate
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    """Take SQLite's write lock at the start of each transaction, so two writers (threads of
    the server, or the server and a CLI command) wait for each other instead of failing."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")
