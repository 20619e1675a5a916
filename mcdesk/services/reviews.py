"""Assessor review use cases: the queue, opening a package for review, scoring, anchored
comments, the decision and its override, time spent, finishing (for the outbox); worker thread
(every edit is one short transaction on the writer lane, safe ~0.5 s after each change).
Review files are in `review_files`, a review's server side in `review_outbox`, the earner's
received comments in `feedback`."""

from __future__ import annotations

import builtins
import dataclasses
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from mcdesk.core.catalog import EvidenceKind, MicroCredential, RubricCriterion
from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.core.packages import METADATA_PATH, ReceivedPackage
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.core.reviews import (
    DECISIONS,
    MAX_COMMENT_CHARS,
    MAX_COMMENTS,
    Anchor,
    Annotation,
    Audience,
    CommentKind,
    QueuedReview,
    Review,
    ReviewIncompleteError,
    ReviewLockedError,
    ReviewSource,
    ReviewState,
    ReviewSummary,
    final_decision,
    finish_problems,
    new_annotation,
    rule_decision,
    scored_criteria,
)
from mcdesk.services.catalog import CatalogService
from mcdesk.services.packages import (
    PackageService,
)
from mcdesk.storage import review_queue
from mcdesk.storage.portfolio import Portfolio
from mcdesk.storage.review_store import (
    ChangedMeanwhileError,
    NewReview,
    ReviewStore,
    locked_message,
)

log = logging.getLogger(__name__)

# The shortest start of a review id a user may type instead of the whole id.
MIN_PREFIX = 4
# Text evidence beyond this many bytes is cut when shown to the assessor.
TEXT_EVIDENCE_LIMIT = 2_000_000
_RETRIES = 5

T = TypeVar("T")


@dataclass(frozen=True)
class ReviewWork:
    """What the review workspace shows."""

    review: Review
    package: ReceivedPackage | None  # None while the bag is still downloading
    definition: MicroCredential | None  # from the catalog; None when it is not there
    rubric: tuple[RubricCriterion, ...]  # the definition's rubric criteria, in order
    decision: str | None  # final_decision(review, rubric)
    rule: str | None  # rule_decision(rubric, review.scores)
    problems: tuple[str, ...]  # finish_problems(review, rubric)
    earner_name: str | None  # from the package; the UI hides it while review.blind


