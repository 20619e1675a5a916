"""The Sync place's operations: reading the outbox, a sync pass on its server lane, servers
and queueing a draft; built on the GUI thread, run on the lane their kind gives them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.changes import Change, ChangeNotice
from mcdesk.core.reviews import ReviewState, ReviewSummary, Role
from mcdesk.core.study import FetchReport
from mcdesk.core.sync import OutboxItem, ServerProfile, SyncReport
from mcdesk.core.sync_counts import SyncCounts
from mcdesk.jobs.ops import Op

if TYPE_CHECKING:
    from mcdesk.core.progress import JobControl
    from mcdesk.jobs.runner import JobRunner
    from mcdesk.services.workspace import Workspace

SYNC_LANE = "sync"
"""One lane for every pass: two passes never run at once."""

Outbox = tuple[list[ServerProfile], list[OutboxItem], list[ReviewSummary]]



translate = QCoreApplication.translate


def outbox(workspace: Workspace) -> Op[Outbox]:
    """The servers, the outbox, and finished reviews still waiting for their server."""

    def work(_c: JobControl) -> Outbox:
        waiting = [r for r in workspace.reviews.summaries()
                   if r.server and r.state in (ReviewState.QUEUED, ReviewState.CONFLICT)]
        return workspace.sync.servers(), workspace.sync.outbox(), waiting

    return Op.read(translate("sync", "Reading the outbox"), work)


def counts(workspace: Workspace) -> Op[SyncCounts]:
    """How many servers, outbox items and waiting reviews there are: the status line before
    the Sync place is opened (no sync service, no SQLAlchemy)."""
    return Op.read(translate("sync", "Reading the outbox"), lambda _c: workspace.sync_counts())


def sync_pass(workspace: Workspace, hold_larger_than: int | None, *,
              immediate: bool = False) -> Op[SyncReport]:
    """One pass over every server (`immediate`: the person asked, so every waiting item is
    tried now). What it brought back depends on the servers, so the notice is announced from
    the report (`announce_pass`), not declared up front."""
    return Op.network(translate("sync",
                                "Syncing"), SYNC_LANE, lambda control: workspace.sync.sync_once(
        control=control, hold_larger_than=hold_larger_than, immediate=immediate))


def brought_back(report: SyncReport) -> frozenset[Change]:
    """What a pass changed in the portfolio: the outbox always; drafts when an item moved
    (sent, decided); the catalog, credentials and reviews when a server sent any."""
    changes = {Change.OUTBOX}
    if report.items or any(s.reached for s in report.servers):
        changes.add(Change.DRAFTS)
    for server in report.servers:
        if server.catalog and server.catalog != "unchanged":
            changes.add(Change.CATALOG)
        if server.credentials_new:
            changes.add(Change.CREDENTIALS)
        if server.assignments_new or server.reviews_sent or server.review_problems \
                or server.review_notes:
            changes.add(Change.REVIEWS)
        if server.decisions_sent or server.waiting_pulled:
            changes.add(Change.DECISIONS)
    return frozenset(changes)


def announce_pass(runner: JobRunner, report: SyncReport, origin: object) -> None:
    runner.announce(ChangeNotice.of(brought_back(report), origin=origin,
                                    ids=[i.draft_id for i in report.items]))


def add_server(workspace: Workspace, name: str, url: str, token: str, *,
               insecure: bool = False, token_file: bool = False) -> Op[ServerProfile]:
    return Op.write(translate("sync", "Saving the server"),
                    lambda _c: workspace.sync.add_server(name, url, token,
                                                         allow_insecure_http=insecure,
                                                         allow_token_file=token_file),
                    [Change.SERVERS, Change.OUTBOX])


def adopt_server_role(workspace: Workspace, name: str) -> Op[Role | None]:
    """Ask the server whose token this is and work in that role (a network call that may
    then write the role: on the server's lane, announcing a change of roles)."""
    return Op.network(translate("sync", "Asking whose token this is"), SYNC_LANE,
                      lambda _c: workspace.sync.adopt_server_role(name), changes=[Change.ROLES])


def remove_server(workspace: Workspace, name: str) -> Op[object]:
    return Op.write(translate("sync",
                              "Removing the server"), lambda _c: workspace.sync.remove_server(name),
                    [Change.SERVERS, Change.OUTBOX])


def queue_draft(workspace: Workspace, draft_id: str, server: str | None) -> Op[object]:
    return Op.write(translate("sync", "Putting the draft in the outbox"),
                    lambda _c: workspace.sync.queue(draft_id, server),
                    [Change.OUTBOX, Change.DRAFTS], ids=[draft_id])


STUDY_LANE = "study-files"
"""Study files come down on a lane of their own, after a pass, waiting for any later one."""


def study_background(workspace: Workspace, metered: bool) -> Op[FetchReport]:
    """The low-priority pass over study files: all the catalog names, within the budget;
    nothing on a metered network."""
    return Op.network(translate("sync", "Bringing study files down"), STUDY_LANE,
                      lambda control: workspace.study.background(control, metered=metered),
                      changes=[Change.STUDY])


def study_budget(workspace: Workspace) -> Op[tuple[int, int]]:
    """The storage budget for study files and what they use now."""
    return Op.read(translate("sync", "Reading the storage budget"),
                   lambda _c: (workspace.study.budget(), workspace.study.used()))


def set_study_budget(workspace: Workspace, budget: int) -> Op[object]:
    return Op.write(translate("sync", "Saving the storage budget"),
                    lambda _c: workspace.study.set_budget(budget), [Change.STUDY])
