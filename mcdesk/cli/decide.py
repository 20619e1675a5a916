"""`mcdesk decide list|show|submit` (issuer staff): the submissions waiting for a decision as
the last sync brought them, one submission's reviews side by side, and a decision composed
from the assessors' feedback queued for the next sync; main thread."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from mcdesk.cli.codes import EXIT_OK
from mcdesk.cli.output import dump_json
from mcdesk.core.errors import McdeskError
from mcdesk.core.staff import (
    EARNED,
    NOT_YET,
    CalibrationUse,
    CriterionFeedbackDraft,
    CriterionRow,
    QueuedDecision,
    SideBySide,
)

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser],
                 json_flag: argparse.ArgumentParser) -> None:
    decide = commands.add_parser("decide", help="decide submissions as the issuer's staff")
    actions = decide.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", parents=[json_flag],
                       help="the submissions waiting for a decision (as of the last sync)")
    show = actions.add_parser("show", parents=[json_flag],
                              help="a submission's reviews side by side per criterion")
    show.add_argument("id", metavar="SUBMISSION", help="its id (or the first 6+ characters)")
    submit = actions.add_parser(
        "submit", parents=[json_flag],
        help="queue a decision (it goes out with the next sync); levels and feedback start "
             "from the assessors'")
    submit.add_argument("id", metavar="SUBMISSION")
    submit.add_argument("--decision", required=True, choices=["earned", "not-yet"])
    submit.add_argument("--level", action="append", default=[], metavar="CRITERION=LEVEL",
                        help="a criterion's level (its name, id or the last part of its id)")
    submit.add_argument("--feedback", action="append", default=[], metavar="CRITERION=TEXT",
                        help="the teacher's feedback on a criterion (replaces the assessors')")
    submit.add_argument("--reason", metavar="TEXT",
                        help="why, when deciding against the rubric or before every review")
    submit.add_argument("--calibration", action="store_true",
                        help="once decided, add the submission to its calibration set: "
                             "assessors score it before live work, against your levels (every "
                             "criterion needs one)")


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    staff = workspace.staff
    if args.action == "list":
        waiting = staff.waiting()
        if args.json:
            dump_json([_summary(w) for w in waiting], out)
        elif not waiting:
            print("Nothing waits for a decision (sync with an issuer staff token).", file=out)
        for entry in waiting if not args.json else []:
            state = "ready" if entry.ready else "waiting for reviews"
            print(f"{entry.submission_id[:8]}  {entry.name}  attempt {entry.attempt}  "
                  f"{entry.reviews_in}/{entry.reviews_assigned} reviews  {state}"
                  + (f"  disagree on {entry.disagreements}" if entry.disagreements else "")
                  + (f"  [{_decision_state(entry.decision)}]" if entry.decision else ""),
                  file=out)
        return EXIT_OK
    entry = staff.find(args.id)
    view = staff.side_by_side(entry.server, entry.submission_id)
    if args.action == "show":
        if args.json:
            dump_json({"submission": _summary(entry), "reviews": view}, out)
        else:
            _print_view(view, out)
        return EXIT_OK
    feedback = _compose(view, args.level, args.feedback)
    state = EARNED if args.decision == "earned" else NOT_YET
    queued = staff.queue_decision(entry.server, entry.submission_id, state, feedback,
                                  args.reason, calibrate=args.calibration)
    if args.json:
        dump_json(queued, out)
    else:
        print(f"Decision queued ({state}): it goes to {entry.server} with the next sync"
              + (", then the submission joins its calibration set." if args.calibration
                 else "."), file=out)
    return EXIT_OK


def _decision_state(decision: QueuedDecision) -> str:
    if decision.calibration is CalibrationUse.NONE:
        return str(decision.status)
    said = f"{decision.status}; calibration {decision.calibration}"
    return said + (f": {decision.calibration_error}" if decision.calibration_error else "")


def _summary(entry: Any) -> dict[str, Any]:
    return {"submission_id": entry.submission_id, "server": entry.server, "name": entry.name,
            "achievement_id": entry.achievement_id, "attempt": entry.attempt,
            "ready": entry.ready, "reviews_in": entry.reviews_in,
            "reviews_assigned": entry.reviews_assigned, "disagreements": entry.disagreements,
            "decision": None if entry.decision is None else str(entry.decision.status),
            "calibration": None if entry.decision is None else str(entry.decision.calibration)}


def _criterion(view: SideBySide, text: str) -> CriterionRow:
    wanted = text.strip().casefold()
    for criterion in view.criteria:
        if wanted in (criterion.id.casefold(), criterion.name.casefold(),
                      criterion.id.rsplit("/", 1)[-1].casefold()):
            return criterion
    raise McdeskError(f'"{text}" is not a criterion of this rubric (see `mcdesk decide show`)')


def _level(criterion: CriterionRow, text: str) -> str:
    wanted = text.strip().casefold()
    for level in criterion.levels:
        if wanted in (level.id.casefold(), level.name.casefold(),
                      level.id.rsplit("/", 1)[-1].casefold()):
            return level.id
    raise McdeskError(f'"{text}" is not a level of {criterion.name}: '
                      + ", ".join(level.name for level in criterion.levels))


def _pairs(items: list[str], flag: str) -> list[tuple[str, str]]:
    found = []
    for item in items:
        head, sep, tail = item.partition("=")
        if not sep or not head.strip():
            raise McdeskError(f"{flag} {item!r}: expected CRITERION=VALUE")
        found.append((head, tail))
    return found


def _compose(view: SideBySide, levels: list[str],
             feedback: list[str]) -> list[CriterionFeedbackDraft]:
    """The assessors' pre-filled feedback, with the levels and words given instead."""
    chosen = {f.criterion_id: f for f in view.feedback}
    drafts = {c.id: chosen.get(c.id) or CriterionFeedbackDraft(c.id, c.reconciled_level_id, "")
              for c in view.criteria}
    for name, value in _pairs(levels, "--level"):
        criterion = _criterion(view, name)
        drafts[criterion.id] = CriterionFeedbackDraft(criterion.id, _level(criterion, value),
                                                      drafts[criterion.id].feedback)
    for name, value in _pairs(feedback, "--feedback"):
        criterion = _criterion(view, name)
        drafts[criterion.id] = CriterionFeedbackDraft(criterion.id,
                                                      drafts[criterion.id].level_id,
                                                      value.strip())
    return list(drafts.values())


def _print_view(view: SideBySide, out: TextIO) -> None:
    print(f"{view.name}, attempt {view.attempt}: {view.reviews_in} of "
          f"{view.reviews_assigned} reviews in; by the rubric: {view.rule or 'not yet known'}",
          file=out)
    columns = [c for c in view.columns if c.submitted]
    for criterion in view.criteria:
        mark = "  <- across the passing level" if criterion.crosses else (
            "  (levels differ)" if criterion.differs else "")
        print(f"\n{criterion.name}{mark}", file=out)
        for column in columns:
            level = criterion.level_name(column.levels.get(criterion.id))
            print(f"  {column.assessor} ({column.kind}): {level or 'not scored'}", file=out)
            words = column.feedback.get(criterion.id, "").strip()
            if words:
                print(f"      {words}", file=out)
        print(f"  reconciled: {criterion.level_name(criterion.reconciled_level_id)}", file=out)
    for column in columns:
        for comment in column.comments:
            print(f"\n{column.assessor} at {comment.moment or '—'}: {comment.text}", file=out)
