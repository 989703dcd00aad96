"""Structural checks on data/nlu: enough varied examples, clean boundaries, real ids.

Cross-validation (see README) measures how well DIET separates the intents; these
tests catch the mistakes that make it fail quietly: an intent with too few
examples, the same sentence taught as two intents, a synonym pointing at an id
the concept action cannot explain.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.content.knowledge import load_knowledge
from bot.ids import TAKEAWAY_IDS, UNTRAINED_INTENTS

ROOT = Path(__file__).resolve().parents[2]
NLU_DIR = ROOT / "data" / "nlu"

# Every intent needs enough wordings for DIET to generalise; the open-ended ones more.
MIN_EXAMPLES = 15
MIN_EXAMPLES_OPEN_ENDED = {"out_of_scope": 40, "share": 60, "ask_concept": 200}
# Ten or more wordings per concept ("what is", "explain", "X?", typos, ...).
MIN_ASK_CONCEPT_PER_ID = 10


@lru_cache(maxsize=1)
def _data() -> TrainingData:
    return load_data(str(NLU_DIR))


def _domain_intents() -> list[str]:
    """The intents NLU is taught; those set only by the risk check or a button are not."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    names = [i if isinstance(i, str) else next(iter(i)) for i in domain["intents"]]
    return [name for name in names if name not in UNTRAINED_INTENTS]


def test_untrained_intents__are_in_the_domain_and_never_taught() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert set(UNTRAINED_INTENTS) <= set(domain["intents"])
    assert not set(UNTRAINED_INTENTS) & set(_data().intents)


def _concept_ids() -> set[str]:
    return set(load_knowledge().concepts)


def _key(text: str) -> str:
    """Case, spacing and end punctuation do not make a different example."""
    return " ".join(text.lower().split()).strip(" .,!?")


def _examples_of(intent: str) -> list:
    return [m for m in _data().intent_examples if m.get("intent") == intent]


def _entities_values(message: object) -> list[str]:
    return [str(e["value"]) for e in _entities(message, "concept")]


def _entities(message: object, entity: str) -> list[dict]:
    return [e for e in (message.get("entities") or []) if e["entity"] == entity]  # type: ignore[attr-defined]


def test_nlu_data__teaches_exactly_the_domain_intents() -> None:
    assert set(_data().intents) == set(_domain_intents())


@pytest.mark.parametrize("intent", _domain_intents())
def test_intent__has_enough_examples(intent: str) -> None:
    minimum = MIN_EXAMPLES_OPEN_ENDED.get(intent, MIN_EXAMPLES)
    assert len(_examples_of(intent)) >= minimum


def test_no_example__is_taught_as_two_intents() -> None:
    intents_by_text: dict[str, set[str]] = defaultdict(set)
    for message in _data().intent_examples:
        intents_by_text[_key(message.get("text"))].add(message.get("intent"))
    clashes = {text: sorted(i) for text, i in intents_by_text.items() if len(i) > 1}
    assert clashes == {}


def test_no_example__is_repeated_within_an_intent() -> None:
    counts = Counter((m.get("intent"), _key(m.get("text"))) for m in _data().intent_examples)
    assert [pair for pair, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("concept_id", sorted(load_knowledge().concepts))
def test_every_concept__is_asked_about_in_many_wordings(concept_id: str) -> None:
    asked = [
        m
        for m in _examples_of("ask_concept")
        if any(e.get("value") == concept_id for e in _entities(m, "concept"))
    ]
    assert len(asked) >= MIN_ASK_CONCEPT_PER_ID


def test_concept_annotations__name_real_concept_ids() -> None:
    values = {e.get("value") for m in _data().training_examples for e in _entities(m, "concept")}
    assert values - _concept_ids() == set()


def test_takeaway_annotations__name_real_module_ids() -> None:
    values = {e.get("value") for m in _data().training_examples for e in _entities(m, "takeaway")}
    assert values - set(TAKEAWAY_IDS) == set()


def test_every_synonym__maps_to_a_real_id() -> None:
    targets = set(_data().entity_synonyms.values())
    assert targets - (_concept_ids() | set(TAKEAWAY_IDS)) == set()


def test_no_annotated_text__maps_to_two_values() -> None:
    values_by_text: dict[str, set[str]] = defaultdict(set)
    for message in _data().training_examples:
        text = message.get("text")
        for entity in message.get("entities") or []:
            span = text[entity["start"] : entity["end"]].lower()
            values_by_text[span].add(entity["value"])
    assert {span: v for span, v in values_by_text.items() if len(v) > 1} == {}


def test_every_comparison__names_two_concepts_and_is_answered_as_one() -> None:
    from bot.services.concepts import comparison

    asked = [m for m in _examples_of("ask_concept") if len(_entities(m, "concept")) >= 2]
    compared = [m for m in asked if comparison(_entities_values(m), m.get("text")) is not None]
    assert len(compared) >= 40
    assert [m.get("text") for m in compared if len(set(_entities_values(m))) < 2] == []


def test_concept_entities__only_appear_in_concept_intents() -> None:
    allowed = {"ask_concept"}
    stray = [
        (m.get("intent"), m.get("text"))
        for m in _data().intent_examples
        if _entities(m, "concept") and m.get("intent") not in allowed
    ]
    assert stray == []


def test_crisis_idioms__are_also_taught_outside_crisis() -> None:
    """DIET is a second opinion on risk: idioms like "killing me" must not mean crisis."""
    idioms = ("killing me", "die of", "died laughing", "my fate")
    elsewhere = [
        m.get("text")
        for m in _data().intent_examples
        if m.get("intent") != "crisis" and any(i in m.get("text").lower() for i in idioms)
    ]
    assert len(elsewhere) >= len(idioms)
