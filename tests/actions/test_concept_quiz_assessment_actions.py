"""Concept, quiz and self-assessment actions on a real SQLite database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from actions.concepts import ActionExplainConcept, ActionExplainConceptMore
from actions.quiz import ActionAskQuizAnswer, ActionStartQuiz, ValidateQuizForm
from actions.self_assessment import (
    ActionAskSaAnswer,
    ActionShowChangeOverTime,
    ValidateSelfAssessmentForm,
)
from bot.services import quiz as quiz_service
from bot.services import self_assessment as sa_service
from bot.storage.db import session_scope
from bot.storage.models import QuizResult, SelfAssessment
from tests.support.actions import run, slots_of
from tests.support.trackers import make_tracker


def test_explain__answers_with_the_entity_concept_and_offers_more(domain_dict: dict) -> None:
    tracker = make_tracker(
        text="what is an IWM",
        intent="ask_concept",
        entities=[{"entity": "concept", "value": "internal_working_model"}],
    )
    events, messages = run(ActionExplainConcept(), tracker, domain_dict)
    assert messages[0]["response"] == "utter_concept_short"
    assert messages[0]["buttons"][0]["payload"] == "/ask_concept_more"
    assert slots_of(events) == {"last_concept": "internal_working_model"}


def test_explain__finds_the_concept_in_the_words_when_no_entity(domain_dict: dict) -> None:
    tracker = make_tracker(text="can my attachment style change over time?", intent="ask_concept")
    events, _ = run(ActionExplainConcept(), tracker, domain_dict)
    assert slots_of(events)["last_concept"] == "plasticity"


def test_explain__is_honest_about_an_unknown_topic(domain_dict: dict) -> None:
    tracker = make_tracker(text="what is quantum chromodynamics", intent="ask_concept")
    events, messages = run(ActionExplainConcept(), tracker, domain_dict)
    assert messages[0]["response"] == "utter_concept_unknown" and events == []


def test_tell_me_more__continues_the_last_concept(domain_dict: dict) -> None:
    tracker = make_tracker(
        text="tell me more", intent="ask_concept_more", slots={"last_concept": "secure_base"}
    )
    _, messages = run(ActionExplainConceptMore(), tracker, domain_dict)
    assert [m["response"] for m in messages] == ["utter_concept_more", "utter_concept_example"]


def test_compare__two_styles_shows_their_positions_from_the_seed_table(domain_dict: dict) -> None:
    tracker = make_tracker(text="difference between secure and preoccupied", intent="ask_concept")
    events, messages = run(ActionExplainConcept(), tracker, domain_dict)
    positions = messages[-1]
    assert positions["response"] == "utter_compare_positions"
    assert (positions["a_self"], positions["a_other"]) == ("positive", "positive")
    assert (positions["b_self"], positions["b_other"]) == ("negative", "positive")
    assert [m["response"] for m in messages[:3]] == [
        "utter_compare_intro", "utter_concept_short", "utter_concept_short"
    ]
    assert slots_of(events) == {"last_concept": "preoccupied"}


def test_compare__without_a_comparison_word_explains_one_concept(domain_dict: dict) -> None:
    tracker = make_tracker(
        text="how does my working model affect my relationship with my partner",
        intent="ask_concept",
        entities=[{"entity": "concept", "value": "internal_working_model"},
                  {"entity": "concept", "value": "romantic_relationships"}],
    )
    _, messages = run(ActionExplainConcept(), tracker, domain_dict)
    assert [m["response"] for m in messages] == ["utter_concept_short"]


def test_compare__asked_without_two_known_ideas_asks_which_two(domain_dict: dict) -> None:
    tracker = make_tracker(text="what's the difference between them", intent="ask_concept")
    _, messages = run(ActionExplainConcept(), tracker, domain_dict)
    assert messages[0]["response"] == "utter_compare_need_two" and messages[0]["buttons"]


def _quiz_tracker(ids: list[str], index: int, score: int, text: str) -> Any:
    return make_tracker(
        text=text,
        intent="share",
        slots={
            "quiz_questions": ids,
            "quiz_index": index,
            "quiz_score": score,
            "quiz_log": [],
            "requested_slot": "quiz_answer",
        },
        active_loop="quiz_form",
        extracted={"quiz_answer": text},
    )


def test_quiz__draws_eight_distinct_questions_that_vary(domain_dict: dict) -> None:
    first, _ = run(ActionStartQuiz(), make_tracker(sender_id="a"), domain_dict)
    second, _ = run(ActionStartQuiz(), make_tracker(sender_id="b"), domain_dict)
    ids_a, ids_b = slots_of(first)["quiz_questions"], slots_of(second)["quiz_questions"]
    assert len(ids_a) == len(set(ids_a)) == 8 and ids_a != ids_b


def test_quiz__asks_with_buttons_and_progress(domain_dict: dict) -> None:
    ids = quiz_service.new_quiz("seed")
    _, messages = run(ActionAskQuizAnswer(), _quiz_tracker(ids, 2, 0, ""), domain_dict)
    assert messages[0]["number"] == 3 and messages[0]["total"] == 8 and messages[0]["buttons"]


def test_quiz__right_answer_scores_and_last_answer_stores_the_result(
    app_db: str, domain_dict: dict
) -> None:
    ids = quiz_service.new_quiz("seed")
    last = quiz_service.question(ids[-1])
    events, messages = run(ValidateQuizForm(), _quiz_tracker(ids, 7, 5, last.answer), domain_dict)
    slots = slots_of(events)
    assert slots["quiz_score"] == 6 and slots["quiz_answer"] == "done"
    with session_scope(app_db) as session:
        row = session.execute(select(QuizResult)).scalar_one()
        assert (row.score, row.total) == (6, 8)


def test_quiz__unreadable_answer_is_asked_again(app_db: str, domain_dict: dict) -> None:
    ids = quiz_service.new_quiz("seed")
    events, _ = run(ValidateQuizForm(), _quiz_tracker(ids, 0, 0, "purple elephant"), domain_dict)
    assert slots_of(events)["quiz_answer"] is None and "quiz_index" not in slots_of(events)


def _sa_tracker(answers: dict[str, int], text: str, sender: str = "person-1") -> Any:
    return make_tracker(
        sender_id=sender,
        text=text,
        intent="share",
        slots={"sa_answers": answers, "requested_slot": "sa_answer"},
        active_loop="self_assessment_form",
        extracted={"sa_answer": text},
    )


def _complete(domain: dict, rating: str, sender: str = "person-1") -> list[dict]:
    items = sa_service.items()
    answers = {item.id: 4 for item in items[:-1]}
    _, messages = run(ValidateSelfAssessmentForm(), _sa_tracker(answers, rating, sender), domain)
    return messages


def test_self_assessment__asks_the_next_unanswered_statement(domain_dict: dict) -> None:
    first = sa_service.items()[0]
    _, messages = run(ActionAskSaAnswer(), _sa_tracker({first.id: 5}, ""), domain_dict)
    assert messages[0]["number"] == 2 and len(messages[0]["buttons"]) == 7


def test_self_assessment__words_are_understood_and_unclear_is_asked_again(
    domain_dict: dict,
) -> None:
    events, _ = run(ValidateSelfAssessmentForm(), _sa_tracker({}, "agree a bit"), domain_dict)
    assert list(slots_of(events)["sa_answers"].values()) == [5]
    events, messages = run(ValidateSelfAssessmentForm(), _sa_tracker({}, "banana"), domain_dict)
    assert slots_of(events) == {"sa_answer": None} and messages[0]["response"] == "utter_sa_unclear"


def test_self_assessment__result_is_stored_with_position_style_and_caveats(
    app_db: str, domain_dict: dict
) -> None:
    messages = _complete(domain_dict, "7")
    assert messages[0]["response"] == "utter_sa_position"
    assert any("diagnos" in (m.get("text") or "") for m in messages)
    with session_scope(app_db) as session:
        row = session.execute(select(SelfAssessment)).scalar_one()
        assert row.nearest_style in {
            "secure",
            "preoccupied",
            "fearful_avoidant",
            "dismissing_avoidant",
        }


def test_change_over_time__needs_two_results_then_compares(app_db: str, domain_dict: dict) -> None:
    _, messages = run(ActionShowChangeOverTime(), make_tracker(), domain_dict)
    assert messages[0]["response"] == "utter_change_need_two"
    _complete(domain_dict, "1")
    _complete(domain_dict, "7")
    _, messages = run(ActionShowChangeOverTime(), make_tracker(), domain_dict)
    assert messages[0]["text"]
