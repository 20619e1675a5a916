"""Earned badges: keep credentials received any way (sync, a file), verify them offline, show
them, share them (baked PNG/SVG, JSON, a PDF certificate), follow stacks, and turn them into
in-service hours with a transcript; worker thread (writes on the writer lane)."""

from __future__ import annotations

import builtins
import csv
import enum
import hashlib
import io
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mcdesk.core.credentials import (
    LEGACY_DIR,
    LEGACY_DONE_KEY,
    LEGACY_INDEX,
    CredentialLine,
    CredentialOrigin,
    EarnedCredential,
    RecognitionRule,
    StackProgress,
    Transcript,
    TranscriptLine,
    hours_for,
)
from mcdesk.core.drafts import DraftStatus
from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.credentials.errors import CredentialError
from mcdesk.credentials.received import ReceivedCredential, read_credential
from mcdesk.credentials.verification import Verification, verify_credential
from mcdesk.services.catalog import CatalogService
from mcdesk.storage import credential_store
from mcdesk.storage.atomic import write_atomic
from mcdesk.storage.credential_store import CheckedFields, CredentialStore, NewCredential
from mcdesk.storage.portfolio import Portfolio

if TYPE_CHECKING:
    from mcdesk.services.drafts import DraftService

log = logging.getLogger(__name__)

# A credential file larger than this is refused unread (a baked badge is well under 1 MB).
MAX_CREDENTIAL_FILE = 10 * 1024 * 1024

STATE_WORDS = {"verified": "Verified", "needs-network": "Needs a network check",
               "failed": "Failed"}


class ExportKind(enum.StrEnum):
    PNG = "png"
    SVG = "svg"
    JSON = "json"
    PDF = "pdf"


@dataclass(frozen=True)
class ImportResult:
    credential: EarnedCredential
    new: bool
    path: Path | None = None


def _checked(verification: Verification) -> CheckedFields:
    return CheckedFields(
        state=verification.state.value, reasons=tuple(verification.reasons),
        warnings=tuple(verification.warnings), achievement_id=verification.achievement_id,
        achievement_name=verification.achievement_name,
        achievement_type=verification.achievement_type, issuer_id=verification.issuer_id,
        issuer_name=verification.issuer_name, valid_from=verification.valid_from,
        valid_until=verification.valid_until, awarded=verification.awarded,
        image=verification.image, results=tuple(verification.results),
        evidence=tuple(verification.evidence))


