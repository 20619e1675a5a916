"""`mcdesk review ...`: the assessor's queue, opening a package for review, scoring, comments,
the decision, finishing and exporting a review file, and (for the earner) importing one; main
thread."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from mcdesk.cli.codes import EXIT_OK, EXIT_PROBLEMS
from mcdesk.cli.output import dump_json, plain, report_refused
from mcdesk.core.calibration import CalibrationResult
from mcdesk.core.errors import McdeskError
from mcdesk.core.packages import PackageRefusedError, ReceivedEvidence, ReceivedPackage
from mcdesk.core.reviews import (
    Anchor,
    Annotation,
    AnswerTarget,
    Audience,
    CommentKind,
    Review,
    ReviewIncompleteError,
    ReviewSource,
    ReviewSummary,
)
from mcdesk.core.units import clock, parse_moment
from mcdesk.services.review_files import ReviewFileError
from mcdesk.services.reviews import ReviewWork
from mcdesk.services.workspace import Workspace

HIDDEN = "(hidden during blind review)"


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    handlers = {"list": _list, "open": _open, "export": _export, "score": _score,
                "comment": _comment, "decide": _decide, "finish": _finish, "reopen": _reopen,
                "import": _import}
    return handlers[args.action](workspace, args, out, err)


def summary(line: ReviewSummary | Review) -> dict[str, Any]:
    if isinstance(line, Review):
        return {"id": line.id, "submission_id": line.submission_id, "mc_id": line.mc_id,
                "mc_name": line.mc_name, "mc_version": line.mc_version,
                "attempt": line.attempt, "state": str(line.state), "source": str(line.source),
                "server": line.server, "assignment_id": line.assignment_id,
                "due_at": plain(line.due_at), "seconds_spent": line.seconds_spent,
                "blind": line.blind, "error": line.error,
                "calibration": line.calibration.wire() if line.calibration else None}
    result: dict[str, Any] = plain(line)
    return result


def _list(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lines = workspace.reviews.summaries()
    if args.json:
        dump_json({"reviews": [summary(line) for line in lines]}, out)
    elif not lines:
        print("No reviews yet. Open a submission package with: mcdesk review open FILE",
              file=out)
    else:
        for line in lines:
            due = f", due {line.due_at:%Y-%m-%d}" if line.due_at else ""
            problem = f" ({line.error})" if line.error else ""
            what = ("calibration item" if line.source is ReviewSource.CALIBRATION
                    else f"attempt {line.attempt}")
            print(f"{line.id[:8]}  {line.mc_name} (version {line.mc_version}), {what}  "
                  f"{line.state}{problem}; {line.scored} of {line.criteria} "
                  f"criteria scored, {clock(line.seconds_spent)} spent{due}", file=out)
    return EXIT_OK


def _open(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    reviews = workspace.reviews
    path = Path(args.reference).expanduser()
    if path.is_file():
        try:
            review = reviews.open_package(path)
        except PackageRefusedError as exc:
            report_refused(path, exc.problems, key="opened", as_json=args.json, out=out,
                           err=err)
            return EXIT_PROBLEMS
    else:
        review = reviews.resolve(args.reference)
    work = reviews.work(review.id)
    if args.json:
        dump_json(work_json(work), out)
    else:
        _print_work(work, out)
    return EXIT_OK


def work_json(work: ReviewWork) -> dict[str, Any]:
    """The review as `review open --json` shows it: identifying details left out while the
    review is blind."""
    review = work.review
    names = _evidence_names(work)
    criteria = []
    for criterion in work.rubric:
        score = review.score(criterion.id)
        criteria.append({
            "id": criterion.id, "name": criterion.name,
            "levels": [{"id": lv.id, "name": lv.name} for lv in criterion.levels],
            "required_level_id": criterion.required_level_id,
            "level_id": score.level_id, "feedback": score.feedback,
            "comments": [c.id for c in review.comments_for(criterion.id)],
        })
    return {
        "review": summary(review),
        "earner_name": None if review.blind else work.earner_name,
        "earner_hidden": review.blind and work.earner_name is not None,
        "criteria": criteria,
        "comments": [_comment_json(c, names) for c in review.comments],
        "decision": work.decision,
        "rule": work.rule,
        "override_decision": review.override_decision,
        "override_reason": review.override_reason,
        "problems": list(work.problems),
        "package": _package_json(work.package, review.blind),
    }


def _package_json(package: ReceivedPackage | None, blind: bool) -> dict[str, Any] | None:
    if package is None:
        return None

    def evidence(item: ReceivedEvidence) -> dict[str, Any]:
        hidden = blind and item.identifying
        return {"id": item.id, "name": HIDDEN if hidden else item.name, "kind": item.kind,
                "genre": item.genre, "narrative": "" if hidden else item.narrative,
                "file": None if hidden or item.file is None else str(item.file),
                "url": None if hidden else item.url, "identifying": item.identifying,
                "hidden": hidden}

    return {"submission_id": package.submission_id, "folder": str(package.folder),
            "fingerprint": package.fingerprint,
            "criteria": [{"id": c.id, "part": c.part, "prompt": c.prompt, "answer": c.answer,
                          "evidence": [evidence(e) for e in c.evidence]}
                         for c in package.criteria]}


def _comment_json(comment: Annotation, names: dict[str, str]) -> dict[str, Any]:
    return {**comment.wire(), "where": comment.anchor.describe(),
            "evidence_name": names.get(comment.anchor.target)}


def _evidence_names(work: ReviewWork) -> dict[str, str]:
    names: dict[str, str] = {}
    if work.package is not None:
        for criterion in work.package.criteria:
            names[str(AnswerTarget(criterion.id))] = f"the answer to {criterion.id}"
            for item in criterion.evidence:
                names[item.id] = HIDDEN if work.review.blind and item.identifying else item.name
    return names


def _print_work(work: ReviewWork, out: TextIO) -> None:
    review = work.review
    what = ("calibration item" if review.source is ReviewSource.CALIBRATION
            else f"attempt {review.attempt}")
    print(f"{review.mc_name} (version {review.mc_version}), {what}: {review.state}  "
          f"id {review.id}", file=out)
    if review.calibration is not None:
        _print_calibration(review.calibration, work, out)
    if work.earner_name is not None:
        print(f"Earner: {HIDDEN if review.blind else work.earner_name}", file=out)
    if work.package is None:
        print("The submission's package is not here yet (it is downloading, or was removed).",
              file=out)
    if review.error:
        print(f"Problem: {review.error}", file=out)
    names = _evidence_names(work)
    for criterion in work.rubric:
        score = review.score(criterion.id)
        level = next((lv.name for lv in criterion.levels if lv.id == score.level_id),
                     "not scored yet")
        print(f"\n{criterion.name}: {level}", file=out)
        if score.feedback.strip():
            print(f"  Feedback: {score.feedback.strip()}", file=out)
        for comment in review.comments_for(criterion.id):
            _print_comment(comment, names, out)
    loose = [c for c in review.comments
             if c.rubric_criterion_id not in {r.id for r in work.rubric}]
    if loose:
        print("\nOther comments", file=out)
        for comment in loose:
            _print_comment(comment, names, out)
    rule = work.rule or "not decided yet"
    print(f"\nThe rubric's rule gives: {rule}", file=out)
    if review.override_decision:
        reason = review.override_reason.strip() or "(no reason written yet)"
        print(f"You decide: {review.override_decision} — {reason}", file=out)
    print(f"Time spent: {clock(review.seconds_spent)}", file=out)
    if work.problems:
        print("Before finishing:", file=out)
        for problem in work.problems:
            print(f"  {problem}", file=out)


def _print_calibration(result: CalibrationResult, work: ReviewWork, out: TextIO) -> None:
    names = {c.id: c for c in work.rubric}

    def level(criterion_id: str, level_id: str | None) -> str:
        criterion = names.get(criterion_id)
        return (criterion.level_name(level_id) if criterion else None) or level_id or "none"

    print(f"Calibration: {result.agreed} of {len(result.comparison)} criteria at the "
          "reference level", file=out)
    for row in result.comparison:
        if row.agrees:
            continue
        criterion = names.get(row.rubric_criterion_id)
        print(f"  {criterion.name if criterion else row.rubric_criterion_id}: yours "
              f"{level(row.rubric_criterion_id, row.level_id)}, the reference "
              f"{level(row.rubric_criterion_id, row.reference_level_id)}. "
              f"{row.reference_feedback}".rstrip(), file=out)
    standing = result.standing
    if standing.released:
        print("Released to live reviews of this micro-credential.", file=out)
    else:
        exact = "-" if standing.exact is None else f"{round(standing.exact * 100)} %"
        print(f"Not released to live reviews yet: {standing.scored} of {standing.items} "
              f"calibration items scored, {exact} of the levels exactly as the reference "
              f"(score it again: mcdesk review reopen {work.review.id[:8]}, then score and "
              "finish)", file=out)


def _print_comment(comment: Annotation, names: dict[str, str], out: TextIO) -> None:
    private = " (for the issuer only)" if comment.audience is Audience.ISSUER else ""
    on = names.get(comment.anchor.target, comment.anchor.target)
    print(f"  [{comment.kind}] {on}, {comment.anchor.describe()}{private}: {comment.text}",
          file=out)


def _export(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    reviews = workspace.reviews
    review = reviews.resolve(args.id)
    try:
        written = workspace.review_files.export(review.id, args.output)
    except ReviewIncompleteError as exc:
        return _incomplete(exc, args, out, err, "exported")
    review = reviews.get(review.id)
    if args.json:
        dump_json({"exported": True, "file": written, "review": summary(review)}, out)
    else:
        print(f"Wrote {written}: the review of {review.mc_name}, attempt {review.attempt}. "
              "It can no longer change.", file=out)
    return EXIT_OK


def _incomplete(exc: ReviewIncompleteError, args: argparse.Namespace, out: TextIO,
                err: TextIO, verb: str) -> int:
    if args.json:
        dump_json({verb: False, "problems": list(exc.problems)}, out)
    else:
        print(f"mcdesk: the review is not finished; {len(exc.problems)} thing(s) to do first:",
              file=err)
        for problem in exc.problems:
            print(f"  {problem}", file=err)
    return EXIT_PROBLEMS


def _score(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    reviews = workspace.reviews
    review = reviews.resolve(args.id)
    criterion = reviews.rubric_criterion(review, args.criterion)
    level_id = reviews.level(criterion, args.level)
    review = reviews.set_level(review.id, criterion.id, level_id)
    if args.feedback is not None:
        review = reviews.set_feedback(review.id, criterion.id, args.feedback)
    score = review.score(criterion.id)
    if args.json:
        dump_json({"review_id": review.id, "rubric_criterion_id": criterion.id,
                   "level_id": score.level_id, "feedback": score.feedback}, out)
    else:
        level = next(lv.name for lv in criterion.levels if lv.id == level_id)
        print(f"{criterion.name}: {level}.", file=out)
    return EXIT_OK


def parse_time(text: str) -> int:
    """Milliseconds from "83", "83.5", "1:23", "1:23.5" or "1:01:23"."""
    return round(parse_moment(text) * 1000)


def _comment(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    reviews = workspace.reviews
    review = reviews.resolve(args.id)
    work = reviews.work(review.id)
    target, path = _target(work, args.evidence)
    start = parse_time(args.at) if args.at is not None else None
    end = parse_time(args.to) if args.to is not None else None
    if end is not None and start is None:
        raise McdeskError("--to needs --at (where the range starts)")
    anchor = Anchor(target=target, path=path, start_ms=start, end_ms=end, page=args.page)
    criterion = (reviews.rubric_criterion(review, args.criterion).id
                 if args.criterion is not None else None)
    comment = reviews.add_comment(
        review.id, anchor, args.text, kind=CommentKind(args.kind),
        rubric_criterion_id=criterion,
        audience=Audience.ISSUER if args.private else Audience.EARNER)
    if args.json:
        dump_json({"review_id": review.id, "comment": _comment_json(
            comment, _evidence_names(work))}, out)
    else:
        print(f"Comment added ({comment.anchor.describe()}).", file=out)
    return EXIT_OK


def _target(work: ReviewWork, reference: str) -> tuple[str, str | None]:
    """The anchor target and bag path of the evidence a user names (its id, the start of its
    id, its name) or `answer:<criterion id>`."""
    wanted = reference.strip()
    package = work.package
    if package is None:
        raise McdeskError("the submission's package is not here yet, so its evidence cannot "
                          "be named")
    answer = AnswerTarget.parse(wanted)
    if answer is not None:
        ids = {c.id for c in package.criteria if c.answer is not None}
        if answer.criterion_id not in ids:
            raise McdeskError(f'"{wanted}": the submission has no written answer to that '
                              f"criterion (answers: {', '.join(sorted(ids))})")
        return wanted, None
    items = {e.id: e for c in package.criteria for e in c.evidence}
    bare = wanted.removeprefix("urn:uuid:").lower()
    matches = [e for e in items.values() if e.id == wanted] or [
        e for e in items.values()
        if len(bare) >= 4 and e.id.removeprefix("urn:uuid:").startswith(bare)] or [
        e for e in items.values() if e.name.casefold() == wanted.casefold()
        and not (work.review.blind and e.identifying)]
    if len(matches) != 1:
        names = "; ".join(HIDDEN if work.review.blind and e.identifying else e.name
                          for e in items.values())
        problem = "matches several pieces" if matches else "is not a piece"
        raise McdeskError(f'"{reference}" {problem} of evidence in this submission (its '
                          f"evidence: {names})")
    found = matches[0]
    path = None
    if found.file is not None:
        try:
            path = found.file.relative_to(package.folder).as_posix()
        except ValueError:
            path = None
    return found.id, path


def _decide(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    reviews = workspace.reviews
    review = reviews.resolve(args.id)
    if args.follow_rule:
        review = reviews.set_override(review.id, None, args.reason or "")
    else:
        if not (args.reason or "").strip():
            raise McdeskError("deciding differently from the rubric needs a reason: add "
                              '--reason "…"')
        review = reviews.set_override(review.id, args.override, args.reason)
    work = reviews.work(review.id)
    if args.json:
        dump_json({"review_id": review.id, "decision": work.decision, "rule": work.rule,
                   "override_decision": review.override_decision,
                   "override_reason": review.override_reason}, out)
    else:
        print(f"Decision: {work.decision or 'not decided yet'} (the rubric's rule gives "
              f"{work.rule or 'nothing yet'}).", file=out)
    return EXIT_OK


def _finish(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    reviews = workspace.reviews
    review = reviews.resolve(args.id)
    try:
        review = reviews.finish(review.id)
    except ReviewIncompleteError as exc:
        return _incomplete(exc, args, out, err, "finished")
    if args.json:
        dump_json({"finished": True, "review": summary(review)}, out)
    else:
        print(f"Finished: the review of {review.mc_name}, attempt {review.attempt}, goes to "
              f"{review.server} with the next sync.", file=out)
    return EXIT_OK


def _reopen(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    reviews = workspace.reviews
    review = reviews.reopen(reviews.resolve(args.id).id)
    if args.json:
        dump_json({"reopened": True, "review": summary(review)}, out)
    else:
        print(f"Reopened: the review of {review.mc_name} can change again; finish it when "
              "done.", file=out)
    return EXIT_OK


def _import(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        imported = workspace.review_files.import_review_file(args.file)
    except ReviewFileError as exc:
        report_refused(args.file, exc.problems, key="imported", as_json=args.json, out=out,
                       err=err)
        return EXIT_PROBLEMS
    if args.json:
        dump_json({"imported": True, "draft_id": imported.draft_id,
                   "review_id": imported.review_id, "decision": imported.decision,
                   "feedback": plain(imported.feedback),
                   "comments": [c.wire() for c in imported.comments],
                   "withheld": imported.withheld}, out)
    else:
        print(f"Imported a review of {imported.mc_name}, attempt {imported.attempt} (draft "
              f"{imported.draft_id[:8]}): {imported.decision}; feedback on "
              f"{len(imported.feedback)} criteria and {len(imported.comments)} comment(s).",
              file=out)
    return EXIT_OK
