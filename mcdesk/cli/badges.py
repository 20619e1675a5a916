"""`mcdesk credential import|list|export` and `mcdesk transcript`: earned credentials kept in
the portfolio, shared as baked PNG/SVG, JSON or a PDF certificate, and in-service hours for a
date range as CSV or PDF; main thread."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from mcdesk.cli.codes import EXIT_OK, EXIT_PROBLEMS
from mcdesk.cli.output import dump_json
from mcdesk.core.credentials import EarnedCredential, RecognitionRule
from mcdesk.core.errors import McdeskError

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace

# The parser is built at every start (the window's too): services load when a command runs.
STATE_WORDS = {"verified": "Verified", "needs-network": "Needs a network check",
               "failed": "Failed"}


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "transcript":
        return _transcript(workspace, args, out, err)
    handlers = {"import": _import, "list": _list, "export": _export, "rule": _rule}
    return handlers[args.action](workspace, args, out, err)


def summary(credential: EarnedCredential, hours: float | None = None) -> dict[str, Any]:
    return {"id": credential.id, "name": credential.title,
            "achievement_id": credential.achievement_id,
            "achievement_type": credential.achievement_type,
            "issuer": credential.issuer_name, "issuer_id": credential.issuer_id,
            "earned_on": credential.earned_on.isoformat(), "format": credential.format,
            "verification": credential.state, "reasons": list(credential.reasons),
            "warnings": list(credential.warnings),
            "checked_at": credential.checked_at.isoformat(),
            "origin": credential.origin.value, "source": credential.source,
            "results": [list(pair) for pair in credential.results],
            "in_service_hours": hours}


def _import(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    results = workspace.badges.import_files(args.files)
    problems = False
    report: list[dict[str, Any]] = []
    for path, result in zip(args.files, results, strict=True):
        if isinstance(result, McdeskError):
            problems = True
            report.append({"file": str(path), "imported": False, "problem": result.detail})
            if not args.json:
                print(f"mcdesk: {path}: {result.detail}", file=err)
            continue
        credential = result.credential
        problems = problems or credential.state == "failed"
        report.append({"file": str(path), "imported": result.new,
                       "credential": summary(credential)})
        if not args.json:
            kept = "imported" if result.new else "already in the portfolio"
            words = STATE_WORDS.get(credential.state, credential.state)
            reasons = f" ({'; '.join(credential.reasons)})" if credential.reasons else ""
            print(f"{path}: {credential.title}: {kept}; {words}{reasons} "
                  f"[{credential.id[:8]}]", file=out)
    if args.json:
        dump_json({"files": report}, out)
    return EXIT_PROBLEMS if problems else EXIT_OK


def _list(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    credentials = workspace.badges.list()
    hours = workspace.badges.hours()
    if args.json:
        dump_json({"credentials": [summary(c, hours.get(c.id, (0.0, ""))[0])
                                   for c in credentials]}, out)
        return EXIT_OK
    if not credentials:
        print("No earned credentials yet. They arrive with mcdesk sync; a badge someone sent "
              "you can be imported with: mcdesk credential import FILE", file=out)
        return EXIT_OK
    for credential in credentials:
        words = STATE_WORDS.get(credential.state, credential.state)
        print(f"{credential.id[:8]}  {credential.title} — "
              f"{credential.issuer_name or credential.issuer_id or 'unknown issuer'}, "
              f"{credential.earned_on:%Y-%m-%d}, {words}, "
              f"{hours.get(credential.id, (0.0, ''))[0]:g} h", file=out)
    return EXIT_OK


def _export(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mcdesk.services.badges import ExportKind

    credential = workspace.badges.resolve(args.id)
    kind = ExportKind(args.kind)
    written = workspace.badges.export(credential.id, kind, args.output)
    if args.json_out:
        dump_json({"credential": credential.id, "format": kind.value, "file": written}, out)
    else:
        print(f"{credential.title}: written to {written}", file=out)
    return EXIT_OK


def _rule_fields(rule: RecognitionRule) -> dict[str, Any]:
    return {"id": rule.id, "name": rule.name, "hours_per_credential": rule.hours_per_credential,
            "cap_per_year": rule.cap_per_year, "active": rule.active,
            "verified_only": rule.verified_only}


def _rule(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    badges = workspace.badges
    rules = badges.rules()
    if args.rule_action == "set":
        existing = next((r for r in rules if r.name.casefold() == args.name.casefold()), None)
        hours = None if args.catalog_hours else args.hours
        saved = badges.save_rule(RecognitionRule(
            existing.id if existing else None, args.name, hours, args.cap, True,
            not args.count_unverified))
        rules = badges.rules()
        if not args.json:
            print(f"Recognition rule {saved.name} saved; it now counts the hours.", file=out)
    elif args.rule_action == "delete":
        found = next((r for r in rules if r.name.casefold() == args.name.casefold()), None)
        if found is None or found.id is None:
            raise McdeskError(f'no recognition rule called "{args.name}"')
        badges.delete_rule(found.id)
        rules = badges.rules()
        if not args.json:
            print(f"Recognition rule {found.name} deleted.", file=out)
    elif not args.json:
        if not rules:
            print("No recognition rule yet: mcdesk credential rule set NAME --hours 3 "
                  "[--cap 12]", file=out)
        for rule in rules:
            per = (f"{rule.hours_per_credential:g} h per micro-credential"
                   if rule.hours_per_credential is not None else "the catalog's hours")
            cap = f", at most {rule.cap_per_year:g} h a year" if rule.cap_per_year else ""
            print(f"{rule.name}: {per}{cap}{' (active)' if rule.active else ''}", file=out)
    if args.json:
        dump_json({"rules": [_rule_fields(rule) for rule in rules]}, out)
    return EXIT_OK


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _transcript(workspace: Workspace, args: argparse.Namespace, out: TextIO,
                err: TextIO) -> int:
    output: Path = args.output
    transcript = workspace.badges.write_transcript(args.start, args.end, output)
    if args.json:
        dump_json({"file": output, "from": args.start.isoformat(), "to": args.end.isoformat(),
                   "credentials": len(transcript.lines),
                   "total_hours": transcript.total_hours,
                   "rule": transcript.rule.name if transcript.rule else None}, out)
    else:
        rule = transcript.rule.name if transcript.rule else "no recognition rule"
        print(f"{len(transcript.lines)} credentials, {transcript.total_hours:g} in-service "
              f"hours ({rule}): written to {output}", file=out)
    return EXIT_OK


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser],
                json_flag: argparse.ArgumentParser,
                credential: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`credential import|list|export` (under `credential`) and `transcript`."""
    imp = credential.add_parser("import", parents=[json_flag],
                                help="keep credentials received any way (OB 3.0 JSON, VC-JWT, "
                                     "baked PNG or SVG, OB 2.0) in the portfolio, verified "
                                     "(exit 1 when any failed)")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    credential.add_parser("list", parents=[json_flag],
                          help="your earned credentials with their verification and hours")
    export = credential.add_parser(
        "export", help="share a credential: a baked PNG or SVG badge (the credential inside), "
                       "the credential JSON, or a one-page PDF certificate")
    export.add_argument("id", metavar="ID", help="its id (the first 6+ characters do) or name")
    kind = export.add_mutually_exclusive_group(required=True)
    for flag in ("png", "svg", "pdf"):
        kind.add_argument(f"--{flag}", dest="kind", action="store_const", const=flag)
    kind.add_argument("--json", dest="kind", action="store_const", const="json",
                      help="the credential itself as JSON")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    export.set_defaults(json_out=False)
    rule = credential.add_parser(
        "rule", help="recognition rules: how a district or state turns micro-credentials into "
                     "in-service hours (the last one set is active)")
    rule_actions = rule.add_subparsers(dest="rule_action", metavar="ACTION", required=True)
    rule_actions.add_parser("list", parents=[json_flag], help="the rules")
    rule_set = rule_actions.add_parser("set", parents=[json_flag],
                                       help="add or change a rule by name, and make it active")
    rule_set.add_argument("name", metavar="NAME", help='e.g. "Riverbend USD"')
    hours = rule_set.add_mutually_exclusive_group(required=True)
    hours.add_argument("--hours", type=float, metavar="H", help="hours per micro-credential")
    hours.add_argument("--catalog-hours", action="store_true",
                       help="the hours each micro-credential's catalog entry gives")
    rule_set.add_argument("--cap", type=float, metavar="H", help="at most H hours a year")
    rule_set.add_argument("--count-unverified", action="store_true",
                          help="also count credentials that need a network check")
    rule_delete = rule_actions.add_parser("delete", parents=[json_flag], help="delete a rule")
    rule_delete.add_argument("name", metavar="NAME")
    transcript = commands.add_parser(
        "transcript", parents=[json_flag],
        help="in-service hours for a date range under the active recognition rule; CSV or PDF "
             "by the output's extension")
    transcript.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE")
    transcript.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE")
    transcript.add_argument("-o", "--output", type=Path, required=True,
                            metavar="FILE.csv|FILE.pdf")
