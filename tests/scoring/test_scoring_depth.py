"""Depth 0-3 after Kember et al. (2008) and Hatton & Smith (1995)."""

from __future__ import annotations

import pytest

from bot.scoring import score_answer


def _depth(text: str, takeaway: str = "relationship_patterns") -> int:
    return score_answer(text, takeaway).depth


@pytest.mark.parametrize("text", ["", "   \n ", "\t"])
def test_depth__empty_or_whitespace_scores_0(text: str) -> None:
    assert _depth(text) == 0


def test_depth__off_topic_scores_0() -> None:
    assert _depth("The football was on and I had pizza with extra cheese.") == 0


def test_depth__a_question_to_the_bot_is_not_a_reflection() -> None:
    assert _depth("Can you explain what an internal working model is?") == 0


@pytest.mark.parametrize("text", ["I don't know.", "idk tbh", "No idea", "Not sure."])
def test_depth__dont_know_is_a_valid_but_shallow_answer(text: str) -> None:
    result = score_answer(text, "early_experiences")
    assert result.depth == 0
    assert result.dont_know


def test_depth__a_bare_fragment_scores_0() -> None:
    assert _depth("My mum.") == 0


def test_depth__a_named_feeling_alone_is_description() -> None:
    assert _depth("Nervous.") == 1


def test_depth__plain_description_of_an_event_scores_1() -> None:
    assert _depth("My friend cancelled dinner last night.") == 1


def test_depth__feeling_tied_to_a_pattern_scores_2() -> None:
    text = "Whenever a friend cancels I feel rejected, it always goes this way."
    assert _depth(text) == 2


def test_depth__belief_about_self_linked_to_an_event_scores_2() -> None:
    text = "When my partner went quiet I told myself I'm too much for people."
    assert _depth(text) == 2


def test_depth__feeling_with_its_reason_scores_2() -> None:
    assert _depth("I feel guilty asking because I should be able to cope by now.") == 2


def test_depth__names_assumption_and_intention_scores_3() -> None:
    text = (
        "My friend cancelled and I felt rejected. I assumed she didn't like me, "
        "but she had a sick child. Next time I'll ask her before deciding what it means."
    )
    assert _depth(text) == 3


def test_depth__weighs_another_reading_and_links_past_and_present_scores_3() -> None:
    text = (
        "My boss snapped at me and I felt small, like when my dad shouted when I was a kid. "
        "Maybe she was just stressed about the deadline. I still shrink around anyone senior now."
    )
    assert _depth(text) == 3


def test_depth__one_critical_move_without_reflection_is_not_3() -> None:
    assert _depth("I'll call my sister tomorrow.") < 3


def test_depth__unknown_takeaway_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown takeaway"):
        score_answer("I felt sad.", "not_a_module")


def test_depth__very_long_answer_is_scored_and_bounded() -> None:
    text = " ".join(["I felt lonely when my dad left, and I still expect people to go."] * 60)
    result = score_answer(text, "early_experiences")
    assert 0 <= result.depth <= 3
    assert 0 <= result.granularity <= 4


def test_missing__priority_follows_the_module() -> None:
    result = score_answer("I was sad.", "early_experiences")
    assert result.missing[0] == "past"
    assert set(result.missing) <= {"feeling", "moment", "past", "other_view", "next_step"}


def test_missing__a_named_feeling_is_not_missing() -> None:
    text = "Last week my sister shouted at me and I felt ashamed."
    result = score_answer(text, "emotional_literacy")
    assert "feeling" not in result.missing
    assert "moment" not in result.missing


def test_missing__only_generic_words_still_ask_for_a_feeling() -> None:
    assert "feeling" in score_answer("I felt bad.", "emotional_literacy").missing


def test_depth__plural_and_possessive_family_words_are_on_topic() -> None:
    assert _depth("Our dads were away for work most winters, so we stayed with cousins.") >= 1


def test_depth__being_fine_with_everyone_is_not_perspective_taking() -> None:
    result = score_answer("I'm fine with everyone at work, really.", "relationship_patterns")
    assert not result.elements["perspective"]
    assert result.depth <= 1
