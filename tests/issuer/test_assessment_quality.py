"""Assessment as issuers run it, on a real issuer database with a fake clock: people not role
accounts, expert then peer pools, workload, late reviews re-assigned, one more assessor on a
disagreement across the passing line, decisions refused without reviews or against the rubric
unless a reason is recorded, the attempt cap, calibration and the agreement figures computed by
hand; test thread."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from mcdesk_issuer.config import Limits
from mcdesk_issuer.db import CalibrationAttempt
from mcdesk_issuer.models import BeginBody, DecisionBody, ReviewBody
from mcdesk_issuer.problems import Problem
from mcdesk_issuer.service import Caller, Issuer
from tests.conftest import DEMO_CATALOG
from tests.issuer.conftest import EXIT_TICKETS, RUBRIC, Backend, Portfolio, upload_in_process

CRITERIA = ("overview", "video", "analysis", "reflection")
PASS = {c: "proficient" for c in CRITERIA}
FAIL = {**PASS, "video": "developing"}


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


class Desk:
    """An issuer in a temporary folder and the people acting on it."""

    def __init__(self, folder: Path, portfolio: Portfolio, limits: Limits,
                 backend: Backend) -> None:
        self.clock = Clock()
        self.issuer = Issuer(backend.settings(folder, limits=limits), clock=self.clock)
        self.issuer.import_catalog(DEMO_CATALOG.read_text(encoding="utf-8"))
        self.portfolio = portfolio
        self.folder = folder

    def person(self, role: str, name: str, person: str | None = None) -> Caller:
        made = self.issuer.create_token(role, None if person else name, person=person)
        return Caller(made.account_id, made.name, made.role)

    def submit(self, earner: Caller, attempt: int = 1) -> str:
        bag = self.portfolio.bag(answer=f"Assessment quality {uuid.uuid4()}", attempt=attempt)
        self.issuer.begin(earner, bag.submission_id, BeginBody.model_validate(bag.begin_body()))
        upload_in_process(self.issuer, earner, bag)
        assert self.issuer.finalize(earner, bag.submission_id)["state"] == "received"
        return bag.submission_id

    def assigned(self, submission_id: str) -> dict[str, str]:
        """assessor id -> assignment id, for the submission's active assignments."""
        view = self.issuer.staff.reviews(None, submission_id)
        return {r["assessorId"]: r["assignmentId"] for r in view["reviews"]}

    def review(self, assessor: Caller, submission_id: str, levels: dict[str, str],
               text: str = "") -> None:
        assignment = self.assigned(submission_id)[assessor.id]
        rule = "earned" if all(levels[c] in ("proficient", "exemplary") for c in CRITERIA) \
            else "not yet"
        body = ReviewBody.model_validate({
            "reviewId": str(uuid.uuid4()), "decision": rule, "comments": [],
            "scores": [{"rubricCriterionId": f"{RUBRIC}/{c}",
                        "levelId": f"{RUBRIC}/{c}/{levels[c]}",
                        "feedback": text or f"{assessor.name} on {c}"} for c in CRITERIA]})
        self.issuer.put_review(assessor, assignment, body, None)
        self.clock.now += timedelta(minutes=1)  # reviews come in one after another

    def decide(self, submission_id: str, state: str, reason: str | None = None,
               staff: Caller | None = None) -> dict[str, Any]:
        view = self.issuer.staff.reviews(staff, submission_id)
        body = DecisionBody.model_validate({"state": state, "feedback": view["feedback"],
                                            "overrideReason": reason})
        return self.issuer.decisions.decide(submission_id, body, staff)[1]


@pytest.fixture
def desk(tmp_path: Path, teacher_portfolio: Portfolio, backend: Backend) -> Iterator[Desk]:
    made = Desk(tmp_path / "issuer", teacher_portfolio,
                Limits(expert_submissions=2, assessors_per_submission=1,
                       peers_per_submission=2), backend)
    yield made
    made.issuer.close()


