"""Reviews over the wire, end to end against the reference issuing server (mcdesk_issuer in its
own process on 127.0.0.1): an earner's submission is assigned by the issuer's staff; an
assessor's portfolio syncs, its download is cut half way and resumes from where it stopped;
the review (scores, feedback, a timed comment for the earner, a private one) is pushed and read
back from the server; the earner syncs the decision and finds the feedback and only the
comments meant for them. A review changed elsewhere is a conflict (412 and 428), never
overwritten; a review of a submission decided meanwhile is closed; a damaged download is
deleted and fetched again; an account that is no assessor gets a note, not a failure."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from mcdesk.core.drafts import DraftStatus
from mcdesk.core.reviews import Anchor, Audience, CommentKind, ReviewState, Role
from mcdesk.core.sync import OutboxState, ServerProfile, SyncReport
from mcdesk.services.review_sync import NOT_AN_ASSESSOR
from mcdesk.services.workspace import Workspace
from mcdesk.sync import secrets
from mcdesk.sync.client import IssuerClient, parse_status
from mcdesk.sync.http import make_session
from tests.fault_proxy import FaultProxy
from tests.sync_helpers import Issuer, issuer_missing_reason, ready_draft, running_issuer

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")
MB = 1024 * 1024
EARNER_SERVER = "riverbend"
ASSESSOR_SERVER = "riverbend-reviews"


class BagResponses:
    """Every bag download answer the assessor's client got: (status, Content-Length)."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, int]] = []
        self.session = make_session()
        self.session.hooks["response"].append(self._record)

    def _record(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        if response.url.endswith("/bag"):
            self.seen.append((response.status_code,
                              int(response.headers.get("Content-Length", "-1"))))

    def factory(self) -> Callable[[ServerProfile, str | None], IssuerClient]:
        return lambda profile, token: IssuerClient(profile.url, token, server=profile.name,
                                                   session=self.session)


@pytest.fixture(scope="module")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Issuer]:
    with running_issuer(tmp_path_factory.mktemp("issuer")) as started:
        yield started


@pytest.fixture(scope="module")
def staff(issuer: Issuer) -> str:
    return issuer.token("staff", "Review Coordinator")


def submitted(issuer: Issuer, folder: Path, *, big_bytes: int = 0
              ) -> tuple[Workspace, str, str]:
    """An earner's portfolio that sent a ready draft: (workspace, draft id, submission id)."""
    earner = Workspace.open(folder / "earner")
    draft_id = ready_draft(earner, folder / "files", big_bytes=big_bytes)
    earner.sync.add_server(EARNER_SERVER, issuer.url,
                           issuer.token("earner", f"Teacher {folder.name}"))
    earner.sync.queue(draft_id)
    report = earner.sync.sync_once()
    assert report.ok, report
    (item,) = earner.sync.outbox()
    assert item.state is OutboxState.RECEIVED
    return earner, draft_id, item.submission_id


def assessor_portfolio(issuer: Issuer, folder: Path, name: str, url: str | None = None,
                       ) -> tuple[Workspace, str]:
    """An assessor's portfolio (the demo catalog, the assessor role) for a new assessor
    account; (workspace, token)."""
    workspace = Workspace.open(folder / "assessor", seed_demo=True)
    token = issuer.token("assessor", name)
    workspace.sync.add_server(ASSESSOR_SERVER, url or issuer.url, token)
    workspace.roles.switch(Role.ASSESSOR)
    return workspace, token


def assign(issuer: Issuer, submission_id: str, assessor: str) -> str:
    return issuer.cli("assign", submission_id, assessor).strip()


def score_all(workspace: Workspace, review_id: str, level: str = "proficient") -> None:
    reviews = workspace.reviews
    for criterion in reviews.work(review_id).rubric:
        chosen = next(lv.id for lv in criterion.levels if lv.id.endswith(f"/{level}"))
        reviews.set_level(review_id, criterion.id, chosen)
        reviews.set_feedback(review_id, criterion.id, f"{criterion.name}: seen at {level}.")


def server_review(issuer: Issuer, token: str, assignment_id: str) -> requests.Response:
    return issuer.get(f"/api/v1/assignments/{assignment_id}/review", token)


