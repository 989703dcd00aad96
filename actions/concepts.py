"""Explaining IWM concepts on demand, in any state."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import FailsKindlyAction
from bot.content.knowledge import Concept
from bot.ids import concept_payload, intent_payload
from bot.services import concepts as service


def _entity_values(tracker: Tracker) -> list[str]:
    return [str(v) for v in tracker.get_latest_entity_values("concept")]


def _text(tracker: Tracker) -> str:
    return str((tracker.latest_message or {}).get("text") or "")


def _ask_button(concept: Concept) -> dict[str, str]:
    return {"title": concept.title, "payload": concept_payload(concept.id)}


def _topic_buttons() -> list[dict[str, str]]:
    return [_ask_button(c) for c in service.starter_topics()]


def _compare(dispatcher: CollectingDispatcher, pair: list[str]) -> list[EventType]:
    """Both short answers, then where each sits in the four-category table."""
    if len(pair) < 2:
        dispatcher.utter_message(response="utter_compare_need_two", buttons=_topic_buttons())
        return []
    first, second = (service.explain(c).concept for c in pair)
    dispatcher.utter_message(response="utter_compare_intro", a=first.title, b=second.title)
    for concept in (first, second):
        dispatcher.utter_message(
            response="utter_concept_short", title=concept.title, short=concept.short
        )
    positions = [service.position_of(c) for c in pair]
    if all(positions):
        a, b = positions
        assert a is not None and b is not None
        dispatcher.utter_message(
            response="utter_compare_positions",
            a=first.title,
            a_self=a.self_view,
            a_other=a.other_view,
            b=second.title,
            b_self=b.self_view,
            b_other=b.other_view,
        )
    return [SlotSet("last_concept", pair[1])]


class ActionExplainConcept(FailsKindlyAction):
    """Explains one concept, or compares two when the question asks how they differ."""

    def name(self) -> str:
        return "action_explain_concept"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = _text(tracker)
        # A question inside a share ("... is that the anxious one?"): read the question only.
        question = service.concept_question(text)
        pair = service.comparison(_entity_values(tracker), question[0] if question else text)
        if pair is not None:
            return _compare(dispatcher, pair)
        concept_id = question[1] if question else service.pick_concept(
            _entity_values(tracker), text
        )
        if concept_id is None:
            dispatcher.utter_message(response="utter_concept_unknown", buttons=_topic_buttons())
            return []
        explanation = service.explain(concept_id)
        more = {"title": explanation.more_label, "payload": intent_payload("ask_concept_more")}
        buttons = [more] + [
            _ask_button(r) for r in explanation.related
        ]
        dispatcher.utter_message(
            response="utter_concept_short",
            title=explanation.concept.title,
            short=explanation.concept.short,
            buttons=buttons,
        )
        return [SlotSet("last_concept", concept_id)]


class ActionExplainConceptMore(FailsKindlyAction):
    def name(self) -> str:
        return "action_explain_concept_more"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        concept_id = service.pick_concept(_entity_values(tracker), "") or tracker.get_slot(
            "last_concept"
        )
        if concept_id is None:
            dispatcher.utter_message(response="utter_concept_which", buttons=_topic_buttons())
            return []
        concept = service.explain(concept_id).concept
        dispatcher.utter_message(response="utter_concept_more", more=concept.more)
        dispatcher.utter_message(response="utter_concept_example", example=concept.example)
        return [SlotSet("last_concept", concept_id)]
