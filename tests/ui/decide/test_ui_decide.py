"""Assessment as issuers run it, end to end on loopback with the real reference issuer and real
portfolios: experts take the first submissions, earners who earned the micro-credential become
the peer pool, a peer disagreement across the passing level calls a third assessor, staff
reconcile in the desktop app's Decide place (pytest-qt) and the teacher receives the composed
feedback; the Assessors place shows pools and agreement; `mcdesk decide` works offline from
the same copy; test thread."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mcdesk.cli import build_parser, run
from mcdesk.core.drafts import DraftStatus
from mcdesk.core.reviews import Role
from mcdesk.jobs.runner import JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.ui.assessors.page import AssessorsPage
from mcdesk.ui.decide.page import DecidePage
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow
from mcdesk.ui.shell.places import PlaceKey
from tests.conftest import REPO
from tests.issuer_api import api, review
from tests.sync_helpers import (
    FAMILY,
    Issuer,
    issuer_missing_reason,
    ready_draft,
    running_issuer,
)

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")
WAIT = 30000
SCREENS = REPO.parent / "screens" / "staff"
SERVER = "riverbend"


@pytest.fixture(scope="module")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Issuer]:
    with running_issuer(tmp_path_factory.mktemp("issuer")) as started:
        yield started


def person_id(issuer: Issuer, name: str) -> str:
    for line in issuer.cli("people", "list").splitlines():
        found, _, rest = line.partition("  ")
        if rest.startswith(name + "  "):
            return found
    raise AssertionError(f"{name} not in {issuer.cli('people', 'list')}")


def earner_sends(issuer: Issuer, folder: Path, name: str) -> tuple[Workspace, str, str, str]:
    """A teacher's portfolio that sent a ready draft: (workspace, draft, submission, token)."""
    workspace = Workspace.open(folder / "portfolio")
    draft_id = ready_draft(workspace, folder / "files")
    token = issuer.token("earner", name)
    # Each portfolio its own server name: tokens are kept per server name in the keyring.
    workspace.sync.add_server(f"{SERVER}-{folder.name.lower()}", issuer.url, token)
    workspace.sync.queue(draft_id)
    assert workspace.sync.sync_once().ok
    (item,) = workspace.sync.outbox()
    return workspace, draft_id, item.submission_id, token


def assessors_of(issuer: Issuer, staff: str, submission_id: str) -> dict[str, str]:
    view = api(issuer, staff, "GET", f"staff/submissions/{submission_id}/reviews")
    return {r["assessorName"]: r["kind"] for r in view["reviews"]}


def sync_in_window(window: MainWindow, qtbot: QtBot) -> None:
    """Sync now from the window, once any pass already going (the one at opening) ended."""
    page = window.sync_page
    qtbot.waitUntil(lambda: page.has_servers() and page._pass is None, timeout=WAIT)
    with qtbot.waitSignal(page.pass_finished, timeout=WAIT * 2) as blocker:
        page.sync_now()
    assert not blocker.args[0].servers[0].error, blocker.args[0]


