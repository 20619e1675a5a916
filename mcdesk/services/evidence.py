"""Evidence use cases: bring files, links and writing in; make safe versions; privacy checks;
worker thread (writes on the writer lane, media work in isolated worker processes)."""

from __future__ import annotations

import functools
import logging
import os
import re
import uuid
from collections.abc import Collection, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from mcdesk.core.errors import McdeskError, MediaError
from mcdesk.core.evidence import (
    BlurFaces,
    Compress,
    Consent,
    Evidence,
    EvidenceKind,
    FaceRegion,
    MediaInfo,
    RosterEntry,
    RosterHit,
    RosterRole,
    StripMetadata,
    Trim,
    VersionRequest,
    describe_version,
)
from mcdesk.core.progress import NULL_CONTROL, Cancelled, JobControl, ScaledControl
from mcdesk.core.text import fold, word_count
from mcdesk.core.units import human_size
from mcdesk.storage.portfolio import Portfolio

if TYPE_CHECKING:
    from mcdesk.media.isolation import IsolatedRunner
    from mcdesk.storage.evidence_store import EvidenceStore
    from mcdesk.storage.filestore import FileStore

log = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 60.0
THUMBNAIL_TIMEOUT_S = 60.0
# In the pictures folder: how its documents' pictures are drawn (media.thumbnails).
DOCUMENT_PICTURES_MARKER = ".document-pictures"
ROSTER_ROLES = tuple(RosterRole)
LIBRARY_PAGE = 48  # pieces read in full when the library opens: a screen or two of the grid


@dataclass(frozen=True)
class LibraryPage:
    """The first pieces of a library search, with the ids of all that match."""

    items: tuple[Evidence, ...]  # the first of `ids`, read in full
    ids: tuple[str, ...]  # every match, newest first
    total: int  # pieces not in the trash, whatever the search


@dataclass(frozen=True)
class AddResult:
    """What happened to one file the teacher brought in."""

    path: str
    evidence: Evidence | None = None
    already_had: Evidence | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class AddReport:
    results: tuple[AddResult, ...]
    skipped: tuple[str, ...] = ()  # files in a folder that are not evidence (e.g. .THM)

    @property
    def ok(self) -> bool:
        return all(result.ok for result in self.results)


@dataclass(frozen=True)
class PrivacyReport:
    located: tuple[Evidence, ...]
    consent_needed: tuple[Evidence, ...]
    roster_hits: tuple[RosterHit, ...]

    @property
    def clear(self) -> bool:
        return not (self.located or self.consent_needed or self.roster_hits)


