"""Words the review workspace shows about a review and its pieces: its state, the banner of a
finished, sent or refused review, a piece's kind and name; GUI thread (translated)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from mcdesk.core.catalog import RubricCriterion, id_tail
from mcdesk.core.evidence import EvidenceKind
from mcdesk.core.packages import ReceivedEvidence
from mcdesk.core.reviews import (
    MAX_COMMENTS,
    Review,
    ReviewSource,
    ReviewState,
    finish_problem_facts,
)
from mcdesk.ui.widgets.locale_text import date_time_text, number_text

translate = QCoreApplication.translate


def describe_piece(evidence: ReceivedEvidence) -> str:
    words = {EvidenceKind.VIDEO: translate("ReviewWorkspace", "Video"),
             EvidenceKind.AUDIO: translate("ReviewWorkspace", "Recording"),
             EvidenceKind.IMAGE: translate("ReviewWorkspace", "Image"),
             EvidenceKind.DOCUMENT: translate("ReviewWorkspace", "Document"),
             EvidenceKind.TEXT: translate("ReviewWorkspace", "Text"),
             EvidenceKind.LINK: translate("ReviewWorkspace", "Link")}
    kind = words.get(evidence.kind, evidence.genre or translate("ReviewWorkspace", "Evidence"))
    return f"{kind}: {evidence.name}"


def state_words(state: ReviewState) -> str:
    return {ReviewState.IN_PROGRESS: translate("ReviewWorkspace", "in progress"),
            ReviewState.QUEUED: translate("ReviewWorkspace", "finished, waiting to be sent"),
            ReviewState.SENT: translate("ReviewWorkspace", "sent"),
            ReviewState.EXPORTED: translate("ReviewWorkspace", "exported"),
            ReviewState.CONFLICT: translate("ReviewWorkspace", "not sent: changed on the server"),
            ReviewState.CLOSED: translate("ReviewWorkspace", "closed")}[state]


def banner_text(review: Review, rubric: Sequence[RubricCriterion]) -> str:
    """The line above a review that is no longer being worked on: where it went, or why
    it did not (empty while in progress)."""
    text = ""
    moment = when(review.sent_at or review.finished_at)
    state = review.state
    if review.source is ReviewSource.CALIBRATION and (
            state is ReviewState.IN_PROGRESS or review.calibration is not None):
        return calibration_text(review, rubric)
    if state is ReviewState.QUEUED:
        text = translate("ReviewWorkspace",
                         "<b>Finished.</b> It goes to %1 with the next sync; until then you "
                   "can reopen it.").replace("%1", escape(review.server or ""))
        if review.error:
            text += "<br>" + escape(translate("ReviewWorkspace",
                                              "Last try: %1").replace("%1", review.error))
    elif state is ReviewState.SENT:
        text = translate("ReviewWorkspace",
                         "<b>Sent</b> to %1 on %2. It can no longer change.").replace(
            "%1", escape(review.server or "")).replace("%2", moment)
    elif state is ReviewState.EXPORTED:
        text = translate("ReviewWorkspace",
                         "<b>Exported</b> to a review file on %1. It can no longer change; "
                   "you can export it again.").replace("%1", moment)
    elif state is ReviewState.CONFLICT:
        text = translate("ReviewWorkspace",
                         "<b>Not sent:</b> %1 holds a different version of this review "
                   "(changed elsewhere). Yours was kept and theirs was not "
                   "overwritten.").replace("%1", escape(review.server or ""))
        if review.server_copy:
            text += "<br>" + escape(server_copy_words(review.server_copy, rubric))
    elif state is ReviewState.CLOSED:
        text = translate("ReviewWorkspace", "<b>Closed:</b> %1").replace(
            "%1", escape(review.error or translate("ReviewWorkspace",
                                                   "the submission was decided before this "
                                             "review reached the server.")))
    return text


def calibration_text(review: Review, rubric: Sequence[RubricCriterion]) -> str:
    """A calibration item: what it is for while being scored; once the server compared it,
    where the levels differed from the reference and why, and where the assessor stands."""
    result = review.calibration
    if result is None:
        return translate("ReviewWorkspace",
                         "<b>Calibration.</b> Score this submission as you would a live one. "
                         "When you finish and sync, %1 compares your levels with those of "
                         "trained assessors and shows you where and why they differ; live "
                         "reviews come once you agree closely enough.").replace(
            "%1", escape(review.server or ""))
    names = {c.id: c for c in rubric}
    lines = [translate("ReviewWorkspace",
                       "<b>Calibration:</b> %1 of %2 criteria at the reference level.")
             .replace("%1", number_text(result.agreed))
             .replace("%2", number_text(len(result.comparison)))]
    for row in result.comparison:
        if row.agrees:
            continue
        criterion = names.get(row.rubric_criterion_id)
        lines.append(translate("ReviewWorkspace",
                               "“%1”: yours %2, the reference %3. <i>%4</i>").replace(
            "%1", escape(criterion.name if criterion else row.rubric_criterion_id))
            .replace("%2", escape(_level_name(criterion, row.level_id)))
            .replace("%3", escape(_level_name(criterion, row.reference_level_id)))
            .replace("%4", escape(row.reference_feedback)))
    standing = result.standing
    if standing.released:
        lines.append(translate("ReviewWorkspace",
                               "You are released to live reviews of this micro-credential."))
    else:
        exact = "—" if standing.exact is None else f"{round(standing.exact * 100)} %"
        lines.append(translate("ReviewWorkspace",
                               "Not released to live reviews yet: %1 of %2 calibration items "
                               "scored, %3 of the levels exactly as the reference. You can "
                               "score an item again.")
                     .replace("%1", number_text(standing.scored))
                     .replace("%2", number_text(standing.items)).replace("%3", exact))
    return "<br>".join(lines)


def _level_name(criterion: RubricCriterion | None, level_id: str | None) -> str:
    if level_id is None:
        return "—"
    named = criterion.level_name(level_id) if criterion is not None else None
    return named or id_tail(level_id)


def server_copy_words(copy: Any, rubric: Sequence[RubricCriterion]) -> str:
    """What the server's own version of a review says (scores and decision)."""
    names = {c.id: c for c in rubric}
    parts = []
    for score in copy.get("scores", []) if isinstance(copy, dict) else []:
        criterion = names.get(str(score.get("rubricCriterionId")))
        if criterion is None:
            continue
        level = criterion.level_name(score.get("levelId")) or str(score.get("levelId"))
        parts.append(f"{criterion.name}: {level}")
    decision = copy.get("decision") if isinstance(copy, dict) else None
    return translate("ReviewWorkspace",
                     "Theirs: %1; decision %2.").replace("%1", "; ".join(parts) or "—") \
        .replace("%2", str(decision or "—"))


def when(moment: datetime | None) -> str:
    return date_time_text(moment) if moment else "—"


def finish_problem_words(review: Review, rubric: Sequence[RubricCriterion]) -> list[str]:
    """What stops the review from being finished, in the window's language."""
    words = []
    for what, about in finish_problem_facts(review, rubric):
        if what == "level":
            words.append(translate("ReviewWorkspace", "choose a level for “%1”").replace(
                "%1", about))
        elif what == "no-rubric":
            words.append(translate("ReviewWorkspace", "the rubric of %1 (version %2) is not "
                                   "in this portfolio's catalog; sync or import the catalog "
                                   "first").replace("%1", review.mc_name)
                         .replace("%2", review.mc_version))
        elif what == "decision":
            words.append(translate("ReviewWorkspace",
                                   "the decision must be “earned” or “not yet”"))
        elif what == "reason":
            words.append(translate("ReviewWorkspace",
                                   "write why you decide differently from the rubric"))
        else:
            words.append(translate("ReviewWorkspace", "a review holds at most %1 comments")
                         .replace("%1", number_text(MAX_COMMENTS)))
    return words
