"""`mcdesk server add|list|remove`, `mcdesk sync` and `mcdesk draft send`: server profiles
(tokens to the OS keyring), one full sync pass, queueing a ready draft; main thread."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any, TextIO

from mcdesk.cli.codes import EXIT_OK, EXIT_PROBLEMS
from mcdesk.cli.output import dump_json
from mcdesk.core.errors import McdeskError
from mcdesk.core.reviews import Role
from mcdesk.core.sync import ItemReport, NoKeyringError, OutboxItem, ServerProfile, SyncReport
from mcdesk.core.units import human_size
from mcdesk.services.workspace import Workspace
from mcdesk.sync import secrets

TOKEN_ENV = "MCDESK_TOKEN"
MAX_TOKEN_CHARS = 8192


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "sync":
        return _sync(workspace, args, out, err)
    handlers = {"add": _add, "list": _list, "remove": _remove}
    return handlers[args.action](workspace, args, out, err)


def _read_token(err: TextIO) -> str:
    """The token from MCDESK_TOKEN, else standard input (a prompt without echo on a
    terminal). Never printed, never written anywhere but the keyring."""
    token = os.environ.get(TOKEN_ENV, "")
    if token.strip():
        return token.strip()
    if sys.stdin is None:
        return ""
    if sys.stdin.isatty():
        return getpass.getpass("Token (input hidden): ", stream=err).strip()
    return sys.stdin.read(MAX_TOKEN_CHARS + 1)[:MAX_TOKEN_CHARS + 1].strip()


ROLE_WORDS = {Role.EARNER: "a teacher", Role.ASSESSOR: "an assessor", Role.COACH: "a coach"}


def _adopt_role(workspace: Workspace, name: str, err: TextIO) -> Role | None:
    """Work in the role of the token's account; a server out of reach changes nothing."""
    try:
        return workspace.sync.adopt_server_role(name)
    except McdeskError as exc:
        print(f"mcdesk: could not ask {name} whose token this is ({exc}); the portfolio keeps "
              "its role", file=err)
        return None


def _agrees(exc: NoKeyringError, err: TextIO) -> bool:
    """On a terminal: say the risk, ask once."""
    print(f"mcdesk: {exc}", file=err)
    err.write("Keep the token in that file? [y/N] ")
    err.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def _profile(profile: ServerProfile) -> dict[str, Any]:
    return {"name": profile.name, "url": profile.url,
            "created_at": profile.created_at.isoformat(), "has_token": profile.has_token,
            "last_sync_at": profile.last_sync_at.isoformat() if profile.last_sync_at else None}