def safe_text(name: str) -> str:
    """File names may hold bytes that are not UTF-8; keep them readable and storable."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def title_from_name(name: str) -> str:
    stem = Path(name).stem
    return re.sub(r"[_\s]+", " ", stem).strip() or name


class EvidenceService:
    def __init__(self, portfolio: Portfolio,
                 runner: IsolatedRunner | None = None) -> None:
        self._portfolio = portfolio
        self._runner = runner

    @property
    def _store(self) -> EvidenceStore:
        """The evidence database, opened on first use (SQLAlchemy and all: a few tenths of
        a second) and then kept by the portfolio; any thread."""
        return self._portfolio.evidence

    @property
    def _files(self) -> FileStore:
        return self._portfolio.files

    @property
    def runner(self) -> IsolatedRunner:
        if self._runner is None:
            from mcdesk.media import isolation

            self._runner = isolation.default_runner()
        return self._runner

    # -- bringing evidence in ------------------------------------------------------------

    def add_paths(self, paths: Sequence[Path], *, captured_by: str | None = None,
                  control: JobControl = NULL_CONTROL) -> AddReport:
        """Add files and whole folders; one bad file never stops the rest."""
        self.prepare_to_add(paths)
        files, skipped = expand_paths(paths)
        sizes = [_size_or_zero(path) for path in files]
        total = sum(sizes) or 1
        done = 0
        results = []
        for path, size in zip(files, sizes, strict=True):
            control.check_cancelled()
            step = ScaledControl(control, done, total, f"Adding {safe_text(path.name)}")
            step.progress(0)
            try:
                results.append(self.add_file(path, captured_by=captured_by, control=step))
            except McdeskError as exc:
                results.append(AddResult(safe_text(str(path)), error=exc.detail))
            except (Cancelled, KeyboardInterrupt):
                raise
            except Exception as exc:  # one strange file must never stop the batch
                log.exception("Unexpected error adding %s", safe_text(str(path)))
                results.append(AddResult(safe_text(str(path)), error=(
                    f"mcdesk could not read this file ({exc.__class__.__name__}); "
                    "details are in the log file")))
            done += size
        control.progress(total, total)
        return AddReport(tuple(results), tuple(safe_text(str(p)) for p in skipped))

    def prepare_to_add(self, paths: Sequence[Path] | None = None) -> None:
        """Start the media worker for files about to be added (see `prepare_media_worker`)."""
        prepare_media_worker(paths, self.runner)

    def add_file(self, path: Path, *, captured_by: str | None = None,
                 control: JobControl = NULL_CONTROL) -> AddResult:
        shown = safe_text(str(path))
        if not path.exists():
            raise McdeskError("no such file", path=shown)
        if not path.is_file():
            raise McdeskError("not a regular file", path=shown)
        if path.stat().st_size == 0:
            raise McdeskError("the file is empty", path=shown)
        # Read the file's facts and draw its thumbnail in a worker process while this thread
        # copies and hashes it: for a big video the two overlap almost entirely, and the
        # file is read from disk once (the worker's reads hit the page cache).
        # The database is written with plain sqlite3 (the evidence adder): an import never
        # waits for SQLAlchemy to load.
        scratch = self._portfolio.layout.thumbs_dir / ".incoming" / f"{uuid.uuid4().hex}.png"
        files = self._files
        adder = self._portfolio.evidence_adder
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="probe")
        probing = pool.submit(self._first_look, path, scratch)
        try:
            try:
                stored = files.put_file(path, control)
            except FileNotFoundError:
                raise McdeskError("the file disappeared while it was being added",
                                  path=shown) from None
            try:
                info, pictured = probing.result()
            except BaseException:
                if not adder.file_is_referenced(stored.sha256):
                    self._files.discard_new(stored)
                raise
        except BaseException:
            # Now, or when a worker still drawing finishes: no picture of a file not added.
            probing.add_done_callback(lambda _done: scratch.unlink(missing_ok=True))
            raise
        finally:
            # A cancelled copy must not wait for a slow reader; it ends on its own time limit.
            pool.shutdown(wait=False, cancel_futures=True)
        try:
            control.check_cancelled()
            existing = adder.ids_with_file(stored.sha256)
            if existing:
                scratch.unlink(missing_ok=True)
                return AddResult(shown, already_had=self._store.get(existing[0]))
            if pictured is None:  # the first look could not draw: the old way, on the copy
                self._make_thumbnail(stored.path, stored.sha256, info.kind)
            else:
                self._adopt_thumbnail(scratch, stored.sha256, pictured)
            evidence = Evidence(
                id=str(uuid.uuid4()),
                kind=info.kind,
                title=title_from_name(safe_text(path.name)),
                created_at=datetime.now(UTC),
                original_name=safe_text(path.name),
                sha256=stored.sha256,
                size=stored.size,
                taken_at=info.taken_at,
                captured_by=captured_by,
                media=replace(info, text=None),
            )
            return AddResult(shown, evidence=adder.add(evidence, content_text=info.text))
        except BaseException:
            scratch.unlink(missing_ok=True)
            if not adder.file_is_referenced(stored.sha256):
                self._files.discard_new(stored)
            raise

    def _first_look(self, path: Path, scratch: Path) -> tuple[MediaInfo, bool | None]:
        """The probe and, in the same worker call, the thumbnail drawn into `scratch`
        (True/False: drawn or nothing to show). A worker that crashes or times out on the
        pair gets a second chance with the probe alone (None: no thumbnail tried), so a file
        the picture-maker chokes on still comes in, as before the two were joined."""
        from mcdesk.media.isolation import CRASH_MESSAGE, TIMEOUT_MESSAGE
        from mcdesk.media.worker_child import call_named

        scratch.parent.mkdir(parents=True, exist_ok=True)
        try:
            # By name: the probe and thumbnail code is imported by the worker, not here.
            looked: tuple[MediaInfo, bool] = self.runner.call(
                call_named, "mcdesk.media.first_look", "probe_with_thumbnail", path, scratch,
                timeout_s=PROBE_TIMEOUT_S + THUMBNAIL_TIMEOUT_S)
            return looked
        except MediaError as exc:
            if exc.detail not in (CRASH_MESSAGE, TIMEOUT_MESSAGE):
                raise  # the probe's own verdict on the file (unknown, damaged...)
            scratch.unlink(missing_ok=True)
            return self.probe(path), None
        except OSError as exc:
            raise MediaError(f"cannot read the file ({exc.strerror})", path=path) from exc

    def _adopt_thumbnail(self, scratch: Path, sha256: str, pictured: bool) -> None:
        dest = self.thumbnail_file(sha256)
        if not pictured or dest.exists():
            scratch.unlink(missing_ok=True)
            return
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(scratch, dest)

    def probe(self, path: Path, control: JobControl = NULL_CONTROL) -> MediaInfo:
        from mcdesk.media import probe

        try:
            return self.runner.call(probe.probe_file, path, timeout_s=PROBE_TIMEOUT_S,
                                    control=control)
        except Cancelled:
            raise
        except McdeskError:
            raise
        except OSError as exc:
            raise MediaError(f"cannot read the file ({exc.strerror})", path=path) from exc

    def add_link(self, url: str, title: str = "") -> Evidence:
        parsed = urlparse(url.strip())
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise McdeskError(f'"{url}" is not a web address (it should start with https://)')
        evidence = Evidence(id=str(uuid.uuid4()), kind=EvidenceKind.LINK,
                            title=title.strip() or parsed.netloc, created_at=datetime.now(UTC),
                            url=url.strip())
        return self._store.add(evidence, content_text=title)

    def add_text(self, title: str, body: str) -> Evidence:
        """A piece of writing made in mcdesk (a reflection, notes)."""
        media = MediaInfo(kind=EvidenceKind.TEXT, mime_type="text/plain", words=word_count(body))
        evidence = Evidence(id=str(uuid.uuid4()), kind=EvidenceKind.TEXT,
                            title=title.strip() or "Untitled writing",
                            created_at=datetime.now(UTC), body=body, media=media)
        return self._store.add(evidence, content_text=body)

    def _make_thumbnail(self, stored_path: Path, sha256: str, kind: EvidenceKind) -> None:
        dest = self.thumbnail_file(sha256)
        if dest.exists():
            return
        dest.parent.mkdir(parents=True, exist_ok=True)
        from mcdesk.media import thumbnails

        try:
            self.runner.call(functools.partial(thumbnails.make_thumbnail, kind=kind),
                             stored_path, dest, timeout_s=THUMBNAIL_TIMEOUT_S)
        except MediaError as exc:  # the evidence is still good without a picture
            log.info("No thumbnail for %s: %s", sha256[:12], exc)
            thumbnails.partial_path(dest).unlink(missing_ok=True)

    def mark_pictures_current(self) -> None:
        """A new portfolio draws every picture the current way: nothing to draw again."""
        from mcdesk.media.thumbnails import DOCUMENT_PICTURES
        from mcdesk.storage.atomic import write_atomic

        write_atomic(self._portfolio.layout.thumbs_dir / DOCUMENT_PICTURES_MARKER,
                     DOCUMENT_PICTURES.encode("utf-8"))

    def redraw_document_pictures(self, control: JobControl = NULL_CONTROL) -> list[str]:
        """Draw again, once a portfolio, the pictures of documents and texts drawn in an
        older way (the whole page, which vanished on the white grid); the sha256 of each
        file whose picture changed. A picture that cannot be drawn again stays as it was; a
        cancelled redraw starts over next time."""
        from mcdesk.media import thumbnails

        marker = self._portfolio.layout.thumbs_dir / DOCUMENT_PICTURES_MARKER
        if marker.is_file() and marker.read_text("utf-8").strip() == \
                thumbnails.DOCUMENT_PICTURES:
            return []
        kinds = (str(EvidenceKind.DOCUMENT), str(EvidenceKind.TEXT))
        redrawn = []
        for sha256, kind in self._portfolio.evidence_adder.files_of_kinds(kinds):
            control.check_cancelled()
            dest = self.thumbnail_file(sha256)
            stored = self._files.path_for(sha256)
            if not dest.is_file() or not stored.is_file():
                continue
            try:
                self.runner.call(functools.partial(thumbnails.make_thumbnail,
                                                   kind=EvidenceKind(kind)),
                                 stored, dest, timeout_s=THUMBNAIL_TIMEOUT_S, control=control)
            except MediaError as exc:
                log.info("The picture of %s stays as it was: %s", sha256[:12], exc)
                thumbnails.partial_path(dest).unlink(missing_ok=True)
                continue
            redrawn.append(sha256)
        self.mark_pictures_current()
        return redrawn

    # -- reading -------------------------------------------------------------------------

    def all(self) -> list[Evidence]:
        return self._store.all()

    def live(self, evidence_ids: Collection[str]) -> dict[str, Evidence]:
        """The pieces among `evidence_ids` not in the trash, by id."""
        # Imported here: who captured a piece is the coaching model's, which importing a
        # file does not need (about 20 ms of imports).
        from mcdesk.storage.evidence_pieces import live_pieces

        return live_pieces(self._portfolio.reads, evidence_ids)

    def library_page(self, query: str = "", kind: EvidenceKind | None = None, *,
                     limit: int | None = None, include: str | None = None) -> LibraryPage:
        """The library as the Evidence place shows it: the ids of every piece matching the
        search (newest first, the same matches as `find`), the first `limit` of them read in
        full (more when `include`, a piece to select, comes later), and how many pieces there
        are in all. The rest are read a page at a time as the list scrolls (`live`)."""
        ids, total = self._portfolio.evidence_listing.matching(
            str(kind) if kind is not None else None, fold(query).split())
        count = LIBRARY_PAGE if limit is None else limit
        if include is not None and include in ids:
            count = max(count, ids.index(include) + 1)
        first = self._portfolio.evidence_listing.pieces(ids[:count], self.live)
        return LibraryPage(tuple(first[i] for i in ids[:count] if i in first), tuple(ids),
                           total)

    def find(self, *, query: str = "", kind: EvidenceKind | None = None,
             tag: str | None = None) -> list[Evidence]:
        terms = fold(query).split()
        found = []
        for evidence in self._store.all():
            if kind is not None and evidence.kind is not kind:
                continue
            if tag is not None and tag not in evidence.tags:
                continue
            haystack = fold(" ".join(filter(None, (
                evidence.title, evidence.original_name, evidence.captured_by,
                " ".join(evidence.tags), evidence.derivation, evidence.url))))
            if all(term in haystack for term in terms):
                found.append(evidence)
        return found

    def get(self, evidence_id: str) -> Evidence:
        return self._store.get(evidence_id)

    def resolve(self, reference: str) -> Evidence:
        """The evidence a user means: its id, the start of its id, or its exact title."""
        everything = self._store.all()
        matches = [e for e in everything if e.id == reference] or [
            e for e in everything if e.id.startswith(reference) and len(reference) >= 6] or [
            e for e in everything if e.title.casefold() == reference.casefold()]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise McdeskError(f'no evidence matches "{reference}"')
        raise McdeskError(f'"{reference}" matches {len(matches)} pieces of evidence; use its id')

    def file_path(self, evidence: Evidence) -> Path | None:
        """Where the stored file is, for a preview; never to be written to."""
        if evidence.sha256 is None:
            return None
        return self._files.path_for(evidence.sha256)

    def thumbnail_file(self, sha256: str) -> Path:
        return self._portfolio.layout.thumbs_dir / sha256[:2] / f"{sha256}.png"

    def thumbnail_path(self, evidence: Evidence) -> Path | None:
        if evidence.sha256 is None:
            return None
        path = self.thumbnail_file(evidence.sha256)
        return path if path.is_file() else None

    def text_of(self, evidence: Evidence) -> str:
        texts = {eid: text for eid, _title, _name, text in self._store.texts()}
        return texts.get(evidence.id) or evidence.body or ""

    # -- changing ------------------------------------------------------------------------

    def set_consent(self, evidence_id: str, consent: Consent) -> Evidence:
        return self._store.update(evidence_id, consent=consent)

    def set_identifying(self, evidence_id: str, identifying: bool) -> Evidence:
        """Mark (or unmark) a piece as showing who the teacher is: packages say so and
        assessors see it only when they lift blind review."""
        return self._store.update(evidence_id, identifying=identifying)

    def set_tags(self, evidence_id: str, tags: Sequence[str]) -> Evidence:
        cleaned = [t.strip() for t in tags if t.strip()]
        return self._store.update(evidence_id, tags=cleaned)

    def rename(self, evidence_id: str, title: str) -> Evidence:
        if not title.strip():
            raise McdeskError("a title cannot be empty")
        return self._store.update(evidence_id, title=title.strip())

    def set_captured_by(self, evidence_id: str, who: str) -> Evidence:
        return self._store.update(evidence_id, captured_by=who.strip() or None)

    def update_text(self, evidence_id: str, body: str) -> Evidence:
        return self._store.update(evidence_id, body=body)

    def move_to_trash(self, evidence_id: str) -> None:
        self._store.move_to_trash(evidence_id)

    # -- safe versions -------------------------------------------------------------------

    def detect_faces(self, evidence: Evidence,
                     control: JobControl = NULL_CONTROL) -> list[FaceRegion]:
        from mcdesk.media import faces

        path = self._require_file(evidence)
        if evidence.kind is EvidenceKind.IMAGE:
            rects = self.runner.call(faces.detect_faces_in_image, path, timeout_s=120,
                                     control=control)
            return [FaceRegion(rect) for rect in rects]
        if evidence.kind is EvidenceKind.VIDEO:
            return list(self.runner.call(faces.detect_faces_in_video, path,
                                         timeout_s=_long_timeout(evidence), control=control))
        raise McdeskError("faces can be found only in photos and videos")

    def frame_png(self, evidence: Evidence, at_s: float) -> bytes:
        """A still of a video at `at_s` seconds, for review screens."""
        from mcdesk.media import frames

        _require_kind(evidence, EvidenceKind.VIDEO)
        png: bytes = self.runner.call(frames.frame_png, self._require_file(evidence), at_s,
                                      timeout_s=60)
        return png

    def estimate_compressed_bytes(self, evidence: Evidence, request: Compress) -> int:
        media = evidence.media
        if media is None or media.duration_s is None:
            raise McdeskError("this evidence has no duration to estimate from")
        from mcdesk.media import video

        return video.estimate_compressed_bytes(
            media.duration_s, video_kbps=request.video_kbps, audio_kbps=request.audio_kbps,
            has_audio=bool(media.has_audio))

    def compress_to_fit(self, evidence: Evidence, max_bytes: int) -> Compress:
        """Settings that make a video fit in `max_bytes` (picture height kept, audio at
        96 kb/s); McdeskError when even the lowest quality would not fit."""
        from mcdesk.media import video

        _require_kind(evidence, EvidenceKind.VIDEO)
        media = evidence.media
        if media is None or not media.duration_s:
            raise McdeskError(f'"{evidence.title}" has no duration: it cannot be compressed')
        audio_kbps = 96
        has_audio = bool(media.has_audio)
        video_kbps = video.bitrate_for_target(media.duration_s, max_bytes, audio_kbps, has_audio)
        request = Compress(max_height=media.height, video_kbps=video_kbps,
                           audio_kbps=audio_kbps)
        if self.estimate_compressed_bytes(evidence, request) > max_bytes:
            raise McdeskError(f'"{evidence.title}" cannot fit in {human_size(max_bytes)} even '
                              "at the lowest quality; trim it first")
        return request

    def compress_under(self, evidence_id: str, max_bytes: int,
                       control: JobControl = NULL_CONTROL) -> Evidence:
        """A compressed copy that really is at most `max_bytes`: the estimate aims a little
        under, and a copy that still came out larger is set aside (to the trash) and made
        again at a bitrate scaled down by how much it missed."""
        source = self.get(evidence_id)
        request = self.compress_to_fit(source, int(max_bytes * 0.92))
        for _try in range(3):
            version = self.make_version(evidence_id, request, control)
            if version.size is not None and version.size <= max_bytes:
                return version
            self.move_to_trash(version.id)
            missed = max_bytes / max(1, version.size or max_bytes)
            request = replace(request, video_kbps=max(1, int(request.video_kbps * missed * 0.9)))
        raise McdeskError(f'"{source.title}" did not come under {human_size(max_bytes)}; trim '
                          "it, or allow a larger size")

    def make_version(self, evidence_id: str, request: VersionRequest,
                     control: JobControl = NULL_CONTROL, *,
                     description: str | None = None) -> Evidence:
        """Make a new evidence from `evidence_id` (never touching it) and link the two;
        `description` names the version in the window's language (else in English)."""
        from mcdesk.media import faces, metadata, video

        source = self._store.get(evidence_id)
        src = self._require_file(source)
        kind = source.kind
        suffix = src_suffix = Path(source.original_name or "file").suffix.lower() or ".bin"
        if isinstance(request, StripMetadata):
            suffix = metadata.stripped_suffix(kind, src_suffix)
            work = functools.partial(metadata.strip_identifying_metadata, kind=kind)
        elif isinstance(request, Trim):
            _require_kind(source, EvidenceKind.VIDEO)
            suffix = ".mp4"
            work = functools.partial(video.trim_video, start_s=request.start_s,
                                     end_s=request.end_s)
        elif isinstance(request, Compress):
            _require_kind(source, EvidenceKind.VIDEO)
            suffix = ".mp4"
            work = functools.partial(video.compress_video, max_height=request.max_height,
                                     video_kbps=request.video_kbps,
                                     audio_kbps=request.audio_kbps)
        elif isinstance(request, BlurFaces):
            if kind is EvidenceKind.IMAGE:
                suffix = ".png" if src_suffix == ".png" else ".jpg"
                work = functools.partial(faces.blur_image,
                                         regions=[region.rect for region in request.regions])
            else:
                _require_kind(source, EvidenceKind.VIDEO)
                suffix = ".mp4"
                work = functools.partial(faces.blur_video, regions=list(request.regions))
        else:
            _require_kind(source, EvidenceKind.IMAGE)
            suffix = ".png" if src_suffix == ".png" else ".jpg"
            work = functools.partial(faces.redact_image, rects=list(request.rects))
        made = self._files.scratch_path(suffix)
        try:
            self.runner.call(work, src, made, timeout_s=_long_timeout(source), control=control)
            control.check_cancelled()
            info = self.probe(made)
            stored = self._files.adopt(made, control)
        except BaseException:
            # A worker killed mid-write may leave its partial file beside `made`.
            for leftover in (made, made.with_name(made.name + ".part")):
                leftover.unlink(missing_ok=True)
            raise
        try:
            self._make_thumbnail(stored.path, stored.sha256, info.kind)
            derivation = description or describe_version(request)
            stem = Path(source.original_name or source.title).stem
            version = Evidence(
                id=str(uuid.uuid4()),
                kind=info.kind,
                title=f"{source.title} ({derivation})",
                created_at=datetime.now(UTC),
                original_name=f"{stem}{suffix}",
                sha256=stored.sha256,
                size=stored.size,
                source_id=source.id,
                derivation=derivation,
                taken_at=source.taken_at,
                captured_by=source.captured_by,
                tags=source.tags,
                consent=Consent.BLURRED if isinstance(request, BlurFaces) else source.consent,
                identifying=source.identifying,
                media=replace(info, text=None),
            )
            return self._store.add(version, content_text=info.text)
        except BaseException:
            if not self._store.file_is_referenced(stored.sha256):
                self._files.discard_new(stored)
            raise

    def _require_file(self, evidence: Evidence) -> Path:
        path = self.file_path(evidence)
        if path is None:
            raise McdeskError(f'"{evidence.title}" has no file')
        if not path.is_file():
            raise McdeskError(f'the stored file of "{evidence.title}" is missing; run '
                              "File → Check portfolio", path=path)
        return path

    # -- privacy -------------------------------------------------------------------------

    def roster(self) -> list[RosterEntry]:
        return self._store.roster()

    def add_roster_name(self, name: str, role: str = RosterRole.STUDENT) -> RosterEntry:
        if role not in ROSTER_ROLES:
            raise McdeskError(f'role must be one of {", ".join(ROSTER_ROLES)}')
        return self._store.add_roster_name(name, role)

    def remove_roster_name(self, entry_id: int) -> None:
        self._store.remove_roster_name(entry_id)

    def roster_hits(self, evidence_ids: Sequence[str] | None = None) -> list[RosterHit]:
        """Every place a roster name appears: titles, file names, written and document text."""
        names = self._store.roster()
        if not names:
            return []
        wanted = set(evidence_ids) if evidence_ids is not None else None
        hits: list[RosterHit] = []
        for evidence_id, title, original_name, text in self._store.texts():
            if wanted is not None and evidence_id not in wanted:
                continue
            for where, content in (("title", title), ("file name", original_name),
                                   ("text", text)):
                if content:
                    hits += [RosterHit(evidence_id, title, entry.name, where, context)
                             for entry in names for context in find_name(content, entry.name)]
        return hits

    def privacy_report(self) -> PrivacyReport:
        everything = self._store.all()
        return PrivacyReport(
            located=tuple(e for e in everything if e.has_location),
            consent_needed=tuple(e for e in everything if e.needs_consent),
            roster_hits=tuple(self.roster_hits()),
        )


