"""People as the issuer knows them: a person's roles, tokens, pools and work, described for
staff (the CLI's `people` commands and the staff API); any thread, inside a session."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mcdesk_issuer import credentials
from mcdesk_issuer.db import (
    Account,
    AccountRole,
    Assignment,
    PoolMember,
    Release,
    Submission,
    Token,
    utc,
)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else credentials.iso(utc(moment))


def roles_of(s: Session, account_id: str) -> list[str]:
    return sorted(s.scalars(select(AccountRole.role).where(
        AccountRole.account_id == account_id)))


def usable_tokens(s: Session, account_id: str, now: datetime, role: str | None = None) -> int:
    query = select(Token).where(Token.account_id == account_id, Token.revoked.is_(False))
    if role is not None:
        query = query.where(Token.role == role)
    return sum(1 for t in s.scalars(query) if t.expires_at is None or utc(t.expires_at) > now)


def describe(s: Session, account: Account, now: datetime) -> dict[str, Any]:
    return {"id": account.id, "name": account.name, "roles": roles_of(s, account.id),
            "usableTokens": usable_tokens(s, account.id, now),
            "createdAt": _iso(account.created_at)}


def detail(s: Session, account: Account, now: datetime) -> dict[str, Any]:
    found = describe(s, account, now)
    found["tokens"] = [
        {"role": t.role, "createdAt": _iso(t.created_at), "expiresAt": _iso(t.expires_at),
         "revoked": t.revoked}
        for t in s.scalars(select(Token).where(Token.account_id == account.id)
                           .order_by(Token.created_at))]
    found["pools"] = [{"achievementId": p.achievement_id, "kind": p.kind} for p in s.scalars(
        select(PoolMember).where(PoolMember.account_id == account.id)
        .order_by(PoolMember.achievement_id, PoolMember.kind))]
    found["released"] = sorted(s.scalars(select(Release.achievement_id).where(
        Release.account_id == account.id)))
    found["submissions"] = [
        {"submissionId": row.id, "achievementId": row.achievement_id, "state": row.state,
         "attempt": row.attempt}
        for row in s.scalars(select(Submission).where(Submission.earner_id == account.id)
                             .order_by(Submission.created_at))]
    found["assignments"] = [
        {"assignmentId": a.id, "submissionId": a.submission_id, "kind": a.kind,
         "dueAt": _iso(a.due_at), "withdrawn": a.withdrawn_at is not None}
        for a in s.scalars(select(Assignment).where(Assignment.assessor_id == account.id)
                           .order_by(Assignment.created_at))]
    return found
