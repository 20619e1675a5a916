"""The shell's operations (open and restore the portfolio, roles, the owner's name, sample
content, verifying credentials for a recognizer); built on the GUI thread, run on the lane
their kind gives them."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.changes import Change
from mcdesk.core.role import Role
from mcdesk.jobs.ops import Op

if TYPE_CHECKING:
    from mcdesk.core.check import CheckReport
    from mcdesk.core.plan import PlanItem
    from mcdesk.core.progress import JobControl
    from mcdesk.credentials.verification import Verification
    from mcdesk.jobs.runner import JobRunner
    from mcdesk.services.demo_evidence import DrawnSamples
    from mcdesk.services.workspace import Workspace


log = logging.getLogger(__name__)

translate = QCoreApplication.translate


def open_portfolio(root: Path, *, seed_demo: bool) -> Op[Workspace]:
    """Open (or create, with the demo catalog) the portfolio; services load on the worker."""

    def work(_c: object) -> Workspace:
        from mcdesk.services.workspace import Workspace

        return Workspace.open(root, create=True, seed_demo=seed_demo)

    return Op.open(translate("shell", "Opening the portfolio"), work)


def start_demo_content(runner: JobRunner, workspace: Workspace,
                       done: Callable[[object], None]) -> None:
    """Draw the sample evidence on the pool, then add it and the demo draft on the writer
    lane: encoding the sample video takes seconds on a slow laptop, and a catalog dropped or
    a check asked for meanwhile must not wait behind it. `done` gets the AddReport, or the
    exception if it failed."""

    def draw(_c: JobControl) -> DrawnSamples:
        from mcdesk.services.demo_evidence import draw_demo_samples

        return draw_demo_samples()

    def adopt(drawn: DrawnSamples) -> None:
        if runner.is_shut_down:  # the window closed while the samples were drawn
            drawn.discard()
            return

        def work(_c: JobControl) -> object:
            from mcdesk.services.demo import seed_demo_content

            return seed_demo_content(workspace, drawn)

        Op.write(translate("shell", "Preparing sample evidence"), work,
                 [Change.EVIDENCE, Change.DRAFTS]).success(done).failure(done).run(runner)

    # Neither step offers a Cancel: each is a few seconds, one FFmpeg encode and one add that
    # could not stop half-way, and half a demo would teach nothing.
    Op.media(translate("shell", "Drawing sample evidence"), draw, cancellable=False).success(
        adopt).failure(done).run(runner)


def start_demo_study(runner: JobRunner, workspace: Workspace) -> None:
    """Draw the demo's study files (resources, examples of work) on the pool, then, in a
    moment on the writer lane, import the catalog naming them and keep them offline."""
    from mcdesk.services import demo_study

    def adopt(prepared: demo_study.PreparedStudy) -> None:
        if runner.is_shut_down:  # the window closed while the files were drawn
            prepared.discard()
            return
        Op.write(translate("shell", "Keeping the demo's study files"),
                 lambda _c: demo_study.adopt_demo_study(workspace, prepared),
                 [Change.CATALOG, Change.STUDY]).failure(_demo_study_failed).run(runner)

    Op.media(translate("shell", "Drawing the demo's study files"),
             lambda control: demo_study.prepare_demo_study(workspace.root, control)).success(
        adopt).failure(_demo_study_failed).run(runner)


def _demo_study_failed(exc: BaseException) -> None:
    log.warning("Could not prepare the demo's study files: %s", exc)


def backup_if_due(workspace: Workspace) -> Op[object]:
    return Op.write(translate("shell",
                              "Backing up the portfolio"), lambda _c: workspace.backup_if_due(),
                    [Change.BACKUPS], cancellable=True)


def redraw_document_pictures(workspace: Workspace) -> Op[list[str]]:
    """Pictures of documents drawn the older way, drawn again (once a portfolio)."""
    return Op.media(translate("shell", "Redrawing the pictures of documents"),
                    lambda control: workspace.evidence.redraw_document_pictures(control))


def find_last_backup(root: Path) -> Op[Path | None]:
    def work(_c: object) -> Path | None:
        from mcdesk.services.recovery import last_backup

        return last_backup(root)

    return Op.read(translate("shell", "Looking for a backup"), work)


def restore_last_backup(root: Path) -> Op[tuple[Path, Path]]:
    def work(_c: object) -> tuple[Path, Path]:
        from mcdesk.services.recovery import restore_last_backup

        return restore_last_backup(root)

    return Op.write(translate("shell", "Restoring the backup"), work, [Change.PORTFOLIO])


def check_portfolio(workspace: Workspace, *, repair: bool) -> Op[CheckReport]:
    """Check (or repair) the portfolio on the writer lane, so no write lands half-way
    through what it compares."""

    def work(control: JobControl) -> CheckReport:
        return workspace.check(repair=repair, control=control)

    if repair:
        return Op.write(translate("shell", "Repairing the portfolio"), work, [Change.PORTFOLIO],
                        cancellable=True)
    return Op.exclusive(translate("shell", "Checking the portfolio"), work)


def current_role(workspace: Workspace) -> Op[Role]:
    return Op.read(translate("shell", "Reading your role"), lambda _c: workspace.roles.current())


def plan_reminders(workspace: Workspace) -> Op[tuple[tuple[PlanItem, ...], int]]:
    """A teacher's plan entries to remind of on start (none for other roles), with the
    reminder window in days."""

    def work(_c: object) -> tuple[tuple[PlanItem, ...], int]:
        if workspace.roles.current() is not Role.EARNER:
            return (), 0
        if not workspace.plan_may_remind(date.today()):  # most starts: no plan service
            return (), 0
        view = workspace.plan.view(readiness=False)
        return view.reminders, view.remind_days

    return Op.read(translate("shell", "Reading your plan"), work)


def switch_role(workspace: Workspace, role: Role) -> Op[Role]:
    return Op.write(translate("shell", "Switching role"), lambda _c: workspace.roles.switch(role),
                    [Change.ROLES])


def owner_name(workspace: Workspace) -> Op[str | None]:
    return Op.read(translate("shell", "Reading your name"), lambda _c: workspace.roles.owner_name())


def set_owner_name(workspace: Workspace, name: str) -> Op[object]:
    return Op.write(translate("shell",
                              "Saving your name"), lambda _c: workspace.roles.set_owner_name(name),
                    [Change.PROFILE])


def verify_files(paths: Sequence[Path]) -> Op[list[tuple[Path, Verification]]]:
    """Check credential files (and folders of them) offline; needs no portfolio."""
    files = list(paths)

    def work(_c: object) -> list[tuple[Path, Verification]]:
        from mcdesk.services.credential_check import verify_paths

        return verify_paths(files)

    return Op.media(translate("shell", "Verifying credentials"), work, cancellable=False)
