"""Observing a lesson: start an observation (teacher, micro-credential, look-fors from its method
components), timed notes, ticks, criterion tags, clips, each change one short write; lining the
notes up with the lesson video and making the clips trimmed evidence; worker thread (writes on
the writer lane)."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from mcdesk.core.catalog import RubricCriterion
from mcdesk.core.coaching import (
    MAX_NAME_CHARS,
    MAX_NOTE_CHARS,
    AlignedBy,
    CoachingError,
    NoteVersion,
    Observation,
    ObservationNote,
    shift_from_match,
    shift_from_metadata,
)
from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import Evidence, EvidenceKind, Trim
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.core.reviews import Anchor, Annotation, CommentKind
from mcdesk.services.catalog import CatalogService
from mcdesk.services.coaching import CoachingService
from mcdesk.services.evidence import EvidenceService
from mcdesk.storage.coaching_store import CoachingStore


class ObservationService:
    """Thread-safe: every call opens its own session; every change is its own transaction."""

    def __init__(self, coaching: CoachingService, catalog: CatalogService,
                 evidence: EvidenceService,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._coaching = coaching
        self._catalog = catalog
        self._evidence = evidence
        self._clock = clock
        self._store: CoachingStore = coaching.store

    # -- before and during the lesson ------------------------------------------------------

    def new(self, teacher: str, mc_reference: str, *,
            started_at: datetime | None = None) -> Observation:
        """Start observing `teacher` against a micro-credential; its method components become
        the look-for checklist. The observation clock starts now (or at `started_at`)."""
        name = " ".join(teacher.split())
        if not name:
            raise CoachingError("say whose lesson this is (the teacher's name)")
        if len(name) > MAX_NAME_CHARS:
            raise CoachingError(f"a name holds at most {MAX_NAME_CHARS} characters")
        mc = self._catalog.detail(mc_reference).micro_credential
        look_fors = [component.name for component in mc.method_components]
        identity = self._coaching.identity()
        start = started_at or self._clock()
        observation = Observation(
            id=str(uuid.uuid4()), teacher=name, achievement_id=mc.achievement_id,
            mc_version=mc.version, mc_name=mc.name, started_at=start,
            provenance=identity.provenance("written", start))
        return self._store.add_observation(observation, look_fors)

    def list(self) -> list[Observation]:
        return self._store.observations()

    def get(self, observation_id: str) -> Observation:
        return self._store.observation(observation_id)

    def resolve(self, reference: str) -> Observation:
        """An observation by its id or a unique start of it (4+ characters)."""
        matches = [o for o in self.list() if o.id == reference or (
            len(reference) >= 4 and o.id.startswith(reference))]
        if len(matches) != 1:
            raise CoachingError(f'no observation "{reference}"' if not matches else
                                f'"{reference}" matches {len(matches)} observations')
        return matches[0]

    def rubric(self, observation: Observation) -> tuple[RubricCriterion, ...]:
        """The rubric of the observed micro-credential (empty when not in the catalog)."""
        try:
            return self._coaching.micro_credential_of(observation.achievement_id,
                                                      observation.mc_version).rubric
        except McdeskError:
            return ()

    def elapsed_ms(self, observation: Observation) -> int:
        return max(0, round((self._clock() - observation.started_at).total_seconds() * 1000))

    def note(self, observation_id: str, text: str, *, offset_ms: int | None = None,
             rubric_criterion_id: str | None = None,
             clip: tuple[int, int] | None = None) -> ObservationNote:
        """A note stamped with the observation clock (now, or `offset_ms`), with a clip to
        keep when given: one write."""
        body = _note_text(text)
        observation = self._store.observation(observation_id)
        at = self.elapsed_ms(observation) if offset_ms is None else offset_ms
        if at < 0:
            raise CoachingError("a note cannot be before the observation started")
        if clip is not None and (clip[0] < 0 or clip[1] <= clip[0]):
            raise CoachingError("a clip must end after it starts")
        version = self._version(body, rubric_criterion_id)
        note = self._store.add_note(observation_id, str(uuid.uuid4()), version, at,
                                    self._clock(), clip)
        self._store.set_pending_line(observation_id, None)
        return note

    def save_line(self, observation_id: str, text: str) -> None:
        """Keep what is typed in the note line (not a note yet) so a crash loses nothing."""
        self._store.set_pending_line(observation_id, text[:MAX_NOTE_CHARS] if text.strip()
                                     else None)

    def pending_line(self, observation_id: str) -> str:
        return self._store.pending_line(observation_id) or ""

    def edit(self, note_id: str, text: str, *,
             rubric_criterion_id: str | None = None, keep_tag: bool = True) -> ObservationNote:
        """Change a note's words; the old words stay as a version."""
        current = self._note(note_id)
        tag = current.rubric_criterion_id if keep_tag and rubric_criterion_id is None \
            else rubric_criterion_id
        return self._store.edit_note(current.id, self._version(_note_text(text), tag),
                                     self._clock())

    def tag(self, note_id: str, rubric_criterion_id: str | None) -> ObservationNote:
        """Tie a note to a rubric criterion (None: untie)."""
        current = self._note(note_id)
        return self._store.edit_note(current.id,
                                     self._version(current.text, rubric_criterion_id),
                                     self._clock())

    def choose(self, note_id: str, version_id: str) -> ObservationNote:
        """Of a note edited on both sides, keep this version."""
        return self._store.choose_version(note_id, version_id, self._clock())

    def tick(self, observation_id: str, position: int, seen: bool = True, *,
             at_ms: int | None = None) -> None:
        observation = self._store.observation(observation_id)
        moment = (self.elapsed_ms(observation) if at_ms is None else at_ms) if seen else None
        self._store.tick(observation_id, position, moment, self._clock())

    def clip(self, note_id: str, start_ms: int, end_ms: int) -> ObservationNote:
        """Mark a moment to keep as a clip (a range of the observation clock)."""
        if start_ms < 0 or end_ms <= start_ms:
            raise CoachingError("a clip must end after it starts")
        return self._store.set_clip(note_id, start_ms, end_ms, self._clock())

    # -- after the lesson: the video -------------------------------------------------------

    def align_by_metadata(self, observation_id: str, video_evidence_id: str) -> Observation:
        """Line the notes up using the time the recording started, from its own metadata."""
        video = self._video(video_evidence_id)
        if video.taken_at is None:
            raise CoachingError(f'"{video.title}" does not say when it was recorded; match '
                                'one note to a moment of it instead ("this is note 3")')
        observation = self._store.observation(observation_id)
        shift = shift_from_metadata(observation.started_at, video.taken_at)
        return self._store.align(observation_id, video.id, shift, AlignedBy.METADATA,
                                 self._clock())

    def align_by_note(self, observation_id: str, video_evidence_id: str, note_number: int,
                      player_ms: int) -> Observation:
        """Line the notes up by one match: note `note_number` happens at `player_ms`."""
        video = self._video(video_evidence_id)
        observation = self._store.observation(observation_id)
        shift = shift_from_match(observation.note(note_number), player_ms)
        return self._store.align(observation_id, video.id, shift, AlignedBy.MANUAL,
                                 self._clock())

    def video_comments(self, observation: Observation) -> builtins.list[Annotation]:
        """The notes as timestamped comments on the aligned video (those inside it)."""
        if observation.video_evidence_id is None or observation.shift_ms is None:
            return []
        video = self._evidence.get(observation.video_evidence_id)
        length = round((video.media.duration_s or 0) * 1000) if video.media else 0
        comments = []
        for note in observation.notes:
            at = observation.video_ms(note)
            if at is None or at < 0 or (length and at > length):
                continue
            end = None
            if note.has_clip and note.clip_end_ms is not None:
                end = note.clip_end_ms + observation.shift_ms
                at = max(0, (note.clip_start_ms or 0) + observation.shift_ms)
            comments.append(Annotation(
                id=note.id, anchor=Anchor(target=video.id, start_ms=at, end_ms=end),
                text=note.text, kind=CommentKind.NOTE,
                rubric_criterion_id=note.rubric_criterion_id))
        return comments

    def make_clips(self, observation_id: str,
                   control: JobControl = NULL_CONTROL) -> builtins.list[Evidence]:
        """Every clip marked during the lesson becomes trimmed evidence of the aligned video,
        in one step; clips already made are skipped."""
        observation = self._store.observation(observation_id)
        if observation.video_evidence_id is None or observation.shift_ms is None:
            raise CoachingError("add the lesson video and line the notes up with it first")
        video = self._evidence.get(observation.video_evidence_id)
        length = (video.media.duration_s or 0) if video.media else 0
        made = []
        for note in observation.notes:
            if not note.has_clip or note.clip_evidence_id is not None:
                continue
            control.check_cancelled()
            start = max(0.0, ((note.clip_start_ms or 0) + observation.shift_ms) / 1000)
            end = ((note.clip_end_ms or 0) + observation.shift_ms) / 1000
            if length:
                end = min(end, length)
            if end <= start:
                continue
            clip = self._evidence.make_version(video.id, Trim(start, end), control)
            self._coaching.record_capture(clip)
            self._store.set_clip_evidence(note.id, clip.id, self._clock())
            made.append(clip)
        return made

    # -- helpers ---------------------------------------------------------------------------

    def _version(self, text: str, rubric_criterion_id: str | None) -> NoteVersion:
        identity = self._coaching.identity()
        return NoteVersion(str(uuid.uuid4()), text, rubric_criterion_id, self._clock(),
                           identity.name, identity.portfolio_id)

    def _note(self, note_id: str) -> ObservationNote:
        for observation in self._store.observations():
            for note in observation.notes:
                if note.id == note_id or (len(note_id) >= 4 and note.id.startswith(note_id)):
                    return note
        raise CoachingError(f'no observation note "{note_id}"')

    def _video(self, evidence_id: str) -> Evidence:
        video = self._evidence.get(evidence_id)
        if video.kind is not EvidenceKind.VIDEO:
            raise CoachingError(f'"{video.title}" is not a video')
        return video


def _note_text(text: str) -> str:
    body = text.strip()
    if not body:
        raise CoachingError("a note needs some words")
    if len(body) > MAX_NOTE_CHARS:
        raise CoachingError(f"a note holds at most {MAX_NOTE_CHARS:,} characters")
    return body


def pick_criterion(rubric: Sequence[RubricCriterion], reference: str) -> RubricCriterion:
    """A rubric criterion by its id, the end of its id, or its name (case does not matter)."""
    wanted = reference.strip().casefold()
    for criterion in rubric:
        if wanted in (criterion.id.casefold(), criterion.name.casefold()) or \
                criterion.id.casefold().endswith("/" + wanted):
            return criterion
    names = "; ".join(c.name for c in rubric)
    raise CoachingError(f'"{reference}" is not a rubric criterion here (the criteria: {names})')
