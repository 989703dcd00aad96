"""Safety first, inside NLU: every message is checked for risk before dialogue.

Runs last in the pipeline so it sees the final intent. A ``crisis`` message
always becomes the ``crisis`` intent, whatever else NLU thought, so no form,
rule or story can treat it as an answer. ``concern`` (distress without risk)
becomes ``distress`` unless the person also asked for something specific
("I'm exhausted, let's stop here" still pauses). The assessment travels with
the message as ``securebase_risk`` so actions can record its evidence.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.guards import FULL_TEXT_KEY
from bot.safety import assess_risk

RISK_KEY = "securebase_risk"
CRISIS_INTENT = "crisis"
DISTRESS_INTENT = "distress"
# Intents that are a request of their own and win over a concern-level signal.
REQUESTS = frozenset(
    {"pause", "goodbye", "skip", "help", "get_help_now", "resume", "ask_progress",
     "export_data", "delete_data", "ask_data", "choose_module", "start_reflection"}
)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RiskClassifier(GraphComponent):
    """Rules decide crisis; DIET's own ``crisis`` intent is a second, confident-only net."""

    MIN_NLU_CRISIS_CONFIDENCE = 0.85

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
            confidence = float((message.get(INTENT) or {}).get(PREDICTED_CONFIDENCE_KEY) or 0.0)
            if assessment.level == "crisis":
                new_intent: str | None = CRISIS_INTENT
            elif intent == CRISIS_INTENT and confidence < self.MIN_NLU_CRISIS_CONFIDENCE:
                # DIET's second opinion without rule evidence: answer gently, not with alarm.
                new_intent = DISTRESS_INTENT
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
