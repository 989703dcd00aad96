"""The shared identifiers: payloads Rasa can parse and the one list of slots to reset."""

from __future__ import annotations

import json

import yaml

from bot.ids import (
    ANSWER_SLOT,
    FORGET_SLOT,
    MODULE_SLOTS,
    MOOD_AFTER_SLOT,
    MOOD_BEFORE_SLOT,
    PENDING_OFFER_SLOT,
    REFLECTION_ID_SLOT,
    REFLECTION_READY_SLOT,
    TAKEAWAY_SLOT,
    concept_payload,
    intent_payload,
    module_reset,
)
from bot.settings import PROJECT_ROOT


def _domain() -> dict:
    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


def test_concept_payload__is_the_ask_concept_intent_with_the_concept_entity() -> None:
    assert concept_payload("secure_base") == '/ask_concept{"concept": "secure_base"}'


def test_intent_payload__without_entities_is_just_the_intent() -> None:
    assert intent_payload("ask_concept_more") == "/ask_concept_more"
    assert intent_payload("ask_progress", {}) == "/ask_progress"


def test_intent_payload__escapes_entity_values_as_json() -> None:
    payload = intent_payload("ask_concept", {"concept": 'say "hi" \\ {now}'})
    intent, _, entities = payload.partition("{")
    assert intent == "/ask_concept"
    assert json.loads("{" + entities) == {"concept": 'say "hi" \\ {now}'}


def test_module_slots__are_the_reflection_forms_required_slots_in_order() -> None:
    required = _domain()["forms"]["reflection_form"]["required_slots"]
    assert list(MODULE_SLOTS) == required == [MOOD_BEFORE_SLOT, ANSWER_SLOT, MOOD_AFTER_SLOT]


def test_module_reset__clears_the_form_and_its_readiness_flag() -> None:
    assert module_reset() == {
        REFLECTION_READY_SLOT: None,
        MOOD_BEFORE_SLOT: None,
        ANSWER_SLOT: None,
        MOOD_AFTER_SLOT: None,
    }


def test_module_reset__adds_and_overrides_what_the_caller_knows() -> None:
    reset = module_reset({REFLECTION_ID_SLOT: "7", REFLECTION_READY_SLOT: True})
    assert reset[REFLECTION_ID_SLOT] == "7" and reset[REFLECTION_READY_SLOT] is True
    assert all(reset[slot] is None for slot in MODULE_SLOTS)


def test_module_reset__returns_a_fresh_dict_each_time() -> None:
    module_reset()[ANSWER_SLOT] = "changed"
    assert module_reset()[ANSWER_SLOT] is None


def test_slot_names__are_all_declared_in_the_domain() -> None:
    names = {
        TAKEAWAY_SLOT,
        REFLECTION_ID_SLOT,
        REFLECTION_READY_SLOT,
        PENDING_OFFER_SLOT,
        FORGET_SLOT,
        *MODULE_SLOTS,
    }
    assert names <= set(_domain()["slots"])