def levels(prefix: dict[str, str]) -> list[dict[str, str]]:
    return [{"rubricCriterionId": f"{RUBRIC}/{c}", "levelId": f"{RUBRIC}/{c}/{level}",
             "feedback": f"Reference on {c}."} for c, level in prefix.items()]


def test_people_not_role_accounts(desk: Desk) -> None:
    first = desk.person("earner", "Sam Lee")
    second = desk.person("earner", "Sam Lee")
    assert first.id != second.id  # same name, two people
    one = desk.submit(first)
    with pytest.raises(Problem) as refused:
        desk.issuer.status(second, one)
    assert refused.value.status == 404
    assert desk.issuer.submissions(second) == []
    # The same person as an assessor: a token of theirs in another role.
    as_assessor = desk.person("assessor", "", person=first.id)
    assert as_assessor.id == first.id and as_assessor.role == "assessor"
    people = {p["id"]: p for p in desk.issuer.people()}
    assert people[first.id]["roles"] == ["assessor", "earner"]
    assert people[second.id]["roles"] == ["earner"]
    # Never their own submission: not given it, and not by hand either.
    assert first.id not in desk.assigned(one)
    with pytest.raises(ValueError, match="own submission"):
        desk.issuer.assign(one, first.id)
    with pytest.raises(ValueError, match="own submission"):
        desk.issuer.assign(one, "Sam Lee")
    desk.person("assessor", "", person=second.id)
    with pytest.raises(ValueError, match="2 assessors are named"):
        desk.issuer.assign(one, "Sam Lee")  # a name that is two people is not enough
    assert desk.issuer.assign(one, second.id)  # the other Sam Lee may review it
    shown = desk.issuer.person(first.id)
    assert [t["role"] for t in shown["tokens"]] == ["earner", "assessor"]


def test_experts_first_then_peers_who_earned_it(desk: Desk) -> None:
    experts = [desk.person("assessor", f"Expert {n}") for n in (1, 2)]
    for expert in experts:
        desk.issuer.staff.pool_change(None, EXIT_TICKETS, expert.id, "expert", add=True)
    outsider = desk.person("assessor", "Not in the pool")
    earners = [desk.person("earner", f"Teacher {n}") for n in range(4)]
    # The first two submissions go to experts, one each (the least loaded first).
    firsts = [desk.submit(earners[0]), desk.submit(earners[1])]
    given = [set(desk.assigned(sid)) for sid in firsts]
    assert given == [{experts[0].id}, {experts[1].id}]
    assert all(outsider.id not in g for g in given)
    for sid, expert in zip(firsts, experts, strict=True):
        desk.review(expert, sid, PASS)
        assert desk.decide(sid, "earned")["state"] == "earned"
    # Those earners take assessor tokens: they are now the peer pool.
    peers = [desk.person("assessor", "", person=earners[n].id) for n in (0, 1)]
    third = desk.submit(earners[2])
    assert set(desk.assigned(third)) == {p.id for p in peers}
    kinds = {r["kind"] for r in desk.issuer.staff.reviews(None, third)["reviews"]}
    assert kinds == {"peer"}
    # A peer never reviews their own submission: earner 0's next one goes to peer 1 and an
    # expert fills the second place.
    desk.review(peers[0], third, PASS)
    desk.review(peers[1], third, PASS)
    own = desk.submit(earners[0], attempt=2)
    mine = set(desk.assigned(own))
    assert earners[0].id not in mine and peers[1].id in mine and len(mine) == 2
    pools = {p["achievementId"]: p for p in desk.issuer.staff.pools(None)}[EXIT_TICKETS]
    assert pools["phase"] == "peer" and {p["id"] for p in pools["peers"]} == {
        e.id for e in earners[:2]}
    # Staff take a peer out: they stay out even though they earned it.
    desk.issuer.staff.pool_change(None, EXIT_TICKETS, peers[0].id, "peer", add=False)
    later = desk.submit(earners[3])
    assert peers[0].id not in desk.assigned(later)


