"""Odd input over the real REST webhook gets a calm reply, never a stack trace."""

from __future__ import annotations

import time

import pytest

from bot.channels import no_silence
from tests.support.servers import Stack, texts

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   ",
        "I " + "really " * 2800 + "feel stuck",
        "😔😔😔🙏",
        "أشعر بالوحدة عندما لا يرد أحد",
        "hello\u200b\u202ethere",
        "<script>alert(1)</script>",
    ],
    ids=[
        "empty",
        "whitespace",
        "20k-chars",
        "emoji-only",
        "right-to-left",
        "bidi-controls",
        "html",
    ],
)
def test_odd_message__gets_a_calm_reply(stack: Stack, message: str) -> None:
    replies = stack.say("odd-input-person", message)
    assert replies, "no reply at all"
    assert "Traceback" not in texts(replies)


def test_unknown_sender__is_treated_as_a_new_person(stack: Stack) -> None:
    replies = stack.say("never-seen-before-8d1f", "hi")
    assert "SecureBase" in texts(replies)


def test_long_answer_inside_a_module__is_kept_whole(stack: Stack) -> None:
    who = "long-answer-person"
    stack.say(who, '/choose_module{"takeaway": "emotional_literacy"}')
    stack.say(who, "skip")
    long_answer = "I felt anxious and then relieved. " * 600
    reply = texts(stack.say(who, long_answer))
    assert "Prompt 2 of 3" in reply or "?" in reply
    from sqlalchemy import select

    from bot.storage.db import session_scope
    from bot.storage.models import Answer

    with session_scope(stack.settings.database_url) as session:
        stored = session.execute(select(Answer.text)).scalars().all()
    assert long_answer.strip() in stored
    assert "Traceback" not in stack.log("actions")


def test_dead_action_server__gets_a_kind_reply_and_crisis_still_gets_help(stack: Stack) -> None:
    stack.stop("actions")
    time.sleep(no_silence.PROBE_TTL_SECONDS + 0.5)  # let the guard's cached probe expire
    try:
        reply = texts(stack.say("no-actions-person", "what have I done so far"))
        assert "technical problem" in reply and "try again" in reply
        crisis = texts(stack.say("no-actions-person", "I want to kill myself tonight"))
        assert "safe right now" in crisis and "findahelpline.com" in crisis
    finally:
        stack.start_actions()
    assert "SecureBase" in texts(stack.say("no-actions-person", "hi"))


def test_non_text_message__gets_a_calm_reply(stack: Stack) -> None:
    for payload in (12345, None, ["a", "list"], {"an": "object"}):
        response = stack.post("non-text-person", payload)
        assert response.status_code < 500, payload
