"""Repository functions for the therapist portal: accounts, invites, links, assignments, audit.

Small explicit queries over a keyword-only session, like ``repositories.py``.
Nothing here decides who may read what: that is ``bot/portal/access.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.storage.models import (
    Assignment,
    AuditEvent,
    Invite,
    MoodCheckin,
    QuizResult,
    ReflectionSession,
    SelfAssessment,
    Therapist,
    TherapistLink,
    utcnow,
)

# --- accounts ----------------------------------------------------------------


def get_therapist(*, session: Session, therapist_id: int) -> Therapist | None:
    return session.get(Therapist, therapist_id)


def therapist_by_email(*, session: Session, email: str) -> Therapist | None:
    query = select(Therapist).where(Therapist.email == email.strip().lower())
    return session.execute(query).scalar_one_or_none()


def list_therapists(*, session: Session) -> Sequence[Therapist]:
    return session.execute(select(Therapist).order_by(Therapist.id)).scalars().all()


def add_therapist(*, session: Session, email: str, name: str, password_hash: str) -> Therapist:
    now = utcnow()
    therapist = Therapist(
        email=email.strip().lower(),
        name=name.strip(),
        password_hash=password_hash,
        totp_enabled=False,
        recovery_codes=[],
        disabled=False,
        created_at=now,
        password_changed_at=now,
    )
    session.add(therapist)
    session.flush()
    return therapist


# --- invites -------------------------------------------------------------------


def invites_for(*, session: Session, therapist_id: int) -> Sequence[Invite]:
    query = (
        select(Invite)
        .where(Invite.therapist_id == therapist_id)
        .order_by(Invite.created_at.desc(), Invite.id.desc())
    )
    return session.execute(query).scalars().all()


# --- links and assignments -----------------------------------------------------


def link_of(*, session: Session, therapist_id: int, link_id: int) -> TherapistLink | None:
    """The link only if it belongs to this therapist: another's id finds nothing."""
    query = select(TherapistLink).where(
        TherapistLink.id == link_id, TherapistLink.therapist_id == therapist_id
    )
    return session.execute(query).scalar_one_or_none()


def links_for(*, session: Session, therapist_id: int) -> Sequence[TherapistLink]:
    query = (
        select(TherapistLink)
        .where(TherapistLink.therapist_id == therapist_id)
        .order_by(TherapistLink.label, TherapistLink.id)
    )
    return session.execute(query).scalars().all()


def assignments_for(*, session: Session, link_id: int) -> Sequence[Assignment]:
    query = (
        select(Assignment)
        .where(Assignment.link_id == link_id)
        .order_by(Assignment.created_at.desc(), Assignment.id.desc())
    )
    return session.execute(query).scalars().all()


def add_assignment(
    *,
    session: Session,
    link_id: int,
    kind: str,
    takeaway: str | None,
    note: str | None,
    due_on: date | None,
) -> Assignment:
    row = Assignment(
        link_id=link_id,
        kind=kind,
        takeaway=takeaway,
        note=note,
        due_on=due_on,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row


# --- a client's own rows (read only through bot/portal/access.py) ------------------


def completed_reflections(*, session: Session, user_id: int) -> Sequence[ReflectionSession]:
    query = (
        select(ReflectionSession)
        .where(ReflectionSession.user_id == user_id, ReflectionSession.status == "completed")
        .order_by(ReflectionSession.completed_at.desc(), ReflectionSession.id.desc())
    )
    return session.execute(query).scalars().all()


def moods_by_session(*, session: Session, user_id: int) -> dict[tuple[int, str], int]:
    query = select(MoodCheckin).where(MoodCheckin.user_id == user_id)
    return {
        (row.session_id, row.phase): row.score
        for row in session.execute(query).scalars()
        if row.session_id is not None
    }


def quiz_results_for(*, session: Session, user_id: int) -> Sequence[QuizResult]:
    query = (
        select(QuizResult)
        .where(QuizResult.user_id == user_id)
        .order_by(QuizResult.created_at.desc(), QuizResult.id.desc())
    )
    return session.execute(query).scalars().all()


def self_assessments_newest_first(*, session: Session, user_id: int) -> Sequence[SelfAssessment]:
    query = (
        select(SelfAssessment)
        .where(SelfAssessment.user_id == user_id)
        .order_by(SelfAssessment.created_at.desc(), SelfAssessment.id.desc())
    )
    return session.execute(query).scalars().all()


# --- audit -----------------------------------------------------------------------


def count_audit_events(*, session: Session, therapist_id: int | None = None) -> int:
    query = select(func.count(AuditEvent.id))
    if therapist_id is not None:
        query = query.where(AuditEvent.therapist_id == therapist_id)
    return int(session.execute(query).scalar_one())
