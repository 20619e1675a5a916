"""Draft use cases: start a draft for a micro-credential, attach evidence, write answers with
autosave and versions, self-assess, check readiness, record decisions, resubmit, and freeze a
snapshot for packaging; worker thread (writes on the writer lane; write_answer is one small
transaction, fine on every debounced keystroke)."""

from __future__ import annotations

import builtins
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from mcdesk.core.catalog import (
    MicroCredential,
    ResponseKind,
    SubmissionCriterion,
    SubmissionPart,
)
from mcdesk.core.drafts import (
    DEFAULT_MAX_ATTEMPTS,
    Answer,
    AnswerVersion,
    Attachment,
    CriterionFeedback,
    Draft,
    DraftStatus,
    Readiness,
    SnapshotItem,
    SubmissionSnapshot,
)
from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.core.evidence import Evidence, RosterEntry
from mcdesk.core.readiness import (
    ServerLimits,
    TextNameHit,
    check_readiness,
    criterion_label,
    kind_words,
    kinds_words,
)
from mcdesk.services.catalog import CatalogService
from mcdesk.services.evidence import EvidenceService, find_name
from mcdesk.storage.draft_store import DraftStore
from mcdesk.storage.portfolio import Portfolio

# The shortest start of an id a user may type instead of the whole id.
MIN_PREFIX = 6
_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}


