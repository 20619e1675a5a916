"""Renders one micro-credential, every part in order, as HTML for a QTextBrowser; GUI thread."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication

from mcdesk.core.catalog import (
    EvidenceKind,
    MicroCredential,
    ResponseKind,
    RubricCriterion,
    Stack,
    SubmissionCriterion,
)
from mcdesk.core.study import StudyFile

MC_LINK_SCHEME = "mc"



translate = QCoreApplication.translate


@dataclass(frozen=True)
class Colors:
    text: str
    muted: str
    accent: str
    border: str
    panel: str
    passing: str
    link: str = "#1a5fb4"
    """Links, readable on the page's background (a dark palette's default blue is not)."""


def kind_name(kind: EvidenceKind) -> str:
    return {
        EvidenceKind.VIDEO: translate("mc", "video"),
        EvidenceKind.AUDIO: translate("mc", "audio recording"),
        EvidenceKind.IMAGE: translate("mc", "photo or image"),
        EvidenceKind.DOCUMENT: translate("mc", "document"),
        EvidenceKind.TEXT: translate("mc", "written text"),
        EvidenceKind.LINK: translate("mc", "link"),
    }[kind]


def mc_link(achievement_id: str) -> str:
    return f"{MC_LINK_SCHEME}:{quote(achievement_id, safe='')}"


def _duration(seconds: int) -> str:
    if seconds % 60 == 0:
        return translate("mc", "%n min").replace("%n", str(seconds // 60))
    return translate("mc", "%n s").replace("%n", str(seconds))


def _size(size: int) -> str:
    if size >= 1024**3:
        return f"{size / 1024**3:g} GB"
    return f"{size / 1024**2:.0f} MB"


def criterion_limits(criterion: SubmissionCriterion) -> list[str]:
    """Short plain-language facts about what a criterion accepts."""
    facts: list[str] = []
    if criterion.response is ResponseKind.TEXT:
        low, high = criterion.min_words, criterion.max_words
        if low is not None and high is not None:
            facts.append(translate("mc", "written answer, %1–%2 words").replace("%1", str(low))
                         .replace("%2", str(high)))
        elif high is not None:
            facts.append(translate("mc", "written answer, up to %1 words").replace("%1", str(high)))
        elif low is not None:
            facts.append(translate("mc", "written answer, at least %1 words")
                         .replace("%1", str(low)))
        else:
            facts.append(translate("mc", "written answer"))
    else:
        kinds = (translate("mc", " or ").join(kind_name(k) for k in criterion.evidence_kinds)
                 or translate("mc", "evidence"))
        low, high = criterion.min_items, criterion.max_items
        if low is not None and high is not None and low == high:
            count = f"{low} × "
        elif low is not None and high is not None:
            count = f"{low}–{high} × "
        elif low is not None:
            count = translate("mc", "at least %1 × ").replace("%1", str(low))
        else:
            count = ""
        facts.append(count + kinds)
        media = criterion.media
        if media.min_duration_s is not None and media.max_duration_s is not None:
            facts.append(f"{_duration(media.min_duration_s)}–{_duration(media.max_duration_s)}")
        elif media.max_duration_s is not None:
            facts.append(translate("mc", "up to %1").replace("%1", _duration(media.max_duration_s)))
        if media.max_file_bytes is not None:
            facts.append(translate("mc", "files up to %1")
                         .replace("%1", _size(media.max_file_bytes)))
    if not criterion.required:
        facts.append(translate("mc", "optional"))
    return facts


def render(mc: MicroCredential, *, colors: Colors, is_current: bool = True,
           stack: Stack | None = None, files: Mapping[str, StudyFile] | None = None) -> str:
    """The page; `files` says where each resource and exemplar file is (none: online)."""
    from mcdesk.ui.catalog import study_render

    files = files or {}
    out: list[str] = [
        f"<html><body style='color:{colors.text}'>",
        f"<h1 style='margin-bottom:2px'>{escape(mc.name)}</h1>",
    ]
    facts = []
    if mc.issuer:
        facts.append(escape(mc.issuer.name))
    facts.append(escape(translate("mc", "version %1").replace("%1", mc.version)))
    if mc.in_service_hours is not None:
        facts.append(escape(translate("mc", "%1 in-service hours")
                            .replace("%1", f"{mc.in_service_hours:g}")))
    out.append(f"<p style='color:{colors.muted}; margin-top:0'>{' · '.join(facts)}</p>")
    if not is_current:
        out.append(f"<p style='background:{colors.panel}; padding:6px'><b>"
                   + escape(translate(
                       "mc", "This is an older version, kept for drafts that use it."))
                   + "</b></p>")
    if stack is not None and mc.stack is not None:
        out.append(_stack_block(mc, stack, colors))
        out.append(study_render.stack_offline_link(stack.id))
    out.append(f"<p>{escape(mc.description)}</p>")

    missing = mc.missing_parts()
    if missing:
        out.append(
            f"<p style='background:{colors.panel}; border-left:4px solid {colors.border}; "
            f"padding:6px'>" + escape(translate("mc",
                "The issuer has not published these parts yet: %1. You can read the "
                "criteria and rubric below, but not start a draft for it.")
                .replace("%1", ", ".join(missing))) + "</p>")

    def section(title: str, body: str | None) -> None:
        out.append(f"<h2>{escape(title)}</h2>")
        if body:
            out.append(body)
        else:
            missing = escape(translate("mc", "Missing"))
            out.append(f"<p style='color:{colors.muted}'><i>{missing}</i></p>")

    section(translate("mc", "Competency"),
            f"<p>{escape(mc.competency)}</p>" if mc.competency else None)
    section(translate("mc", "Key method"),
            f"<p>{escape(mc.key_method)}</p>" if mc.key_method else None)
    section(translate("mc", "Method components"), "<ol>" + "".join(
        f"<li><b>{escape(c.name)}</b>. {escape(c.description)}</li>"
        for c in mc.method_components) + "</ol>" if mc.method_components else None)
    section(translate("mc", "Research and resources"), "<ul>" + "".join(
        _resource(r.title, r.url, r.citation, r.description, colors,
                  study_render.file_line(r.file, files.get(r.file.sha256), colors)
                  if r.file is not None else "")
        for r in mc.resources) + "</ul>" if mc.resources else None)
    section(translate("mc", "Submission criteria"),
            _submission(mc, colors) if mc.submission_parts else None)
    if mc.exemplars:
        section(translate("mc", "Examples of work"), study_render.exemplars_html(mc, files, colors))
    rubric = [rc for rc in mc.rubric if rc.is_rubric]
    section(translate("mc", "Scoring rubric"), _rubric(rubric, colors) if rubric else None)
    if mc.criteria_narrative:
        section(translate("mc", "How to earn it"), "".join(
            f"<p>{escape(p)}</p>" for p in mc.criteria_narrative.split("\n\n")))
    out.append("</body></html>")
    return "".join(out)


def _stack_block(mc: MicroCredential, stack: Stack, colors: Colors) -> str:
    assert mc.stack is not None
    total = len(stack.members)
    items = []
    for member in stack.members:
        label = escape(member.name)
        if member.achievement_id == mc.achievement_id:
            items.append(f"<li><b>{label}</b></li>")
        else:
            items.append(f"<li><a href='{mc_link(member.achievement_id)}' "
                         f"style='color:{colors.link}'>{label}</a></li>")
    heading = escape(translate("mc", "Part of the stack “%1”, %2 of %3").replace("%1", stack.name)
                     .replace("%2", str(mc.stack.position)).replace("%3", str(total)))
    description = f"<br/><span style='color:{colors.muted}'>{escape(stack.description)}</span>" \
        if stack.description else ""
    return (f"<div style='background:{colors.panel}; padding:6px'><b>{heading}</b>{description}"
            f"<ol style='margin-top:4px'>{''.join(items)}</ol></div>")


def _resource(title: str, url: str | None, citation: str | None, description: str | None,
              colors: Colors, file_line: str = "") -> str:
    head = (f"<a href='{escape(url, quote=True)}' style='color:{colors.link}'>"
            f"{escape(title)}</a>") if url else \
        f"<b>{escape(title)}</b>"
    extra = ""
    if citation:
        extra += f"<br/><span style='color:{colors.muted}'>{escape(citation)}</span>"
    if description:
        extra += f"<br/>{escape(description)}"
    return f"<li>{head}{extra}{file_line}</li>"


def _submission(mc: MicroCredential, colors: Colors) -> str:
    names = {rc.id: rc.name for rc in mc.rubric}
    out = []
    for part in mc.submission_parts:
        out.append(f"<h3>{escape(part.name)}</h3>")
        if part.instructions:
            out.append(f"<p>{escape(part.instructions)}</p>")
        out.append("<ol>")
        for criterion in part.criteria:
            facts = " · ".join(escape(f) for f in criterion_limits(criterion))
            judged = ""
            if criterion.rubric_criterion_id in names:
                judged = (" · " + escape(translate("mc", "judged by “%1”").replace(
                    "%1", names[criterion.rubric_criterion_id])))
            out.append(f"<li>{escape(criterion.prompt)}<br/>"
                       f"<span style='color:{colors.accent}'>{facts}{judged}</span></li>")
        out.append("</ol>")
    return "".join(out)


def _rubric(rubric: list[RubricCriterion], colors: Colors) -> str:
    out = [f"<p style='color:{colors.muted}'>" + escape(translate("mc",
        "Levels run from lowest to highest. The passing level of each criterion is marked ✓; "
        "a submission is earned when every criterion reaches its passing level, otherwise "
        "it is “not yet”.")) + "</p>"]
    for criterion in rubric:
        out.append(f"<h3>{escape(criterion.name)}</h3>")
        if criterion.description:
            out.append(f"<p>{escape(criterion.description)}</p>")
        out.append(f"<table cellspacing='0' cellpadding='6' width='100%' "
                   f"style='border:1px solid {colors.border}'><tr>")
        for level in criterion.levels:
            passing = level.id == criterion.required_level_id
            style = (f"border:1px solid {colors.border};"
                     + (f" background:{colors.passing};" if passing else ""))
            mark = " ✓ " + escape(translate("mc", "passing")) if passing else ""
            points = f" ({escape(level.points)})" if level.points else ""
            out.append(f"<th style='{style}' align='left'>{escape(level.name)}{points}"
                       f"<span style='color:{colors.accent}'>{mark}</span></th>")
        out.append("</tr><tr>")
        for level in criterion.levels:
            passing = level.id == criterion.required_level_id
            style = (f"border:1px solid {colors.border};"
                     + (f" background:{colors.passing};" if passing else ""))
            out.append(f"<td valign='top' style='{style}'>{escape(level.description)}</td>")
        out.append("</tr></table>")
    return "".join(out)
