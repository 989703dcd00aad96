"""The person's data: what is stored, export, and deletion with confirmation."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import FailsKindlyAction, channel
from bot.ids import FORGET_SLOT, PENDING_OFFER_SLOT
from bot.services import audit
from bot.services import data_requests as guard
from bot.services import personal_data as service
from bot.services.linking import aware
from bot.services.retention import period_in_words

ASK_EXPORT = "action_ask_export_confirmation"
ASK_DELETE = "action_ask_delete_confirmation"


def refused(dispatcher: CollectingDispatcher, tracker: Tracker, question: str) -> bool:
    """Say why an export or deletion does not go ahead; False when it may."""
    if not guard.answers_question_just_asked(tracker.events, question):
        dispatcher.utter_message(response="utter_data_not_confirmed")
        return True
    if not guard.from_own_channel(
        sender_id=tracker.sender_id, channel=channel(tracker), events=tracker.events
    ):
        dispatcher.utter_message(response="utter_data_other_channel")
        return True
    return False


class ActionDescribeStoredData(FailsKindlyAction):
    def name(self) -> str:
        return "action_describe_stored_data"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        summary = service.summarise(sender_id=tracker.sender_id)
        dispatcher.utter_message(
            response="utter_data_summary",
            modules=summary.modules,
            answers=summary.answers,
            moods=summary.moods,
            assessments=summary.self_assessments + summary.quizzes,
            risk_events=summary.risk_events,
            retention_period=period_in_words(),
        )
        return []


class ActionAskExportConfirmation(FailsKindlyAction):
    def name(self) -> str:
        return ASK_EXPORT

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_confirm_export")
        return [SlotSet(PENDING_OFFER_SLOT, "export")]


class ActionExportData(FailsKindlyAction):
    """Sends the export as the reply to the confirmed request, and nowhere else."""

    def name(self) -> str:
        return "action_export_data"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        closed = [SlotSet(PENDING_OFFER_SLOT, None)]
        if refused(dispatcher, tracker, ASK_EXPORT):
            return closed
        if guard.export_wait_seconds(sender_id=tracker.sender_id):
            dispatcher.utter_message(response="utter_export_too_often")
            return closed
        data = service.export(sender_id=tracker.sender_id)
        dispatcher.utter_message(
            response="utter_data_export_ready",
            # Rasa's socket.io channel emits custom JSON as keyword arguments: keep it under "data".
            json_message={
                "data": {"securebase_export": data, "filename": "securebase-export.json"}
            },
        )
        return closed


class ActionAskDeleteConfirmation(FailsKindlyAction):
    def name(self) -> str:
        return ASK_DELETE

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_confirm_delete")
        return [SlotSet(PENDING_OFFER_SLOT, "delete")]


class ActionDeleteData(FailsKindlyAction):
    """Deletes app rows now; the tracker store forgets the conversation on save."""

    def name(self) -> str:
        return "action_delete_data"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if refused(dispatcher, tracker, ASK_DELETE):
            return [SlotSet(PENDING_OFFER_SLOT, None)]
        service.delete_person(sender_id=tracker.sender_id)
        dispatcher.utter_message(response="utter_data_deleted")
        # Tells the web widget to clear the copy of the conversation kept in the browser.
        dispatcher.utter_message(json_message={"data": {"securebase": "forget"}})
        return [SlotSet(PENDING_OFFER_SLOT, None), SlotSet(FORGET_SLOT, True)]


class ActionDeclineOffer(FailsKindlyAction):
    def name(self) -> str:
        return "action_decline_offer"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot(PENDING_OFFER_SLOT) == "delete":
            dispatcher.utter_message(response="utter_data_kept")
        elif tracker.get_slot(PENDING_OFFER_SLOT) == "export":
            dispatcher.utter_message(response="utter_export_cancelled")
        else:
            dispatcher.utter_message(response="utter_deny_no_context")
        return [SlotSet(PENDING_OFFER_SLOT, None)]


class ActionShowAudit(FailsKindlyAction):
    """Who has seen the person's data: every portal view or export, newest first."""

    def name(self) -> str:
        return "action_show_audit"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        seen = audit.seen_by(sender_id=tracker.sender_id)
        if not seen:
            dispatcher.utter_message(response="utter_audit_none")
            return []
        dispatcher.utter_message(response="utter_audit_intro")
        for row in seen:
            at = aware(row.at)
            dispatcher.utter_message(
                response="utter_audit_export" if row.action == "export" else "utter_audit_view",
                therapist=row.therapist,
                what=row.what,
                when=f"{at.day} {at:%b %Y, %H:%M} UTC",
            )
        return []
