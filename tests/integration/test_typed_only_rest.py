"""Issue 12: people who type and never tap, over the real REST webhook.

Each of the five modules runs from "hi" to the closing mood with typed words
only (no button payload anywhere): a share before choosing, positions on the
list just shown ("2", "the last one", "the second one"), a concept question in
the middle of a prompt, "use what I wrote", and a goodbye in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from bot.content import load_catalog
from bot.storage.db import session_scope
from bot.storage.models import Answer, ReflectionSession, User
from tests.support.servers import Stack, texts

pytestmark = pytest.mark.integration

MOOD_BEFORE = "Before we begin, how are you feeling"
MOOD_AFTER = "Before you go, how are you feeling now"
FINISHED = "Thank you for reflecting today"
GOODBYE = "Take care of yourself"
OUT_OF_SCOPE = "outside what I can help with"
# Answers with a moment, a feeling, a link to the past and a next step: deep enough that
# a module needs few follow-ups, and nothing in them a safety check should ask about.
ANSWERS = (
    "When I was about eight my mum was often busy with work, and I felt lonely and a bit "
    "ashamed for wanting her attention. I learned to keep quiet about what I needed.",
    "I notice the same thing with friends now: when they are busy I assume I am a bother, "
    "so I go quiet before anyone can say no. It reminds me of being a kid at home.",
    "My friend probably sees it differently; she may think I am just independent. Next "
    "week I want to tell her once, plainly, that I would like to meet up.",
)


@dataclass
class Person:
    stack: Stack
    who: str

    def say(self, message: str) -> tuple[str, list[dict[str, str]]]:
        assert not message.startswith("/"), "typed words only"
        replies = self.stack.say(self.who, message)
        buttons = [b for r in replies for b in (r.get("buttons") or [])]
        return texts(replies), buttons


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


def module_status(stack: Stack, who: str, takeaway: str) -> str:
    with session_scope(stack.settings.database_url) as session:
        query = (
            select(ReflectionSession.status)
            .join(User)
            .where(User.sender_id == who, ReflectionSession.takeaway == takeaway)
        )
        return str(session.execute(query).scalar_one())


def title(takeaway: str) -> str:
    return load_catalog().takeaway(takeaway).title


def hello(person: Person) -> None:
    reply, buttons = person.say("hi")
    assert "SecureBase" in reply and len(buttons) == 5


def check_in(person: Person, takeaway: str, reply: str) -> str:
    """The module started: the mood question came; "3" brings its first prompt."""
    assert MOOD_BEFORE in reply
    after, _ = person.say("3")
    assert title(takeaway) in after and "Prompt 1 of 3" in after
    return after


def answer_to_the_end(person: Person, first: int = 0) -> str:
    """Answer every prompt and follow-up in words until the closing mood question."""
    for turn in range(8):
        reply, _ = person.say(ANSWERS[(first + turn) % len(ANSWERS)])
        assert OUT_OF_SCOPE not in reply and "ending your life" not in reply
        if MOOD_AFTER in reply:
            return reply
    raise AssertionError("the module never reached the closing mood question")


def close_and_leave(person: Person, takeaway: str) -> None:
    reply, _ = person.say("4")
    assert FINISHED in reply
    assert module_status(person.stack, person.who, takeaway) == "completed"
    reply, _ = person.say("ok that's me done for today, bye")
    assert GOODBYE in reply


def test_early_experiences__a_share_before_choosing_becomes_the_first_answer(
    stack: Stack,
) -> None:
    person = Person(stack, "typed-early")
    hello(person)
    share = "my dad was never really around when I was small and I think about that a lot"
    reply, _ = person.say(share)
    assert "never really around" in reply  # their own words, reflected back
    assert "use what I wrote" in reply
    check_in(person, "early_experiences", reply)
    person.say("use what I wrote")
    assert stored_answers(stack, person.who) == [share]
    answer_to_the_end(person)
    close_and_leave(person, "early_experiences")


def test_relationship_patterns__a_number_after_the_menu_and_a_concept_question_mid_prompt(
    stack: Stack,
) -> None:
    person = Person(stack, "typed-patterns")
    hello(person)
    reply, _ = person.say("2")
    check_in(person, "relationship_patterns", reply)
    reply, _ = person.say(
        "when she doesnt reply I assume she's done with me and send like 8 messages. "
        "is that the anxious one?"
    )
    assert "Preoccupied" in reply  # the idea, explained ...
    assert "Prompt 1 of 3" in reply  # ... then the same prompt again
    assert stored_answers(stack, person.who) == []
    answer_to_the_end(person)
    close_and_leave(person, "relationship_patterns")


def test_constructive_exposure__everyday_words_choose_the_module(stack: Stack) -> None:
    person = Person(stack, "typed-exposure")
    hello(person)
    reply, _ = person.say("I'd like to practise letting people in, in small steps")
    check_in(person, "constructive_exposure", reply)
    answer_to_the_end(person, first=1)
    close_and_leave(person, "constructive_exposure")


def test_emotional_literacy__a_share_meaning_two_modules_then_the_second_one(
    stack: Stack,
) -> None:
    person = Person(stack, "typed-feelings")
    hello(person)
    reply, buttons = person.say(
        "I never learned to cry growing up and now I don't even know what I feel"
    )
    assert [b["title"] for b in buttons] == [
        title("early_experiences"),
        title("emotional_literacy"),
    ]
    assert MOOD_BEFORE not in reply  # nothing started: the person chooses
    reply, _ = person.say("the second one")
    check_in(person, "emotional_literacy", reply)
    person.say("use what I wrote")
    assert stored_answers(stack, person.who)[0].startswith("I never learned to cry")
    answer_to_the_end(person, first=2)
    close_and_leave(person, "emotional_literacy")


def test_seek_support__the_last_one_and_a_question_about_an_idea_first(stack: Stack) -> None:
    person = Person(stack, "typed-support")
    hello(person)
    reply, _ = person.say("so what's this IWM thing")
    assert "Internal working model" in reply or "internal working model" in reply
    reply, buttons = person.say("ok, which modules are there?")
    if len(buttons) != 5:  # the menu again, however it was asked for
        reply, buttons = person.say("I'd like to start a reflection")
    assert len(buttons) == 5
    reply, _ = person.say("the last one")
    check_in(person, "seek_support", reply)
    answer_to_the_end(person)
    close_and_leave(person, "seek_support")


def test_feelings_outside_a_module__are_never_out_of_scope(stack: Stack) -> None:
    person = Person(stack, "typed-feelings-outside")
    hello(person)
    reply, buttons = person.say("I felt so embarrassed at work today")
    assert OUT_OF_SCOPE not in reply
    # reflected in their words, with the modules that fit as the way forward
    assert "embarrassed" in reply and len(buttons) == 2