def _add(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    token = _read_token(err)
    if len(token) > MAX_TOKEN_CHARS:
        raise McdeskError(f"the token is longer than {MAX_TOKEN_CHARS} characters; paste only "
                          "the token")
    try:
        profile = workspace.sync.add_server(args.name, args.url, token,
                                            allow_insecure_http=args.allow_insecure_http,
                                            allow_token_file=args.store_token_in_file)
    except NoKeyringError as exc:
        if not (sys.stdin is not None and sys.stdin.isatty() and _agrees(exc, err)):
            raise
        profile = workspace.sync.add_server(args.name, args.url, token,
                                            allow_insecure_http=args.allow_insecure_http,
                                            allow_token_file=True)
    role = _adopt_role(workspace, profile.name, err)
    where = secrets.token_file(profile.name)
    kept = (f"in {where} (only you can read it)" if where.exists()
            else "in the system keyring")
    if args.json:
        dump_json({"server": _profile(profile), "token_kept": str(where) if where.exists()
                   else "keyring", "role": str(role) if role else None}, out)
    else:
        print(f"Server {profile.name} ({profile.url}) added; its token is kept {kept}.",
              file=out)
        if role is not None:
            print(f"The token is {ROLE_WORDS.get(role, str(role))}'s: this portfolio now works "
                  f"as {ROLE_WORDS.get(role, str(role))} (mcdesk role set to change it).",
                  file=out)
    return EXIT_OK


def _list(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    profiles = workspace.sync.servers()
    if args.json:
        dump_json({"servers": [_profile(p) for p in profiles]}, out)
    elif not profiles:
        print("No server yet. Add one with: mcdesk server add NAME URL (the token on standard "
              f"input or in {TOKEN_ENV})", file=out)
    else:
        for profile in profiles:
            token = "" if profile.has_token else "  (no token: add the server again)"
            synced = (f", last sync {profile.last_sync_at:%Y-%m-%d %H:%M}"
                      if profile.last_sync_at else "")
            print(f"{profile.name}  {profile.url}{synced}{token}", file=out)
    return EXIT_OK


def _remove(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    workspace.sync.remove_server(args.name)
    if args.json:
        dump_json({"removed": args.name}, out)
    else:
        print(f"Server {args.name} removed, with its token.", file=out)
    return EXIT_OK


def _item_json(item: ItemReport) -> dict[str, Any]:
    return {"submission_id": item.submission_id, "draft_id": item.draft_id,
            "mc_name": item.mc_name, "attempt": item.attempt, "server": item.server,
            "state": str(item.state), "ok": item.ok, "bytes_total": item.bytes_total,
            "bytes_sent": item.bytes_sent, "bytes_this_pass": item.bytes_this_pass,
            "error": item.error,
            "next_attempt_at": item.next_attempt_at.isoformat() if item.next_attempt_at
            else None}


def report_json(report: SyncReport) -> dict[str, Any]:
    return {"ok": report.ok,
            "servers": [{"server": s.server, "reached": s.reached, "error": s.error,
                         "catalog": s.catalog, "credentials_new": s.credentials_new,
                         "login_needed": s.login_needed, "reviews_sent": s.reviews_sent,
                         "assignments_new": s.assignments_new,
                         "decisions_sent": s.decisions_sent,
                         "waiting_pulled": s.waiting_pulled,
                         "calibration_added": s.calibration_added,
                         "calibration_removed": s.calibration_removed,
                         "review_problems": list(s.review_problems),
                         "review_notes": list(s.review_notes)}
                        for s in report.servers],
            "items": [_item_json(i) for i in report.items]}


def _item_line(item: ItemReport) -> str:
    attempt = f", attempt {item.attempt}" if item.attempt > 1 else ""
    sent = (f" {human_size(item.bytes_sent)} of {human_size(item.bytes_total)}"
            if item.bytes_total and item.bytes_sent < item.bytes_total else "")
    line = f"  {item.mc_name}{attempt}: {item.state}{sent}"
    if item.error:
        line += f" — {item.error}"
    if item.next_attempt_at is not None and item.state.is_hold:
        line += f" (next try after {item.next_attempt_at:%H:%M:%S} UTC)"
    return line


def _sync(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    hold = (int(args.hold_larger_than * 1_048_576) if args.hold_larger_than is not None
            else None)
    report = workspace.sync.sync_once(args.server, hold_larger_than=hold, immediate=True)
    if args.json:
        dump_json(report_json(report), out)
    else:
        if not report.servers:
            print("No server yet. Add one with: mcdesk server add NAME URL", file=out)
        for server in report.servers:
            state = "reached" if server.reached else "not reached"
            extra = [f"catalog {server.catalog}"] if server.catalog else []
            extra += [f"{count} {words}" for count, words in (
                (server.credentials_new, "new credential(s)"),
                (server.assignments_new, "new submission(s) to review"),
                (server.reviews_sent, "review(s) sent"),
                (server.decisions_sent, "decision(s) sent"),
                (server.calibration_added, "calibration item(s) added"),
                (server.calibration_removed, "calibration item(s) taken out")) if count]
            print(f"{server.server}: {state}" + (f" ({', '.join(extra)})" if extra else "")
                  + (f" — {server.error}" if server.error else ""), file=out)
            for item in report.items:
                if item.server == server.server:
                    print(_item_line(item), file=out)
            for problem in server.review_problems:
                print(f"  review: {problem}", file=out)
            for note in server.review_notes:
                print(f"  review: {note}", file=out)
        if not report.ok:
            print("mcdesk: something did not go through or waits; see above (nothing unsent "
                  "was dropped)", file=err)
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def _outbox_json(item: OutboxItem) -> dict[str, Any]:
    return {"submission_id": item.submission_id, "draft_id": item.draft_id,
            "server": item.server, "state": str(item.state), "mc_name": item.mc_name,
            "attempt": item.attempt, "bag_name": item.bag_name, "files": len(item.files),
            "bytes_total": item.bytes_total, "bytes_sent": item.bytes_sent,
            "fingerprint": item.fingerprint}


def send(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`mcdesk draft send ID [--server NAME]`: queue a ready draft; the next sync sends it."""
    from mcdesk.services.sync import NotReadyError

    draft = workspace.drafts.resolve(args.id)
    try:
        queued = workspace.sync.queue(draft.id, args.server)
    except NotReadyError as exc:
        if args.json:
            dump_json({"queued": False, "problems": exc.problems}, out)
        else:
            print(f"mcdesk: {exc}:", file=err)
            for problem in exc.problems:
                print(f"  {problem.where}: {problem.problem} {problem.fix}", file=err)
        return EXIT_PROBLEMS
    if args.json:
        dump_json({"queued": True, "already": queued.already, "note": queued.note,
                   "item": _outbox_json(queued.item)}, out)
    else:
        print(queued.note[:1].upper() + queued.note[1:] + ".", file=out)
        if not queued.already:
            print("Run `mcdesk sync` (or F5 in the window) to send it now.", file=out)
    return EXIT_OK