def prepare_media_worker(paths: Sequence[Path] | None = None,
                         runner: IsolatedRunner | None = None) -> None:
    """Start the media worker that will take the first look at files about to be added
    (`paths`, files or folders, or None while a person is still choosing them) in `runner`
    (the app's shared one by default), with the libraries their kinds need importing, unless
    one is idle; returns at once. Its start then overlaps opening the portfolio, the copy
    and hash, or the choosing, instead of following them. Never raises: a worker that cannot
    start is reported by the import that needs it."""
    from mcdesk.media import isolation
    from mcdesk.media.file_names import first_look_modules

    try:
        # A folder's files are not known yet (walking it may take a while): all kinds.
        names = (None if paths is None or any(p.is_dir() for p in paths)
                 else [p.name for p in paths])
        (runner or isolation.default_runner()).prestart(first_look_modules(names))
    except Exception:  # getting ready is an optimisation; the import itself reports
        log.exception("Could not start the media reader ahead of an import")


def stop_media_workers() -> None:
    """End the worker processes that read media (at application exit)."""
    from mcdesk.media import isolation

    isolation.shutdown_default_runner()


def find_name(text: str, name: str, *, context: int = 40) -> Iterator[str]:
    """Excerpts of `text` around each whole-word, accent- and case-blind match of `name`."""
    folded_name = fold(name).strip()
    if not folded_name:
        return
    # Fold character by character so positions in the folded text map back to the original.
    folded_chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for folded_char in fold(char):
            folded_chars.append(folded_char)
            origin.append(index)
    folded = "".join(folded_chars)
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, folded_name.split()))
                         + r"(?!\w)")
    for match in pattern.finditer(folded):
        start = origin[match.start()]
        end = origin[match.end() - 1] + 1
        before = text[max(0, start - context):start]
        after = text[end:end + context]
        yield ("…" if start > context else "") + before + "[" + text[start:end] + "]" + after + (
            "…" if end + context < len(text) else "")


def expand_paths(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """Files to add (folders walked, hidden files skipped) and folder files that are not
    evidence. Files named directly are always tried, so the teacher hears why one fails."""
    from mcdesk.media.file_names import kind_from_name

    files: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    candidate = Path(folder) / name
                    (files if kind_from_name(name) else skipped).append(candidate)
        else:
            files.append(path)
    return files, skipped


def _size_or_zero(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _require_kind(evidence: Evidence, kind: EvidenceKind) -> None:
    if evidence.kind is not kind:
        raise McdeskError(f'"{evidence.title}" is a {evidence.kind}, not a {kind}')


def _long_timeout(evidence: Evidence) -> float:
    duration = evidence.media.duration_s if evidence.media else None
    return max(600.0, (duration or 0) * 20)
