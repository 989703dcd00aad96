"""Small helpers shared by the action modules."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

FORM_NAME = "reflection_form"
MODULE_SLOTS = ("mood_before", "reflection_answer", "mood_after")


def reflection_id(tracker: Tracker) -> int | None:
    """The app-database id of the module in progress, if the conversation has one."""
    raw = tracker.get_slot("reflection_id")
    try:
        return int(raw) if raw not in (None, "") else None
    except (TypeError, ValueError):
        return None


def channel(tracker: Tracker) -> str:
    return tracker.get_latest_input_channel() or "unknown"


def latest_intent(tracker: Tracker) -> str | None:
    intent = (tracker.latest_message or {}).get("intent") or {}
    name = intent.get("name")
    return str(name) if name else None


def in_reflection(tracker: Tracker) -> bool:
    return (tracker.active_loop or {}).get("name") == FORM_NAME


def cleared_module_slots() -> dict[str, Any]:
    return {slot: None for slot in MODULE_SLOTS}
