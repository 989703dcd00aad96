"""Feedback quotes the person and asks at most one follow-up, never the same twice."""

from __future__ import annotations

import re

import pytest

from bot.scoring import Feedback, compose_feedback, score_answer

FOLLOWUPS = {
    "feeling": "What did you feel?",
    "moment": "Can you describe one moment?",
    "past": "Does this remind you of anything earlier?",
    "other_view": "How might they have seen it?",
    "next_step": "What is one small step?",
}


def _feedback(text: str, takeaway: str, previous: str | None = None) -> Feedback:
    result = score_answer(text, takeaway)
    return compose_feedback(text, result, takeaway, FOLLOWUPS, previous_followup=previous)


def _quotes(line: str) -> list[str]:
    return re.findall(r'"([^"]+)"', line)


def test_feedback__quotes_the_feeling_word_the_person_wrote() -> None:
    text = "When my friend cancelled I felt so Lonely."
    fb = _feedback(text, "emotional_literacy")
    assert "Lonely" in _quotes(fb.acknowledgement)
    assert fb.quote == "Lonely"


def test_feedback__quotes_two_feelings_when_two_were_named() -> None:
    fb = _feedback("I was disappointed and then ashamed.", "emotional_literacy")
    assert {"disappointed", "ashamed"} <= set(_quotes(fb.acknowledgement))


def test_feedback__without_a_feeling_quotes_a_short_phrase_verbatim() -> None:
    text = "Every time someone gets close, I find a reason to be busy."
    fb = _feedback(text, "relationship_patterns")
    quotes = _quotes(fb.acknowledgement)
    assert quotes and all(q in text for q in quotes)
    assert all(len(q.split()) <= 10 for q in quotes)


def test_feedback__never_shows_a_bare_number_or_grades() -> None:
    fb = _feedback("My dad left when I was 8 and I felt abandoned.", "early_experiences")
    outside_quotes = re.sub(r'"[^"]*"', "", fb.text)
    assert not re.search(r"\d", outside_quotes)
    assert "score" not in fb.text.lower() and "depth" not in fb.text.lower()


def test_feedback__shallow_answer_gets_exactly_one_followup_from_the_module() -> None:
    fb = _feedback("My friend cancelled dinner.", "relationship_patterns")
    assert fb.followup_key in FOLLOWUPS
    assert fb.followup_text == FOLLOWUPS[fb.followup_key]


def test_feedback__deep_answer_gets_no_followup() -> None:
    text = (
        "My friend cancelled and I felt rejected. I assumed she didn't like me, "
        "but she had a sick child. Next time I'll ask her before deciding what it means."
    )
    fb = _feedback(text, "relationship_patterns")
    assert fb.followup_key is None and fb.followup_text is None
    assert fb.text == fb.acknowledgement


def test_feedback__depth_2_missing_the_modules_key_element_asks_for_it() -> None:
    text = "Whenever I cried my dad told me to toughen up, and I felt ashamed every time."
    result = score_answer(text, "constructive_exposure")
    assert result.depth == 2
    fb = compose_feedback(text, result, "constructive_exposure", FOLLOWUPS)
    assert fb.followup_key == "next_step"


def test_feedback__depth_2_with_the_key_element_gets_no_followup() -> None:
    text = "Whenever I cried my dad told me to toughen up, and I still feel ashamed now."
    result = score_answer(text, "early_experiences")
    assert result.depth == 2 and "past" not in result.missing
    assert compose_feedback(text, result, "early_experiences", FOLLOWUPS).followup_key is None


def test_feedback__never_repeats_the_previous_followup() -> None:
    text = "I was sad."
    first = _feedback(text, "emotional_literacy")
    second = _feedback(text, "emotional_literacy", previous=first.followup_key)
    assert first.followup_key is not None and second.followup_key is not None
    assert second.followup_key != first.followup_key


def test_feedback__dont_know_gets_a_gentle_followup_and_its_words_quoted() -> None:
    fb = _feedback("I don't know", "early_experiences")
    assert "I don't know" in _quotes(fb.acknowledgement)
    assert fb.followup_key is not None


def test_feedback__empty_answer_gets_a_kind_line_and_a_followup() -> None:
    fb = _feedback("   ", "seek_support")
    assert fb.acknowledgement and fb.quote is None
    assert fb.followup_key is not None


def test_feedback__only_offers_followups_it_was_given() -> None:
    result = score_answer("My friend cancelled dinner.", "relationship_patterns")
    fb = compose_feedback("x", result, "relationship_patterns", {"next_step": "A step?"})
    assert fb.followup_key in (None, "next_step")


def test_feedback__negated_feeling_is_not_quoted_as_felt() -> None:
    fb = _feedback("I wasn't angry at all, my mum just forgot my birthday.", "early_experiences")
    assert "angry" not in _quotes(fb.acknowledgement)


def test_feedback__is_deterministic() -> None:
    text = "I felt relieved when she called back."
    assert _feedback(text, "emotional_literacy") == _feedback(text, "emotional_literacy")


def test_feedback__unknown_takeaway_is_a_value_error() -> None:
    result = score_answer("I felt sad.", "seek_support")
    with pytest.raises(ValueError):
        compose_feedback("I felt sad.", result, "nope", FOLLOWUPS)


def test_feedback__quoting_the_opening_stops_at_a_clause_edge() -> None:
    text = "Weather was nice today, we had a picnic and then the train home was late again."
    fb = _feedback(text, "emotional_literacy")
    assert "Weather was nice today" in _quotes(fb.acknowledgement)
