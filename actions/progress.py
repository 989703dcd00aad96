"""Showing a person what they have done so far."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import GuardedAction
from bot.services.progress import describe, progress_for


class ActionShowProgress(GuardedAction):
    def name(self) -> str:
        return "action_show_progress"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        progress = progress_for(sender_id=tracker.sender_id)
        if progress.is_empty:
            dispatcher.utter_message(response="utter_progress_empty")
            return []
        dispatcher.utter_message(response="utter_progress_intro")
        dispatcher.utter_message(text="\n".join(describe(progress)))
        if progress.not_started:
            dispatcher.utter_message(
                response="utter_progress_not_started", titles=", ".join(progress.not_started)
            )
        return []
