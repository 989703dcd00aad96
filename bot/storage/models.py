"""ORM models. Every change here needs an Alembic migration (a test checks).

SQLAlchemy 1.4 declarative classes; queries elsewhere use the 2.0-style
``select()`` API with ``future=True`` engines and sessions.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base, relationship

from bot.storage.encrypted import EncryptedJSON, EncryptedText

Base: Any = declarative_base()


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class User(Base):
    """A person, known only by the pseudonymous id their channel gives us."""

    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    sender_id = Column(String(255), unique=True, index=True, nullable=False)
    channel = Column(String(64), nullable=False, default="unknown")
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    last_seen_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)

    sessions = relationship(
        "ReflectionSession",
        back_populates="user",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class ReflectionSession(Base):
    """One pass through a takeaway module; ``step`` is the next prompt's index."""

    __tablename__ = "reflection_sessions"

    id = Column(Integer, primary_key=True)
    user_id = Column(ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False)
    takeaway = Column(String(64), nullable=False)
    status = Column(String(16), nullable=False, default="active")  # active|paused|completed
    step = Column(Integer, nullable=False, default=0)
    pending_followup = Column(String(32), nullable=True)
    last_followup = Column(String(32), nullable=True)
    started_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    completed_at = Column(DateTime(timezone=True), nullable=True)

    user = relationship("User", back_populates="sessions")
    answers = relationship(
        "Answer",
        back_populates="session",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Answer.id",
    )


class Answer(Base):
    """A free-text answer (or a skip) with the rubric's scores and evidence.

    The text, and the scores and evidence that quote it (emotion words as
    written, spans), are encrypted at rest; ``depth``, ids and dates are not.
    """

    __tablename__ = "answers"

    id = Column(Integer, primary_key=True)
    session_id = Column(
        ForeignKey("reflection_sessions.id", ondelete="CASCADE"), index=True, nullable=False
    )
    takeaway = Column(String(64), nullable=False)
    prompt_id = Column(String(32), nullable=False)
    kind = Column(String(16), nullable=False)  # prompt|followup|skipped
    followup_key = Column(String(32), nullable=True)
    text = Column(EncryptedText("answers.text"), nullable=False, default="")
    depth = Column(Integer, nullable=True)
    scores = Column(EncryptedJSON("answers.scores"), nullable=True)
    evidence = Column(EncryptedJSON("answers.evidence"), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)

    session = relationship("ReflectionSession", back_populates="answers")


