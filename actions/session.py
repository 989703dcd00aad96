"""Session start: carry slots over and offer to continue an unfinished module."""

from __future__ import annotations

import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import hold_back_person
from actions.suggestions import MENTIONED_SLOT, mention_new
from bot.ids import PENDING_OFFER_SLOT, REFLECTION_READY_SLOT, RETENTION_SLOT
from bot.services import journey
from bot.services.retention import period_in_words

logger = logging.getLogger(__name__)
NOT_CARRIED = {
    "requested_slot",
    REFLECTION_READY_SLOT,
    PENDING_OFFER_SLOT,
    "session_started_metadata",
    MENTIONED_SLOT,
}


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        hold_back_person(tracker)
        events: list[EventType] = [SessionStarted()]
        events += [
            SlotSet(key, value)
            for key, value in tracker.current_slot_values().items()
            if key not in NOT_CARRIED and value is not None
        ]
        # The greeting says how long data is kept: RETENTION_DAYS as it is today.
        events.append(SlotSet(RETENTION_SLOT, period_in_words()))
        try:
            # A new conversation session: what the therapist suggested is news again.
            events += mention_new(dispatcher, tracker.sender_id, already=[])
        except Exception as error:  # noqa: BLE001 - a new session must start even without the DB
            logger.error("session start could not read suggestions: %s", type(error).__name__)
        try:
            position = journey.find_unfinished(sender_id=tracker.sender_id)
        except Exception as error:  # noqa: BLE001 - a new session must start even without the DB
            logger.error("session start could not read the app database: %s", type(error).__name__)
            position = None
        if position is not None:
            dispatcher.utter_message(
                response="utter_offer_resume",
                title=position.title,
                number=position.number,
                total=position.total,
            )
            events.append(SlotSet(PENDING_OFFER_SLOT, "resume"))
        events.append(ActionExecuted("action_listen"))
        return events
