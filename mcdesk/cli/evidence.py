"""`mcdesk evidence ...` and `mcdesk roster ...`: bring evidence in, list it, check privacy;
main thread."""

from __future__ import annotations

import argparse
from typing import TextIO

from mcdesk.cli.codes import EXIT_OK, EXIT_PROBLEMS
from mcdesk.cli.output import dump_json
from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import (
    BlurFaces,
    Consent,
    Evidence,
    EvidenceKind,
    StripMetadata,
    Trim,
    VersionRequest,
)
from mcdesk.core.units import clock, human_size, parse_moment
from mcdesk.services.workspace import Workspace


def before_portfolio(args: argparse.Namespace) -> None:
    """`evidence add`: start the media worker while the portfolio opens, so its start and
    imports are done by the time the first file has been copied."""
    if args.command == "evidence" and args.action == "add":
        from mcdesk.services.evidence import prepare_media_worker

        prepare_media_worker(args.paths)


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "roster":
        return _roster(workspace, args, out)
    handlers = {"add": _add, "list": _list, "show": _show, "privacy": _privacy,
                "consent": _consent, "identifying": _identifying,
                "strip-location": _strip_location, "blur": _blur, "trim": _trim,
                "compress": _compress}
    return handlers[args.action](workspace, args, out, err)


# What the command line calls each consent state (the window's words are longer).
CONSENT_WORDS = {"given": Consent.CONSENTED, "not-yet": Consent.NOT_YET,
                 "blurred": Consent.BLURRED}


