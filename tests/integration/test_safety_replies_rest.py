"""Issue 11 over the real REST webhook: every risk cue gets help or a direct question."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.ids import intent_payload
from bot.storage.db import session_scope
from bot.storage.models import Answer, ReflectionSession, RiskEvent, User
from tests.support.servers import Stack, texts

pytestmark = pytest.mark.integration

REPORTED = (
    "I have the rope ready",
    "sometimes I sit on the edge of the train platform and think about stepping off",
    "I keep looking up how high the car park roof is",
    "honestly the only thing stopping me is my cat. once she's rehomed there's no reason to stay",
    "I can't promise I'll still be here next week",
    "Nobody is safe at home, mum is drunk and throwing knives",
)
NEVER_FOR_RISK = (
    "say that in a slightly different way",
    "outside what I can help with",
    "Thank you for sharing that with me",
)
ASKED = "are you thinking about ending your life"
ANSWER = (
    "When I was little my dad worked nights, and I felt lonely and unsure whether he would"
    " notice me. Maybe he was just exhausted. I still wait for people to reach out first."
)


def _help_or_question(reply: str) -> bool:
    return "findahelpline.com" in reply or "safe right now" in reply or ASKED in reply


def _answers(stack: Stack, who: str) -> list[str]:
    with session_scope(stack.settings.database_url) as session:
        user = session.execute(select(User).where(User.sender_id == who)).scalar_one()
        query = (
            select(Answer.text)
            .join(ReflectionSession, ReflectionSession.id == Answer.session_id)
            .where(ReflectionSession.user_id == user.id)
            .order_by(Answer.id)
        )
        return list(session.scalars(query))


@pytest.mark.parametrize("message", REPORTED)
def test_the_six_reported_messages__get_resources_or_a_direct_question(
    stack: Stack, message: str
) -> None:
    who = f"reported-{REPORTED.index(message)}"
    stack.say(who, "hi")
    reply = texts(stack.say(who, message))
    assert _help_or_question(reply), reply
    assert not any(line in reply for line in NEVER_FOR_RISK)


def test_ask_directly_then_yes__gets_the_crisis_reply(stack: Stack) -> None:
    who = "ask-then-yes"
    stack.say(who, "hi")
    assert ASKED in texts(stack.say(who, "I can't promise I'll still be here next week"))
    after = texts(stack.say(who, "yes"))
    assert "findahelpline.com" in after and "safe right now" in after
    with session_scope(stack.settings.database_url) as session:
        user = session.execute(select(User).where(User.sender_id == who)).scalar_one()
        levels = session.scalars(select(RiskEvent.level).where(RiskEvent.user_id == user.id))
        assert sorted(levels) == ["ask", "crisis"]


def test_ask_directly_inside_a_module__im_okay_goes_back_to_the_prompt(stack: Stack) -> None:
    who = "ask-then-okay"
    stack.say(who, intent_payload("choose_module", {"takeaway": "early_experiences"}))
    stack.say(who, "skip")  # the mood check-in
    first = texts(stack.say(who, ANSWER))
    assert "Prompt 2 of 3" in first
    asked = texts(stack.say(who, "I can't promise I'll still be here next week"))
    assert ASKED in asked and "Prompt" not in asked
    back = texts(stack.say(who, "/safety_ok"))
    assert "go back to where we were" in back and "Prompt 2 of 3" in back
    assert _answers(stack, who) == [ANSWER]  # the cue was never stored as an answer


def test_unclear_answer_to_the_direct_question__gets_the_crisis_reply(stack: Stack) -> None:
    who = "ask-then-why"
    stack.say(who, "hi")
    stack.say(who, "on the bridge now")
    assert "findahelpline.com" in texts(stack.say(who, "why do you care"))


def test_risk_across_three_messages__is_noticed(stack: Stack) -> None:
    who = "risk-building"
    stack.say(who, "hi")
    replies = [
        texts(stack.say(who, text))
        for text in (
            "I've messaged everyone I love today",
            "sorted the last few things, gave my sister my good coat",
            "this is my last chat",
        )
    ]
    assert any(_help_or_question(reply) for reply in replies[1:]), replies


def test_a_crisis_written_in_spanish__gets_plain_english_and_where_to_find_help(
    stack: Stack,
) -> None:
    who = "not-english"
    stack.say(who, "hi")
    reply = texts(stack.say(who, "quiero morirme, ya no aguanto más, no sé qué hacer"))
    assert "only read English" in reply and "findahelpline.com" in reply


def test_a_look_alike_inside_an_answer__is_scored_like_any_answer(stack: Stack) -> None:
    who = "look-alike-answer"
    look_alike = (
        "My father's death still shapes me. When he died I was nine and I felt scared and"
        " alone, and I decided I had to cope by myself. I still do that with my partner."
    )
    stack.say(who, intent_payload("choose_module", {"takeaway": "early_experiences"}))
    stack.say(who, "skip")
    reply = texts(stack.say(who, look_alike))
    assert not _help_or_question(reply)
    assert _answers(stack, who) == [look_alike]
