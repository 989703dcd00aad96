"""A therapist's invite code in a message makes it a request to link, with the code.

DIET cannot learn random codes, so this component finds them by their shape
(``bot.invite_codes.find_in_text``) and sets the ``link_therapist`` intent with
a ``code`` entity holding the canonical code. It runs before the risk check, so
a crisis in the same message still becomes ``crisis``. The button payload
``/link_therapist{"code": "..."}`` sent by the widget's join link does not need
it: Rasa reads such payloads directly.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.invite_codes import find_in_text
from bot.nlu.input_checks import FULL_TEXT_KEY

LINK_INTENT = "link_therapist"
CODE_ENTITY = "code"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class InviteCodeDetector(GraphComponent):
    """Sets ``link_therapist`` and the ``code`` entity when a message holds an invite code."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InviteCodeDetector:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(FULL_TEXT_KEY) or message.get(TEXT) or ""
            code = find_in_text(text) if isinstance(text, str) else None
            if code is None:
                continue
            message.set(
                INTENT,
                {INTENT_NAME_KEY: LINK_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0},
                add_to_output=True,
            )
            entities = message.get(ENTITIES) or []
            others = [e for e in entities if e.get(ENTITY_ATTRIBUTE_TYPE) != CODE_ENTITY]
            entity = {
                ENTITY_ATTRIBUTE_TYPE: CODE_ENTITY,
                ENTITY_ATTRIBUTE_VALUE: code,
                EXTRACTOR: type(self).__name__,
            }
            message.set(ENTITIES, [*others, entity], add_to_output=True)
        return messages
