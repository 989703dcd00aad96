"""The retention purge: an inactive person goes from both databases, nobody else does."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from bot.services.retention import period_in_words, purge
from bot.settings import PROJECT_ROOT, get_settings
from bot.storage import repositories as repo
from bot.storage.db import session_scope
from bot.storage.models import (
    Answer,
    Assignment,
    AuditEvent,
    ConsentRecord,
    Invite,
    MoodCheckin,
    ReflectionSession,
    RiskEvent,
    Therapist,
    TherapistLink,
    User,
)
from bot.storage.tracker_table import EVENTS
from tests.support.at_rest import add_events, raw_bytes

NOW = datetime.now(timezone.utc)
LONG_AGO = NOW - timedelta(days=400)
LATELY = NOW - timedelta(days=10)


def _person(session: Session, sender: str, seen: datetime, therapist: Therapist) -> User:
    """A person with a module, an answer, a mood, a risk event and a therapist link."""
    user = repo.get_or_create_user(session=session, sender_id=sender, channel="rest")
    module = repo.create_reflection(session=session, user_id=user.id, takeaway="early_experiences")
    repo.add_answer(session=session, reflection=module, prompt_id="ee_1", kind="prompt",
                    text=f"{sender} wrote this")  # fmt: skip
    repo.set_mood(session=session, user_id=user.id, reflection_id=module.id, phase="before",
                  score=3)  # fmt: skip
    session.add(RiskEvent(user_id=user.id, level="concern", categories=["c"], evidence=[]))
    link = TherapistLink(therapist_id=therapist.id, user_id=user.id, label=sender, scope="answers")
    session.add(link)
    session.flush()
    session.add(ConsentRecord(link_id=link.id, scope="answers", wording_version="v1"))
    session.add(Assignment(link_id=link.id, kind="module", takeaway="seek_support"))
    session.add(AuditEvent(therapist_id=therapist.id, user_id=user.id, action="view", what="x"))
    session.add(Invite(therapist_id=therapist.id, code=f"C{sender[:7].upper()}", label=sender,
                       expires_at=NOW, used_at=seen, used_by_user_id=user.id))  # fmt: skip
    user.last_seen_at = seen
    session.flush()
    return user


@pytest.fixture
def people(app_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    tracker = tmp_path / "tracker.db"
    monkeypatch.setenv("TRACKER_DB", str(tracker))
    get_settings.cache_clear()
    with session_scope(app_db) as session:
        therapist = Therapist(email="t@example.org", name="T", password_hash="x")
        session.add(therapist)
        session.flush()
        _person(session, "gone", LONG_AGO, therapist)  # inactive everywhere
        _person(session, "recent", LATELY, therapist)
        _person(session, "chatting", LONG_AGO, therapist)  # app row old, chatted last week
        _person(session, "app-only", LONG_AGO, therapist)  # no conversation stored
    add_events(
        f"sqlite:///{tracker}",
        [
            {"sender_id": s, "type_name": "user", "timestamp": at.timestamp(), "data": "{}"}
            for s, at in (
                ("gone", LONG_AGO), ("gone", LONG_AGO + timedelta(minutes=1)),
                ("recent", LATELY), ("chatting", LONG_AGO), ("chatting", LATELY),
                ("tracker-only-old", LONG_AGO), ("tracker-only-new", LATELY),
            )
        ],
    )  # fmt: skip
    return str(tracker)


def _senders_in_tracker(tracker: str) -> set[str]:
    engine = create_engine(f"sqlite:///{tracker}", future=True)
    with engine.connect() as connection:
        found = set(connection.execute(select(EVENTS.c.sender_id)).scalars())
    engine.dispose()
    return found


def _count(session: Session, model: type) -> int:
    return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_purge__deletes_the_inactive_everywhere_and_nobody_else(people: str, app_db: str) -> None:
    report = purge(now=NOW)
    assert report.people == 3  # gone, app-only, tracker-only-old
    assert report.app_rows == {
        "users": 2, "reflection_sessions": 2, "answers": 2, "mood_checkins": 2,
        "risk_events": 2, "therapist_links": 2, "consent_records": 2, "assignments": 2,
        "audit_events": 2,
    }  # fmt: skip
    assert (report.conversations, report.tracker_events) == (2, 3)
    assert _senders_in_tracker(people) == {"recent", "chatting", "tracker-only-new"}
    with session_scope(app_db) as session:
        senders = set(session.execute(select(User.sender_id)).scalars())
        assert senders == {"recent", "chatting"}
        texts = set(session.execute(select(Answer.text)).scalars())
        assert texts == {"recent wrote this", "chatting wrote this"}
        for model in (ReflectionSession, MoodCheckin, RiskEvent, TherapistLink, ConsentRecord,
                      Assignment, AuditEvent):  # fmt: skip
            assert _count(session, model) == 2, model.__tablename__
        # the therapist and their invites stay; a used invite just forgets who used it
        assert _count(session, Therapist) == 1 and _count(session, Invite) == 4
        unlinked = session.execute(
            select(func.count()).where(Invite.used_by_user_id.is_(None))
        ).scalar_one()
        assert unlinked == 2


@pytest.fixture
def server_connection(app_db: str) -> Iterator[sqlite3.Connection]:
    """An idle connection held open, as a running server holds one: SQLite then keeps
    earlier versions of changed pages in the ``-wal`` file instead of checkpointing."""
    holder = sqlite3.connect(app_db.removeprefix("sqlite:///"))
    holder.execute("SELECT COUNT(*) FROM sqlite_master").fetchall()
    yield holder
    holder.close()


def test_purge__leaves_no_copy_of_the_purged_text_in_the_database_files(
    server_connection: sqlite3.Connection, people: str, app_db: str
) -> None:
    database = Path(app_db.removeprefix("sqlite:///"))
    with sqlite3.connect(database) as raw:
        (stored,) = raw.execute(
            "SELECT a.text FROM answers a JOIN reflection_sessions s ON a.session_id = s.id"
            " JOIN users u ON s.user_id = u.id WHERE u.sender_id = 'gone'"
        ).fetchone()
    raw.close()
    assert stored.startswith("enc1:") and stored.encode() in raw_bytes(database)
    purge(now=NOW)
    assert stored.encode() not in raw_bytes(database)


def test_purge__dry_run_counts_the_same_and_deletes_nothing(people: str, app_db: str) -> None:
    dry = purge(now=NOW, dry_run=True)
    with session_scope(app_db) as session:
        assert _count(session, User) == 4
    assert len(_senders_in_tracker(people)) == 5
    real = purge(now=NOW)
    assert (dry.people, dry.app_rows, dry.conversations, dry.tracker_events) == (
        real.people, real.app_rows, real.conversations, real.tracker_events,
    )  # fmt: skip
    assert "would delete" in dry.lines()[0] and "deleted 3 people" in real.lines()[0]


def test_purge__follows_retention_days(
    people: str, app_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RETENTION_DAYS", "5")
    get_settings.cache_clear()
    purge(now=NOW)
    with session_scope(app_db) as session:
        assert _count(session, User) == 0
    assert _senders_in_tracker(people) == set()


def test_purge_command__prints_counts_and_never_who(people: str, app_db: str) -> None:
    env = {**os.environ, "DATABASE_URL": app_db, "TRACKER_DB": people, "RETENTION_DAYS": "30"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "purge"], cwd=PROJECT_ROOT, env=env, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "deleted 3 people" in done.stdout and "users 2" in done.stdout
    for sender in ("gone", "app-only", "tracker-only", "wrote this"):
        assert sender not in done.stdout + done.stderr


@pytest.mark.parametrize(
    ("days", "words"),
    [(365, "a year"), (730, "2 years"), (30, "a month"), (180, "6 months"), (14, "2 weeks"),
     (1, "a day"), (45, "45 days")],
)  # fmt: skip
def test_period_in_words__says_retention_days_as_a_person_would(days: int, words: str) -> None:
    assert period_in_words(days) == words
