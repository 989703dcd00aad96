"""Exports and deletions need the answer to the question just asked, on the person's channel."""

from __future__ import annotations

from typing import Any

from bot.services.data_requests import answers_question_just_asked, from_own_channel
from bot.services.unit_of_work import unit_of_work
from bot.storage import repositories as repo

ASK = "action_ask_delete_confirmation"


def asked_then(*later: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "delete my data"},
        {"event": "action", "name": ASK},
        {"event": "bot", "text": "Delete everything?"},
        {"event": "slot", "name": "pending_offer", "value": "delete"},
        {"event": "action", "name": "action_listen"},
        *later,
    ]


YES = {"event": "user", "text": "/affirm"}


def test_answers_question_just_asked__yes_straight_after_the_question_counts() -> None:
    assert answers_question_just_asked(asked_then(YES), ASK)
    assert answers_question_just_asked(
        asked_then(YES, {"event": "user_featurization", "use_text_for_featurization": False}), ASK
    )


def test_answers_question_just_asked__yes_after_another_message_counts_for_nothing() -> None:
    events = asked_then(
        {"event": "user", "text": "what is an IWM"},
        {"event": "action", "name": "action_explain_concept"},
        {"event": "bot", "text": "..."},
        {"event": "action", "name": "action_listen"},
        YES,
    )
    assert not answers_question_just_asked(events, ASK)


def test_answers_question_just_asked__yes_after_a_fallback_counts_for_nothing() -> None:
    events = asked_then(
        {"event": "user", "text": "hmm"},
        {"event": "action", "name": "action_default_fallback"},
        {"event": "user_utterance_reverted"},
        {"event": "action", "name": "action_listen"},
        YES,
    )
    assert not answers_question_just_asked(events, ASK)


def test_answers_question_just_asked__another_question_or_none_counts_for_nothing() -> None:
    assert not answers_question_just_asked(asked_then(YES), "action_ask_export_confirmation")
    assert not answers_question_just_asked([YES], ASK)
    assert not answers_question_just_asked([], ASK)


def test_from_own_channel__only_the_channel_that_created_the_person(app_db: str) -> None:
    with unit_of_work() as session:
        repo.get_or_create_user(session=session, sender_id="w-1", channel="socketio")
    assert from_own_channel(sender_id="w-1", channel="socketio")
    assert not from_own_channel(sender_id="w-1", channel="rest")
    assert from_own_channel(sender_id="nobody-yet", channel="rest")


def test_from_own_channel__a_conversation_held_on_another_channel_is_refused(app_db: str) -> None:
    events = [
        {"event": "user", "text": "hi", "input_channel": "socketio"},
        {"event": "user", "text": "export my data", "input_channel": "rest"},
    ]
    assert not from_own_channel(sender_id="no-rows-yet", channel="rest", events=events)
    assert from_own_channel(sender_id="no-rows-yet", channel="socketio", events=events[:1])
