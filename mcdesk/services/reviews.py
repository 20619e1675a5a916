"""Assessor review use cases: the queue, opening a package for review, scoring, anchored
comments, the decision and its override, time spent, finishing (the outbox) or exporting a
review file carried by hand, and, for the earner, importing one; worker thread (every edit is
one short transaction on the writer lane, safe ~0.5 s after each change)."""

from __future__ import annotations

import builtins
import dataclasses
import json
import logging
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from mcdesk import __version__
from mcdesk.core.catalog import MicroCredential, RubricCriterion
from mcdesk.core.drafts import CriterionFeedback
from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.core.packages import METADATA_PATH, PackageRefusedError, ReceivedPackage
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.core.reviews import (
    DECISIONS,
    MAX_COMMENT_CHARS,
    MAX_COMMENTS,
    Anchor,
    Annotation,
    AnnotationError,
    Audience,
    CommentKind,
    CriterionScore,
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
    sorted_for_timeline,
)
from mcdesk.core.sync import Assignment, ReviewPush, ReviewScore
from mcdesk.formats.review_file import REVIEW_PATH, read_review_bag, write_review_file
from mcdesk.services.catalog import CatalogService
from mcdesk.services.packages import (
    DOWNLOADS_DIR,
    RECEIVED_DIR,
    PackageService,
    safe_slug,
    submission_uuid,
)
from mcdesk.storage.portfolio import Portfolio
from mcdesk.storage.review_store import (
    ChangedMeanwhileError,
    NewReview,
    ReviewStore,
    locked_message,
)

log = logging.getLogger(__name__)

REVIEW_SCHEMA = "mcdesk-review.schema.json"
REVIEW_FORMAT_ID = "https://purl.mcdesk.org/schemas/mcdesk-review-v1.json"
REVIEW_FORMAT_VERSION = 1
#: The extension suggested for review files (any name the user gives is used as given).
REVIEW_EXTENSION = ".mcreview"
#: The shortest start of a review id a user may type instead of the whole id.
MIN_PREFIX = 4
#: Text evidence beyond this many bytes is cut when shown to the assessor.
TEXT_EVIDENCE_LIMIT = 2_000_000
_RETRIES = 5

T = TypeVar("T")


class ReviewFileError(McdeskError):
    """A review file was refused: unsafe, damaged, or not a review mcdesk understands.
    `problems` lists every reason found, each naming the entry or field."""

    def __init__(self, problems: Sequence[str], *, path: Path | str) -> None:
        self.problems = tuple(problems) or ("not a valid review file",)
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(f"review file refused: {self.problems[0]}{suffix}", path=path)


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


@dataclass(frozen=True)
class ReviewFileContent:
    """A review file that passed every check."""

    path: Path
    review_id: str
    created_at: datetime
    submission_id: str
    fingerprint: str  # of the reviewed package
    mc_id: str
    mc_version: str
    mc_name: str
    attempt: int
    scores: tuple[CriterionScore, ...]
    comments: tuple[Annotation, ...]
    decision: str
    rule_decision: str | None
    override_reason: str
    seconds_spent: int
    blind: bool
    software: str
    file_fingerprint: str  # of the review file itself


