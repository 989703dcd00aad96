"""The trained NLU reads held-out concept questions as concept questions.

Rasa's cross-validation (``make eval-nlu``) measures ask_concept on the training
data's own wordings; this checks wordings that never were training data
(``tests/data/concept_phrasings*.yml``, five or more per concept) against the
model the bot really runs, so a data change that teaches "what is ..." away
from concepts fails here in seconds. Which concept is answered is checked end
to end over REST in tests/integration/test_concept_phrasings_rest.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.settings import PROJECT_ROOT
from tests.support.aio import run_sync

DATA = PROJECT_ROOT / "tests" / "data"
FILES = ("concept_phrasings.yml", "concept_phrasings_second.yml")
REQUIRED_ACCURACY = 0.95
# General questions that look like concept questions ("what is ...") but are not.
NOT_CONCEPTS = (
    "what's 12 times 4",
    "what is the capital of peru",
    "what is a volcano",
    "who wrote war and peace",
    "how tall is the eiffel tower",
)


def _questions() -> list[str]:
    questions: list[str] = []
    for name in FILES:
        for wordings in yaml.safe_load((DATA / name).read_text(encoding="utf-8")).values():
            questions += wordings
    return questions


@pytest.fixture(scope="module")
def parse(trained_model: Path) -> Any:
    from rasa.core.agent import Agent

    agent = Agent.load(str(trained_model))
    return lambda text: run_sync(agent.parse_message(text))


def test_held_out_concept_questions__are_read_as_ask_concept(parse: Any) -> None:
    questions = _questions()
    misses = [
        (text, intent)
        for text in questions
        if (intent := parse(text)["intent"]["name"]) != "ask_concept"
    ]
    accuracy = 1 - len(misses) / len(questions)
    assert len(questions) >= 100
    assert accuracy >= REQUIRED_ACCURACY, f"{accuracy:.1%} read as ask_concept; misses: {misses}"


@pytest.mark.parametrize("text", NOT_CONCEPTS)
def test_general_questions__are_not_concept_questions(parse: Any, text: str) -> None:
    assert parse(text)["intent"]["name"] != "ask_concept"
