"""The therapist intents are learned without taking wordings from the intents before them.

Wordings below are not training examples: the model the bot runs must read the new
requests ("stop sharing", "who has seen my data") and still read the old ones as before
("stop" pauses, "what do you store about me" asks about data, "should I see a
therapist" is a concept question).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support.aio import run_sync

HELD_OUT = {
    # the new requests
    "I'd like to stop sharing now": "stop_sharing",
    "please unlink my counsellor": "stop_sharing",
    "who has been reading my stuff": "ask_audit",
    "has anyone looked at my answers": "ask_audit",
    "what is my counsellor able to read": "ask_sharing",
    "did my therapist suggest anything": "ask_assignments",
    "I want to change what my psychologist sees": "change_sharing",
    "just summaries": "choose_scope",
    "I've got a code from my counsellor": "link_therapist",
    # the old requests keep their meaning
    "stop": "pause",
    "can we stop?": "pause",
    "what do you store about me": "ask_data",
    "who can see what I write": "ask_data",
    "do you share my data with anyone": "ask_data",
    "delete my data": "delete_data",
    "export my data": "export_data",
    "not now": "deny",
    "hi": "greet",
    "should I see a therapist": "ask_concept",
    "how can a therapist help": "ask_concept",
    "what is therapy?": "ask_concept",
}


@pytest.fixture(scope="module")
def parse(trained_model: Path) -> Any:
    from rasa.core.agent import Agent

    agent = Agent.load(str(trained_model))
    return lambda text: run_sync(agent.parse_message(text))


def test_therapist_and_existing_requests__are_each_read_as_their_own_intent(parse: Any) -> None:
    read = {text: parse(text)["intent"]["name"] for text in HELD_OUT}
    assert {t: i for t, i in read.items() if i != HELD_OUT[t]} == {}


def test_a_code_in_a_message__reaches_the_bot_as_link_therapist_with_the_code(parse: Any) -> None:
    parsed = parse("Hi! My therapist gave me this: k7px-3m9q")
    assert parsed["intent"]["name"] == "link_therapist"
    assert {e["entity"]: e["value"] for e in parsed["entities"]}["code"] == "K7PX3M9Q"
