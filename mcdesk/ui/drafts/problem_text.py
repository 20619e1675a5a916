"""A draft check's problems in the window's language: each wording the readiness rules give
(ReadinessProblem.message) written again from its facts with translatable templates; the
English text where a wording is not known here; GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject

from mcdesk.core.catalog import EvidenceKind
from mcdesk.core.drafts import ProblemValue, ReadinessProblem
from mcdesk.core.evidence import Consent
from mcdesk.core.units import clock, human_size
from mcdesk.ui.widgets.locale_text import number_text

translate = QCoreApplication.translate


class CheckCounts(QObject):
    """The wordings with a count. lupdate gives plural forms only to tr() calls in a class,
    so they live here (context "CheckCounts") rather than in translate() calls."""

    def words(self, n: int) -> str:
        return self.tr("%n word(s)", "", n)

    def more_words(self, n: int) -> str:
        return self.tr("Add at least %n more word(s).", "", n)

    def fewer_words(self, n: int) -> str:
        return self.tr("Cut at least %n word(s).", "", n)

    def items(self, n: int) -> str:
        return self.tr("{amount} item(s)", "", n)

    def attached_asks(self, n: int) -> str:
        return self.tr("%n item(s) attached; this criterion asks for {asked}.", "", n)

    def attached_at_most(self, n: int) -> str:
        return self.tr("%n item(s) attached; this criterion accepts at most {max}.", "", n)

    def attach_more(self, n: int) -> str:
        return self.tr("Attach %n more.", "", n)

    def strongest(self, n: int) -> str:
        return self.tr("%n strongest item(s)", "", n)


_COUNTED = CheckCounts()


def problem_text(problem: ReadinessProblem) -> tuple[str, str, str]:
    """(where, problem, fix) to show."""
    wording = _WORDINGS.get(problem.message)
    where = problem.where
    if problem.code == "server-total-size":
        where = translate("check", "The whole submission")
    elif problem.code == "unknown-criterion":
        where = translate("check", "Criterion “{criterion}”").format(
            criterion=problem.value("criterion"))
    if wording is None:
        return where, problem.problem, problem.fix
    said, fix = wording(problem)
    return where, said, fix


# -- facts in words --------------------------------------------------------------------------


def _int(value: ProblemValue) -> int | None:
    return int(value) if isinstance(value, int | float) else None


def _words(count: int) -> str:
    return _COUNTED.words(count)


def word_range(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return translate("check", "{low}–{high} words").format(low=number_text(low),
                                                         high=number_text(high))
    if low is not None:
        return translate("check", "at least {n} words").format(n=number_text(low))
    if high is not None:
        return translate("check", "at most {n} words").format(n=number_text(high))
    return ""


def _one(kind: str) -> str:
    """"a video", "a photo": one item of a kind, with its article."""
    names: dict[str, str] = {
        EvidenceKind.VIDEO: translate("check", "a video"),
        EvidenceKind.AUDIO: translate("check", "an audio recording"),
        EvidenceKind.IMAGE: translate("check", "a photo"),
        EvidenceKind.DOCUMENT: translate("check", "a document"),
        EvidenceKind.TEXT: translate("check", "a piece of writing"),
        EvidenceKind.LINK: translate("check", "a link"),
    }
    return names.get(kind, kind)  # a StrEnum member and its value are the same key


def _several(kind: str) -> str:
    names: dict[str, str] = {
        EvidenceKind.VIDEO: translate("check", "videos"),
        EvidenceKind.AUDIO: translate("check", "audio recordings"),
        EvidenceKind.IMAGE: translate("check", "photos"),
        EvidenceKind.DOCUMENT: translate("check", "documents"),
        EvidenceKind.TEXT: translate("check", "pieces of writing"),
        EvidenceKind.LINK: translate("check", "links"),
    }
    return names.get(kind, kind)  # a StrEnum member and its value are the same key


def _either(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    return translate("check", "{these} or {last}").format(these=", ".join(names[:-1]),
                                                          last=names[-1])


def _kinds(value: ProblemValue, *, one: bool = False) -> str:
    kinds = [str(k) for k in value] if isinstance(value, tuple) else []
    if not kinds:
        return translate("check", "any evidence")
    names = [(_one if one else _several)(kind) for kind in kinds]
    if len(names) == 1 and not one:
        return translate("check", "{kinds} only").format(kinds=names[0])
    return _either(names)


def _amount(low: int, high: int | None, kinds: ProblemValue) -> str:
    """"a video", "3–6 photos or documents", "at least 2 items"."""
    has_kinds = isinstance(kinds, tuple) and len(kinds) > 0
    if high is not None and high != low:
        count = high
        amount = translate("check", "{low}–{high}").format(low=low, high=high)
    elif high is None and low > 1:
        count = low
        amount = translate("check", "at least {n}").format(n=low)
    else:
        if low == 1 and has_kinds:
            return _kinds(kinds, one=True)
        count = low
        amount = str(low)
    if not has_kinds:
        return _COUNTED.items(count).format(amount=amount)
    names = [_several(str(kind)) for kind in kinds] if isinstance(kinds, tuple) else []
    return f"{amount} {_either(names)}"


def _duration_range(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"{clock(low)}–{clock(high)}"
    if low is not None:
        return translate("check", "at least {time}").format(time=clock(low))
    return translate("check", "at most {time}").format(time=clock(high or 0))


def _smaller_fix(kind: ProblemValue) -> str:
    if kind == EvidenceKind.VIDEO:
        return translate("check", "Make a compressed version (Evidence › Compress) and attach it "
                            "instead, or trim it (Evidence › Trim).")
    return translate("check", "Attach a smaller file instead (for a scan or photo, a lower "
                        "resolution).")


def _found_in(value: ProblemValue) -> str:
    return {"title": translate("check", "title"), "file name": translate("check", "file name"),
            "text": translate("check", "text")}.get(str(value), str(value))


def _roster_fix(p: ReadinessProblem) -> str:
    found_in = p.value("found_in")
    if found_in == "title":
        return translate("check", "Change its title (in Evidence) so it names no one.")
    if found_in == "file name":
        return translate("check", "Rename the file on your computer so it names no one, add it "
                            "again and attach the new copy instead.")
    if p.value("written_here"):
        return translate("check", "Edit the writing (Evidence) to say “Student A”, “Student B”… "
                            "instead.")
    if p.value("kind") == EvidenceKind.IMAGE:
        return translate("check", "Black out the name (Evidence › Black out areas) and attach the "
                            "new version instead.")
    return translate("check", "Edit the document to say “Student A”, “Student B”… instead, add the "
                        "corrected copy and attach it instead.")


# -- the wordings ----------------------------------------------------------------------------


def _missing_answer(p: ReadinessProblem) -> tuple[str, str]:
    wanted = word_range(_int(p.value("min")), _int(p.value("max")))
    fix = (translate("check", "Write your answer ({wanted}).").format(wanted=wanted) if wanted
           else translate("check", "Write your answer."))
    return translate("check", "No answer yet."), fix


def _word_count(p: ReadinessProblem, *, short: bool) -> tuple[str, str]:
    words = _int(p.value("words")) or 0
    by = _int(p.value("by")) or 0
    said = translate("check", "The answer has {words}; this question asks for {wanted}.").format(
        words=_words(words), wanted=word_range(_int(p.value("min")), _int(p.value("max"))))
    fix = _COUNTED.more_words(by) if short else _COUNTED.fewer_words(by)
    return said, fix


def _roster_answer(p: ReadinessProblem) -> tuple[str, str]:
    said = translate("check", "Your answer names “{name}”, who is on your roster: {context}")
    return (said.format(name=p.value("name"), context=p.value("context")),
            translate("check", "Replace the name with “Student A”, “Student B”… or a role such as "
                         "“my co-teacher”."))


def _roster_caption(p: ReadinessProblem) -> tuple[str, str]:
    said = translate("check", "The caption names “{name}”, who is on your roster: {context}")
    return (said.format(name=p.value("name"), context=p.value("context")),
            translate("check", "Change the caption to say “Student A”, “Student B”… or a role."))


def _roster_evidence(p: ReadinessProblem) -> tuple[str, str]:
    return (translate("check", "The name “{name}” appears in the {found_in} of “{title}”: "
                         "{context}").format(name=p.value("name"),
                                             found_in=_found_in(p.value("found_in")),
                                             title=p.value("title"),
                                             context=p.value("context")),
            _roster_fix(p))


def _link(p: ReadinessProblem) -> tuple[str, str]:
    if p.message == "link.evidence":
        return (translate("check", "“{title}” links to “{url}”, which is not a well-formed web "
                             "address.").format(title=p.value("title"), url=p.value("url")),
                translate("check", "Add the link again with the address copied from the browser, "
                             "and attach it instead."))
    said = (translate("check", "Your answer has the web address “{url}”, which is not "
                         "well-formed.") if p.message == "link.answer" else
            translate("check",
                      "The caption has the web address “{url}”, which is not well-formed."))
    return (said.format(url=p.value("url")),
            translate("check", "Correct the address (copy it from the browser's address bar)."))


def _missing_evidence(p: ReadinessProblem) -> tuple[str, str]:
    asked = _amount(_int(p.value("min")) or 1, _int(p.value("max")), p.value("kinds"))
    return (translate("check", "Nothing is attached yet; this criterion asks for {asked}.").format(
                asked=asked),
            translate("check", "Attach {asked} from your evidence.").format(asked=asked))


def _too_few(p: ReadinessProblem) -> tuple[str, str]:
    count = _int(p.value("count")) or 0
    asked = _amount(_int(p.value("min")) or 1, _int(p.value("max")), p.value("kinds"))
    return (_COUNTED.attached_asks(count).format(asked=asked),
            _COUNTED.attach_more(_int(p.value("by")) or 0))


def _too_many(p: ReadinessProblem) -> tuple[str, str]:
    count = _int(p.value("count")) or 0
    keep = _int(p.value("max")) or 0
    return (_COUNTED.attached_at_most(count).format(max=keep),
            translate("check", "Detach {extra} (keep the {strongest}).").format(
                extra=_int(p.value("by")) or 0, strongest=_COUNTED.strongest(keep)))


def _gone(_p: ReadinessProblem) -> tuple[str, str]:
    return (translate("check", "An attached item is no longer in your evidence."),
            translate("check", "Detach it and attach what should be there instead."))


def _unavailable(p: ReadinessProblem) -> tuple[str, str]:
    # The reason comes from the evidence service, in English: the title says which one.
    return (translate("check", "“{title}” cannot be sent: {reason}.").format(
                title=p.value("title"), reason=p.value("reason")),
            translate("check", "Detach it and attach another piece of evidence instead (or a new "
                         "copy of the same file)."))


def _wrong_kind(p: ReadinessProblem) -> tuple[str, str]:
    return (translate("check", "“{title}” is {kind}; this criterion accepts {kinds}.").format(
                title=p.value("title"), kind=_one(str(p.value("kind"))),
                kinds=_kinds(p.value("kinds"))),
            translate("check", "Detach it and attach {kind} instead.").format(
                kind=_kinds(p.value("kinds"), one=True)))


def _file_size(p: ReadinessProblem) -> tuple[str, str]:
    said = (translate("check", "“{title}” is {size}; this criterion accepts files up to {limit}.")
            if p.message == "file-size" else
            translate("check", "“{title}” is {size}; {server} accepts files up to {limit}."))
    return (said.format(title=p.value("title"), size=human_size(_int(p.value("size"))),
                        limit=human_size(_int(p.value("limit"))), server=p.value("server")),
            _smaller_fix(p.value("kind")))


def _duration(p: ReadinessProblem) -> tuple[str, str]:
    low, high = _int(p.value("min")), _int(p.value("max"))
    wanted = _duration_range(low, high)
    title = p.value("title")
    if p.message == "duration-unknown":
        return (translate("check", "mcdesk could not read how long “{title}” is; this criterion "
                             "asks for {wanted}.").format(title=title, wanted=wanted),
                translate("check", "Check its length in a player; if it plays, nothing needs "
                             "doing."))
    length = p.value("duration")
    said = translate("check",
                     "“{title}” is {length} long; this criterion asks for {wanted}.").format(
        title=title, length=clock(float(length) if isinstance(length, int | float) else 0),
        wanted=wanted)
    if p.message == "duration.short":
        return said, translate("check", "Attach a longer recording (at least {time}).").format(
            time=clock(low or 0))
    return said, translate("check", "Trim it to at most {time} (Evidence › Trim) and attach the "
                              "trimmed version instead.").format(time=clock(high or 0))


def _consent(p: ReadinessProblem) -> tuple[str, str]:
    said = (translate("check", "“{title}” may show students, and consent is not set.")
            if p.value("consent") == Consent.NOT_SET else
            translate("check", "“{title}” may show students, and consent is “not yet”."))
    return (said.format(title=p.value("title")),
            translate("check", "Record that everyone on it consented (Evidence › Consent), or blur "
                               "the faces (Evidence › Blur faces) and attach the blurred version."))


def _gps(p: ReadinessProblem) -> tuple[str, str]:
    copy = p.value("copy")
    fix = (translate("check", "Detach it and attach its copy “{copy}” instead, which holds no "
                        "location.").format(copy=copy) if copy else
           translate("check", "Make a copy without the location (Evidence › Remove location and "
                        "details) and attach the copy instead."))
    return (translate("check", "“{title}” still holds the place where it was taken (GPS).").format(
                title=p.value("title")), fix)


def _identifying(p: ReadinessProblem) -> tuple[str, str]:
    details = p.value("details")
    listed = ", ".join(details) if isinstance(details, tuple) else str(details)
    return (translate("check", "“{title}” carries identifying details: {details}.").format(
                title=p.value("title"), details=listed),
            translate("check", "If you would rather not share them, make a copy without them "
                         "(Evidence › Remove location and details) and attach it instead."))


def _media_type(p: ReadinessProblem) -> tuple[str, str]:
    accepted = p.value("accepted")
    said = translate("check", "“{title}” is a {mime} file, which {server} does not accept (it "
                        "accepts {accepted}).").format(
        title=p.value("title"), mime=p.value("mime"), server=p.value("server"),
        accepted=", ".join(accepted) if isinstance(accepted, tuple) else "")
    fix = (translate("check", "Make a compressed version (Evidence › Compress, which writes "
                              "MP4) and attach it instead.")
           if p.value("kind") == EvidenceKind.VIDEO else
           translate("check", "Save it in an accepted format, add that copy and attach it "
                              "instead."))
    return said, fix


def _unknown_criterion(p: ReadinessProblem) -> tuple[str, str]:
    return (translate("check", "This draft holds work for “{criterion}”, which version "
                               "{version} of {mc} does not ask for; it will not be sent.").format(
                criterion=p.value("criterion"), version=p.value("version"), mc=p.value("mc")),
            translate("check", "Nothing to do, unless it belongs under another criterion: "
                               "then copy it there."))


def _total_size(p: ReadinessProblem) -> tuple[str, str]:
    return (translate("check", "The attached files add up to {total}; {server} accepts up to "
                         "{limit} in one submission.").format(
                total=human_size(_int(p.value("total"))), server=p.value("server"),
                limit=human_size(_int(p.value("limit")))),
            translate("check", "Compress the videos (Evidence › Compress) and attach the "
                               "compressed versions, or attach fewer files."))


_WORDINGS: dict[str, Callable[[ReadinessProblem], tuple[str, str]]] = {
    "missing-answer": _missing_answer,
    "word-count.short": lambda p: _word_count(p, short=True),
    "word-count.long": lambda p: _word_count(p, short=False),
    "roster-name.answer": _roster_answer,
    "roster-name.caption": _roster_caption,
    "roster-name.evidence": _roster_evidence,
    "link.answer": _link,
    "link.caption": _link,
    "link.evidence": _link,
    "missing-evidence": _missing_evidence,
    "item-count.few": _too_few,
    "item-count.many": _too_many,
    "evidence-missing.gone": _gone,
    "evidence-missing.unavailable": _unavailable,
    "wrong-kind": _wrong_kind,
    "file-size": _file_size,
    "server-file-size": _file_size,
    "duration-unknown": _duration,
    "duration.short": _duration,
    "duration.long": _duration,
    "consent": _consent,
    "gps": _gps,
    "identifying-details": _identifying,
    "server-media-type": _media_type,
    "unknown-criterion": _unknown_criterion,
    "server-total-size": _total_size,
}
