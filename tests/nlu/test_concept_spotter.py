"""A question about an idea at the end of a share becomes a concept question."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.concept_spotter import SPOTTER_KEY, ConceptQuestionSpotter
from bot.services.concepts import concept_question


def _message(text: str, intent: str) -> Message:
    return Message(
        data={TEXT: text, INTENT: {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 0.8}}
    )


def _spot(text: str, intent: str = "share") -> Message:
    spotter = ConceptQuestionSpotter(ConceptQuestionSpotter.get_default_config())
    return spotter.process([_message(text, intent)])[0]


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("when she doesnt reply I send like 8 messages. is that the anxious one?", "preoccupied"),
        ("my dad never noticed when I was upset. is that what you mean by attunement?",
         "attunement"),
        ("ive been like this since forever tbh... can it even change?", "plasticity"),
        ("I want closeness but then I panic and run. which style is that", "fearful_avoidant"),
        ("my mum was raised the way she raised me. does this stuff get handed down?",
         "intergenerational_transmission"),
        ("wait isnt it true that if youre avoidant you just dont have feelings?", "myths"),
    ],
)
def test_share_with_a_question_about_an_idea__is_ask_concept(text: str, concept: str) -> None:
    message = _spot(text)
    assert message.get(INTENT)[INTENT_NAME_KEY] == "ask_concept"
    assert message.get(SPOTTER_KEY)["concept"] == concept


@pytest.mark.parametrize(
    "text",
    [
        "I felt so small when my mum shouted, and I still go quiet when people raise their voice",
        "why do I always do this?",
        "I don't know what to say. Is that okay",
        "/affirm",
    ],
)
def test_answers_and_questions_about_nothing_we_know__stay_as_they_are(text: str) -> None:
    assert _spot(text).get(INTENT)[INTENT_NAME_KEY] == "share"


def test_commands_and_safety_intents__are_never_relabelled() -> None:
    text = "is that the anxious one?"
    for intent in ("crisis", "get_help_now", "pause", "safety_check"):
        assert _spot(text, intent).get(INTENT)[INTENT_NAME_KEY] == intent


def test_only_the_question_sentence_is_read() -> None:
    found = concept_question("my mum left when I was six. whats a secure base?")
    assert found == ("whats a secure base?", "secure_base")


def test_a_question_read_as_the_self_assessment__is_a_concept_question_unless_about_me() -> None:
    asked = _spot("what do people get wrong about attachment", "start_self_assessment")
    assert asked.get(SPOTTER_KEY)["concept"] == "myths"
    own = _spot("what is my attachment style?", "start_self_assessment")
    assert own.get(INTENT)[INTENT_NAME_KEY] == "start_self_assessment"