def test_a_disagreement_across_the_passing_line_calls_one_more_assessor(desk: Desk) -> None:
    desk.issuer.staff.pool_settings(None, EXIT_TICKETS, experts=2)
    a, b, c = (desk.person("assessor", name) for name in ("Ana", "Bo", "Cy"))
    earner = desk.person("earner", "Di")
    sid = desk.submit(earner)
    first, second = (p for p in (a, b, c) if p.id in desk.assigned(sid))
    desk.review(first, sid, PASS)
    waiting = {w["submissionId"]: w for w in desk.issuer.staff.waiting(None)}[sid]
    assert waiting["reviewsIn"] == 1 and not waiting["ready"]
    desk.review(second, sid, FAIL)  # video: proficient vs developing
    view = desk.issuer.staff.reviews(None, sid)
    assert len(view["reviews"]) == 3 and not view["ready"]
    extra = next(r for r in view["reviews"] if r["kind"] == "extra")
    assert extra["assessorId"] == c.id
    video = next(x for x in view["criteria"] if x["rubricCriterionId"].endswith("/video"))
    assert video["crossesPassingLine"] and video["differs"]
    # Only once per submission: the third review settles it by the median.
    desk.review(c, sid, PASS)
    view = desk.issuer.staff.reviews(None, sid)
    assert view["ready"] and len(view["reviews"]) == 3
    assert view["rule"] == "earned"
    video = next(x for x in view["criteria"] if x["rubricCriterionId"].endswith("/video"))
    assert video["reconciledLevelId"].endswith("/proficient")
    composed = next(f for f in view["feedback"] if f["rubricCriterionId"].endswith("/video"))
    assert "Ana on video" in composed["feedback"] and "Cy on video" in composed["feedback"]


def test_decisions_wait_for_every_review_and_follow_the_rule(desk: Desk) -> None:
    desk.issuer.staff.pool_settings(None, EXIT_TICKETS, experts=2)
    a, b = desk.person("assessor", "Ana"), desk.person("assessor", "Bo")
    staff = desk.person("staff", "Eve")
    earner = desk.person("earner", "Di")
    sid = desk.submit(earner)
    with pytest.raises(Problem) as none:
        desk.decide(sid, "earned", staff=staff)
    assert none.value.status == 409 and "no review" in none.value.detail
    desk.review(a, sid, PASS)
    with pytest.raises(Problem) as some:
        desk.decide(sid, "earned", staff=staff)
    assert some.value.status == 409 and "1 of 2" in some.value.detail
    with pytest.raises(Problem) as not_staff:
        desk.decide(sid, "earned", staff=a)
    assert not_staff.value.status == 403
    desk.review(b, sid, PASS)
    with pytest.raises(Problem) as against:
        desk.decide(sid, "not yet", staff=staff)
    assert against.value.status == 422 and "earned" in against.value.detail
    decided = desk.decide(sid, "not yet", "The video shows a different class.", staff)
    assert decided["state"] == "not yet"
    record = desk.issuer.staff.reviews(staff, sid)["decision"]
    assert record == {"state": "not yet", "rule": "earned",
                      "overrideReason": "The video shows a different class.",
                      "decidedAt": record["decidedAt"]}
    # The composed feedback is what the earner gets.
    status = desk.issuer.status(earner, sid)
    assert {f["feedback"] for f in status["feedback"]} >= {"Ana on video\n\nBo on video"}


def test_an_attempt_past_the_cap_is_refused(desk: Desk) -> None:
    earner = desk.person("earner", "Di")
    with pytest.raises(Problem) as refused:
        desk.submit(earner, attempt=4)
    assert refused.value.status == 409 and "3 attempt" in refused.value.detail


def test_a_late_review_goes_to_someone_else_after_the_grace_period(desk: Desk) -> None:
    a, b = desk.person("assessor", "Ana"), desk.person("assessor", "Bo")
    earner = desk.person("earner", "Di")
    sid = desk.submit(earner)
    assert set(desk.assigned(sid)) == {a.id}
    desk.clock.now += timedelta(days=14 + 1)  # due, inside the grace period
    assert desk.issuer.tick() == (0, 0)
    desk.clock.now += timedelta(days=1, hours=1)
    assert desk.issuer.tick() == (1, 0)
    assert set(desk.assigned(sid)) == {b.id}
    with pytest.raises(Problem) as late:
        desk.issuer.put_review(a, desk.issuer.person(a.id)["assignments"][0]["assignmentId"],
                               ReviewBody.model_validate({
                                   "reviewId": str(uuid.uuid4()), "decision": "not yet",
                                   "scores": [], "comments": [],
                                   "overrideReason": "late"}), None)
    assert late.value.status in (404, 409)


