"""The reflection actions, run as rasa-sdk runs them, on a real SQLite database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from actions.progress import ActionShowProgress
from actions.reflection import (
    ActionAskMoodAfter,
    ActionAskReflectionAnswer,
    ActionFinishReflection,
    ActionPauseReflection,
    ActionResumeReflection,
    ActionStartReflection,
    ValidateReflectionForm,
)
from actions.session import ActionSessionStart
from bot.storage.db import session_scope
from bot.storage.models import Answer, MoodCheckin, ReflectionSession
from tests.support.actions import run, slots_of
from tests.support.trackers import make_tracker

DEEP = (
    "When I was seven my dad left and I felt abandoned and scared. I used to think it was my"
    " fault, but maybe he was struggling too. I still expect people to leave, so this week I"
    " want to tell my partner when I feel that fear."
)


def start(domain: dict[str, Any], takeaway: str = "early_experiences") -> str:
    tracker = make_tracker(
        intent="choose_module", entities=[{"entity": "takeaway", "value": takeaway}]
    )
    events, _ = run(ActionStartReflection(), tracker, domain)
    return slots_of(events)["reflection_id"]


def answer(domain: dict[str, Any], rid: str, text: str, intent: str = "share") -> tuple[dict, list]:
    tracker = make_tracker(
        text=text,
        intent=intent,
        slots={"reflection_id": rid, "requested_slot": "reflection_answer"},
        extracted={"reflection_answer": text},
        active_loop="reflection_form",
    )
    events, messages = run(ValidateReflectionForm(), tracker, domain)
    return slots_of(events), messages


def test_start__creates_an_active_module_and_readies_the_form(
    app_db: str, domain_dict: dict
) -> None:
    rid = start(domain_dict)
    with session_scope(app_db) as session:
        reflection = session.get(ReflectionSession, int(rid))
        assert (reflection.takeaway, reflection.status, reflection.step) == (
            "early_experiences",
            "active",
            0,
        )


def test_start__without_a_module_asks_which_one(app_db: str, domain_dict: dict) -> None:
    events, messages = run(
        ActionStartReflection(), make_tracker(intent="choose_module"), domain_dict
    )
    assert slots_of(events) == {"reflection_ready": False}
    assert [m["response"] for m in messages] == ["utter_unknown_module", "utter_ask_module"]


def test_first_ask__explains_the_idea_then_asks_prompt_one(app_db: str, domain_dict: dict) -> None:
    rid = start(domain_dict)
    _, messages = run(
        ActionAskReflectionAnswer(), make_tracker(slots={"reflection_id": rid}), domain_dict
    )
    assert [m["response"] for m in messages] == [
        "utter_reflection_intro",
        "utter_reflection_prompt",
    ]
    assert messages[1]["number"] == 1 and messages[1]["total"] == 3


def test_answer__is_stored_with_prompt_id_scores_and_evidence(
    app_db: str, domain_dict: dict
) -> None:
    rid = start(domain_dict)
    slots, messages = answer(domain_dict, rid, DEEP)
    assert slots["reflection_answer"] is None  # the form asks the next prompt
    assert "abandoned" in messages[0]["text"] or "scared" in messages[0]["text"]
    with session_scope(app_db) as session:
        stored = session.execute(select(Answer)).scalar_one()
        assert (stored.prompt_id, stored.kind, stored.text) == ("ee_1", "prompt", DEEP)
        assert stored.depth is not None and stored.depth >= 2
        assert stored.evidence and stored.scores["emotions"]


def test_shallow_answer__gets_one_followup_then_moves_on(app_db: str, domain_dict: dict) -> None:
    rid = start(domain_dict)
    answer(domain_dict, rid, "I don't know", intent="dont_know")
    _, asked = run(
        ActionAskReflectionAnswer(), make_tracker(slots={"reflection_id": rid}), domain_dict
    )
    assert [m["response"] for m in asked] == ["utter_reflection_followup"]
    answer(domain_dict, rid, "still not sure")
    _, asked = run(
        ActionAskReflectionAnswer(), make_tracker(slots={"reflection_id": rid}), domain_dict
    )
    assert asked[-1]["response"] == "utter_reflection_prompt" and asked[-1]["number"] == 2


def test_skip__records_the_skip_and_advances(app_db: str, domain_dict: dict) -> None:
    rid = start(domain_dict)
    answer(domain_dict, rid, "skip", intent="skip")
    with session_scope(app_db) as session:
        assert session.execute(select(Answer.kind)).scalar_one() == "skipped"
        assert session.get(ReflectionSession, int(rid)).step == 1


def test_long_answer_classified_as_skip__is_kept_as_an_answer(
    app_db: str, domain_dict: dict
) -> None:
    rid = start(domain_dict)
    text = "I skip meals when I'm anxious about my relationship and then I feel guilty about it"
    answer(domain_dict, rid, text, intent="skip")
    with session_scope(app_db) as session:
        assert session.execute(select(Answer.kind)).scalar_one() == "prompt"


def test_empty_answer__is_asked_again_and_nothing_is_stored(app_db: str, domain_dict: dict) -> None:
    rid = start(domain_dict)
    slots, messages = answer(domain_dict, rid, "   ")
    assert slots["reflection_answer"] is None
    assert messages[0]["response"] == "utter_empty_answer"
    with session_scope(app_db) as session:
        assert session.execute(select(Answer)).first() is None


def test_three_deep_answers__finish_the_module(app_db: str, domain_dict: dict) -> None:
    rid = start(domain_dict)
    for _ in range(3):
        slots, _ = answer(domain_dict, rid, DEEP)
    assert slots["reflection_answer"] == DEEP
    assert slots["requested_slot"] == "mood_after"
    with session_scope(app_db) as session:
        assert session.get(ReflectionSession, int(rid)).status == "completed"
    _, messages = run(ActionAskMoodAfter(), make_tracker(slots={"reflection_id": rid}), domain_dict)
    assert len(messages) >= 3 and messages[-1]["response"] == "utter_ask_mood_after"
    invitation = messages[-2]
    assert invitation["buttons"][0]["payload"].startswith('/ask_concept{"concept": ')


def test_closing_summary__offers_the_concept_that_fits_negative_views_of_others(
    app_db: str, domain_dict: dict
) -> None:
    rid = start(domain_dict, "relationship_patterns")
    text = (
        "My friends never reply and I expect people to let me down. They are unreliable"
        " and I felt lonely and angry."
    )
    for _ in range(3):
        answer(domain_dict, rid, text)
        answer(domain_dict, rid, text)  # any follow-up
    _, messages = run(ActionAskMoodAfter(), make_tracker(slots={"reflection_id": rid}), domain_dict)
    payload = messages[-2]["buttons"][0]["payload"]
    assert payload in (
        '/ask_concept{"concept": "other_model"}',
        '/ask_concept{"concept": "plasticity"}',
    )


def test_mood__is_stored_and_not_asked_again(app_db: str, domain_dict: dict) -> None:
    rid = start(domain_dict)
    tracker = make_tracker(
        text="4",
        slots={"reflection_id": rid, "requested_slot": "mood_before"},
        extracted={"mood_before": "4"},
        active_loop="reflection_form",
    )
    events, _ = run(ValidateReflectionForm(), tracker, domain_dict)
    assert slots_of(events)["requested_slot"] == "reflection_answer"
    with session_scope(app_db) as session:
        assert session.execute(select(MoodCheckin.score)).scalar_one() == 4


def test_pause_then_resume__continues_at_the_same_prompt(app_db: str, domain_dict: dict) -> None:
    rid = start(domain_dict, "seek_support")
    answer(domain_dict, rid, DEEP)
    _, paused = run(
        ActionPauseReflection(), make_tracker(slots={"reflection_id": rid}), domain_dict
    )
    assert paused[0]["response"] == "utter_reflection_paused" and paused[0]["number"] == 2
    events, messages = run(ActionResumeReflection(), make_tracker(intent="resume"), domain_dict)
    assert slots_of(events)["reflection_id"] == rid
    assert messages[0]["response"] == "utter_reflection_welcome_back"


def test_resume_with_nothing_open__says_so_and_shows_the_menu(
    app_db: str, domain_dict: dict
) -> None:
    events, messages = run(ActionResumeReflection(), make_tracker(intent="resume"), domain_dict)
    assert slots_of(events)["reflection_ready"] is False
    assert messages[0]["response"] == "utter_nothing_to_resume"


def test_session_start__offers_to_continue_an_unfinished_module(
    app_db: str, domain_dict: dict
) -> None:
    rid = start(domain_dict, "relationship_patterns")
    answer(domain_dict, rid, DEEP)
    events, messages = run(
        ActionSessionStart(), make_tracker(slots={"requested_slot": "x"}), domain_dict
    )
    assert messages[0]["response"] == "utter_offer_resume"
    assert slots_of(events)["pending_offer"] == "resume"
    assert "requested_slot" not in slots_of(events)
    assert events[0]["event"] == "session_started" and events[-1]["name"] == "action_listen"


def test_session_start__for_a_new_person_offers_nothing(app_db: str, domain_dict: dict) -> None:
    _, messages = run(ActionSessionStart(), make_tracker(sender_id="new"), domain_dict)
    assert messages == []


def test_progress__lists_finished_modules_with_dates(app_db: str, domain_dict: dict) -> None:
    rid = start(domain_dict, "emotional_literacy")
    for _ in range(3):
        answer(domain_dict, rid, DEEP)
    _, messages = run(ActionShowProgress(), make_tracker(), domain_dict)
    assert messages[0]["response"] == "utter_progress_intro"
    assert messages[1]["response"] == "utter_progress_finished_item"
    assert messages[1]["title"] == "Develop emotional literacy"
    assert messages[1]["finished_on"]


def test_progress__for_a_new_person_invites_them_to_start(app_db: str, domain_dict: dict) -> None:
    _, messages = run(ActionShowProgress(), make_tracker(sender_id="nobody"), domain_dict)
    assert [m["response"] for m in messages] == ["utter_progress_empty"]


def test_slot_resets_from_start__are_not_validated_as_answers(
    app_db: str, domain_dict: dict
) -> None:
    rid = start(domain_dict)
    tracker = make_tracker(
        intent="choose_module",
        slots={"reflection_id": rid},
        extracted={"mood_before": None, "reflection_answer": None, "mood_after": None},
    )
    _, messages = run(ValidateReflectionForm(), tracker, domain_dict)
    assert messages == []
    with session_scope(app_db) as session:
        assert session.execute(select(Answer)).first() is None
        assert session.execute(select(MoodCheckin)).first() is None


def test_dead_database__gets_a_kind_technical_reply_not_silence(
    app_db: str, domain_dict: dict, monkeypatch
) -> None:
    from bot.settings import get_settings

    monkeypatch.setenv("DATABASE_URL", "sqlite:////nonexistent-dir/for/sure/app.db")
    get_settings.cache_clear()
    _, messages = run(ActionShowProgress(), make_tracker(), domain_dict)
    assert [m["response"] for m in messages] == ["utter_technical_problem"]
    events, messages = run(ActionSessionStart(), make_tracker(), domain_dict)
    assert events[0]["event"] == "session_started" and messages == []


def test_prompt_asked_again__after_help_comes_without_the_introduction(
    app_db: str, domain_dict: dict
) -> None:
    rid = start(domain_dict)
    events, _ = run(
        ActionAskReflectionAnswer(), make_tracker(slots={"reflection_id": rid}), domain_dict
    )
    assert slots_of(events) == {"reflection_introduced": rid}
    again = make_tracker(slots={"reflection_id": rid, "reflection_introduced": rid})
    _, messages = run(ActionAskReflectionAnswer(), again, domain_dict)
    assert [m["response"] for m in messages] == ["utter_reflection_prompt"]


def test_stop_in_plain_words__pauses_ends_the_form_and_the_close_says_nothing_more(
    app_db: str, domain_dict: dict
) -> None:
    rid = start(domain_dict)
    slots, messages = answer(domain_dict, rid, "I don't want to do this anymore")
    assert [m["response"] for m in messages] == ["utter_reflection_paused"]
    assert slots["requested_slot"] is None  # the form ends here
    finished, said = run(
        ActionFinishReflection(), make_tracker(slots={"reflection_id": rid}), domain_dict
    )
    assert said == [] and slots_of(finished)["reflection_id"] is None
    with session_scope(app_db) as session:
        assert session.get(ReflectionSession, int(rid)).status == "paused"
        assert session.execute(select(Answer)).first() is None
