"""Actions for the reflection journey: start, resume, ask, validate, pause, finish."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    GuardedAction,
    GuardedFormValidationAction,
    channel,
    in_reflection,
    latest_intent,
    reflection_id,
    slot_events,
)
from actions.safety import risk_of
from bot.content import PROMPTS_PER_MODULE
from bot.ids import (
    PENDING_OFFER_SLOT,
    REFLECTION_ID_SLOT,
    REFLECTION_READY_SLOT,
    TAKEAWAY_IDS,
    TAKEAWAY_SLOT,
    concept_payload,
    module_reset,
)
from bot.services import reflection as service
from bot.services import safety as safety_service
from bot.services.mood import SKIPPED, parse_mood
from bot.settings import get_settings
from bot.storage.db import app_session

SKIP_MAX_WORDS = 6


def _module_events(started: service.Started) -> list[EventType]:
    return slot_events(
        module_reset(
            {
                TAKEAWAY_SLOT: started.takeaway,
                REFLECTION_ID_SLOT: str(started.reflection_id),
                REFLECTION_READY_SLOT: True,
                PENDING_OFFER_SLOT: None,
            }
        )
    )


def _welcome_back(dispatcher: CollectingDispatcher, started: service.Started) -> None:
    if started.resumed and started.answered > 0:
        dispatcher.utter_message(
            response="utter_reflection_welcome_back",
            title=started.title,
            number=min(started.answered + 1, PROMPTS_PER_MODULE),
            total=PROMPTS_PER_MODULE,
        )


class ActionStartReflection(GuardedAction):
    def name(self) -> str:
        return "action_start_reflection"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        wanted = next(
            (v for v in tracker.get_latest_entity_values("takeaway") if v in TAKEAWAY_IDS), None
        )
        if wanted is None:
            dispatcher.utter_message(response="utter_unknown_module")
            if in_reflection(tracker) and reflection_id(tracker) is not None:
                return [SlotSet("reflection_ready", True)]
            dispatcher.utter_message(response="utter_ask_module")
            return [SlotSet("reflection_ready", False)]
        with app_session() as session:
            started = service.start_module(
                session, sender_id=tracker.sender_id, takeaway=wanted, channel=channel(tracker)
            )
        _welcome_back(dispatcher, started)
        return _module_events(started)


class ActionResumeReflection(GuardedAction):
    def name(self) -> str:
        return "action_resume_reflection"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        current = reflection_id(tracker)
        if in_reflection(tracker) and current is not None:
            return [SlotSet("reflection_ready", True), SlotSet("pending_offer", None)]
        with app_session() as session:
            started = service.resume_latest(
                session, sender_id=tracker.sender_id, channel=channel(tracker)
            )
        if started is None:
            dispatcher.utter_message(response="utter_nothing_to_resume")
            dispatcher.utter_message(response="utter_ask_module")
            return [SlotSet("reflection_ready", False), SlotSet("pending_offer", None)]
        _welcome_back(dispatcher, started)
        return _module_events(started)


class ActionPauseReflection(GuardedAction):
    def name(self) -> str:
        return "action_pause_reflection"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        current = reflection_id(tracker)
        events = slot_events(module_reset())
        if current is None:
            dispatcher.utter_message(response="utter_nothing_to_pause")
            return events
        try:
            with app_session() as session:
                position = service.pause(session, reflection_id=current)
        except service.ReflectionNotFound:
            dispatcher.utter_message(response="utter_nothing_to_pause")
            return slot_events(module_reset({REFLECTION_ID_SLOT: None}))
        dispatcher.utter_message(
            response="utter_reflection_paused",
            title=position.title,
            number=position.number,
            total=position.total,
        )
        return events


class ActionAskReflectionAnswer(GuardedAction):
    """Asks the open prompt or follow-up; the database says which one."""

    def name(self) -> str:
        return "action_ask_reflection_answer"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        current = reflection_id(tracker)
        if current is None:
            return []
        with app_session() as session:
            step = service.current_step(session, reflection_id=current)
        if step is None:
            return []
        if step.show_introduction:
            dispatcher.utter_message(
                response="utter_reflection_intro", title=step.title, introduction=step.introduction
            )
        if step.kind == "followup":
            dispatcher.utter_message(response="utter_reflection_followup", prompt=step.text)
        else:
            dispatcher.utter_message(
                response="utter_reflection_prompt",
                number=step.number,
                total=step.total,
                prompt=step.text,
            )
        return []


class ActionAskMoodAfter(GuardedAction):
    """Closes the module with a summary, then asks the second mood check-in."""

    def name(self) -> str:
        return "action_ask_mood_after"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        current = reflection_id(tracker)
        if current is not None:
            with app_session() as session:
                summary = service.closing_summary(session, reflection_id=current)
            *body, invitation = summary.lines or [""]
            for line in body:
                dispatcher.utter_message(text=line)
            # The concept that fits what they wrote, one tap away (issue: tailoring).
            dispatcher.utter_message(
                text=invitation,
                buttons=[
                    {
                        "title": summary.concept_title,
                        "payload": concept_payload(summary.concept_id),
                    }
                ],
            )
        dispatcher.utter_message(response="utter_ask_mood_after")
        return []


class ActionFinishReflection(GuardedAction):
    def name(self) -> str:
        return "action_finish_reflection"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_reflection_finished")
        return slot_events(module_reset({REFLECTION_ID_SLOT: None}))


class ActionShowReflectionHelp(GuardedAction):
    def name(self) -> str:
        return "action_show_reflection_help"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        current = reflection_id(tracker)
        position = None
        if current is not None:
            with app_session() as session:
                position = service.position(session, reflection_id=current)
        if position is None:
            dispatcher.utter_message(response="utter_help")
        else:
            dispatcher.utter_message(response="utter_help_in_reflection", title=position.title)
        return []


class ValidateReflectionForm(GuardedFormValidationAction):
    """Stores each answer as it arrives and lets the database drive what comes next."""

    def name(self) -> str:
        return "validate_reflection_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        current = reflection_id(tracker)
        if current is None:
            return []
        with app_session() as session:
            try:
                return service.required_slots(session, reflection_id=current)
            except service.ReflectionNotFound:
                return []

    def _mood(
        self, phase: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> str:
        parsed = parse_mood(value if isinstance(value, str) else None)
        current = reflection_id(tracker)
        if isinstance(parsed, int) and current is not None:
            with app_session() as session:
                service.record_mood(session, reflection_id=current, phase=phase, score=parsed)
            dispatcher.utter_message(response="utter_mood_noted")
            return str(parsed)
        if parsed is None:
            dispatcher.utter_message(response="utter_mood_unclear")
        return SKIPPED

    # rasa-sdk validates every slot set since the last user message, including the
    # resets to None that start/resume actions make: those are not answers.

    async def validate_mood_before(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {"mood_before": None}
        return {"mood_before": self._mood("before", value, dispatcher, tracker)}

    async def validate_mood_after(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {"mood_after": None}
        return {"mood_after": self._mood("after", value, dispatcher, tracker)}

    async def validate_reflection_answer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        current = reflection_id(tracker)
        if value is None or current is None:
            return {"reflection_answer": None}
        text = value if isinstance(value, str) else ""
        if not text.strip():
            dispatcher.utter_message(response="utter_empty_answer")
            return {"reflection_answer": None}
        risk = risk_of(tracker)
        level = risk.get("level")
        if level == "crisis":
            # NLU routes crisis away from the form; this is the second lock on that door:
            # a cry for help is never stored as an answer or scored.
            for line in safety_service.crisis_reply(get_settings().crisis_region):
                dispatcher.utter_message(text=line)
            with app_session() as session:
                safety_service.record_risk(
                    session,
                    sender_id=tracker.sender_id,
                    level="crisis",
                    evidence=risk.get("evidence") or [],
                    channel=channel(tracker),
                )
            return {"reflection_answer": None}
        wants_skip = latest_intent(tracker) == "skip" and len(text.split()) <= SKIP_MAX_WORDS
        with app_session() as session:
            if level == "concern":
                for line in safety_service.concern_reply():
                    dispatcher.utter_message(text=line)
                safety_service.record_risk(
                    session,
                    sender_id=tracker.sender_id,
                    level="concern",
                    evidence=risk.get("evidence") or [],
                    channel=channel(tracker),
                )
            if wants_skip:
                finished = service.skip_prompt(session, reflection_id=current)
                dispatcher.utter_message(response="utter_prompt_skipped")
            else:
                outcome = service.record_answer(session, reflection_id=current, text=text)
                finished = outcome.finished
                dispatcher.utter_message(text=outcome.acknowledgement)
        return {"reflection_answer": text if finished else None}
