"""The knowledge check, asked through quiz_form one question at a time."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import FailsKindlyAction, FailsKindlyFormValidationAction, channel
from bot.services import quiz as service


def _state(tracker: Tracker) -> tuple[list[str], int, int, list[Any]]:
    ids = list(tracker.get_slot("quiz_questions") or [])
    index = int(tracker.get_slot("quiz_index") or 0)
    score = int(tracker.get_slot("quiz_score") or 0)
    log = list(tracker.get_slot("quiz_log") or [])
    return ids, index, score, log


class ActionStartQuiz(FailsKindlyAction):
    def name(self) -> str:
        return "action_start_quiz"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # Differs between two quizzes of one person; the last event's time, not the number of
        # events, because an action receives only the recent turns (bot/rasa_patches.py).
        latest = tracker.events[-1].get("timestamp") if tracker.events else None
        seed = f"{tracker.sender_id}:{latest}"
        ids = service.new_quiz(seed)
        dispatcher.utter_message(response="utter_quiz_intro", total=len(ids))
        return [
            SlotSet("quiz_questions", ids),
            SlotSet("quiz_index", 0),
            SlotSet("quiz_score", 0),
            SlotSet("quiz_log", []),
            SlotSet("quiz_answer", None),
        ]


class ActionAskQuizAnswer(FailsKindlyAction):
    def name(self) -> str:
        return "action_ask_quiz_answer"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        ids, index, _, _ = _state(tracker)
        if index >= len(ids):
            return []
        question = service.question(ids[index])
        buttons = [
            {"title": title, "payload": payload}
            for title, payload in service.answer_buttons(question)
        ]
        dispatcher.utter_message(
            response="utter_quiz_question",
            number=index + 1,
            total=len(ids),
            question=question.question,
            buttons=buttons,
        )
        return []


class ValidateQuizForm(FailsKindlyFormValidationAction):
    def name(self) -> str:
        return "validate_quiz_form"

    async def validate_quiz_answer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {"quiz_answer": None}
        ids, index, score, log = _state(tracker)
        if index >= len(ids):
            return {"quiz_answer": value}
        graded = service.grade(ids[index], value if isinstance(value, str) else "")
        dispatcher.utter_message(text=graded.reply)
        if not graded.moves_on:
            return {"quiz_answer": None}
        # A don't-know is logged as unanswered (correct: None) and never counted wrong.
        score += int(graded.correct is True)
        log.append({"question": ids[index], "correct": graded.correct})
        index += 1
        slots: dict[str, Any] = {"quiz_index": index, "quiz_score": score, "quiz_log": log}
        if index < len(ids):
            return {**slots, "quiz_answer": None}
        closing = service.finish(
            sender_id=tracker.sender_id,
            score=score,
            total=len(ids),
            answers=log,
            channel=channel(tracker),
        )
        dispatcher.utter_message(text=closing)
        return {**slots, "quiz_answer": "done"}


class ActionFinishQuiz(FailsKindlyAction):
    def name(self) -> str:
        return "action_finish_quiz"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_quiz_finished")
        return [SlotSet("quiz_answer", None), SlotSet("quiz_questions", None)]


class ActionStopQuiz(FailsKindlyAction):
    def name(self) -> str:
        return "action_stop_quiz"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_quiz_stopped")
        return [SlotSet("quiz_answer", None), SlotSet("quiz_questions", None)]
