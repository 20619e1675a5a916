"""The Badges place's operations (list, import, verify again, share, transcript, recognition
rules): the only code in this place that starts background work; built on the GUI thread, run
on the lane their kind gives them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.changes import Change
from mcdesk.core.credentials import (
    CredentialLine,
    EarnedCredential,
    RecognitionRule,
    StackProgress,
    Transcript,
)
from mcdesk.core.errors import McdeskError
from mcdesk.jobs.ops import Op

if TYPE_CHECKING:
    from mcdesk.services.badges import ExportKind, ImportResult
    from mcdesk.services.workspace import Workspace



translate = QCoreApplication.translate


@dataclass(frozen=True)
class BadgesView:
    """Everything the place shows, read in one go."""

    credentials: tuple[EarnedCredential, ...]
    hours: dict[str, tuple[float, str]]
    stacks: tuple[StackProgress, ...]
    competencies: dict[str, str]
    rule: RecognitionRule | None


def first_page(workspace: Workspace, count: int) -> Op[tuple[CredentialLine, ...]]:
    """The newest `count` credentials' rows: the list's first screenful, shown before the
    whole credentials, and the hours, stacks and competencies of all of them, are read
    (`load`)."""
    return Op.read(translate("badges", "Reading your badges"),
                   lambda _c: tuple(workspace.badges.lines(count)))


def load(workspace: Workspace) -> Op[BadgesView]:
    def work(_c: object) -> BadgesView:
        badges = workspace.badges
        credentials = tuple(badges.list())
        return BadgesView(credentials=credentials, hours=badges.hours(credentials),
                          stacks=tuple(badges.stacks(credentials)),
                          competencies={c.id: badges.competency(c) for c in credentials},
                          rule=badges.active_rule())

    return Op.read(translate("badges", "Reading your badges"), work)


def import_files(workspace: Workspace,
                 paths: Sequence[Path]) -> Op[list[ImportResult | McdeskError]]:
    files = list(paths)
    return Op.write(translate("badges", "Importing credentials"),
                    lambda _c: workspace.badges.import_files(files), [Change.CREDENTIALS])


def verify_again(workspace: Workspace, credential_id: str) -> Op[EarnedCredential]:
    return Op.write(translate("badges", "Verifying the credential again"),
                    lambda _c: workspace.badges.reverify(credential_id), [Change.CREDENTIALS],
                    ids=[credential_id])


def export(workspace: Workspace, credential_id: str, kind: ExportKind, dest: Path) -> Op[Path]:
    # Writes a file the teacher chose, never the portfolio: the pool, like other media work.
    return Op.media(translate("badges", "Sharing the badge"),
                    lambda _c: workspace.badges.export(credential_id, kind, dest),
                    cancellable=False)


def write_transcript(workspace: Workspace, start: date, end: date,
                     dest: Path) -> Op[Transcript]:
    return Op.media(translate("badges", "Writing the transcript"),
                    lambda _c: workspace.badges.write_transcript(start, end, dest),
                    cancellable=False)


def rules(workspace: Workspace) -> Op[list[RecognitionRule]]:
    return Op.read(translate("badges",
                             "Reading recognition rules"), lambda _c: workspace.badges.rules())


def save_rule(workspace: Workspace, rule: RecognitionRule) -> Op[RecognitionRule]:
    return Op.write(translate("badges", "Saving the recognition rule"),
                    lambda _c: workspace.badges.save_rule(rule), [Change.RECOGNITION])


def delete_rule(workspace: Workspace, rule_id: int) -> Op[None]:
    return Op.write(translate("badges", "Deleting the recognition rule"),
                    lambda _c: workspace.badges.delete_rule(rule_id), [Change.RECOGNITION])
