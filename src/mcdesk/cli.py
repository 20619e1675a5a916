"""The scriptable face of mcdesk (`mcdesk <command>`): services and core only; main thread."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from mcdesk import __version__
from mcdesk.core.catalog import CatalogEntry, MicroCredential
from mcdesk.core.check import CheckReport
from mcdesk.core.errors import McdeskError
from mcdesk.services.catalog import MicroCredentialDetail
from mcdesk.services.workspace import Workspace, default_portfolio_dir

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USER_ERROR = 2
EXIT_UNEXPECTED = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mcdesk",
        description="Educator micro-credentials, offline. With no command, opens the window.",
    )
    parser.add_argument("--portfolio", type=Path, metavar="DIR",
                        help="the portfolio folder (default: your user-data folder)")
    parser.add_argument("--version", action="version", version=f"mcdesk {__version__}")
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true", help="machine-readable output")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    catalog = commands.add_parser("catalog", help="the micro-credential catalog")
    catalog_commands = catalog.add_subparsers(dest="catalog_command", metavar="ACTION",
                                              required=True)
    imp = catalog_commands.add_parser("import", parents=[json_flag],
                                      help="import Open Badges 3.0 achievements or catalog files")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    lst = catalog_commands.add_parser("list", parents=[json_flag], help="list micro-credentials")
    lst.add_argument("--stack", help="only this stack (its id or name)")
    lst.add_argument("--issuer", help="only this issuer (its name)")
    show = catalog_commands.add_parser("show", parents=[json_flag],
                                       help="show one micro-credential, every part")
    show.add_argument("id", metavar="ID", help="its id, the last part of its id, or its name")
    show.add_argument("--version", dest="mc_version", help="an older version to show")
    search = catalog_commands.add_parser("search", parents=[json_flag], help="search the catalog")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--stack")
    search.add_argument("--issuer")

    check = commands.add_parser("check", parents=[json_flag],
                                help="verify the database and every stored file")
    check.add_argument("--repair", action="store_true", help="repair what can be repaired")
    return parser


def run(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run one parsed command; returns the exit code. Never lets a traceback reach the user."""
    handlers: dict[str, Callable[[Workspace, argparse.Namespace, TextIO], int]] = {
        "import": _catalog_import, "list": _catalog_list, "show": _catalog_show,
        "search": _catalog_search,
    }
    try:
        workspace = Workspace.open(args.portfolio or default_portfolio_dir())
        try:
            if args.command == "catalog":
                return handlers[args.catalog_command](workspace, args, out)
            if args.command == "check":
                return _check(workspace, args, out)
            raise AssertionError(args.command)
        finally:
            workspace.close()
    except McdeskError as exc:
        print(f"mcdesk: {exc}", file=err)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("mcdesk: interrupted", file=err)
        return EXIT_PROBLEMS
    except Exception as exc:
        log.exception("Unexpected error running %s", args.command)
        print(f"mcdesk: unexpected error: {exc.__class__.__name__}: {exc} "
              "(details are in the log file)", file=err)
        return EXIT_UNEXPECTED


