"""Input hygiene and command sanity checks that run inside the NLU pipeline.

``InputCleaner`` makes odd input safe for tokenising: it removes zero-width and
bidirectional control characters, applies NFKC, and caps how much of a huge
message NLU reads (the full text still reaches the dialogue and storage).

``LongMessageFilter`` stops a long, personal message from being read as a short
command: "stop", "skip" or "help" are a few words, a reflection is not.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

FULL_TEXT_KEY = "securebase_full_text"
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Normalise text so tokenisers and pattern rules see ordinary characters."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    return text.strip()


def cap_for_nlu(text: str, max_chars: int) -> str:
    """Keep the start of a long message, cut at a word boundary."""
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    space = cut.rfind(" ")
    return cut[:space] if space > max_chars // 2 else cut


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class InputCleaner(GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"max_chars": 1500}

    def __init__(self, config: dict[str, Any]) -> None:
        self._max_chars = int(config.get("max_chars", 1500))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InputCleaner:
        return cls(config)

    def _guard(self, message: Message) -> None:
        raw = message.get(TEXT)
        if not isinstance(raw, str):
            return
        cleaned = clean_text(raw)
        message.set(FULL_TEXT_KEY, cleaned)
        message.set(TEXT, cap_for_nlu(cleaned, self._max_chars))

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            self._guard(example)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._guard(message)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class LongMessageFilter(GraphComponent):
    """Re-labels long messages classified as commands, and long statements read as questions."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "max_command_words": 9,
            "command_intents": [
                "pause",
                "skip",
                "help",
                "greet",
                "goodbye",
                "affirm",
                "deny",
                "thank",
                "resume",
                "ask_progress",
                "start_reflection",
                "dont_know",
                "bot_challenge",
                "ask_data",
                "export_data",
                "delete_data",
            ],
            # A concept question is a question: long statements without "?" are answers.
            "question_intents": ["ask_concept", "ask_concept_more"],
            "max_statement_words": 12,
            "fallback_intent": "share",
        }

    def __init__(self, config: dict[str, Any]) -> None:
        self._max_words = int(config["max_command_words"])
        self._commands = frozenset(config["command_intents"])
        self._questions = frozenset(config["question_intents"])
        self._max_statement_words = int(config["max_statement_words"])
        self._fallback = str(config["fallback_intent"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LongMessageFilter:
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            name = intent.get(INTENT_NAME_KEY)
            text = message.get(FULL_TEXT_KEY) or message.get(TEXT) or ""
            words = len(text.split())
            long_command = name in self._commands and words > self._max_words
            statement = (
                name in self._questions and words > self._max_statement_words and "?" not in text
            )
            if long_command or statement:
                message.set(
                    INTENT,
                    {
                        INTENT_NAME_KEY: self._fallback,
                        PREDICTED_CONFIDENCE_KEY: intent.get(PREDICTED_CONFIDENCE_KEY, 1.0),
                    },
                    add_to_output=True,
                )
        return messages
