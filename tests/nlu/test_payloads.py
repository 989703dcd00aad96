"""Button payloads built by bot.ids reach Rasa as the intent and entities they name."""

from __future__ import annotations

import pytest
from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.ids import concept_payload, intent_payload


def _parse(payload: str) -> tuple[str, dict[str, str]]:
    message = RegexMessageHandler().process([Message(data={TEXT: payload})])[0]
    entities = {e["entity"]: e["value"] for e in message.get("entities") or []}
    return message.get("intent")["name"], entities


def test_concept_payload__is_read_by_rasa_as_ask_concept_with_the_concept() -> None:
    assert _parse(concept_payload("secure_base")) == ("ask_concept", {"concept": "secure_base"})


@pytest.mark.parametrize("value", ['say "hi"', "back\\slash", "{braces}", "café"])
def test_intent_payload__survives_quotes_and_odd_characters(value: str) -> None:
    assert _parse(intent_payload("choose_module", {"takeaway": value})) == (
        "choose_module",
        {"takeaway": value},
    )


def test_intent_payload__without_entities_is_the_bare_intent() -> None:
    assert _parse(intent_payload("ask_concept_more")) == ("ask_concept_more", {})
