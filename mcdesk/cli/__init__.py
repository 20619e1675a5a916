"""The scriptable face of mcdesk (`mcdesk <command>`): the parser and the dispatcher; services
are imported only when a command runs, so opening the window stays fast; main thread."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from pathlib import Path
from typing import TextIO

from mcdesk import __version__
from mcdesk.cli import credentials, decide
from mcdesk.core.catalog import EvidenceKind
from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import RosterRole
from mcdesk.core.reviews import DECISIONS, CommentKind
from mcdesk.paths import default_portfolio_dir
from mcdesk.start_options import add_window_options

log = logging.getLogger(__name__)

# The exit codes live in cli.codes so the command modules need not import this package.
from mcdesk.cli.codes import (  # noqa: E402
    EXIT_BROKEN_PIPE,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_UNEXPECTED,
    EXIT_USER_ERROR,
)

__all__ = ["EXIT_BROKEN_PIPE", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_UNEXPECTED",
           "EXIT_USER_ERROR", "build_parser", "run"]

# command -> module under mcdesk.cli holding `handle(workspace, args, out) -> int`
COMMAND_MODULES = {"catalog": "catalog", "check": "check", "evidence": "evidence",
                   "roster": "evidence", "draft": "drafts", "package": "packages",
                   "server": "sync", "sync": "sync", "review": "review",
                   "credential": "credentials", "transcript": "badges", "role": "roles",
                   "observe": "observe", "exchange": "exchange", "decide": "decide",
                   "plan": "plan"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mcdesk",
        description="Educator micro-credentials, offline. With no command, opens the window.",
    )
    add_window_options(parser)
    parser.add_argument("--version", action="version", version=f"mcdesk {__version__}")
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true", help="machine-readable output")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    catalog = commands.add_parser("catalog", help="the micro-credential catalog")
    catalog_commands = catalog.add_subparsers(dest="action", metavar="ACTION", required=True)
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
    study = catalog_commands.add_parser(
        "resources", parents=[json_flag],
        help="a micro-credential's resources and exemplars, and where each file is")
    study.add_argument("id", metavar="ID", help="its id, the last part of its id, or its name")
    fetch = catalog_commands.add_parser(
        "fetch", parents=[json_flag],
        help="bring resource and exemplar files down now (within the storage budget)")
    fetch.add_argument("id", metavar="ID", nargs="?", default=None,
                       help="a micro-credential (its id, the last part of its id, or its name)")
    fetch.add_argument("--stack", metavar="S", help="every micro-credential of a stack")
    budget = catalog_commands.add_parser(
        "budget", parents=[json_flag], help="the storage budget for study files")
    budget.add_argument("gb", metavar="GB", nargs="?", type=float, default=None,
                        help="set it (in GB; default 2)")

    check = commands.add_parser("check", parents=[json_flag],
                                help="verify the database and every stored file")
    check.add_argument("--repair", action="store_true", help="repair what can be repaired")

    evidence = commands.add_parser("evidence", help="videos, documents, photos and writing")
    evidence_commands = evidence.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = evidence_commands.add_parser("add", parents=[json_flag],
                                       help="add files or whole folders (e.g. a camera card)")
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add.add_argument("--captured-by", help="who filmed or photographed it")
    ev_list = evidence_commands.add_parser("list", parents=[json_flag], help="list evidence")
    ev_list.add_argument("--kind", choices=[kind.value for kind in EvidenceKind])
    ev_list.add_argument("--search", default="", help="words in the title, file name or tags")
    ev_show = evidence_commands.add_parser("show", parents=[json_flag], help="one evidence")
    ev_show.add_argument("id", metavar="ID", help="its id (or the first 6+ characters), or title")
    evidence_commands.add_parser("privacy", parents=[json_flag],
                                 help="what still carries a location, lacks consent, or names "
                                      "someone on the roster")
    _evidence_safety_parsers(evidence_commands, json_flag)

    roster = commands.add_parser("roster", help="names that must not leave this laptop")
    roster_commands = roster.add_subparsers(dest="action", metavar="ACTION", required=True)
    roster_add = roster_commands.add_parser("add", parents=[json_flag], help="add a name")
    roster_add.add_argument("name")
    roster_add.add_argument("--role", default=RosterRole.STUDENT.value,
                            choices=[role.value for role in RosterRole])
    roster_commands.add_parser("list", parents=[json_flag], help="list the names")
    roster_remove = roster_commands.add_parser("remove", parents=[json_flag],
                                               help="remove a name")
    roster_remove.add_argument("name")
    draft = commands.add_parser("draft", help="drafts of submissions")
    draft_commands = draft.add_subparsers(dest="action", metavar="ACTION", required=True)
    draft_new = draft_commands.add_parser("new", parents=[json_flag],
                                          help="start a draft for a micro-credential")
    draft_new.add_argument("mc", metavar="MC_ID", help="the micro-credential (id, its last "
                                                      "part, or its name)")
    draft_commands.add_parser("list", parents=[json_flag], help="list drafts")
    draft_show = draft_commands.add_parser("show", parents=[json_flag],
                                           help="criteria, answers, attached evidence")
    draft_show.add_argument("id", metavar="ID")
    draft_attach = draft_commands.add_parser("attach", parents=[json_flag],
                                             help="attach evidence to a criterion")
    draft_attach.add_argument("id", metavar="ID")
    draft_attach.add_argument("criterion", metavar="CRITERION_ID")
    draft_attach.add_argument("evidence", metavar="EVIDENCE_ID")
    draft_attach.add_argument("--caption", default="", help="a note for the assessor")
    draft_detach = draft_commands.add_parser("detach", parents=[json_flag],
                                             help="take evidence off a criterion (it stays in "
                                                  "your evidence)")
    draft_detach.add_argument("id", metavar="ID")
    draft_detach.add_argument("criterion", metavar="CRITERION_ID")
    draft_detach.add_argument("evidence", metavar="EVIDENCE_ID")
    draft_write = draft_commands.add_parser("write", parents=[json_flag],
                                            help="set the written answer to a criterion")
    draft_write.add_argument("id", metavar="ID")
    draft_write.add_argument("criterion", metavar="CRITERION_ID")
    draft_write.add_argument("--file", type=Path, required=True, metavar="F",
                             help="a UTF-8 text file, or - for standard input")
    draft_check = draft_commands.add_parser("check", parents=[json_flag],
                                            help="is it ready to send? (exit 0 when ready)")
    draft_check.add_argument("id", metavar="ID")
    draft_send = draft_commands.add_parser("send", parents=[json_flag],
                                           help="queue a ready draft for a server (the next "
                                                "sync sends it)")
    draft_send.add_argument("id", metavar="ID")
    draft_send.add_argument("--server", metavar="NAME", help="which server (needed when "
                                                             "there are several)")

    package = commands.add_parser("package", help="submission packages (BagIt)")
    package_commands = package.add_subparsers(dest="action", metavar="ACTION", required=True)
    package_build = package_commands.add_parser("build", parents=[json_flag],
                                                help="build a draft's package")
    package_build.add_argument("id", metavar="DRAFT_ID")
    package_build.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    package_verify = package_commands.add_parser("verify", parents=[json_flag],
                                                 help="check any package (exit 0 when valid)")
    package_verify.add_argument("file", type=Path, metavar="FILE")
    package_open = package_commands.add_parser("open", parents=[json_flag],
                                               help="open a package received by hand")
    package_open.add_argument("file", type=Path, metavar="FILE")

    server = commands.add_parser("server", help="issuing servers to send submissions to")
    server_commands = server.add_subparsers(dest="action", metavar="ACTION", required=True)
    server_add = server_commands.add_parser(
        "add", parents=[json_flag],
        help="add a server (or give one a new address or token); the token is read from "
             "standard input or MCDESK_TOKEN and kept in the system keyring")
    server_add.add_argument("name", metavar="NAME", help='a short name, e.g. "riverbend"')
    server_add.add_argument("url", metavar="URL", help="the server's address")
    server_add.add_argument("--allow-insecure-http", action="store_true",
                            help="accept a plain http:// address of another machine (the "
                                 "token and the files then cross the network unencrypted)")
    server_add.add_argument("--store-token-in-file", action="store_true",
                            help="where there is no system keyring: keep the token in a file "
                                 "only you can read, in your settings folder")
    server_commands.add_parser("list", parents=[json_flag], help="list the servers")
    server_remove = server_commands.add_parser("remove", parents=[json_flag],
                                               help="forget a server and its token")
    server_remove.add_argument("name", metavar="NAME")

    sync = commands.add_parser("sync", parents=[json_flag],
                               help="one full sync pass: send the outbox, fetch decisions, the "
                                    "catalog and earned credentials (exit 0 when all went "
                                    "through)")
    sync.add_argument("--server", metavar="NAME", help="only this server")
    sync.add_argument("--hold-larger-than", type=float, metavar="MB",
                      help="on a metered network: leave submissions with more than MB still "
                           "to send for a later pass")
    _review_parser(commands, json_flag)
    credentials.add_commands(commands, json_flag)
    for name in ("roles", "observe", "exchange", "plan"):
        importlib.import_module(f"mcdesk.cli.{name}").add_commands(commands, json_flag)
    decide.add_commands(commands, json_flag)
    return parser


def _evidence_safety_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser],
                             json_flag: argparse.ArgumentParser) -> None:
    """What a teacher does in the window to make evidence safe to send, for scripts."""
    consent = commands.add_parser("consent", parents=[json_flag],
                                  help="whether everyone on camera consented")
    consent.add_argument("id", metavar="ID")
    consent.add_argument("state", choices=["given", "not-yet", "blurred"])
    identifying = commands.add_parser(
        "identifying", parents=[json_flag],
        help="mark a piece as showing who you are (hidden from assessors in blind review)")
    identifying.add_argument("id", metavar="ID")
    identifying.add_argument("state", choices=["on", "off"])
    strip = commands.add_parser("strip-location", parents=[json_flag],
                                help="make a copy without location, camera and author details")
    strip.add_argument("id", metavar="ID")
    blur = commands.add_parser("blur", parents=[json_flag],
                               help="make a copy with every face found blurred")
    blur.add_argument("id", metavar="ID")
    blur.add_argument("--review", action="store_true",
                      help="only list the faces found (nothing is written)")
    trim = commands.add_parser("trim", parents=[json_flag],
                               help="make a copy of a video from one moment to another")
    trim.add_argument("id", metavar="ID")
    trim.add_argument("--from", dest="start", required=True, metavar="T",
                      help="the first moment kept: M:SS or seconds")
    trim.add_argument("--to", dest="end", required=True, metavar="T",
                      help="the last moment kept: M:SS or seconds")
    compress = commands.add_parser("compress", parents=[json_flag],
                                   help="make a smaller copy of a video")
    compress.add_argument("id", metavar="ID")
    compress.add_argument("--max-mb", type=float, required=True, metavar="N",
                          help="the copy fits in N megabytes")


def _review_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser],
                   json_flag: argparse.ArgumentParser) -> None:
    review = commands.add_parser("review", help="review submissions as an assessor")
    actions = review.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", parents=[json_flag], help="the reviews, due soonest first")
    review_open = actions.add_parser(
        "open", parents=[json_flag],
        help="open a submission package for review (or show a review: its id)")
    review_open.add_argument("reference", metavar="PACKAGE_OR_ID",
                             help="a package file, or a review's id (the first 4+ characters "
                                  "do) or assignment id")
    review_export = actions.add_parser(
        "export", parents=[json_flag],
        help="write a finished review to a review file to carry by hand (it is then locked)")
    review_export.add_argument("id", metavar="ID")
    review_export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                               help="the review file to write (e.g. review.mcreview)")
    review_score = actions.add_parser("score", parents=[json_flag],
                                      help="choose the level of one rubric criterion")
    review_score.add_argument("id", metavar="ID")
    review_score.add_argument("criterion", metavar="RUBRIC_CRITERION",
                              help="its id, the end of its id, or its name")
    review_score.add_argument("level", metavar="LEVEL",
                              help="its id, the end of its id, or its name")
    review_score.add_argument("--feedback", metavar="TEXT",
                              help="feedback to the earner on this criterion")
    review_comment = actions.add_parser("comment", parents=[json_flag],
                                        help="comment on a piece of evidence")
    review_comment.add_argument("id", metavar="ID")
    review_comment.add_argument("--evidence", required=True, metavar="EVIDENCE",
                                help="its id (or start of it), its name, or "
                                     "answer:CRITERION_ID for a written answer")
    review_comment.add_argument("--at", metavar="TIME", help="a moment: M:SS or seconds")
    review_comment.add_argument("--to", metavar="TIME", help="the end of a range: M:SS")
    review_comment.add_argument("--page", type=int, metavar="N", help="a page, from 1")
    review_comment.add_argument("--text", required=True, metavar="TEXT")
    review_comment.add_argument("--criterion", metavar="C",
                                help="the rubric criterion it is about (id or name)")
    review_comment.add_argument("--kind", default=CommentKind.NOTE.value,
                                choices=[kind.value for kind in CommentKind])
    review_comment.add_argument("--private", action="store_true",
                                help="for the issuer only, not passed on to the earner")
    review_decide = actions.add_parser(
        "decide", parents=[json_flag],
        help="decide differently from the rubric's rule (with a reason), or follow it")
    review_decide.add_argument("id", metavar="ID")
    choice = review_decide.add_mutually_exclusive_group(required=True)
    choice.add_argument("--override", choices=list(DECISIONS), metavar="DECISION",
                        help='"earned" or "not yet"')
    choice.add_argument("--follow-rule", action="store_true",
                        help="decide what the rubric's rule gives")
    review_decide.add_argument("--reason", metavar="TEXT", help="why (needed to override)")
    review_finish = actions.add_parser(
        "finish", parents=[json_flag],
        help="finish a server's review: sent with the next sync (then locked)")
    review_finish.add_argument("id", metavar="ID")
    review_reopen = actions.add_parser(
        "reopen", parents=[json_flag],
        help="take a finished review back before it is sent, or score a calibration item "
             "again that did not release you")
    review_reopen.add_argument("id", metavar="ID")
    review_import = actions.add_parser(
        "import", parents=[json_flag],
        help="(earner) import a review file: its feedback and comments go to your draft")
    review_import.add_argument("file", type=Path, metavar="FILE")


def run(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run one parsed command; returns the exit code. Never lets a traceback reach the user."""
    try:
        from mcdesk.services.workspace import Workspace

        module = importlib.import_module(f"mcdesk.cli.{COMMAND_MODULES[args.command]}")
        if getattr(args, "action", None) in getattr(module, "WITHOUT_PORTFOLIO", ()):
            without: int = module.handle_without_portfolio(args, out, err)
            return without
        before = getattr(module, "before_portfolio", None)
        if before is not None:  # work a command can start while the portfolio opens
            before(args)
        workspace = Workspace.open(args.portfolio or default_portfolio_dir())
        try:
            code: int = module.handle(workspace, args, out, err)
            return code
        finally:
            workspace.close()
    except McdeskError as exc:
        print(f"mcdesk: {exc}", file=err)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("mcdesk: interrupted", file=err)
        return EXIT_PROBLEMS
    except BrokenPipeError:
        # The reader went away (`mcdesk catalog list --json | head`): stop quietly, as a
        # Unix tool killed by SIGPIPE would; nothing more may be written to that pipe.
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as exc:
        log.exception("Unexpected error running %s", args.command)
        print(f"mcdesk: unexpected error: {exc.__class__.__name__}: {exc} "
              "(details are in the log file)", file=err)
        return EXIT_UNEXPECTED


def _silence_stdout() -> None:
    """Point standard output at /dev/null so the interpreter's last flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