class ReviewService:
    """An assessor's reviews in one portfolio. Thread-safe: every call opens its own
    session; each edit is one transaction, refused (ReviewLockedError) once the review is
    finished, sent or exported."""

    def __init__(self, portfolio: Portfolio, catalog: CatalogService, packages: PackageService,
                 *, clock: Callable[[], datetime] | None = None) -> None:
        self._portfolio = portfolio
        self._catalog = catalog
        self._packages = packages
        self._store = ReviewStore(portfolio.database, portfolio.layout.root)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._definitions: dict[tuple[str, str], tuple[str, MicroCredential] | None] = {}
        self._definitions_lock = threading.Lock()

    # -- the queue -------------------------------------------------------------------------

    def summaries(self, limit: int | None = None) -> list[ReviewSummary]:
        """The queue: reviews due soonest first, then the newest (`limit`: only the first
        that many, the others not read)."""
        lines = []
        reviews = review_queue.queued(self._portfolio.reads, limit)
        # One read of the catalog's marks for the whole page: a definition already parsed is
        # not read again (each is tens of kilobytes of JSON).
        stamps = self._portfolio.catalog.stamps([(r.mc_id, r.mc_version) for r in reviews])
        for review in reviews:
            rubric = _rubric_of(self._definition(review, stamps.get(
                (review.mc_id, review.mc_version))))
            lines.append(ReviewSummary(
                id=review.id, mc_name=review.mc_name, mc_version=review.mc_version,
                attempt=review.attempt, state=review.state, source=review.source,
                scored=scored_criteria(review, rubric), criteria=len(rubric),
                due_at=review.due_at, server=review.server,
                seconds_spent=review.seconds_spent, error=review.error))
        created = {r.id: r.created_at for r in reviews}
        far = datetime.max.replace(tzinfo=UTC)
        lines.sort(key=lambda s: -created[s.id].timestamp())
        lines.sort(key=lambda s: (s.due_at is None, s.due_at or far))
        return lines

    def get(self, review_id: str) -> Review:
        return self._store.get(review_id)

    def list(self) -> builtins.list[Review]:
        """Every review, the newest first."""
        return self._store.all()

    def evidence_texts(self, work: ReviewWork) -> dict[str, str]:
        """The words of each piece of text evidence in the package, by evidence id, for
        reading beside the review (cut at TEXT_EVIDENCE_LIMIT bytes; a file that cannot be
        read says why)."""
        texts: dict[str, str] = {}
        if work.package is None:
            return texts
        for criterion in work.package.criteria:
            for evidence in criterion.evidence:
                if evidence.kind == EvidenceKind.TEXT and evidence.file is not None:
                    texts[evidence.id] = _text_evidence(evidence.file)
        return texts

    def work(self, review_id: str) -> ReviewWork:
        review = self._store.get(review_id)
        definition = self.definition(review)
        rubric = _rubric_of(definition)
        package = self.package(review)
        return ReviewWork(
            review=review, package=package, definition=definition, rubric=rubric,
            decision=final_decision(review, rubric), rule=rule_decision(rubric, review.scores),
            problems=tuple(finish_problems(review, rubric)),
            earner_name=package.earner_name if package is not None else None)

    def resolve(self, reference: str) -> Review:
        """The review a user means: its id, the first 4 or more characters of it, or the id
        of the server's assignment."""
        wanted = reference.strip().removeprefix("urn:uuid:")
        ids = self._store.ids()
        matches = [i for i in ids if i == wanted] or [
            i for i in ids if len(wanted) >= MIN_PREFIX and i.startswith(wanted.lower())]
        if len(matches) == 1:
            return self._store.get(matches[0])
        if len(matches) > 1:
            raise McdeskError(f'"{reference}" matches {len(matches)} reviews; give more of its '
                              "id")
        by_assignment = self._store.by_assignment(wanted) if wanted else []
        if len(by_assignment) == 1:
            return by_assignment[0]
        if len(by_assignment) > 1:
            raise McdeskError(f'"{reference}" is an assignment of several servers; give the '
                              "review's id (see `mcdesk review list`)")
        hint = (f" (give at least {MIN_PREFIX} characters of its id)"
                if 0 < len(wanted) < MIN_PREFIX else "")
        raise NotFoundError(f'no review matches "{reference}"{hint}')

    def open_package(self, path: Path, control: JobControl = NULL_CONTROL) -> Review:
        """Verify and extract a submission package received by hand (PackageRefusedError,
        every problem listed, when it is unsafe or damaged) and return its review: a new one,
        or the one already started for that submission, its work kept (a rebuilt package of
        the same submission takes the earlier one's place)."""
        package = self._packages.open_received(path, control)
        sid = package.submission_id
        new = NewReview(submission_id=sid, mc_id=package.mc_id, mc_version=package.mc_version,
                        mc_name=package.mc_name, attempt=package.attempt,
                        source=ReviewSource.PACKAGE, package_folder=package.folder)
        review, created = self._store.create_or_get(new, self._clock(), lambda _r: True)
        if not created and review.package_folder != package.folder:
            review = self._store.transition(review.id, self._clock(),
                                            package_folder=package.folder)
        return review

    # -- what a review is measured against -------------------------------------------------

    def definition(self, review: Review) -> MicroCredential | None:
        """The version of the micro-credential the submission answers, from the catalog."""
        key = (review.mc_id, review.mc_version)
        return self._definition(review, self._portfolio.catalog.stamps([key]).get(key))

    def _definition(self, review: Review | QueuedReview,
                    stamp: str | None) -> MicroCredential | None:
        """The definition, parsed again only when its catalog mark (`stamp`, None: not in
        the catalog) changed since it was last parsed."""
        from mcdesk.credentials.achievement import parse_achievement_text

        key = (review.mc_id, review.mc_version)
        if stamp is None:
            return None
        with self._definitions_lock:
            cached = self._definitions.get(key)
            if cached is not None and cached[0] == stamp:
                return cached[1]
        try:
            # Read after the mark: a definition stored again meanwhile is newer than the
            # mark it is kept under, and is read once more next time.
            source = self._portfolio.catalog.definition(*key).source_json
        except NotFoundError:
            return None
        try:
            mc = parse_achievement_text(source)
        except McdeskError as exc:
            log.warning("Cannot read the definition of %s: %s", review.mc_id, exc)
            return None
        with self._definitions_lock:
            self._definitions[key] = (stamp, mc)
        return mc

    def rubric(self, review: Review) -> tuple[RubricCriterion, ...]:
        return _rubric_of(self.definition(review))

    def package(self, review: Review) -> ReceivedPackage | None:
        """The extracted submission of a review; None while it is downloading or gone."""
        folder = review.package_folder
        if folder is None or not (folder / METADATA_PATH).is_file():
            return None
        try:
            return self._packages.load_received(folder)
        except McdeskError as exc:
            log.warning("Cannot read the package of review %s: %s", review.id, exc)
            return None

    def rubric_criterion(self, review: Review | str, reference: str) -> RubricCriterion:
        """A rubric criterion of the review's micro-credential by its id, the end of its id,
        or its name (case does not matter)."""
        if isinstance(review, str):
            review = self._store.get(review)
        rubric = self.rubric(review)
        if not rubric:
            raise McdeskError(f"the rubric of {review.mc_name} (version {review.mc_version}) "
                              "is not in this portfolio's catalog; sync or import the "
                              "catalog first")
        found = _pick(rubric, reference, lambda c: (c.id, c.name))
        if found is None:
            names = "; ".join(c.name for c in rubric)
            raise McdeskError(f'"{reference}" is not a rubric criterion of "{review.mc_name}" '
                              f"(its criteria: {names})")
        return found

    def level(self, criterion: RubricCriterion, reference: str) -> str:
        """The id of a level of `criterion` by its id, the end of its id, or its name."""
        found = _pick(criterion.levels, reference, lambda lv: (lv.id, lv.name))
        if found is None:
            names = ", ".join(lv.name for lv in criterion.levels)
            raise McdeskError(f'"{reference}" is not a level of "{criterion.name}" (its levels: '
                              f"{names})")
        return found.id

    # -- edits (autosave) ------------------------------------------------------------------

    def set_level(self, review_id: str, rubric_criterion_id: str,
                  level_id: str | None) -> Review:
        """Choose the level (None: clear it) of one rubric criterion."""
        review = self._editable(review_id)
        criterion = self._criterion(review, rubric_criterion_id)
        if level_id is not None and level_id not in {lv.id for lv in criterion.levels}:
            names = ", ".join(lv.name for lv in criterion.levels)
            raise McdeskError(f'"{level_id}" is not a level of "{criterion.name}" (its levels: '
                              f"{names})")
        return self._store.set_score(review_id, criterion.id, self._clock(), level_id=level_id)

    def set_feedback(self, review_id: str, rubric_criterion_id: str, text: str) -> Review:
        """The feedback on one rubric criterion, as typed (sent trimmed)."""
        review = self._editable(review_id)
        criterion = self._criterion(review, rubric_criterion_id)
        if len(text) > MAX_COMMENT_CHARS:
            raise McdeskError(f"feedback holds at most {MAX_COMMENT_CHARS:,} characters")
        return self._store.set_score(review_id, criterion.id, self._clock(), feedback=text)

    def add_comment(self, review_id: str, anchor: Anchor, text: str, *,
                    kind: CommentKind = CommentKind.NOTE,
                    rubric_criterion_id: str | None = None,
                    audience: Audience = Audience.EARNER) -> Annotation:
        """A new comment at `anchor` (AnnotationError when it cannot be stored as given)."""
        review = self._editable(review_id)
        if rubric_criterion_id is not None:
            rubric_criterion_id = self._criterion(review, rubric_criterion_id).id
        if len(review.comments) >= MAX_COMMENTS:
            raise McdeskError(f"a review holds at most {MAX_COMMENTS:,} comments")
        comment = new_annotation(anchor, text, kind=CommentKind(kind),
                                 rubric_criterion_id=rubric_criterion_id,
                                 audience=Audience(audience), now=self._clock())
        return self._store.add_comment(review_id, comment, self._clock())

    def update_comment(self, review_id: str, comment: Annotation) -> Annotation:
        """Change a comment (same id): its text, kind, criterion, audience or anchor."""
        review = self._editable(review_id)
        rubric_criterion_id = comment.rubric_criterion_id
        if rubric_criterion_id is not None:
            rubric_criterion_id = self._criterion(review, rubric_criterion_id).id
        changed = dataclasses.replace(comment, text=comment.text.strip(),
                                      rubric_criterion_id=rubric_criterion_id)
        changed.check()
        return self._store.update_comment(review_id, changed, self._clock())

    def delete_comment(self, review_id: str, comment_id: str) -> None:
        self._editable(review_id)
        self._store.delete_comment(review_id, comment_id, self._clock())

    def set_override(self, review_id: str, decision: str | None, reason: str) -> Review:
        """Decide differently from the rubric's rule ("earned" or "not yet", with a written
        reason before finishing), or follow the rule again (None)."""
        self._editable(review_id)
        if decision is not None and decision not in DECISIONS:
            raise McdeskError(f'a decision is "{DECISIONS[0]}" or "{DECISIONS[1]}", not '
                              f'"{decision}"')
        if len(reason) > MAX_COMMENT_CHARS:
            raise McdeskError(f"a reason holds at most {MAX_COMMENT_CHARS:,} characters")
        return self._store.edit(review_id, self._clock(), override_decision=decision,
                                override_reason=reason)

    def add_time(self, review_id: str, seconds: int) -> Review:
        """Add `seconds` to the time spent on the review; nothing once it is locked."""
        return self._store.add_time(review_id, max(0, int(seconds)), self._clock())

    def set_blind(self, review_id: str, blind: bool) -> Review:
        """Blind review hides the earner's name and what the package marks identifying."""
        self._editable(review_id)
        return self._store.edit(review_id, self._clock(), blind=bool(blind))

    # -- finishing -------------------------------------------------------------------------

    def finish(self, review_id: str) -> Review:
        """Finish a server's review: it is locked and sent on the next sync (reopen() takes
        it back until then). A review opened from a package file is finished by export()."""
        def check(review: Review) -> None:
            if review.locked:
                raise ReviewLockedError(locked_message(review))
            if review.source is ReviewSource.PACKAGE:
                raise McdeskError("this review was opened from a package file, so no server "
                                  "waits for it: export it to a review file to finish it "
                                  f"(`mcdesk review export {review.id[:8]} -o FILE`)")
            self.check_complete(review)

        return self.change_state(review_id, check, allowed={ReviewState.IN_PROGRESS,
                                                       ReviewState.CONFLICT},
                            state=ReviewState.QUEUED, finished_at=self._clock(), error="")

    def reopen(self, review_id: str) -> Review:
        """Take a finished review back while it is still waiting to be sent; a calibration
        item that did not release its assessor, to score it again (the server keeps the
        latest try)."""
        review = self._store.get(review_id)
        if review.state in (ReviewState.IN_PROGRESS, ReviewState.CONFLICT):
            return review
        if review.can_score_again:
            return self._store.transition(review_id, self._clock(), allowed={ReviewState.SENT},
                                          state=ReviewState.IN_PROGRESS, finished_at=None)
        if review.state is not ReviewState.QUEUED:
            raise ReviewLockedError(locked_message(review))
        return self._store.transition(review_id, self._clock(), allowed={ReviewState.QUEUED},
                                      state=ReviewState.IN_PROGRESS, finished_at=None)

    # -- helpers ---------------------------------------------------------------------------

    def _editable(self, review_id: str) -> Review:
        review = self._store.get(review_id)
        if review.locked:
            raise ReviewLockedError(locked_message(review))
        return review

    def _criterion(self, review: Review, rubric_criterion_id: str) -> RubricCriterion:
        rubric = self.rubric(review)
        for criterion in rubric:
            if criterion.id == rubric_criterion_id:
                return criterion
        if not rubric:
            raise McdeskError(f"the rubric of {review.mc_name} (version {review.mc_version}) "
                              "is not in this portfolio's catalog; sync or import the "
                              "catalog first")
        raise McdeskError(f'"{rubric_criterion_id}" is not a rubric criterion of '
                          f'"{review.mc_name}"')

    def check_complete(self, review: Review,
                        rubric: Sequence[RubricCriterion] | None = None) -> str:
        """The review's decision; ReviewIncompleteError listing what is missing."""
        rubric = self.rubric(review) if rubric is None else rubric
        problems = finish_problems(review, rubric)
        decision = final_decision(review, rubric)
        if problems or decision is None:
            raise ReviewIncompleteError("this review cannot be finished yet",
                                        problems or ["choose a level for every criterion"])
        return decision

    def change_state(self, review_id: str, check: Callable[[Review], None], *,
                allowed: set[ReviewState], **fields: Any) -> Review:
        """A state change that depends on the review as it is: checked, then made only if
        nothing changed in between (else checked again)."""
        for _attempt in range(_RETRIES):
            review = self._store.get(review_id)
            check(review)
            try:
                return self._store.transition(review_id, self._clock(), allowed=allowed,
                                              expected=review, **fields)
            except ChangedMeanwhileError:
                continue
        raise McdeskError("the review kept changing; try again")