class MoodCheckin(Base):
    """A 1-5 mood rating before or after a module (skipped check-ins are not stored)."""

    __tablename__ = "mood_checkins"
    __table_args__ = (UniqueConstraint("session_id", "phase", name="uq_mood_session_phase"),)

    id = Column(Integer, primary_key=True)
    user_id = Column(ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False)
    session_id = Column(ForeignKey("reflection_sessions.id", ondelete="CASCADE"), nullable=True)
    phase = Column(String(16), nullable=False)  # before|after
    score = Column(Integer, nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class RiskEvent(Base):
    """A safety signal: when, how serious, and which rules fired (not the message).

    ``text`` holds the message only when the person consented to share text
    with a therapist (encrypted at rest); otherwise the evidence (category,
    rule, offsets) is all.
    """

    __tablename__ = "risk_events"

    id = Column(Integer, primary_key=True)
    user_id = Column(ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False)
    session_id = Column(ForeignKey("reflection_sessions.id", ondelete="SET NULL"), nullable=True)
    level = Column(String(16), nullable=False)  # concern|ask|crisis
    categories = Column(JSON, nullable=False, default=list)
    evidence = Column(JSON, nullable=False, default=list)
    text = Column(EncryptedText("risk_events.text"), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class SelfAssessment(Base):
    """A completed self-assessment: item answers and the two axis scores."""

    __tablename__ = "self_assessments"

    id = Column(Integer, primary_key=True)
    user_id = Column(ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False)
    answers = Column(JSON, nullable=False)
    self_score = Column(Float, nullable=False)
    other_score = Column(Float, nullable=False)
    nearest_style = Column(String(32), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class QuizResult(Base):
    """A finished knowledge check."""

    __tablename__ = "quiz_results"

    id = Column(Integer, primary_key=True)
    user_id = Column(ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False)
    score = Column(Integer, nullable=False)
    total = Column(Integer, nullable=False)
    answers = Column(JSON, nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


# --- The therapist side -------------------------------------------------------
# A therapist is an account in the portal; a client is a ``User`` who linked to
# that therapist with an invite code and chose what to share. Nothing of a client
# is readable without a live link whose scope allows it (bot/portal/access.py).


class Therapist(Base):
    """A portal account, created by an operator from the command line."""

    __tablename__ = "therapists"

    id = Column(Integer, primary_key=True)
    email = Column(String(320), unique=True, index=True, nullable=False)  # stored lower-cased
    name = Column(String(200), nullable=False)
    password_hash = Column(String(255), nullable=False)  # argon2id
    totp_secret = Column(String(64), nullable=True)  # set while enrolling, kept once enabled
    totp_enabled = Column(Boolean, nullable=False, default=False)
    recovery_codes = Column(JSON, nullable=False, default=list)  # argon2 hashes, used ones removed
    disabled = Column(Boolean, nullable=False, default=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    password_changed_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class Invite(Base):
    """A single-use code a therapist gives a client; ``label`` is seen by the therapist only."""

    __tablename__ = "invites"

    id = Column(Integer, primary_key=True)
    therapist_id = Column(
        ForeignKey("therapists.id", ondelete="CASCADE"), index=True, nullable=False
    )
    code = Column(String(16), unique=True, index=True, nullable=False)  # see bot.ids.INVITE_*
    label = Column(String(100), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    expires_at = Column(DateTime(timezone=True), nullable=False)
    used_at = Column(DateTime(timezone=True), nullable=True)
    used_by_user_id = Column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)


class TherapistLink(Base):
    """A client linked to a therapist, with the consent that is in force now.

    ``scope`` is one of bot.ids.CONSENT_SCOPES ("none" until the client chooses,
    "summaries" or "answers"); ``revoked_at`` set means nothing is shared.
    Every choice is also appended to ``consent_records`` (the history).
    """

    __tablename__ = "therapist_links"
    __table_args__ = (UniqueConstraint("therapist_id", "user_id", name="uq_link_therapist_user"),)

    id = Column(Integer, primary_key=True)
    therapist_id = Column(
        ForeignKey("therapists.id", ondelete="CASCADE"), index=True, nullable=False
    )
    user_id = Column(ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False)
    label = Column(String(100), nullable=False)  # copied from the invite
    scope = Column(String(16), nullable=False, default="none")
    risk_alerts = Column(Boolean, nullable=False, default=False)
    consent_version = Column(String(32), nullable=True)  # wording shown when the client chose
    consented_at = Column(DateTime(timezone=True), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    revoked_at = Column(DateTime(timezone=True), nullable=True)


class ConsentRecord(Base):
    """One consent decision (choose, change, revoke), kept as history."""

    __tablename__ = "consent_records"

    id = Column(Integer, primary_key=True)
    link_id = Column(
        ForeignKey("therapist_links.id", ondelete="CASCADE"), index=True, nullable=False
    )
    scope = Column(String(16), nullable=False)  # none|summaries|answers|revoked
    risk_alerts = Column(Boolean, nullable=False, default=False)
    wording_version = Column(String(32), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class Assignment(Base):
    """Something a therapist suggested: a module, the quiz or the self-assessment."""

    __tablename__ = "assignments"

    id = Column(Integer, primary_key=True)
    link_id = Column(
        ForeignKey("therapist_links.id", ondelete="CASCADE"), index=True, nullable=False
    )
    kind = Column(String(16), nullable=False)  # module|quiz|self_assessment
    takeaway = Column(String(64), nullable=True)  # for kind == "module"
    note = Column(Text, nullable=True)
    due_on = Column(Date, nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    mentioned_at = Column(DateTime(timezone=True), nullable=True)  # first told to the client
    completed_at = Column(DateTime(timezone=True), nullable=True)


class AuditEvent(Base):
    """A therapist viewed or exported a client's data: who, whose, what, when.

    Never edited or deleted from the portal; deleted with the client's data.
    ``what`` names the page or export, never content.
    """

    __tablename__ = "audit_events"

    id = Column(Integer, primary_key=True)
    therapist_id = Column(
        ForeignKey("therapists.id", ondelete="CASCADE"), index=True, nullable=False
    )
    user_id = Column(ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False)
    action = Column(String(16), nullable=False)  # view|export
    what = Column(String(64), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class CodeAttempt(Base):
    """A wrong invite code from one sender, kept an hour so codes cannot be guessed.

    ``sender_key`` is a salted hash of the sender id (never the id itself), so a
    throttle row says nothing about who the person is.
    """

    __tablename__ = "code_attempts"

    id = Column(Integer, primary_key=True)
    sender_key = Column(String(64), index=True, nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
