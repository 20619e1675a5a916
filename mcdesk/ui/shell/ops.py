"""The shell's operations (open and restore the portfolio, roles, the owner's name, sample
content, verifying credentials for a recognizer); built on the GUI thread, run on the lane
their kind gives them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.changes import Change
from mcdesk.core.reviews import Role
from mcdesk.jobs.ops import Op

if TYPE_CHECKING:
    from mcdesk.core.check import CheckReport
    from mcdesk.core.progress import JobControl
    from mcdesk.credentials.verification import Verification
    from mcdesk.services.workspace import Workspace



translate = QCoreApplication.translate


def open_portfolio(root: Path, *, seed_demo: bool) -> Op[Workspace]:
    """Open (or create, with the demo catalog) the portfolio; services load on the worker."""

    def work(_c: object) -> Workspace:
        from mcdesk.services.workspace import Workspace

        return Workspace.open(root, create=True, seed_demo=seed_demo)

    return Op.write(translate("shell", "Opening the portfolio"), work, [Change.PORTFOLIO])


def seed_demo_content(workspace: Workspace) -> Op[object]:
    def work(_c: object) -> object:
        from mcdesk.services.demo import seed_demo_content

        return seed_demo_content(workspace)

    return Op.write(translate("shell",
                              "Preparing sample evidence"), work, [Change.EVIDENCE, Change.DRAFTS],
                    cancellable=True)


def backup_if_due(workspace: Workspace) -> Op[object]:
    return Op.write(translate("shell",
                              "Backing up the portfolio"), lambda _c: workspace.backup_if_due(),
                    [Change.BACKUPS], cancellable=True)


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