class BadgeService:
    """Earned credentials and recognition in one portfolio. Thread-safe (one session a call)."""

    def __init__(self, portfolio: Portfolio, catalog: CatalogService,
                 drafts: DraftService | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        self._portfolio = portfolio
        self._catalog = catalog
        self._drafts = drafts
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self._store = CredentialStore(portfolio.database)

    # -- receiving -------------------------------------------------------------------------

    def receive(self, data: bytes, name: str, origin: CredentialOrigin,
                source: str) -> ImportResult:
        """Keep `data` (exactly these bytes) once, verified now. Bytes that hold no
        credential at all raise McdeskError; a credential that fails verification is kept
        with its state and reasons, so the teacher sees why."""
        try:
            received = read_credential(data, name)
        except CredentialError as exc:
            raise McdeskError(f"not a credential mcdesk can read: {_reason(exc, name)}",
                              path=name) from None
        return self._keep(received, origin, source)

    def _keep(self, received: ReceivedCredential, origin: CredentialOrigin,
              source: str) -> ImportResult:
        now = self.clock()
        verification = verify_credential(received, now=now)
        new = NewCredential(sha256=hashlib.sha256(received.raw).hexdigest(),
                            format=received.format.value, raw=received.raw,
                            payload=received.payload, credential=received.credential,
                            origin=origin, source=source)
        credential, is_new = self._store.add(new, _checked(verification), now)
        return ImportResult(credential, is_new)

    def import_file(self, path: Path) -> ImportResult:
        """Import a credential file (OB 3.0 JSON, VC-JWT, baked PNG or SVG, OB 2.0)."""
        try:
            size = path.stat().st_size
            if size > MAX_CREDENTIAL_FILE:
                raise McdeskError(f"{size // (1024 * 1024)} MB is too large for a credential; "
                                  "nothing was kept", path=path)
            data = path.read_bytes()
        except FileNotFoundError:
            raise McdeskError("no such file", path=path) from None
        except IsADirectoryError:
            raise McdeskError("this is a folder, not a credential file", path=path) from None
        except OSError as exc:
            raise McdeskError(f"cannot be read ({exc.strerror})", path=path) from None
        try:
            result = self.receive(data, path.name, CredentialOrigin.IMPORT, path.name)
        except McdeskError as exc:
            raise McdeskError(exc.detail, path=path) from None
        return ImportResult(result.credential, result.new, path)

    def import_files(self, paths: Sequence[Path]) -> builtins.list[ImportResult | McdeskError]:
        """Each file imported on its own: one bad file does not stop the others."""
        results: builtins.list[ImportResult | McdeskError] = []
        for path in paths:
            try:
                results.append(self.import_file(path))
            except McdeskError as exc:
                results.append(exc)
        return results

    def import_legacy_folder(self) -> int:
        """Credentials an older mcdesk's sync left as files under credentials/: into the
        store once (the folder is left as it is); the count of new ones."""
        if self._portfolio.meta(LEGACY_DONE_KEY) == "yes":
            return 0
        folder = self._portfolio.layout.root / LEGACY_DIR
        new = 0
        try:
            index = json.loads((folder / LEGACY_INDEX).read_text("utf-8"))
        except FileNotFoundError:
            index = {"credentials": []}
        except (OSError, ValueError) as exc:
            log.warning("The old credentials index cannot be read: %s", exc)
            index = {"credentials": []}
        entries = index.get("credentials") if isinstance(index, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
                continue
            path = folder / Path(entry["file"]).name
            server = entry.get("server") if isinstance(entry.get("server"), str) else None
            try:
                result = self.receive(path.read_bytes(), path.name, CredentialOrigin.SYNC,
                                      server or path.name)
            except (OSError, McdeskError) as exc:
                log.warning("An old credential file was not imported: %s: %s", path, exc)
                continue
            new += int(result.new)
        self._store.set_meta(LEGACY_DONE_KEY, "yes")
        return new

    # -- reading ---------------------------------------------------------------------------

    def list(self) -> builtins.list[EarnedCredential]:
        """Every earned credential, newest first."""
        return self._store.list()

    def lines(self, limit: int) -> builtins.list[CredentialLine]:
        """The newest `limit` credentials as the list shows them (plain SQL, no ORM)."""
        return credential_store.newest_lines(self._portfolio.reads, limit)

    def get(self, credential_id: str) -> EarnedCredential:
        return self._store.get(credential_id)

    def resolve(self, reference: str) -> EarnedCredential:
        """A credential by its id, the first 6+ characters of it, or its micro-credential's
        name (when only one credential has it)."""
        reference = reference.strip()
        found = self._store.list()
        exact = [c for c in found if c.id == reference]
        if exact:
            return exact[0]
        if len(reference) >= 6:
            prefixed = [c for c in found if c.id.startswith(reference)]
            if len(prefixed) == 1:
                return prefixed[0]
        named = [c for c in found if c.title.casefold() == reference.casefold()]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise McdeskError(f'{len(named)} credentials are called "{reference}"; use its id')
        raise NotFoundError(f'no earned credential "{reference}" in this portfolio')

    def reverify(self, credential_id: str) -> EarnedCredential:
        """Verify the kept bytes again (dates move on; a key may have been cached since)."""
        credential = self._store.get(credential_id)
        now = self.clock()
        try:
            received = read_credential(credential.raw, credential.source)
        except CredentialError as exc:
            verification_fields = CheckedFields(
                state="failed", reasons=(_reason(exc, credential.source),), warnings=(),
                achievement_id=credential.achievement_id,
                achievement_name=credential.achievement_name,
                achievement_type=credential.achievement_type,
                issuer_id=credential.issuer_id, issuer_name=credential.issuer_name,
                valid_from=credential.valid_from, valid_until=credential.valid_until,
                awarded=credential.awarded, image=credential.image,
                results=credential.results, evidence=credential.evidence)
            return self._store.record_check(credential_id, verification_fields, now)
        return self._store.record_check(
            credential_id, _checked(verify_credential(received, now=now)), now)

    def competency(self, credential: EarnedCredential) -> str:
        """The competency the credential certifies: from the catalog when the
        micro-credential is there, else the credential's own achievement description."""
        if credential.achievement_id:
            try:
                stored = self._catalog.current_definition(credential.achievement_id)
            except McdeskError:
                stored = None
            if stored is not None and stored.competency:
                return stored.competency
        subject = credential.credential.get("credentialSubject")
        achievement = subject.get("achievement") if isinstance(subject, dict) else None
        if isinstance(achievement, dict):
            for key in ("description", "criteria"):
                value = achievement.get(key)
                if isinstance(value, dict):
                    value = value.get("narrative")
                if isinstance(value, str) and value.strip():
                    return value.strip()
        return credential.title

    def catalog_hours(self) -> dict[str, float]:
        return {entry.achievement_id: entry.in_service_hours
                for entry in self._catalog.entries(limit=100_000)
                if entry.in_service_hours is not None}

    # -- sharing ---------------------------------------------------------------------------

    def export_bytes(self, credential_id: str, kind: ExportKind) -> bytes:
        """The credential shared as `kind`: a baked PNG or SVG (the credential inside), the
        credential JSON, or a one-page PDF certificate."""
        from mcdesk.credentials.baking import bake_png, bake_svg
        from mcdesk.media import badges as pictures

        credential = self._store.get(credential_id)
        if kind is ExportKind.JSON:
            return _credential_json(credential)
        if kind is ExportKind.PNG:
            return bake_png(pictures.badge_png(credential.image, credential.title),
                            credential.payload)
        if kind is ExportKind.SVG:
            return bake_svg(pictures.badge_svg(credential.image, credential.title),
                            credential.payload).encode("utf-8")
        certificate = pictures.Certificate(
            title=credential.title, competency=self.competency(credential),
            issuer=credential.issuer_name or credential.issuer_id or "Unknown issuer",
            earned_on=_long_date(credential.earned_on),
            verification=self.verification_line(credential),
            holder=self._owner_name())
        return pictures.certificate_pdf(
            certificate, pictures.badge_png(credential.image, credential.title, size=256))

    def export(self, credential_id: str, kind: ExportKind, dest: Path) -> Path:
        """Write the export to `dest` atomically (nothing half-written on any error)."""
        data = self.export_bytes(credential_id, kind)
        try:
            write_atomic(dest, data)
        except OSError as exc:
            raise McdeskError(f"cannot be written ({exc.strerror})", path=dest) from None
        return dest

    def verification_line(self, credential: EarnedCredential) -> str:
        words = STATE_WORDS.get(credential.state, credential.state)
        line = (f"{words} offline by mcdesk on {credential.checked_at:%Y-%m-%d}: "
                f"{_format_words(credential.format)} signed by "
                f"{credential.issuer_id or 'an unknown issuer'}.")
        if credential.reasons:
            line += " " + "; ".join(credential.reasons)
        return line + " The credential is baked into the PNG and SVG badges shared with it."

    def _owner_name(self) -> str | None:
        from mcdesk.services.roles import OWNER_NAME_KEY

        return self._portfolio.meta(OWNER_NAME_KEY)

    # -- stacks ----------------------------------------------------------------------------

    def stacks(self, credentials: Sequence[EarnedCredential] | None = None
               ) -> builtins.list[StackProgress]:
        """For each stack in the catalog: earned, in progress and missing members
        (`credentials`: the list, when the caller has just read it)."""
        if credentials is None:
            credentials = self._store.list()
        earned_ids = {c.achievement_id for c in credentials
                      if c.achievement_id and c.state != "failed"}
        doing: dict[str, str] = {}
        if self._drafts is not None:
            for draft in self._drafts.list():
                status = {DraftStatus.DRAFT: "draft", DraftStatus.PACKAGED: "draft",
                          DraftStatus.SUBMITTED: "in review",
                          DraftStatus.NOT_YET: "not yet"}.get(draft.status)
                if status is not None and doing.get(draft.achievement_id) != "in review":
                    doing[draft.achievement_id] = status
        progress: builtins.list[StackProgress] = []
        for stack in self._catalog.stacks():
            earned: builtins.list[str] = []
            in_progress: builtins.list[tuple[str, str]] = []
            missing: builtins.list[str] = []
            for member in stack.members:
                if member.achievement_id in earned_ids:
                    earned.append(member.name)
                elif member.achievement_id in doing:
                    in_progress.append((member.name, doing[member.achievement_id]))
                else:
                    missing.append(member.name)
            progress.append(StackProgress(
                stack_id=stack.id, name=stack.name, total=len(stack.members),
                earned=tuple(earned), in_progress=tuple(in_progress), missing=tuple(missing),
                stack_credential=stack.id in earned_ids))
        return progress

    # -- recognition -----------------------------------------------------------------------

    def rules(self) -> builtins.list[RecognitionRule]:
        return self._store.rules()

    def active_rule(self) -> RecognitionRule | None:
        return next((rule for rule in self._store.rules() if rule.active), None)

    def save_rule(self, rule: RecognitionRule) -> RecognitionRule:
        name = rule.name.strip()
        if not name:
            raise McdeskError("a recognition rule needs a name (e.g. your district)")
        for value, what in ((rule.hours_per_credential, "hours per micro-credential"),
                            (rule.cap_per_year, "the cap per year")):
            if value is not None and not 0 <= value <= 10_000:
                raise McdeskError(f"{what} must be between 0 and 10000")
        return self._store.save_rule(RecognitionRule(
            rule.id, name, rule.hours_per_credential, rule.cap_per_year, rule.active,
            rule.verified_only))

    def delete_rule(self, rule_id: int) -> None:
        self._store.delete_rule(rule_id)

    def hours(self, credentials: Sequence[EarnedCredential] | None = None
              ) -> dict[str, tuple[float, str]]:
        """In-service hours each credential gives under the active rule (id -> hours, note;
        `credentials`: the list, when the caller has just read it)."""
        return hours_for(self.active_rule(),
                         self._store.list() if credentials is None else credentials,
                         self.catalog_hours(), self._stack_ids())

    def _stack_ids(self) -> frozenset[str]:
        return frozenset(stack.id for stack in self._catalog.stacks())

    def transcript(self, start: date, end: date) -> Transcript:
        """The credentials earned from `start` to `end` (both included) with their hours; a
        yearly cap counts every credential of that year, inside the range or not."""
        if end < start:
            raise McdeskError(f"the range ends ({end}) before it starts ({start})")
        credentials = self._store.list()
        rule = self.active_rule()
        hours = hours_for(rule, credentials, self.catalog_hours(), self._stack_ids())
        lines = [TranscriptLine(credential_id=c.id, name=c.title,
                                issuer=c.issuer_name or c.issuer_id or "",
                                earned_on=c.earned_on.date(), state=c.state,
                                hours=hours[c.id][0], note=hours[c.id][1])
                 for c in sorted(credentials, key=lambda c: c.earned_on)
                 if start <= c.earned_on.date() <= end]
        return Transcript(rule=rule, start=start, end=end, lines=tuple(lines),
                          made_at=self.clock(), owner=self._owner_name())

    def write_transcript(self, start: date, end: date, dest: Path) -> Transcript:
        """The transcript as CSV or PDF (from `dest`'s extension), written atomically."""
        suffix = dest.suffix.lower()
        if suffix not in (".csv", ".pdf"):
            raise McdeskError("a transcript is written as .csv or .pdf", path=dest)
        transcript = self.transcript(start, end)
        data = transcript_csv(transcript) if suffix == ".csv" else transcript_pdf(transcript)
        try:
            write_atomic(dest, data)
        except OSError as exc:
            raise McdeskError(f"cannot be written ({exc.strerror})", path=dest) from None
        return transcript


TRANSCRIPT_HEADER = ("credential", "issuer", "date", "verification", "hours", "note")


def transcript_csv(transcript: Transcript) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(TRANSCRIPT_HEADER)
    for line in transcript.lines:
        writer.writerow((line.name, line.issuer, line.earned_on.isoformat(),
                         STATE_WORDS.get(line.state, line.state), _hours(line.hours),
                         line.note))
    writer.writerow(("Total", "", "", "", _hours(transcript.total_hours), ""))
    # A BOM so spreadsheet programs on Windows read accented names right.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def transcript_pdf(transcript: Transcript) -> bytes:
    from mcdesk.media.badges import transcript_pdf as render

    rule = transcript.rule
    rule_words = "no recognition rule is set, so no hours are counted"
    if rule is not None:
        per = (f"{_hours(rule.hours_per_credential)} hours per micro-credential"
               if rule.hours_per_credential is not None
               else "the hours each micro-credential's catalog entry gives")
        cap = (f", at most {_hours(rule.cap_per_year)} a year"
               if rule.cap_per_year is not None else "")
        rule_words = f"{rule.name}: {per}{cap}"
    holder = f"{transcript.owner}, " if transcript.owner else ""
    subtitle = (f"{holder}micro-credentials earned from {transcript.start:%Y-%m-%d} to "
                f"{transcript.end:%Y-%m-%d}. Recognition: {rule_words}.")
    rows = [(f"{line.name}" + (f" ({line.note})" if line.note else ""), line.issuer,
             line.earned_on.isoformat(), STATE_WORDS.get(line.state, line.state),
             _hours(line.hours)) for line in transcript.lines]
    footer = (f"Made by mcdesk on {transcript.made_at:%Y-%m-%d}. Each credential was verified "
              "offline against its issuer's signature; the signed credentials can be checked "
              "again with any Open Badges verifier.")
    return render("In-service hours transcript", subtitle,
                  ("Micro-credential", "Issuer", "Earned", "Verification", "Hours"), rows,
                  f"Total: {_hours(transcript.total_hours)} hours", footer)


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _format_words(fmt: str) -> str:
    return {"vc-jwt": "a VC-JWT", "ob3-json": "an Open Badges 3.0 credential",
            "png": "a baked PNG badge", "svg": "a baked SVG badge",
            "ob2": "an Open Badges 2.0 assertion"}.get(fmt, fmt)


def _credential_json(credential: EarnedCredential) -> bytes:
    """The signed JSON as received when the credential is JSON; for a VC-JWT (whose
    signature covers the token, not the JSON) the credential it carries."""
    payload = credential.payload.strip()
    if payload.startswith("{"):
        return payload.encode("utf-8") + b"\n"
    return (json.dumps(credential.credential, ensure_ascii=False, indent=2) + "\n").encode()


def _reason(exc: Exception, name: str) -> str:
    text = str(exc)
    return text.removeprefix(f"{name}: ")


def _long_date(moment: datetime) -> str:
    """"March 2, 2026" (strftime's %-d does not exist on Windows)."""
    return f"{moment:%B} {moment.day}, {moment.year}"
