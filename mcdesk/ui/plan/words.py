"""The plan's words on screen: states, due dates, hours and the reminder line (also what the
shell shows on start); GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject

from mcdesk.core.plan import Due, PlanItem, PlanState
from mcdesk.ui.widgets.locale_text import date_text, decimal_text, long_date_text

# Colours of the state marks, readable on light and dark backgrounds alike.
STATE_COLOURS = {PlanState.STUDYING: "#7a7a7a", PlanState.DRAFTING: "#b26a00",
                 PlanState.SENT: "#2f6db5", PlanState.IN_REVIEW: "#6a4fb3",
                 PlanState.EARNED: "#2e7d32", PlanState.NOT_YET: "#c0392b"}
OVERDUE_COLOUR = "#c0392b"
DUE_SOON_COLOUR = "#b26a00"


translate = QCoreApplication.translate


class PlanCounts(QObject):
    """The plan's words with a count: lupdate gives plural forms only to tr() calls in a
    class."""

    def overdue_by(self, n: int) -> str:
        return self.tr("overdue by %n day(s)", "", n)

    def due_in(self, n: int) -> str:
        return self.tr("due in %n day(s)", "", n)

    def overdue(self, n: int) -> str:
        return self.tr("%n overdue", "", n)

    def due_within(self, n: int) -> str:
        return self.tr("%n due within %1 days", "", n)


COUNTS = PlanCounts()


def state_words(state: PlanState) -> str:
    return {PlanState.STUDYING: translate("plan", "Studying"),
            PlanState.DRAFTING: translate("plan", "Drafting"),
            PlanState.SENT: translate("plan", "Sent"),
            PlanState.IN_REVIEW: translate("plan", "In review"),
            PlanState.EARNED: translate("plan", "Earned"),
            PlanState.NOT_YET: translate("plan", "“Not yet”")}[state]


def state_explained(state: PlanState) -> str:
    return {
        PlanState.STUDYING: translate(
            "plan", "In your plan, no draft yet: read what it asks for and study the research "
            "and resources, then start a draft."),
        PlanState.DRAFTING: translate(
            "plan", "A draft is under way; Ready to send? in Drafts says what is missing."),
        PlanState.SENT: translate(
            "plan", "Sent: the issuer has it (or it goes with the next sync) and has not given "
            "it to assessors yet."),
        PlanState.IN_REVIEW: translate("plan", "Assessors are reviewing it."),
        PlanState.EARNED: translate("plan", "Earned. Well done."),
        PlanState.NOT_YET: translate(
            "plan", "“Not yet”: read the assessors' feedback and resubmit."),
    }[state]


def long_date(day: date) -> str:
    """"March 2, 2026" / "2 de marzo de 2026"."""
    return long_date_text(datetime(day.year, day.month, day.day))


def short_date(day: date) -> str:
    """"Mar 2, 2026" / "2 mar 2026": the month by name, never an ambiguous digit order."""
    return date_text(datetime(day.year, day.month, day.day))


def due_words(item: PlanItem) -> str:
    """"overdue by 3 days", "due today", "due in 4 days" (empty when it does not press)."""
    if item.due is Due.OVERDUE:
        return COUNTS.overdue_by(-item.days_left)
    if item.due is Due.DUE_SOON:
        if item.days_left == 0:
            return translate("plan", "due today")
        return COUNTS.due_in(item.days_left)
    return ""


def hours_words(item: PlanItem) -> str:
    """The hours it counts for, or nothing at all where no rule applies."""
    if item.hours is None:
        return ""
    return translate("plan", "%1 h").replace("%1", decimal_text(item.hours))


def reminder_text(items: Sequence[PlanItem], remind_days: int) -> str:
    """One or two sentences naming what is overdue or due soon and not yet sent."""
    if not items:
        return ""
    if len(items) == 1:
        item = items[0]
        sentence = (translate("plan", "“%1” is %2 (%3): it came back “not yet”, resubmit it.")
                    if item.state is PlanState.NOT_YET
                    else translate("plan", "“%1” is %2 (%3) and not sent yet."))
        what = sentence.replace("%1", item.title).replace("%2", due_words(item)).replace(
            "%3", long_date(item.target))
        return translate("plan", "Your plan: %1").replace("%1", what)
    overdue = sum(1 for i in items if i.due is Due.OVERDUE)
    soon = len(items) - overdue
    parts = []
    if overdue:
        parts.append(COUNTS.overdue(overdue))
    if soon:
        parts.append(COUNTS.due_within(soon).replace("%1", str(remind_days)))
    names = ", ".join(f"“{i.title}”" for i in items[:3]) + ("…" if len(items) > 3 else "")
    return translate("plan", "Your plan: %1, not sent yet: %2. See Plan.").replace(
        "%1", translate("plan", " and ").join(parts)).replace("%2", names)
