"""Only text clearly in another language is called unreadable; English slang never is."""

from __future__ import annotations

import pytest

from bot.safety.language import guess_language


@pytest.mark.parametrize(
    "text",
    [
        "quiero morirme, ya no aguanto más",
        "no sé qué hacer con mi vida, mi madre no me habla",
        "je veux mourir",
        "ich will nicht mehr leben",
        "я хочу умереть",
        "我不想活了",
    ],
)
def test_guess_language__another_language_is_not_readable(text: str) -> None:
    assert guess_language(text).readable is False


@pytest.mark.parametrize(
    "text",
    [
        "ngl im so done",
        "nah im good",
        "kms fr",
        "wyd",
        "hola",
        "Self-harmed at fifteen. Stopped since.",
        "I don't want live anymore, every day is same pain.",
        "secure vs preoccupied",
        "",
        "😭😭",
    ],
)
def test_guess_language__english_in_any_voice_is_readable(text: str) -> None:
    assert guess_language(text).readable is True
