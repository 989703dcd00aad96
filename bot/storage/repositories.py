"""Repository functions: small, explicit queries over an explicit session."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.ids import INVITE_DAYS, SCOPE_NONE
from bot.storage.models import (
    Answer,
    Assignment,
    AuditEvent,
    CodeAttempt,
    ConsentRecord,
    Invite,
    MoodCheckin,
    QuizResult,
    ReflectionSession,
    SelfAssessment,
    Therapist,
    TherapistLink,
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


# --- the therapist side --------------------------------------------------------


def create_therapist(
    *, session: Session, email: str, name: str, password_hash: str, disabled: bool = False
) -> Therapist:
    """A portal account; the caller hashes the password (argon2id in the portal)."""
    therapist = Therapist(
        email=email.strip().lower(), name=name, password_hash=password_hash, disabled=disabled
    )
    session.add(therapist)
    session.flush()
    return therapist


def create_invite(
    *,
    session: Session,
    therapist_id: int,
    code: str,
    label: str,
    days: int = INVITE_DAYS,
    now: datetime | None = None,
) -> Invite:
    """A single-use invite; ``code`` in canonical form (``bot.invite_codes.new_code``)."""
    created = now or utcnow()
    invite = Invite(
        therapist_id=therapist_id,
        code=code,
        label=label,
        created_at=created,
        expires_at=created + timedelta(days=days),
    )
    session.add(invite)
    session.flush()
    return invite


def get_invite_by_code(*, session: Session, code: str) -> Invite | None:
    return session.execute(select(Invite).where(Invite.code == code)).scalar_one_or_none()


def get_therapist(*, session: Session, therapist_id: int) -> Therapist | None:
    return session.get(Therapist, therapist_id)


def get_link(*, session: Session, therapist_id: int, user_id: int) -> TherapistLink | None:
    query = select(TherapistLink).where(
        TherapistLink.therapist_id == therapist_id, TherapistLink.user_id == user_id
    )
    return session.execute(query).scalar_one_or_none()


def create_link(*, session: Session, therapist_id: int, user_id: int, label: str) -> TherapistLink:
    """A new link shares nothing: scope "none" until the client chooses."""
    link = TherapistLink(
        therapist_id=therapist_id, user_id=user_id, label=label, scope=SCOPE_NONE
    )
    session.add(link)
    session.flush()
    return link


def links_for_user(
    *, session: Session, user_id: int, live_only: bool = True
) -> Sequence[TherapistLink]:
    """The person's links, oldest first; revoked ones only when ``live_only`` is False."""
    query = select(TherapistLink).where(TherapistLink.user_id == user_id)
    if live_only:
        query = query.where(TherapistLink.revoked_at.is_(None))
    return session.execute(query.order_by(TherapistLink.id)).scalars().all()


def add_consent_record(
    *,
    session: Session,
    link: TherapistLink,
    scope: str,
    risk_alerts: bool,
    wording_version: str,
    at: datetime | None = None,
) -> ConsentRecord:
    record = ConsentRecord(
        link_id=link.id,
        scope=scope,
        risk_alerts=risk_alerts,
        wording_version=wording_version,
        created_at=at or utcnow(),
    )
    session.add(record)
    session.flush()
    return record


def consent_records_for(*, session: Session, link_id: int) -> Sequence[ConsentRecord]:
    query = select(ConsentRecord).where(ConsentRecord.link_id == link_id).order_by(ConsentRecord.id)
    return session.execute(query).scalars().all()


def create_assignment(
    *,
    session: Session,
    link_id: int,
    kind: str,
    takeaway: str | None = None,
    note: str | None = None,
    due_on: date | None = None,
) -> Assignment:
    assignment = Assignment(link_id=link_id, kind=kind, takeaway=takeaway, note=note, due_on=due_on)
    session.add(assignment)
    session.flush()
    return assignment


def assignments_for_user(
    *, session: Session, user_id: int, open_only: bool = True
) -> Sequence[tuple[Assignment, TherapistLink]]:
    """Assignments from the person's live links, oldest first, with their link."""
    query = (
        select(Assignment, TherapistLink)
        .join(TherapistLink, Assignment.link_id == TherapistLink.id)
        .where(TherapistLink.user_id == user_id, TherapistLink.revoked_at.is_(None))
    )
    if open_only:
        query = query.where(Assignment.completed_at.is_(None))
    query = query.order_by(Assignment.created_at, Assignment.id)
    return [(row[0], row[1]) for row in session.execute(query).all()]


def complete_assignments(
    *, session: Session, user_id: int, kind: str, takeaway: str | None = None
) -> int:
    """Mark the person's open assignments of this kind (and module) done; returns how many."""
    done = 0
    for assignment, _link in assignments_for_user(session=session, user_id=user_id):
        if assignment.kind == kind and (kind != "module" or assignment.takeaway == takeaway):
            assignment.completed_at = utcnow()
            done += 1
    session.flush()
    return done


def add_audit_event(
    *, session: Session, therapist_id: int, user_id: int, action: str, what: str
) -> AuditEvent:
    event = AuditEvent(therapist_id=therapist_id, user_id=user_id, action=action, what=what)
    session.add(event)
    session.flush()
    return event


def audit_events_for_user(
    *, session: Session, user_id: int
) -> Sequence[tuple[AuditEvent, Therapist]]:
    """Who looked at this person's data, newest first, with the therapist."""
    query = (
        select(AuditEvent, Therapist)
        .join(Therapist, AuditEvent.therapist_id == Therapist.id)
        .where(AuditEvent.user_id == user_id)
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    )
    return [(row[0], row[1]) for row in session.execute(query).all()]


def count_code_attempts(*, session: Session, sender_key: str, since: datetime) -> int:
    query = select(func.count(CodeAttempt.id)).where(
        CodeAttempt.sender_key == sender_key, CodeAttempt.created_at >= since
    )
    return int(session.execute(query).scalar_one())


def add_code_attempt(
    *, session: Session, sender_key: str, at: datetime, forget_before: datetime
) -> None:
    """Note a wrong code, and forget wrong codes older than the throttle window."""
    session.execute(delete(CodeAttempt).where(CodeAttempt.created_at < forget_before))
    session.add(CodeAttempt(sender_key=sender_key, created_at=at))
    session.flush()


def delete_code_attempts(*, session: Session, sender_key: str) -> None:
    session.execute(delete(CodeAttempt).where(CodeAttempt.sender_key == sender_key))
