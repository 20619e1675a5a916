"""`mcdesk exchange export|import`: exchange bundles between a coach's and a teacher's
portfolios, carried on a USB stick; main thread."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from mcdesk.cli.output import dump_json, report_refused

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser],
                 json_flag: argparse.ArgumentParser) -> None:
    exchange = commands.add_parser("exchange",
                                   help="hand evidence, notes and coaching over without a network")
    actions = exchange.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", parents=[json_flag],
                                help="write an exchange bundle (evidence, observation notes, "
                                     "a draft for coaching, or a coach's feedback on it)")
    export.add_argument("--evidence", nargs="+", default=[], metavar="ID",
                        help="evidence to carry (ids or titles)")
    export.add_argument("--draft", metavar="ID",
                        help="a whole draft for coaching (teacher), or your comments and "
                             "practice scores on it (coach)")
    export.add_argument("--observation", nargs="+", default=[], metavar="ID",
                        help="observations with their notes, video and clips")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    imp = actions.add_parser("import", parents=[json_flag],
                             help="import a bundle: all of it or nothing")
    imp.add_argument("file", type=Path, metavar="FILE")


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mcdesk.cli.codes import EXIT_OK, EXIT_PROBLEMS
    from mcdesk.core.errors import McdeskError
    from mcdesk.core.packages import PackageRefusedError

    if args.action == "export":
        if not (args.evidence or args.draft or args.observation):
            raise McdeskError("say what to export: --evidence, --draft or --observation")
        report = workspace.exchange.export(args.output, evidence_ids=args.evidence,
                                           draft_id=args.draft,
                                           observation_ids=args.observation)
        if args.json:
            dump_json(report, out)
        else:
            print(f"Wrote {report.path}: {report.evidence} evidence, {report.notes} notes, "
                  f"{report.comments} comments, {report.practice_scores} practice scores"
                  + (", the draft" if report.draft else "") + ".", file=out)
        return EXIT_OK
    try:
        result = workspace.exchange.import_bundle(args.file)
    except PackageRefusedError as exc:
        report_refused(args.file, exc.problems, key="imported", as_json=args.json, out=out,
                       err=err)
        return EXIT_PROBLEMS
    if args.json:
        dump_json({"imported": True, "file": result.path, "evidenceAdded": result.evidence_added,
                   "evidenceAlreadyHere": result.evidence_already_here,
                   "counts": dict(result.counts), "notesToChoose": list(result.notes_to_choose)},
                  out)
    else:
        print(f"Imported {args.file}: {result.evidence_added} evidence added, "
              f"{result.evidence_already_here} already here.", file=out)
        if result.notes_to_choose:
            print(f"{len(result.notes_to_choose)} notes were edited on both sides; both "
                  "versions are kept: choose one in the Observe place.", file=out)
    return EXIT_OK
