"""Safety actions: crisis response, concern response and "get help now"."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import GuardedAction, channel, slot_events
from bot.ids import PENDING_OFFER_SLOT, RISK_KEY, module_reset
from bot.services import safety as service
from bot.settings import get_settings
from bot.storage.db import app_session


def risk_of(tracker: Tracker) -> dict[str, Any]:
    """The risk assessment NLU attached to the latest message (empty if none)."""
    risk = (tracker.latest_message or {}).get(RISK_KEY)
    return risk if isinstance(risk, dict) else {}


def _reset_module_slots() -> list[EventType]:
    return slot_events(module_reset({PENDING_OFFER_SLOT: None}))


class ActionCrisisResponse(GuardedAction):
    """Help first: resources before anything else, the exercise stopped, the event recorded."""

    def name(self) -> str:
        return "action_crisis_response"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        for line in service.crisis_reply(get_settings().crisis_region):
            dispatcher.utter_message(text=line)
        evidence = risk_of(tracker).get("evidence") or [
            {"category": "nlu", "rule": "crisis_intent", "start": 0, "end": 0}
        ]
        try:
            with app_session() as session:
                service.record_risk(
                    session,
                    sender_id=tracker.sender_id,
                    level="crisis",
                    evidence=evidence,
                    channel=channel(tracker),
                )
        except Exception:  # noqa: BLE001 - the person still gets help if the DB is down
            dispatcher.utter_message(response="utter_safety_not_recorded")
        return _reset_module_slots()


class ActionConcernResponse(GuardedAction):
    """Distress without risk: validation and an offer to pause, no crisis numbers."""

    def name(self) -> str:
        return "action_concern_response"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        for line in service.concern_reply():
            dispatcher.utter_message(text=line)
        evidence = risk_of(tracker).get("evidence") or []
        if any(item.get("category") == "nlu" for item in evidence):
            dispatcher.utter_message(response="utter_safety_check_in")
        with app_session() as session:
            service.record_risk(
                session,
                sender_id=tracker.sender_id,
                level="concern",
                evidence=evidence,
                channel=channel(tracker),
            )
        return []


class ActionGetHelpNow(GuardedAction):
    def name(self) -> str:
        return "action_get_help_now"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(text=service.help_now_reply(get_settings().crisis_region))
        dispatcher.utter_message(response="utter_help_now_followup")
        return _reset_module_slots()
