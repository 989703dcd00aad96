"""Run a rasa-sdk action as the action server would, and read what it did."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher

from tests.support.aio import run_sync


def run(action: Action, tracker: Any, domain: dict[str, Any]) -> tuple[list[dict], list[dict]]:
    """The events an action returns and the messages it sends."""
    dispatcher = CollectingDispatcher()
    events = run_sync(action.run(dispatcher, tracker, domain))
    return events, dispatcher.messages


def slots_of(events: list[dict]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
