"""Coaching as plain data: provenance of what a coach adds, observations of a lesson (look-fors,
timed notes and their versions, clips), how notes line up with the lesson video, and a coach's
feedback on a draft (anchored comments, practice scores); any thread."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from mcdesk.core.errors import McdeskError
from mcdesk.core.reviews import Anchor, Role

# Longest observation note (characters); notes are short lines typed during a lesson.
MAX_NOTE_CHARS = 4_000
# Longest name of a teacher or a coach.
MAX_NAME_CHARS = 200


class CoachingError(McdeskError):
    """Something a coach asked for that cannot be done as given."""


class AlignedBy(enum.StrEnum):
    METADATA = "metadata"  # the recording's start time from its own metadata
    MANUAL = "manual"  # one note matched to a moment of the video by hand


@dataclass(frozen=True)
class Provenance:
    """Who captured or wrote an item, when, and on which portfolio."""

    name: str
    role: Role
    at: datetime
    portfolio_id: str
    portfolio_name: str = ""
    action: str = "captured"  # "captured" (a file) or "written" (notes, comments, text)

    def describe(self) -> str:
        """`Captured by Ana (coach), 3 May, on Ana's laptop`."""
        who = self.name or "someone"
        role = "teacher" if self.role is Role.EARNER else str(self.role)
        day = f"{self.at.day} {self.at.strftime('%B')}"
        where = f", on {self.portfolio_name}" if self.portfolio_name else ""
        return f"{self.action.capitalize()} by {who} ({role}), {day}{where}"


@dataclass(frozen=True)
class LookFor:
    """One thing to look for during the lesson: a method component of the micro-credential."""

    position: int
    text: str
    seen_at_ms: int | None = None  # observation clock when ticked; None: not seen yet

    @property
    def seen(self) -> bool:
        return self.seen_at_ms is not None


@dataclass(frozen=True)
class NoteVersion:
    """A note's text as one side saved it. Versions travel with the note, so two portfolios
    can tell an edit that follows another from two edits made apart."""

    id: str
    text: str
    rubric_criterion_id: str | None
    saved_at: datetime
    by: str
    portfolio_id: str


@dataclass(frozen=True)
class ObservationNote:
    """A short note typed during the lesson, `offset_ms` after the observation started."""

    id: str
    number: int  # "note 3", as the coach sees it; counted from 1
    offset_ms: int
    text: str
    rubric_criterion_id: str | None
    current_version_id: str
    clip_start_ms: int | None = None
    clip_end_ms: int | None = None
    clip_evidence_id: str | None = None
    versions: tuple[NoteVersion, ...] = ()
    choose_between: tuple[str, ...] = ()  # version ids edited on both sides: the user picks

    @property
    def has_clip(self) -> bool:
        return self.clip_start_ms is not None and self.clip_end_ms is not None


@dataclass(frozen=True)
class Observation:
    """One observed lesson: whose, against which micro-credential, when it started, and (once
    the video is added) how its clock maps onto the video's."""

    id: str
    teacher: str
    achievement_id: str
    mc_version: str
    mc_name: str
    started_at: datetime
    look_fors: tuple[LookFor, ...] = ()
    notes: tuple[ObservationNote, ...] = ()
    video_evidence_id: str | None = None
    shift_ms: int | None = None  # video time = note offset + shift
    aligned_by: AlignedBy | None = None
    provenance: Provenance | None = None

    def video_ms(self, note: ObservationNote) -> int | None:
        """Where `note` falls in the aligned video (None until aligned)."""
        return None if self.shift_ms is None else note.offset_ms + self.shift_ms

    def note(self, number: int) -> ObservationNote:
        for note in self.notes:
            if note.number == number:
                return note
        raise CoachingError(f"this observation has no note {number}")


def shift_from_metadata(observation_started: datetime, video_started: datetime) -> int:
    """Milliseconds to add to an observation offset to land on the video's clock, when both
    clocks are wall time (the coach's laptop and the camera)."""
    return round((observation_started - video_started).total_seconds() * 1000)


def shift_from_match(note: ObservationNote, player_ms: int) -> int:
    """The shift that puts `note` at `player_ms` ("this is note 3" at the player position)."""
    if player_ms < 0:
        raise CoachingError("the player position cannot be before the start of the video")
    return player_ms - note.offset_ms


@dataclass(frozen=True)
class CoachComment:
    """A coach's comment on a teacher's draft, anchored like a review comment; it may suggest a
    caption for an attached evidence or a clip of a video, which the teacher can accept."""

    id: str
    draft_id: str
    anchor: Anchor
    text: str
    rubric_criterion_id: str | None = None
    suggested_caption: str | None = None
    suggested_criterion_id: str | None = None  # the submission criterion the caption is for
    accepted_at: datetime | None = None
    provenance: Provenance | None = None
    updated_at: datetime | None = None

    @property
    def suggests_clip(self) -> bool:
        return self.anchor.start_ms is not None and self.anchor.end_ms is not None


@dataclass(frozen=True)
class PracticeScore:
    """A coach's practice score of one rubric criterion: never sent to the issuer."""

    draft_id: str
    rubric_criterion_id: str
    level_id: str | None
    note: str = ""
    by: str = ""
    portfolio_id: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True)
class CoachedItem:
    criterion_id: str
    evidence_id: str
    position: int
    caption: str = ""


@dataclass(frozen=True)
class CoachedDraft:
    """A teacher's draft as a coach received it by exchange: read-only here, commented on."""

    id: str
    submission_id: str
    achievement_id: str
    mc_version: str
    mc_name: str
    attempt: int
    owner: str
    answers: tuple[tuple[str, str], ...]  # (criterion id, text)
    items: tuple[CoachedItem, ...]
    received_at: datetime
    from_portfolio_id: str
