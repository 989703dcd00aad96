"""ORM models. Every change here needs an Alembic migration (a test checks).

SQLAlchemy 1.4 declarative classes; queries elsewhere use the 2.0-style
``select()`` API with ``future=True`` engines and sessions.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base, relationship

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
    """A free-text answer (or a skip) with the rubric's scores and evidence."""

    __tablename__ = "answers"

    id = Column(Integer, primary_key=True)
    session_id = Column(
        ForeignKey("reflection_sessions.id", ondelete="CASCADE"), index=True, nullable=False
    )
    takeaway = Column(String(64), nullable=False)
    prompt_id = Column(String(32), nullable=False)
    kind = Column(String(16), nullable=False)  # prompt|followup|skipped
    followup_key = Column(String(32), nullable=True)
    text = Column(Text, nullable=False, default="")
    depth = Column(Integer, nullable=True)
    scores = Column(JSON, nullable=True)
    evidence = Column(JSON, nullable=True)
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
    with a therapist; otherwise the evidence (category, rule, offsets) is all.
    """

    __tablename__ = "risk_events"

    id = Column(Integer, primary_key=True)
    user_id = Column(ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False)
    session_id = Column(ForeignKey("reflection_sessions.id", ondelete="SET NULL"), nullable=True)
    level = Column(String(16), nullable=False)  # concern|ask|crisis
    categories = Column(JSON, nullable=False, default=list)
    evidence = Column(JSON, nullable=False, default=list)
    text = Column(Text, nullable=True)
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