class DraftService:
    """Drafts of submissions in one portfolio. Thread-safe: every call opens its own session."""

    def __init__(self, portfolio: Portfolio, catalog: CatalogService,
                 evidence: EvidenceService, *, max_attempts: int = DEFAULT_MAX_ATTEMPTS,
                 clock: Callable[[], datetime] | None = None) -> None:
        self._portfolio = portfolio
        self._catalog = catalog
        self._evidence = evidence
        self._store = DraftStore(portfolio.database)
        self.max_attempts = max_attempts
        self._clock = clock or (lambda: datetime.now(UTC))
        self._definitions: dict[tuple[str, str], tuple[str, MicroCredential]] = {}
        self._definitions_lock = threading.Lock()

    # -- drafts ----------------------------------------------------------------------------

    def new(self, mc_reference: str) -> Draft:
        """Start a draft of the current version of a micro-credential (its id, the last part of
        its id, or its name); the draft stays on that version."""
        achievement_id = self._catalog.resolve(mc_reference)
        stored = self._portfolio.catalog.definition(achievement_id)
        mc = self._micro_credential(achievement_id, stored.version)
        if not any(part.criteria for part in mc.submission_parts):
            raise McdeskError(
                f'"{mc.name}" has no submission criteria (it is a plain Open Badges '
                "achievement), so there is nothing to draft; only micro-credentials that list "
                "their submission criteria can be drafted")
        return self._store.create(achievement_id=achievement_id, mc_version=mc.version,
                                  mc_name=mc.name, now=self._clock())

    def list(self) -> builtins.list[Draft]:
        """Every draft not in the trash, the most recently changed first."""
        return self._store.all()

    def lines(self, limit: int | None = None
              ) -> builtins.list[tuple[str, str, int, DraftStatus]]:
        """(id, micro-credential name, attempt, status) of each draft `list` gives (or the
        first `limit`), read without the drafts' parts: what the list shows before their
        checks are done."""
        return [(i, name, attempt, DraftStatus(status))
                for i, name, attempt, status in self._store.lines(limit)]

    def get(self, draft_id: str) -> Draft:
        return self._store.get(draft_id)

    def usage(self) -> dict[str, builtins.list[str]]:
        """For each evidence id, the drafts using it ("Exit tickets, attempt 2")."""
        used: dict[str, builtins.list[str]] = {}
        seen: set[tuple[str, str]] = set()
        for evidence_id, draft_id, mc_name, attempt in self._store.usage_rows():
            if (evidence_id, draft_id) in seen:  # one piece answering two criteria
                continue
            seen.add((evidence_id, draft_id))
            label = mc_name + (f", attempt {attempt}" if attempt > 1 else "")
            used.setdefault(evidence_id, []).append(label)
        return used

    def resolve(self, reference: str) -> Draft:
        """The draft a user means: its id or the first 6 or more characters of it."""
        reference = reference.strip()
        ids = self._store.ids()
        matches = [i for i in ids if i == reference] or [
            i for i in ids if len(reference) >= MIN_PREFIX and i.startswith(reference.lower())]
        if len(matches) == 1:
            return self._store.get(matches[0])
        if not matches:
            hint = (f" (give at least {MIN_PREFIX} characters of its id)"
                    if 0 < len(reference) < MIN_PREFIX else "")
            raise NotFoundError(f'no draft matches "{reference}"{hint}')
        raise McdeskError(f'"{reference}" matches {len(matches)} drafts; give more of its id')

    def micro_credential(self, draft: Draft | str) -> MicroCredential:
        """The version of the micro-credential the draft was started on."""
        if isinstance(draft, Draft):
            return self._micro_credential(draft.achievement_id, draft.mc_version)
        return self._micro_credential(*self._store.pinned(draft))

    def delete(self, draft_id: str) -> None:
        """Move a draft to the trash; everything in it is kept and can be restored."""
        self._store.move_to_trash(draft_id, self._clock())

    def restore(self, draft_id: str) -> Draft:
        """Bring a draft back from the trash."""
        return self._store.restore_from_trash(draft_id)

    def trashed(self) -> builtins.list[Draft]:
        live = set(self._store.ids())
        return [d for d in self._store.all(include_trashed=True) if d.id not in live]

    # -- the checklist ---------------------------------------------------------------------

    def criterion(self, draft: Draft | str, reference: str) -> SubmissionCriterion:
        """A submission criterion of the draft's micro-credential, by its id or a unique start
        of it (case does not matter)."""
        mc = self.micro_credential(draft)
        return find_criterion(mc, reference)

    # -- attached evidence -----------------------------------------------------------------

    def attach(self, draft_id: str, criterion_id: str, evidence_id: str,
               caption: str = "") -> Attachment:
        """Attach one evidence to one criterion, after the ones already there. The same
        evidence may serve several criteria."""
        criterion = self._criterion_of(draft_id, criterion_id)
        evidence = self._evidence.get(evidence_id)
        if criterion.response is ResponseKind.TEXT:
            raise McdeskError(f'"{_short(criterion.prompt)}" asks for a written answer, not '
                              "evidence; write the answer instead")
        kinds = criterion.evidence_kinds
        if kinds and evidence.kind not in kinds:
            raise McdeskError(f'"{evidence.title}" is {kind_words(evidence.kind)}; '
                              f'"{_short(criterion.prompt)}" accepts {kinds_words(kinds)}')
        return self._store.attach(draft_id, criterion.id, evidence.id, caption.strip(),
                                  self._clock())

    def detach(self, draft_id: str, criterion_id: str, evidence_id: str) -> None:
        """Take an evidence off a criterion (the evidence stays in the library)."""
        self._store.detach(draft_id, criterion_id, evidence_id, self._clock())

    def move(self, draft_id: str, criterion_id: str, evidence_id: str,
             position: int) -> builtins.list[Attachment]:
        """Reorder: put one attachment at `position` (0 is first); returns the new order."""
        return self._store.move(draft_id, criterion_id, evidence_id, position, self._clock())

    def set_caption(self, draft_id: str, criterion_id: str, evidence_id: str,
                    caption: str) -> Attachment:
        """The note the assessor reads beside this evidence ("minute 3: the exit ticket")."""
        return self._store.set_caption(draft_id, criterion_id, evidence_id, caption.strip(),
                                       self._clock())

    # -- written answers -------------------------------------------------------------------

    def write_answer(self, draft_id: str, criterion_id: str, text: str) -> Answer:
        """Save an answer as it is typed: on disk (fsynced) when this returns. An unchanged
        text writes nothing; earlier states are kept as versions."""
        criterion = self._criterion_of(draft_id, criterion_id)
        if criterion.response is not ResponseKind.TEXT:
            raise McdeskError(f'"{_short(criterion.prompt)}" asks for evidence, not a written '
                              "answer; attach evidence instead")
        return self._store.write_answer(draft_id, criterion.id, text, self._clock())

    def answer_versions(self, draft_id: str, criterion_id: str) -> builtins.list[AnswerVersion]:
        """The saved states of one answer, newest first (the first is the current text)."""
        self._store.pinned(draft_id)  # a clear error for an unknown draft
        return self._store.answer_versions(draft_id, criterion_id)

    def restore_version(self, draft_id: str, version_id: int) -> Answer:
        """Make an earlier version the answer again; the text it replaces stays a version."""
        return self._store.restore_version(draft_id, version_id, self._clock())

    # -- self-assessment -------------------------------------------------------------------

    def set_self_assessment(self, draft_id: str, rubric_criterion_id: str,
                            level_id: str | None) -> Draft:
        """Mark the level the earner thinks their work reaches on one rubric criterion (None
        clears the mark)."""
        mc = self.micro_credential(draft_id)
        rubric = mc.rubric_criterion(rubric_criterion_id)
        if rubric is None:
            raise McdeskError(f'"{rubric_criterion_id}" is not a rubric criterion of '
                              f'"{mc.name}"')
        if level_id is not None and level_id not in {level.id for level in rubric.levels}:
            names = ", ".join(level.name for level in rubric.levels)
            raise McdeskError(f'"{level_id}" is not a level of "{rubric.name}" (its levels: '
                              f"{names})")
        self._store.set_self_assessment(draft_id, rubric_criterion_id, level_id, self._clock())
        return self._store.get(draft_id)

    # -- readiness -------------------------------------------------------------------------

    def check(self, draft_id: str, *, server_limits: ServerLimits | None = None) -> Readiness:
        """Everything standing between the draft and sending it, each with where it is and
        how to fix it. `server_limits` adds the limits of the server it will go to."""
        return self._check(self._store.get(draft_id), self._evidence.roster(),
                           server_limits=server_limits)

    def check_all(self) -> builtins.list[tuple[Draft, Readiness]]:
        """Every draft not in the trash (as `list` orders them) with what `check` says of it,
        the drafts and the roster read once for all."""
        roster = self._evidence.roster()
        return [(draft, self._check(draft, roster)) for draft in self._store.all()]

    def _check(self, draft: Draft, roster: Sequence[RosterEntry], *,
               server_limits: ServerLimits | None = None) -> Readiness:
        mc = self.micro_credential(draft)
        attached_ids = sorted({a.evidence_id for a in draft.attachments})
        live = self._evidence.live(attached_ids)
        evidence_by_id: dict[str, Evidence] = {}
        unavailable: dict[str, str] = {}
        for evidence_id in attached_ids:
            evidence = live.get(evidence_id)
            if evidence is None:
                try:
                    evidence = self._evidence.get(evidence_id)
                except NotFoundError:
                    continue
                unavailable[evidence_id] = "it is in the trash"
            evidence_by_id[evidence_id] = evidence
            path = self._evidence.file_path(evidence)
            if path is not None and not path.is_file():
                unavailable[evidence_id] = ("its stored file is missing (File › Check "
                                            "portfolio looks for it)")
        # Versions are offered as fixes (a copy without location): only those not in the trash.
        attached = list(evidence_by_id.values())
        versions = self._evidence.live({v for e in attached for v in e.versions})
        for evidence in attached:
            for version_id in evidence.versions:
                if version_id in versions:
                    evidence_by_id.setdefault(version_id, versions[version_id])
        return check_readiness(
            draft, mc, evidence_by_id,
            roster_hits=self._evidence.roster_hits(attached_ids) if attached_ids else [],
            text_hits=self._text_hits(draft, roster),
            server_limits=server_limits,
            unavailable=unavailable,
        )

    def _text_hits(self, draft: Draft,
                   roster: Sequence[RosterEntry]) -> builtins.list[TextNameHit]:
        """Roster names in the draft's own words: its answers and captions."""
        hits: builtins.list[TextNameHit] = []
        if not roster:
            return hits
        for answer in draft.answers:
            for entry in roster:
                hits += [TextNameHit(answer.criterion_id, entry.name, context)
                         for context in find_name(answer.text, entry.name)]
        for attachment in draft.attachments:
            if attachment.caption:
                for entry in roster:
                    hits += [TextNameHit(attachment.criterion_id, entry.name, context,
                                         attachment.evidence_id)
                             for context in find_name(attachment.caption, entry.name)]
        return hits

    # -- sending and coming back -----------------------------------------------------------

    def set_status(self, draft_id: str, status: DraftStatus) -> Draft:
        """Mark a draft packaged or submitted (packaging and sync call this), or a draft again.
        Decisions go through record_decision."""
        if status in (DraftStatus.EARNED, DraftStatus.NOT_YET):
            raise McdeskError("a decision is recorded with its feedback (record_decision)")
        return self._store.set_status(draft_id, status, self._clock())

    def record_decision(self, draft_id: str, status: DraftStatus,
                        feedback: Sequence[CriterionFeedback] = ()) -> Draft:
        """The issuer's decision on this attempt, EARNED or NOT_YET, with what assessors said
        per rubric criterion. Recording again replaces the earlier record."""
        if status not in (DraftStatus.EARNED, DraftStatus.NOT_YET):
            raise McdeskError(f'a decision is "{DraftStatus.EARNED}" or '
                              f'"{DraftStatus.NOT_YET}", not "{status}"')
        seen: set[str] = set()
        for item in feedback:
            if item.rubric_criterion_id in seen:
                raise McdeskError(f'the feedback names rubric criterion '
                                  f'"{item.rubric_criterion_id}" twice')
            seen.add(item.rubric_criterion_id)
        return self._store.record_decision(draft_id, status, feedback, self._clock())

    def start_resubmission(self, draft_id: str, *, max_attempts: int | None = None) -> Draft:
        """Attempt n+1 of a submission that came back "not yet": its answers, attachments and
        self-assessment copied, the assessors' feedback shown beside it. Refused past the
        issuer's cap on attempts (`max_attempts`, by default the service's)."""
        draft = self._store.get(draft_id)
        cap = max_attempts if max_attempts is not None else self.max_attempts
        if draft.status is not DraftStatus.NOT_YET:
            raise McdeskError(
                f'attempt {draft.attempt} of "{draft.mc_name}" is {draft.status}; only a '
                'submission that came back "not yet" can be resubmitted')
        following = self._store.next_attempt_id(draft.id)
        if following is not None:
            raise McdeskError(
                f'attempt {draft.attempt + 1} of "{draft.mc_name}" was already started '
                f"(draft {following[:8]}); continue that one")
        if draft.attempt >= cap:
            raise McdeskError(
                f'"{draft.mc_name}" allows {cap} attempt{"s" if cap != 1 else ""} and this was '
                f"attempt {draft.attempt}, so a {_ordinal(draft.attempt + 1)} attempt cannot "
                "be started; ask the issuer whether another submission is possible")
        return self._store.start_next_attempt(draft.id, self._clock())

    def attempts(self, draft_id: str) -> builtins.list[Draft]:
        """Every attempt of the submission `draft_id` belongs to, first to last."""
        chain = [self._store.get(draft_id, include_trashed=True)]
        while chain[0].previous_attempt_id is not None:
            chain.insert(0, self._store.get(chain[0].previous_attempt_id, include_trashed=True))
        following = self._store.next_attempt_id(chain[-1].id)
        while following is not None:
            chain.append(self._store.get(following, include_trashed=True))
            following = self._store.next_attempt_id(following)
        return chain

    # -- packaging -------------------------------------------------------------------------

    def snapshot(self, draft_id: str) -> SubmissionSnapshot:
        """The draft frozen for a package: its answers and attached evidence in checklist
        order, with stored file paths and consent. The submission id is the draft's, so a
        package rebuilt or re-sent for this attempt is the same submission. Work for criteria
        the micro-credential version does not ask for is left out (check() warns of it)."""
        draft = self._store.get(draft_id)
        mc = self.micro_credential(draft)
        answers = []
        items: builtins.list[SnapshotItem] = []
        cache: dict[str, Evidence] = {}
        for _part, criterion in _criteria(mc):
            if criterion.response is ResponseKind.TEXT:
                answers += [a for a in draft.answers
                            if a.criterion_id == criterion.id and a.text.strip()]
                continue
            for attachment in draft.attached(criterion.id):
                evidence = cache.get(attachment.evidence_id)
                if evidence is None:
                    evidence = cache[attachment.evidence_id] = self._evidence.get(
                        attachment.evidence_id)
                path = self._evidence.file_path(evidence)
                items.append(SnapshotItem(
                    criterion_id=criterion.id, position=attachment.position,
                    caption=attachment.caption, evidence=evidence,
                    file_path=str(path) if path is not None else None,
                    consent=evidence.consent))
        return SubmissionSnapshot(
            submission_id=draft.submission_id, draft_id=draft.id,
            achievement_id=draft.achievement_id, mc_version=draft.mc_version,
            mc_name=draft.mc_name, attempt=draft.attempt, answers=tuple(answers),
            items=tuple(items), self_assessment=draft.self_assessment,
            created_at=self._clock())

    # -- helpers ---------------------------------------------------------------------------

    def _criterion_of(self, draft_id: str, reference: str) -> SubmissionCriterion:
        return find_criterion(self._micro_credential(*self._store.pinned(draft_id)), reference)

    def _micro_credential(self, achievement_id: str, version: str) -> MicroCredential:
        """A stored version, parsed once (again only if it was re-imported with changes)."""
        from mcdesk.credentials.achievement import parse_achievement_text

        source = self._portfolio.catalog.definition(achievement_id, version).source_json
        key = (achievement_id, version)
        with self._definitions_lock:
            cached = self._definitions.get(key)
            if cached is not None and cached[0] == source:
                return cached[1]
        mc = parse_achievement_text(source)
        with self._definitions_lock:
            self._definitions[key] = (source, mc)
        return mc