def cli(root: Path, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(build_parser().parse_args(["--portfolio", str(root), *args]), out, err)
    return code, out.getvalue() + err.getvalue()


def test_experts_then_peers_and_staff_reconcile_in_the_desktop_app(
        issuer: Issuer, tmp_path: Path, qtbot: QtBot) -> None:
    staff = issuer.token("staff", "Ines Coordinator")
    experts = {name: issuer.token("assessor", name) for name in ("Eli Expert", "Fay Expert")}
    for name in experts:
        issuer.cli("pool", "add", FAMILY, person_id(issuer, name), "--expert")
    issuer.cli("pool", "settings", FAMILY, "--expert-submissions", "2", "--experts", "1",
               "--peers", "2")

    # Two teachers send: the first two submissions go to one expert each.
    teachers = {name: earner_sends(issuer, tmp_path / name.split()[0], name)
                for name in ("Ada Teacher", "Ben Teacher")}
    given = {name: assessors_of(issuer, staff, sent[2]) for name, sent in teachers.items()}
    assert all(list(g.values()) == ["expert"] for g in given.values()), given
    assert {next(iter(g)) for g in given.values()} == set(experts)
    for name, (_ws, _draft, submission, _token) in teachers.items():
        (expert,) = given[name]
        review(issuer, experts[expert], submission, staff)

    # Staff pull the work into the desktop app.
    root = tmp_path / "staff"
    workspace = Workspace.open(root)
    workspace.sync.add_server(SERVER, issuer.url, staff)
    assert workspace.sync.adopt_server_role(SERVER) is Role.STAFF
    report = workspace.sync.sync_once()
    assert report.ok, report
    assert report.servers[0].waiting_pulled == 2
    workspace.close()

    window = MainWindow(JobRunner(), root)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    try:
        qtbot.waitUntil(lambda: window.role is Role.STAFF, timeout=WAIT)
        window.show_place(PlaceKey.DECIDE)
        decide = window.place(PlaceKey.DECIDE)
        assert isinstance(decide, DecidePage)
        qtbot.waitUntil(lambda: decide.list.count() == 2, timeout=WAIT)
        ada_submission = teachers["Ada Teacher"][2]
        row = next(i for i, w in enumerate(decide.waiting)
                   if w.submission_id == ada_submission)
        decide.list.setCurrentRow(row)
        qtbot.waitUntil(lambda: decide.right.currentIndex() == 1 and decide.detail is not None
                        and decide.detail.waiting.submission_id == ada_submission,
                        timeout=WAIT)
        composer = decide.composer
        assert "Earned" in composer.rule_label.text()
        assert composer.queue_button.isEnabled()
        first = composer.editors[0]
        assert "seen by" in first.feedback.toPlainText()  # pre-filled from the assessor
        first.feedback.setPlainText("Composed by staff: the plan names each family.")
        # Deciding against the rule needs a reason.
        composer.decision.setCurrentIndex(composer.decision.findData("not yet"))
        assert not composer.queue_button.isEnabled()
        assert "write why" in composer.problems.text()
        composer.decision.setCurrentIndex(composer.decision.findData("earned"))
        assert composer.queue_button.isEnabled()
        comments = decide.side.comments.topLevelItem(0)
        assert comments.child(0).text(0) == "0:12"
        SCREENS.mkdir(parents=True, exist_ok=True)
        # The evidence at the comment, in the shared annotation viewer.
        decide.side.comments.itemDoubleClicked.emit(comments.child(0), 1)
        qtbot.waitUntil(lambda: decide.evidence_dialog is not None
                        and decide.evidence_dialog.isVisible(), timeout=WAIT)
        assert decide.evidence_dialog is not None
        shown = decide.evidence_dialog.panel
        piece = shown.piece()
        assert piece is not None and piece.path is not None and piece.path.is_file()
        assert [c.text for c in shown.comments()] == ["At 0:12 the survey shows who answered."]
        decide.evidence_dialog.grab().save(str(SCREENS / "decide-evidence.png"))
        decide.evidence_dialog.close()
        window.grab().save(str(SCREENS / "decide.png"))
        composer.queue_button.click()
        qtbot.waitUntil(lambda: any(w.decision is not None for w in decide.waiting),
                        timeout=WAIT)

        sync_in_window(window, qtbot)
        ada, ada_draft = teachers["Ada Teacher"][0], teachers["Ada Teacher"][1]
        assert ada.sync.sync_once().ok
        assert ada.drafts.get(ada_draft).status is DraftStatus.EARNED
        feedback = {f.feedback for f in ada.drafts.get(ada_draft).received_feedback}
        assert "Composed by staff: the plan names each family." in feedback

        # Ben's decision from the command line (offline, from the same copy).
        workspace_now = window.workspace
        assert workspace_now is not None
        code, text = cli(root, "decide", "list", "--json")
        assert code == 0, text
        listed = {w["submission_id"]: w for w in json.loads(text)}
        ben_submission = teachers["Ben Teacher"][2]
        assert listed[ben_submission]["ready"]
        code, text = cli(root, "decide", "show", ben_submission[:8])
        assert code == 0 and "reconciled" in text, text
        code, text = cli(root, "decide", "submit", ben_submission[:8], "--decision", "not-yet")
        assert code != 0 and "write why" in text  # against the rule, no reason
        code, text = cli(root, "decide", "submit", ben_submission[:8], "--decision", "earned",
                         "--json")
        assert code == 0, text
        sync_in_window(window, qtbot)
        ben, ben_draft = teachers["Ben Teacher"][0], teachers["Ben Teacher"][1]
        assert ben.sync.sync_once().ok
        assert ben.drafts.get(ben_draft).status is DraftStatus.EARNED

        # Both earned it: with assessor tokens of their own they are the peer pool.
        peers = {name: issuer.cli("token", "create", "--role", "assessor", "--person",
                                  person_id(issuer, name)).strip() for name in teachers}
        third = earner_sends(issuer, tmp_path / "Cal", "Cal Teacher")
        assert assessors_of(issuer, staff, third[2]) == {
            "Ada Teacher": "peer", "Ben Teacher": "peer"}
        review(issuer, peers["Ada Teacher"], third[2], staff)
        review(issuer, peers["Ben Teacher"], third[2], staff, below=("messages",))
        called = assessors_of(issuer, staff, third[2])
        assert len(called) == 3 and sorted(called.values()) == ["extra", "peer", "peer"]
        assert set(called) - set(teachers) <= set(experts)

        sync_in_window(window, qtbot)
        window.show_place(PlaceKey.DECIDE)
        qtbot.waitUntil(lambda: any(w.submission_id == third[2] for w in decide.waiting),
                        timeout=WAIT)
        row = next(i for i, w in enumerate(decide.waiting) if w.submission_id == third[2])
        assert "Disagree across the passing level" in decide.list.item(row).text()
        decide.list.setCurrentRow(row)
        qtbot.waitUntil(lambda: decide.detail is not None
                        and decide.detail.waiting.submission_id == third[2], timeout=WAIT)
        assert not decide.composer.queue_button.isEnabled()  # the third review is not in
        assert "2 of 3" in decide.composer.rule_label.text()
        messages = decide.side.table.item(1, 0)  # one peer passes it, the other does not
        assert messages.background().color().name() == "#f6d58c"
        window.grab().save(str(SCREENS / "decide-disagreement.png"))

        window.show_place(PlaceKey.ASSESSORS)
        assessors = window.place(PlaceKey.ASSESSORS)
        assert isinstance(assessors, AssessorsPage)
        qtbot.waitUntil(lambda: assessors.stack.currentIndex() == 1, timeout=WAIT)
        assert assessors.pools.topLevelItemCount() >= 1
        assert assessors.assessors.rowCount() >= 2
        window.grab().save(str(SCREENS / "assessors-pools.png"))
        assessors.tabs.setCurrentIndex(1)
        window.grab().save(str(SCREENS / "assessors-agreement.png"))
        for teacher in teachers.values():
            teacher[0].close()
        third[0].close()
    finally:
        window.close()
