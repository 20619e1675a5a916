"""`mcdesk role list|set`: which role this portfolio is used in (teacher, coach, assessor) and
who owns it; main thread."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from mcdesk.cli.output import dump_json
from mcdesk.core.reviews import Role

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace

# The word people use for each role; "teacher" is the earner.
ROLE_WORDS = {"teacher": Role.EARNER, "coach": Role.COACH, "assessor": Role.ASSESSOR}


def word(role: Role) -> str:
    return next(w for w, r in ROLE_WORDS.items() if r is role)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser],
                 json_flag: argparse.ArgumentParser) -> None:
    role = commands.add_parser("role", help="work as a teacher, a coach or an assessor")
    actions = role.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", parents=[json_flag],
                       help="the roles this portfolio is used in, the current one, its owner")
    choose = actions.add_parser("set", parents=[json_flag], help="switch the current role")
    choose.add_argument("role", choices=sorted(ROLE_WORDS), metavar="ROLE",
                        help="teacher, coach or assessor")
    choose.add_argument("--name", help="your name, as it goes with what you capture or write")
    choose.add_argument("--portfolio-name", metavar="NAME",
                        help='what to call this portfolio (e.g. "Ana\'s laptop")')


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mcdesk.cli.codes import EXIT_OK

    if args.action == "set":
        workspace.roles.switch(ROLE_WORDS[args.role])
        if args.name is not None:
            workspace.roles.set_owner_name(args.name)
        if args.portfolio_name is not None:
            workspace.coaching.set_portfolio_name(args.portfolio_name)
    identity = workspace.coaching.identity()
    used = [word(r) for r in workspace.roles.roles()]
    if args.json:
        dump_json({"current": word(identity.role), "roles": used, "name": identity.name or None,
                   "portfolioId": identity.portfolio_id,
                   "portfolioName": identity.portfolio_name}, out)
        return EXIT_OK
    if args.action == "set":
        print(f"Working as {word(identity.role)}.", file=out)
        return EXIT_OK
    for role in used:
        print(f"{'* ' if role == word(identity.role) else '  '}{role}", file=out)
    print(f"Owner: {identity.name or '(not given)'}; portfolio: {identity.portfolio_name}",
          file=out)
    return EXIT_OK
