"""Repository functions: small, explicit queries over an explicit session."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.models import (
    Answer,
    MoodCheckin,
    QuizResult,
    ReflectionSession,
    SelfAssessment,
    User,
    utcnow,
)

UNFINISHED = ("active", "paused")


def get_user(*, session: Session, sender_id: str) -> User | None:
    return session.execute(select(User).where(User.sender_id == sender_id)).scalar_one_or_none()


def get_or_create_user(*, session: Session, sender_id: str, channel: str | None = None) -> User:
    """Find the person by channel id, creating the row on first contact."""
    user = get_user(session=session, sender_id=sender_id)
    now = utcnow()
    if user is None:
        user = User(sender_id=sender_id, channel=channel or "unknown", created_at=now)
        session.add(user)
    user.last_seen_at = now
    session.flush()
    return user


def get_reflection(*, session: Session, reflection_id: int) -> ReflectionSession | None:
    return session.get(ReflectionSession, reflection_id)


def latest_unfinished(
    *, session: Session, user_id: int, takeaway: str | None = None
) -> ReflectionSession | None:
    """The most recently touched module the person has not finished."""
    query = select(ReflectionSession).where(
        ReflectionSession.user_id == user_id, ReflectionSession.status.in_(UNFINISHED)
    )
    if takeaway is not None:
        query = query.where(ReflectionSession.takeaway == takeaway)
    query = query.order_by(ReflectionSession.updated_at.desc(), ReflectionSession.id.desc())
    return session.execute(query.limit(1)).scalar_one_or_none()


def list_reflections(*, session: Session, user_id: int) -> Sequence[ReflectionSession]:
    query = (
        select(ReflectionSession)
        .where(ReflectionSession.user_id == user_id)
        .order_by(ReflectionSession.started_at, ReflectionSession.id)
    )
    return session.execute(query).scalars().all()


def create_reflection(*, session: Session, user_id: int, takeaway: str) -> ReflectionSession:
    now = utcnow()
    reflection = ReflectionSession(
        user_id=user_id, takeaway=takeaway, status="active", step=0, started_at=now, updated_at=now
    )
    session.add(reflection)
    session.flush()
    return reflection


def add_answer(
    *,
    session: Session,
    reflection: ReflectionSession,
    prompt_id: str,
    kind: str,
    text: str,
    followup_key: str | None = None,
    depth: int | None = None,
    scores: dict[str, Any] | None = None,
    evidence: list[Any] | None = None,
    at: datetime | None = None,
) -> Answer:
    answer = Answer(
        session_id=reflection.id,
        takeaway=reflection.takeaway,
        prompt_id=prompt_id,
        kind=kind,
        followup_key=followup_key,
        text=text,
        depth=depth,
        scores=scores,
        evidence=evidence,
        created_at=at or utcnow(),
    )
    session.add(answer)
    session.flush()
    return answer


def answers_for(*, session: Session, reflection_id: int) -> Sequence[Answer]:
    query = select(Answer).where(Answer.session_id == reflection_id).order_by(Answer.id)
    return session.execute(query).scalars().all()


def get_mood(*, session: Session, reflection_id: int, phase: str) -> MoodCheckin | None:
    query = select(MoodCheckin).where(
        MoodCheckin.session_id == reflection_id, MoodCheckin.phase == phase
    )
    return session.execute(query).scalar_one_or_none()


def set_mood(
    *, session: Session, user_id: int, reflection_id: int, phase: str, score: int
) -> MoodCheckin:
    """Record a check-in; answering again for the same phase replaces the rating."""
    mood = get_mood(session=session, reflection_id=reflection_id, phase=phase)
    if mood is None:
        mood = MoodCheckin(user_id=user_id, session_id=reflection_id, phase=phase, score=score)
        session.add(mood)
    else:
        mood.score = score
        mood.created_at = utcnow()
    session.flush()
    return mood


def moods_for_user(*, session: Session, user_id: int) -> Sequence[MoodCheckin]:
    query = select(MoodCheckin).where(MoodCheckin.user_id == user_id).order_by(MoodCheckin.id)
    return session.execute(query).scalars().all()


def add_quiz_result(
    *, session: Session, user_id: int, score: int, total: int, answers: list[Any]
) -> QuizResult:
    result = QuizResult(user_id=user_id, score=score, total=total, answers=answers)
    session.add(result)
    session.flush()
    return result


def add_self_assessment(
    *,
    session: Session,
    user_id: int,
    answers: dict[str, int],
    self_score: float,
    other_score: float,
    nearest_style: str,
) -> SelfAssessment:
    row = SelfAssessment(
        user_id=user_id,
        answers=answers,
        self_score=self_score,
        other_score=other_score,
        nearest_style=nearest_style,
    )
    session.add(row)
    session.flush()
    return row


def self_assessments_for(*, session: Session, user_id: int) -> Sequence[SelfAssessment]:
    query = (
        select(SelfAssessment)
        .where(SelfAssessment.user_id == user_id)
        .order_by(SelfAssessment.created_at, SelfAssessment.id)
    )
    return session.execute(query).scalars().all()
