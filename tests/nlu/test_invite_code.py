"""The invite-code component: a code makes a link request, and crisis still wins."""

from __future__ import annotations

from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.invite_code import InviteCodeDetector
from bot.nlu.risk import RiskClassifier


def _parse(text: str, intent: str = "share") -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 0.6})
    message.set(ENTITIES, [{"entity": "concept", "value": "secure_base"}])
    (detected,) = InviteCodeDetector().process([message])
    (out,) = RiskClassifier().process([detected])
    return out


def _entities(message: Message) -> dict[str, str]:
    return {e["entity"]: e["value"] for e in message.get(ENTITIES) or []}


def test_a_code_in_a_sentence__becomes_link_therapist_with_the_canonical_code() -> None:
    message = _parse("I have a code from my therapist: k7px-3m9q", intent="nlu_fallback")
    assert message.get(INTENT)["name"] == "link_therapist"
    assert _entities(message)["code"] == "K7PX3M9Q"


def test_the_code_sent_alone__is_a_link_request_too() -> None:
    assert _parse("K7PX 3M9Q").get(INTENT)["name"] == "link_therapist"


def test_a_message_without_a_code__is_left_alone() -> None:
    message = _parse("I have a code from my therapist", intent="link_therapist")
    assert message.get(INTENT)["name"] == "link_therapist" and "code" not in _entities(message)
    assert _parse("what were you saying", intent="share").get(INTENT)["name"] == "share"


def test_a_crisis_with_a_code__is_still_a_crisis() -> None:
    message = _parse("here's my code K7PX-3M9Q but honestly I want to kill myself")
    assert message.get(INTENT)["name"] == "crisis"


def test_distress_with_a_code__still_links() -> None:
    message = _parse("I feel hopeless and can't cope, my code is K7PX-3M9Q")
    assert message.get(INTENT)["name"] == "link_therapist"
