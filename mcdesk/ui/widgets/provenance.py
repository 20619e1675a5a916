"""Provenance in words, translated: "Captured by Ana (coach), 3 May, on Ana's laptop"; GUI
thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from mcdesk.core.coaching import Provenance
from mcdesk.core.reviews import Role


def _tr(text: str) -> str:
    return QCoreApplication.translate("provenance", text)


def provenance_text(provenance: Provenance) -> str:
    role = {Role.EARNER: _tr("teacher"), Role.COACH: _tr("coach"),
            Role.ASSESSOR: _tr("assessor")}.get(provenance.role, str(provenance.role))
    local = provenance.at.astimezone()
    day = QLocale().toString(QDate(local.year, local.month, local.day), "d MMMM")
    who = provenance.name or _tr("someone")
    text = (_tr("Written by {who} ({role}), {day}") if provenance.action == "written" else
            _tr("Captured by {who} ({role}), {day}")).format(who=who, role=role, day=day)
    if provenance.portfolio_name:
        text += _tr(", on {portfolio}").format(portfolio=provenance.portfolio_name)
    return text
