"""Issue 16 as a new person meets it over REST: one test per row of the issue's table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from bot.content.knowledge import QuizQuestion, load_knowledge
from bot.storage.db import session_scope
from bot.storage.models import Answer, QuizResult, ReflectionSession, User
from tests.support.servers import Stack, texts

pytestmark = pytest.mark.integration

FALLBACK = "didn't quite follow"
INTRO = "Reflect on early experiences.**"


def stored_answers(stack: Stack, who: str) -> list[str]:
    with session_scope(stack.settings.database_url) as session:
        query = (
            select(Answer.text)
            .join(ReflectionSession)
            .join(User)
            .where(User.sender_id == who)
            .order_by(Answer.id)
        )
        return list(session.execute(query).scalars())


def reflection_status(stack: Stack, who: str) -> str:
    with session_scope(stack.settings.database_url) as session:
        query = select(ReflectionSession.status).join(User).where(User.sender_id == who)
        return str(session.execute(query).scalar_one())


def at_first_prompt(stack: Stack, who: str) -> str:
    stack.say(who, '/choose_module{"takeaway": "early_experiences"}')
    asked = texts(stack.say(who, "3"))
    assert "Prompt 1 of 3" in asked
    return asked


def test_thanks_to_a_prompt__is_a_nudge_back_not_an_answer(stack: Stack) -> None:
    who = "i16-thanks"
    at_first_prompt(stack, who)
    reply = texts(stack.say(who, "thanks"))
    assert '"thanks"' not in reply and "Prompt 2 of 3" not in reply
    assert "Prompt 1 of 3" in reply  # back to the same prompt
    assert stored_answers(stack, who) == []


def test_i_dont_want_to_do_this_anymore__pauses_after_the_safety_check(stack: Stack) -> None:
    who = "i16-stop"
    at_first_prompt(stack, who)
    reply = texts(stack.say(who, "I don't want to do this anymore"))
    assert "saved" in reply  # the pause, everything kept
    assert "Prompt" not in reply and '"I don' not in reply  # no quote, no next question
    assert stored_answers(stack, who) == []
    assert reflection_status(stack, who) == "paused"
    if "ending your life" in reply:  # the safety layer asked directly: "I'm okay"
        after = texts(stack.say(who, "/safety_ok"))
        assert "Prompt" not in after  # and the exercise does not start again
    # the form stopped: the next message is not taken as an answer
    stack.say(who, "I went for a walk instead")
    assert stored_answers(stack, who) == []


def test_payload_typed_inside_a_prompt__is_never_stored(stack: Stack) -> None:
    who = "i16-payload"
    at_first_prompt(stack, who)
    reply = texts(stack.say(who, "/affirm"))
    assert "/affirm" not in reply and "Prompt 2 of 3" not in reply
    assert stored_answers(stack, who) == []


def test_confirmed_deletion__says_only_done_then_starts_fresh(stack: Stack) -> None:
    who = "i16-delete"
    at_first_prompt(stack, who)
    stack.say(who, "delete my data")
    replies = [r for r in stack.say(who, "yes") if "text" in r]
    assert len(replies) == 1 and "deleted" in replies[0]["text"]
    fresh = texts(stack.say(who, "hi"))
    assert FALLBACK not in fresh and "SecureBase" in fresh


@pytest.mark.parametrize("in_module", [True, False])
def test_what_do_you_store_right_after_deleting__is_the_summary_alone(
    stack: Stack, in_module: bool
) -> None:
    who = f"i16-store-after-delete-{in_module}"
    if in_module:
        at_first_prompt(stack, who)
    else:
        stack.say(who, "hi")
    stack.say(who, "delete my data")
    confirmed = texts(stack.say(who, "yes"))
    replies = [r for r in stack.say(who, "what do you store about me") if "text" in r]
    assert FALLBACK not in confirmed + texts(replies)
    assert len(replies) == 1 and "0 module(s)" in replies[0]["text"]


def _question(reply: list[dict[str, Any]]) -> QuizQuestion:
    text = texts(reply)
    return next(q for q in load_knowledge().quiz if q.question in text)


def _quiz_with(stack: Stack, prefix: str, wanted: str) -> tuple[str, QuizQuestion]:
    """A person whose quiz asks question ``wanted``: the quiz draws by sender."""
    for attempt in range(40):
        who = f"{prefix}-{attempt}"
        asked = _question(stack.say(who, "/start_quiz"))
        drawn = [asked]
        while asked.id != wanted and len(drawn) < 8:
            asked = _question(stack.say(who, asked.answer))
            drawn.append(asked)
        if asked.id == wanted:
            return who, asked
        stack.say(who, "let's stop here")
    raise AssertionError(f"no quiz drew {wanted}")


def _finish(
    stack: Stack, who: str, first: list[dict[str, Any]], answer: Callable[..., str]
) -> None:
    reply = first
    while "Question" in texts(reply):
        reply = stack.say(who, answer(_question(reply)))


def _latest_quiz(stack: Stack, who: str) -> QuizResult:
    with session_scope(stack.settings.database_url) as session:
        query = select(QuizResult).join(User).where(User.sender_id == who)
        result = session.execute(query).scalar_one()
        session.expunge(result)
        return result


def test_no_idea_to_true_false__explained_and_counted_unanswered(stack: Stack) -> None:
    who, asked = _quiz_with(stack, "i16-no-idea", "awareness")
    reply = stack.say(who, "no idea")
    said = texts(reply)
    assert "That's fine" in said and "Not quite" not in said
    assert "outside conscious awareness" in said
    _finish(stack, who, reply, lambda q: q.answer)
    result = _latest_quiz(stack, who)
    entry = next(a for a in result.answers if a["question"] == "awareness")
    assert entry["correct"] is None
    assert result.score == sum(1 for a in result.answers if a["correct"] is True)


def test_wrong_style_choice__names_the_right_answer_and_what_the_choice_means(
    stack: Stack,
) -> None:
    who, _ = _quiz_with(stack, "i16-style", "dismissing_cell")
    said = texts(stack.say(who, "b"))
    assert "d) Dismissing-avoidant" in said  # the right answer, named
    assert "Preoccupied" in said and "negative view of the self" in said  # what b means


def test_help_inside_a_module__help_and_the_prompt_only(stack: Stack) -> None:
    who = "i16-help"
    first = at_first_prompt(stack, who)
    assert INTRO in first
    reply = texts(stack.say(who, "help"))
    assert "skip" in reply and "Prompt 1 of 3" in reply
    assert INTRO not in reply
