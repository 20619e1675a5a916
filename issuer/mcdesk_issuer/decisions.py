"""The issuer's decisions: staff's, checked against the reviews in and the rubric rule, and the
command line's, made from the reviews' reconciled levels; an earned one issues its credential
and any stack credential it completes. Reached as `Issuer.decisions` from the HTTP layer and the
CLI; every call is synchronous (run it on a worker thread, never on the event loop), and a
decision's one transaction holds its submission's row (and, when earned, the earner's) until it
commits."""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mcdesk.core.catalog import MicroCredential
from mcdesk_issuer import bags, credentials, reconcile
from mcdesk_issuer.db import (
    Account,
    CatalogFile,
    Credential,
    DecisionRecord,
    StackCredential,
    Submission,
)
from mcdesk_issuer.models import DecisionBody, FeedbackIn
from mcdesk_issuer.problems import Problem, conflict, invalid, not_found
from mcdesk_issuer.service import (
    DECIDED,
    EARNED,
    OPEN,
    _require,
    _status,
    _submission_id,
)

if TYPE_CHECKING:
    from mcdesk_issuer.service import Caller, Issuer

log = logging.getLogger(__name__)


class Decisions:
    """The decisions of one issuer; `caller` None is the command line (trusted)."""

    def __init__(self, issuer: Issuer) -> None:
        self.issuer = issuer

    def decide(self, submission_id: str, body: DecisionBody, caller: Caller | None = None
               ) -> tuple[bool, dict[str, Any]]:
        """Record the issuer's decision; earned issues the credential. (changed, status).
        Refused before every assigned review is in, and against the rubric rule, unless the
        body gives an overrideReason (kept with the decision)."""
        if caller is not None:
            _require(caller, "staff")
        decision_hash = hashlib.sha256(body.canonical().encode("utf-8")).hexdigest()
        issuer_name = self.issuer.name  # before the session: one transaction at a time per thread
        with self.issuer.db.session() as s:
            sid = _submission_id(submission_id)
            # The row lock makes a second decision (any process) wait, then see this one.
            row = s.get(Submission, sid, with_for_update=True)
            if row is None:
                raise not_found(f"no submission {submission_id}")
            if row.state in DECIDED:
                if row.decision_hash == decision_hash:
                    return False, _status(s, row)
                raise conflict(f"submission {sid} was already decided ({row.state})")
            if row.state == OPEN:
                raise conflict(f"submission {sid} is still open: it was never finalized")
            found = self.issuer._achievement(s, row.achievement_id, row.version)
            mc = found[1] if found else None
            problems = _feedback_problems(body.feedback, mc)
            if problems:
                raise invalid("the feedback does not fit this micro-credential's rubric",
                              problems)
            reason = (body.overrideReason or "").strip()
            reviews = reconcile.reviews_of(s, sid)
            if not reconcile.ready(reviews) and not reason:
                done = sum(1 for r in reviews if r.body is not None)
                raise Problem(409, "reviews-missing",
                              "no review of this submission is in yet" if not done else
                              f"{done} of {len(reviews)} reviews are in; wait for the rest",
                              problems=["deciding now needs an overrideReason, which is "
                                        "recorded"],
                              extra={"reviewsIn": done, "reviewsAssigned": len(reviews)})
            rule = self._rule(mc, body, reviews)
            if rule is not None and body.state != rule and not reason:
                raise invalid(f"the rubric makes this {rule!r}", [
                    f"a decision of {body.state!r} against the rubric rule needs an "
                    "overrideReason"])
            now = self.issuer.clock()
            row.state = body.state
            row.decided_at = now
            row.decision_hash = decision_hash
            row.feedback_json = json.dumps([f.model_dump(mode="json") for f in body.feedback])
            s.add(DecisionRecord(submission_id=sid, staff_id=caller.id if caller else None,
                                 rule=rule, state=body.state, override_reason=reason or None,
                                 decided_at=now))
            if body.state == EARNED:
                if found is None:  # pragma: no cover - begin checks the catalog
                    raise conflict("the micro-credential is no longer in the catalog")
                # Locked: two of the earner's submissions decided at once award a stack once.
                earner = s.get(Account, row.earner_id, with_for_update=True)
                earner_name = earner.name if earner else ""
                credential_id = f"urn:uuid:{uuid.uuid4()}"
                made = credentials.award(
                    key=self.issuer.key, issuer_name=issuer_name, credential_id=credential_id,
                    earner_id=row.earner_id, earner_name=earner_name,
                    achievement=found[0], valid_from=now.replace(microsecond=0),
                    results=[(f.rubricCriterionId, f.levelId) for f in body.feedback
                             if f.levelId],
                    evidence=self._evidence(s, sid))
                s.add(Credential(id=credential_id, submission_id=sid, earner_id=row.earner_id,
                                 issued_at=now, json=json.dumps(made.signed), jws=made.jws))
                row.credential_id = credential_id
                s.flush()
                self._award_stacks(s, row.earner_id, earner_name, issuer_name, now)
            return True, _status(s, row)

    def _evidence(self, s: Session, sid: str) -> list[dict[str, Any]]:
        """The evidence a credential lists: from the stored data/submission.json, else from
        the assembled bag (a server before 2026-12 kept the original there)."""
        found = bags.submission_evidence(self.issuer.files, self.issuer._refs(s, sid))
        if found is not None:
            return found
        return bags.evidence_pieces(self.issuer.files.bag_path(sid))

    @staticmethod
    def _rule(mc: MicroCredential | None, body: DecisionBody,
              reviews: list[reconcile.ReviewIn]) -> str | None:
        """The rubric's decision: from the levels staff composed when they give one for every
        criterion, else from the reviews' reconciled levels (None without either)."""
        composed = {f.rubricCriterionId: f.levelId for f in body.feedback}
        rule = reconcile.rule(mc, composed)
        if rule is None and any(r.body is not None for r in reviews):
            views = reconcile.criteria([r for r in reviews if r.body is not None], mc)
            rule = reconcile.rule(mc, {v.criterion.id: v.reconciled for v in views})
        return rule

    def _award_stacks(self, s: Session, earner_id: str, earner_name: str, issuer_name: str,
                      now: datetime) -> None:
        """A stack credential for each stack of the served catalog whose every member the
        earner has now earned (once per earner and stack)."""
        row = s.scalars(select(CatalogFile).order_by(CatalogFile.id.desc())).first()
        if row is None:
            return
        try:
            catalog = json.loads(row.text)
        except ValueError:  # pragma: no cover - the catalog was checked on import
            return
        if not isinstance(catalog, dict):
            return
        members: dict[str, list[dict[str, Any]]] = {}
        for achievement in catalog.get("achievements", []):
            stack = (achievement.get(credentials.EXTENSION_KEY) or {}).get("stack") \
                if isinstance(achievement, dict) else None
            if isinstance(stack, dict) and isinstance(stack.get("id"), str):
                members.setdefault(stack["id"], []).append(achievement)
        earned = set(s.scalars(select(Submission.achievement_id).where(
            Submission.earner_id == earner_id, Submission.state == EARNED)))
        for stack in catalog.get("stacks", []):
            stack_id = stack.get("id") if isinstance(stack, dict) else None
            group = members.get(stack_id or "", [])
            if not group or not all(a.get("id") in earned for a in group):
                continue
            if s.scalars(select(StackCredential).where(
                    StackCredential.stack_id == stack_id,
                    StackCredential.earner_id == earner_id)).first() is not None:
                continue
            group.sort(key=lambda a: int(a[credentials.EXTENSION_KEY]["stack"]
                                         .get("position", 0)))
            credential_id = f"urn:uuid:{uuid.uuid4()}"
            made = credentials.award_stack(
                key=self.issuer.key, issuer_name=issuer_name, credential_id=credential_id,
                earner_id=earner_id, earner_name=earner_name, stack=stack, members=group,
                valid_from=now.replace(microsecond=0))
            s.add(StackCredential(id=credential_id, stack_id=stack_id, earner_id=earner_id,
                                  issued_at=now, json=json.dumps(made.signed), jws=made.jws))
            log.info("Stack %s completed by %s: credential %s", stack_id, earner_id,
                     credential_id)

    def decide_from_reviews(self, submission_id: str, state: str,
                            reason: str | None = None) -> dict[str, Any]:
        """The CLI's decision: each rubric criterion at its reconciled level (the lower
        median of the assessors'), with their feedback put together."""
        with self.issuer.db.session() as s:
            row = s.get(Submission, _submission_id(submission_id))
            if row is None:
                raise not_found(f"no submission {submission_id}")
            found = self.issuer._achievement(s, row.achievement_id, row.version)
            view = reconcile.side_by_side(s, row, found[1] if found else None)
        feedback = [FeedbackIn(rubricCriterionId=f["rubricCriterionId"],
                               levelId=f["levelId"], feedback=f["feedback"])
                    for f in view["feedback"] if f["levelId"]]
        body = DecisionBody(state="earned" if state == EARNED else "not yet",
                            feedback=feedback, overrideReason=reason)
        return self.decide(submission_id, body)[1]


def _feedback_problems(feedback: Sequence[FeedbackIn], mc: MicroCredential | None
                       ) -> list[str]:
    problems: list[str] = []
    for entry in feedback:
        criterion = mc.rubric_criterion(entry.rubricCriterionId) if mc else None
        if criterion is None:
            problems.append(f"{entry.rubricCriterionId}: not a rubric criterion of this "
                            "micro-credential")
        elif entry.levelId is not None and all(level.id != entry.levelId
                                               for level in criterion.levels):
            problems.append(f"{entry.levelId}: not a level of {entry.rubricCriterionId}")
    return problems
