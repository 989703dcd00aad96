"""Concepts, quiz and self-assessment over the real REST webhook."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.storage.db import session_scope
from bot.storage.models import QuizResult, SelfAssessment, User
from tests.support.servers import Stack, texts

pytestmark = pytest.mark.integration


def test_concept_question_mid_prompt__is_answered_then_the_prompt_is_asked_again(
    stack: Stack,
) -> None:
    who = "concept-mid-prompt"
    stack.say(who, '/choose_module{"takeaway": "early_experiences"}')
    stack.say(who, "skip")
    reply = texts(stack.say(who, '/ask_concept{"concept": "secure_base"}'))
    assert "Secure base" in reply or "secure base" in reply.lower()
    assert "Prompt 1 of 3" in reply


def test_quiz__eight_answers_store_a_score(stack: Stack) -> None:
    who = "quiz-person"
    replies = stack.say(who, "/start_quiz")
    assert "Question 1 of 8" in texts(replies)
    for number in range(2, 10):
        # answer with the first button, as a person tapping would
        payload = next(r["buttons"][0]["payload"] for r in replies if r.get("buttons"))
        replies = stack.say(who, payload)
        if number <= 8:
            assert f"Question {number} of 8" in texts(replies)
    assert "Thanks for taking the quiz" in texts(replies)
    with session_scope(stack.settings.database_url) as session:
        user = session.execute(select(User).where(User.sender_id == who)).scalar_one()
        result = session.execute(
            select(QuizResult).where(QuizResult.user_id == user.id)
        ).scalar_one()
        assert result.total == 8 and 0 <= result.score <= 8


def test_self_assessment__twice_then_how_have_i_changed(stack: Stack) -> None:
    who = "assessment-person"
    for rating in ("agree", "2"):
        reply = texts(stack.say(who, "/start_self_assessment"))
        assert "Statement 1 of" in reply
        total = int(reply.split("Statement 1 of ")[1].split(".")[0])
        for _ in range(total):
            reply = texts(stack.say(who, rating))
        assert "Your answers place you here" in reply and "diagnos" in reply
    change = texts(stack.say(who, "/ask_change_over_time"))
    assert change and "once you have taken it" not in change
    with session_scope(stack.settings.database_url) as session:
        user = session.execute(select(User).where(User.sender_id == who)).scalar_one()
        rows = (
            session.execute(select(SelfAssessment).where(SelfAssessment.user_id == user.id))
            .scalars()
            .all()
        )
        assert len(rows) == 2 and all(len(r.answers) == total for r in rows)
