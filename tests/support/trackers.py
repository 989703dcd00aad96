"""A factory for fresh rasa-sdk trackers, one per test."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

DEFAULT_SLOTS: dict[str, Any] = {
    "takeaway": None,
    "reflection_id": None,
    "reflection_ready": None,
    "pending_offer": None,
    "mood_before": None,
    "reflection_answer": None,
    "mood_after": None,
    "requested_slot": None,
}


def make_tracker(
    *,
    sender_id: str = "person-1",
    text: str = "",
    intent: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    active_loop: str | None = None,
    channel: str = "rest",
    extracted: dict[str, Any] | None = None,
) -> Tracker:
    """A tracker whose latest user message is ``text``.

    ``extracted`` are slots that Rasa's ``action_extract_slots`` set from that
    message (what a form's validation action validates).
    """
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0} if intent else {},
        "entities": entities or [],
    }
    events: list[dict[str, Any]] = [
        {"event": "user", "text": text, "input_channel": channel, "parse_data": latest}
    ]
    events += [{"event": "slot", "name": k, "value": v} for k, v in (extracted or {}).items()]
    return Tracker(
        sender_id=sender_id,
        slots={**DEFAULT_SLOTS, **(slots or {}), **(extracted or {})},
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )
