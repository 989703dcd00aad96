"""Keep ``ask_concept`` for questions that are about something we know.

DIET learns ``ask_concept`` from "what's ..." and "tell me about ..." wordings,
so "what's 2 plus 2", "tell me a fun fact about sharks" and even "definitely"
come out as concept questions at full confidence. A real concept question
either names something from our vocabulary (a concept, an attachment word, a
related psychology topic: the patterns ``VocabularyFeaturizer`` sets on each
token) or points back at something already mentioned ("can it change?").
``ConceptGate`` demotes the rest: to the next intent DIET believed in, if it
believed in it enough, and otherwise to ``out_of_scope``.

It runs after the classifier and before ``FallbackClassifier``, so a demoted
message still meets the confidence threshold, and it records what it did under
``GATE_KEY`` so a surprising parse can be explained.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

logger = logging.getLogger(__name__)

GATE_KEY = "securebase_concept_gate"
TOKEN_PATTERNS = "pattern"


def anaphor_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Whole words, any case; "it’s" and "it's" both count because "it" is a word."""
    alternatives = "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def flagged_patterns(message: Message, names: Iterable[str]) -> set[str] | None:
    """The configured pattern names that flag at least one token.

    ``None`` means no token carries pattern information at all (no regex
    featurizer ran, or it knew no patterns), which is not the same as no match.
    """
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    token_patterns = [token.get(TOKEN_PATTERNS) for token in tokens]
    known = [patterns for patterns in token_patterns if isinstance(patterns, dict)]
    if not known:
        return None
    return {name for name in names if any(patterns.get(name) for patterns in known)}


def _confidence(entry: dict[str, Any]) -> float:
    return float(entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ConceptGate(GraphComponent):
    """Demotes ``ask_concept`` when the message names nothing we know and refers to nothing."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "intent": "ask_concept",
            # Token patterns set by VocabularyFeaturizer: concept names and lookup tables.
            "patterns": ["concept_vocabulary", "attachment_word", "related_topic"],
            # "can it change?" asks about the concept already on the table.
            "anaphors": ["it", "its", "it's", "this", "that", "these", "those", "they", "them"],
            # Below this the runner-up is a guess too; out_of_scope is the honest answer.
            "min_alternative": 0.2,
            "fallback_intent": "out_of_scope",
        }

    def __init__(self, config: dict[str, Any]) -> None:
        self._intent = str(config["intent"])
        self._patterns = tuple(config["patterns"])
        self._anaphors = anaphor_pattern(config["anaphors"])
        self._min_alternative = float(config["min_alternative"])
        self._fallback = str(config["fallback_intent"])
        self._warned = False

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ConceptGate:
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get(INTENT_NAME_KEY) != self._intent:
                continue
            flagged = flagged_patterns(message, self._patterns)
            if flagged is None:
                self._warn_once()
            if flagged or self._anaphors.search(message.get(TEXT) or ""):
                continue
            self._demote(message, intent, has_pattern_info=flagged is not None)
        return messages

    def _warn_once(self) -> None:
        if not self._warned:
            self._warned = True
            logger.warning(
                "ConceptGate found no token patterns (is VocabularyFeaturizer before it in the "
                "pipeline?); every %s without an anaphor will be demoted.",
                self._intent,
            )

    def _demote(self, message: Message, intent: dict[str, Any], has_pattern_info: bool) -> None:
        ranking = [
            entry
            for entry in message.get(INTENT_RANKING_KEY) or []
            if entry.get(INTENT_NAME_KEY) != self._intent
        ]
        runner_up = max(ranking, key=_confidence, default=None)
        if runner_up is not None and _confidence(runner_up) >= self._min_alternative:
            new_intent = dict(runner_up)
        else:
            new_intent = {
                INTENT_NAME_KEY: self._fallback,
                PREDICTED_CONFIDENCE_KEY: intent.get(PREDICTED_CONFIDENCE_KEY, 1.0),
            }
        # The demoted intent leaves the ranking: left in second place at its old confidence,
        # it would make FallbackClassifier call every demotion ambiguous.
        rest = sorted(
            (e for e in ranking if e.get(INTENT_NAME_KEY) != new_intent[INTENT_NAME_KEY]),
            key=_confidence,
            reverse=True,
        )
        message.set(INTENT, new_intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [new_intent, *rest], add_to_output=True)
        message.set(
            GATE_KEY,
            {
                "demoted_from": self._intent,
                "confidence": intent.get(PREDICTED_CONFIDENCE_KEY),
                "to": new_intent[INTENT_NAME_KEY],
                "reason": "no vocabulary pattern and no anaphor",
                "patterns_checked": list(self._patterns),
                "had_pattern_info": has_pattern_info,
            },
            add_to_output=True,
        )
