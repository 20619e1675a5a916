"""The plain-sqlite3 evidence adder (the import's path) writes exactly the rows the SQLAlchemy
store writes and reads back the same Evidence; it shares a file's row between two pieces,
refuses to write on the reading pool, and importing a file never loads SQLAlchemy."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mcdesk.core import lanes
from mcdesk.core.catalog import EvidenceKind
from mcdesk.core.evidence import Consent, Evidence, GpsPoint, MediaInfo
from mcdesk.storage.evidence_adder import sql_time
from mcdesk.storage.portfolio import Portfolio

SHA = "ab" * 32


def a_piece(**changes: object) -> Evidence:
    media = MediaInfo(kind=EvidenceKind.VIDEO, mime_type="video/mp4", duration_s=12.5,
                      width=1280, height=720, has_audio=True, video_codec="h264",
                      audio_codec="aac", taken_at=datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC),
                      gps=GpsPoint(48.85, 2.35), camera="Phone", identifying=("faces",))
    piece = Evidence(id=str(uuid.uuid4()), kind=EvidenceKind.VIDEO, title="Lesson on fractions",
                     created_at=datetime(2026, 12, 7, 9, 30, 0, 0, tzinfo=UTC),
                     original_name="lesson.mp4", sha256=SHA, size=1234,
                     taken_at=datetime(2026, 3, 4, 5, 6, 7, 891011, tzinfo=UTC),
                     captured_by="Ana", tags=("math", "grade 4"), consent=Consent.CONSENTED,
                     identifying=True, media=media)
    return replace(piece, **changes)  # type: ignore[arg-type]


def rows(portfolio: Portfolio, table: str) -> list[dict[str, object]]:
    connection = sqlite3.connect(portfolio.layout.db_path)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in connection.execute(f"SELECT * FROM {table} ORDER BY rowid")]
    finally:
        connection.close()


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Portfolio, Portfolio]]:
    orm, plain = Portfolio.open(tmp_path / "orm"), Portfolio.open(tmp_path / "plain")
    yield orm, plain
    orm.close()
    plain.close()


@pytest.mark.parametrize("changes", [
    {},
    {"taken_at": None, "captured_by": None, "tags": (), "identifying": False,
     "consent": Consent.NOT_SET, "created_at": datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)},
    {"media": None, "body": "Notes", "derivation": "trimmed"},
])
def test_the_plain_adder_writes_the_rows_the_orm_store_writes(
        two: tuple[Portfolio, Portfolio], changes: dict[str, object]) -> None:
    orm, plain = two
    piece = a_piece(**changes)
    by_orm = orm.evidence.add(piece, content_text="words in the video")
    by_plain = plain.evidence_adder.add(piece, content_text="words in the video")
    assert by_plain == by_orm
    assert plain.evidence.get(piece.id) == by_orm  # the ORM reads the plain row the same
    assert rows(plain, "evidence") == rows(orm, "evidence")
    (orm_file,), (plain_file,) = rows(orm, "evidence_file"), rows(plain, "evidence_file")
    assert {k: v for k, v in plain_file.items() if k != "added_at"} == {
        k: v for k, v in orm_file.items() if k != "added_at"}
    # The same text form as SQLAlchemy's DateTime: the ORM reads it back as a datetime.
    assert len(str(plain_file["added_at"])) == len(str(orm_file["added_at"]))


def test_two_pieces_of_one_file_share_its_row_and_are_found_by_it(tmp_path: Path) -> None:
    portfolio = Portfolio.open(tmp_path / "p")
    try:
        adder = portfolio.evidence_adder
        assert adder.ids_with_file(SHA) == [] and not adder.file_is_referenced(SHA)
        first = adder.add(a_piece())
        second = adder.add(a_piece(title="Again"))
        assert sorted(adder.ids_with_file(SHA)) == sorted([first.id, second.id])
        assert adder.file_is_referenced(SHA)
        assert len(rows(portfolio, "evidence_file")) == 1
        portfolio.evidence.move_to_trash(first.id)
        assert adder.ids_with_file(SHA) == [second.id]  # the trash is not the library
        assert sorted(adder.ids_with_file(SHA)) == sorted(portfolio.evidence.ids_with_file(SHA))
    finally:
        portfolio.close()


def test_a_failed_insert_leaves_no_file_row(tmp_path: Path) -> None:
    portfolio = Portfolio.open(tmp_path / "p")
    try:
        piece = portfolio.evidence_adder.add(a_piece())
        with pytest.raises(sqlite3.IntegrityError):  # the same id twice
            portfolio.evidence_adder.add(a_piece(id=piece.id, sha256="cd" * 32))
        assert [r["sha256"] for r in rows(portfolio, "evidence_file")] == [SHA]
    finally:
        portfolio.close()


def test_the_adder_refuses_to_write_on_the_reading_pool(tmp_path: Path) -> None:
    portfolio = Portfolio.open(tmp_path / "p")
    caught: list[BaseException] = []

    def on_the_pool() -> None:
        lanes.mark_thread(lanes.READING_LANE)
        try:
            portfolio.evidence_adder.add(a_piece())
        except BaseException as exc:  # handed to the test thread
            caught.append(exc)

    try:
        thread = threading.Thread(target=on_the_pool)
        thread.start()
        thread.join()
        assert len(caught) == 1 and isinstance(caught[0], lanes.WriteOnReadingLaneError)
        assert rows(portfolio, "evidence") == []
    finally:
        portfolio.close()


def test_sql_time_is_sqlalchemys_form() -> None:
    assert sql_time(datetime(2026, 12, 7, 9, 30, tzinfo=UTC)) == "2026-12-07 09:30:00.000000"
    assert sql_time(None) is None


IMPORT_ONE = """
import sys
from pathlib import Path
from mcdesk.media.isolation import shutdown_default_runner
from mcdesk.services.workspace import Workspace
if __name__ == "__main__":
    workspace = Workspace.open(Path(sys.argv[1]))
    report = workspace.evidence.add_paths([Path(sys.argv[2])])
    assert report.ok, report
    (result,) = report.results
    assert result.evidence is not None and result.evidence.size == Path(sys.argv[2]).stat().st_size
    assert workspace.evidence.thumbnail_path(result.evidence) is not None
    workspace.close()
    shutdown_default_runner()
    heavy = ("sqlalchemy", "alembic", "PySide6", "pyld", "requests", "av", "PIL", "numpy",
             "mcdesk.media.probe", "mcdesk.media.thumbnails")
    print(" ".join(name for name in heavy if name in sys.modules) or "none")
"""


def test_importing_a_file_never_loads_sqlalchemy(tmp_path: Path) -> None:
    """Nor Qt, pyld, requests, nor the media libraries and the probe: those are the media
    worker's to load (each is a start-up cost an import would otherwise pay twice)."""
    from PIL import Image

    picture = tmp_path / "board.png"
    Image.new("RGB", (64, 48), (200, 40, 40)).save(picture)
    Portfolio.open(tmp_path / "p").close()
    done = subprocess.run([sys.executable, "-c", IMPORT_ONE, str(tmp_path / "p"), str(picture)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "none"
