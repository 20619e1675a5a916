"""The rules a staff decision is checked against before it queues (plain data, no server): a
reason before every review is in or against the rubric, and for a calibration item a
reference level on every criterion that has levels."""

from __future__ import annotations

from mcdesk.core.staff import (
    CALIBRATION_NEEDS_LEVELS,
    EARNED,
    NOT_YET,
    CriterionFeedbackDraft,
    CriterionRow,
    Level,
    SideBySide,
    check_decision,
)

LEVELS = (Level("low", "Developing"), Level("mid", "Proficient"), Level("high", "Exemplary"))


def row(ident: str, levels: tuple[Level, ...] = LEVELS) -> CriterionRow:
    return CriterionRow(ident, ident.title(), levels, "mid" if levels else None, (), False,
                        False, None)


def view(*criteria: CriterionRow, ready: bool = True) -> SideBySide:
    return SideBySide("s1", "urn:mc", "MC", 1, ready, 1 if ready else 0, 1, (),
                      tuple(criteria), None, ())


def draft(ident: str, level: str | None) -> CriterionFeedbackDraft:
    return CriterionFeedbackDraft(ident, level, "")


def test_a_calibration_item_needs_every_levelled_criterion_levelled() -> None:
    rubric = view(row("plan"), row("log"), row("note", levels=()))
    full = [draft("plan", "mid"), draft("log", "mid")]  # "note" has no levels to give
    assert check_decision(rubric, EARNED, full, None, calibrate=True) == []
    missing = [draft("plan", "mid"), draft("log", None)]
    assert CALIBRATION_NEEDS_LEVELS in check_decision(rubric, EARNED, missing,
                                                      "Decided early.", calibrate=True)
    # Without calibration, a missing level only matters to the rubric rule.
    assert CALIBRATION_NEEDS_LEVELS not in check_decision(rubric, EARNED, missing,
                                                          "Decided early.")


def test_a_reason_is_needed_early_or_against_the_rubric() -> None:
    rubric = view(row("plan"), ready=False)
    passing = [draft("plan", "mid")]
    assert any("write why you decide now" in p
               for p in check_decision(rubric, EARNED, passing, None))
    assert check_decision(rubric, EARNED, passing, "The assessor is away.") == []
    ready = view(row("plan"))
    assert any("write why you decide otherwise" in p
               for p in check_decision(ready, NOT_YET, passing, ""))
    assert check_decision(ready, EARNED, passing, None) == []
