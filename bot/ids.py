"""Identifiers every layer shares: module ids, follow-up keys, slot names, payloads.

Each lives here once so that NLU, actions, services, storage and scoring cannot
drift apart. This module imports nothing from the project, so any layer may
import it without an import running back up the layers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

# The takeaway modules and the follow-ups a shallow answer can get (DESIGN.md).
TAKEAWAY_IDS: tuple[str, ...] = (
    "early_experiences",
    "relationship_patterns",
    "constructive_exposure",
    "emotional_literacy",
    "seek_support",
)
FOLLOWUP_KEYS: tuple[str, ...] = ("feeling", "moment", "past", "other_view", "next_step")

# Where the NLU risk check puts its assessment on a parsed message.
RISK_KEY = "securebase_risk"

# Intents NLU never learns from examples: set by the risk check (a cue to ask about, text
# not in English) or sent only by a button ("I'm okay" under the direct question).
UNTRAINED_INTENTS: tuple[str, ...] = (
    "safety_check",
    "not_english",
    "safety_ok",
    "choose_risk_alerts",
)

# How multiple-choice options are lettered, in questions and in answers.
LETTERS = "abcdefgh"

# Slots (domain.yml) that more than one layer reads or writes.
TAKEAWAY_SLOT = "takeaway"
REFLECTION_ID_SLOT = "reflection_id"
REFLECTION_READY_SLOT = "reflection_ready"
PENDING_OFFER_SLOT = "pending_offer"
MOOD_BEFORE_SLOT = "mood_before"
ANSWER_SLOT = "reflection_answer"
MOOD_AFTER_SLOT = "mood_after"
# The safety question just asked ("intent" or "safe") and the form to go back to.
SAFETY_QUESTION_SLOT = "safety_question"
SAFETY_RESUME_SLOT = "safety_resume"
# The reflection id whose introduction was shown: a prompt asked again comes without it.
INTRODUCED_SLOT = "reflection_introduced"
# A share written before choosing a module, kept so "use what I wrote" can make it the
# answer to the first prompt (bot.services.module_offer).
CARRIED_SLOT = "carried_answer"
# Set by action_delete_data; the tracker store forgets the conversation when it sees it.
FORGET_SLOT = "forget_me"
# How long data is kept after the last visit, in words; set at every session start.
RETENTION_SLOT = "retention_period"

# Therapist invites: codes easy to read out (no 0/O, 1/I/L), single use, 14 days by default.
INVITE_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
INVITE_CODE_LENGTH = 8
INVITE_DAYS = 14
# What a linked client shares: nothing yet, scores and summaries, or those and written answers.
SCOPE_NONE = "none"
SCOPE_SUMMARIES = "summaries"
SCOPE_ANSWERS = "answers"
CONSENT_SCOPES: tuple[str, ...] = (SCOPE_NONE, SCOPE_SUMMARIES, SCOPE_ANSWERS)

# The reflection form's slots, in the order the form asks them.
MODULE_SLOTS: tuple[str, ...] = (MOOD_BEFORE_SLOT, ANSWER_SLOT, MOOD_AFTER_SLOT)


def module_reset(also: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Slot values that leave no half-filled module behind, with ``also`` on top.

    Starting, pausing, finishing and stopping for safety all clear the form's
    slots and its readiness flag; each adds what it knows (the new module, a
    forgotten id, a dropped offer).
    """
    return {REFLECTION_READY_SLOT: None, **{slot: None for slot in MODULE_SLOTS}, **(also or {})}


def intent_payload(intent: str, entities: Mapping[str, Any] | None = None) -> str:
    """A button payload that triggers ``intent`` directly, entities JSON-escaped."""
    if not entities:
        return f"/{intent}"
    return f"/{intent}{json.dumps(dict(entities))}"


def concept_payload(concept_id: str) -> str:
    """The payload of a button that asks about one concept."""
    return intent_payload("ask_concept", {"concept": concept_id})
