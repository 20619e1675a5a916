"""`mcdesk-issuer`: run the reference issuing server on uvicorn, or manage it (tokens, the
catalog, assignments, decisions) from the command line; main thread."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mcdesk_issuer import __version__, logs, metrics
from mcdesk_issuer.config import GIB, MIB, Limits, Settings, check_public_url
from mcdesk_issuer.private import restrict_umask
from mcdesk_issuer.problems import Problem
from mcdesk_issuer.resource_files import RESOURCES_PATH, ResourceStore
from mcdesk_issuer.service import ROLES, Issuer

_WILDCARDS = ("", "0.0.0.0", "::", "*")
DATABASE_URL_ENV = "MCDESK_ISSUER_DATABASE_URL"
SWITCH_INTERVAL_S = 0.001


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mcdesk-issuer",
        description="The reference issuing server of the mcdesk issuer protocol. Without a "
                    "command it serves; the commands manage its data folder.")
    parser.add_argument("--version", action="version", version=f"mcdesk-issuer {__version__}")
    parser.add_argument("--data", type=Path, required=True,
                        help="the data folder (database, files, the issuer's key)")
    parser.add_argument("--database-url", default=os.environ.get(DATABASE_URL_ENV) or None,
                        help="an SQLAlchemy URL (e.g. postgresql+psycopg://…) instead of the "
                             f"SQLite file in the data folder; default: ${DATABASE_URL_ENV} "
                             "(which keeps a password out of the process list)")
    parser.add_argument("--name", default=None, help="the issuer's name (kept for later runs)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8080, help="port to listen on")
    parser.add_argument("--max-file-gb", type=float, default=4.0,
                        help="largest file accepted, in GiB (default 4)")
    parser.add_argument("--max-submission-gb", type=float, default=8.0,
                        help="largest submission accepted, in GiB (default 8)")
    parser.add_argument("--upload-hours", type=float, default=24.0,
                        help="how long an unfinished upload is kept (default 24)")
    parser.add_argument("--public-url", default=None, metavar="URL",
                        help="the address clients use, e.g. https://issuer.example.org (for "
                             "upload locations and discovery; its host is trusted)")
    parser.add_argument("--trusted-host", action="append", default=[], metavar="HOST",
                        help="a host name requests may name besides localhost and the public "
                             "URL's (repeatable; '*' accepts any)")
    parser.add_argument("--max-body-mb", type=float, default=16.0,
                        help="largest JSON request body read, in MiB (default 16)")
    parser.add_argument("--max-tag-file-mb", type=float, default=4.0,
                        help="largest bag tag file (manifests, bag-info.txt), in MiB "
                             "(default 4)")
    parser.add_argument("--max-paths-per-file", type=int, default=8,
                        help="how many paths of one bag may name the same file (default 8)")
    parser.add_argument("--max-open-uploads", type=int, default=20,
                        help="unfinished uploads one person may have open (default 20)")
    parser.add_argument("--max-open-upload-gb", type=float, default=16.0,
                        help="bytes one person's unfinished uploads may announce, in GiB "
                             "(default 16)")
    parser.add_argument("--reserve-free-gb", type=float, default=2.0,
                        help="free disk space kept in reserve: uploads that would leave less "
                             "are refused (default 2)")
    parser.add_argument("--token-days", type=float, default=365.0,
                        help="lifetime of a new token when --expires-days is not given "
                             "(default 365)")
    parser.add_argument("--log-level", default="info",
                        choices=["critical", "error", "warning", "info", "debug"])
    parser.add_argument("--log-format", default="json", choices=["json", "text"],
                        help="json: one JSON object per line (the default), text: for people")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="run the server (the default); it upgrades the "
                        "database schema first when needed")
    commands.add_parser("migrate", help="upgrade the database schema now and say from which "
                        "revision (serve does it too; run this before starting new versions "
                        "of several processes)")

    token = commands.add_parser("token", help="bearer tokens").add_subparsers(
        dest="token_command", required=True)
    create = token.add_parser("create", help="make a token and print it (once)")
    create.add_argument("--role", required=True, choices=ROLES,
                        help="the role the token acts in")
    create.add_argument("--name", dest="person_name", default=None,
                        help="who it is for: a new person (two people may share a name)")
    create.add_argument("--person", default=None, metavar="ID",
                        help="an existing person's id: the token is theirs")
    create.add_argument("--expires-days", type=float, default=None,
                        help="days until the token expires (default: --token-days, 365)")
    token.add_parser("list", help="each person in each role, with ids and usable tokens")
    revoke = token.add_parser("revoke", help="revoke every token of a person")
    revoke.add_argument("person", metavar="NAME_OR_ID")
    revoke.add_argument("--role", choices=ROLES, default=None)

    people = commands.add_parser("people", help="the people of this issuer").add_subparsers(
        dest="people_command", required=True)
    people.add_parser("list", help="every person: id, name, roles")
    show = people.add_parser("show", help="one person: roles, tokens, pools, work")
    show.add_argument("person", metavar="ID")

    catalog = commands.add_parser("catalog", help="the catalog served").add_subparsers(
        dest="catalog_command", required=True)
    imported = catalog.add_parser("import", help="import an mcdesk catalog file")
    imported.add_argument("file", type=Path)
    imported.add_argument("--files", type=Path, default=None, metavar="DIR",
                          help="where the resource and exemplar files the catalog names "
                               "are (their href relative to it; default: the catalog's "
                               "folder)")

    pool = commands.add_parser("pool", help="assessor pools per micro-credential"
                               ).add_subparsers(dest="pool_command", required=True)
    for verb in ("add", "remove"):
        change = pool.add_parser(verb, help=f"{verb} an expert or a peer")
        change.add_argument("mc", metavar="MC", help="the micro-credential's achievement id")
        change.add_argument("person", metavar="PERSON", help="the person's id")
        kind = change.add_mutually_exclusive_group(required=True)
        kind.add_argument("--expert", dest="kind", action="store_const", const="expert")
        kind.add_argument("--peer", dest="kind", action="store_const", const="peer")
    share = pool.add_parser("settings", help="how a micro-credential's work is shared out")
    share.add_argument("mc", metavar="MC")
    share.add_argument("--expert-submissions", type=int, default=None,
                       help="the first N submissions go to experts (default 50)")
    share.add_argument("--experts", type=int, default=None, help="experts per submission")
    share.add_argument("--peers", type=int, default=None, help="peers per submission")
    pool.add_parser("list", help="every micro-credential's pools (JSON)")

    calibrate = commands.add_parser("calibration", help="calibration sets").add_subparsers(
        dest="calibration_command", required=True)
    add = calibrate.add_parser("add", help="make a scored submission a calibration item")
    add.add_argument("submission_id", metavar="SUBMISSION")
    add.add_argument("--level", action="append", default=[], metavar="CRITERION=LEVEL",
                     help="a reference level (else the staff decision's levels)")
    add.add_argument("--feedback", action="append", default=[], metavar="CRITERION=TEXT",
                     help="the reference feedback for a criterion")
    remove = calibrate.add_parser("remove", help="take a submission out of its calibration "
                                  "set (with every assessor's score of it)")
    remove.add_argument("submission_id", metavar="SUBMISSION")
    calibrate.add_parser("list", help="the sets and each assessor's standing (JSON)")

    reported = commands.add_parser("report", help="agreement figures and time to decision")
    reported.add_argument("--json", action="store_true", help="as JSON (the only format)")
    commands.add_parser("tick", help="re-assign late reviews and top up assignments now")

    assign = commands.add_parser("assign", help="assign a submission to an assessor")
    assign.add_argument("submission_id", metavar="SUBMISSION_ID")
    assign.add_argument("assessor", metavar="ASSESSOR_NAME_OR_ID")

    decide = commands.add_parser("decide", help="decide a submission (feedback from reviews)")
    decide.add_argument("submission_id", metavar="SUBMISSION_ID")
    decide.add_argument("state", choices=["earned", "not-yet"])
    decide.add_argument("--reason", default=None,
                        help="why, when deciding against the rubric or before every review "
                             "is in (recorded)")

    commands.add_parser("submissions", help="list every submission and its state")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    limits = Limits(max_file_bytes=int(args.max_file_gb * GIB),
                    max_submission_bytes=int(args.max_submission_gb * GIB),
                    upload_lifetime_s=int(args.upload_hours * 3600),
                    max_body_bytes=int(args.max_body_mb * MIB),
                    max_tag_file_bytes=int(args.max_tag_file_mb * MIB),
                    max_paths_per_file=args.max_paths_per_file,
                    max_open_uploads=args.max_open_uploads,
                    max_open_upload_bytes=int(args.max_open_upload_gb * GIB),
                    reserve_free_bytes=int(args.reserve_free_gb * GIB),
                    token_days=args.token_days)
    trusted = list(args.trusted_host)
    if args.host not in _WILDCARDS:  # clients that reach it by its address name it
        trusted.append(args.host)
    public = check_public_url(args.public_url) if args.public_url else None
    return Settings(data=args.data.resolve(), database_url=args.database_url, name=args.name,
                    limits=limits, public_url=public, trusted_hosts=tuple(trusted))


def serve(settings: Settings, host: str, port: int, log_level: str) -> int:
    import uvicorn

    from mcdesk_issuer.app import create_app

    # A short request (a finalize, a login) waits for the GIL behind the threads streaming
    # uploads in turns of this long: 1 ms instead of Python's 5 ms keeps its many short
    # steps (one per database round trip) from queueing behind them.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    issuer = Issuer(settings)
    dropped = issuer.uploads.sweep_expired()
    if dropped:
        logging.getLogger(__name__).info("Dropped %d expired uploads", dropped)
    try:
        # Our own logging (logs.configure) and access lines (ops.Observed): uvicorn's would
        # be a second, unstructured format.
        uvicorn.run(create_app(issuer), host=host, port=port, log_level=log_level,
                    http="h11", timeout_graceful_shutdown=5, server_header=False,
                    log_config=None, access_log=False)
    finally:
        issuer.close()
        metrics.process_exited(os.getpid())
    return 0


def migrate(settings: Settings) -> int:
    from mcdesk_issuer.db import Database
    from mcdesk_issuer.migrate import upgrade

    settings.data.mkdir(parents=True, exist_ok=True)
    database = Database(settings.url, migrate=False)
    try:
        before, head = upgrade(database.engine)
    finally:
        database.close()
    if before == head:
        print(f"the database is at revision {head}, the newest; nothing to do")
    else:
        print(f"the database was upgraded from {before or 'no revision'} to {head}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    restrict_umask()  # everything the server or a command writes is private to its owner
    args = _parser().parse_args(argv)
    try:
        settings = _settings(args)
    except ValueError as exc:
        print(f"mcdesk-issuer: {exc}", file=sys.stderr)
        return 2
    if args.command in (None, "serve"):
        logs.configure(args.log_level, args.log_format)
        return serve(settings, args.host, args.port, args.log_level)
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    if args.command == "migrate":
        try:
            return migrate(settings)
        except ValueError as exc:
            print(f"mcdesk-issuer: {exc}", file=sys.stderr)
            return 1
    try:
        issuer = Issuer(settings)
    except ValueError as exc:
        print(f"mcdesk-issuer: {exc}", file=sys.stderr)
        return 1
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
        _token(issuer, args)
    elif args.command == "people":
        if args.people_command == "list":
            for person in issuer.people():
                print(f"{person['id']}  {person['name']}  ({', '.join(person['roles'])}; "
                      f"{person['usableTokens']} usable token(s))")
        else:
            print(json.dumps(issuer.person(args.person), indent=2))
    elif args.command == "catalog":
        text = args.file.read_text(encoding="utf-8")
        for achievement_id, version in issuer.import_catalog(text):
            print(f"{achievement_id} (version {version})")
        files = ResourceStore(issuer.settings.data / RESOURCES_PATH)
        for problem in files.import_beside(text, args.files or args.file.parent):
            # Served all the same: the catalog marks each missing file with the reason.
            print(f"warning: {problem}", file=sys.stderr)
    elif args.command == "pool":
        _pool(issuer, args)
    elif args.command == "calibration":
        if args.calibration_command == "add":
            reference = _reference(args.level, args.feedback) if args.level else None
            print(json.dumps(issuer.staff.calibration_add(None, args.submission_id, reference),
                             indent=2))
        elif args.calibration_command == "remove":
            print(json.dumps(issuer.staff.calibration_remove(None, args.submission_id),
                             indent=2))
        else:
            print(json.dumps(issuer.staff.calibration_state(None), indent=2))
    elif args.command == "report":
        print(json.dumps(issuer.staff.report(None), indent=2))
    elif args.command == "tick":
        withdrawn, added = issuer.tick()
        print(f"{withdrawn} late review(s) re-assigned, {added} assignment(s) added")
    elif args.command == "assign":
        print(issuer.assign(args.submission_id, args.assessor))
    elif args.command == "decide":
        state = "earned" if args.state == "earned" else "not yet"
        decided = issuer.decisions.decide_from_reviews(args.submission_id, state, args.reason)
        print(json.dumps(decided, indent=2))
    elif args.command == "submissions":
        for row in issuer.all_submissions():
            print(f"{row['submissionId']}  {row['state']:9}  {row['achievementId']} "
                  f"v{row['version']} attempt {row['attempt']}")
    return 0


def _token(issuer: Issuer, args: argparse.Namespace) -> None:
    if args.token_command == "create":
        if args.person is None and not args.person_name:
            raise ValueError("say who the token is for: --name for a new person, --person ID "
                             "for an existing one")
        made = issuer.create_token(args.role, args.person_name, person=args.person,
                                   expires_days=args.expires_days)
        print(made.token)
        print(f"(a {made.role} token for {made.name}, person {made.account_id}; it is shown "
              "only this once)", file=sys.stderr)
    elif args.token_command == "list":
        for account, usable in issuer.accounts():
            print(f"{account.id}  {account.role:9} {account.name}  ({usable} usable "
                  "token(s))")
    else:
        count = issuer.revoke_tokens(args.person, args.role)
        print(f"{count} token(s) revoked")


def _pool(issuer: Issuer, args: argparse.Namespace) -> None:
    if args.pool_command in ("add", "remove"):
        changed = issuer.staff.pool_change(None, args.mc, args.person, args.kind,
                                           add=args.pool_command == "add")
        verb = "added to" if changed["member"] else "taken out of"
        print(f"{changed['personId']} {verb} the {args.kind} pool of {args.mc}")
    elif args.pool_command == "settings":
        print(json.dumps(issuer.staff.pool_settings(
            None, args.mc, expert_submissions=args.expert_submissions, experts=args.experts,
            peers=args.peers), indent=2))
    else:
        print(json.dumps(issuer.staff.pools(None), indent=2))


def _reference(levels: list[str], feedback: list[str]) -> list[dict[str, str]]:
    texts = dict(_pair(item, "--feedback") for item in feedback)
    return [{"rubricCriterionId": c, "levelId": level, "feedback": texts.get(c, "")}
            for c, level in (_pair(item, "--level") for item in levels)]


def _pair(item: str, flag: str) -> tuple[str, str]:
    # Split on the first '=': criterion ids carry none, feedback text may.
    head, sep, tail = item.partition("=")
    if not sep or not head or not tail:
        raise ValueError(f"{flag} {item!r}: expected CRITERION=VALUE")
    return head, tail


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
