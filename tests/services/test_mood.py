from __future__ import annotations

import pytest

from bot.services.mood import SKIPPED, parse_mood


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        (" 5 ", 5),
        ("I'd say a 2", 2),
        ("four", 4),
        ("skip", SKIPPED),
        ("no thanks", SKIPPED),
        ("pretty good", 4),
        ("not great", 2),
        ("not bad", 4),
        ("okay I guess", 3),
        ("awful", 1),
    ],
)
def test_parse_mood__reads_numbers_words_and_skips(text: str, expected: object) -> None:
    assert parse_mood(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "7", "12", "🙂🙃", "between 2 and 4", None])
def test_parse_mood__unclear_input_is_none(text: str | None) -> None:
    assert parse_mood(text) is None
