"""The issuer's staff use cases (submissions waiting, reviews side by side, pools, calibration
sets, the agreement report) and the assessor's side of calibration, over the Issuer's database;
the HTTP layer and the CLI both call them; synchronous, any worker thread."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mcdesk.core.catalog import MicroCredential
from mcdesk_issuer import assigning, calibration, credentials, reconcile
from mcdesk_issuer.db import (
    Account,
    AccountRole,
    AchievementRow,
    CalibrationItem,
    DecisionRecord,
    PoolMember,
    Submission,
    utc,
)
from mcdesk_issuer.problems import conflict, forbidden, invalid, not_found

if TYPE_CHECKING:
    from mcdesk_issuer.served_bags import BagDownload
    from mcdesk_issuer.service import Caller, Issuer

POOL_KINDS = (assigning.EXPERT, assigning.PEER)


def require_staff(caller: Caller | None) -> None:
    if caller is not None and caller.role != "staff":
        raise forbidden(f"a {caller.role} token cannot make this call (it is for staff)")


class Staff:
    """Staff work on one issuer; `caller` None is the command line (trusted)."""

    def __init__(self, issuer: Issuer) -> None:
        self.issuer = issuer

    def _mc(self, s: Session, achievement_id: str) -> MicroCredential | None:
        row = s.scalars(select(AchievementRow).where(
            AchievementRow.achievement_id == achievement_id)).first()
        return None if row is None else self.issuer._achievement(
            s, row.achievement_id, row.version)[1]  # type: ignore[index]

    def _submission(self, s: Session, submission_id: str) -> Submission:
        from mcdesk_issuer.service import canonical_uuid

        sid = canonical_uuid(submission_id)
        row = s.get(Submission, sid) if sid else None
        if row is None:
            raise not_found(f"no submission {submission_id}")
        return row

    def _person(self, s: Session, person_id: str) -> Account:
        from mcdesk_issuer.service import canonical_uuid

        pid = canonical_uuid(person_id)
        row = s.get(Account, pid) if pid else None
        if row is None:
            raise not_found(f"no person with the id {person_id}")
        return row

    # -- submissions waiting and their reviews --------------------------------------------

    def waiting(self, caller: Caller | None) -> list[dict[str, Any]]:
        """Submissions received and not decided, the ready ones first, oldest first."""
        require_staff(caller)
        with self.issuer.db.session() as s:
            found = []
            for row in s.scalars(select(Submission).where(
                    Submission.state.in_(assigning.WAITING))
                    .order_by(Submission.received_at, Submission.id)):
                reviews = reconcile.reviews_of(s, row.id)
                mc = self._mc(s, row.achievement_id)
                views = reconcile.criteria([r for r in reviews if r.body is not None], mc)
                found.append({
                    "submissionId": row.id, "achievementId": row.achievement_id,
                    "name": mc.name if mc else row.achievement_id,
                    "version": row.version, "attempt": row.attempt, "state": row.state,
                    "receivedAt": credentials.iso(utc(row.received_at))
                    if row.received_at else None,
                    "reviewsIn": sum(1 for r in reviews if r.body is not None),
                    "reviewsAssigned": len(reviews), "ready": reconcile.ready(reviews),
                    "disagreements": sum(1 for v in views if v.crosses)})
            found.sort(key=lambda item: not item["ready"])
            return found

    def reviews(self, caller: Caller | None, submission_id: str) -> dict[str, Any]:
        require_staff(caller)
        with self.issuer.db.session() as s:
            row = self._submission(s, submission_id)
            mc = self._mc(s, row.achievement_id)
            view = reconcile.side_by_side(s, row, mc)
            view["name"] = mc.name if mc else row.achievement_id
            record = s.get(DecisionRecord, row.id)
            view["decision"] = None if record is None else {
                "state": record.state, "rule": record.rule,
                "overrideReason": record.override_reason,
                "decidedAt": credentials.iso(utc(record.decided_at))}
            return view

    # -- pools ---------------------------------------------------------------------------

    def pools(self, caller: Caller | None) -> list[dict[str, Any]]:
        """Each micro-credential of the catalog with its experts, peers, settings and how
        far it is through its expert phase."""
        require_staff(caller)
        limits = self.issuer.limits
        with self.issuer.db.session() as s:
            found = []
            seen: set[str] = set()
            for achievement in s.scalars(select(AchievementRow).order_by(AchievementRow.name)):
                if achievement.achievement_id in seen:
                    continue
                seen.add(achievement.achievement_id)
                aid = achievement.achievement_id
                share = assigning.share_of(s, aid, limits)
                named = set(s.scalars(select(PoolMember.account_id).where(
                    PoolMember.achievement_id == aid, PoolMember.kind == assigning.EXPERT)))
                received = len(list(s.scalars(select(Submission.id).where(
                    Submission.achievement_id == aid, Submission.received_at.is_not(None)))))
                mc = self._mc(s, aid)

                def person(account: Account, kind: str, aid: str = aid,
                           mc: MicroCredential | None = mc) -> dict[str, Any]:
                    standing = calibration.standing(s, aid, account.id, limits, mc)
                    return {"id": account.id, "name": account.name, "kind": kind,
                            "openReviews": assigning.open_load(s, account.id),
                            "released": assigning.released(s, aid, account.id),
                            "calibration": standing.as_json()}

                found.append({
                    "achievementId": aid, "name": achievement.name,
                    "expertSubmissions": share.expert_submissions,
                    "expertsPerSubmission": share.experts_per_submission,
                    "peersPerSubmission": share.peers_per_submission,
                    "submissionsReceived": received,
                    "phase": assigning.EXPERT if received < share.expert_submissions
                    else assigning.PEER,
                    "expertsNamed": bool(named),
                    "experts": [person(a, assigning.EXPERT) for a in assigning.experts(s, aid)],
                    "peers": [person(a, assigning.PEER) for a in assigning.peers(s, aid)],
                    "calibrationItems": len(calibration.items(s, aid))})
            return found

    def pool_change(self, caller: Caller | None, achievement_id: str, person_id: str,
                    kind: str, *, add: bool) -> dict[str, Any]:
        """Add a person to (or take them out of) a micro-credential's expert or peer pool.
        Taking out an automatic peer (a past earner) keeps them out."""
        require_staff(caller)
        if kind not in POOL_KINDS:
            raise invalid("a pool is 'expert' or 'peer'", [f"{kind!r}: not a pool"])
        with self.issuer.db.session() as s:
            if s.scalars(select(AchievementRow).where(
                    AchievementRow.achievement_id == achievement_id)).first() is None:
                raise not_found(f"no micro-credential {achievement_id} in the catalog")
            person = self._person(s, person_id)
            if s.get(AccountRole, (person.id, "assessor")) is None:
                raise conflict(f"{person.name} does not hold the assessor role; make them an "
                               "assessor token first (token create --person ID --role "
                               "assessor)")
            key = (achievement_id, person.id, kind)
            row = s.get(PoolMember, key)
            excluded = s.get(PoolMember, (achievement_id, person.id, assigning.EXCLUDED))
            now = self.issuer.clock()
            if add:
                if row is None:
                    s.add(PoolMember(achievement_id=achievement_id, account_id=person.id,
                                     kind=kind, added_at=now))
                if kind == assigning.PEER and excluded is not None:
                    s.delete(excluded)
            else:
                if row is not None:
                    s.delete(row)
                if kind == assigning.PEER and excluded is None:
                    s.add(PoolMember(achievement_id=achievement_id, account_id=person.id,
                                     kind=assigning.EXCLUDED, added_at=now))
            s.flush()
            if add:
                assigning.fill(s, now, self.issuer.limits)
            return {"achievementId": achievement_id, "personId": person.id, "kind": kind,
                    "member": add}

    def pool_settings(self, caller: Caller | None, achievement_id: str, *,
                      expert_submissions: int | None = None, experts: int | None = None,
                      peers: int | None = None) -> dict[str, Any]:
        require_staff(caller)
        with self.issuer.db.session() as s:
            try:
                share = assigning.set_share(s, achievement_id, self.issuer.limits,
                                            expert_submissions=expert_submissions,
                                            experts=experts, peers=peers)
            except ValueError as exc:
                raise invalid(str(exc), [str(exc)]) from None
            return {"achievementId": achievement_id,
                    "expertSubmissions": share.expert_submissions,
                    "expertsPerSubmission": share.experts_per_submission,
                    "peersPerSubmission": share.peers_per_submission}

    # -- calibration (staff) ---------------------------------------------------------------

    def calibration_add(self, caller: Caller | None, submission_id: str,
                        reference: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """Make a received submission a calibration item: with the reference levels given,
        else those of its staff decision's composed feedback."""
        require_staff(caller)
        with self.issuer.db.session() as s:
            row = self._submission(s, submission_id)
            if row.received_at is None:
                raise conflict(f"submission {row.id} was never finalized")
            mc = self._mc(s, row.achievement_id)
            if reference is None:
                reference = [f for f in json.loads(row.feedback_json or "[]")
                             if f.get("levelId")]
                if not reference:
                    raise invalid("no reference levels", [
                        "the submission has no staff decision with levels; give the reference "
                        "level of each criterion"])
            problems = calibration.reference_problems(reference, mc)
            if problems:
                raise invalid("the reference levels do not fit the rubric", problems)
            cleaned = [{"rubricCriterionId": r["rubricCriterionId"], "levelId": r["levelId"],
                        "feedback": str(r.get("feedback") or "")} for r in reference]
            calibration.add(s, row.id, row.achievement_id, cleaned, self.issuer.clock())
            return {"submissionId": row.id, "achievementId": row.achievement_id,
                    "reference": cleaned}

    def calibration_remove(self, caller: Caller | None, submission_id: str) -> dict[str, Any]:
        """Take a submission out of its calibration set (a mistaken or outdated item)."""
        require_staff(caller)
        with self.issuer.db.session() as s:
            row = self._submission(s, submission_id)
            removed = calibration.remove(s, row.id)
            if removed is None:
                raise not_found(f"submission {row.id} is in no calibration set")
            return {"submissionId": row.id, "achievementId": removed.achievement_id,
                    "removed": True}

    def calibration_state(self, caller: Caller | None) -> list[dict[str, Any]]:
        """Each micro-credential's calibration set and where each assessor stands on it."""
        require_staff(caller)
        limits = self.issuer.limits
        with self.issuer.db.session() as s:
            by_mc: dict[str, list[CalibrationItem]] = {}
            for item in calibration.items(s):
                by_mc.setdefault(item.achievement_id, []).append(item)
            found = []
            for aid, group in by_mc.items():
                mc = self._mc(s, aid)
                assessors = list(s.scalars(
                    select(Account).join(AccountRole, AccountRole.account_id == Account.id)
                    .where(AccountRole.role == "assessor").order_by(Account.name)))
                found.append({
                    "achievementId": aid, "name": mc.name if mc else aid,
                    "items": [{"submissionId": i.submission_id,
                               "reference": json.loads(i.reference_json)} for i in group],
                    "assessors": [{"id": a.id, "name": a.name,
                                   **calibration.standing(s, aid, a.id, limits, mc).as_json()}
                                  for a in assessors]})
            return found

    # -- calibration (assessor) ------------------------------------------------------------

    def calibration_for(self, caller: Caller) -> list[dict[str, Any]]:
        """The calibration items an assessor still has to score (and those scored, with how
        they compared) for every micro-credential with a set."""
        if caller.role != "assessor":
            raise forbidden(f"a {caller.role} token cannot make this call (it is for "
                            "assessors)")
        from mcdesk_issuer.db import CalibrationAttempt

        limits = self.issuer.limits
        self.issuer.served_bags.ensure(select(CalibrationItem, Submission).join(
            Submission, CalibrationItem.submission_id == Submission.id))
        with self.issuer.db.session() as s:
            found = []
            for item in calibration.items(s):
                submission = s.get(Submission, item.submission_id)
                if submission is None or submission.earner_id == caller.id:
                    continue
                mc = self._mc(s, item.achievement_id)
                attempt = s.get(CalibrationAttempt, (item.submission_id, caller.id))
                found.append({
                    "submissionId": item.submission_id, "achievementId": item.achievement_id,
                    "version": submission.version, "bagSize": submission.bag_size,
                    "bagSha256": submission.bag_sha256,
                    "scored": attempt is not None,
                    "comparison": calibration.compare(item, json.loads(attempt.scores_json),
                                                      mc) if attempt else None,
                    "standing": calibration.standing(s, item.achievement_id, caller.id,
                                                     limits, mc).as_json()})
            return found

    def calibration_bag(self, caller: Caller, submission_id: str) -> BagDownload:
        if caller.role != "assessor":
            raise forbidden("only assessors calibrate")
        with self.issuer.db.session() as s:
            row = self._submission(s, submission_id)
            if s.get(CalibrationItem, row.id) is None or row.earner_id == caller.id:
                raise not_found(f"no calibration item {submission_id}")
            sid = row.id
        return self.issuer.served_bags.get(sid)

    def calibration_score(self, caller: Caller, submission_id: str,
                          scores: list[dict[str, Any]]) -> dict[str, Any]:
        """An assessor's levels for a calibration item: where they differed from the
        reference (with its feedback) and whether they are now released."""
        if caller.role != "assessor":
            raise forbidden("only assessors calibrate")
        from mcdesk_issuer.models import ScoreIn
        from mcdesk_issuer.service import _score_problems

        with self.issuer.db.session() as s:
            row = self._submission(s, submission_id)
            item = s.get(CalibrationItem, row.id)
            if item is None or row.earner_id == caller.id:
                raise not_found(f"no calibration item {submission_id}")
            mc = self._mc(s, item.achievement_id)
            problems = _score_problems([ScoreIn.model_validate(sc) for sc in scores], mc)
            if problems:
                raise invalid("the levels are not valid for this micro-credential", problems)
            now = self.issuer.clock()
            standing = calibration.record(s, item, caller.id, scores, now,
                                          self.issuer.limits, mc)
            if standing.released:
                assigning.fill(s, now, self.issuer.limits)
            return {"submissionId": row.id,
                    "comparison": calibration.compare(item, scores, mc),
                    "standing": standing.as_json()}

    # -- the report ------------------------------------------------------------------------

    def report(self, caller: Caller | None) -> dict[str, Any]:
        require_staff(caller)
        # scikit-learn takes seconds to import: only the report pays for it.
        from mcdesk_issuer import report

        with self.issuer.db.session() as s:
            ratings: list[report.Rating] = []
            names: dict[str, str] = {}
            criterion_names: dict[str, str] = {}
            rubrics: dict[str, MicroCredential | None] = {}
            for row in s.scalars(select(Submission).where(Submission.received_at.is_not(None))
                                 .order_by(Submission.received_at)):
                if row.achievement_id not in rubrics:
                    rubrics[row.achievement_id] = self._mc(s, row.achievement_id)
                mc = rubrics[row.achievement_id]
                if mc is not None:
                    names[row.achievement_id] = mc.name
                    for each in mc.rubric:
                        criterion_names[each.id] = each.name
                in_reviews = [r for r in reconcile.reviews_of(s, row.id) if r.body is not None]
                for order, review in enumerate(in_reviews):
                    if review.assessor is not None:
                        names[review.assessor.id] = review.assessor.name
                    for score in review.body.get("scores", []) if review.body else []:
                        criterion = mc.rubric_criterion(score.get("rubricCriterionId")) \
                            if mc else None
                        if criterion is None:
                            continue
                        try:
                            level = criterion.level_index(score.get("levelId"))
                        except KeyError:
                            continue
                        ratings.append(report.Rating(row.id, row.achievement_id, criterion.id,
                                                     review.assignment.assessor_id, level,
                                                     order))
            decided = [report.Decided(row.achievement_id,
                                      utc(row.received_at) if row.received_at else None,
                                      utc(row.decided_at) if row.decided_at else None)
                       for row in s.scalars(select(Submission).where(
                           Submission.decided_at.is_not(None)))]
        built = report.build(ratings, decided, lambda key: names.get(key, key),
                             lambda key: criterion_names.get(key, key))
        built["generatedAt"] = credentials.iso(self.issuer.clock())
        return built
