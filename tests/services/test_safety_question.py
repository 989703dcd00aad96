"""Asking directly and acting on the answer, against a real migrated SQLite."""

from __future__ import annotations

from sqlalchemy import select

from bot.ids import ANSWER_SLOT, SAFETY_QUESTION_SLOT, SAFETY_RESUME_SLOT
from bot.safety import assess_risk
from bot.services import safety_question
from bot.storage.db import session_scope
from bot.storage.models import RiskEvent


def _levels(app_db: str) -> list[str]:
    with session_scope(app_db) as session:
        return list(session.scalars(select(RiskEvent.level).order_by(RiskEvent.id)))


def _responses(result: object) -> list[str | None]:
    return [reply.response for reply in result.replies]  # type: ignore[attr-defined]


def test_ask_directly__asks_records_the_cue_and_holds_the_form(app_db: str) -> None:
    risk = assess_risk("I can't promise I'll still be here next week").to_dict()
    result = safety_question.ask_directly(
        sender_id="p1", risk=risk, channel="rest", resume="reflection_form"
    )
    assert _responses(result) == ["utter_safety_ask_directly"]
    assert result.slots[SAFETY_QUESTION_SLOT] == "intent"
    assert result.slots[SAFETY_RESUME_SLOT] == "reflection_form"
    assert result.slots[ANSWER_SLOT] is None
    assert _levels(app_db) == ["ask"]
    with session_scope(app_db) as session:
        event = session.scalars(select(RiskEvent)).one()
        assert event.categories == ["risk_cue"]
        assert all("text" not in item for item in event.evidence)


def _answer(text: str, question: str = "intent", intent: str = "share", resume: str | None = None):
    return safety_question.answer(
        sender_id="p1",
        text=text,
        intent=intent,
        question=question,
        risk=assess_risk(text).to_dict(),
        channel="rest",
        resume=resume,
    )


def test_answer__yes_gets_the_crisis_reply_and_then_asks_if_they_are_safe(app_db: str) -> None:
    result = _answer("yes")
    assert result.risk_level == "crisis"
    assert any(reply.text for reply in result.replies)  # the resources, as text lines
    assert result.slots[SAFETY_QUESTION_SLOT] == "safe"
    assert _levels(app_db) == ["crisis"]


def test_answer__an_unclear_reply_is_treated_like_yes(app_db: str) -> None:
    assert _answer("why do you care").risk_level == "crisis"


def test_answer__im_okay_goes_back_to_where_they_were(app_db: str) -> None:
    result = _answer("/safety_ok", intent="safety_ok", resume="reflection_form")
    assert _responses(result) == ["utter_safety_glad_back"]
    assert result.slots == {SAFETY_QUESTION_SLOT: None, SAFETY_RESUME_SLOT: "reflection_form"}
    assert _levels(app_db) == []


def test_answer__okay_outside_an_exercise_asks_what_next(app_db: str) -> None:
    assert _responses(_answer("no, I'm okay")) == ["utter_safety_glad"]


def test_answer__not_safe_after_the_crisis_reply_urges_help_and_records_it(app_db: str) -> None:
    result = _answer("no", question="safe")
    assert _responses(result)[0] == "utter_safety_urgent" and result.replies[1].text
    assert result.slots[SAFETY_QUESTION_SLOT] is None
    assert _levels(app_db) == ["crisis"]


def test_answer__safe_after_the_crisis_reply_is_acknowledged(app_db: str) -> None:
    assert _responses(_answer("yes I'm safe", question="safe")) == [
        "utter_safety_glad_after_crisis"
    ]


def test_answer__silence_like_reply_after_the_crisis_reply_repeats_the_resources(
    app_db: str,
) -> None:
    result = _answer("...", question="safe")
    assert _responses(result)[0] == "utter_safety_unclear" and result.replies[1].text


def test_answer__a_crisis_in_the_reply_wins_over_a_yes(app_db: str) -> None:
    result = _answer("yes I'm safe but I want to kill myself", question="safe")
    assert result.risk_level == "crisis"


def test_ask_directly__on_a_stop_inside_a_module_pauses_it_then_asks(app_db: str) -> None:
    from bot.services import journey
    from bot.storage.models import Answer, ReflectionSession

    rid = journey.start(sender_id="p1", takeaway="early_experiences").reflection_id
    text = "I don't want to do this anymore"
    result = safety_question.ask_directly(
        sender_id="p1", risk=assess_risk(text).to_dict(), channel="rest",
        resume="reflection_form", text=text, reflection_id=rid,
    )  # fmt: skip
    # the pause is said, and the question comes last: the next message answers it
    assert _responses(result) == ["utter_reflection_paused", "utter_safety_ask_directly"]
    assert result.slots[SAFETY_RESUME_SLOT] is None  # "I'm okay" does not reopen the form
    assert _levels(app_db) == ["ask"]
    with session_scope(app_db) as session:
        assert session.get(ReflectionSession, rid).status == "paused"
        assert session.scalars(select(Answer)).first() is None


def test_ask_directly__an_ordinary_cue_keeps_the_module_waiting(app_db: str) -> None:
    from bot.services import journey

    rid = journey.start(sender_id="p1", takeaway="early_experiences").reflection_id
    text = "I can't promise I'll still be here next week"
    result = safety_question.ask_directly(
        sender_id="p1", risk=assess_risk(text).to_dict(), channel="rest",
        resume="reflection_form", text=text, reflection_id=rid,
    )  # fmt: skip
    assert _responses(result) == ["utter_safety_ask_directly"]
    assert result.slots[SAFETY_RESUME_SLOT] == "reflection_form"
