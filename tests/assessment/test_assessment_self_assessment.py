"""Self-assessment answers become two axis scores, a nearest style and a comparison."""

from __future__ import annotations

import pytest

from bot.assessment.self_assessment import (
    SelfAssessmentResult,
    compare_results,
    comparison_text,
    parse_likert,
    score_self_assessment,
)
from bot.content.knowledge import load_knowledge


def answers_for(self_agree: int, other_agree: int) -> dict[str, int]:
    """Answers that agree ``x`` with every positive item and ``8 - x`` with reversed ones."""
    answers = {}
    for item in load_knowledge().self_assessment.items:
        value = self_agree if item.axis == "self" else other_agree
        answers[item.id] = 8 - value if item.reverse else value
    return answers


@pytest.mark.parametrize(
    ("self_agree", "other_agree", "style"),
    [
        (7, 7, "secure"),
        (1, 7, "preoccupied"),
        (1, 1, "fearful_avoidant"),
        (7, 1, "dismissing_avoidant"),
        (5, 6, "secure"),
        (3, 5, "preoccupied"),
    ],
)
def test_score__each_quadrant_maps_to_its_style(
    self_agree: int, other_agree: int, style: str
) -> None:
    result = score_self_assessment(answers_for(self_agree, other_agree))
    assert result.nearest_style == style
    assert result.text == load_knowledge().self_assessment.results[style]


def test_score__extremes_reach_plus_and_minus_one() -> None:
    best = score_self_assessment(answers_for(7, 7))
    worst = score_self_assessment(answers_for(1, 1))
    assert (best.self_score, best.other_score) == (1.0, 1.0)
    assert (worst.self_score, worst.other_score) == (-1.0, -1.0)


def test_score__reverse_keyed_items_are_flipped() -> None:
    answers = {item.id: 7 for item in load_knowledge().self_assessment.items}
    result = score_self_assessment(answers)
    # Agreeing with everything cancels out: positive and reversed items pull equally.
    assert result.self_score == 0.0 and result.other_score == 0.0
    assert result.near_boundary


def test_score__one_reversed_answer_moves_the_score_down() -> None:
    answers = answers_for(6, 6)
    reversed_self = next(
        i for i in load_knowledge().self_assessment.items if i.axis == "self" and i.reverse
    )
    before = score_self_assessment(answers).self_score
    answers[reversed_self.id] = 7
    assert score_self_assessment(answers).self_score < before


def test_score__position_text_names_both_axes_in_words() -> None:
    result = score_self_assessment(answers_for(5, 4))
    assert result.position == "view of self: fairly positive; view of others: mixed"
    strong = score_self_assessment(answers_for(7, 1))
    assert strong.position == "view of self: clearly positive; view of others: clearly negative"
    assert result.near_boundary


def test_score__clear_result_is_not_near_the_boundary() -> None:
    assert not score_self_assessment(answers_for(7, 2)).near_boundary


def test_score__missing_answer_is_a_value_error_naming_the_item() -> None:
    answers = answers_for(5, 5)
    answers.pop("other_mean_well")
    with pytest.raises(ValueError, match="other_mean_well"):
        score_self_assessment(answers)


def test_score__unknown_item_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown \\['surprise'\\]"):
        score_self_assessment({**answers_for(5, 5), "surprise": 3})


@pytest.mark.parametrize("bad", [0, 8, -1, "5", 4.5, True])
def test_score__answer_off_the_scale_is_a_value_error(bad: object) -> None:
    answers: dict = answers_for(5, 5)
    answers["self_found_out"] = bad
    with pytest.raises(ValueError, match="self_found_out: expected 1-7"):
        score_self_assessment(answers)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6", 6),
        ("  7 ", 7),
        ("six", 6),
        ("5/7", 5),
        ("I'd say 3", 3),
        ("strongly agree", 7),
        ("Agree", 6),
        ("agree a bit", 5),
        ("slightly agree", 5),
        ("not sure", 4),
        ("neither agree nor disagree", 4),
        ("disagree a bit", 3),
        ("not really", 3),
        ("disagree", 2),
        ("nope", 2),
        ("Strongly disagree", 1),
        ("not at all", 1),
    ],
)
def test_parse_likert__reads_numbers_and_words(text: str, value: int) -> None:
    assert parse_likert(text) == value


@pytest.mark.parametrize("text", ["8", "0", "between 5 and 6", "banana", "", "agree, no, disagree"])
def test_parse_likert__unclear_or_off_scale_is_none(text: str) -> None:
    assert parse_likert(text) is None


def test_compare__reports_direction_per_axis_and_style_change() -> None:
    old = score_self_assessment(answers_for(2, 6))
    new = score_self_assessment(answers_for(6, 6))
    comparison = compare_results(old, new)
    assert comparison.self_direction == "up" and comparison.other_direction == "same"
    assert (comparison.old_style, comparison.new_style) == ("preoccupied", "secure")
    assert comparison.style_changed and comparison.self_change > 0


def test_compare__small_changes_read_as_the_same() -> None:
    old = score_self_assessment(answers_for(5, 5))
    comparison = compare_results(old, old)
    assert comparison.self_direction == comparison.other_direction == "same"
    assert not comparison.style_changed


def test_compare__accepts_any_stored_result_with_scores() -> None:
    stored = SelfAssessmentResult(
        -0.5, 0.4, "negative", "positive", "preoccupied", "", "", "", False, ""
    )
    new = score_self_assessment(answers_for(2, 2))
    assert compare_results(stored, new).other_direction == "down"


def test_comparison_text__uses_content_sentences_and_style_titles() -> None:
    old = score_self_assessment(answers_for(2, 6))
    new = score_self_assessment(answers_for(6, 6))
    text = comparison_text(compare_results(old, new))
    assert text.startswith("Your view of yourself came out more positive than last time.")
    assert "from Preoccupied attachment to Secure attachment" in text


def test_caveats__say_reflection_aid_not_diagnosis_and_that_models_change() -> None:
    caveats = " ".join(load_knowledge().self_assessment.caveats).lower()
    assert "not a diagnosis" in caveats and "change" in caveats and "snapshot" in caveats
