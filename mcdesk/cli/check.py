"""`mcdesk check`: verify the database and every stored file, repair on request; main thread."""

from __future__ import annotations

import argparse
from typing import TextIO

from mcdesk.cli.codes import EXIT_OK, EXIT_PROBLEMS
from mcdesk.cli.output import dump_json
from mcdesk.core.check import CheckReport
from mcdesk.services.workspace import Workspace


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    report: CheckReport = workspace.check(repair=args.repair)
    if args.json:
        dump_json({"healthy": report.healthy, "report": report}, out)
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
