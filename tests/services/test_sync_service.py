"""The sync service against the reference issuing server (mcdesk_issuer, its own process on
127.0.0.1), with the fault proxy between them where a fault is wanted: server profiles and the
keyring, queueing, a full pass (push, poll, decisions, catalog, credentials), backoff on a fake
clock, login needed, an early refusal naming the file and the limit, a connection cut mid-file."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcdesk.core.drafts import DraftStatus
from mcdesk.core.errors import McdeskError
from mcdesk.core.sync import FileState, OutboxState, ServerProfile
from mcdesk.credentials.vc_jwt import CredentialError, verify_vc_jwt
from mcdesk.services.sync import BACKOFF_FIRST_S, BACKOFF_MAX_S, NotReadyError, backoff_seconds
from mcdesk.services.workspace import Workspace
from mcdesk.sync import secrets
from mcdesk.sync.client import IssuerClient
from tests.fault_proxy import FaultProxy
from tests.memory_keyring import MemoryKeyring
from tests.sync_helpers import (
    FAMILY,
    FakeClock,
    Issuer,
    issuer_missing_reason,
    ready_draft,
    running_issuer,
)

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")
SLICE = 256 * 1024


@pytest.fixture(scope="module")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Issuer]:
    with running_issuer(tmp_path_factory.mktemp("issuer")) as started:
        yield started


@pytest.fixture(scope="module")
def earner_token(issuer: Issuer) -> str:
    return issuer.token("earner", "Teacher A")


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    opened = Workspace.open(tmp_path / "portfolio")
    clock = FakeClock()
    opened.sync.clock = clock
    opened.sync.client_factory = small_slices
    yield opened
    opened.close()


def small_slices(profile: ServerProfile, token: str | None) -> IssuerClient:
    return IssuerClient(profile.url, token, server=profile.name, slice_size=SLICE,
                        timeout=(5.0, 15.0))


def test_backoff_grows_with_jitter_caps_and_honours_retry_after() -> None:
    rng = random.Random(7)
    for attempts in range(1, 15):
        step = min(BACKOFF_MAX_S, BACKOFF_FIRST_S * 2 ** (attempts - 1))
        wait = backoff_seconds(attempts, None, rng)
        assert step / 2 <= wait <= step
    assert backoff_seconds(1, 120.0, rng) == 120.0
    assert backoff_seconds(30, None, rng) <= BACKOFF_MAX_S


def test_server_profiles_keep_the_token_in_the_keyring_only(
        workspace: Workspace, memory_keyring: MemoryKeyring, issuer: Issuer) -> None:
    sync = workspace.sync
    added = sync.add_server("riverbend", issuer.url + "/", "s3cret-token-value")
    assert added.url == issuer.url and added.has_token
    assert memory_keyring.secrets[("mcdesk", "server:riverbend")] == "s3cret-token-value"
    database = (workspace.root / "mcdesk.sqlite3").read_bytes()
    wal = workspace.root / "mcdesk.sqlite3-wal"
    assert b"s3cret-token-value" not in database
    assert not wal.exists() or b"s3cret-token-value" not in wal.read_bytes()
    assert [p.name for p in sync.servers()] == ["riverbend"]
    with pytest.raises(McdeskError, match="cannot name a server"):
        sync.add_server("bad name", issuer.url, "x")
    with pytest.raises(McdeskError, match="not a server address"):
        sync.add_server("other", "ftp://example.org", "x")
    with pytest.raises(McdeskError, match="no token"):
        sync.add_server("other", issuer.url, "  ")
    sync.remove_server("riverbend")
    assert sync.servers() == []
    assert ("mcdesk", "server:riverbend") not in memory_keyring.secrets


def test_an_unready_draft_is_not_queued(workspace: Workspace, issuer: Issuer) -> None:
    workspace.catalog.import_text(
        Path(__file__).resolve().parents[2].joinpath(
            "resources/demo_catalog.json").read_text("utf-8"), "demo")
    workspace.sync.add_server("riverbend", issuer.url, "token")
    draft = workspace.drafts.new(FAMILY)
    with pytest.raises(NotReadyError) as raised:
        workspace.sync.queue(draft.id)
    assert raised.value.problems
    assert workspace.sync.outbox() == []


def test_a_full_pass_sends_once_then_brings_back_the_decision_and_the_credential(
        workspace: Workspace, issuer: Issuer, earner_token: str, tmp_path: Path) -> None:
    sync = workspace.sync
    sync.add_server("riverbend", issuer.url, earner_token)
    draft_id = ready_draft(workspace, tmp_path / "files")
    queued = sync.queue(draft_id)
    assert not queued.already and queued.item.state is OutboxState.QUEUED
    assert "riverbend" in queued.note
    assert {f.path for f in queued.item.files} >= {"bagit.txt", "bag-info.txt",
                                                   "manifest-sha256.txt",
                                                   "tagmanifest-sha256.txt",
                                                   "data/submission.json"}
    before = len(issuer.submissions())

    report = sync.sync_once()
    assert report.ok, report
    (item_report,) = report.items
    assert item_report.state is OutboxState.RECEIVED
    assert item_report.bytes_sent == item_report.bytes_total == queued.item.bytes_total
    assert report.servers[0].catalog.startswith("imported")
    assert workspace.drafts.get(draft_id).status is DraftStatus.SUBMITTED
    assert len(issuer.submissions()) == before + 1
    item = sync.outbox()[0]
    assert all(f.state is FileState.SENT for f in item.files)

    # Queueing again and passing again change nothing and send nothing.
    assert sync.queue(draft_id).already
    again = sync.sync_once()
    assert again.ok and again.items[0].bytes_this_pass == 0
    assert again.servers[0].catalog == "unchanged"
    assert len(issuer.submissions()) == before + 1

    issuer.decide(item.submission_id, "earned", issuer.token("staff", "Coordinator"))
    decided = sync.sync_once()
    assert decided.ok, decided
    assert sync.outbox()[0].state is OutboxState.EARNED
    assert workspace.drafts.get(draft_id).status is DraftStatus.EARNED
    assert decided.servers[0].credentials_new >= 1
    kept = workspace.badges.list()
    assert kept and all(c.format == "vc-jwt" for c in kept)  # the reference issuer's VC-JWTs
    for credential in kept:
        assert credential.state == "verified", credential.reasons  # verified on arrival
        assert credential.source == "riverbend"
        assert credential.achievement_name == "Two-Way Communication with Families"
        assert credential.image and credential.image.startswith("data:image/svg+xml")
        assert credential.awarded is not None and credential.evidence  # the richer credential
        text = credential.raw.decode("ascii")
        assert verify_vc_jwt(text).achievement_name == credential.achievement_name
        tampered = text[:-6] + ("A" if text[-6] != "A" else "B") + text[-5:]
        with pytest.raises(CredentialError, match="signature"):
            verify_vc_jwt(tampered)
    assert not (workspace.root / "credentials").exists()
    # Pulled again: kept once.
    assert sync.sync_once().servers[0].credentials_new == 0
    assert len(workspace.badges.list()) == len(kept)


def test_a_503_waits_its_turn_on_the_clock(workspace: Workspace, issuer: Issuer,
                                           earner_token: str, tmp_path: Path) -> None:
    sync = workspace.sync
    clock = sync.clock
    assert isinstance(clock, FakeClock)
    port = int(issuer.url.rsplit(":", 1)[1])
    with FaultProxy(port) as proxy:
        sync.add_server("riverbend", proxy.url, earner_token)
        draft_id = ready_draft(workspace, tmp_path / "files")
        sync.queue(draft_id)
        proxy.inject(503, "Service Unavailable", {"Retry-After": "120"})
        first = sync.sync_once()
        assert not first.ok and not first.servers[0].reached
        (waiting,) = first.items
        assert waiting.state is OutboxState.WAITING
        assert waiting.next_attempt_at is not None
        assert (waiting.next_attempt_at - clock.now).total_seconds() >= 120
        # Not due yet: the pass reaches the server but leaves the item alone.
        connections = proxy.connections
        second = sync.sync_once()
        assert second.servers[0].reached
        assert second.items[0].state is OutboxState.WAITING
        assert second.items[0].bytes_this_pass == 0
        assert not second.ok
        assert proxy.connections >= connections  # discovery and pulls only
        clock.advance(121)
        third = sync.sync_once()
        assert third.ok, third
        assert third.items[0].state is OutboxState.RECEIVED


def test_an_unknown_token_stops_the_server_until_a_new_one_is_given(
        workspace: Workspace, issuer: Issuer, earner_token: str, tmp_path: Path) -> None:
    sync = workspace.sync
    sync.add_server("riverbend", issuer.url, "mci_not-a-real-token")
    draft_id = ready_draft(workspace, tmp_path / "files")
    sync.queue(draft_id)
    report = sync.sync_once()
    assert not report.ok and report.servers[0].login_needed
    assert report.items[0].state is OutboxState.LOGIN_NEEDED
    assert sync.sync_once().items[0].state is OutboxState.LOGIN_NEEDED  # never retried blindly
    sync.add_server("riverbend", issuer.url, earner_token)
    assert sync.outbox()[0].state.unsent  # back on its way, from where it stood
    assert sync.sync_once().items[0].state is OutboxState.RECEIVED


def test_a_file_over_the_servers_limit_is_refused_before_sending(
        tmp_path: Path, earner_token: str) -> None:
    with running_issuer(tmp_path / "small-issuer", "--max-file-gb", "0.0002") as small:
        token = small.token("earner", "Teacher B")
        opened = Workspace.open(tmp_path / "portfolio")
        try:
            sync = opened.sync
            sync.add_server("small", small.url, token)
            draft_id = ready_draft(opened, tmp_path / "files", big_bytes=400 * 1024)
            sync.queue(draft_id)
            report = sync.sync_once()
            assert not report.ok
            (item,) = report.items
            assert item.state is OutboxState.REJECTED
            assert "data/evidence/p2-document-01-family-survey.pdf" in item.error
            assert "takes in one file" in item.error
            assert item.bytes_sent == 0
            assert small.submissions() == []
            assert opened.drafts.get(draft_id).status is DraftStatus.DRAFT
        finally:
            opened.close()


def test_a_connection_cut_mid_file_costs_at_most_a_slice(
        workspace: Workspace, issuer: Issuer, earner_token: str, tmp_path: Path) -> None:
    sync = workspace.sync
    port = int(issuer.url.rsplit(":", 1)[1])
    with FaultProxy(port) as proxy:
        sync.add_server("riverbend", proxy.url, earner_token)
        draft_id = ready_draft(workspace, tmp_path / "files", big_bytes=3 * 1024 * 1024)
        item = sync.queue(draft_id).item
        proxy.cut_after(1536 * 1024)
        report = sync.sync_once()
        assert report.ok, report
        assert proxy.cuts == 1
        assert report.items[0].state is OutboxState.RECEIVED
        overhead = 256 * 1024  # requests' headers, discovery, the begin body, pulls
        assert proxy.upstream_bytes <= item.bytes_total + SLICE + overhead


def test_the_token_is_never_logged(workspace: Workspace, issuer: Issuer, earner_token: str,
                                   tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    sync = workspace.sync
    sync.add_server("riverbend", issuer.url, earner_token)
    sync.queue(ready_draft(workspace, tmp_path / "files"))
    assert sync.sync_once().ok
    assert earner_token not in caplog.text
    assert secrets.get_token("riverbend") == earner_token


def test_a_metered_pass_holds_large_uploads_and_sends_the_rest_later(
        workspace: Workspace, issuer: Issuer, earner_token: str, tmp_path: Path) -> None:
    sync = workspace.sync
    sync.add_server("riverbend", issuer.url, earner_token)
    draft_id = ready_draft(workspace, tmp_path / "files", big_bytes=3_000_000)
    queued = sync.queue(draft_id)
    before = len(issuer.submissions())

    held = sync.sync_once(hold_larger_than=1_000_000)
    (report,) = held.items
    assert "not metered" in report.error and not held.ok
    item = sync.outbox()[0]
    assert item.state is OutboxState.QUEUED and item.bytes_sent == 0
    assert len(issuer.submissions()) == before  # nothing went out

    sent = sync.sync_once()
    assert sent.ok, sent
    assert sync.outbox()[0].state is OutboxState.RECEIVED
    assert sync.outbox()[0].bytes_sent == queued.item.bytes_total
    assert len(issuer.submissions()) == before + 1
