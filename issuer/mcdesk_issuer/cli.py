"""`mcdesk-issuer`: run the reference issuing server on uvicorn, or manage it (tokens, the
catalog, assignments, decisions) from the command line; main thread."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from mcdesk_issuer import __version__
from mcdesk_issuer.config import GIB, Limits, Settings
from mcdesk_issuer.problems import Problem
from mcdesk_issuer.service import ROLES, Issuer


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mcdesk-issuer",
        description="The reference issuing server of the mcdesk issuer protocol. Without a "
                    "command it serves; the commands manage its data folder.")
    parser.add_argument("--version", action="version", version=f"mcdesk-issuer {__version__}")
    parser.add_argument("--data", type=Path, required=True,
                        help="the data folder (database, files, the issuer's key)")
    parser.add_argument("--database-url", default=None,
                        help="an SQLAlchemy URL (e.g. postgresql+psycopg://…) instead of the "
                             "SQLite file in the data folder")
    parser.add_argument("--name", default=None, help="the issuer's name (kept for later runs)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8080, help="port to listen on")
    parser.add_argument("--max-file-gb", type=float, default=4.0,
                        help="largest file accepted, in GiB (default 4)")
    parser.add_argument("--max-submission-gb", type=float, default=8.0,
                        help="largest submission accepted, in GiB (default 8)")
    parser.add_argument("--upload-hours", type=float, default=24.0,
                        help="how long an unfinished upload is kept (default 24)")
    parser.add_argument("--log-level", default="info",
                        choices=["critical", "error", "warning", "info", "debug"])
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="run the server (the default)")

    token = commands.add_parser("token", help="bearer tokens").add_subparsers(
        dest="token_command", required=True)
    create = token.add_parser("create", help="make a token and print it (once)")
    create.add_argument("--role", required=True, choices=ROLES)
    create.add_argument("--name", dest="person", required=True, help="who it is for")
    create.add_argument("--expires-days", type=float, default=None)
    token.add_parser("list", help="the accounts and how many usable tokens each has")
    revoke = token.add_parser("revoke", help="revoke every token of a person")
    revoke.add_argument("person", metavar="NAME")
    revoke.add_argument("--role", choices=ROLES, default=None)

    catalog = commands.add_parser("catalog", help="the catalog served").add_subparsers(
        dest="catalog_command", required=True)
    imported = catalog.add_parser("import", help="import an mcdesk catalog file")
    imported.add_argument("file", type=Path)

    assign = commands.add_parser("assign", help="assign a submission to an assessor")
    assign.add_argument("submission_id", metavar="SUBMISSION_ID")
    assign.add_argument("assessor", metavar="ASSESSOR_TOKEN_NAME")

    decide = commands.add_parser("decide", help="decide a submission (feedback from reviews)")
    decide.add_argument("submission_id", metavar="SUBMISSION_ID")
    decide.add_argument("state", choices=["earned", "not-yet"])

    commands.add_parser("submissions", help="list every submission and its state")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    limits = Limits(max_file_bytes=int(args.max_file_gb * GIB),
                    max_submission_bytes=int(args.max_submission_gb * GIB),
                    upload_lifetime_s=int(args.upload_hours * 3600))
    return Settings(data=args.data.resolve(), database_url=args.database_url, name=args.name,
                    limits=limits)


def serve(settings: Settings, host: str, port: int, log_level: str) -> int:
    import uvicorn

    from mcdesk_issuer.app import create_app

    issuer = Issuer(settings)
    dropped = issuer.sweep_expired()
    if dropped:
        logging.getLogger(__name__).info("Dropped %d expired uploads", dropped)
    try:
        uvicorn.run(create_app(issuer), host=host, port=port, log_level=log_level,
                    http="h11", timeout_graceful_shutdown=5, server_header=False)
    finally:
        issuer.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = _settings(args)
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    if args.command in (None, "serve"):
        return serve(settings, args.host, args.port, args.log_level)
    issuer = Issuer(settings)
    try:
        return _command(issuer, args)
    except (ValueError, OSError) as exc:
        print(f"mcdesk-issuer: {exc}", file=sys.stderr)
        return 1
    except Problem as exc:
        print(f"mcdesk-issuer: {exc.detail}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    finally:
        issuer.close()


def _command(issuer: Issuer, args: argparse.Namespace) -> int:
    if args.command == "token":
        if args.token_command == "create":
            made = issuer.create_token(args.role, args.person, expires_days=args.expires_days)
            print(made.token)
            print(f"(a {made.role} token for {made.name}; it is shown only this once)",
                  file=sys.stderr)
        elif args.token_command == "list":
            for account, usable in issuer.accounts():
                print(f"{account.role:9} {account.name}  ({usable} usable token(s))")
        else:
            count = issuer.revoke_tokens(args.person, args.role)
            print(f"{count} token(s) revoked")
    elif args.command == "catalog":
        text = args.file.read_text(encoding="utf-8")
        for achievement_id, version in issuer.import_catalog(text):
            print(f"{achievement_id} (version {version})")
    elif args.command == "assign":
        print(issuer.assign(args.submission_id, args.assessor))
    elif args.command == "decide":
        state = "earned" if args.state == "earned" else "not yet"
        print(json.dumps(issuer.decide_from_reviews(args.submission_id, state), indent=2))
    elif args.command == "submissions":
        for row in issuer.all_submissions():
            print(f"{row['submissionId']}  {row['state']:9}  {row['achievementId']} "
                  f"v{row['version']} attempt {row['attempt']}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
