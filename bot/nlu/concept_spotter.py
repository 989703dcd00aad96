"""A question about an idea at the end of a share is a concept question (issue 12).

"When she doesn't reply I send like 8 messages. Is that the anxious one?" reads
as a share to DIET (most of it is one), so inside a module it was stored as an
answer and the question went unanswered. ``ConceptQuestionSpotter`` finds a
question sentence that names an idea we know, or points at one ("is that what
you mean by attunement?", "can it even change?"), with
``bot.services.concepts.concept_question``, and makes the message
``ask_concept``: the bot answers, then asks the same prompt again.

It only relabels messages DIET read as a share, out of scope, a guess or (when
the person does not ask about their own style or for a test) the
self-assessment (``from_intents``), never a command or a safety intent, and it runs before
``RiskClassifier``, so the safety check still has the last word. What it did is
recorded under ``SPOTTER_KEY``.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.services.concepts import concept_question

SPOTTER_KEY = "securebase_concept_question"
# Asking about one's own style, or for a test, is the self-assessment, not a concept question.
OWN_STYLE = re.compile(
    r"\b(my|am i|i am|im|i'm)\b.*\b(style|type|attach\w*)\b|"
    r"\b(test|quiz|assess\w*|questionnaire|find out|figure out)\b",
    re.IGNORECASE,
)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ConceptQuestionSpotter(GraphComponent):
    """Relabels a share that asks about an idea as ``ask_concept`` (see module)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "intent": "ask_concept",
            "from_intents": [
                "share", "out_of_scope", "nlu_fallback", "dont_know", "start_self_assessment",
            ],
            "confidence": 0.9,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        self._intent = str(config["intent"])
        self._from = frozenset(config["from_intents"])
        self._confidence = float(config["confidence"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ConceptQuestionSpotter:
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            text = message.get(TEXT) or ""
            if intent.get(INTENT_NAME_KEY) not in self._from or text.startswith("/"):
                continue
            if intent.get(INTENT_NAME_KEY) == "start_self_assessment" and OWN_STYLE.search(text):
                continue  # "what's my attachment style?" is the self-assessment
            found = concept_question(text)
            if found is None:
                continue
            new_intent = {INTENT_NAME_KEY: self._intent, PREDICTED_CONFIDENCE_KEY: self._confidence}
            ranking = [
                e for e in message.get(INTENT_RANKING_KEY) or []
                if e.get(INTENT_NAME_KEY) != self._intent
            ]
            message.set(INTENT, new_intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [new_intent, *ranking], add_to_output=True)
            message.set(
                SPOTTER_KEY,
                {"from": intent.get(INTENT_NAME_KEY), "concept": found[1]},
                add_to_output=True,
            )
        return messages
