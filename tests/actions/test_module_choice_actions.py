"""action_choose_module and "use what I wrote", against a real app database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from actions.module_choice import ActionChooseModule
from actions.reflection import ValidateReflectionForm
from bot.storage.db import session_scope
from bot.storage.models import Answer, ReflectionSession
from tests.support.actions import run, slots_of
from tests.support.trackers import make_tracker

SHARE = "my dad was never really around when I was small and I think about that a lot"


def choose(domain: dict[str, Any], text: str, intent: str = "share") -> tuple[dict, list]:
    events, messages = run(ActionChooseModule(), make_tracker(text=text, intent=intent), domain)
    return slots_of(events), messages


def test_a_share_naming_a_module__starts_it_and_keeps_the_share(
    app_db: str, domain_dict: dict
) -> None:
    slots, messages = choose(domain_dict, SHARE)
    assert slots["reflection_ready"] is True and slots["takeaway"] == "early_experiences"
    assert slots["carried_answer"] == SHARE
    responses = [m["response"] for m in messages]
    assert responses[0] == "utter_choice_echo_theme" and "utter_choice_carried" in responses
    assert messages[0]["theme"] == "never really around"


def test_use_what_i_wrote__makes_the_share_the_first_answer(
    app_db: str, domain_dict: dict
) -> None:
    slots, _ = choose(domain_dict, SHARE)
    tracker = make_tracker(
        text="use what I wrote",
        intent="affirm",
        slots={
            "reflection_id": slots["reflection_id"],
            "requested_slot": "reflection_answer",
            "carried_answer": SHARE,
        },
        extracted={"reflection_answer": "use what I wrote"},
        active_loop="reflection_form",
    )
    events, _ = run(ValidateReflectionForm(), tracker, domain_dict)
    assert slots_of(events)["carried_answer"] is None
    with session_scope(app_db) as session:
        assert list(session.execute(select(Answer.text)).scalars()) == [SHARE]


def test_a_message_meaning_two_modules__offers_exactly_those_two(
    app_db: str, domain_dict: dict
) -> None:
    slots, messages = choose(domain_dict, "feel like my childhood explains how I date")
    assert slots["reflection_ready"] is False
    offer = next(m for m in messages if m.get("buttons"))
    assert [b["payload"] for b in offer["buttons"]] == [
        '/choose_module{"takeaway": "early_experiences"}',
        '/choose_module{"takeaway": "relationship_patterns"}',
    ]
    with session_scope(app_db) as session:
        assert session.execute(select(ReflectionSession)).first() is None


def test_nothing_to_go_on__says_so_and_shows_the_menu(app_db: str, domain_dict: dict) -> None:
    slots, messages = choose(domain_dict, "hmm", intent="out_of_scope")
    assert slots["reflection_ready"] is False
    assert [m["response"] for m in messages] == ["utter_unknown_module", "utter_ask_module"]


def test_the_second_one_after_an_offer__is_the_second_module_offered(
    app_db: str, domain_dict: dict
) -> None:
    offer_buttons = [
        {"title": "a", "payload": '/choose_module{"takeaway": "early_experiences"}'},
        {"title": "b", "payload": '/choose_module{"takeaway": "emotional_literacy"}'},
    ]
    tracker = make_tracker(text="the second one", intent="out_of_scope")
    # the offer turn: its buttons, then a hint without buttons, then the person's reply
    tracker.events[:0] = [
        {"event": "user", "text": "earlier"},
        {"event": "bot", "text": "offer", "data": {"buttons": offer_buttons}},
        {"event": "bot", "text": "hint", "data": {}},
    ]
    events, _ = run(ActionChooseModule(), tracker, domain_dict)
    assert slots_of(events)["takeaway"] == "emotional_literacy"
