"""`mcdesk catalog ...`: import, list, show and search micro-credentials (resource files:
cli.study); main thread."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TextIO

from mcdesk.cli.codes import EXIT_OK, EXIT_PROBLEMS
from mcdesk.cli.output import dump_json
from mcdesk.core.catalog import CatalogEntry, MicroCredential
from mcdesk.core.errors import McdeskError
from mcdesk.services.catalog import MicroCredentialDetail
from mcdesk.services.workspace import Workspace


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mcdesk.cli import study

    handlers = {"import": _catalog_import, "list": _catalog_list, "show": _catalog_show,
                "search": _catalog_search, "resources": study.resources, "fetch": study.fetch,
                "budget": study.budget}
    return handlers[args.action](workspace, args, out, err)


def _catalog_import(workspace: Workspace, args: argparse.Namespace, out: TextIO,
                    err: TextIO) -> int:
    results = workspace.catalog.import_files(args.files)
    if args.json:
        dump_json({"files": results, "ok": all(r.ok for r in results)}, out)
    else:
        for result in results:
            if result.error is not None:
                print(f"{result.path}: not imported: {result.error}", file=err)
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


def _catalog_list(workspace: Workspace, args: argparse.Namespace, out: TextIO,
                  err: TextIO) -> int:
    entries = workspace.catalog.entries(stack_id=_resolve_stack(workspace, args.stack),
                                        issuer=args.issuer, limit=100_000)
    if args.json:
        dump_json({"micro_credentials": entries, "stacks": workspace.catalog.stacks()}, out)
    else:
        _print_entries(entries, out)
    return EXIT_OK


def _catalog_search(workspace: Workspace, args: argparse.Namespace, out: TextIO,
                    err: TextIO) -> int:
    entries = workspace.catalog.entries(query=args.text,
                                        stack_id=_resolve_stack(workspace, args.stack),
                                        issuer=args.issuer)
    if args.json:
        dump_json({"query": args.text, "micro_credentials": entries}, out)
    else:
        _print_entries(entries, out)
    return EXIT_OK


def _catalog_show(workspace: Workspace, args: argparse.Namespace, out: TextIO,
                  err: TextIO) -> int:
    detail = workspace.catalog.detail(args.id, args.mc_version)
    if args.json:
        dump_json({
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
