"""Actions for the reflection journey: start, resume, ask, validate, pause, finish."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    FailsKindlyAction,
    FailsKindlyFormValidationAction,
    channel,
    in_reflection,
    latest_intent,
    reflection_id,
    risk_of,
    say,
    slot_events,
)
from bot.content import PROMPTS_PER_MODULE
from bot.ids import (
    CARRIED_SLOT,
    INTRODUCED_SLOT,
    PENDING_OFFER_SLOT,
    REFLECTION_ID_SLOT,
    REFLECTION_READY_SLOT,
    TAKEAWAY_IDS,
    TAKEAWAY_SLOT,
    concept_payload,
    module_reset,
)
from bot.services import journey, module_offer, turn
from bot.services.reflection import ReflectionNotFound, Started


def _module_events(started: Started) -> list[EventType]:
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


def _welcome_back(dispatcher: CollectingDispatcher, started: Started) -> None:
    if started.resumed and started.answered > 0:
        dispatcher.utter_message(
            response="utter_reflection_welcome_back",
            title=started.title,
            number=min(started.answered + 1, PROMPTS_PER_MODULE),
            total=PROMPTS_PER_MODULE,
        )


class ActionStartReflection(FailsKindlyAction):
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
                return [SlotSet(REFLECTION_READY_SLOT, True)]
            dispatcher.utter_message(response="utter_ask_module")
            return [SlotSet(REFLECTION_READY_SLOT, False)]
        started = journey.start(
            sender_id=tracker.sender_id, takeaway=wanted, channel=channel(tracker)
        )
        _welcome_back(dispatcher, started)
        return _module_events(started)


class ActionResumeReflection(FailsKindlyAction):
    def name(self) -> str:
        return "action_resume_reflection"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        current = reflection_id(tracker)
        if in_reflection(tracker) and current is not None:
            return [SlotSet(REFLECTION_READY_SLOT, True), SlotSet(PENDING_OFFER_SLOT, None)]
        started = journey.resume(sender_id=tracker.sender_id, channel=channel(tracker))
        if started is None:
            dispatcher.utter_message(response="utter_nothing_to_resume")
            dispatcher.utter_message(response="utter_ask_module")
            return [SlotSet(REFLECTION_READY_SLOT, False), SlotSet(PENDING_OFFER_SLOT, None)]
        _welcome_back(dispatcher, started)
        return _module_events(started)


class ActionPauseReflection(FailsKindlyAction):
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
            position = journey.pause(reflection_id=current)
        except ReflectionNotFound:
            dispatcher.utter_message(response="utter_nothing_to_pause")
            return slot_events(module_reset({REFLECTION_ID_SLOT: None}))
        dispatcher.utter_message(
            response="utter_reflection_paused",
            title=position.title,
            number=position.number,
            total=position.total,
        )
        return events


class ActionAskReflectionAnswer(FailsKindlyAction):
    """Asks the open prompt or follow-up; the database says which one."""

    def name(self) -> str:
        return "action_ask_reflection_answer"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        current = reflection_id(tracker)
        if current is None:
            return []
        introduced = tracker.get_slot(INTRODUCED_SLOT) == str(current)
        step = journey.next_step(reflection_id=current, introduced=introduced)
        if step is None:
            return []
        events: list[EventType] = []
        if step.show_introduction:
            dispatcher.utter_message(
                response="utter_reflection_intro", title=step.title, introduction=step.introduction
            )
            events.append(SlotSet(INTRODUCED_SLOT, str(current)))
        if step.kind == "followup":
            dispatcher.utter_message(response="utter_reflection_followup", prompt=step.text)
        else:
            dispatcher.utter_message(
                response="utter_reflection_prompt",
                number=step.number,
                total=step.total,
                prompt=step.text,
            )
        return events


class ActionAskMoodAfter(FailsKindlyAction):
    """Closes the module with a summary, then asks the second mood check-in."""

    def name(self) -> str:
        return "action_ask_mood_after"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        current = reflection_id(tracker)
        if current is not None:
            summary = journey.closing_summary(reflection_id=current)
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


class ActionFinishReflection(FailsKindlyAction):
    def name(self) -> str:
        return "action_finish_reflection"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        current = reflection_id(tracker)
        # A form that ended because the person asked to stop has already said so.
        if current is None or journey.status(reflection_id=current) != "paused":
            dispatcher.utter_message(response="utter_reflection_finished")
        return slot_events(module_reset({REFLECTION_ID_SLOT: None}))


class ActionShowReflectionHelp(FailsKindlyAction):
    def name(self) -> str:
        return "action_show_reflection_help"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        current = reflection_id(tracker)
        position = None if current is None else journey.position(reflection_id=current)
        if position is None:
            dispatcher.utter_message(response="utter_help")
        else:
            dispatcher.utter_message(response="utter_help_in_reflection", title=position.title)
        return []


class ValidateReflectionForm(FailsKindlyFormValidationAction):
    """Hands each answer and mood to ``bot.services.turn``; the database drives what is next."""

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
        return [] if current is None else journey.required_slots(reflection_id=current)

    # rasa-sdk validates every slot set since the last user message, including the
    # resets to None that start/resume actions make: the turn reads those as "not said".

    async def validate_mood_before(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        result = turn.mood(reflection_id=reflection_id(tracker), phase="before", value=value)
        return say(dispatcher, result)

    async def validate_mood_after(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        result = turn.mood(reflection_id=reflection_id(tracker), phase="after", value=value)
        return say(dispatcher, result)

    async def validate_reflection_answer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # "use what I wrote": the share typed before choosing this module (issue 12).
        carried = tracker.get_slot(CARRIED_SLOT)
        if carried and isinstance(value, str) and module_offer.use_carried(value):
            value = carried
        result = turn.answer(
            sender_id=tracker.sender_id,
            reflection_id=reflection_id(tracker),
            value=value,
            intent=latest_intent(tracker),
            risk=risk_of(tracker),
            channel=channel(tracker),
        )
        slots = say(dispatcher, result)
        if carried and isinstance(value, str) and value.strip():
            slots[CARRIED_SLOT] = None  # one chance: the first answer written uses it or not
        return slots
