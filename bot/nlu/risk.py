"""Safety first, inside NLU: every message is checked for risk before dialogue.

Runs last in the pipeline so it sees the final intent. A ``crisis`` message
always becomes the ``crisis`` intent, whatever else NLU thought, so no form,
rule or story can treat it as an answer. A risk cue without a clear crisis
(the detector's ``ask``, or DIET's own ``crisis`` guess without rule evidence)
becomes ``safety_check``: the bot asks directly (``bot.dialogue.safety``).
``concern`` (distress without risk) becomes ``distress`` unless the person
also asked for something specific ("I'm exhausted, let's stop here" still
pauses). A message clearly not in English becomes ``not_english``: the bot
says it reads English only and shows where to find help. The assessment
travels with the message as ``securebase_risk`` so actions can record its
evidence and the safety policy can see risk building over several messages.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.ids import RISK_KEY
from bot.nlu.input_checks import FULL_TEXT_KEY
from bot.safety import assess_risk
from bot.safety.language import guess_language

CRISIS_INTENT = "crisis"
DISTRESS_INTENT = "distress"
ASK_INTENT = "safety_check"
NOT_ENGLISH_INTENT = "not_english"
LANGUAGE_KEY = "securebase_language"
# Button payloads and requests that keep their meaning whatever the risk cue.
KEEP = frozenset({"get_help_now", "safety_ok"})
NLU_EVIDENCE = {"category": "nlu", "rule": "diet_crisis_intent", "start": 0, "end": 0}
# Intents that are a request of their own and win over a concern-level signal.
REQUESTS = frozenset(
    {
        "pause",
        "goodbye",
        "skip",
        "help",
        "get_help_now",
        "resume",
        "ask_progress",
        "export_data",
        "delete_data",
        "ask_data",
        "choose_module",
        "start_reflection",
        "link_therapist",
        "stop_sharing",
    }
)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RiskClassifier(GraphComponent):
    """Rules decide crisis; DIET's own ``crisis`` intent is a second net that asks, gently."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RiskClassifier:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(FULL_TEXT_KEY) or message.get(TEXT) or ""
            assessment = assess_risk(text if isinstance(text, str) else "")
            message.set(RISK_KEY, assessment.to_dict(), add_to_output=True)
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            language = guess_language(text) if isinstance(text, str) else None
            if language is not None and not language.readable:
                message.set(LANGUAGE_KEY, language.to_dict(), add_to_output=True)
            if assessment.level == "crisis":
                new_intent: str | None = CRISIS_INTENT
            elif intent in KEEP:
                new_intent = None
            elif assessment.ask:
                new_intent = ASK_INTENT
            elif intent == CRISIS_INTENT:
                # DIET's guess without rule evidence: ask directly rather than alarm
                # someone who was not in crisis, and never let it pass unanswered.
                new_intent = ASK_INTENT
                risk = {**assessment.to_dict(), "level": "concern", "ask": True}
                risk["evidence"] = [*assessment.to_dict()["evidence"], NLU_EVIDENCE]  # type: ignore[misc]
                message.set(RISK_KEY, risk, add_to_output=True)
            elif language is not None and not language.readable:
                new_intent = NOT_ENGLISH_INTENT
            elif assessment.level == "concern" and intent not in REQUESTS:
                new_intent = DISTRESS_INTENT
            else:
                new_intent = None
            if new_intent is not None:
                message.set(
                    INTENT,
                    {INTENT_NAME_KEY: new_intent, PREDICTED_CONFIDENCE_KEY: 1.0},
                    add_to_output=True,
                )
        return messages
