"""The self-assessment, asked through self_assessment_form, and "how have I changed?"."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import FailsKindlyAction, FailsKindlyFormValidationAction, channel
from bot.services import self_assessment as service


def _answers(tracker: Tracker) -> dict[str, int]:
    raw = tracker.get_slot("sa_answers") or {}
    return {str(k): int(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


def _next_item(answers: dict[str, int]) -> tuple[int, Any] | None:
    for number, item in enumerate(service.items(), start=1):
        if item.id not in answers:
            return number, item
    return None


class ActionStartSelfAssessment(FailsKindlyAction):
    def name(self) -> str:
        return "action_start_self_assessment"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_sa_intro", total=len(service.items()))
        for caveat in service.caveats()[:1]:
            dispatcher.utter_message(text=caveat)
        return [SlotSet("sa_answers", {}), SlotSet("sa_answer", None)]


class ActionAskSaAnswer(FailsKindlyAction):
    def name(self) -> str:
        return "action_ask_sa_answer"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        pending = _next_item(_answers(tracker))
        if pending is None:
            return []
        number, item = pending
        buttons = [
            {"title": f"{v} {label}", "payload": str(v)}
            for v, label in sorted(service.scale_labels().items())
        ]
        dispatcher.utter_message(
            response="utter_sa_item",
            number=number,
            total=len(service.items()),
            statement=item.text,
            buttons=buttons,
        )
        return []


class ValidateSelfAssessmentForm(FailsKindlyFormValidationAction):
    def name(self) -> str:
        return "validate_self_assessment_form"

    async def validate_sa_answer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {"sa_answer": None}
        answers = _answers(tracker)
        pending = _next_item(answers)
        if pending is None:
            return {"sa_answer": "done"}
        rating = service.parse_likert(value if isinstance(value, str) else "")
        if rating is None:
            dispatcher.utter_message(response="utter_sa_unclear")
            return {"sa_answer": None}
        answers[pending[1].id] = rating
        if _next_item(answers) is not None:
            return {"sa_answers": answers, "sa_answer": None}
        result = service.finish(
            sender_id=tracker.sender_id, answers=answers, channel=channel(tracker)
        )
        dispatcher.utter_message(response="utter_sa_position", position=result.position)
        dispatcher.utter_message(text=result.text)
        for caveat in service.caveats():
            dispatcher.utter_message(text=caveat)
        return {"sa_answers": answers, "sa_answer": "done"}


class ActionFinishSelfAssessment(FailsKindlyAction):
    def name(self) -> str:
        return "action_finish_self_assessment"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_sa_finished")
        return [SlotSet("sa_answer", None), SlotSet("sa_answers", None)]


class ActionStopSelfAssessment(FailsKindlyAction):
    def name(self) -> str:
        return "action_stop_self_assessment"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_sa_stopped")
        return [SlotSet("sa_answer", None), SlotSet("sa_answers", None)]


class ActionShowChangeOverTime(FailsKindlyAction):
    def name(self) -> str:
        return "action_show_change_over_time"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        change = service.change_over_time(sender_id=tracker.sender_id)
        if change.text is None:
            dispatcher.utter_message(response="utter_change_need_two", count=change.count)
        else:
            dispatcher.utter_message(text=change.text)
        return []
