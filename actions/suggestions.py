"""What a therapist suggested: mentioned when the person comes back, listed on request."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import FailsKindlyAction
from bot.ids import intent_payload
from bot.services import assignments
from bot.services.assignments import Suggestion

MENTIONED_SLOT = "assignments_mentioned"


def start_payload(suggestion: Suggestion) -> str:
    """The button payload that starts what was suggested."""
    if suggestion.kind == assignments.MODULE:
        return intent_payload("choose_module", {"takeaway": suggestion.takeaway})
    if suggestion.kind == assignments.QUIZ:
        return intent_payload("start_quiz")
    return intent_payload("start_self_assessment")


def render(dispatcher: CollectingDispatcher, suggestion: Suggestion) -> None:
    """One suggestion: who suggested what, their note and date, and a button to start."""
    dispatcher.utter_message(
        response=f"utter_assignment_{suggestion.kind}",
        therapist=suggestion.therapist,
        title=suggestion.title,
    )
    if suggestion.note:
        dispatcher.utter_message(response="utter_assignment_note", note=suggestion.note)
    if suggestion.due_on:
        due_on = f"{suggestion.due_on.day} {suggestion.due_on:%B %Y}"
        dispatcher.utter_message(response="utter_assignment_due", due_on=due_on)
    dispatcher.utter_message(response="utter_assignment_offer", payload=start_payload(suggestion))


def mentioned(tracker: Tracker) -> list[int]:
    """Suggestions already mentioned in this conversation session."""
    return [int(i) for i in tracker.get_slot(MENTIONED_SLOT) or [] if str(i).isdigit()]


def mention_new(
    dispatcher: CollectingDispatcher, sender_id: str, *, already: list[int]
) -> list[EventType]:
    """Mention open suggestions not in ``already``; the slot event that remembers them."""
    found = assignments.to_mention(sender_id=sender_id, already=already)
    for suggestion in found:
        render(dispatcher, suggestion)
    if not found:
        return []
    return [SlotSet(MENTIONED_SLOT, [*already, *(s.assignment_id for s in found)])]


class ActionMentionAssignments(FailsKindlyAction):
    def name(self) -> str:
        return "action_mention_assignments"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return mention_new(dispatcher, tracker.sender_id, already=mentioned(tracker))


class ActionShowAssignments(FailsKindlyAction):
    def name(self) -> str:
        return "action_show_assignments"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        found = assignments.open_suggestions(sender_id=tracker.sender_id)
        if not found:
            dispatcher.utter_message(response="utter_assignments_none")
        for suggestion in found:
            render(dispatcher, suggestion)
        return []
