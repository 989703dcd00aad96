"""Five held-out phrasings per concept, asked over REST, answered with the right concept."""

from __future__ import annotations

import pytest
import yaml

from bot.content.knowledge import load_knowledge
from bot.settings import PROJECT_ROOT
from tests.support.servers import Stack, texts

pytestmark = pytest.mark.integration

DATA = PROJECT_ROOT / "tests" / "data"
PHRASINGS = yaml.safe_load((DATA / "concept_phrasings.yml").read_text(encoding="utf-8"))
SECOND = yaml.safe_load((DATA / "concept_phrasings_second.yml").read_text(encoding="utf-8"))
ALL = {concept: PHRASINGS[concept] + SECOND.get(concept, []) for concept in PHRASINGS}
REQUIRED_ACCURACY = 0.95


def test_phrasings__cover_every_concept_five_times() -> None:
    assert set(PHRASINGS) == set(load_knowledge().concepts)
    assert all(len(questions) >= 5 for questions in PHRASINGS.values())


def test_each_phrasing__is_answered_with_the_right_concept(stack: Stack) -> None:
    concepts = load_knowledge().concepts
    misses = []
    total = 0
    for concept_id, questions in ALL.items():
        for number, question in enumerate(questions):
            total += 1
            reply = texts(stack.say(f"phrasing-{concept_id}-{number}", question))
            if f"**{concepts[concept_id].title}.**" not in reply:
                misses.append((concept_id, question, reply[:80]))
    accuracy = 1 - len(misses) / total
    assert accuracy >= REQUIRED_ACCURACY, f"{accuracy:.1%} right; misses: {misses}"
