"""Data at rest over the real servers: encrypted on disk, purged when inactive, backed up.

The person's words are checked in the raw bytes of both SQLite databases (and
their write-ahead logs) after a whole module, including the bot's replies that
quote them; they must still be readable through the code, or the check would
pass for a database that simply lost them.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from bot.settings import PROJECT_ROOT
from bot.storage.db import session_scope
from bot.storage.models import Answer, ReflectionSession, User
from bot.storage.tracker_table import EVENTS
from tests.support.at_rest import words_found
from tests.support.servers import Stack, texts

pytestmark = pytest.mark.integration

# Words nobody else in the suite and no content file uses, in answers deep enough to score.
ANSWERS = (
    "When I was seven my aunt in Reykjavik gave me a periwinkle accordion, and I felt proud"
    " and then lonely when nobody listened to me play. I still believe people only stay if I"
    " entertain them, but maybe my aunt simply loved me. This week I want to tell a friend.",
    "My quokka-shaped nightlight was the only thing that felt safe after my parents argued;"
    " I felt scared and small. Looking back, I think I learned to keep quiet so things stay"
    " calm. Maybe my partner would rather hear me, so I will try saying what I need.",
    "At the tangerine market with my grandfather I felt calm and seen, because he asked what"
    " I thought. Perhaps that is why I trust older friends more easily. Next time I feel"
    " ignored I want to notice it and name it instead of withdrawing.",
)
SECRET_WORDS = ("Reykjavik", "periwinkle", "accordion", "quokka", "nightlight", "tangerine")


def _db_files(stack: Stack) -> dict[str, Path]:
    return {
        "app": Path(stack.settings.database_url.removeprefix("sqlite:///")),
        "tracker": Path(stack.settings.tracker_db),
    }


def _whole_module(stack: Stack, who: str) -> str:
    greeting = texts(stack.say(who, "hi"))
    stack.say(who, '/choose_module{"takeaway": "early_experiences"}')
    stack.say(who, "4")
    for answer in ANSWERS:
        reply = texts(stack.say(who, answer))
        if "Prompt" not in reply and "feeling now" not in reply:  # a follow-up question
            stack.say(who, answer)
    assert "Thank you for reflecting" in texts(stack.say(who, "5"))
    return greeting


def _bot(stack: Stack, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    merged = {
        **os.environ,
        "DATABASE_URL": stack.settings.database_url,
        "TRACKER_DB": stack.settings.tracker_db,
        "SECUREBASE_STATUS_FILE": str(stack.workdir / "no-launcher.json"),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=PROJECT_ROOT, env=merged,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def _answers_of(database_url: str, who: str) -> list[str]:
    with session_scope(database_url) as session:
        return list(
            session.execute(
                select(Answer.text)
                .join(ReflectionSession, Answer.session_id == ReflectionSession.id)
                .join(User, ReflectionSession.user_id == User.id)
                .where(User.sender_id == who)
                .order_by(Answer.id)
            ).scalars()
        )


def _events_of(tracker_url: str, who: str) -> list[dict]:
    engine = create_engine(tracker_url, future=True)
    with engine.connect() as connection:
        rows = connection.execute(
            select(EVENTS.c.data).where(EVENTS.c.sender_id == who).order_by(EVENTS.c.id)
        ).scalars()
        found = [json.loads(row) for row in rows]
    engine.dispose()
    return found


def test_whole_module__leaves_none_of_the_persons_words_in_either_database_file(
    stack: Stack,
) -> None:
    who = "at-rest-module"
    greeting = _whole_module(stack, who)
    assert "kept encrypted" in greeting and "deleted after a year without a visit" in greeting
    summary = texts(stack.say(who, "what do you store about me"))
    assert re.search(r"[3-6] written answer", summary) and "deleted after a year" in summary

    # readable through the code: the words were stored, not lost
    stored = " ".join(_answers_of(stack.settings.database_url, who))
    events = _events_of(stack.settings.tracker_url, who)
    conversation = json.dumps(events)
    for word in SECRET_WORDS:
        assert word in stored and word in conversation, word
    assert any(e.get("event") == "bot" for e in events)

    for name, path in _db_files(stack).items():
        assert words_found(path, SECRET_WORDS) == [], name
        assert words_found(path, [ANSWERS[0][:40]]) == [], name


def test_purge__removes_an_inactive_person_from_both_databases_and_nobody_else(
    stack: Stack,
) -> None:
    gone, staying = "at-rest-inactive", "at-rest-active"
    for who in (gone, staying):
        stack.say(who, '/choose_module{"takeaway": "seek_support"}')
        stack.say(who, "3")
        stack.say(who, ANSWERS[2])
    long_ago = datetime.now(timezone.utc) - timedelta(days=400)
    with sqlite3.connect(_db_files(stack)["app"]) as app:
        app.execute(
            "UPDATE users SET last_seen_at = ? WHERE sender_id = ?",
            (long_ago.strftime("%Y-%m-%d %H:%M:%S.%f"), gone),
        )
    with sqlite3.connect(_db_files(stack)["tracker"]) as tracker:
        tracker.execute(
            "UPDATE events SET timestamp = ? WHERE sender_id = ?", (long_ago.timestamp(), gone)
        )

    done = _bot(stack, "purge")
    assert done.returncode == 0, done.stderr
    assert "deleted 1 person" in done.stdout and gone not in done.stdout

    assert _answers_of(stack.settings.database_url, gone) == []
    assert _events_of(stack.settings.tracker_url, gone) == []
    assert _answers_of(stack.settings.database_url, staying) == [ANSWERS[2]]
    assert _events_of(stack.settings.tracker_url, staying)
    # the Rasa process notices: the purged person starts afresh, nothing remembered
    fresh = texts(stack.say(gone, "hi"))
    assert "SecureBase" in fresh and "Welcome back" not in fresh


def test_backup_while_serving__restores_every_answer_into_a_fresh_folder(
    stack: Stack, tmp_path: Path
) -> None:
    who = "at-rest-backup"
    _whole_module(stack, who)
    made = _bot(stack, "backup", str(tmp_path / "backup"))
    assert made.returncode == 0, made.stderr

    fresh_db = f"sqlite:///{tmp_path / 'fresh' / 'app.db'}"
    fresh_tracker = tmp_path / "fresh" / "tracker.db"
    back = _bot(stack, "restore", str(tmp_path / "backup"), DATABASE_URL=fresh_db,
                TRACKER_DB=str(fresh_tracker),
                SECUREBASE_STATUS_FILE=str(tmp_path / "none.json"))  # fmt: skip
    assert back.returncode == 0, back.stderr

    live = _answers_of(stack.settings.database_url, who)
    assert len(live) >= 3 and _answers_of(fresh_db, who) == live
    restored_events = _events_of(f"sqlite:///{fresh_tracker}", who)
    assert restored_events == _events_of(stack.settings.tracker_url, who)[: len(restored_events)]
    assert len(restored_events) > 20
    assert words_found(tmp_path / "backup" / "securebase.db", SECRET_WORDS) == []
    assert words_found(tmp_path / "backup" / "tracker.db", SECRET_WORDS) == []
