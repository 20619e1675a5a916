"""Renders study material inside a micro-credential's page: where each resource file is
(available offline, online only, downloading, refused and why) with the link that opens or
fetches it, and the exemplars of work with the level each reached; GUI thread."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication

from mcdesk.core.catalog import MicroCredential
from mcdesk.core.study import FileRef, FileState, StudyFile
from mcdesk.core.units import human_size
from mcdesk.ui.widgets.locale_text import number_text

if TYPE_CHECKING:
    from mcdesk.ui.catalog.mc_render import Colors

STUDY_SCHEME = "study"

translate = QCoreApplication.translate


def kind_of_media(viewer: str, media_type: str) -> str:
    """A file's kind in words (the media type when mcdesk has no viewer for it)."""
    return {"pdf": translate("StudyView", "PDF"),
            "html": translate("StudyView", "saved page"),
            "image": translate("StudyView", "picture"),
            "video": translate("StudyView", "video")}.get(viewer, media_type)


def study_link(action: str, value: str) -> str:
    return f"{STUDY_SCHEME}:{action}:{quote(value, safe='')}"


def _link(action: str, sha256: str, words: str) -> str:
    return f"<a href='{study_link(action, sha256)}'>{escape(words)}</a>"


def file_line(ref: FileRef, file: StudyFile | None, colors: Colors) -> str:
    """One line under a resource or exemplar: what the file is and where it is."""
    what = escape(f"{kind_of_media(ref.viewer, ref.media_type)}, {human_size(ref.size)}")
    state = file.state if file is not None else FileState.ONLINE
    if state is FileState.OFFLINE:
        offline = escape(translate("StudyView", "available offline"))
        where = (f"<span style='color:{colors.accent}'>✓ {offline}</span> · "
                 + _link("open", ref.sha256, translate("StudyView", "Open")))
    elif state is FileState.DOWNLOADING and file is not None:
        where = (escape(translate("StudyView", "downloading, %1 % here").replace(
                    "%1", number_text(file.percent)))
                 + " · " + _link("fetch", ref.sha256, translate("StudyView", "Go on now")))
    elif state is FileState.REFUSED and file is not None:
        where = ("<span style='color:#b3261e'>⚠ "
                 + escape(translate("StudyView", "refused: %1").replace("%1", file.reason))
                 + "</span> · " + _link("fetch", ref.sha256, translate("StudyView", "Try again")))
    else:
        note = f" ({escape(file.reason)})" if file is not None and file.reason else ""
        where = (escape(translate("StudyView", "online only")) + note + " · "
                 + _link("fetch", ref.sha256,
                         translate("StudyView", "Make available offline")))
    return (f"<br/><span style='color:{colors.muted}'>{what}</span> · {where}"
            f"<br/><small style='color:{colors.muted}'>"
            + escape(translate("StudyView", "Licence: %1").replace("%1", ref.licence))
            + "</small>")


def stack_offline_link(stack_id: str) -> str:
    return (f"<p><a href='{study_link('stack', stack_id)}'>"
            + escape(translate("StudyView", "Make the whole stack available offline"))
            + "</a></p>")


def exemplars_html(mc: MicroCredential, files: Mapping[str, StudyFile], colors: Colors) -> str:
    """The exemplars, grouped by the criterion each illustrates, with level and reasons."""
    out: list[str] = [f"<p style='color:{colors.muted}'>" + escape(translate(
        "StudyView",
        "Examples of work scored by assessors: the level each reached on its criterion and "
        "why. Answers are anonymised.")) + "</p>"]
    for part in mc.submission_parts:
        for criterion in part.criteria:
            examples = mc.exemplars_for(criterion.id)
            if not examples:
                continue
            out.append(f"<h3>{escape(criterion.prompt)}</h3>")
            rubric = mc.rubric_criterion(criterion.rubric_criterion_id or "")
            for exemplar in examples:
                level_name, passing = exemplar.level, None
                if rubric is not None:
                    level = next((lv for lv in rubric.levels if lv.id == exemplar.level), None)
                    if level is not None:
                        level_name = level.name
                        passing = rubric.passes(level.id)
                verdict = ""
                if passing is not None:
                    verdict = " · " + escape(translate("StudyView", "meets the bar") if passing
                                             else translate("StudyView", "not yet at the bar"))
                out.append(
                    f"<div style='background:{colors.panel}; padding:6px; margin-bottom:6px'>"
                    f"<b>{escape(exemplar.title)}</b><br/>"
                    f"<span style='color:{colors.accent}'>"
                    + escape(translate("StudyView", "Reached: %1").replace("%1", level_name))
                    + verdict + "</span><br/>"
                    + escape(translate("StudyView", "Assessor's reasons: %1").replace(
                        "%1", exemplar.reasons)))
                if exemplar.text:
                    out.append(f"<blockquote style='margin-left:12px'>"
                               f"{escape(exemplar.text)}</blockquote>")
                if exemplar.file is not None:
                    out.append(file_line(exemplar.file, files.get(exemplar.file.sha256),
                                         colors))
                out.append("</div>")
    return "".join(out)