def _dump(value: Any, out: TextIO) -> None:
    json.dump(_plain(value), out, ensure_ascii=False, indent=2)
    out.write("\n")


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _catalog_import(workspace: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    results = workspace.catalog.import_files(args.files)
    if args.json:
        _dump({"files": results, "ok": all(r.ok for r in results)}, out)
    else:
        for result in results:
            if result.error is not None:
                print(f"{result.path}: not imported: {result.error}", file=sys.stderr)
                continue
            for item in result.items:
                print(f"{result.path}: {item.name} (version {item.version}): {item.outcome}",
                      file=out)
    return EXIT_OK if all(r.ok for r in results) else EXIT_PROBLEMS


def _resolve_stack(workspace: Workspace, reference: str | None) -> str | None:
    if reference is None:
        return None
    for stack in workspace.catalog.stacks():
        if reference in (stack.id, stack.name) or reference.casefold() == stack.name.casefold():
            return stack.id
    raise McdeskError(f'no stack named "{reference}"')


def _print_entries(entries: Sequence[CatalogEntry], out: TextIO) -> None:
    if not entries:
        print("No micro-credentials found.", file=out)
    for entry in entries:
        where = f"  [{entry.stack_name} #{entry.stack_position}]" if entry.stack_name else ""
        print(f"{entry.name}  (version {entry.version}){where}\n    {entry.achievement_id}",
              file=out)


def _catalog_list(workspace: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    entries = workspace.catalog.entries(stack_id=_resolve_stack(workspace, args.stack),
                                        issuer=args.issuer, limit=100_000)
    if args.json:
        _dump({"micro_credentials": entries, "stacks": workspace.catalog.stacks()}, out)
    else:
        _print_entries(entries, out)
    return EXIT_OK


def _catalog_search(workspace: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    entries = workspace.catalog.entries(query=args.text,
                                        stack_id=_resolve_stack(workspace, args.stack),
                                        issuer=args.issuer)
    if args.json:
        _dump({"query": args.text, "micro_credentials": entries}, out)
    else:
        _print_entries(entries, out)
    return EXIT_OK


def _catalog_show(workspace: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    detail = workspace.catalog.detail(args.id, args.mc_version)
    if args.json:
        _dump({
            "micro_credential": detail.micro_credential,
            "is_current": detail.is_current,
            "versions": detail.all_versions,
            "missing_parts": detail.micro_credential.missing_parts(),
        }, out)
    else:
        out.write(format_micro_credential(detail))
    return EXIT_OK


def format_micro_credential(detail: MicroCredentialDetail) -> str:
    mc: MicroCredential = detail.micro_credential
    lines = [mc.name, "=" * len(mc.name), f"id: {mc.achievement_id}",
             f"version: {mc.version}" + ("" if detail.is_current else " (an older version)")]
    if mc.issuer:
        lines.append(f"issuer: {mc.issuer.name}")
    if mc.in_service_hours is not None:
        lines.append(f"in-service hours: {mc.in_service_hours:g}")
    if mc.stack:
        lines.append(f"stack: {mc.stack.name} (#{mc.stack.position})")
    lines += ["", mc.description, ""]

    def section(title: str, body: str | None) -> None:
        lines.extend([title, "-" * len(title), body if body else "(missing)", ""])

    section("Competency", mc.competency)
    section("Key method", mc.key_method)
    section("Method components", "\n".join(
        f"- {c.name}: {c.description}" for c in mc.method_components))
    section("Research and resources", "\n".join(
        "- " + " ".join(filter(None, (r.title, r.citation, r.url))) for r in mc.resources))
    parts = []
    for part in mc.submission_parts:
        parts.append(part.name)
        for criterion in part.criteria:
            limits = []
            if criterion.min_words is not None or criterion.max_words is not None:
                limits.append(f"{criterion.min_words or 0}-{criterion.max_words or '∞'} words")
            if criterion.evidence_kinds:
                limits.append(", ".join(criterion.evidence_kinds))
            parts.append(f"  - {criterion.prompt}" + (f" [{'; '.join(limits)}]" if limits else ""))
    section("Submission criteria", "\n".join(parts))
    rubric = []
    for rc in mc.rubric:
        levels = " < ".join(
            f"{lv.name}{' (passing)' if lv.id == rc.required_level_id else ''}" for lv in rc.levels)
        rubric.append(f"- {rc.name}: {levels}")
    section("Scoring rubric", "\n".join(rubric))
    if mc.criteria_narrative:
        section("How to earn it", mc.criteria_narrative)
    return "\n".join(lines)


def _check(workspace: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    report: CheckReport = workspace.check(repair=args.repair)
    if args.json:
        _dump({"healthy": report.healthy, "report": report}, out)
    else:
        print(f"Checked the database and {report.files_checked} stored files "
              f"({report.bytes_checked / 1_048_576:.1f} MB).", file=out)
        for problem in report.problems:
            status = "repaired" if problem.repaired else "found"
            print(f"{status}: {problem.kind}: {problem.path}: {problem.detail}"
                  + (f" -> {problem.action}" if problem.action else ""), file=out)
        print("The portfolio is healthy." if report.healthy else
              "Problems remain" + ("." if args.repair else "; run with --repair to fix them."),
              file=out)
    return EXIT_OK if report.healthy else EXIT_PROBLEMS
