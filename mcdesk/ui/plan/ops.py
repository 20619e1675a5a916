"""The Plan place's operations (the plan worked out, adding and moving entries, the stack goal,
the reminder window): the only code in this place that starts background work; built on the
GUI thread, run on the lane their kind gives them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.catalog import CatalogEntry, Stack
from mcdesk.core.changes import Change
from mcdesk.core.plan import PlanEntry, PlanView, StackGoal
from mcdesk.jobs.ops import Op

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace


translate = QCoreApplication.translate


@dataclass(frozen=True)
class Choices:
    """What the add and goal dialogs offer: the catalog's micro-credentials and stacks."""

    entries: tuple[CatalogEntry, ...]
    stacks: tuple[Stack, ...]


def load(workspace: Workspace) -> Op[PlanView]:
    return Op.read(translate("plan", "Reading your plan"), lambda _c: workspace.plan.view())


def choices(workspace: Workspace) -> Op[Choices]:
    def work(_c: object) -> Choices:
        catalog = workspace.catalog
        return Choices(tuple(catalog.entries(limit=100_000)), tuple(catalog.stacks()))

    return Op.read(translate("plan", "Reading the catalog"), work)


def title_of(workspace: Workspace, achievement_id: str) -> Op[tuple[str, date | None]]:
    """A micro-credential's name and, when it is in the plan already, its target date."""

    def work(_c: object) -> tuple[str, date | None]:
        name = workspace.catalog.detail(achievement_id).micro_credential.name
        found = next((e.target for e in workspace.plan.entries()
                      if e.achievement_id == achievement_id), None)
        return name, found

    return Op.read(translate("plan", "Opening a micro-credential"), work)


def add(workspace: Workspace, achievement_id: str,
        target: date) -> Op[tuple[PlanEntry, bool]]:
    return Op.write(translate("plan", "Adding to your plan"),
                    lambda _c: workspace.plan.add(achievement_id, target), [Change.PLAN],
                    ids=[achievement_id])


def remove(workspace: Workspace, achievement_id: str) -> Op[str]:
    return Op.write(translate("plan", "Taking it out of your plan"),
                    lambda _c: workspace.plan.remove(achievement_id), [Change.PLAN],
                    ids=[achievement_id])


def set_goal(workspace: Workspace, stack_id: str, target: date | None) -> Op[StackGoal]:
    return Op.write(translate("plan", "Setting your stack goal"),
                    lambda _c: workspace.plan.set_goal(stack_id, target), [Change.PLAN])


def clear_goal(workspace: Workspace) -> Op[bool]:
    return Op.write(translate("plan", "Clearing your stack goal"),
                    lambda _c: workspace.plan.clear_goal(), [Change.PLAN])


def add_many(workspace: Workspace, achievement_ids: list[str], target: date) -> Op[int]:
    """Several micro-credentials at once (a stack goal's missing members), one target."""

    def work(_c: object) -> int:
        return sum(int(workspace.plan.add(i, target)[1]) for i in achievement_ids)

    return Op.write(translate("plan", "Adding to your plan"), work, [Change.PLAN],
                    ids=achievement_ids)


def set_remind_days(workspace: Workspace, days: int) -> Op[int]:
    return Op.write(translate("plan", "Saving when to remind you"),
                    lambda _c: workspace.plan.set_remind_days(days), [Change.PLAN])