def _consent(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    evidence = workspace.evidence.resolve(args.id)
    changed = workspace.evidence.set_consent(evidence.id, CONSENT_WORDS[args.state])
    return _changed(changed, f"consent: {changed.consent}", args, out)


def _identifying(workspace: Workspace, args: argparse.Namespace, out: TextIO,
                 err: TextIO) -> int:
    evidence = workspace.evidence.resolve(args.id)
    changed = workspace.evidence.set_identifying(evidence.id, args.state == "on")
    words = ("marked as identifying: assessors see it only when they lift blind review"
             if changed.identifying else "not marked as identifying")
    return _changed(changed, words, args, out)


def _changed(evidence: Evidence, words: str, args: argparse.Namespace, out: TextIO) -> int:
    if args.json:
        dump_json({"evidence": evidence}, out)
    else:
        print(f"{evidence.title}: {words}.", file=out)
    return EXIT_OK


def _made(workspace: Workspace, source: Evidence, request: VersionRequest,
          args: argparse.Namespace, out: TextIO) -> int:
    """Make a safe version (the original stays as it is) and say what was made."""
    version = workspace.evidence.make_version(source.id, request)
    if args.json:
        dump_json({"source": source.id, "evidence": version}, out)
    else:
        print(f"made: {describe(version)} (from \"{source.title}\", which is unchanged)",
              file=out)
    return EXIT_OK


def _strip_location(workspace: Workspace, args: argparse.Namespace, out: TextIO,
                    err: TextIO) -> int:
    return _made(workspace, workspace.evidence.resolve(args.id), StripMetadata(), args, out)


def _blur(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    source = workspace.evidence.resolve(args.id)
    regions = workspace.evidence.detect_faces(source)
    if args.review:
        if args.json:
            dump_json({"evidence": source.id, "faces": regions}, out)
        else:
            for region in regions:
                rect = region.rect
                when = (f" from {clock(region.start_s)} to {clock(region.end_s)}"
                        if region.start_s is not None and region.end_s is not None else "")
                print(f"face at {rect.x},{rect.y}, {rect.width}×{rect.height} pixels{when}",
                      file=out)
            print(f"{len(regions)} face(s) found; nothing was written.", file=out)
        return EXIT_OK
    if not regions:
        raise McdeskError(f'no faces were found in "{source.title}"; nothing to blur (look '
                          "at it yourself: mcdesk finds most faces, not all)")
    return _made(workspace, source, BlurFaces(tuple(regions)), args, out)


def _trim(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    source = workspace.evidence.resolve(args.id)
    start, end = parse_moment(args.start), parse_moment(args.end)
    duration = source.media.duration_s if source.media else None
    if end <= start:
        raise McdeskError(f"the end ({args.end}) must come after the start ({args.start})")
    if duration is not None and start >= duration:
        raise McdeskError(f'"{source.title}" is only {clock(duration)} long')
    return _made(workspace, source, Trim(start, min(end, duration or end)), args, out)


def _compress(workspace: Workspace, args: argparse.Namespace, out: TextIO,
              err: TextIO) -> int:
    source = workspace.evidence.resolve(args.id)
    if args.max_mb <= 0:
        raise McdeskError("--max-mb must be more than 0")
    version = workspace.evidence.compress_under(source.id, int(args.max_mb * 1_048_576))
    if args.json:
        dump_json({"source": source.id, "evidence": version}, out)
    else:
        print(f"made: {describe(version)} (from \"{source.title}\", which is unchanged)",
              file=out)
    return EXIT_OK


def describe(evidence: Evidence) -> str:
    facts = [str(evidence.kind)]
    media = evidence.media
    if media is not None:
        if media.duration_s is not None:
            facts.append(clock(media.duration_s))
        if media.pages is not None:
            facts.append(f"{media.pages} page" + ("s" if media.pages != 1 else ""))
        if media.words is not None:
            facts.append(f"{media.words} words")
        if media.width and media.height:
            facts.append(f"{media.width}×{media.height}")
    if evidence.size is not None:
        facts.append(human_size(evidence.size))
    if evidence.has_location:
        facts.append("has location")
    if evidence.derivation:
        facts.append(evidence.derivation)
    return f"{evidence.title}  ({', '.join(facts)})  id {evidence.id[:8]}"


def _add(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    report = workspace.evidence.add_paths(args.paths, captured_by=args.captured_by)
    if args.json:
        dump_json({"ok": report.ok, "results": report.results, "skipped": report.skipped}, out)
    else:
        for result in report.results:
            if result.error is not None:
                print(f"{result.path}: not added: {result.error}", file=err)
            elif result.already_had is not None:
                print(f"{result.path}: already in your evidence as "
                      f'"{result.already_had.title}"', file=out)
            elif result.evidence is not None:
                print(f"{result.path}: added: {describe(result.evidence)}", file=out)
        if report.skipped:
            print(f"{len(report.skipped)} files were skipped: not evidence mcdesk knows "
                  "(e.g. camera index files).", file=out)
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def _list(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    kind = EvidenceKind(args.kind) if args.kind else None
    found = workspace.evidence.find(query=args.search, kind=kind)
    if args.json:
        dump_json({"evidence": found}, out)
    elif not found:
        print("No evidence found.", file=out)
    else:
        for evidence in found:
            print(describe(evidence), file=out)
    return EXIT_OK


def _show(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    evidence = workspace.evidence.resolve(args.id)
    path = workspace.evidence.file_path(evidence)
    if args.json:
        dump_json({"evidence": evidence, "file": path}, out)
    else:
        print(describe(evidence), file=out)
        for label, value in (("file", path), ("original name", evidence.original_name),
                             ("link", evidence.url), ("taken", evidence.taken_at),
                             ("captured by", evidence.captured_by),
                             ("consent", evidence.consent),
                             ("identifying", "yes, hidden in blind review"
                              if evidence.identifying else None),
                             ("made from", evidence.source_id)):
            if value:
                print(f"  {label}: {value}", file=out)
        if evidence.media and evidence.media.identifying:
            print(f"  identifying details: {', '.join(evidence.media.identifying)}", file=out)
    return EXIT_OK


def _privacy(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    report = workspace.evidence.privacy_report()
    if args.json:
        dump_json({"clear": report.clear, "report": report}, out)
    else:
        for evidence in report.located:
            print(f"location: {evidence.title} still carries where it was taken", file=out)
        for evidence in report.consent_needed:
            print(f"consent: {evidence.title}: {evidence.consent}", file=out)
        for hit in report.roster_hits:
            print(f'name: "{hit.name}" in the {hit.where} of {hit.evidence_title}: '
                  f"{hit.context}", file=out)
        if report.clear:
            print("Nothing to fix: no locations, no missing consent, no roster names.", file=out)
    return EXIT_OK if report.clear else EXIT_PROBLEMS


def _roster(workspace: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    service = workspace.evidence
    if args.action == "add":
        entry = service.add_roster_name(args.name, args.role)
        if args.json:
            dump_json(entry, out)
        else:
            print(f"Added {entry.name} ({entry.role}).", file=out)
    elif args.action == "remove":
        matches = [e for e in service.roster() if e.name.casefold() == args.name.casefold()]
        if not matches:
            raise McdeskError(f'"{args.name}" is not on the roster')
        service.remove_roster_name(matches[0].id)
        if not args.json:
            print(f"Removed {matches[0].name}.", file=out)
        else:
            dump_json({"removed": matches[0]}, out)
    elif args.json:
        dump_json({"roster": service.roster()}, out)
    else:
        for entry in service.roster():
            print(f"{entry.name} ({entry.role})", file=out)
    return EXIT_OK
