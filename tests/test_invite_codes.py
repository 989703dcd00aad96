"""Invite codes are easy to read out, and found in a message only when they are one."""

from __future__ import annotations

import pytest

from bot.ids import INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH
from bot.invite_codes import display, find_in_text, new_code, normalize


def test_new_code__uses_only_unambiguous_characters_with_a_digit_and_a_letter() -> None:
    for _ in range(300):
        code = new_code()
        assert len(code) == INVITE_CODE_LENGTH
        assert set(code) <= set(INVITE_CODE_ALPHABET)
        assert not set(code) & set("01OIL")
        assert any(c.isdigit() for c in code) and any(c.isalpha() for c in code)


def test_new_codes__differ() -> None:
    assert len({new_code() for _ in range(200)}) == 200


@pytest.mark.parametrize("typed", ["K7PX-3M9Q", "k7px3m9q", " k7px 3m9q ", "K7PX – 3M9Q"])
def test_normalize__tolerates_case_spaces_and_dashes(typed: str) -> None:
    assert normalize(typed) == "K7PX3M9Q"


@pytest.mark.parametrize("typed", ["K7PX-3M9", "K7PX-3M9QQ", "K0PX-3M9Q", "KLPX-3M9Q", ""])
def test_normalize__refuses_wrong_length_or_ambiguous_characters(typed: str) -> None:
    assert normalize(typed) is None


def test_display__splits_the_code_in_two_halves() -> None:
    assert display("K7PX3M9Q") == "K7PX-3M9Q"


@pytest.mark.parametrize(
    "message",
    [
        "I have a code from my therapist: K7PX-3M9Q",
        "k7px-3m9q",
        "K7PX3M9Q",
        "my code is k7px 3m9q",
        "here it is: K7PX 3M9Q, thanks",
    ],
)
def test_find_in_text__finds_a_code_written_any_way(message: str) -> None:
    assert find_in_text(message) == "K7PX3M9Q"


def test_find_in_text__a_code_of_letters_only_needs_a_dash_or_the_word_code() -> None:
    assert find_in_text("ABCD-EFGH") == "ABCDEFGH"
    assert find_in_text("my invite code is abcd efgh") == "ABCDEFGH"
    assert find_in_text("ABCDEFGH") is None


@pytest.mark.parametrize(
    "message",
    [
        "I have a code from my therapist",
        "what were you saying",
        "everyday",
        "STRENGTH",
        "that was a tear-jerk movie",
        "in 2024 and 2025 things were hard",
        "I was 7 and my dad left",
        "stop sharing with my therapist",
    ],
)
def test_find_in_text__ordinary_messages_hold_no_code(message: str) -> None:
    assert find_in_text(message) is None
