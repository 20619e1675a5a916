"""Credentials signed by the reference issuer's own code (mcdesk_issuer.credentials.award) for
the badge tests, from the demo catalog's achievements; test thread."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mcdesk_issuer.credentials import award, award_stack
from mcdesk_issuer.keys import IssuerKey
from tests.conftest import DEMO_CATALOG

SHARED = Path(__file__).resolve().parents[2] / "shared"
OB30 = SHARED / "third_party" / "1edtech-validator" / "ob30"
DEMO = "https://demo.mcdesk.org/achievements/"
EXIT_TICKETS = DEMO + "exit-tickets"
WAIT_TIME = DEMO + "questioning-wait-time"
PEER_FEEDBACK = DEMO + "peer-feedback-rubrics"
SMALL_GROUPS = DEMO + "data-driven-small-groups"
FAMILY = DEMO + "two-way-family-communication"
FORMATIVE = "https://demo.mcdesk.org/stacks/formative-assessment"
BADGE_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
             '<circle cx="32" cy="32" r="30" fill="#2e7d5b"/></svg>')


def achievement(achievement_id: str) -> dict[str, Any]:
    catalog = json.loads(DEMO_CATALOG.read_text("utf-8"))
    found: dict[str, Any] = next(a for a in catalog["achievements"]
                                 if a["id"] == achievement_id)
    return found


_KEY = IssuerKey(Ed25519PrivateKey.generate())


def signed_jwt(achievement_id: str, valid_from: datetime, *, serial: int = 1,
               image: str | None = None, key: IssuerKey | None = None,
               results: tuple[tuple[str, str], ...] = (),
               evidence: tuple[dict[str, Any], ...] = ()) -> str:
    """A VC-JWT the reference issuer's code signs for `achievement_id`."""
    embedded = achievement(achievement_id)
    if image is not None:
        embedded = {**embedded, "image": {"id": image, "type": "Image"}}
    awarded = award(key=key or _KEY, issuer_name="Riverbend Teaching Academy",
                    credential_id=f"urn:uuid:00000000-0000-4000-8000-{serial:012d}",
                    earner_id="11111111-2222-4333-8444-555555555555", earner_name="Ana",
                    achievement=embedded, valid_from=valid_from, results=results,
                    evidence=evidence)
    return awarded.jws


def signed_stack_jwt(stack_id: str, valid_from: datetime, *, serial: int = 99) -> str:
    """The reference issuer's credential for completing the stack `stack_id`."""
    catalog = json.loads(DEMO_CATALOG.read_text("utf-8"))
    stack = next(s for s in catalog["stacks"] if s["id"] == stack_id)
    members = [a for a in catalog["achievements"]
               if a.get("mcdeskMicroCredential", {}).get("stack", {}).get("id") == stack_id]
    return award_stack(key=_KEY, issuer_name="Riverbend Teaching Academy",
                       credential_id=f"urn:uuid:00000000-0000-4000-8000-{serial:012d}",
                       earner_id="11111111-2222-4333-8444-555555555555", earner_name="Ana",
                       stack=stack, members=members, valid_from=valid_from).jws