def put_elsewhere(issuer: Issuer, token: str, assignment_id: str, body: dict[str, Any],
                  etag: str | None = None) -> str:
    """The same assessor changing the review from another client (the web, a second
    computer); the new ETag."""
    headers = {"Authorization": f"Bearer {token}"}
    if etag is not None:
        headers["If-Match"] = etag
    with requests.put(f"{issuer.url}/api/v1/assignments/{assignment_id}/review", json=body,
                      headers=headers, timeout=10) as answer:
        assert answer.status_code in (200, 201), answer.text
        return answer.headers["ETag"]


def only_server(report: SyncReport) -> Any:
    (server,) = report.servers
    return server


def test_an_assignment_is_downloaded_reviewed_sent_and_its_comments_reach_the_earner(
        issuer: Issuer, staff: str, tmp_path: Path) -> None:
    earner, draft_id, submission_id = submitted(issuer, tmp_path, big_bytes=6 * MB)
    port = int(issuer.url.rsplit(":", 1)[1])
    bags = BagResponses()
    proxy = FaultProxy(port)
    with proxy:
        assessor, token = assessor_portfolio(issuer, tmp_path, "Assessor Rivera", proxy.url)
        try:
            assessor.sync.client_factory = bags.factory()
            assignment_id = assign(issuer, submission_id, "Assessor Rivera")
            reviews = assessor.reviews

            # The first sync: the assignment is queued, its download cut half way and
            # resumed at once from the bytes kept (a 206), within the same pass.
            proxy.cut_download_after(3 * MB)
            first = only_server(assessor.sync.sync_once())
            assert first.reached and not first.error, first
            assert first.assignments_new == 1
            assert first.review_problems == (), first
            review = reviews.resolve(assignment_id)
            (status, whole), (resumed, rest) = bags.seen
            kept = whole - rest
            assert status == 200 and resumed == 206 and 0 < kept < whole

            # The second sync has nothing more to fetch.
            second = only_server(assessor.sync.sync_once())
            assert second.review_problems == () and second.assignments_new == 0, second
            assert len(bags.seen) == 2
            work = reviews.work(review.id)
            assert work.package is not None and work.package.submission_id == submission_id
            # No zip, no .part left.
            assert not any(assessor.review_outbox.downloads_dir().iterdir())

            # Score, comment (one for the earner at a moment, one private), finish.
            evidence = next(e for c in work.package.criteria for e in c.evidence if e.file)
            assert evidence.file is not None
            inside = evidence.file.relative_to(work.package.folder).as_posix()
            score_all(assessor, review.id)
            criterion = work.rubric[1]
            shown = reviews.add_comment(
                review.id, Anchor(evidence.id, path=inside, start_ms=12_500),
                "At 0:12 the survey shows every family's preferred language.",
                kind=CommentKind.STRENGTH, rubric_criterion_id=criterion.id,
                audience=Audience.EARNER)
            private = reviews.add_comment(
                review.id, Anchor(evidence.id, path=inside, page=1),
                "For the issuer: check the consent of the family named on page 1.",
                audience=Audience.ISSUER)
            assert reviews.finish(review.id).state is ReviewState.QUEUED

            pushed = only_server(assessor.sync.sync_once())
            assert pushed.reviews_sent == 1 and pushed.review_problems == (), pushed
            sent = reviews.get(review.id)
            assert sent.state is ReviewState.SENT and sent.etag

            # What the server holds is what was reviewed.
            held = server_review(issuer, token, assignment_id)
            assert held.status_code == 200 and held.headers["ETag"] == sent.etag
            body = held.json()
            assert body == assessor.review_outbox.to_push(review.id).body()
            assert body["decision"] == "earned"
            comments = {c["id"]: c for c in body["comments"]}
            assert comments[shown.id]["atSeconds"] == 12.5
            assert comments[shown.id]["rubricCriterionId"] == criterion.id
            assert comments[shown.id]["audience"] == "earner"
            assert comments[private.id]["audience"] == "issuer"
            assert {s["rubricCriterionId"]: s["levelId"] for s in body["scores"]} == {
                s.rubric_criterion_id: s.level_id for s in sent.scores}
            again = only_server(assessor.sync.sync_once())
            assert again.reviews_sent == 0 and again.review_problems == ()
        finally:
            assessor.close()
            bags.session.close()

    # The issuer decides from the reviews; the earner's next sync brings it all home.
    issuer.cli("decide", submission_id, "earned")
    try:
        report = earner.sync.sync_once()
        assert report.ok, report
        draft = earner.drafts.get(draft_id)
        assert draft.status is DraftStatus.EARNED
        feedback = {f.rubric_criterion_id: f.feedback for f in draft.received_feedback}
        assert feedback[criterion.id] == f"{criterion.name}: seen at proficient."
        (received,) = earner.feedback.received_comments(draft_id)
        assert received.text == shown.text and received.kind is CommentKind.STRENGTH
        assert received.anchor.start_ms == 12_500 and received.anchor.target == evidence.id
        assert received.rubric_criterion_id == criterion.id
        assert received.audience is Audience.EARNER
        # Set-up: the earner's own token (a new token by name would be a new person).
        own = secrets.get_token(EARNER_SERVER)
        assert own is not None
        seen = issuer.get(f"/api/v1/submissions/{submission_id}", own).text
        assert "Rivera" not in seen and private.text not in seen
        assert shown.text in seen
    finally:
        earner.close()