def test_calibration_holds_a_new_assessor_back_until_they_agree(desk: Desk) -> None:
    veteran = desk.person("assessor", "Vet")
    earner = desk.person("earner", "Di")
    sample = desk.submit(earner)
    desk.review(veteran, sample, PASS)
    desk.decide(sample, "earned")
    added = desk.issuer.staff.calibration_add(None, sample)  # the decision's levels
    assert len(added["reference"]) == 4
    # The set exists: nobody unreleased gets live work, the veteran included.
    newcomer = desk.person("assessor", "New")
    other = desk.person("earner", "Flo")
    live = desk.submit(other)
    assert desk.assigned(live) == {}
    items = desk.issuer.staff.calibration_for(newcomer)
    assert [i["submissionId"] for i in items] == [sample] and not items[0]["scored"]
    # Two criteria off by one and one by two: not released; they see where and why.
    wrong = {"overview": "developing", "video": "not-yet", "analysis": "proficient",
             "reflection": "exemplary"}
    tried = desk.issuer.staff.calibration_score(newcomer, sample, levels(wrong))
    assert not tried["standing"]["released"]
    video = next(r for r in tried["comparison"] if r["rubricCriterionId"].endswith("/video"))
    assert video["distance"] == 2 and video["referenceFeedback"]
    assert desk.assigned(live) == {}
    # Three of four exact (75 %), every criterion within one level: released, and the
    # waiting submission comes to them.
    close = {**PASS, "reflection": "exemplary"}
    agreed = desk.issuer.staff.calibration_score(newcomer, sample, levels(close))
    assert agreed["standing"]["released"] and agreed["standing"]["exact"] == 0.75
    assert set(desk.assigned(live)) == {newcomer.id}
    state = desk.issuer.staff.calibration_state(None)[0]
    standing = {a["name"]: a for a in state["assessors"]}
    assert standing["New"]["released"] and not standing["Vet"]["released"]


def test_a_calibration_item_taken_out_again(desk: Desk) -> None:
    """Staff take out an item made by mistake: its scores go with it, the set's standings
    are worked out from what is left (an empty set holds nobody back), and the submission
    can be put back."""
    veteran = desk.person("assessor", "Vet")
    sample = desk.submit(desk.person("earner", "Di"))
    desk.review(veteran, sample, PASS)
    desk.decide(sample, "earned")
    desk.issuer.staff.calibration_add(None, sample)
    newcomer = desk.person("assessor", "New")
    desk.issuer.staff.calibration_score(newcomer, sample, levels({**PASS, "video": "not-yet"}))
    live = desk.submit(desk.person("earner", "Flo"))
    assert desk.assigned(live) == {}  # the set holds everyone back

    with pytest.raises(Problem) as refused:
        desk.issuer.staff.calibration_remove(newcomer, sample)
    assert refused.value.status == 403
    removed = desk.issuer.staff.calibration_remove(None, sample)
    assert removed == {"submissionId": sample, "achievementId": EXIT_TICKETS, "removed": True}

    assert desk.issuer.staff.calibration_state(None) == []
    assert desk.issuer.staff.calibration_for(newcomer) == []
    with desk.issuer.db.session() as s:
        assert s.scalars(select(CalibrationAttempt)).all() == []
    desk.issuer.tick()
    assert desk.assigned(live) != {}  # no set: live work flows again
    with pytest.raises(Problem) as gone:
        desk.issuer.staff.calibration_remove(None, sample)
    assert gone.value.status == 404 and "no calibration set" in gone.value.detail
    desk.issuer.staff.calibration_add(None, sample)  # and it can go back in
    assert [i["submissionId"] for i in desk.issuer.staff.calibration_state(None)[0]["items"]
            ] == [sample]


