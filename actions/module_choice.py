"""A module chosen in free words, a two-module offer, or a share reflected back with an offer."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import FailsKindlyAction, channel, latest_intent
from actions.reflection import _module_events, _welcome_back
from bot.content import load_catalog
from bot.ids import CARRIED_SLOT, REFLECTION_READY_SLOT, TAKEAWAY_IDS, intent_payload
from bot.services import journey, module_offer
from bot.services.module_choice import modules_in_buttons


def _last_menu(tracker: Tracker) -> tuple[str, ...]:
    """The modules the bot's last turn listed as buttons, in order (see ``menu_shown``)."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return ()
            seen_user = True
        elif seen_user and event.get("event") == "bot":
            listed = modules_in_buttons((event.get("data") or {}).get("buttons") or [])
            if listed:
                return listed
    return ()


def _buttons(modules: tuple[str, ...]) -> list[dict[str, str]]:
    catalog = load_catalog()
    return [
        {
            "title": catalog.takeaway(t).title,
            "payload": intent_payload("choose_module", {"takeaway": t}),
        }
        for t in modules
    ]


def _echo(dispatcher: CollectingDispatcher, plan: module_offer.Plan) -> None:
    if plan.feeling:
        dispatcher.utter_message(response="utter_choice_echo_feeling", feeling=plan.feeling)
    elif plan.theme:
        dispatcher.utter_message(response="utter_choice_echo_theme", theme=plan.theme)
    elif plan.personal:
        dispatcher.utter_message(response="utter_choice_echo")


class ActionChooseModule(FailsKindlyAction):
    """Start the module a typed message means, or offer the ones it could mean."""

    def name(self) -> str:
        return "action_choose_module"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = str((tracker.latest_message or {}).get("text") or "")
        entity = next(
            (v for v in tracker.get_latest_entity_values("takeaway") if v in TAKEAWAY_IDS), None
        )
        plan = module_offer.plan(
            text, menu=_last_menu(tracker), shared=latest_intent(tracker) == "share"
        )
        start = plan.start or (entity if not plan.offer else None)
        # A share carried by the offer before ("the first one" after it) stays carried.
        kept = None if plan.personal else tracker.get_slot(CARRIED_SLOT)
        carried = text if plan.carry else kept
        _echo(dispatcher, plan)
        if start is not None:
            started = journey.start(
                sender_id=tracker.sender_id, takeaway=start, channel=channel(tracker)
            )
            title = load_catalog().takeaway(start).title
            dispatcher.utter_message(response="utter_choice_starting", title=title)
            if carried and not (started.resumed and started.answered > 0):
                dispatcher.utter_message(response="utter_choice_carried")
            _welcome_back(dispatcher, started)
            return [*_module_events(started), SlotSet(CARRIED_SLOT, carried)]
        if plan.offer:
            if carried:
                dispatcher.utter_message(response="utter_choice_carry_offer")
            response = "utter_choice_offer_share" if plan.personal else "utter_choice_two"
            dispatcher.utter_message(response=response, buttons=_buttons(plan.offer))
        else:
            dispatcher.utter_message(response="utter_unknown_module")
            dispatcher.utter_message(response="utter_ask_module")
        return [SlotSet(REFLECTION_READY_SLOT, False), SlotSet(CARRIED_SLOT, carried)]
