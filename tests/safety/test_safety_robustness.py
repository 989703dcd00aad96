"""assess_risk must not crash on any str and must stay fast."""

from __future__ import annotations

import time

import pytest

from bot.safety import assess_risk
from bot.safety.normalize import fold


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "😭😭😭", "أريد أن أموت", "שלום", "\u200b\u200d\ufeff", "\x00\x07",
     "ﬁ ß İ ǅ", "a" * 20_000, "é" * 20_000, "🙂 " * 7_000, "\ud800 lone surrogate",
     "I want to die " + "." * 19_000],
)
def test_robustness__any_string_returns_an_assessment(text: str) -> None:
    a = assess_risk(text)
    assert a.level in ("none", "concern", "crisis")
    for item in a.evidence:
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.text


def test_robustness__non_string_input_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        assess_risk(None)  # type: ignore[arg-type]


def test_robustness__zero_width_characters_do_not_hide_risk() -> None:
    text = "I w\u200bant to d\u200bie"
    a = assess_risk(text)
    assert a.level == "crisis"
    assert a.evidence[0].text == "w\u200bant to d\u200bie"


def test_robustness__curly_quotes_and_capitals_are_folded() -> None:
    assert assess_risk("I DON\u2019T WANT TO BE HERE ANYMORE").level == "crisis"


def test_robustness__rtl_marks_around_english_text_are_ignored() -> None:
    assert assess_risk("\u202bI want to kill myself\u202c").level == "crisis"


def test_robustness__stretched_letters_collapse_and_spans_cover_them() -> None:
    text = "i wanna dieeeee"
    a = assess_risk(text)
    assert a.level == "crisis"
    assert a.evidence[0].text.endswith("dieeeee")


def test_robustness__fold_maps_every_character_back_into_the_source() -> None:
    source = "Ｉ ｗａｎｔ\u200b to ﬁnish"
    folded = fold(source)
    assert folded.text == "i want to finish"
    start, end = folded.span(0, len(folded.text))
    assert source[start:end] == source


def test_robustness__typical_message_is_well_under_five_ms() -> None:
    text = ("When I think about my mother I remember waiting by the window, and now I feel "
            "anxious when my partner doesn't text back for a few hours.")
    assess_risk(text)
    runs = 200
    started = time.perf_counter()
    for _ in range(runs):
        assess_risk(text)
    per_call_ms = (time.perf_counter() - started) * 1000 / runs
    assert per_call_ms < 5


def test_robustness__twenty_thousand_characters_finish_quickly() -> None:
    text = ("I keep thinking about attachment and my mother. " * 500)[:20_000]
    started = time.perf_counter()
    assess_risk(text)
    assert time.perf_counter() - started < 1.0
