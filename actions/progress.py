"""Showing a person what they have done so far."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import FailsKindlyAction
from bot.services.progress import DATE_FORMAT, progress_for


class ActionShowProgress(FailsKindlyAction):
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
        for item in progress.completed:
            if item.completed_on is not None:
                dispatcher.utter_message(
                    response="utter_progress_finished_item",
                    title=item.title,
                    finished_on=item.completed_on.strftime(DATE_FORMAT),
                )
        for item in progress.unfinished:
            dispatcher.utter_message(
                response="utter_progress_unfinished_item",
                title=item.title,
                answered=item.answered,
                total=item.total,
                started_on=item.started_on.strftime(DATE_FORMAT),
            )
        if progress.not_started:
            dispatcher.utter_message(
                response="utter_progress_not_started", titles=", ".join(progress.not_started)
            )
        return []
