"""The reference issuer's side of assessment, straight through its HTTP API: an assessor's
review of an assigned submission, and the evidence a bag holds; test thread."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from typing import Any

import requests

from tests.sync_helpers import Issuer


def api(issuer: Issuer, token: str, method: str, path: str, **kwargs: Any) -> Any:
    with requests.request(method, f"{issuer.url}/api/v1/{path}", timeout=30,
                          headers={"Authorization": f"Bearer {token}"}, **kwargs) as answer:
        assert answer.status_code < 300, (path, answer.status_code, answer.text)
        return answer.json()


def review(issuer: Issuer, token: str, submission_id: str, staff: str,
           below: tuple[str, ...] = ()) -> None:
    """The assessor's review: every criterion at its passing level, those in `below` one
    level under it."""
    view = api(issuer, staff, "GET", f"staff/submissions/{submission_id}/reviews")
    (mine,) = [a for a in api(issuer, token, "GET", "assignments")
               if a["submissionId"] == submission_id]
    scores = []
    for criterion in view["criteria"]:
        ids = [level["id"] for level in criterion["levels"]]
        at = ids.index(criterion["passingLevelId"])
        short = criterion["rubricCriterionId"].rsplit("/", 1)[-1]
        level = ids[at - 1] if short in below else ids[at]
        scores.append({"rubricCriterionId": criterion["rubricCriterionId"], "levelId": level,
                       "feedback": f"{criterion['name']}: seen by {token[-4:]}."})
    api(issuer, token, "PUT", f"assignments/{mine['assignmentId']}/review", json={
        "reviewId": str(uuid.uuid4()), "scores": scores, "decision":
        "not yet" if below else "earned",
        "comments": [{"id": str(uuid.uuid4()), "evidenceId": first_evidence(issuer, token, mine),
                      "text": "At 0:12 the survey shows who answered.", "atSeconds": 12,
                      "audience": "earner", "kind": "strength"}]})


def first_evidence(issuer: Issuer, token: str, assignment: dict[str, Any]) -> str:
    """The id of the first piece of evidence in the assigned package (as the bag says)."""
    with requests.get(f"{issuer.url}/api/v1/assignments/{assignment['assignmentId']}/bag",
                      headers={"Authorization": f"Bearer {token}"}, timeout=30) as answer:
        assert answer.status_code == 200, answer.text
        with zipfile.ZipFile(io.BytesIO(answer.content)) as opened:
            name = next(n for n in opened.namelist() if n.endswith("/data/submission.json"))
            metadata = json.loads(opened.read(name))
    return str(metadata["evidence"][0]["id"])
