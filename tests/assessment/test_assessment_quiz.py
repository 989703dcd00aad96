"""Quiz questions are drawn without repeats and free-word answers are graded fairly."""

from __future__ import annotations

import pytest

from bot.assessment.quiz import (
    draw_questions,
    feedback_text,
    grade_answer,
    option_lines,
    quiz_result_text,
)
from bot.content.knowledge import QuizQuestion, load_knowledge


def question(question_id: str) -> QuizQuestion:
    return next(q for q in load_knowledge().quiz if q.id == question_id)


def test_draw__gives_n_distinct_questions() -> None:
    drawn = draw_questions(8, seed=3)
    assert len(drawn) == 8
    assert len({q.id for q in drawn}) == 8


def test_draw__same_seed_repeats_and_other_seeds_vary() -> None:
    assert draw_questions(5, seed="user-1:1") == draw_questions(5, seed="user-1:1")
    sets = {tuple(q.id for q in draw_questions(5, seed=seed)) for seed in range(10)}
    assert len(sets) > 5


def test_draw__too_many_or_zero_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        draw_questions(len(load_knowledge().quiz) + 1, seed=1)
    with pytest.raises(ValueError):
        draw_questions(0, seed=1)


@pytest.mark.parametrize(
    ("answer", "understood"),
    [
        ("false", "false"),
        ("False.", "false"),
        ("nope", "false"),
        ("no, it can change", "false"),
        ("it can change", "false"),
        ("I don't think it's true", "false"),
        ("it's not true", "false"),
        ("yeah", "true"),
        ("I think it's true", "true"),
        ("TRUE", "true"),
        ("it stays the same", "true"),
    ],
)
def test_grade__fixed_trait_reads_free_words(answer: str, understood: str) -> None:
    grade = grade_answer(question("fixed_trait"), answer)
    assert grade.understood == understood
    assert grade.correct is (understood == "false")


def test_grade__question_words_outweigh_a_loose_yes() -> None:
    assert grade_answer(question("fixed_trait"), "yes, it can change").correct is True


@pytest.mark.parametrize("answer", ["hmm", "true or false?", "maybe", "", "what do you mean"])
def test_grade__unclear_true_false_answer_is_none_and_asks_again(answer: str) -> None:
    grade = grade_answer(question("fixed_trait"), answer)
    assert grade.correct is None and grade.understood is None
    assert "true or false" in grade.explanation


def test_grade__right_answer_on_a_true_question() -> None:
    grade = grade_answer(question("therapy_helps"), "yep")
    assert grade.correct is True
    assert grade.explanation == question("therapy_helps").explanation


@pytest.mark.parametrize(
    ("answer", "understood"),
    [
        ("a", "a"),
        ("A)", "a"),
        ("(b)", "b"),
        ("option c", "c"),
        ("I'd say c", "c"),
        ("the first one", "a"),
        ("2", "b"),
        ("early experiences with caregivers", "a"),
        ("a gene", "b"),
        ("school", "c"),
    ],
)
def test_grade__choice_reads_letters_positions_and_option_words(
    answer: str, understood: str
) -> None:
    grade = grade_answer(question("origin"), answer)
    assert grade.understood == understood
    assert grade.correct is (understood == "a")


@pytest.mark.parametrize(
    ("question_id", "answer"),
    [
        ("preoccupied_cell", "preoccupied"),
        ("dismissing_cell", "dismissive avoidant"),
        ("dismissing_cell", "Dismissing-avoidant"),
        ("fearful_cell", "fearful"),
        ("two_views", "the view of self and of others"),
    ],
)
def test_grade__style_names_in_own_words_are_right(question_id: str, answer: str) -> None:
    assert grade_answer(question(question_id), answer).correct is True


@pytest.mark.parametrize("answer", ["avoidant", "b or c"])
def test_grade__ambiguous_choice_is_none(answer: str) -> None:
    grade = grade_answer(question("fearful_cell"), answer)
    assert grade.correct is None
    assert "which option" in grade.explanation


def test_feedback__says_right_or_not_before_the_explanation() -> None:
    right = feedback_text(grade_answer(question("destiny"), "false"))
    wrong = feedback_text(grade_answer(question("destiny"), "true"))
    assert right.startswith("That's right.") and wrong.startswith("Not quite.")
    assert question("destiny").explanation in right


def test_option_lines__label_each_option_with_a_letter() -> None:
    assert option_lines(question("preoccupied_cell"))[1] == "b) Preoccupied"


def test_every_question__can_be_answered_right_in_words() -> None:
    for q in load_knowledge().quiz:
        answer = q.answer if q.kind == "true_false" else q.options["abcdefgh".index(q.answer)]
        assert grade_answer(q, answer).correct is True, q.id


@pytest.mark.parametrize(
    ("score", "total", "start"),
    [
        (8, 8, "You got 8 out of 8. Every"),
        (6, 8, "You got 6 out of 8. That's a solid"),
        (0, 8, "You got 0 out of 8. That's fine"),
    ],
)
def test_result_text__comes_from_content_by_share_right(score: int, total: int, start: str) -> None:
    assert quiz_result_text(score, total).startswith(start)


def test_result_text__impossible_score_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        quiz_result_text(9, 8)


@pytest.mark.parametrize("answer", ["no idea", "No idea!", "not sure", "idk", "I don't know"])
@pytest.mark.parametrize("question_id", ["awareness", "destiny", "fearful_cell"])
def test_grade__dont_know_is_unanswered_not_wrong(question_id: str, answer: str) -> None:
    grade = grade_answer(question(question_id), answer)
    assert grade.unanswered and grade.correct is None
    said = feedback_text(grade)
    assert said.startswith("That's fine") and "Not quite" not in said
    assert question(question_id).explanation in said


def test_grade__no_to_a_true_false_question_is_still_false() -> None:
    assert grade_answer(question("awareness"), "no").correct is True
    assert grade_answer(question("awareness"), "no, I think it's true").correct is None


def test_feedback__wrong_option_names_the_answer_then_what_their_pick_means() -> None:
    said = feedback_text(grade_answer(question("dismissing_cell"), "b"))
    assert said.startswith("Not quite. The answer is d) Dismissing-avoidant.")
    assert said.endswith(
        "You picked b) Preoccupied: preoccupied pairs a negative view of the self"
        " with a positive view of others."
    )


def test_feedback__a_letter_and_a_dont_know_reads_the_letter() -> None:
    grade = grade_answer(question("dismissing_cell"), "not sure, maybe d")
    assert grade.correct is True and not grade.unanswered
