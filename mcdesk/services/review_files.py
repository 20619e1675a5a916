"""Review files carried by hand: an assessor exports a finished review to a file (a small
BagIt zip, whole or not at all, the review locked), and the earner imports one onto the draft
it reviews; worker thread (each change one short transaction on the writer lane)."""

from __future__ import annotations

import builtins
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mcdesk import __version__
from mcdesk.core.catalog import RubricCriterion
from mcdesk.core.drafts import CriterionFeedback
from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.core.packages import PackageRefusedError
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.core.reviews import (
    Annotation,
    AnnotationError,
    Audience,
    CriterionScore,
    Review,
    ReviewLockedError,
    ReviewSource,
    ReviewState,
    final_decision,
    rule_decision,
    sorted_for_timeline,
)
from mcdesk.formats.review_file import REVIEW_PATH, read_review_bag, write_review_file
from mcdesk.services.packages import safe_slug, submission_uuid
from mcdesk.services.reviews import ReviewService
from mcdesk.storage.portfolio import Portfolio
from mcdesk.storage.review_store import ChangedMeanwhileError, ReviewStore, locked_message

REVIEW_SCHEMA = "mcdesk-review.schema.json"
REVIEW_FORMAT_ID = "https://purl.mcdesk.org/schemas/mcdesk-review-v1.json"
REVIEW_FORMAT_VERSION = 1
# The extension suggested for review files (any name the user gives is used as given).
REVIEW_EXTENSION = ".mcreview"
_RETRIES = 5


class ReviewFileError(McdeskError):
    """A review file was refused: unsafe, damaged, or not a review mcdesk understands.
    `problems` lists every reason found, each naming the entry or field."""

    def __init__(self, problems: Sequence[str], *, path: Path | str) -> None:
        self.problems = tuple(problems) or ("not a valid review file",)
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(f"review file refused: {self.problems[0]}{suffix}", path=path)


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


class ReviewFileService:
    """Exporting reviews to files and importing them. Thread-safe like ReviewService."""

    def __init__(self, portfolio: Portfolio, reviews: ReviewService, *,
                 clock: Callable[[], datetime] | None = None) -> None:
        self._reviews = reviews
        self._store = ReviewStore(portfolio.database, portfolio.layout.root)
        self._clock = clock or (lambda: datetime.now(UTC))

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
            if review.source is ReviewSource.CALIBRATION:
                raise McdeskError("a calibration item is scored for its server only: finish "
                                  "it and sync to see how your levels compare")
            rubric = self._reviews.rubric(review)
            self._reviews.check_complete(review, rubric)
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

    # -- reading and importing ---------------------------------------------------------------

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

    def _review_json(self, review: Review, rubric: Sequence[RubricCriterion]) -> dict[str, Any]:
        package = self._reviews.package(review)
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
