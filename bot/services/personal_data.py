"""The person's data under the person's control: see, export, delete."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.services.linking import throttle_key
from bot.services.unit_of_work import unit_of_work
from bot.storage import repositories as repo
from bot.storage.models import (
    Answer,
    Assignment,
    MoodCheckin,
    QuizResult,
    ReflectionSession,
    RiskEvent,
    SelfAssessment,
)
from bot.storage.ownership import delete_users


@dataclass(frozen=True)
class StoredSummary:
    modules: int
    answers: int
    moods: int
    self_assessments: int
    quizzes: int
    risk_events: int
    first_seen: datetime | None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _count(session: Session, model: Any, user_id: int) -> int:
    if model is Answer:
        query = (
            select(func.count(Answer.id))
            .join(ReflectionSession)
            .where(ReflectionSession.user_id == user_id)
        )
    else:
        query = select(func.count(model.id)).where(model.user_id == user_id)
    return int(session.execute(query).scalar_one())


def summarise(*, sender_id: str) -> StoredSummary:
    """Counts of what is kept, for "what do you store about me"."""
    with unit_of_work() as session:
        user = repo.get_user(session=session, sender_id=sender_id)
        if user is None:
            return StoredSummary(0, 0, 0, 0, 0, 0, None)
        return StoredSummary(
            modules=_count(session, ReflectionSession, user.id),
            answers=_count(session, Answer, user.id),
            moods=_count(session, MoodCheckin, user.id),
            self_assessments=_count(session, SelfAssessment, user.id),
            quizzes=_count(session, QuizResult, user.id),
            risk_events=_count(session, RiskEvent, user.id),
            first_seen=user.created_at,
        )


def export(*, sender_id: str) -> dict[str, Any]:
    """Everything kept about this person in the app database, as plain JSON data."""
    with unit_of_work() as session:
        return _export(session, sender_id=sender_id)


def _export(session: Session, *, sender_id: str) -> dict[str, Any]:
    user = repo.get_user(session=session, sender_id=sender_id)
    if user is None:
        return {
            "person": None,
            "modules": [],
            "moods": [],
            "self_assessments": [],
            "quizzes": [],
            "risk_events": [],
            "therapist_links": [],
            "seen_by_therapists": [],
        }
    modules = []
    for reflection in repo.list_reflections(session=session, user_id=user.id):
        modules.append(
            {
                "takeaway": reflection.takeaway,
                "status": reflection.status,
                "started_at": _iso(reflection.started_at),
                "completed_at": _iso(reflection.completed_at),
                "answers": [
                    {
                        "prompt_id": a.prompt_id,
                        "kind": a.kind,
                        "followup": a.followup_key,
                        "text": a.text,
                        "depth": a.depth,
                        "scores": a.scores,
                        "evidence": a.evidence,
                        "at": _iso(a.created_at),
                    }
                    for a in reflection.answers
                ],
            }
        )

    def rows(model: Any) -> list[Any]:
        query = select(model).where(model.user_id == user.id).order_by(model.id)
        return list(session.execute(query).scalars())

    return {
        "person": {"id": user.sender_id, "channel": user.channel, "since": _iso(user.created_at)},
        "modules": modules,
        "moods": [
            {"phase": m.phase, "score": m.score, "at": _iso(m.created_at)}
            for m in rows(MoodCheckin)
        ],
        "self_assessments": [
            {
                "answers": s.answers,
                "self_score": s.self_score,
                "other_score": s.other_score,
                "nearest_style": s.nearest_style,
                "at": _iso(s.created_at),
            }
            for s in rows(SelfAssessment)
        ],
        "quizzes": [
            {"score": q.score, "total": q.total, "answers": q.answers, "at": _iso(q.created_at)}
            for q in rows(QuizResult)
        ],
        "risk_events": [
            {
                "level": r.level,
                "categories": r.categories,
                "evidence": r.evidence,
                "at": _iso(r.created_at),
            }
            for r in rows(RiskEvent)
        ],
        "therapist_links": _links(session, user.id),
        "seen_by_therapists": [
            {"therapist": t.name, "action": e.action, "what": e.what, "at": _iso(e.created_at)}
            for e, t in repo.audit_events_for_user(session=session, user_id=user.id)
        ],
    }


def _links(session: Session, user_id: int) -> list[dict[str, Any]]:
    """The person's links with their consent history and suggestions.

    Only what is about this person: the therapist's name (the bot told them), not
    the therapist's email or the private label the therapist gave them.
    """
    exported = []
    for link in repo.links_for_user(session=session, user_id=user_id, live_only=False):
        therapist = repo.get_therapist(session=session, therapist_id=link.therapist_id)
        assigned = session.execute(
            select(Assignment).where(Assignment.link_id == link.id).order_by(Assignment.id)
        ).scalars()
        exported.append(
            {
                "therapist": therapist.name if therapist is not None else None,
                "scope": link.scope,
                "risk_alerts": bool(link.risk_alerts),
                "linked_at": _iso(link.created_at),
                "revoked_at": _iso(link.revoked_at),
                "consents": [
                    {
                        "scope": c.scope,
                        "risk_alerts": bool(c.risk_alerts),
                        "wording_version": c.wording_version,
                        "at": _iso(c.created_at),
                    }
                    for c in repo.consent_records_for(session=session, link_id=link.id)
                ],
                "assignments": [
                    {
                        "kind": a.kind,
                        "takeaway": a.takeaway,
                        "note": a.note,
                        "due_on": a.due_on.isoformat() if a.due_on else None,
                        "assigned_at": _iso(a.created_at),
                        "completed_at": _iso(a.completed_at),
                    }
                    for a in assigned
                ],
            }
        )
    return exported


def delete_person(*, sender_id: str) -> bool:
    """Remove every row about this person from the app database.

    Their links, consent history, assignments and audit rows go with the user
    row (``ON DELETE CASCADE``; SQLite enforces it because ``bot.storage.db``
    turns ``foreign_keys`` on); invites they used keep no pointer to them.

    Rasa's tracker store is cleared separately, by the tracker store itself
    (``bot.storage.tracker_store``), because Rasa writes the conversation
    after the action that asked for deletion has run. The retention purge
    (:mod:`bot.services.retention`) deletes the same way, for many people.
    """
    with unit_of_work() as session:
        repo.delete_code_attempts(session=session, sender_key=throttle_key(sender_id))
        user = repo.get_user(session=session, sender_id=sender_id)
        if user is None:
            return False
        delete_users(session, [user.id])
        return True
