"""Provenance in words, translated: "Captured by Ana (coach), 3 May, on Ana's laptop"; GUI
thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from mcdesk.core.coaching import Provenance
from mcdesk.core.reviews import Role

translate = QCoreApplication.translate


def provenance_text(provenance: Provenance) -> str:
    role = {Role.EARNER: translate("provenance", "teacher"),
            Role.COACH: translate("provenance", "coach"),
            Role.ASSESSOR: translate("provenance", "assessor"),
            Role.STAFF: translate("provenance", "issuer staff")}.get(provenance.role,
                                                                     str(provenance.role))
    local = provenance.at.astimezone()
    day = QLocale().toString(QDate(local.year, local.month, local.day), "d MMMM")
    who = provenance.name or translate("provenance", "someone")
    text = (translate("provenance",
                      "Written by {who} ({role}), {day}") if provenance.action == "written" else
            translate("provenance",
                      "Captured by {who} ({role}), {day}")).format(who=who, role=role, day=day)
    if provenance.portfolio_name:
        text += translate("provenance",
                          ", on {portfolio}").format(portfolio=provenance.portfolio_name)
    return text
