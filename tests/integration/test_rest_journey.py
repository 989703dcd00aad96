"""A whole module over the real REST webhook, with a Rasa restart in the middle."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.storage.db import session_scope
from bot.storage.models import Answer, MoodCheckin, ReflectionSession, User
from tests.support.servers import Stack, texts

pytestmark = pytest.mark.integration

DEEP = (
    "When I was about eight my mum was often too tired to listen, and I felt lonely and a bit"
    " ashamed for needing her. I used to believe I was too much, but maybe she was overwhelmed."
    " I notice I still hide my needs with friends, so this week I want to ask one friend for help."
)


def test_full_module__survives_a_rasa_restart_and_keeps_every_answer(stack: Stack) -> None:
    who = "journey-person"
    greeting = texts(stack.say(who, "hi"))
    assert "not therapy" in greeting and "emergencies" in greeting

    asked = texts(stack.say(who, '/choose_module{"takeaway": "early_experiences"}'))
    assert "1 (very low) to 5" in asked

    first = texts(stack.say(who, "4"))
    assert "Reflect on early experiences" in first and "Prompt 1 of 3" in first

    second = texts(stack.say(who, DEEP))
    assert "Prompt 2 of 3" in second

    stack.stop("rasa")
    stack.start_rasa()

    third = texts(stack.say(who, DEEP))
    assert "Prompt 3 of 3" in third

    closing = texts(stack.say(who, DEEP))
    assert "how are you feeling now" in closing

    done = texts(stack.say(who, "5"))
    assert "Thank you for reflecting" in done

    with session_scope(stack.settings.database_url) as session:
        user = session.execute(select(User).where(User.sender_id == who)).scalar_one()
        reflection = session.execute(
            select(ReflectionSession).where(ReflectionSession.user_id == user.id)
        ).scalar_one()
        assert reflection.status == "completed" and reflection.takeaway == "early_experiences"
        answers = (
            session.execute(
                select(Answer).where(Answer.session_id == reflection.id).order_by(Answer.id)
            )
            .scalars()
            .all()
        )
        assert [(a.prompt_id, a.kind) for a in answers] == [
            ("ee_1", "prompt"),
            ("ee_2", "prompt"),
            ("ee_3", "prompt"),
        ]
        assert all(a.text == DEEP and a.created_at and a.depth is not None for a in answers)
        moods = session.execute(
            select(MoodCheckin.phase, MoodCheckin.score).where(MoodCheckin.user_id == user.id)
        ).all()
        assert sorted(moods) == [("after", 5), ("before", 4)]


def test_pause_and_continue__in_plain_words(stack: Stack) -> None:
    who = "pausing-person"
    stack.say(who, '/choose_module{"takeaway": "relationship_patterns"}')
    stack.say(who, "skip")
    stack.say(who, DEEP)
    paused = texts(stack.say(who, "let's stop here"))
    assert "prompt 2 of 3" in paused and "saved" in paused

    resumed = texts(stack.say(who, "let's continue"))
    assert "Welcome back" in resumed and "Prompt 2 of 3" in resumed


def test_progress__lists_what_was_done(stack: Stack) -> None:
    who = "progress-person"
    stack.say(who, '/choose_module{"takeaway": "seek_support"}')
    stack.say(who, "3")
    stack.say(who, DEEP)
    progress = texts(stack.say(who, "what have I done so far"))
    assert "Seek attachment-informed support: 1 of 3 prompts answered" in progress
    # asking mid-module returns to the open prompt
    assert "Prompt 2 of 3" in progress