def find_criterion(mc: MicroCredential, reference: str) -> SubmissionCriterion:
    """A submission criterion by its id, the id in any case, or a unique start of it."""
    criteria = [criterion for _part, criterion in _criteria(mc)]
    wanted = reference.strip()
    matches = [c for c in criteria if c.id == wanted] or [
        c for c in criteria if c.id.casefold() == wanted.casefold()] or [
        c for c in criteria if wanted and c.id.casefold().startswith(wanted.casefold())]
    if len(matches) == 1:
        return matches[0]
    ids = ", ".join(c.id for c in criteria)
    if not matches:
        raise McdeskError(f'"{reference}" is not a submission criterion of "{mc.name}" '
                          f"(its criteria: {ids})")
    raise McdeskError(f'"{reference}" matches several criteria of "{mc.name}": '
                      + ", ".join(c.id for c in matches))


def criteria_with_labels(mc: MicroCredential) -> builtins.list[
        tuple[SubmissionPart, SubmissionCriterion, str]]:
    """Every criterion with its part and its checklist label, in order."""
    return [(part, criterion, criterion_label(part, criterion))
            for part, criterion in _criteria(mc)]


def _criteria(mc: MicroCredential) -> builtins.list[tuple[SubmissionPart, SubmissionCriterion]]:
    return [(part, criterion) for part in mc.submission_parts for criterion in part.criteria]


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + "…"


def _ordinal(number: int) -> str:
    return _ORDINALS.get(number, f"{number}th")
