"""Issue 12: a reply outside a module never leaves the person without a way forward."""

from __future__ import annotations

from typing import Any

import pytest

# Replies that can end the bot's turn outside a module (the rest end with the menu,
# a concept's buttons, or an offer the action builds with buttons).
OUTSIDE_A_MODULE = (
    "utter_out_of_scope",
    "utter_dont_know",
    "utter_deny_no_context",
    "utter_thank",
    "utter_help",
    "utter_nothing_to_pause",
    "utter_nothing_to_skip",
    "utter_ask_module",
    "utter_fallback_rephrase",
)


@pytest.mark.parametrize("response", OUTSIDE_A_MODULE)
def test_reply_outside_a_module__has_buttons(domain_dict: dict[str, Any], response: str) -> None:
    variants = domain_dict["responses"][response]
    assert all(len(v.get("buttons") or []) >= 2 for v in variants)
