"""`mcdesk package build|verify|open`: build a draft's BagIt package, check any package, open
one received by hand; main thread."""

from __future__ import annotations

import argparse
from typing import TextIO

from mcdesk.cli.codes import EXIT_OK, EXIT_PROBLEMS
from mcdesk.cli.output import dump_json, report_refused
from mcdesk.core.drafts import DraftNotReadyError
from mcdesk.core.packages import PackageRefusedError, ReceivedPackage
from mcdesk.core.units import human_size
from mcdesk.services.workspace import Workspace


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    handlers = {"build": _build, "verify": _verify, "open": _open}
    return handlers[args.action](workspace, args, out, err)


def _build(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    draft = workspace.drafts.resolve(args.id)
    try:
        built = workspace.build_package(draft.id, args.output)
    except DraftNotReadyError as exc:
        blocking = exc.blocking
        if args.json:
            dump_json({"built": False, "problems": blocking}, out)
        else:
            print(f"mcdesk: the draft is not ready to send; {len(blocking)} thing(s) must be "
                  "fixed first:", file=err)
            for problem in blocking:
                print(f"  {problem.where}: {problem.problem} {problem.fix}", file=err)
        return EXIT_PROBLEMS
    if args.json:
        dump_json({"built": True, "package": built}, out)
    else:
        print(f"Built {built.saved_to}: {built.mc_name} (version {built.mc_version}), attempt "
              f"{built.attempt}; {built.files} files, {human_size(built.size)}.", file=out)
        print(f"  submission {built.submission_id}", file=out)
        if built.copy is not None:
            print(f"  a copy is kept in the portfolio: {built.copy}", file=out)
    return EXIT_OK


def _verify(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    report = workspace.packages.verify(args.file)
    if args.json:
        dump_json({"valid": report.valid, "report": report}, out)
    elif report.valid:
        print(f"{args.file}: a valid package: {report.mc_name}, attempt {report.attempt}; "
              f"{report.payload_files} files, {human_size(report.payload_bytes)}, every hash "
              "checked.", file=out)
    else:
        print(f"{args.file}: not a valid package:", file=out)
        for problem in report.problems:
            print(f"  {problem}", file=out)
    return EXIT_OK if report.valid else EXIT_PROBLEMS


def _open(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        package = workspace.packages.open_received(args.file)
    except PackageRefusedError as exc:
        report_refused(args.file, exc.problems, key="opened", as_json=args.json, out=out,
                       err=err)
        return EXIT_PROBLEMS
    if args.json:
        dump_json({"opened": True, "package": package}, out)
    else:
        _summary(package, out)
    return EXIT_OK


def _summary(package: ReceivedPackage, out: TextIO) -> None:
    verb = "Already open" if package.already_open else "Opened"
    print(f"{verb} in {package.folder}", file=out)
    print(f"{package.mc_name} (version {package.mc_version}), attempt {package.attempt}",
          file=out)
    part = None
    for criterion in package.criteria:
        if criterion.part and criterion.part != part:
            part = criterion.part
            print(f"\n{part}", file=out)
        print(f"  {_short(criterion.prompt or criterion.id, 90)}", file=out)
        if criterion.answer:
            words = len(criterion.answer.split())
            print(f"    answer ({words} words): {_short(criterion.answer, 80)}", file=out)
        for evidence in criterion.evidence:
            where = evidence.url or (evidence.file.name if evidence.file else "")
            print(f"    {evidence.genre.lower()}: {evidence.name} ({evidence.consent}) "
                  f"{where}", file=out)
            if evidence.narrative:
                print(f"      {_short(evidence.narrative, 80)}", file=out)
        if not criterion.answer and not criterion.evidence:
            print("    (nothing)", file=out)


def _short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"
