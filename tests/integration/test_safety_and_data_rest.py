"""Safety and data control over the real REST webhook, checking both databases."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import func, select

from bot.storage.db import session_scope
from bot.storage.models import Answer, RiskEvent, User
from tests.support.servers import Stack, texts

pytestmark = pytest.mark.integration

ANSWER = (
    "When I was little my dad worked nights, and I felt lonely and unsure whether he would"
    " notice me. Maybe he was just exhausted. I still wait for people to reach out first."
)
CRISIS = "honestly I lost my job and I keep looking up which bridges are taller than 25 m"


def tracker_event_count(stack: Stack, sender: str) -> int:
    with sqlite3.connect(stack.settings.tracker_db) as connection:
        return int(
            connection.execute(
                "SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)
            ).fetchone()[0]
        )


def test_crisis_mid_prompt__help_comes_first_and_nothing_is_scored(stack: Stack) -> None:
    who = "crisis-mid-prompt"
    stack.say(who, '/choose_module{"takeaway": "early_experiences"}')
    stack.say(who, "skip")
    stack.say(who, ANSWER)
    replies = stack.say(who, CRISIS)
    assert "glad you said it" in replies[0]["text"]
    assert "findahelpline.com" in texts(replies) and "safe right now" in texts(replies)
    assert "Prompt" not in texts(replies)

    with session_scope(stack.settings.database_url) as session:
        user = session.execute(select(User).where(User.sender_id == who)).scalar_one()
        stored = session.execute(select(Answer.text)).scalars().all()
        assert CRISIS not in stored and ANSWER in stored
        event = session.execute(
            select(RiskEvent).where(RiskEvent.user_id == user.id, RiskEvent.level == "crisis")
        ).scalar_one()
        assert event.text is None and event.categories

    # the exercise stopped: an ordinary message now is not taken as an answer
    after = texts(stack.say(who, "ok"))
    assert "Prompt 3 of 3" not in after


def test_get_help_now__answers_with_resources_in_any_state(stack: Stack) -> None:
    who = "help-now"
    stack.say(who, '/choose_module{"takeaway": "seek_support"}')
    assert "findahelpline.com" in texts(stack.say(who, "I need help now"))


def test_venting__is_not_treated_as_a_crisis(stack: Stack) -> None:
    who = "venting"
    stack.say(who, '/choose_module{"takeaway": "relationship_patterns"}')
    stack.say(who, "skip")
    venting = "Honestly this homework is killing me, but my friend helped."
    replies = texts(stack.say(who, venting))
    assert "findahelpline" not in replies and "safe right now" not in replies
    with session_scope(stack.settings.database_url) as session:
        assert venting in session.execute(select(Answer.text)).scalars().all()


def test_export_then_delete__clears_both_databases_and_starts_fresh(stack: Stack) -> None:
    who = "export-delete"
    answer = ANSWER + " I only wrote this for the export."
    stack.say(who, '/choose_module{"takeaway": "emotional_literacy"}')
    stack.say(who, "3")
    stack.say(who, answer)
    assert "Send it now?" in texts(stack.say(who, "export my data"))
    exported = [r for r in stack.say(who, "yes") if "custom" in r]
    data = exported[0]["custom"]["data"]["securebase_export"]
    assert data["modules"][0]["answers"][0]["text"] == answer
    assert data["moods"][0]["score"] == 3
    json.dumps(data)

    summary = texts(stack.say(who, "what do you store about me"))
    assert "1 written answer" in summary
    assert "permanently deletes" in texts(stack.say(who, "delete my data"))
    assert tracker_event_count(stack, who) > 0
    assert "deleted" in texts(stack.say(who, "yes"))

    with session_scope(stack.settings.database_url) as session:
        assert (
            session.execute(select(func.count(User.id)).where(User.sender_id == who)).scalar_one()
            == 0
        )
        assert answer not in session.execute(select(Answer.text)).scalars().all()
    assert tracker_event_count(stack, who) == 0

    fresh = texts(stack.say(who, "hi"))
    assert "SecureBase" in fresh and "Welcome back" not in fresh


def test_logs__never_contain_message_text_or_raw_sender_ids(stack: Stack) -> None:
    who = "log-check-7f3a9"
    secret = "my-unrepeatable-secret-phrase-5521"
    stack.say(who, f"I felt ashamed about {secret}")
    for name in ("rasa", "actions"):
        log = stack.log(name)
        assert secret not in log and who not in log, name
