"""`mcdesk draft ...`: start a draft, attach evidence, write answers, check readiness; main
thread."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from mcdesk.cli.codes import EXIT_OK, EXIT_PROBLEMS
from mcdesk.cli.output import dump_json, plain
from mcdesk.core.catalog import ResponseKind
from mcdesk.core.drafts import Draft, Readiness, Severity
from mcdesk.core.errors import McdeskError
from mcdesk.core.readiness import word_range
from mcdesk.core.text import word_count
from mcdesk.services.drafts import criteria_with_labels
from mcdesk.services.text_files import decode_utf8, read_utf8
from mcdesk.services.workspace import Workspace

MAX_ANSWER_BYTES = 1024 * 1024


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.action == "send":
        from mcdesk.cli.sync import send

        return send(workspace, args, out, err)
    handlers = {"new": _new, "list": _list, "show": _show, "attach": _attach,
                "detach": _detach, "write": _write, "check": _check}
    return handlers[args.action](workspace, args, out, err)


def summary(draft: Draft) -> dict[str, Any]:
    return {
        "id": draft.id,
        "achievement_id": draft.achievement_id,
        "mc_name": draft.mc_name,
        "mc_version": draft.mc_version,
        "attempt": draft.attempt,
        "status": str(draft.status),
        "previous_attempt_id": draft.previous_attempt_id,
        "submission_id": draft.submission_id,
        "created_at": draft.created_at.isoformat(),
        "updated_at": draft.updated_at.isoformat(),
    }


def _line(draft: Draft) -> str:
    attempt = f", attempt {draft.attempt}" if draft.attempt > 1 else ""
    return (f"{draft.id[:8]}  {draft.mc_name} (version {draft.mc_version}{attempt})  "
            f"{draft.status}, changed {draft.updated_at:%Y-%m-%d %H:%M}")


def _new(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    draft = workspace.drafts.new(args.mc)
    if args.json:
        dump_json(summary(draft), out)
    else:
        print(draft.id, file=out)
        print(f"Started a draft of {draft.mc_name} (version {draft.mc_version}).", file=err)
    return EXIT_OK


def _list(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    drafts = workspace.drafts.list()
    if args.json:
        dump_json({"drafts": [summary(d) for d in drafts]}, out)
    elif not drafts:
        print("No drafts yet. Start one with: mcdesk draft new MC_ID", file=out)
    else:
        for draft in drafts:
            print(_line(draft), file=out)
    return EXIT_OK


def _show(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    service = workspace.drafts
    draft = service.resolve(args.id)
    mc = service.micro_credential(draft)
    evidence = {e.id: e for e in workspace.evidence.all()}
    parts: list[dict[str, Any]] = []
    for part, criterion, _label in criteria_with_labels(mc):
        if not parts or parts[-1]["id"] != part.id:
            parts.append({"id": part.id, "name": part.name, "kind": str(part.kind),
                          "criteria": []})
        entry: dict[str, Any] = {
            "id": criterion.id, "prompt": criterion.prompt,
            "response": str(criterion.response), "required": criterion.required,
            "rubric_criterion_id": criterion.rubric_criterion_id,
        }
        if criterion.response is ResponseKind.TEXT:
            text = draft.answer(criterion.id)
            entry.update(min_words=criterion.min_words, max_words=criterion.max_words,
                         answer=text, words=word_count(text))
        else:
            entry.update(
                evidence_kinds=[str(k) for k in criterion.evidence_kinds],
                min_items=criterion.min_items, max_items=criterion.max_items,
                media=plain(criterion.media),
                attachments=[{
                    "evidence_id": a.evidence_id, "position": a.position, "caption": a.caption,
                    "title": evidence[a.evidence_id].title if a.evidence_id in evidence
                    else None,
                    "kind": str(evidence[a.evidence_id].kind) if a.evidence_id in evidence
                    else None,
                } for a in draft.attached(criterion.id)])
        parts[-1]["criteria"].append(entry)
    if args.json:
        dump_json({"draft": summary(draft), "parts": parts,
                   "self_assessment": [{"rubric_criterion_id": r, "level_id": level}
                                       for r, level in draft.self_assessment],
                   "feedback": plain(draft.feedback),
                   "received_feedback": plain(draft.received_feedback)}, out)
        return EXIT_OK
    print(f"{draft.mc_name} (version {draft.mc_version}), attempt {draft.attempt}: "
          f"{draft.status}  id {draft.id}", file=out)
    for shown in parts:
        print(f"\n{shown['name']}", file=out)
        for entry in shown["criteria"]:
            print(f"  [{entry['id']}] {entry['prompt']}", file=out)
            if entry["response"] == str(ResponseKind.TEXT):
                wanted = word_range(entry["min_words"], entry["max_words"])
                print(f"    {entry['words']} words" + (f" ({wanted} asked)" if wanted else ""),
                      file=out)
            else:
                if not entry["attachments"]:
                    print("    nothing attached", file=out)
                for attachment in entry["attachments"]:
                    caption = f" — {attachment['caption']}" if attachment["caption"] else ""
                    print(f"    {attachment['title'] or '(not in your evidence)'}  id "
                          f"{attachment['evidence_id'][:8]}{caption}", file=out)
    mc_rubric = {r.id: r for r in mc.rubric}
    for item in draft.feedback:
        rubric = mc_rubric.get(item.rubric_criterion_id)
        name = rubric.name if rubric else item.rubric_criterion_id
        print(f"\nFeedback on attempt {draft.attempt - 1}, {name}: {item.feedback}", file=out)
    return EXIT_OK


def _attach(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    draft = workspace.drafts.resolve(args.id)
    criterion = workspace.drafts.criterion(draft, args.criterion)
    evidence = workspace.evidence.resolve(args.evidence)
    attachment = workspace.drafts.attach(draft.id, criterion.id, evidence.id, args.caption)
    if args.json:
        dump_json({"draft_id": draft.id, "attachment": attachment}, out)
    else:
        print(f'Attached "{evidence.title}" to [{criterion.id}] as item '
              f"{attachment.position + 1}.", file=out)
    return EXIT_OK


def _detach(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    draft = workspace.drafts.resolve(args.id)
    criterion = workspace.drafts.criterion(draft, args.criterion)
    evidence = workspace.evidence.resolve(args.evidence)
    if evidence.id not in {a.evidence_id for a in draft.attached(criterion.id)}:
        print(f'mcdesk: "{evidence.title}" is not attached to [{criterion.id}]; nothing was '
              "changed", file=err)
        return EXIT_PROBLEMS
    workspace.drafts.detach(draft.id, criterion.id, evidence.id)
    if args.json:
        dump_json({"draft_id": draft.id, "criterion_id": criterion.id,
                   "detached": evidence.id}, out)
    else:
        print(f'Took "{evidence.title}" off [{criterion.id}]; it stays in your evidence.',
              file=out)
    return EXIT_OK


def _write(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    draft = workspace.drafts.resolve(args.id)
    criterion = workspace.drafts.criterion(draft, args.criterion)
    text = _read_answer(args.file)
    answer = workspace.drafts.write_answer(draft.id, criterion.id, text)
    words = word_count(answer.text)
    wanted = word_range(criterion.min_words, criterion.max_words)
    if args.json:
        dump_json({"draft_id": draft.id, "criterion_id": criterion.id, "words": words,
                   "min_words": criterion.min_words, "max_words": criterion.max_words}, out)
    else:
        print(f"Saved {words} words for [{criterion.id}]"
              + (f" ({wanted} asked)." if wanted else "."), file=out)
    return EXIT_OK


def _read_answer(path: Any) -> str:
    if str(path) == "-":
        raw = sys.stdin.buffer.read(MAX_ANSWER_BYTES + 1)
        if len(raw) > MAX_ANSWER_BYTES:
            raise McdeskError("answers over 1 MB are refused", path="standard input")
        text = decode_utf8(raw, "standard input", what="answers")
    else:
        text = read_utf8(Path(path), limit=MAX_ANSWER_BYTES, what="answers",
                         allow_empty=True)
    return text.replace("\r\n", "\n")


def _check(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    draft = workspace.drafts.resolve(args.id)
    readiness = workspace.drafts.check(draft.id)
    if args.json:
        dump_json(_readiness_json(draft, readiness), out)
    else:
        for problem in readiness.problems:
            print(f"{problem.severity}: {problem.where}\n  {problem.problem}\n  "
                  f"Fix: {problem.fix}", file=out)
        blocking = sum(1 for p in readiness.problems if p.severity is Severity.BLOCKING)
        verdict = "Ready to send." if readiness.ready else f"Not ready: {blocking} to fix."
        print(f"{readiness.criteria_done} of {readiness.criteria_total} criteria done. "
              f"{verdict}", file=out)
    return EXIT_OK if readiness.ready else EXIT_PROBLEMS


def _readiness_json(draft: Draft, readiness: Readiness) -> dict[str, Any]:
    return {
        "draft_id": draft.id,
        "ready": readiness.ready,
        "criteria_total": readiness.criteria_total,
        "criteria_done": readiness.criteria_done,
        "problems": [{
            "code": p.code, "severity": p.severity.name.lower(), "where": p.where,
            "problem": p.problem, "fix": p.fix, "criterion_id": p.criterion_id,
            "evidence_id": p.evidence_id,
        } for p in readiness.problems],
    }
