"""The HTTP face of staff work (submissions waiting, reviews side by side, pools, calibration
sets, people and tokens, the report) and of an assessor's calibration; every call checks the
token first, then the role (403). Blocking handlers run on Starlette's worker threads."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Request
from fastapi.responses import FileResponse, JSONResponse, Response

from mcdesk_issuer import credentials
from mcdesk_issuer.gate import CALLER_KEY
from mcdesk_issuer.models import (
    CalibrationBody,
    CalibrationScoresBody,
    PoolChangeBody,
    PoolSettingsBody,
    TokenBody,
)
from mcdesk_issuer.problems import invalid
from mcdesk_issuer.service import Caller, Issuer
from mcdesk_issuer.staff import require_staff

API = "/api/v1"
STAFF = f"{API}/staff"


def _caller(request: Request) -> Caller:
    issuer: Issuer = request.app.state.issuer
    found = request.scope.get(CALLER_KEY)  # the gate checked the token before the body
    caller = found if isinstance(found, Caller) else issuer.authenticate(
        request.headers.get("authorization"))
    issuer.maybe_tick()
    return caller


def _staff(request: Request) -> Caller:
    caller = _caller(request)
    require_staff(caller)
    return caller


Authed = Annotated[Caller, Depends(_caller)]
StaffCaller = Annotated[Caller, Depends(_staff)]
SubmissionId = Annotated[str, Path(alias="submissionId")]
PersonId = Annotated[str, Path(alias="personId")]


def add_staff_routes(app: FastAPI, issuer: Issuer) -> None:
    staff = issuer.staff

    @app.get(f"{STAFF}/submissions")
    def waiting(who: StaffCaller) -> list[dict[str, Any]]:
        return staff.waiting(who)

    @app.get(f"{STAFF}/submissions/{{submissionId}}/reviews")
    def reviews(submission_id: SubmissionId, who: StaffCaller) -> dict[str, Any]:
        return staff.reviews(who, submission_id)

    @app.get(f"{STAFF}/pools")
    def pools(who: StaffCaller) -> list[dict[str, Any]]:
        return staff.pools(who)

    @app.post(f"{STAFF}/pools/members")
    def pool_member(body: PoolChangeBody, who: StaffCaller) -> dict[str, Any]:
        return staff.pool_change(who, body.achievementId, body.personId, body.kind,
                                 add=body.member)

    @app.put(f"{STAFF}/pools/settings")
    def pool_settings(body: PoolSettingsBody, who: StaffCaller) -> dict[str, Any]:
        if not _offered(issuer, body.achievementId):
            raise invalid("this issuer does not offer that micro-credential",
                          [f"{body.achievementId} is not in the catalog"])
        return staff.pool_settings(who, body.achievementId,
                                   expert_submissions=body.expertSubmissions,
                                   experts=body.expertsPerSubmission,
                                   peers=body.peersPerSubmission)

    @app.get(f"{STAFF}/calibration")
    def calibration_sets(who: StaffCaller) -> list[dict[str, Any]]:
        return staff.calibration_state(who)

    @app.post(f"{STAFF}/calibration")
    def calibration_add(body: CalibrationBody, who: StaffCaller) -> dict[str, Any]:
        reference = None if body.reference is None else [
            f.model_dump(mode="json") for f in body.reference]
        return staff.calibration_add(who, body.submissionId, reference)

    @app.delete(f"{STAFF}/calibration/{{submissionId}}")
    def calibration_remove(submission_id: SubmissionId, who: StaffCaller) -> dict[str, Any]:
        return staff.calibration_remove(who, submission_id)

    @app.get(f"{STAFF}/people")
    def people(who: StaffCaller) -> list[dict[str, Any]]:
        return issuer.people()

    @app.get(f"{STAFF}/people/{{personId}}")
    def person(person_id: PersonId, who: StaffCaller) -> dict[str, Any]:
        return issuer.person(person_id)

    @app.post(f"{STAFF}/tokens")
    def token(body: TokenBody, who: StaffCaller) -> Response:
        if (body.name is None) == (body.personId is None):
            raise invalid("say who the token is for", [
                "give either name (a new person) or personId (an existing one)"])
        try:
            made = issuer.create_token(body.role, body.name, person=body.personId,
                                       expires_days=body.expiresDays)
        except ValueError as exc:
            raise invalid(str(exc), [str(exc)]) from None
        return JSONResponse({
            "token": made.token, "personId": made.account_id, "name": made.name,
            "role": made.role,
            "expiresAt": credentials.iso(made.expires_at) if made.expires_at else None},
            status_code=201, headers={"Cache-Control": "no-store"})

    @app.get(f"{STAFF}/report")
    def report(who: StaffCaller) -> dict[str, Any]:
        return staff.report(who)

    # -- an assessor's calibration ---------------------------------------------------

    @app.get(f"{API}/calibration")
    def my_calibration(who: Authed) -> list[dict[str, Any]]:
        return staff.calibration_for(who)

    @app.get(f"{API}/calibration/{{submissionId}}/bag")
    def calibration_bag(submission_id: SubmissionId, who: Authed) -> Response:
        found = staff.calibration_bag(who, submission_id)
        return FileResponse(found.path, media_type="application/zip",
                            filename=f"{found.bag_name}.zip",
                            headers={"ETag": f'"{found.sha256}"'})

    @app.put(f"{API}/calibration/{{submissionId}}/scores")
    def calibration_scores(submission_id: SubmissionId, body: CalibrationScoresBody,
                           who: Authed) -> dict[str, Any]:
        return staff.calibration_score(
            who, submission_id, [s.model_dump(mode="json") for s in body.scores])


def _offered(issuer: Issuer, achievement_id: str) -> bool:
    from sqlalchemy import select

    from mcdesk_issuer.db import AchievementRow

    with issuer.db.session() as s:
        return s.scalars(select(AchievementRow).where(
            AchievementRow.achievement_id == achievement_id)).first() is not None
