"""Domain responses render as Rasa renders them, without interpolation errors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rasa.core.nlg import interpolator

INTENT_PAYLOAD_PREFIX = "/"
# Values actions pass to responses whose buttons carry them (a therapist link id, a payload).
ACTION_VALUES = {"link": "7", "payload": '/choose_module{"takeaway": "seek_support"}'}


def _interpolate_strictly(
    text: str, monkeypatch: pytest.MonkeyPatch, values: dict[str, Any] | None = None
) -> str:
    errors: list[Any] = []
    monkeypatch.setattr(interpolator.structlogger, "exception", lambda *a, **k: errors.append(k))
    rendered = interpolator.interpolate_text(text, values or {})
    assert not errors, f"Rasa could not interpolate {text!r}: {errors}"
    return rendered


def test_button_payloads__render_to_valid_intent_json(
    domain_dict: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = 0
    for variants in domain_dict["responses"].values():
        for variant in variants:
            for button in variant.get("buttons", []):
                payload = _interpolate_strictly(button["payload"], monkeypatch, ACTION_VALUES)
                if payload.startswith(INTENT_PAYLOAD_PREFIX) and "{" in payload:
                    json.loads(payload[payload.index("{") :])
                    checked += 1
    assert checked >= 5


def test_module_menu__payload_names_the_module(
    domain_dict: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    button = domain_dict["responses"]["utter_ask_module"][0]["buttons"][0]
    rendered = _interpolate_strictly(button["payload"], monkeypatch)
    assert rendered == '/choose_module{"takeaway": "early_experiences"}'
