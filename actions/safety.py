"""Safety actions: crisis response, concern response and "get help now".

What to say and what to record is decided once, in ``bot.services.turn``, for
these actions and for a crisis or concern met inside a reflection answer.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import GuardedAction, channel, risk_of, say, slot_events
from bot.services import turn


class ActionCrisisResponse(GuardedAction):
    """Help first: resources before anything else, the exercise stopped, the event recorded."""

    def name(self) -> str:
        return "action_crisis_response"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        result = turn.crisis(
            sender_id=tracker.sender_id, risk=risk_of(tracker), channel=channel(tracker)
        )
        return slot_events(say(dispatcher, result))


class ActionConcernResponse(GuardedAction):
    """Distress without risk: validation and an offer to pause, no crisis numbers."""

    def name(self) -> str:
        return "action_concern_response"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        result = turn.concern(
            sender_id=tracker.sender_id, risk=risk_of(tracker), channel=channel(tracker)
        )
        return slot_events(say(dispatcher, result))


class ActionGetHelpNow(GuardedAction):
    def name(self) -> str:
        return "action_get_help_now"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return slot_events(say(dispatcher, turn.help_now()))
