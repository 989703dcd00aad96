"""Small helpers shared by the action modules."""

from __future__ import annotations

import logging
from abc import ABCMeta, abstractmethod
from collections.abc import Mapping
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.ids import REFLECTION_ID_SLOT, RISK_KEY
from bot.redaction import hold_back
from bot.services.turn import Turn

logger = logging.getLogger(__name__)

FORM_NAME = "reflection_form"


def reflection_id(tracker: Tracker) -> int | None:
    """The app-database id of the module in progress, if the conversation has one."""
    raw = tracker.get_slot(REFLECTION_ID_SLOT)
    try:
        return int(raw) if raw not in (None, "") else None
    except (TypeError, ValueError):
        return None


def channel(tracker: Tracker) -> str:
    return tracker.get_latest_input_channel() or "unknown"


def latest_intent(tracker: Tracker) -> str | None:
    intent = (tracker.latest_message or {}).get("intent") or {}
    name = intent.get("name")
    return str(name) if name else None


def risk_of(tracker: Tracker) -> Any:
    """The risk assessment NLU attached to the latest message, as it came."""
    return (tracker.latest_message or {}).get(RISK_KEY)


def hold_back_person(tracker: Tracker) -> None:
    """Keep this request's message text and sender id out of the action server's logs."""
    hold_back((tracker.latest_message or {}).get("text"), tracker.sender_id)


def say(dispatcher: CollectingDispatcher, result: Turn) -> dict[str, Any]:
    """Send a turn's replies in order; return the slot values it decided."""
    for reply in result.replies:
        if reply.text is not None:
            dispatcher.utter_message(text=reply.text)
        else:
            dispatcher.utter_message(response=reply.response, **reply.kwargs)
    return dict(result.slots)


def in_reflection(tracker: Tracker) -> bool:
    return (tracker.active_loop or {}).get("name") == FORM_NAME


def slot_events(values: Mapping[str, Any]) -> list[EventType]:
    """``SlotSet`` events for slot values decided in ``bot``."""
    return [SlotSet(name, value) for name, value in values.items()]


class FailsKindlyAction(Action, metaclass=ABCMeta):
    """An action that fails kindly: if the database (or anything) breaks, the person
    hears that there is a technical problem instead of silence or "I didn't follow".
    Subclasses implement ``perform``; only the action name and error type are logged.
    """

    @abstractmethod
    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Do the action's work; exceptions become a kind technical-problem reply."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        hold_back_person(tracker)
        try:
            return await self.perform(dispatcher, tracker, domain)
        except Exception as error:  # noqa: BLE001 - reported to the person, logged without text
            logger.error("action %s failed: %s", self.name(), type(error).__name__)
            dispatcher.messages.clear()
            dispatcher.utter_message(response="utter_technical_problem")
            return []


class FailsKindlyFormValidationAction(FormValidationAction, metaclass=ABCMeta):
    """Form validation that fails kindly, like ``FailsKindlyAction``."""

    @abstractmethod
    def name(self) -> str:
        """Abstract here so rasa-sdk registers only the concrete validators."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        hold_back_person(tracker)
        try:
            return await super().run(dispatcher, tracker, domain)
        except Exception as error:  # noqa: BLE001
            logger.error("validation %s failed: %s", self.name(), type(error).__name__)
            dispatcher.messages.clear()
            dispatcher.utter_message(response="utter_technical_problem")
            return []
