"""Safety and data-control actions on a real SQLite database."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from actions.data import ActionDeleteData, ActionExportData
from actions.reflection import ActionStartReflection, ValidateReflectionForm
from actions.safety import ActionConcernResponse, ActionCrisisResponse, ActionGetHelpNow
from bot.safety import assess_risk
from bot.storage.db import session_scope
from bot.storage.models import Answer, ReflectionSession, RiskEvent, User
from tests.support.actions import run
from tests.support.trackers import make_tracker

CRISIS = "I lost my job, which bridges are taller than 25 m?"


def confirmed(question: str, **kwargs: Any) -> Any:
    """A tracker whose latest message answers ``question``, asked in the turn just before."""
    tracker = make_tracker(intent="affirm", text="/affirm", **kwargs)
    tracker.events[:0] = [
        {"event": "action", "name": question},
        {"event": "bot", "text": "Sure?"},
        {"event": "action", "name": "action_listen"},
    ]
    return tracker


def with_risk(text: str, **kwargs: Any) -> Any:
    tracker = make_tracker(text=text, **kwargs)
    tracker.latest_message["securebase_risk"] = assess_risk(text).to_dict()
    return tracker


def start(domain: dict[str, Any], sender: str = "person-1") -> str:
    tracker = make_tracker(
        sender_id=sender,
        intent="choose_module",
        entities=[{"entity": "takeaway", "value": "early_experiences"}],
    )
    events, _ = run(ActionStartReflection(), tracker, domain)
    return next(e["value"] for e in events if e.get("name") == "reflection_id")


def test_crisis__resources_come_first_and_an_event_is_stored_without_the_words(
    app_db: str, domain_dict: dict
) -> None:
    rid = start(domain_dict)
    _, messages = run(ActionCrisisResponse(), with_risk(CRISIS, intent="crisis"), domain_dict)
    assert "glad you said it" in messages[0]["text"]
    assert "findahelpline.com" in messages[1]["text"]
    assert any("safe right now" in m["text"] for m in messages)
    with session_scope(app_db) as session:
        event = session.execute(select(RiskEvent)).scalar_one()
        assert event.level == "crisis" and "method_or_means" in event.categories
        assert event.text is None and "bridges" not in json.dumps(event.evidence)
        assert session.get(ReflectionSession, int(rid)).status == "paused"


def test_crisis_region__uk_gets_samaritans(app_db: str, domain_dict: dict, monkeypatch) -> None:
    from bot.settings import get_settings

    monkeypatch.setenv("CRISIS_REGION", "uk")
    get_settings.cache_clear()
    _, messages = run(ActionCrisisResponse(), with_risk(CRISIS, intent="crisis"), domain_dict)
    assert "116 123" in messages[1]["text"]


def test_crisis_inside_an_answer__is_never_stored_or_scored(app_db: str, domain_dict: dict) -> None:
    rid = start(domain_dict)
    tracker = with_risk(
        CRISIS,
        intent="share",
        slots={"reflection_id": rid, "requested_slot": "reflection_answer"},
        active_loop="reflection_form",
        extracted={"reflection_answer": CRISIS},
    )
    _, messages = run(ValidateReflectionForm(), tracker, domain_dict)
    assert "glad you said it" in messages[0]["text"]
    with session_scope(app_db) as session:
        assert session.execute(select(func.count(Answer.id))).scalar_one() == 0
        assert session.execute(select(func.count(RiskEvent.id))).scalar_one() == 1


def test_concern_inside_an_answer__is_validated_then_kept(app_db: str, domain_dict: dict) -> None:
    rid = start(domain_dict)
    text = "I felt hopeless and exhausted when my dad shouted, like I couldn't cope at all"
    tracker = with_risk(
        text,
        intent="distress",
        slots={"reflection_id": rid, "requested_slot": "reflection_answer"},
        active_loop="reflection_form",
        extracted={"reflection_answer": text},
    )
    assert tracker.latest_message["securebase_risk"]["level"] == "concern"
    _, messages = run(ValidateReflectionForm(), tracker, domain_dict)
    assert "weighing on you" in messages[0]["text"]
    assert "findahelpline" not in json.dumps(messages)
    with session_scope(app_db) as session:
        assert session.execute(select(Answer.text)).scalar_one() == text


def test_concern_outside_a_module__offers_a_pause_not_numbers(
    app_db: str, domain_dict: dict
) -> None:
    _, messages = run(
        ActionConcernResponse(),
        with_risk("I can't cope, I'm exhausted", intent="distress"),
        domain_dict,
    )
    assert any("pause" in m["text"] for m in messages)
    assert "988" not in json.dumps(messages) and "findahelpline" not in json.dumps(messages)


def test_get_help_now__lists_resources_without_recording_a_risk(
    app_db: str, domain_dict: dict
) -> None:
    _, messages = run(ActionGetHelpNow(), make_tracker(intent="get_help_now"), domain_dict)
    assert "findahelpline.com" in messages[0]["text"]
    with session_scope(app_db) as session:
        assert session.execute(select(func.count(RiskEvent.id))).scalar_one() == 0


def test_export__contains_answers_moods_and_risk_events(app_db: str, domain_dict: dict) -> None:
    rid = start(domain_dict)
    text = "When I was small my mum comforted me and I felt safe."
    run(
        ValidateReflectionForm(),
        make_tracker(
            text=text,
            intent="share",
            slots={"reflection_id": rid, "requested_slot": "reflection_answer"},
            active_loop="reflection_form",
            extracted={"reflection_answer": text},
        ),
        domain_dict,
    )
    run(ActionCrisisResponse(), with_risk(CRISIS, intent="crisis"), domain_dict)
    _, messages = run(
        ActionExportData(), confirmed("action_ask_export_confirmation"), domain_dict
    )
    export = messages[0]["custom"]["data"]["securebase_export"]
    assert export["modules"][0]["answers"][0]["text"] == text
    assert export["modules"][0]["answers"][0]["depth"] is not None
    assert export["risk_events"][0]["level"] == "crisis"
    json.dumps(export)  # serialisable as a file


def test_delete__removes_only_this_persons_rows_and_asks_the_tracker_store_to_forget(
    app_db: str, domain_dict: dict
) -> None:
    start(domain_dict, sender="leaving")
    start(domain_dict, sender="staying")
    events, messages = run(
        ActionDeleteData(),
        confirmed("action_ask_delete_confirmation", sender_id="leaving"),
        domain_dict,
    )
    assert {"event": "slot", "name": "forget_me", "value": True, "timestamp": None} in events
    assert messages[0]["response"] == "utter_data_deleted"
    assert messages[1]["custom"] == {"data": {"securebase": "forget"}}
    with session_scope(app_db) as session:
        senders = session.execute(select(User.sender_id)).scalars().all()
        assert senders == ["staying"]
        assert session.execute(select(func.count(ReflectionSession.id))).scalar_one() == 1


def test_session_start_and_stored_data__say_how_long_data_is_kept(
    app_db: str, domain_dict: dict, monkeypatch
) -> None:
    from actions.data import ActionDescribeStoredData
    from actions.session import ActionSessionStart
    from bot.settings import get_settings

    monkeypatch.setenv("RETENTION_DAYS", "90")
    get_settings.cache_clear()
    events, _ = run(ActionSessionStart(), make_tracker(), domain_dict)
    assert {"event": "slot", "name": "retention_period", "value": "3 months",
            "timestamp": None} in events  # fmt: skip
    _, messages = run(ActionDescribeStoredData(), make_tracker(), domain_dict)
    assert messages[0]["response"] == "utter_data_summary"
    assert messages[0]["retention_period"] == "3 months"
    summary = domain_dict["responses"]["utter_data_summary"][0]["text"]
    greeting = domain_dict["responses"]["utter_greet"][0]["text"]
    for text in (summary, greeting):
        assert "{retention_period}" in text and "encrypted" in text and "therapist" in text
    assert domain_dict["slots"]["retention_period"]["initial_value"] == "a year"


def test_delete__a_yes_after_another_question_deletes_nothing(
    app_db: str, domain_dict: dict
) -> None:
    start(domain_dict, sender="still-here")
    tracker = confirmed("action_ask_delete_confirmation", sender_id="still-here")
    tracker.events[1:1] = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "what is an internal working model"},
        {"event": "action", "name": "action_explain_concept"},
    ]
    events, messages = run(ActionDeleteData(), tracker, domain_dict)
    assert [m["response"] for m in messages] == ["utter_data_not_confirmed"]
    assert {"event": "slot", "name": "pending_offer", "value": None, "timestamp": None} in events
    with session_scope(app_db) as session:
        assert session.execute(select(User.sender_id)).scalars().all() == ["still-here"]


def test_export__asked_from_another_channel_than_the_data_sends_nothing(
    app_db: str, domain_dict: dict
) -> None:
    start(domain_dict, sender="widget-person")  # created over "rest" by make_tracker
    tracker = confirmed(
        "action_ask_export_confirmation", sender_id="widget-person", channel="socketio"
    )
    _, messages = run(ActionExportData(), tracker, domain_dict)
    assert [m.get("response") for m in messages] == ["utter_data_other_channel"]
    assert all("custom" not in m or not m["custom"] for m in messages)


def test_export__more_than_three_in_an_hour_waits(app_db: str, domain_dict: dict) -> None:
    start(domain_dict, sender="exports-a-lot")
    def ask() -> list[dict]:
        tracker = confirmed("action_ask_export_confirmation", sender_id="exports-a-lot")
        return run(ActionExportData(), tracker, domain_dict)[1]

    for _ in range(3):
        assert ask()[0]["custom"]["data"]["securebase_export"]["person"]
    messages = ask()
    assert [m.get("response") for m in messages] == ["utter_export_too_often"]
