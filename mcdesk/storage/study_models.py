"""SQLAlchemy models of study files (the resource and exemplar files a catalog names, and
where their bytes are); imported by storage only; any thread."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mcdesk.storage.base import Base


class StudyFileRow(Base):
    """One study file, by its sha256: what the catalog says of it and where its bytes are
    (`state`: online, offline or refused; a partial download is a file, not a state)."""

    __tablename__ = "study_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(200))
    href: Mapped[str] = mapped_column(Text)
    licence: Mapped[str] = mapped_column(Text)
    server: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(20), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    wanted: Mapped[bool] = mapped_column(Boolean, default=False)
    stored_at: Mapped[datetime | None] = mapped_column(DateTime)


class StudyUseRow(Base):
    """Which micro-credential names a study file, as a resource or an exemplar."""

    __tablename__ = "study_use"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    achievement_id: Mapped[str] = mapped_column(String(2000), primary_key=True, index=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    title: Mapped[str] = mapped_column(Text, primary_key=True)
