"""Safety actions: crisis response, concern response and "get help now".

What to say and what to record is decided once, in ``bot.services.turn``, for
these actions and for a crisis or concern met inside a reflection answer.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    FailsKindlyAction,
    channel,
    in_reflection,
    latest_intent,
    reflection_id,
    risk_of,
    say,
    slot_events,
)
from bot.ids import SAFETY_QUESTION_SLOT, SAFETY_RESUME_SLOT
from bot.services import safety_question, turn


class ActionCrisisResponse(FailsKindlyAction):
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


class ActionConcernResponse(FailsKindlyAction):
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


class ActionGetHelpNow(FailsKindlyAction):
    def name(self) -> str:
        return "action_get_help_now"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return slot_events(say(dispatcher, turn.help_now()))


class ActionSafetyCheck(FailsKindlyAction):
    """A risk cue without a clear crisis: ask plainly, and hold the exercise meanwhile."""

    def name(self) -> str:
        return "action_safety_check"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        loop = (tracker.active_loop or {}).get("name")
        result = safety_question.ask_directly(
            sender_id=tracker.sender_id, risk=risk_of(tracker), channel=channel(tracker),
            resume=loop,
            text=str((tracker.latest_message or {}).get("text") or ""),
            reflection_id=reflection_id(tracker) if in_reflection(tracker) else None,
        )
        events = slot_events(say(dispatcher, result))
        return [*events, ActiveLoop(None)] if loop else events


class ActionSafetyAnswer(FailsKindlyAction):
    """The reply to a safety question: help when unsure, back to the exercise when okay."""

    def name(self) -> str:
        return "action_safety_answer"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        message = tracker.latest_message or {}
        result = safety_question.answer(
            sender_id=tracker.sender_id,
            text=str(message.get("text") or ""),
            intent=latest_intent(tracker),
            question=str(tracker.get_slot(SAFETY_QUESTION_SLOT) or "intent"),
            risk=risk_of(tracker),
            channel=channel(tracker),
            resume=tracker.get_slot(SAFETY_RESUME_SLOT),
        )
        return slot_events(say(dispatcher, result))
