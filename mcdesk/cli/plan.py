"""`mcdesk plan add|list|remove|goal|reminders`: the teacher's plan of micro-credentials with
target dates, a stack goal, states, hours and reminders; main thread."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from mcdesk.cli.codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USER_ERROR
from mcdesk.cli.output import dump_json
from mcdesk.core.plan import Due, GoalProgress, PlanItem, PlanView, parse_target

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace

MC_HELP = "the micro-credential: its id, the last part of its id, or its name"


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser],
                 json_flag: argparse.ArgumentParser) -> None:
    plan = commands.add_parser(
        "plan", help="your plan: micro-credentials with target dates, a stack goal",
        description="Your plan: the micro-credentials you aim to earn, each by a target date, "
                    "and a stack you aim to complete. Each entry's state (studying, drafting, "
                    "sent, in review, earned, not yet) comes from your drafts, submissions "
                    "and credentials; its hours from the active recognition rule (`mcdesk "
                    "credential rule`), none shown where no rule applies.")
    actions = plan.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[json_flag],
                             help="add a micro-credential with a target date (or move its date)")
    add.add_argument("mc", metavar="MC", help=MC_HELP)
    add.add_argument("--by", required=True, metavar="DATE",
                     help="the target date, YYYY-MM-DD")
    actions.add_parser("list", parents=[json_flag],
                       help="each entry with its target date, state, hours and whether it is "
                            "overdue or due soon; the stack goal's progress")
    remove = actions.add_parser("remove", parents=[json_flag],
                                help="take a micro-credential out of the plan (its drafts stay)")
    remove.add_argument("mc", metavar="MC", help=MC_HELP)
    goal = actions.add_parser("goal", parents=[json_flag],
                              help="set the stack you aim to complete (its id or name), or "
                                   "--clear it")
    goal.add_argument("stack", metavar="STACK", nargs="?", help="the stack's id or name")
    goal.add_argument("--by", metavar="DATE", help="a target date for the whole stack")
    goal.add_argument("--clear", action="store_true", help="have no stack goal")
    reminders = actions.add_parser(
        "reminders", parents=[json_flag],
        help="what is overdue or due soon and not yet sent (exit 1 when there is any); "
             "--days N sets how many days ahead to remind (default 14)")
    reminders.add_argument("--days", type=int, metavar="N",
                           help="remind N days before a target date")


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    plan = workspace.plan
    if args.action == "add":
        target = parse_target(args.by)
        entry, new = plan.add(args.mc, target)
        if args.json:
            dump_json({"achievement_id": entry.achievement_id,
                       "target_date": entry.target.isoformat(), "new": new}, out)
        else:
            title = _title_of(plan.view(readiness=False), entry.achievement_id)
            verb = "Added to your plan" if new else "Moved in your plan"
            print(f"{verb}: {title}, by {entry.target.isoformat()}.", file=out)
        return EXIT_OK
    if args.action == "remove":
        before = plan.view(readiness=False)
        removed = plan.remove(args.mc)
        if args.json:
            dump_json({"removed": removed}, out)
        else:
            print(f"Taken out of your plan: {_title_of(before, removed)} (its drafts stay).",
                  file=out)
        return EXIT_OK
    if args.action == "goal":
        return _goal(workspace, args, out, err)
    if args.action == "reminders":
        if args.days is not None:
            plan.set_remind_days(args.days)
        view = plan.view(readiness=False)
        pressing = view.reminders
        if args.json:
            dump_json({"remind_days": view.remind_days, "today": view.today.isoformat(),
                       "reminders": [_item_json(i) for i in pressing]}, out)
        else:
            if not pressing:
                print(f"Nothing due in the next {view.remind_days} days.", file=out)
            for item in pressing:
                print(_reminder_line(item), file=out)
        return EXIT_PROBLEMS if pressing else EXIT_OK
    view = plan.view()
    if args.json:
        dump_json(view_json(view), out)
    else:
        _print_view(view, out)
    return EXIT_OK


def _goal(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    plan = workspace.plan
    if args.clear:
        if args.stack is not None:
            print("mcdesk: give a stack or --clear, not both", file=err)
            return EXIT_USER_ERROR
        had = plan.clear_goal()
        if args.json:
            dump_json({"goal": None, "cleared": had}, out)
        else:
            print("No stack goal now." if had else "There was no stack goal.", file=out)
        return EXIT_OK
    if args.stack is None:
        if args.by is not None:
            print("mcdesk: name the stack the date is for: plan goal STACK --by DATE", file=err)
            return EXIT_USER_ERROR
        view = plan.view(readiness=False)
        if args.json:
            dump_json({"goal": _goal_json(view.goal)}, out)
        else:
            print(_goal_line(view.goal) if view.goal else "No stack goal yet; set one with "
                  "`mcdesk plan goal STACK`.", file=out)
        return EXIT_OK
    target = parse_target(args.by) if args.by is not None else None
    plan.set_goal(args.stack, target)
    goal = plan.view(readiness=False).goal
    if args.json:
        dump_json({"goal": _goal_json(goal)}, out)
    else:
        print(_goal_line(goal) if goal else "", file=out)
    return EXIT_OK


# ---------------------------------------------------------------------------------- output


def _item_json(item: PlanItem) -> dict[str, Any]:
    return {"achievement_id": item.achievement_id, "title": item.title,
            "target_date": item.target.isoformat(), "state": item.state.value,
            "hours": item.hours, "hours_note": item.hours_note,
            "due": item.due.value if item.due else None,
            "overdue": item.due is Due.OVERDUE, "due_soon": item.due is Due.DUE_SOON,
            "days_left": item.days_left, "attempt": item.attempt, "detail": item.detail,
            "draft_id": item.draft_id, "criteria_done": item.criteria_done,
            "criteria_total": item.criteria_total, "in_catalog": item.in_catalog}


def _goal_json(goal: GoalProgress | None) -> dict[str, Any] | None:
    if goal is None:
        return None
    return {"stack_id": goal.stack_id, "name": goal.name,
            "target_date": goal.target.isoformat() if goal.target else None,
            "earned": goal.earned, "total": goal.total, "progress": goal.words,
            "in_plan": list(goal.in_plan),
            "not_in_plan": [{"achievement_id": i, "title": n} for i, n in goal.not_in_plan],
            "in_catalog": goal.in_catalog}


def view_json(view: PlanView) -> dict[str, Any]:
    return {"today": view.today.isoformat(), "remind_days": view.remind_days,
            "rule": view.rule_name, "entries": [_item_json(i) for i in view.items],
            "goal": _goal_json(view.goal)}


def _title_of(view: PlanView, achievement_id: str) -> str:
    return next((i.title for i in view.items if i.achievement_id == achievement_id),
                achievement_id)


def _hours_words(item: PlanItem) -> str:
    if item.hours is None:
        return ""
    words = f"{item.hours:g} h"
    return words + (f" ({item.hours_note})" if item.hours_note else "")


def _reminder_line(item: PlanItem) -> str:
    if item.due is Due.OVERDUE:
        when = f"overdue by {-item.days_left} day(s)"
    elif item.days_left == 0:
        when = "due today"
    else:
        when = f"due in {item.days_left} day(s)"
    return f"{item.title}: {when} ({item.target.isoformat()}), {item.state.value}"


def _goal_line(goal: GoalProgress | None) -> str:
    if goal is None:
        return ""
    if not goal.in_catalog:
        return f"Stack goal: {goal.stack_id} (no longer in the catalog)"
    line = f"Stack goal: {goal.name}, {goal.words} earned"
    if goal.target:
        line += f", by {goal.target.isoformat()}"
    if goal.not_in_plan:
        line += "; not in your plan yet: " + ", ".join(name for _i, name in goal.not_in_plan)
    return line


def _print_view(view: PlanView, out: TextIO) -> None:
    if not view.items:
        print("Your plan is empty. Add a micro-credential with "
              "`mcdesk plan add MC --by YYYY-MM-DD`.", file=out)
    for item in view.items:
        extra = [item.state.value]
        if item.detail:
            extra.append(item.detail)
        if item.criteria_total:
            extra.append(f"{item.criteria_done} of {item.criteria_total} criteria done")
        hours = _hours_words(item)
        if hours:
            extra.append(hours)
        flag = {Due.OVERDUE: "  OVERDUE", Due.DUE_SOON: "  due soon"}.get(item.due, "") \
            if item.due else ""
        print(f"{item.target.isoformat()}  {item.title}{flag}\n    {'; '.join(extra)}",
              file=out)
    if view.goal is not None:
        print(_goal_line(view.goal), file=out)
