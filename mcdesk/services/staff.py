"""The issuer staff's use cases on the desktop: pull the submissions waiting for a decision with
their reviews side by side (and the pools, calibration sets and report) so they read offline,
compose and queue decisions (a decided submission may join its calibration set) and calibration
items to take out, send the queue with the next sync; pulls and pushes on the sync lane,
queueing on the writer lane, reads on any thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from mcdesk.core.errors import McdeskError
from mcdesk.core.packages import ReceivedPackage
from mcdesk.core.reviews import Annotation, AnnotationError
from mcdesk.core.staff import (
    CalibrationRemoval,
    CalibrationUse,
    CriterionFeedbackDraft,
    DecisionRefusedError,
    DecisionStatus,
    QueuedDecision,
    SideBySide,
    Snapshot,
    StaffPull,
    WaitingSubmission,
    check_decision,
)
from mcdesk.core.sync import Conflict, LoginNeeded, Rejected, TransientError
from mcdesk.services.packages import DOWNLOADS_DIR, PackageService
from mcdesk.storage.portfolio import Portfolio
from mcdesk.storage.staff_store import StaffStore, parse_side_by_side
from mcdesk.sync.client import IssuerClient

log = logging.getLogger(__name__)

POOLS, CALIBRATION, REPORT = "pools", "calibration", "report"


class StaffService:
    def __init__(self, portfolio: Portfolio, packages: PackageService | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        self._store = StaffStore(portfolio.database)
        # Where each waiting submission's package is opened, to play its evidence at a
        # comment (None: packages are not fetched).
        self._packages = packages
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))

    # -- reading (any thread) -------------------------------------------------------------

    def waiting(self, server: str | None = None) -> list[WaitingSubmission]:
        return self._store.waiting(server)

    def find(self, submission_id: str) -> WaitingSubmission:
        """A waiting submission by its id (or the start of it, as the CLI shows it)."""
        text = submission_id.strip().lower()
        found = [w for w in self._store.waiting() if w.submission_id.startswith(text)]
        if len(found) != 1:
            raise McdeskError(f"no submission {submission_id} waits for a decision" if not found
                              else f"{submission_id} names {len(found)} submissions: give "
                                   "more of the id")
        return found[0]

    def side_by_side(self, server: str, submission_id: str) -> SideBySide:
        return parse_side_by_side(self._store.detail(server, submission_id))

    def snapshot(self, server: str, kind: str) -> Snapshot | None:
        return self._store.snapshot(server, kind)

    def decisions(self, server: str | None = None) -> list[QueuedDecision]:
        return self._store.decisions(server)

    def package(self, submission_id: str) -> ReceivedPackage | None:
        """The submission's package as the last sync fetched it (None when not here)."""
        if self._packages is None:
            return None
        folder = self._packages.received_dir / submission_id
        return self._packages.load_received(folder) if folder.is_dir() else None

    def comments(self, server: str, submission_id: str) -> list[Annotation]:
        """Every review's comments as annotations (those that cannot be read are left out)."""
        found = []
        for entry in self._store.detail(server, submission_id).get("reviews", []):
            review = entry.get("review") if isinstance(entry, dict) else None
            for comment in review.get("comments", []) if isinstance(review, dict) else []:
                try:
                    found.append(Annotation.from_wire(comment))
                except (AnnotationError, KeyError, TypeError, ValueError):
                    continue
        return found

    # -- deciding (writer lane) -----------------------------------------------------------

    def queue_decision(self, server: str, submission_id: str, state: str,
                       feedback: list[CriterionFeedbackDraft],
                       reason: str | None = None, *,
                       calibrate: bool = False) -> QueuedDecision:
        """Check a composed decision against the reviews pulled (a reason is needed before
        every review is in and against the rubric rule) and queue it for the next sync; with
        `calibrate`, the submission then joins its calibration set, its levels the reference
        (so every criterion needs one)."""
        view = self.side_by_side(server, submission_id)
        reason = (reason or "").strip() or None
        problems = check_decision(view, state, feedback, reason, calibrate=calibrate)
        if problems:
            raise DecisionRefusedError("; ".join(problems))
        return self._store.queue_decision(server, submission_id, state, feedback, reason,
                                          self.clock(), calibrate=calibrate)

    def take_out_of_calibration(self, server: str, submission_id: str) -> CalibrationRemoval:
        """Queue a calibration item to be taken out of its set (with every assessor's score
        of it) at the next sync."""
        return self._store.queue_calibration_removal(server, submission_id, self.clock())

    def calibration_removals(self, server: str | None = None) -> list[CalibrationRemoval]:
        return self._store.calibration_removals(server)

    # -- sync (the sync lane) -------------------------------------------------------------

    def sync(self, client: IssuerClient, server: str) -> StaffPull:
        """Send the queued decisions, then pull what waits (with the reviews side by side),
        the pools, the calibration sets and the report."""
        problems: list[str] = []
        sent = 0
        for decision in self._store.decisions(server, DecisionStatus.QUEUED):
            try:
                client.post_json(f"submissions/{decision.submission_id}/decision",
                                 decision.body(), "sending a decision")
            except (Rejected, Conflict) as exc:
                self._store.mark_decision(server, decision.submission_id,
                                          DecisionStatus.REFUSED, self.clock(), str(exc))
                problems.append(f"decision on {decision.submission_id[:8]}: {exc}")
                continue
            self._store.mark_decision(server, decision.submission_id, DecisionStatus.SENT,
                                      self.clock())
            sent += 1
        added = self._send_calibration(client, server, problems)
        removed = self._send_removals(client, server, problems)
        waiting = client.get_json("staff/submissions", "listing submissions waiting")
        entries: list[tuple[dict[str, Any], dict[str, Any]]] = []
        for summary in waiting if isinstance(waiting, list) else []:
            if not isinstance(summary, dict) or "submissionId" not in summary:
                continue
            detail = client.get_json(f"staff/submissions/{summary['submissionId']}/reviews",
                                     "reading the reviews of a submission")
            entries.append((summary, detail if isinstance(detail, dict) else {}))
        self._store.replace_waiting(server, entries, self.clock())
        problems += self._fetch_packages(client, entries)
        for kind, path in ((POOLS, "staff/pools"), (CALIBRATION, "staff/calibration"),
                           (REPORT, "staff/report")):
            try:
                self._store.save_snapshot(server, kind, client.get_json(path, f"reading {kind}"),
                                          self.clock())
            except (LoginNeeded, TransientError):
                raise
            except (Rejected, Conflict) as exc:
                problems.append(f"{kind}: {exc}")
        return StaffPull(len(entries), sent, tuple(problems), added, removed)

    def _send_calibration(self, client: IssuerClient, server: str,
                          problems: list[str]) -> int:
        """Make each decided submission staff chose for calibration a calibration item (how
        many were): the issuer takes its decision's levels as the reference. Before the
        calibration sets are pulled, so the Assessors place lists the new item after this very
        sync. What the issuer refused joins `problems`."""
        added = 0
        for decision in self._store.decisions(server):
            if decision.calibration is not CalibrationUse.QUEUED:
                continue
            sid = decision.submission_id
            if decision.status is DecisionStatus.REFUSED:
                self._store.mark_calibration(server, sid, CalibrationUse.REFUSED,
                                             "its decision was refused")
                continue
            if decision.status is not DecisionStatus.SENT:
                continue
            try:
                client.post_json("staff/calibration", {"submissionId": sid},
                                 "adding a calibration item")
            except (Rejected, Conflict) as exc:
                self._store.mark_calibration(server, sid, CalibrationUse.REFUSED, str(exc))
                problems.append(f"calibration item {sid[:8]}: {exc}")
                continue
            self._store.mark_calibration(server, sid, CalibrationUse.ADDED)
            added += 1
        return added

    def _send_removals(self, client: IssuerClient, server: str, problems: list[str]) -> int:
        """Take out the calibration items staff asked to, before the sets are pulled (how many
        went). One the issuer no longer has in a set (404) is out, as asked; what it refused
        joins `problems`."""
        removed = 0
        for removal in self._store.calibration_removals(server, DecisionStatus.QUEUED):
            sid = removal.submission_id
            try:
                client.delete_json(f"staff/calibration/{sid}",
                                   "taking a calibration item out")
            except (Rejected, Conflict) as exc:
                if not (isinstance(exc, Rejected) and exc.status == 404):
                    self._store.mark_calibration_removal(server, sid, DecisionStatus.REFUSED,
                                                         str(exc))
                    problems.append(f"calibration item {sid[:8]}: {exc}")
                    continue
            self._store.mark_calibration_removal(server, sid, DecisionStatus.SENT)
            removed += 1
        return removed

    def _fetch_packages(self, client: IssuerClient,
                        entries: list[tuple[dict[str, Any], dict[str, Any]]]) -> list[str]:
        """Fetch and open the package of each submission ready for a decision (every review
        in) and not here yet, through one of its assignments (staff may download any). One
        still under review is decided only once it is ready: its videos, often gigabytes on
        a school's connection, come with the first sync after that."""
        if self._packages is None:
            return []
        problems = []
        for summary, detail in entries:
            sid = str(summary["submissionId"])
            if summary.get("ready") is not True or (self._packages.received_dir / sid).is_dir():
                continue
            assignment = next((r.get("assignmentId") for r in detail.get("reviews", [])
                               if isinstance(r, dict) and r.get("assignmentId")), None)
            if assignment is None:
                continue
            folder = self._packages.received_dir / DOWNLOADS_DIR
            folder.mkdir(parents=True, exist_ok=True)
            dest = folder / f"staff-{sid}.zip"
            try:
                client.download_bag(str(assignment), dest)
                self._packages.open_received(dest)
            except (LoginNeeded, TransientError):
                raise
            except McdeskError as exc:
                problems.append(f"the files of {summary.get('name', sid)}: {exc}")
            finally:
                dest.unlink(missing_ok=True)
        return problems
