"""The plan's words on screen: states, due dates, hours and the reminder line (also what the
shell shows on start); GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from mcdesk.core.plan import Due, PlanItem, PlanState

#: Colours of the state marks, readable on light and dark backgrounds alike.
STATE_COLOURS = {PlanState.STUDYING: "#7a7a7a", PlanState.DRAFTING: "#b26a00",
                 PlanState.SENT: "#2f6db5", PlanState.IN_REVIEW: "#6a4fb3",
                 PlanState.EARNED: "#2e7d32", PlanState.NOT_YET: "#c0392b"}
OVERDUE_COLOUR = "#c0392b"
DUE_SOON_COLOUR = "#b26a00"


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("plan", text, None, n)


def state_words(state: PlanState) -> str:
    return {PlanState.STUDYING: _tr("Studying"), PlanState.DRAFTING: _tr("Drafting"),
            PlanState.SENT: _tr("Sent"), PlanState.IN_REVIEW: _tr("In review"),
            PlanState.EARNED: _tr("Earned"), PlanState.NOT_YET: _tr("“Not yet”")}[state]


def state_explained(state: PlanState) -> str:
    return {
        PlanState.STUDYING: _tr("In your plan, no draft yet: read what it asks for and study "
                                "the research and resources, then start a draft."),
        PlanState.DRAFTING: _tr("A draft is under way; Ready to send? in Drafts says what is "
                                "missing."),
        PlanState.SENT: _tr("Sent: the issuer has it (or it goes with the next sync) and has "
                            "not given it to assessors yet."),
        PlanState.IN_REVIEW: _tr("Assessors are reviewing it."),
        PlanState.EARNED: _tr("Earned. Well done."),
        PlanState.NOT_YET: _tr("“Not yet”: read the assessors' feedback and resubmit."),
    }[state]


def long_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def short_date(day: date) -> str:
    # The month by name: a short numeric date reads differently from one country to the next.
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def due_words(item: PlanItem) -> str:
    """"overdue by 3 days", "due today", "due in 4 days" (empty when it does not press)."""
    if item.due is Due.OVERDUE:
        return _tr("overdue by %n day(s)", -item.days_left)
    if item.due is Due.DUE_SOON:
        return _tr("due today") if item.days_left == 0 else _tr("due in %n day(s)",
                                                                 item.days_left)
    return ""


def hours_words(item: PlanItem) -> str:
    """The hours it counts for, or nothing at all where no rule applies."""
    if item.hours is None:
        return ""
    return _tr("%1 h").replace("%1", f"{item.hours:g}")


def reminder_text(items: Sequence[PlanItem], remind_days: int) -> str:
    """One or two sentences naming what is overdue or due soon and not yet sent."""
    if not items:
        return ""
    if len(items) == 1:
        item = items[0]
        sentence = (_tr("“%1” is %2 (%3): it came back “not yet”, resubmit it.")
                    if item.state is PlanState.NOT_YET
                    else _tr("“%1” is %2 (%3) and not sent yet."))
        what = sentence.replace("%1", item.title).replace("%2", due_words(item)).replace(
            "%3", long_date(item.target))
        return _tr("Your plan: %1").replace("%1", what)
    overdue = sum(1 for i in items if i.due is Due.OVERDUE)
    soon = len(items) - overdue
    parts = []
    if overdue:
        parts.append(_tr("%n overdue", overdue))
    if soon:
        parts.append(_tr("%n due within %1 days", soon).replace("%1", str(remind_days)))
    names = ", ".join(f"“{i.title}”" for i in items[:3]) + ("…" if len(items) > 3 else "")
    return _tr("Your plan: %1, not sent yet: %2. See Plan.").replace(
        "%1", _tr(" and ").join(parts)).replace("%2", names)