def test_a_review_changed_elsewhere_is_a_conflict_and_never_overwritten(
        issuer: Issuer, tmp_path: Path) -> None:
    earner, _draft_id, submission_id = submitted(issuer, tmp_path)
    earner.close()
    assessor, token = assessor_portfolio(issuer, tmp_path, "Assessor Okafor")
    try:
        assignment_id = assign(issuer, submission_id, "Assessor Okafor")
        assert only_server(assessor.sync.sync_once()).review_problems == ()
        reviews = assessor.reviews
        review = reviews.resolve(assignment_id)
        score_all(assessor, review.id)
        reviews.finish(review.id)
        reviews.reopen(review.id)  # taken back before it was sent, changed, finished again
        score_all(assessor, review.id, "exemplary")
        assert reviews.finish(review.id).state is ReviewState.QUEUED
        mine = assessor.review_outbox.to_push(review.id).body()

        # Meanwhile the same assessor wrote another version elsewhere, and edited it there.
        elsewhere = {**mine, "reviewId": str(uuid.uuid4()),
                     "comments": [{"text": "Written on the web.", "audience": "earner"}]}
        etag = put_elsewhere(issuer, token, assignment_id, elsewhere)
        edited = {**elsewhere, "comments": [{"text": "Edited on the web.",
                                             "audience": "earner"}]}
        etag = put_elsewhere(issuer, token, assignment_id, edited, etag)

        first = only_server(assessor.sync.sync_once())  # no If-Match: 428
        conflict = reviews.get(review.id)
        assert conflict.state is ReviewState.CONFLICT
        assert conflict.server_copy == edited and conflict.etag == etag
        assert "another version" in conflict.error
        assert first.reviews_sent == 0 and first.review_problems == (conflict.error,)
        assert server_review(issuer, token, assignment_id).json() == edited

        # "Send mine anyway" — but it changed there once more: 412, still nothing overwritten.
        assessor.review_outbox.resend_over_conflict(review.id)
        again = {**edited, "comments": [{"text": "Edited twice.", "audience": "earner"}]}
        newer = put_elsewhere(issuer, token, assignment_id, again, etag)
        assessor.sync.sync_once()
        conflict = reviews.get(review.id)
        assert conflict.state is ReviewState.CONFLICT
        assert conflict.server_copy == again and conflict.etag == newer
        assert server_review(issuer, token, assignment_id).json() == again

        # Sent anyway over the version the assessor saw: now the server holds theirs.
        assessor.review_outbox.resend_over_conflict(review.id)
        sent = only_server(assessor.sync.sync_once())
        assert sent.reviews_sent == 1 and sent.review_problems == (), sent
        final = reviews.get(review.id)
        assert final.state is ReviewState.SENT
        held = server_review(issuer, token, assignment_id)
        assert held.json() == mine and held.headers["ETag"] == final.etag
    finally:
        assessor.close()


