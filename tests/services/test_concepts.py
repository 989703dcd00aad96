"""Which concept a question is about, from its words (no NLU needed)."""

from __future__ import annotations

import pytest
import yaml

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