@dataclass(frozen=True)
class ImportedReview:
    """What importing a review file gave the earner's draft."""

    path: Path
    draft_id: str
    review_id: str
    submission_id: str
    mc_name: str
    attempt: int
    decision: str
    feedback: tuple[CriterionFeedback, ...]
    comments: tuple[Annotation, ...]  # those meant for the earner
    withheld: int  # comments meant for the issuer only, left out


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

    def summaries(self) -> list[ReviewSummary]:
        """The queue: reviews due soonest first, then the newest."""
        lines = []
        reviews = self._store.all()
        for review in reviews:
            rubric = self.rubric(review)
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
                if evidence.kind == "text" and evidence.file is not None:
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
        from mcdesk.credentials.achievement import parse_achievement_text

        key = (review.mc_id, review.mc_version)
        try:
            source = self._portfolio.catalog.definition(*key).source_json
        except NotFoundError:
            return None
        with self._definitions_lock:
            cached = self._definitions.get(key)
            if cached is not None and cached[0] == source:
                return cached[1]
        try:
            mc = parse_achievement_text(source)
        except McdeskError as exc:
            log.warning("Cannot read the definition of %s: %s", review.mc_id, exc)
            return None
        with self._definitions_lock:
            self._definitions[key] = (source, mc)
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
            self._check_complete(review)

        return self._change(review_id, check, allowed={ReviewState.IN_PROGRESS,
                                                       ReviewState.CONFLICT},
                            state=ReviewState.QUEUED, finished_at=self._clock(), error="")

    def reopen(self, review_id: str) -> Review:
        """Take a finished review back while it is still waiting to be sent."""
        review = self._store.get(review_id)
        if review.state in (ReviewState.IN_PROGRESS, ReviewState.CONFLICT):
            return review
        if review.state is not ReviewState.QUEUED:
            raise ReviewLockedError(locked_message(review))
        return self._store.transition(review_id, self._clock(), allowed={ReviewState.QUEUED},
                                      state=ReviewState.IN_PROGRESS, finished_at=None)

    def export(self, review_id: str, dest: Path, control: JobControl = NULL_CONTROL) -> Path:
        """Write the review file to `dest` (whole or not at all) and lock the review; a
        review already exported or sent may be exported again (a copy)."""
        dest = dest.expanduser().absolute()
        if dest.is_dir():
            raise McdeskError("this is a folder; give a file name for the review file",
                              path=dest)
        if not dest.parent.is_dir():
            raise McdeskError("the folder to save the review file in does not exist",
                              path=dest.parent)
        for _attempt in range(_RETRIES):
            review = self._store.get(review_id)
            if review.state is ReviewState.CLOSED:
                raise ReviewLockedError(locked_message(review))
            rubric = self.rubric(review)
            self._check_complete(review, rubric)
            body = self._review_json(review, rubric)
            data = (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode()
            now = self._clock()
            write_review_file(dest, _bag_name(review), data, _review_bag_info(review, now),
                              timestamp=now.astimezone(UTC).replace(tzinfo=None),
                              control=control)
            if review.state in (ReviewState.EXPORTED, ReviewState.SENT):
                return dest
            try:
                self._store.transition(review_id, now, allowed={
                    ReviewState.IN_PROGRESS, ReviewState.QUEUED, ReviewState.CONFLICT},
                    expected=review, state=ReviewState.EXPORTED, finished_at=now, error="")
            except ChangedMeanwhileError:
                continue  # an edit landed while the file was written: write it again
            return dest
        raise McdeskError("the review kept changing while it was exported; try again")

    # -- review files ----------------------------------------------------------------------

    def read_review_file(self, path: Path) -> ReviewFileContent:
        """Check a review file like a package: zip safety and small size limits, the bag and
        every hash, data/review.json against its schema, every comment. ReviewFileError names
        the file and lists each problem."""
        path = path.expanduser()
        try:
            reading = read_review_bag(path)
        except PackageRefusedError as exc:
            raise ReviewFileError(exc.problems, path=path) from None
        problems = list(reading.problems)
        body = _review_body(reading.kept.get(REVIEW_PATH),
                            any(f.path == REVIEW_PATH for f in reading.payload), problems)
        comments: list[Annotation] = []
        if body is not None:
            for number, wire in enumerate(body["comments"], start=1):
                try:
                    comments.append(Annotation.from_wire(wire))
                except AnnotationError as exc:
                    problems.append(f"{REVIEW_PATH}: comment {number} ({wire.get('id')}): "
                                    f"{exc.detail}")
            problems += _review_cross_checks(body, reading.info_value("External-Identifier"))
        if problems or body is None or reading.fingerprint is None:
            raise ReviewFileError(problems, path=path)
        submission = body["submission"]
        mc = submission["microCredential"]
        reason = body.get("overrideReason")
        return ReviewFileContent(
            path=path, review_id=_plain_uuid(body["id"]),
            created_at=datetime.fromisoformat(body["createdAt"].replace("Z", "+00:00")),
            submission_id=_plain_uuid(submission["id"]), fingerprint=submission["fingerprint"],
            mc_id=mc["id"], mc_version=mc["version"], mc_name=mc["name"],
            attempt=submission["attempt"],
            scores=tuple(CriterionScore(s["rubricCriterionId"], s["levelId"],
                                        s.get("feedback", "")) for s in body["scores"]),
            comments=tuple(comments), decision=body["decision"],
            rule_decision=body.get("ruleDecision"),
            override_reason=reason if isinstance(reason, str) else "",
            seconds_spent=int(body.get("secondsSpent", 0)), blind=bool(body.get("blind", True)),
            software=body["software"], file_fingerprint=reading.fingerprint)

    def import_review_file(self, path: Path) -> ImportedReview:
        """For the earner: attach a review file's feedback per rubric criterion and the
        comments meant for them to the draft of that submission (comments meant for the
        issuer only are left out). Importing another assessor's file adds theirs; importing
        the same file again changes nothing."""
        content = self.read_review_file(path)
        draft_id = self._store.draft_of_submission(content.submission_id)
        if draft_id is None:
            raise NotFoundError(
                f"this review is of submission {content.submission_id} ({content.mc_name}, "
                f"attempt {content.attempt}), which is not one of the drafts in this "
                "portfolio", path=content.path)
        feedback = tuple(CriterionFeedback(s.rubric_criterion_id, s.level_id, s.feedback)
                         for s in content.scores)
        mine = tuple(c for c in content.comments if c.audience is Audience.EARNER)
        self._store.record_received(draft_id, mine, feedback=feedback, merge=True)
        return ImportedReview(
            path=content.path, draft_id=draft_id, review_id=content.review_id,
            submission_id=content.submission_id, mc_name=content.mc_name,
            attempt=content.attempt, decision=content.decision, feedback=feedback,
            comments=mine, withheld=len(content.comments) - len(mine))

    # -- used by sync ----------------------------------------------------------------------

    def to_push(self, review_id: str) -> ReviewPush:
        """The review as the issuer protocol carries it (all its comments)."""
        review = self._store.get(review_id)
        rubric = self.rubric(review)
        decision = self._check_complete(review, rubric)
        scores = tuple(ReviewScore(c.id, level, review.score(c.id).feedback.strip())
                       for c in rubric
                       if (level := review.score(c.id).level_id) is not None)
        reason = review.override_reason.strip() if review.override_decision else ""
        return ReviewPush(review_id=review.id, scores=scores, decision=decision,
                          comments=tuple(c.wire() for c in sorted_for_timeline(review.comments)),
                          override_reason=reason or None)

    def pending_pushes(self, server: str) -> builtins.list[Review]:
        """Finished reviews of `server` waiting to be sent, the first finished first."""
        return self._store.in_state(ReviewState.QUEUED, server)

    def mark_sent(self, review_id: str, etag: str | None) -> Review:
        """The server holds the review: locked for good. (A review reopened while it was on
        its way keeps its edits, and the server's etag for sending them.)"""
        now = self._clock()
        review = self._store.get(review_id)
        if review.state is ReviewState.QUEUED:
            try:
                return self._store.transition(review_id, now, allowed={ReviewState.QUEUED},
                                              state=ReviewState.SENT, sent_at=now, etag=etag,
                                              error="")
            except McdeskError:
                review = self._store.get(review_id)
        if review.state in (ReviewState.IN_PROGRESS, ReviewState.CONFLICT):
            return self._store.transition(review_id, now, allowed={
                ReviewState.IN_PROGRESS, ReviewState.CONFLICT}, sent_at=now, etag=etag)
        return review

    def mark_conflict(self, review_id: str, message: str,
                      server_copy: Mapping[str, Any] | None, etag: str | None) -> Review:
        """The server holds another version: kept aside, shown, never overwritten."""
        return self._store.transition(
            review_id, self._clock(), allowed={ReviewState.QUEUED, ReviewState.IN_PROGRESS,
                                               ReviewState.CONFLICT},
            state=ReviewState.CONFLICT, error=message,
            server_copy_json=dict(server_copy) if server_copy is not None else None, etag=etag)

    def mark_closed(self, review_id: str, message: str) -> Review:
        """The submission was decided before this review reached the server."""
        return self._store.transition(
            review_id, self._clock(), allowed={ReviewState.QUEUED, ReviewState.IN_PROGRESS,
                                               ReviewState.CONFLICT, ReviewState.CLOSED},
            state=ReviewState.CLOSED, error=message)

    def mark_send_error(self, review_id: str, message: str) -> Review:
        """Sending failed for now: the review stays queued, the problem shown."""
        return self._store.transition(review_id, self._clock(), error=message)

    def resend_over_conflict(self, review_id: str) -> Review:
        """The user chose to send their version anyway: queued again, with the server's etag
        so the next push replaces exactly the version they saw."""
        def check(review: Review) -> None:
            if review.state is not ReviewState.CONFLICT:
                raise McdeskError(f"this review is {review.state}, not in conflict")
            self._check_complete(review)

        return self._change(review_id, check, allowed={ReviewState.CONFLICT},
                            state=ReviewState.QUEUED, finished_at=self._clock(), error="")

    def known_assignment_ids(self, server: str) -> set[str]:
        return self._store.known_assignment_ids(server)

    def add_assignment(self, server: str, assignment: Assignment) -> Review:
        """The queue line of an assignment, before its bag arrives (the same line when the
        assignment is known already)."""
        name = assignment.achievement_id.rstrip("/").rsplit("/", 1)[-1]
        try:
            stored = self._portfolio.catalog.definition(assignment.achievement_id,
                                                        assignment.version)
            from mcdesk.credentials.achievement import parse_achievement_text

            name = parse_achievement_text(stored.source_json).name
        except McdeskError:
            pass
        return self._store.add_assignment(NewReview(
            submission_id=assignment.submission_id.removeprefix("urn:uuid:"),
            mc_id=assignment.achievement_id, mc_version=assignment.version, mc_name=name,
            attempt=assignment.attempt, source=ReviewSource.ASSIGNMENT, server=server,
            assignment_id=assignment.assignment_id, due_at=assignment.due_at), self._clock())

    def attach_download(self, review_id: str, package: ReceivedPackage) -> Review:
        """The assignment's bag arrived and was opened into `package.folder`."""
        review = self._store.get(review_id)
        if submission_uuid(package.submission_id) != submission_uuid(review.submission_id):
            raise McdeskError(f"the downloaded package is submission {package.submission_id}, "
                              f"not the assigned {review.submission_id}",
                              path=package.folder)
        return self._store.transition(review_id, self._clock(), package_folder=package.folder,
                                      mc_name=package.mc_name)

    def downloads_dir(self) -> Path:
        """Where bags being downloaded are kept (their .part files survive a restart)."""
        folder = self._portfolio.layout.root / RECEIVED_DIR / DOWNLOADS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    # -- the earner's side -----------------------------------------------------------------

    def received_comments(self, draft_id: str) -> builtins.list[Annotation]:
        """Comments assessors meant for the earner on draft `draft_id`, in reading order."""
        return sorted_for_timeline(self._store.received_comments(draft_id))

    def record_received_comments(self, draft_id: str,
                                 comments: Sequence[Annotation]) -> None:
        """Replace the comments received on draft `draft_id` (sync, with a decision)."""
        self._store.record_received(draft_id, comments)

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

    def _check_complete(self, review: Review,
                        rubric: Sequence[RubricCriterion] | None = None) -> str:
        """The review's decision; ReviewIncompleteError listing what is missing."""
        rubric = self.rubric(review) if rubric is None else rubric
        problems = finish_problems(review, rubric)
        decision = final_decision(review, rubric)
        if problems or decision is None:
            raise ReviewIncompleteError("this review cannot be finished yet",
                                        problems or ["choose a level for every criterion"])
        return decision

    def _change(self, review_id: str, check: Callable[[Review], None], *,
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

    def _review_json(self, review: Review, rubric: Sequence[RubricCriterion]) -> dict[str, Any]:
        package = self.package(review)
        if package is None or not _is_sha256(package.fingerprint):
            raise McdeskError(f"the package of this review ({review.mc_name}, attempt "
                              f"{review.attempt}) is no longer in the portfolio; open it again "
                              "before exporting")
        scores = []
        for criterion in rubric:
            score = review.score(criterion.id)
            level = next((lv for lv in criterion.levels if lv.id == score.level_id), None)
            if level is None:
                continue
            scores.append({"rubricCriterionId": criterion.id, "levelId": level.id,
                           "feedback": score.feedback.strip(),
                           "rubricCriterionName": criterion.name, "levelName": level.name})
        decision = final_decision(review, rubric)
        reason = review.override_reason.strip() if review.override_decision else ""
        body: dict[str, Any] = {
            "type": "McdeskReview",
            "schemaVersion": REVIEW_FORMAT_VERSION,
            "id": f"urn:uuid:{uuid.UUID(review.id)}",
            "createdAt": _iso(self._clock()),
            "submission": {
                "id": f"urn:uuid:{submission_uuid(review.submission_id)}",
                "fingerprint": package.fingerprint,
                "microCredential": {"id": review.mc_id, "version": review.mc_version,
                                    "name": review.mc_name},
                "attempt": review.attempt,
            },
            "scores": scores,
            "comments": [c.wire() for c in sorted_for_timeline(review.comments)],
            "decision": decision,
            "ruleDecision": rule_decision(rubric, review.scores),
            "overrideReason": reason or None,
            "secondsSpent": review.seconds_spent,
            "blind": review.blind,
            "software": f"mcdesk {__version__}",
            "format": REVIEW_FORMAT_ID,
        }
        problems = _schema_problems(body)
        if problems:
            raise McdeskError("the review file does not match its schema (a bug in mcdesk, "
                              f"please report it): {'; '.join(problems)}")
        return body


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


def _is_sha256(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _plain_uuid(urn: str) -> str:
    return str(uuid.UUID(urn.removeprefix("urn:uuid:")))


def _bag_name(review: Review) -> str:
    return "-".join(filter(None, ("review", safe_slug(review.mc_name, 40),
                                  f"attempt-{review.attempt}", review.id[:8])))


def _review_bag_info(review: Review, now: datetime) -> list[tuple[str, str]]:
    return [
        ("External-Identifier", f"urn:uuid:{uuid.UUID(review.id)}"),
        ("External-Description", f"Micro-credential review: {review.mc_name} (version "
                                 f"{review.mc_version}), attempt {review.attempt}"),
        ("Bagging-Date", now.astimezone(UTC).date().isoformat()),
    ]


def _schema_problems(body: object) -> builtins.list[str]:
    from mcdesk.formats.schemas import schema_errors

    return schema_errors(REVIEW_SCHEMA, body, limit=20)


def _review_body(data: bytes | None, listed: bool,
                 problems: builtins.list[str]) -> dict[str, Any] | None:
    """data/review.json if it is sound; what is wrong with it added to `problems`."""
    if data is None:
        if not listed:
            problems.append(f"{REVIEW_PATH} is missing: this is not an mcdesk review file")
        return None  # too large: already reported
    try:
        body = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        problems.append(f"{REVIEW_PATH}: not UTF-8 text")
        return None
    except ValueError as exc:
        problems.append(f"{REVIEW_PATH}: not valid JSON ({exc})")
        return None
    if isinstance(body, dict) and isinstance(body.get("schemaVersion"), int) and (
            body["schemaVersion"] > REVIEW_FORMAT_VERSION):
        problems.append(f"{REVIEW_PATH}: format version {body['schemaVersion']} was made by a "
                        "newer mcdesk; update mcdesk to read it")
        return None
    found = [f"{REVIEW_PATH}: {p}" for p in _schema_problems(body)]
    if found or not isinstance(body, dict):
        problems += found
        return None
    return body


def _review_cross_checks(body: dict[str, Any], identifier: str | None) -> builtins.list[str]:
    """What a schema-valid review.json says that contradicts itself or its bag."""
    problems = []
    seen: set[str] = set()
    for score in body["scores"]:
        if score["rubricCriterionId"] in seen:
            problems.append(f"{REVIEW_PATH}: scores rubric criterion "
                            f"{score['rubricCriterionId']} twice")
        seen.add(score["rubricCriterionId"])
    rule = body.get("ruleDecision")
    reason = body.get("overrideReason")
    if rule is not None and body["decision"] != rule and not (
            isinstance(reason, str) and reason.strip()):
        problems.append(f"{REVIEW_PATH}: decides \u201c{body['decision']}\u201d against the "
                        f"rubric's \u201c{rule}\u201d without giving a reason")
    if identifier is not None and identifier != body["id"]:
        problems.append(f"bag-info.txt: External-Identifier {identifier} differs from the "
                        f"review id {body['id']}")
    return problems


def _text_evidence(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(TEXT_EVIDENCE_LIMIT + 1)
    except OSError as exc:
        return f"({exc.strerror or exc})"
    text = data[:TEXT_EVIDENCE_LIMIT].decode("utf-8", errors="replace")
    return text + ("\n…" if len(data) > TEXT_EVIDENCE_LIMIT else "")
