"""The readiness rules: what stands between a draft and sending it, worked out from plain data
with no I/O (the drafts service gathers the inputs); any thread."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from mcdesk.core.catalog import (
    EvidenceKind,
    MicroCredential,
    ResponseKind,
    SubmissionCriterion,
    SubmissionPart,
)
from mcdesk.core.drafts import (
    Attachment,
    Draft,
    ProblemValue,
    Readiness,
    ReadinessProblem,
    Severity,
)
from mcdesk.core.evidence import Consent, Evidence, RosterHit
from mcdesk.core.text import word_count
from mcdesk.core.units import clock, human_size

__all__ = [
    "CODES",
    "ServerLimits",
    "TextNameHit",
    "check_readiness",
    "criterion_label",
    "kind_words",
    "kinds_words",
    "link_problem",
    "word_range",
]

# Every problem code check_readiness can give, with what it means (stable, for scripts).
CODES: dict[str, str] = {
    "missing-answer": "a required written answer is empty",
    "word-count": "a written answer has fewer or more words than asked",
    "missing-evidence": "a required evidence criterion has nothing attached",
    "item-count": "fewer or more items attached than the criterion asks for",
    "wrong-kind": "an attached item is not a kind the criterion accepts",
    "duration": "a video or recording is shorter or longer than the criterion allows",
    "duration-unknown": "the length of a video or recording could not be read (a warning)",
    "file-size": "a file is larger than the micro-credential accepts",
    "server-file-size": "a file is larger than the server accepts",
    "server-total-size": "all files together are larger than the server accepts",
    "server-media-type": "a file's type is one the server does not accept",
    "roster-name": "a roster name appears in an answer, a caption, a title, a file name or text",
    "consent": "a video or photo whose consent is not set or is \"not yet\"",
    "gps": "a photo or video still holds the place where it was taken",
    "identifying-details": "a file carries other identifying details, e.g. an author "
                           "(a warning)",
    "link": "a web address is not well-formed",
    "evidence-missing": "an attached item is in the trash, gone, or its stored file is missing",
    "unknown-criterion": "the draft holds work for a criterion this version does not ask for "
                         "(a warning)",
}

_KIND_WORDS: dict[EvidenceKind, tuple[str, str]] = {  # (one, several)
    EvidenceKind.VIDEO: ("a video", "videos"),
    EvidenceKind.AUDIO: ("an audio recording", "audio recordings"),
    EvidenceKind.IMAGE: ("a photo", "photos"),
    EvidenceKind.DOCUMENT: ("a document", "documents"),
    EvidenceKind.TEXT: ("a piece of writing", "pieces of writing"),
    EvidenceKind.LINK: ("a link", "links"),
}
_TIMED = (EvidenceKind.VIDEO, EvidenceKind.AUDIO)
# Identifying details (as media.probe names them) that point at no person: not worth a warning.
_NOT_PERSONAL = frozenset({"camera make and model"})
_URL = re.compile(r"\bhttps?:/+[^\s<>\"'()\[\]]*", re.IGNORECASE)
_HOST = re.compile(r"^(?:localhost|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}"
                   r"|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\])(?::\d{1,5})?$", re.IGNORECASE)


@dataclass(frozen=True)
class ServerLimits:
    """What the server a draft will go to accepts (from its discovery document)."""

    name: str = "the server"
    max_file_bytes: int | None = None
    max_total_bytes: int | None = None
    # MIME types ("video/mp4") or families ("video/*"); empty means any type.
    accepted_media_types: tuple[str, ...] = ()

    def accepts_type(self, mime_type: str) -> bool:
        if not self.accepted_media_types:
            return True
        family = mime_type.split("/", 1)[0] + "/*"
        return any(accepted.lower() in (mime_type.lower(), family.lower())
                   for accepted in self.accepted_media_types)


@dataclass(frozen=True)
class TextNameHit:
    """A roster name in the draft's own words: an answer, or an attachment's caption."""

    criterion_id: str
    name: str
    context: str  # a short excerpt around the name
    evidence_id: str | None = None  # set when the name is in the caption of this attachment


def check_readiness(
    draft: Draft,
    mc: MicroCredential,
    evidence_by_id: Mapping[str, Evidence],
    *,
    roster_hits: Sequence[RosterHit] = (),
    text_hits: Sequence[TextNameHit] = (),
    server_limits: ServerLimits | None = None,
    unavailable: Mapping[str, str] | None = None,
) -> Readiness:
    """Every problem standing between `draft` and sending it, in the order of the checklist.

    `evidence_by_id` holds the attached evidence (trashed items too, for their titles);
    `roster_hits` the roster names found in that evidence, `text_hits` those in the draft's
    answers and captions; `unavailable` maps an attached evidence id to why it cannot be sent
    ("it is in the trash", "its stored file is missing"). The draft is ready when no problem
    is BLOCKING."""
    checker = _Checker(draft, mc, evidence_by_id, roster_hits, text_hits, server_limits,
                       unavailable or {})
    return checker.run()


def criterion_label(part: SubmissionPart, criterion: SubmissionCriterion) -> str:
    """Where a criterion is, as the checklist shows it: "Part 1. Overview › Describe your…"."""
    return f"{part.name} › {_short(criterion.prompt)}"


def word_range(min_words: int | None, max_words: int | None) -> str:
    """"100–250 words", "at least 200 words", "at most 250 words" or ""."""
    if min_words is not None and max_words is not None:
        return f"{min_words}–{max_words} words"
    if min_words is not None:
        return f"at least {min_words} words"
    if max_words is not None:
        return f"at most {max_words} words"
    return ""


def kind_words(kind: EvidenceKind) -> str:
    """"a video", "a photo", "an audio recording"."""
    return _KIND_WORDS[kind][0]


def kinds_words(kinds: Sequence[EvidenceKind], *, one: bool = False) -> str:
    """"videos only", "photos or documents"; with `one`, "a video", "a photo or a document"."""
    return _kinds_words(kinds, one=one)


def link_problem(url: str) -> str | None:
    """Why `url` is not a well-formed web address, or None when it is."""
    text = url.strip()
    if not text:
        return "it is empty"
    if any(ch.isspace() for ch in text):
        return "it contains a space"
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return "it should start with https:// (or http://)"
    if not text.lower().startswith(f"{scheme}://"):
        return f"it should start with {scheme}:// (two slashes)"
    host = parts.netloc.rsplit("@", 1)[-1]
    if not host:
        return f"it names no web site after {scheme}://"
    if not _HOST.match(host):
        return f'"{host}" is not a web site name'
    return None


# -- the rules -----------------------------------------------------------------------------


class _Checker:
    def __init__(self, draft: Draft, mc: MicroCredential, evidence: Mapping[str, Evidence],
                 roster_hits: Sequence[RosterHit], text_hits: Sequence[TextNameHit],
                 server: ServerLimits | None, unavailable: Mapping[str, str]) -> None:
        self.draft = draft
        self.mc = mc
        self.evidence = evidence
        self.roster_hits = roster_hits
        self.text_hits = text_hits
        self.server = server
        self.unavailable = unavailable
        self.problems: list[ReadinessProblem] = []
        self.seen_evidence: set[str] = set()

    def run(self) -> Readiness:
        total = done = 0
        known: set[str] = set()
        for part in self.mc.submission_parts:
            for criterion in part.criteria:
                known.add(criterion.id)
                total += 1
                start = len(self.problems)
                label = criterion_label(part, criterion)
                if criterion.response is ResponseKind.TEXT:
                    has_content = self._text(criterion, label)
                else:
                    has_content = self._evidence(criterion, label)
                blocking = any(p.severity is Severity.BLOCKING
                               for p in self.problems[start:])
                if not blocking and (has_content or not criterion.required):
                    done += 1  # an optional criterion left empty needs nothing more
        self._unknown(known)
        self._server_total()
        return Readiness(tuple(self.problems), total, done)

    def add(self, code: str, where: str, problem: str, fix: str, *,
            severity: Severity = Severity.BLOCKING, criterion_id: str | None = None,
            evidence_id: str | None = None, message: str = "",
            **values: ProblemValue) -> None:
        self.problems.append(ReadinessProblem(code, where, problem, fix, severity,
                                              criterion_id, evidence_id, message,
                                              tuple(values.items())))

    # -- written answers -------------------------------------------------------------------

    def _text(self, criterion: SubmissionCriterion, label: str) -> bool:
        text = self.draft.answer(criterion.id)
        words = word_count(text)
        wanted = word_range(criterion.min_words, criterion.max_words)
        cid = criterion.id
        if words == 0:
            if criterion.required:
                self.add("missing-answer", label, "No answer yet.",
                         f"Write your answer ({wanted})." if wanted else "Write your answer.",
                         criterion_id=cid, message="missing-answer",
                         min=criterion.min_words, max=criterion.max_words)
            return False
        if criterion.min_words is not None and words < criterion.min_words:
            short = criterion.min_words - words
            self.add("word-count", label,
                     f"The answer has {_n(words, 'word')}; this question asks for {wanted}.",
                     f"Add at least {_n(short, 'more word')}.", criterion_id=cid,
                     message="word-count.short", words=words, min=criterion.min_words,
                     max=criterion.max_words, by=short)
        elif criterion.max_words is not None and words > criterion.max_words:
            over = words - criterion.max_words
            self.add("word-count", label,
                     f"The answer has {_n(words, 'word')}; this question asks for {wanted}.",
                     f"Cut at least {_n(over, 'word')}.", criterion_id=cid,
                     message="word-count.long", words=words, min=criterion.min_words,
                     max=criterion.max_words, by=over)
        for hit in self.text_hits:
            if hit.criterion_id == cid and hit.evidence_id is None:
                self.add("roster-name", label,
                         f'Your answer names "{hit.name}", who is on your roster: '
                         f"{hit.context}",
                         'Replace the name with "Student A", "Student B"… or a role such as '
                         '"my co-teacher".', criterion_id=cid, message="roster-name.answer",
                         name=hit.name, context=hit.context)
        self._links_in(text, label, "Your answer", cid)
        return True

    def _links_in(self, text: str, where: str, whose: str, criterion_id: str,
                  evidence_id: str | None = None) -> None:
        for match in _URL.finditer(text):
            url = match.group(0).rstrip(".,;:!?")
            why = link_problem(url)
            if why is not None:
                self.add("link", where,
                         f'{whose} has the web address "{url}", which is not well-formed: '
                         f"{why}.",
                         "Correct the address (copy it from the browser's address bar).",
                         criterion_id=criterion_id, evidence_id=evidence_id,
                         message=f"link.{'answer' if evidence_id is None else 'caption'}",
                         url=url)

    # -- attached evidence -----------------------------------------------------------------

    def _evidence(self, criterion: SubmissionCriterion, label: str) -> bool:
        attached = self.draft.attached(criterion.id)
        count = len(attached)
        cid = criterion.id
        kinds = criterion.evidence_kinds
        if count == 0:
            if criterion.required:
                asked = _count_words(criterion.min_items or 1, criterion.max_items, kinds)
                self.add("missing-evidence", label,
                         f"Nothing is attached yet; this criterion asks for {asked}.",
                         f"Attach {asked} from your evidence.", criterion_id=cid,
                         message="missing-evidence", min=criterion.min_items or 1,
                         max=criterion.max_items, kinds=tuple(kinds))
            return False
        if criterion.min_items is not None and count < criterion.min_items:
            missing = criterion.min_items - count
            self.add("item-count", label,
                     f"{_n(count, 'item')} attached; this criterion asks for "
                     f"{_count_words(criterion.min_items, criterion.max_items, kinds)}.",
                     f"Attach {missing} more.", criterion_id=cid, message="item-count.few",
                     count=count, min=criterion.min_items, max=criterion.max_items,
                     kinds=tuple(kinds), by=missing)
        elif criterion.max_items is not None and count > criterion.max_items:
            extra = count - criterion.max_items
            self.add("item-count", label,
                     f"{_n(count, 'item')} attached; this criterion accepts at most "
                     f"{criterion.max_items}.",
                     f"Detach {extra} (keep the {_n(criterion.max_items, 'strongest item')}).",
                     criterion_id=cid, message="item-count.many", count=count,
                     max=criterion.max_items, by=extra)
        for attachment in attached:
            self._item(criterion, label, attachment)
        return True

    def _item(self, criterion: SubmissionCriterion, label: str, attachment: Attachment) -> None:
        cid = criterion.id
        eid = attachment.evidence_id
        evidence = self.evidence.get(eid)
        if evidence is None:
            if eid not in self.seen_evidence:
                self.seen_evidence.add(eid)
                self.add("evidence-missing", label,
                         "An attached item is no longer in your evidence.",
                         "Detach it and attach what should be there instead.",
                         criterion_id=cid, evidence_id=eid, message="evidence-missing.gone")
            return
        where = f'{label} › "{evidence.title}"'
        # Checks against this criterion, for every criterion the item serves.
        kinds = criterion.evidence_kinds
        if kinds and evidence.kind not in kinds:
            self.add("wrong-kind", where,
                     f'"{evidence.title}" is {_KIND_WORDS[evidence.kind][0]}; this criterion '
                     f"accepts {_kinds_words(kinds)}.",
                     f"Detach it and attach {_kinds_words(kinds, one=True)} instead.",
                     criterion_id=cid, evidence_id=eid, message="wrong-kind",
                     title=evidence.title, kind=str(evidence.kind), kinds=tuple(kinds))
        self._duration(criterion, where, evidence)
        limit = criterion.media.max_file_bytes
        if limit is not None and evidence.size is not None and evidence.size > limit:
            self.add("file-size", where,
                     f'"{evidence.title}" is {human_size(evidence.size)}; this criterion '
                     f"accepts files up to {human_size(limit)}.",
                     _smaller_fix(evidence), criterion_id=cid, evidence_id=eid,
                     message="file-size", title=evidence.title, size=evidence.size,
                     limit=limit, kind=str(evidence.kind))
        for hit in self.text_hits:
            if hit.criterion_id == cid and hit.evidence_id == eid:
                self.add("roster-name", where,
                         f'The caption names "{hit.name}", who is on your roster: '
                         f"{hit.context}",
                         'Change the caption to say "Student A", "Student B"… or a role.',
                         criterion_id=cid, evidence_id=eid, message="roster-name.caption",
                         name=hit.name, context=hit.context)
        self._links_in(attachment.caption, where, "The caption", cid, eid)
        # Checks of the item itself, once however many criteria it serves.
        if eid in self.seen_evidence:
            return
        self.seen_evidence.add(eid)
        self._item_itself(cid, where, evidence)

    def _duration(self, criterion: SubmissionCriterion, where: str, evidence: Evidence) -> None:
        limits = criterion.media
        if evidence.kind not in _TIMED or (limits.min_duration_s is None
                                           and limits.max_duration_s is None):
            return
        cid, eid = criterion.id, evidence.id
        duration = evidence.media.duration_s if evidence.media else None
        wanted = _duration_range(limits.min_duration_s, limits.max_duration_s)
        if duration is None:
            self.add("duration-unknown", where,
                     f'mcdesk could not read how long "{evidence.title}" is; this criterion '
                     f"asks for {wanted}.",
                     "Check its length in a player; if it plays, nothing needs doing.",
                     severity=Severity.WARNING, criterion_id=cid, evidence_id=eid,
                     message="duration-unknown", title=evidence.title,
                     min=limits.min_duration_s, max=limits.max_duration_s)
        elif limits.min_duration_s is not None and duration < limits.min_duration_s:
            self.add("duration", where,
                     f'"{evidence.title}" is {clock(duration)} long; this criterion asks for '
                     f"{wanted}.",
                     f"Attach a longer recording (at least {clock(limits.min_duration_s)}).",
                     criterion_id=cid, evidence_id=eid, message="duration.short",
                     title=evidence.title, duration=duration, min=limits.min_duration_s,
                     max=limits.max_duration_s)
        elif limits.max_duration_s is not None and duration > limits.max_duration_s + 0.5:
            self.add("duration", where,
                     f'"{evidence.title}" is {clock(duration)} long; this criterion asks for '
                     f"{wanted}.",
                     f"Trim it to at most {clock(limits.max_duration_s)} (Evidence › Trim) "
                     "and attach the trimmed version instead.",
                     criterion_id=cid, evidence_id=eid, message="duration.long",
                     title=evidence.title, duration=duration, min=limits.min_duration_s,
                     max=limits.max_duration_s)

    def _item_itself(self, cid: str, where: str, evidence: Evidence) -> None:
        eid = evidence.id
        title = evidence.title
        reason = self.unavailable.get(eid)
        if reason is not None:
            self.add("evidence-missing", where, f'"{title}" cannot be sent: {reason}.',
                     "Detach it and attach another piece of evidence instead (or a new copy "
                     "of the same file).", criterion_id=cid, evidence_id=eid,
                     message="evidence-missing.unavailable", title=title, reason=reason)
        if self.server is not None:
            self._server_item(cid, where, evidence)
        for hit in self.roster_hits:
            if hit.evidence_id == eid:
                self.add("roster-name", where,
                         f'The name "{hit.name}" appears in the {hit.where} of "{title}": '
                         f"{hit.context}", _roster_fix(hit.where, evidence),
                         criterion_id=cid, evidence_id=eid, message="roster-name.evidence",
                         name=hit.name, found_in=hit.where, title=title, context=hit.context,
                         kind=str(evidence.kind),
                         written_here=int(evidence.kind is EvidenceKind.TEXT
                                          and evidence.body is not None))
        if evidence.needs_consent:
            state = ("not set" if evidence.consent is Consent.NOT_SET
                     else f'"{evidence.consent}"')
            self.add("consent", where,
                     f'"{title}" may show students, and consent is {state}.',
                     "Record that everyone on it consented (Evidence › Consent), or blur "
                     "the faces (Evidence › Blur faces) and attach the blurred version.",
                     criterion_id=cid, evidence_id=eid, message="consent", title=title,
                     consent=str(evidence.consent))
        if evidence.has_location:
            self.add("gps", where,
                     f'"{title}" still holds the place where it was taken (GPS).',
                     self._location_fix(evidence), criterion_id=cid, evidence_id=eid,
                     message="gps", title=title, copy=self._location_copy(evidence))
        details = [d for d in (evidence.media.identifying if evidence.media else ())
                   if "gps" not in d.lower() and d not in _NOT_PERSONAL]
        if details and not evidence.has_location:
            self.add("identifying-details", where,
                     f'"{title}" carries identifying details: {", ".join(details)}.',
                     "If you would rather not share them, make a copy without them "
                     "(Evidence › Remove location and details) and attach it instead.",
                     severity=Severity.WARNING, criterion_id=cid, evidence_id=eid,
                     message="identifying-details", title=title, details=tuple(details))
        if evidence.kind is EvidenceKind.LINK:
            why = link_problem(evidence.url or "")
            if why is not None:
                self.add("link", where,
                         f'"{title}" links to "{evidence.url or ""}", which is not a '
                         f"well-formed web address: {why}.",
                         "Add the link again with the address copied from the browser, "
                         "and attach it instead.", criterion_id=cid, evidence_id=eid,
                         message="link.evidence", title=title, url=evidence.url or "")

    def _location_copy(self, evidence: Evidence) -> str:
        """The title of a copy of `evidence` without its location, or ""."""
        for version_id in evidence.versions:
            version = self.evidence.get(version_id)
            if version is not None and not version.has_location:
                return version.title
        return ""

    def _location_fix(self, evidence: Evidence) -> str:
        copy = self._location_copy(evidence)
        if copy:
            return (f'Detach it and attach its copy "{copy}" instead, which '
                    "holds no location.")
        return ("Make a copy without the location (Evidence › Remove location and details) "
                "and attach the copy instead.")

    def _server_item(self, cid: str, where: str, evidence: Evidence) -> None:
        assert self.server is not None
        server = self.server
        limit = server.max_file_bytes
        if limit is not None and evidence.size is not None and evidence.size > limit:
            self.add("server-file-size", where,
                     f'"{evidence.title}" is {human_size(evidence.size)}; {server.name} '
                     f"accepts files up to {human_size(limit)}.",
                     _smaller_fix(evidence), criterion_id=cid, evidence_id=evidence.id,
                     message="server-file-size", title=evidence.title, size=evidence.size,
                     limit=limit, server=server.name, kind=str(evidence.kind))
        mime = evidence.media.mime_type if evidence.media else None
        if mime and evidence.kind is not EvidenceKind.LINK and not server.accepts_type(mime):
            self.add("server-media-type", where,
                     f'"{evidence.title}" is a {mime} file, which {server.name} does not '
                     f"accept (it accepts {', '.join(server.accepted_media_types)}).",
                     "Make a compressed version (Evidence › Compress, which writes MP4) and "
                     "attach it instead." if evidence.kind is EvidenceKind.VIDEO else
                     "Save it in an accepted format, add that copy and attach it instead.",
                     criterion_id=cid, evidence_id=evidence.id, message="server-media-type",
                     title=evidence.title, mime=mime, server=server.name,
                     accepted=tuple(server.accepted_media_types), kind=str(evidence.kind))

    # -- the whole draft -------------------------------------------------------------------

    def _unknown(self, known: set[str]) -> None:
        stray = {a.criterion_id for a in self.draft.attachments} | {
            a.criterion_id for a in self.draft.answers if a.text.strip()}
        for criterion_id in sorted(stray - known):
            self.add("unknown-criterion", f'Criterion "{criterion_id}"',
                     f"This draft holds work for \"{criterion_id}\", which version "
                     f"{self.mc.version} of {self.mc.name} does not ask for; it will not be "
                     "sent.",
                     "Nothing to do, unless it belongs under another criterion: then copy it "
                     "there.", severity=Severity.WARNING, criterion_id=criterion_id,
                     message="unknown-criterion", criterion=criterion_id,
                     version=self.mc.version, mc=self.mc.name)

    def _server_total(self) -> None:
        server = self.server
        if server is None or server.max_total_bytes is None:
            return
        sizes: dict[str, int] = {}
        for attachment in self.draft.attachments:
            evidence = self.evidence.get(attachment.evidence_id)
            if evidence is not None and evidence.size:
                sizes[evidence.sha256 or evidence.id] = evidence.size
        total = sum(sizes.values())
        if total > server.max_total_bytes:
            self.add("server-total-size", "The whole submission",
                     f"The attached files add up to {human_size(total)}; {server.name} accepts "
                     f"up to {human_size(server.max_total_bytes)} in one submission.",
                     "Compress the videos (Evidence › Compress) and attach the compressed "
                     "versions, or attach fewer files.", message="server-total-size",
                     total=total, server=server.name, limit=server.max_total_bytes)


# -- words ---------------------------------------------------------------------------------


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"


def _n(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    words = noun.split(" ")
    words[-1] = words[-1] + ("es" if words[-1].endswith(("s", "x", "ch")) else "s")
    return f"{count} {' '.join(words)}"


def _kinds_words(kinds: Sequence[EvidenceKind], *, one: bool = False) -> str:
    names = [_KIND_WORDS[kind][0 if one else 1] for kind in kinds]
    if not names:
        return "any evidence"
    if len(names) == 1:
        return names[0] if one else f"{names[0]} only"
    return ", ".join(names[:-1]) + " or " + names[-1]


def _count_words(min_items: int, max_items: int | None,
                 kinds: Sequence[EvidenceKind]) -> str:
    if max_items is not None and max_items != min_items:
        amount = f"{min_items}–{max_items}"
    elif max_items is None and min_items > 1:
        amount = f"at least {min_items}"
    else:
        amount = str(min_items)
    if not kinds:
        return f"{amount} item" + ("" if amount == "1" else "s")
    if amount == "1":
        return _kinds_words(kinds, one=True)
    return f"{amount} {_kinds_words(kinds).removesuffix(' only')}"


def _duration_range(min_s: int | None, max_s: int | None) -> str:
    if min_s is not None and max_s is not None:
        return f"{clock(min_s)}–{clock(max_s)}"
    if min_s is not None:
        return f"at least {clock(min_s)}"
    assert max_s is not None
    return f"at most {clock(max_s)}"


def _smaller_fix(evidence: Evidence) -> str:
    if evidence.kind is EvidenceKind.VIDEO:
        return ("Make a compressed version (Evidence › Compress) and attach it instead, or "
                "trim it (Evidence › Trim).")
    return "Attach a smaller file instead (for a scan or photo, a lower resolution)."


def _roster_fix(where: str, evidence: Evidence) -> str:
    if where == "title":
        return "Change its title (in Evidence) so it names no one."
    if where == "file name":
        return ("Rename the file on your computer so it names no one, add it again and "
                "attach the new copy instead.")
    if evidence.kind is EvidenceKind.TEXT and evidence.body is not None:
        return ('Edit the writing (Evidence) to say "Student A", "Student B"… instead.')
    if evidence.kind is EvidenceKind.IMAGE:
        return ("Black out the name (Evidence › Black out areas) and attach the new version "
                "instead.")
    return ('Edit the document to say "Student A", "Student B"… instead, add the corrected '
            "copy and attach it instead.")

