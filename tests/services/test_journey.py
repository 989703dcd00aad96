"""The reflection journey, one unit of work a call, on a real migrated SQLite database."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.ids import ANSWER_SLOT, MODULE_SLOTS
from bot.services import journey, turn
from bot.services.reflection import ReflectionNotFound
from bot.storage.db import session_scope
from bot.storage.models import ReflectionSession

SENDER = "person-1"


def test_start__commits_an_active_module_that_a_new_unit_of_work_sees(app_db: str) -> None:
    started = journey.start(sender_id=SENDER, takeaway="seek_support", channel="rest")
    with session_scope(app_db) as session:
        stored = session.get(ReflectionSession, started.reflection_id)
        assert (stored.takeaway, stored.status) == ("seek_support", "active")


def test_required_slots__ask_every_slot_of_a_new_module(app_db: str) -> None:
    rid = journey.start(sender_id=SENDER, takeaway="seek_support").reflection_id
    assert journey.required_slots(reflection_id=rid) == list(MODULE_SLOTS)


def test_required_slots__for_a_deleted_module_ask_nothing(app_db: str) -> None:
    assert journey.required_slots(reflection_id=404) == []


def test_pause_then_resume__continues_at_the_same_prompt(app_db: str) -> None:
    rid = journey.start(sender_id=SENDER, takeaway="seek_support").reflection_id
    turn.answer(sender_id=SENDER, reflection_id=rid, value="skip", intent="skip", risk=None)
    assert journey.pause(reflection_id=rid).number == 2
    assert journey.find_unfinished(sender_id=SENDER) is not None
    resumed = journey.resume(sender_id=SENDER)
    assert resumed is not None and resumed.reflection_id == rid and resumed.resumed
    step = journey.next_step(reflection_id=rid)
    assert step is not None and step.number == 2 and step.kind == "prompt"


def test_pause__of_a_deleted_module_says_it_is_gone(app_db: str) -> None:
    with pytest.raises(ReflectionNotFound):
        journey.pause(reflection_id=404)


def test_resume__with_nothing_open_is_none(app_db: str) -> None:
    assert journey.resume(sender_id="nobody") is None
    assert journey.position(reflection_id=404) is None


def test_closing_summary__offers_a_concept_after_the_last_prompt(app_db: str) -> None:
    rid = journey.start(sender_id=SENDER, takeaway="early_experiences").reflection_id
    for _ in range(3):
        result = turn.answer(
            sender_id=SENDER, reflection_id=rid, value="skip", intent="skip", risk=None
        )
    assert result.slots == {ANSWER_SLOT: "skip"}
    assert journey.next_step(reflection_id=rid) is None
    summary = journey.closing_summary(reflection_id=rid)
    assert summary.concept_id and summary.lines
    with session_scope(app_db) as session:
        assert session.execute(select(ReflectionSession.status)).scalar_one() == "completed"


def test_closing_summary__counts_answered_prompts_and_follow_ups_apart(app_db: str) -> None:
    rid = journey.start(sender_id=SENDER, takeaway="early_experiences").reflection_id
    turn.answer(sender_id=SENDER, reflection_id=rid, value="it was fine", intent="share", risk=None)
    step = journey.next_step(reflection_id=rid)
    assert step is not None and step.kind == "followup"
    turn.answer(
        sender_id=SENDER, reflection_id=rid, value="lonely, and a bit scared", intent="share",
        risk=None,
    )  # fmt: skip
    for _ in range(2):
        turn.answer(sender_id=SENDER, reflection_id=rid, value="skip", intent="skip", risk=None)
    explored = journey.closing_summary(reflection_id=rid).lines[0]
    assert "one prompt plus one follow-up question" in explored
