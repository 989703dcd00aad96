"""Which concept a question is about, from its words (no NLU needed)."""

from __future__ import annotations

import pytest
import yaml

from bot.services import concepts as service
from bot.services.concepts import pick_concept
from bot.settings import PROJECT_ROOT

DATA = PROJECT_ROOT / "tests" / "data"


@pytest.mark.parametrize("name", ["concept_phrasings.yml", "concept_phrasings_second.yml"])
def test_pick_concept__held_out_phrasings_resolve_to_the_right_concept(name: str) -> None:
    phrasings = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    asked = [(concept, q) for concept, questions in phrasings.items() for q in questions]
    misses = [(c, q, pick_concept([], q)) for c, q in asked if pick_concept([], q) != c]
    assert 1 - len(misses) / len(asked) >= 0.95, misses


def test_pick_concept__a_specific_question_beats_the_umbrella_entity() -> None:
    assert pick_concept(["internal_working_model"], "how does a working model form") == "formation"


def test_pick_concept__a_named_style_beats_the_generic_attachment_style() -> None:
    assert pick_concept([], "whats a dismissive attachment style") == "dismissing_avoidant"


def test_pick_concept__falls_back_to_the_entity_when_the_words_say_nothing() -> None:
    assert pick_concept(["secure_base"], "tell me about that one") == "secure_base"


def test_pick_concept__unknown_topic_is_none() -> None:
    assert pick_concept([], "what is quantum chromodynamics") is None


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("what's the difference between secure and preoccupied", ["secure", "preoccupied"]),
        ("i mix up fearful avoidant and dismissive avoidant",
         ["fearful_avoidant", "dismissing_avoidant"]),
        ("strange situation vs adult attachment interview",
         ["strange_situation", "adult_attachment_interview"]),
        ("what sets preoccupied apart from secure", ["preoccupied", "secure"]),
        ("are anxious and fearful the same?", ["preoccupied", "fearful_avoidant"]),
        ("what's the difference between them", []),
        ("compare secure with limerence", []),
    ],
)
def test_comparison__two_named_concepts_and_a_comparison_word(text: str, pair: list[str]) -> None:
    assert service.comparison([], text) == pair


@pytest.mark.parametrize(
    "text",
    [
        "how does my IWM affect my relationship with my partner",
        "does my working model stay the same",
        "i'm confused about how my iwm affects dating",
        "what is a secure base",
    ],
)
def test_comparison__a_single_concept_question_is_not_a_comparison(text: str) -> None:
    assert service.comparison([], text) is None


@pytest.mark.parametrize("name", ["concept_phrasings.yml", "concept_phrasings_second.yml"])
def test_comparison__no_held_out_single_concept_question_is_read_as_one(name: str) -> None:
    phrasings = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    compared = [q for qs in phrasings.values() for q in qs if service.comparison([], q)]
    assert compared == []