# -- helpers -------------------------------------------------------------------------------


def _rubric_of(definition: MicroCredential | None) -> tuple[RubricCriterion, ...]:
    if definition is None:
        return ()
    return tuple(c for c in definition.rubric if c.is_rubric)


def _pick(items: Sequence[T], reference: str, names: Callable[[T], tuple[str, str]]
          ) -> T | None:
    """The one item whose id, id ending (after a '/'), or name is `reference` (any case)."""
    wanted = reference.strip()
    folded = " ".join(wanted.casefold().split())
    tests: tuple[Callable[[str, str], bool], ...] = (
        lambda id_, _name: id_ == wanted,
        lambda id_, _name: id_.casefold() == folded,
        lambda id_, _name: id_.casefold().rsplit("/", 1)[-1] == folded,
        lambda _id, name: " ".join(name.casefold().split()) == folded)
    for test in tests:
        matches = [item for item in items if test(*names(item))]
        if len(matches) == 1:
            return matches[0]
    return None


def _text_evidence(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(TEXT_EVIDENCE_LIMIT + 1)
    except OSError as exc:
        return f"({exc.strerror or exc})"
    text = data[:TEXT_EVIDENCE_LIMIT].decode("utf-8", errors="replace")
    return text + ("\n…" if len(data) > TEXT_EVIDENCE_LIMIT else "")

