"""Linking with a therapist from the chat, and the consent the person controls."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import FailsKindlyAction, channel, latest_intent
from bot.ids import CONSENT_SCOPES, PENDING_OFFER_SLOT, SCOPE_NONE, intent_payload
from bot.services import linking

LINK_SLOT = "therapist_link"
ALL_LINKS = "all"
YES = frozenset({"yes", "true", "on", "1"})


def entity(tracker: Tracker, name: str) -> str | None:
    value = next(tracker.get_latest_entity_values(name), None)
    return None if value in (None, "") else str(value)


def link_ref(tracker: Tracker) -> int | None:
    """The link a button names, else the one the conversation is about."""
    for raw in (entity(tracker, "link"), tracker.get_slot(LINK_SLOT)):
        try:
            return int(raw) if raw not in (None, "") else None
        except (TypeError, ValueError):
            continue
    return None


def ask_scope(dispatcher: CollectingDispatcher, view: Any) -> list[EventType]:
    """Explain the three choices and ask; the answer is about this link."""
    dispatcher.utter_message(response="utter_link_explain_scopes", therapist=view.therapist)
    dispatcher.utter_message(
        response="utter_link_ask_scope", therapist=view.therapist, link=str(view.link_id)
    )
    return [SlotSet(PENDING_OFFER_SLOT, "consent"), SlotSet(LINK_SLOT, str(view.link_id))]


def which_therapist(
    dispatcher: CollectingDispatcher, intent: str, views: list[linking.LinkView], response: str
) -> None:
    buttons = [
        {"title": v.therapist, "payload": intent_payload(intent, {"link": str(v.link_id)})}
        for v in views
    ]
    dispatcher.utter_message(response=response, buttons=buttons)


class ActionLinkTherapist(FailsKindlyAction):
    def name(self) -> str:
        return "action_link_therapist"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        result = linking.redeem(
            sender_id=tracker.sender_id, code=entity(tracker, "code"), channel=channel(tracker)
        )
        if result.outcome == linking.NO_CODE:
            dispatcher.utter_message(response="utter_link_ask_code")
        elif result.outcome in (linking.LINKED, linking.ALREADY) and result.link_id is not None:
            found = "utter_link_found" if result.outcome == linking.LINKED else "utter_link_already"
            dispatcher.utter_message(response=found, therapist=result.therapist)
            view = linking.link_view(sender_id=tracker.sender_id, link_id=result.link_id)
            if view is not None:
                return ask_scope(dispatcher, view)
        else:
            dispatcher.utter_message(response=f"utter_link_{result.outcome}")
        return [SlotSet(PENDING_OFFER_SLOT, None)]


class ActionChooseScope(FailsKindlyAction):
    """The sharing choice, from a button, a typed reply, or "no" meaning "not now"."""

    def name(self) -> str:
        return "action_choose_scope"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        intent = latest_intent(tracker)
        scope = entity(tracker, "scope") if intent == "choose_scope" else None
        if scope is None and intent == "choose_scope":
            scope = linking.read_scope_choice(str(tracker.latest_message.get("text") or ""))
        if intent == "deny":
            scope = SCOPE_NONE
        link_id = link_ref(tracker)
        if scope not in CONSENT_SCOPES:
            view = linking.link_view(sender_id=tracker.sender_id, link_id=link_id)
            if view is None:
                dispatcher.utter_message(response="utter_no_therapist")
                return [SlotSet(PENDING_OFFER_SLOT, None)]
            dispatcher.utter_message(response="utter_scope_unclear")
            dispatcher.utter_message(
                response="utter_link_ask_scope", therapist=view.therapist, link=str(view.link_id)
            )
            return [SlotSet(PENDING_OFFER_SLOT, "consent"), SlotSet(LINK_SLOT, str(view.link_id))]
        chosen = linking.choose_scope(sender_id=tracker.sender_id, link_id=link_id, scope=scope)
        if chosen is None:
            dispatcher.utter_message(response="utter_no_therapist")
            return [SlotSet(PENDING_OFFER_SLOT, None)]
        name = chosen.therapist
        dispatcher.utter_message(response=f"utter_scope_set_{chosen.scope}", therapist=name)
        if chosen.scope == SCOPE_NONE:
            dispatcher.utter_message(response="utter_consent_reminder")
            return [SlotSet(PENDING_OFFER_SLOT, None)]
        dispatcher.utter_message(response="utter_alerts_explain", therapist=chosen.therapist)
        dispatcher.utter_message(
            response="utter_alerts_ask", therapist=chosen.therapist, link=str(chosen.link_id)
        )
        return [SlotSet(PENDING_OFFER_SLOT, "alerts"), SlotSet(LINK_SLOT, str(chosen.link_id))]


class ActionChooseRiskAlerts(FailsKindlyAction):
    def name(self) -> str:
        return "action_choose_risk_alerts"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        intent = latest_intent(tracker)
        if intent == "choose_risk_alerts":
            alerts = (entity(tracker, "alerts") or "").lower() in YES
        else:
            alerts = intent == "affirm"
        chosen = linking.choose_risk_alerts(
            sender_id=tracker.sender_id, link_id=link_ref(tracker), alerts=alerts
        )
        if chosen is None:
            dispatcher.utter_message(response="utter_no_therapist")
        else:
            on_off = "on" if chosen.risk_alerts else "off"
            name = chosen.therapist
            dispatcher.utter_message(response=f"utter_alerts_set_{on_off}", therapist=name)
            dispatcher.utter_message(response="utter_consent_reminder")
        return [SlotSet(PENDING_OFFER_SLOT, None)]


class ActionShowSharing(FailsKindlyAction):
    def name(self) -> str:
        return "action_show_sharing"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        views = linking.live_links(sender_id=tracker.sender_id)
        if not views:
            dispatcher.utter_message(response="utter_no_therapist")
            return []
        dispatcher.utter_message(response="utter_sharing_intro")
        for view in views:
            name = view.therapist
            dispatcher.utter_message(response=f"utter_sharing_{view.scope}", therapist=name)
            if view.scope != SCOPE_NONE:
                on_off = "on" if view.risk_alerts else "off"
                dispatcher.utter_message(
                    response=f"utter_sharing_alerts_{on_off}", therapist=view.therapist
                )
        dispatcher.utter_message(response="utter_sharing_options")
        return []


class ActionChangeSharing(FailsKindlyAction):
    def name(self) -> str:
        return "action_change_sharing"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        chosen = entity(tracker, "link")
        link_id = int(chosen) if chosen and chosen.isdigit() else None
        view = linking.link_view(sender_id=tracker.sender_id, link_id=link_id)
        if view is not None:
            return ask_scope(dispatcher, view)
        views = linking.live_links(sender_id=tracker.sender_id)
        if not views:
            dispatcher.utter_message(response="utter_no_therapist")
        else:
            which_therapist(dispatcher, "change_sharing", views, "utter_which_therapist")
        return [SlotSet(PENDING_OFFER_SLOT, None)]


class ActionStopSharing(FailsKindlyAction):
    """Revocation takes effect at once; with several therapists, the person picks."""

    def name(self) -> str:
        return "action_stop_sharing"

    async def perform(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        chosen = entity(tracker, "link")
        views = linking.live_links(sender_id=tracker.sender_id)
        if chosen == ALL_LINKS:
            targets = views
        elif chosen is not None:
            targets = [v for v in views if str(v.link_id) == chosen]
        else:
            targets = views if len(views) == 1 else []
        if not views:
            dispatcher.utter_message(response="utter_no_therapist")
        elif not targets:  # several therapists, or a button of a link already stopped
            which_therapist(dispatcher, "stop_sharing", views, "utter_which_therapist_stop")
        for view in targets:
            for name in linking.revoke(sender_id=tracker.sender_id, link_id=view.link_id):
                dispatcher.utter_message(response="utter_stopped_sharing", therapist=name)
        return [SlotSet(PENDING_OFFER_SLOT, None), SlotSet(LINK_SLOT, None)]