def test_a_damaged_download_is_fetched_again_and_a_review_too_late_is_closed(
        issuer: Issuer, staff: str, tmp_path: Path) -> None:
    earner, _draft_id, submission_id = submitted(issuer, tmp_path)
    earner.close()
    assessor = Workspace.open(tmp_path / "assessor", seed_demo=True)
    try:
        token = issuer.token("assessor", "Assessor Lindqvist")
        assessor.sync.add_server(ASSESSOR_SERVER, issuer.url, token)
        assignment_id = assign(issuer, submission_id, "Assessor Lindqvist")
        reviews = assessor.reviews

        # Used as an earner's portfolio, it leaves the assignments alone.
        plain = assessor.sync.sync_once()
        assert plain.ok, plain
        assert assessor.review_outbox.known_assignment_ids(ASSESSOR_SERVER) == set()

        assessor.roles.switch(Role.ASSESSOR)
        damaged = assessor.review_outbox.downloads_dir() / f"{assignment_id}.zip"
        damaged.write_bytes(b"not the submission")
        first = only_server(assessor.sync.sync_once())
        (problem,) = first.review_problems
        assert "damaged" in problem and "downloaded again" in problem, problem
        assert not damaged.exists()
        assert reviews.resolve(assignment_id).package_folder is None
        second = only_server(assessor.sync.sync_once())
        assert second.review_problems == ()
        review = reviews.resolve(assignment_id)
        assert review.package_folder is not None

        score_all(assessor, review.id)
        reviews.finish(review.id)
        issuer.decide(submission_id, "not yet", staff)  # before the review went out
        late = only_server(assessor.sync.sync_once())
        closed = reviews.get(review.id)
        assert closed.state is ReviewState.CLOSED and closed.locked
        assert "decided before the review reached the server" in closed.error
        assert late.review_problems == (closed.error,) and late.reviews_sent == 0
        assert server_review(issuer, token, assignment_id).status_code == 404
        assert not late.error  # a closed review is news, not a failed sync
        assert only_server(assessor.sync.sync_once()).review_problems == ()  # said once
    finally:
        assessor.close()


def test_an_account_that_is_no_assessor_gets_a_note_not_a_failure(
        issuer: Issuer, tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "portfolio", seed_demo=True)
    try:
        workspace.sync.add_server(ASSESSOR_SERVER, issuer.url,
                                  issuer.token("earner", "Teacher Without Reviews"))
        workspace.roles.switch(Role.ASSESSOR)
        report = workspace.sync.sync_once()
        assert report.ok, report
        server = only_server(report)
        assert server.review_problems == (NOT_AN_ASSESSOR.format(server=ASSESSOR_SERVER),)
        assert server.assignments_new == 0 and server.reviews_sent == 0
        assert workspace.reviews.list() == []
    finally:
        workspace.close()



def test_a_status_keeps_the_comments_mcdesk_can_read_and_logs_the_others(
        caplog: pytest.LogCaptureFixture) -> None:
    status = {"submissionId": str(uuid.uuid4()), "state": "not yet", "feedback": [],
              "decidedAt": "2026-12-01T09:00:00Z", "credentialId": None,
              "comments": [{"id": str(uuid.uuid4()), "text": "Clear at 1:20.", "kind": "strength",
                            "audience": "earner", "evidenceId": "urn:uuid:e1",
                            "atSeconds": 80, "endSeconds": 85.5},
                           {"text": "", "evidenceId": "urn:uuid:e1"},
                           "not a comment",
                           {"text": "Ends before it starts", "evidenceId": "urn:uuid:e1",
                            "atSeconds": 9, "endSeconds": 3}]}
    with caplog.at_level(logging.WARNING, logger="mcdesk.sync.client"):
        parsed = parse_status(status, "asking what became of the submission")
    (kept,) = parsed.comments
    assert kept.text == "Clear at 1:20." and kept.kind is CommentKind.STRENGTH
    assert (kept.anchor.start_ms, kept.anchor.end_ms) == (80_000, 85_500)
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warned) == 3, warned
    for number, message in enumerate(warned, start=1):
        assert f"comment {number}" in message and "left out" in message
    without = parse_status({**status, "comments": None, "state": "received"}, "status")
    assert without.comments == ()
