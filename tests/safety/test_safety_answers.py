"""Answers to a safety question are read toward safety: only a clear reassurance is safe."""

from __future__ import annotations

import pytest

from bot.safety.answers import read_answer


@pytest.mark.parametrize(
    "text", ["yes", "yeah", "Yes.", "yh", "I am", "yes I have been thinking about it"]
)
def test_read_answer__yes_to_the_direct_question_is_unsafe(text: str) -> None:
    assert read_answer(text, "intent") == "unsafe"


@pytest.mark.parametrize(
    "text",
    ["no", "No, I'm okay", "I'm okay", "nah just venting", "no i didnt mean it like that",
     "I'm safe", "not like that"],
)
def test_read_answer__a_clear_no_to_the_direct_question_is_safe(text: str) -> None:
    assert read_answer(text, "intent") == "safe"


@pytest.mark.parametrize(
    "text", ["why do you care", "...", "whatever", "not sure", "maybe", "kinda", "not really",
             "", "🙃"]
)
def test_read_answer__anything_else_is_unclear_never_safe(text: str) -> None:
    assert read_answer(text, "intent") == "unclear"


@pytest.mark.parametrize("text", ["no", "not sure", "idk", "I don't feel safe", "i'm not ok"])
def test_read_answer__no_or_unsure_to_are_you_safe_is_unsafe(text: str) -> None:
    assert read_answer(text, "safe") == "unsafe"


@pytest.mark.parametrize("text", ["yes", "yeah I'm ok", "I'm safe", "I'm fine"])
def test_read_answer__yes_to_are_you_safe_is_safe(text: str) -> None:
    assert read_answer(text, "safe") == "safe"


def test_read_answer__the_same_word_means_opposite_things_for_each_question() -> None:
    assert read_answer("no", "intent") == "safe"
    assert read_answer("no", "safe") == "unsafe"
