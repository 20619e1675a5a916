"""The review model's rules: anchors, comments on the wire, the decision rule, finishing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mcdesk.core.catalog import RubricCriterion, RubricLevel
from mcdesk.core.reviews import (
    EARNED,
    NOT_YET,
    Anchor,
    Annotation,
    AnnotationError,
    Audience,
    CommentKind,
    CriterionScore,
    Review,
    ReviewSource,
    ReviewState,
    final_decision,
    finish_problems,
    new_annotation,
    rule_decision,
    scored_criteria,
    sorted_for_timeline,
)

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
LEVELS = (RubricLevel("beginning", "Beginning"), RubricLevel("developing", "Developing"),
          RubricLevel("proficient", "Proficient"))
RUBRIC = (RubricCriterion("planning", "Planning", LEVELS, "developing"),
          RubricCriterion("reflection", "Reflection", LEVELS, "proficient"),
          RubricCriterion("notes", "Notes", (), None, result_type="Text"))


def review(*scores: CriterionScore, override: str | None = None, reason: str = "") -> Review:
    return Review(id="r1", submission_id="s1", mc_id="mc", mc_version="1", mc_name="Exit tickets",
                  attempt=1, source=ReviewSource.PACKAGE, state=ReviewState.IN_PROGRESS,
                  created_at=NOW, updated_at=NOW, scores=scores, override_decision=override,
                  override_reason=reason)


def test_rule_waits_for_every_rubric_criterion() -> None:
    assert rule_decision(RUBRIC, [CriterionScore("planning", "proficient")]) is None
    assert scored_criteria(review(CriterionScore("planning", "proficient")), RUBRIC) == 1


def test_rule_earned_only_when_every_criterion_reaches_its_required_level() -> None:
    assert rule_decision(RUBRIC, [CriterionScore("planning", "developing"),
                                  CriterionScore("reflection", "proficient")]) == EARNED
    assert rule_decision(RUBRIC, [CriterionScore("planning", "proficient"),
                                  CriterionScore("reflection", "developing")]) == NOT_YET


def test_unknown_level_counts_as_unscored() -> None:
    scores = [CriterionScore("planning", "stellar"), CriterionScore("reflection", "proficient")]
    assert rule_decision(RUBRIC, scores) is None
    problems = finish_problems(review(*scores), RUBRIC)
    assert problems == ["choose a level for “Planning”"]


def test_override_needs_a_reason_unless_it_agrees_with_the_rule() -> None:
    scores = (CriterionScore("planning", "proficient"), CriterionScore("reflection", "developing"))
    assert finish_problems(review(*scores, override=EARNED), RUBRIC) == [
        "write why you decide differently from the rubric"]
    assert finish_problems(review(*scores, override=EARNED, reason="Strong video"), RUBRIC) == []
    assert finish_problems(review(*scores, override=NOT_YET), RUBRIC) == []
    assert final_decision(review(*scores, override=EARNED, reason="x"), RUBRIC) == EARNED
    assert final_decision(review(*scores), RUBRIC) == NOT_YET


def test_missing_rubric_is_a_problem_in_words() -> None:
    problems = finish_problems(review(), ())
    assert len(problems) == 1 and "not in this portfolio's catalog" in problems[0]


def test_comment_round_trips_through_the_wire() -> None:
    comment = new_annotation(Anchor("urn:uuid:e1", "data/evidence/p2-video-01.mp4", 83_250,
                                    90_000), "  Clear modelling of the task  ",
                             kind=CommentKind.STRENGTH, rubric_criterion_id="planning",
                             audience=Audience.EARNER, now=NOW)
    body = comment.wire()
    assert body["atSeconds"] == 83.25 and body["endSeconds"] == 90.0
    assert body["text"] == "Clear modelling of the task"
    back = Annotation.from_wire(body)
    assert back.anchor == comment.anchor
    assert (back.id, back.text, back.kind, back.rubric_criterion_id, back.audience) == (
        comment.id, comment.text, CommentKind.STRENGTH, "planning", Audience.EARNER)


@pytest.mark.parametrize("anchor", [
    Anchor("urn:uuid:e1", region=(0.1, 0.2, 0.3, 0.4), page=2),
    Anchor("answer:c1", passage=(5, 18), quote="exit tickets"),
])
def test_pages_regions_and_passages_round_trip(anchor: Anchor) -> None:
    comment = new_annotation(anchor, "Look here", now=NOW)
    assert Annotation.from_wire(comment.wire()).anchor == anchor


@pytest.mark.parametrize(("body", "words"), [
    ({"text": "x", "evidenceId": "e", "atSeconds": -1}, "before the start"),
    ({"text": "x", "evidenceId": "e", "atSeconds": 5, "endSeconds": 2}, "end after"),
    ({"text": " ", "evidenceId": "e"}, "needs some words"),
    ({"text": "x", "evidenceId": ""}, "which evidence"),
    ({"text": "x", "evidenceId": "e", "region": {"x": 0.9, "y": 0, "width": 0.5,
                                                 "height": 0.1}}, "inside the picture"),
    ({"text": "x", "evidenceId": "e", "kind": "insult"}, "not a comment"),
    ({"evidenceId": "e"}, "not a comment"),
])
def test_bad_comments_are_refused_in_words(body: dict[str, object], words: str) -> None:
    with pytest.raises(AnnotationError, match=words):
        Annotation.from_wire(body)


def test_timeline_order_and_descriptions() -> None:
    late = new_annotation(Anchor("e", start_ms=70_000), "late", now=NOW)
    early = new_annotation(Anchor("e", start_ms=5_000, end_ms=9_000), "early", now=NOW)
    assert [c.text for c in sorted_for_timeline([late, early])] == ["early", "late"]
    assert late.anchor.describe() == "at 1:10"
    assert early.anchor.describe() == "0:05–0:09"
    assert Anchor("e", page=3).describe() == "page 3"


def test_locked_states() -> None:
    assert not ReviewState.IN_PROGRESS.locked and not ReviewState.CONFLICT.locked
    assert all(s.locked for s in (ReviewState.QUEUED, ReviewState.SENT, ReviewState.EXPORTED,
                                  ReviewState.CLOSED))
