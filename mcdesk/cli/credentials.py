"""`mcdesk credential …`: verify credential files and folders (no portfolio needed), with a CSV
for a district's HR office; import, list and export the portfolio's credentials (in
cli.badges); main thread."""

from __future__ import annotations

import argparse
import csv
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from mcdesk.cli.output import dump_json

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace

EXIT_ALL_VERIFIED = 0
EXIT_ANY_FAILED = 1
EXIT_ANY_NEEDS_NETWORK = 3
CSV_COLUMNS = ("file", "state", "reason", "issuer", "achievement", "subject", "date")
# The actions that work without a portfolio (nothing is opened or created for them).
WITHOUT_PORTFOLIO = frozenset({"verify"})


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser],
                 json_flag: argparse.ArgumentParser) -> None:
    credential = commands.add_parser("credential", help="earned credentials (Open Badges)")
    actions = credential.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify", parents=[json_flag],
        help="verify credential files or whole folders offline, no portfolio needed (exit 0 "
             "all verified, 1 any failed, 3 any needs a network check)")
    verify.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_FOLDER")
    verify.add_argument("--csv", type=Path, metavar="OUT",
                        help="also write a CSV (file, state, reason, issuer, achievement, "
                             "subject, date)")
    from mcdesk.cli import badges

    badges.add_parsers(commands, json_flag, actions)


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The actions on the portfolio's own credentials (import, list, export)."""
    from mcdesk.cli import badges

    return badges.handle(workspace, args, out, err)


def handle_without_portfolio(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.action == "verify":
        return _verify(args, out, err)
    raise ValueError(f"credential {args.action} needs a portfolio")


def _verify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mcdesk.credentials.verification import VerificationState
    from mcdesk.services.credential_check import verify_paths

    results = verify_paths(args.paths)
    if not results:
        print("mcdesk: no credential files found in " + ", ".join(map(str, args.paths)),
              file=err)
        return EXIT_ANY_FAILED
    if args.csv is not None:
        _write_csv(args.csv, results)
    if args.json:
        dump_json([{"file": path, **_row(verification)} | {"verification": verification}
                   for path, verification in results], out)
    else:
        for path, verification in results:
            label = {"verified": "verified", "needs-network": "needs a network check",
                     "failed": "FAILED"}[verification.state.value]
            what = verification.achievement_name or "?"
            print(f"{path}: {label}: {what}", file=out)
            if verification.state is not VerificationState.VERIFIED:
                for reason in verification.reasons:
                    print(f"  {reason}", file=out)
            for warning in verification.warnings:
                print(f"  note: {warning}", file=out)
    states = {verification.state for _path, verification in results}
    if VerificationState.FAILED in states:
        return EXIT_ANY_FAILED
    if VerificationState.NEEDS_NETWORK in states:
        return EXIT_ANY_NEEDS_NETWORK
    return EXIT_ALL_VERIFIED


def _row(verification: object) -> dict[str, str]:
    from mcdesk.credentials.verification import Verification

    assert isinstance(verification, Verification)
    date = verification.awarded or verification.valid_from
    return {
        "state": verification.state.value,
        "reason": "; ".join(verification.reasons),
        "issuer": verification.issuer_name or verification.issuer_id or "",
        "achievement": verification.achievement_name or "",
        "subject": verification.subject_id or "",
        "date": date.date().isoformat() if date else "",
    }


def _write_csv(target: Path, results: Sequence[tuple[Path, object]]) -> None:
    """Written beside the target and renamed over it: never half a file. UTF-8 with a BOM so
    spreadsheet programs read accents right."""
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=".credentials-", suffix=".csv",
                                             dir=target.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            for path, verification in results:
                writer.writerow({"file": str(path), **_row(verification)})
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