def test_agreement_figures_match_a_hand_computation(desk: Desk) -> None:
    """Levels as ranks 0 not-yet .. 3 exemplary; A reviews first, then B, then C.

    S1 (A, B): video 3 3, reflection 1 1; S2 (A, B): video 3 1; S3 (A, B, C): reflection
    2 3 2; every other criterion 2 everywhere.
    """
    desk.issuer.staff.pool_settings(None, EXIT_TICKETS, experts=3, expert_submissions=10)
    people = {name: desk.person("assessor", name) for name in ("A", "B", "C")}
    earners = [desk.person("earner", f"E{n}") for n in range(3)]
    s1 = {**PASS, "video": "exemplary", "reflection": "developing"}
    plan = [{"A": s1, "B": s1},
            {"A": {**PASS, "video": "exemplary"}, "B": {**PASS, "video": "developing"}},
            {"A": PASS, "B": {**PASS, "reflection": "exemplary"}, "C": PASS}]
    for earner, given in zip(earners, plan, strict=True):
        sid = desk.submit(earner)
        for name, chosen in given.items():
            desk.review(people[name], sid, chosen)
    report = desk.issuer.staff.report(None)
    # Pairs per criterion: S1 AB, S2 AB, S3 AB AC BC = 5, x 4 criteria = 20. Not exact: S2
    # video (2 apart), S3 reflection AB and BC (1 apart each): 17 exact, 19 adjacent.
    overall = report["overall"]
    assert overall["pairs"] == 20
    assert overall["exact"] == pytest.approx(17 / 20)
    assert overall["adjacent"] == pytest.approx(19 / 20)
    video = next(x for x in report["criteria"] if x["rubricCriterionId"].endswith("/video"))
    # Video pairs (first, second): (3,3) (3,1) (2,2) (2,2) (2,2). Linear weights |i-j|/2 over
    # {1,2,3}. Observed disagreement: (3,1) only, 1/5 = 0.2. Marginals: first {3:.4, 2:.6},
    # second {3:.2, 2:.6, 1:.2}; expected: .4*.2*1 + .4*.6*.5 + .6*.2*.5 + .6*.2*.5 = .32.
    # kappa = 1 - .2/.32 = 0.375.
    assert video["exact"] == pytest.approx(4 / 5)
    assert video["kappa"] == pytest.approx(0.375)
    assert video["alpha"] is None or isinstance(video["alpha"], float)
    # Reflection, ordinal alpha: values S1 (1,1), S2 (2,2), S3 (2,3,2): n1=2, n2=4, n3=1,
    # n=7. Coincidences off the diagonal: S3 gives o(2,3)=o(3,2)=2/(3-1)=1. Ordinal
    # distances: d(1,2)=(2+4-3)^2=9, d(2,3)=(4+1-2.5)^2=6.25, d(1,3)=(7-1.5)^2=30.25.
    # D_o = 2*6.25/7; D_e = 2*(2*4*9 + 4*1*6.25 + 2*1*30.25)/(7*6) = 7.5.
    # alpha = 1 - (12.5/7)/7.5 = 0.761905.
    reflection = next(x for x in report["criteria"]
                      if x["rubricCriterionId"].endswith("/reflection"))
    assert reflection["alpha"] == pytest.approx(1 - (12.5 / 7) / 7.5, abs=1e-4)
    assessors = {x["name"]: x for x in report["assessors"]}
    # C's pairs: with A and with B on S3's four criteria; only B's reflection differs.
    assert assessors["C"]["pairs"] == 8 and assessors["C"]["exact"] == pytest.approx(7 / 8)
    assert assessors["A"]["reviews"] == 3
    mc = report["microCredentials"][0]
    assert mc["achievementId"] == EXIT_TICKETS and mc["submissions"] == 3
    assert mc["exact"] == pytest.approx(17 / 20)
    assert mc["meanHoursToDecision"] is None  # nothing decided yet
