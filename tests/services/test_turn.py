"""A person's turn decided once, on a real migrated SQLite database, without rasa-sdk."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from bot.ids import (
    ANSWER_SLOT,
    MODULE_SLOTS,
    MOOD_BEFORE_SLOT,
    PENDING_OFFER_SLOT,
    SAFETY_QUESTION_SLOT,
)
from bot.safety import assess_risk
from bot.services import journey, turn
from bot.services.mood import SKIPPED
from bot.services.turn import Reply
from bot.settings import get_settings
from bot.storage.db import session_scope
from bot.storage.models import Answer, MoodCheckin, ReflectionSession, RiskEvent

SENDER = "person-1"
CRISIS = "I lost my job, which bridges are taller than 25 m?"
CONCERN = "I felt hopeless and exhausted when my dad shouted, like I couldn't cope at all"
DEEP = (
    "When I was seven my dad left and I felt abandoned and scared. I used to think it was my"
    " fault, but maybe he was struggling too. I still expect people to leave, so this week I"
    " want to tell my partner when I feel that fear."
)
NLU_CONCERN = {
    "level": "concern",
    "evidence": [{"category": "nlu", "rule": "diet_crisis_intent", "start": 0, "end": 0}],
}


def _start(takeaway: str = "early_experiences") -> int:
    return journey.start(sender_id=SENDER, takeaway=takeaway, channel="rest").reflection_id


def _answer(rid: int | None, text: object, intent: str = "share") -> turn.Turn:
    risk = assess_risk(text).to_dict() if isinstance(text, str) else None
    return turn.answer(
        sender_id=SENDER, reflection_id=rid, value=text, intent=intent, risk=risk, channel="rest"
    )


def _count(app_db: str, column: object) -> int:
    with session_scope(app_db) as session:
        return int(session.execute(select(func.count(column))).scalar_one())


def _texts(result: turn.Turn) -> list[str]:
    return [reply.text or "" for reply in result.replies]


def _responses(result: turn.Turn) -> list[str | None]:
    return [reply.response for reply in result.replies]


def test_crisis_in_an_answer__gets_help_first_and_is_never_stored_or_scored(app_db: str) -> None:
    rid = _start()
    result = _answer(rid, CRISIS)
    assert "glad you said it" in _texts(result)[0]
    assert "findahelpline.com" in _texts(result)[1]
    assert result.slots == {ANSWER_SLOT: None}
    assert (result.risk_level, result.risk_recorded) == ("crisis", True)
    assert _count(app_db, Answer.id) == 0
    with session_scope(app_db) as session:
        event = session.execute(select(RiskEvent)).scalar_one()
        assert event.level == "crisis" and "bridges" not in json.dumps(event.evidence)
        assert session.get(ReflectionSession, rid).status == "paused"


def test_crisis_action_and_crisis_answer__say_the_same_and_record_the_same(app_db: str) -> None:
    rid = _start()
    in_form = _answer(rid, CRISIS)
    routed = turn.crisis(sender_id=SENDER, risk=assess_risk(CRISIS).to_dict(), channel="rest")
    assert routed.replies == in_form.replies
    with session_scope(app_db) as session:
        first, second = session.execute(select(RiskEvent).order_by(RiskEvent.id)).scalars()
        assert (first.categories, first.evidence) == (second.categories, second.evidence)


def test_crisis__stops_the_exercise_and_drops_any_open_offer() -> None:
    assert turn.stopped_slots() == {
        **{slot: None for slot in MODULE_SLOTS},
        "reflection_ready": None,
        PENDING_OFFER_SLOT: None,
    }


def test_crisis_from_the_intent_alone__is_recorded_with_the_intent_as_evidence(
    app_db: str,
) -> None:
    result = turn.crisis(sender_id=SENDER, risk=None, channel="rest")
    assert result.risk_recorded
    assert result.slots == {**turn.stopped_slots(), SAFETY_QUESTION_SLOT: "safe"}
    with session_scope(app_db) as session:
        event = session.execute(select(RiskEvent)).scalar_one()
        assert event.categories == ["nlu"] and event.evidence[0]["rule"] == "crisis_intent"


def test_crisis_with_the_database_down__still_gives_help_and_says_it_was_not_saved(
    app_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:////nonexistent-dir/for/sure/app.db")
    get_settings.cache_clear()
    for result in (
        turn.crisis(sender_id=SENDER, risk=assess_risk(CRISIS).to_dict()),
        _answer(7, CRISIS),
    ):
        assert "findahelpline.com" in _texts(result)[1]
        assert _responses(result)[-1] == "utter_safety_not_recorded"
        assert result.risk_recorded is False


def test_concern_in_an_answer__is_validated_then_the_answer_is_kept(app_db: str) -> None:
    rid = _start()
    result = _answer(rid, CONCERN, intent="distress")
    assert "weighing on you" in _texts(result)[0]
    assert "findahelpline" not in json.dumps(_texts(result))
    assert (result.risk_level, result.risk_recorded) == ("concern", True)
    with session_scope(app_db) as session:
        assert session.execute(select(Answer.text)).scalar_one() == CONCERN
        assert session.execute(select(RiskEvent.level)).scalar_one() == "concern"


def test_concern_without_rule_evidence__asks_directly_wherever_it_is_met(app_db: str) -> None:
    rid = _start()
    routed = turn.concern(sender_id=SENDER, risk=NLU_CONCERN)
    in_form = turn.answer(
        sender_id=SENDER, reflection_id=rid, value=DEEP, intent="distress", risk=NLU_CONCERN
    )
    assert _responses(routed)[-1] == "utter_safety_check_in" and routed.slots == {}
    assert in_form.replies[: len(routed.replies)] == routed.replies
    assert _count(app_db, RiskEvent.id) == 2


def test_concern_and_answer__commit_together_or_not_at_all(app_db: str) -> None:
    rid = _start()
    for _ in range(3):
        _answer(rid, DEEP)
    with pytest.raises(ValueError, match="no open prompt"):
        _answer(rid, CONCERN, intent="distress")
    assert _count(app_db, RiskEvent.id) == 0


def test_answer__is_stored_scored_and_acknowledged(app_db: str) -> None:
    rid = _start()
    result = _answer(rid, DEEP)
    assert result.slots == {ANSWER_SLOT: None}  # the form asks the next prompt
    assert result.risk_level is None and not result.risk_recorded
    assert "abandoned" in _texts(result)[0] or "scared" in _texts(result)[0]
    with session_scope(app_db) as session:
        stored = session.execute(select(Answer)).scalar_one()
        assert (stored.prompt_id, stored.kind) == ("ee_1", "prompt")
        assert stored.depth is not None and stored.depth >= 2


def test_last_answer__keeps_the_text_so_the_form_moves_on(app_db: str) -> None:
    rid = _start()
    results = [_answer(rid, DEEP) for _ in range(3)]
    assert results[-1].slots == {ANSWER_SLOT: DEEP}


def test_short_skip__records_the_skip_and_advances(app_db: str) -> None:
    rid = _start()
    result = _answer(rid, "skip this one", intent="skip")
    assert _responses(result) == ["utter_prompt_skipped"]
    with session_scope(app_db) as session:
        assert session.execute(select(Answer.kind)).scalar_one() == "skipped"
        assert session.get(ReflectionSession, rid).step == 1


def test_long_message_classified_as_skip__is_kept_as_an_answer(app_db: str) -> None:
    rid = _start()
    _answer(rid, "I skip meals when I'm anxious about my relationship and feel guilty", "skip")
    with session_scope(app_db) as session:
        assert session.execute(select(Answer.kind)).scalar_one() == "prompt"


def test_blank_answer__is_asked_again_and_nothing_is_stored(app_db: str) -> None:
    rid = _start()
    result = _answer(rid, "   ")
    assert _responses(result) == ["utter_empty_answer"] and result.slots == {ANSWER_SLOT: None}
    assert _count(app_db, Answer.id) == 0


@pytest.mark.parametrize(("rid", "value"), [(1, None), (None, DEEP)])
def test_slot_reset_or_no_module__is_not_an_answer(
    app_db: str, rid: int | None, value: object
) -> None:
    result = _answer(rid, value)
    assert result.replies == () and result.slots == {ANSWER_SLOT: None}
    assert _count(app_db, Answer.id) == 0


def test_mood__is_stored_and_noted(app_db: str) -> None:
    rid = _start()
    result = turn.mood(reflection_id=rid, phase="before", value="4")
    assert _responses(result) == ["utter_mood_noted"] and result.slots == {MOOD_BEFORE_SLOT: "4"}
    with session_scope(app_db) as session:
        assert session.execute(select(MoodCheckin.score)).scalar_one() == 4


@pytest.mark.parametrize(
    ("value", "responses"), [("skip", []), ("between 2 and 4", ["utter_mood_unclear"])]
)
def test_mood__declined_or_unclear_moves_on_without_storing(
    app_db: str, value: str, responses: list[str]
) -> None:
    rid = _start()
    result = turn.mood(reflection_id=rid, phase="after", value=value)
    assert _responses(result) == responses and result.slots == {"mood_after": SKIPPED}
    assert _count(app_db, MoodCheckin.id) == 0


def test_mood__slot_reset_is_not_a_check_in() -> None:
    result = turn.mood(reflection_id=1, phase="before", value=None)
    assert result.replies == () and result.slots == {MOOD_BEFORE_SLOT: None}


def test_help_now__lists_resources_stops_the_exercise_and_records_nothing(app_db: str) -> None:
    result = turn.help_now()
    assert "findahelpline.com" in _texts(result)[0]
    assert _responses(result)[-1] == "utter_help_now_followup"
    assert result.slots == turn.stopped_slots() and result.risk_level is None
    assert _count(app_db, RiskEvent.id) == 0


@pytest.mark.parametrize(
    "raw",
    [None, "crisis", {"level": "panic"}, {"level": "crisis", "evidence": "bridges"}],
)
def test_read_risk__reads_anything_odd_as_no_evidence(raw: object) -> None:
    signal = turn.read_risk(raw)
    assert signal.evidence == () and signal.level in ("none", "crisis")


def test_reply__keyword_arguments_cannot_be_changed_after_the_fact() -> None:
    reply = Reply.of("utter_reflection_paused", number=2)
    with pytest.raises(TypeError):
        reply.kwargs["number"] = 3  # type: ignore[index]


# --- issue 16: what is not an answer --------------------------------------------------------


def _status(app_db: str, rid: int) -> str:
    with session_scope(app_db) as session:
        return str(session.get(ReflectionSession, rid).status)


@pytest.mark.parametrize(
    ("text", "reply"),
    [("thanks", "utter_reflection_nudge_thanks"), ("ok", "utter_reflection_nudge"),
     ("/affirm", "utter_reflection_nudge"), ("4", "utter_reflection_nudge"),
     ("🙏", "utter_reflection_nudge")],
)  # fmt: skip
def test_non_answer__is_nudged_back_to_the_same_prompt_and_never_stored(
    app_db: str, text: str, reply: str
) -> None:
    rid = _start()
    result = _answer(rid, text, intent="thank")
    assert _responses(result) == [reply]
    assert not any(text in (r.text or "") for r in result.replies)  # never quoted
    assert result.slots == {ANSWER_SLOT: None}
    assert _count(app_db, Answer.id) == 0
    step = journey.next_step(reflection_id=rid)
    assert step is not None and (step.number, step.kind) == (1, "prompt")


def test_non_answer__inside_a_follow_up_keeps_the_follow_up_open(app_db: str) -> None:
    rid = _start()
    _answer(rid, "it was fine")
    assert journey.next_step(reflection_id=rid).kind == "followup"  # type: ignore[union-attr]
    _answer(rid, "ok thanks")
    assert journey.next_step(reflection_id=rid).kind == "followup"  # type: ignore[union-attr]
    assert _count(app_db, Answer.id) == 1


def test_wanting_to_stop__pauses_with_everything_saved_and_asks_nothing_more(
    app_db: str,
) -> None:
    rid = _start()
    _answer(rid, DEEP)
    result = _answer(rid, "I want to stop")
    assert _responses(result) == ["utter_reflection_paused"]
    assert dict(result.replies[0].kwargs) == {
        "title": "Reflect on early experiences", "number": 2, "total": 3
    }  # fmt: skip
    assert _status(app_db, rid) == "paused"
    assert journey.required_slots(reflection_id=rid) == []  # the form ends here
    with session_scope(app_db) as session:
        assert session.execute(select(Answer.text)).scalars().all() == [DEEP]
    resumed = journey.resume(sender_id=SENDER)
    assert resumed is not None and (resumed.reflection_id, resumed.answered) == (rid, 1)
    assert journey.required_slots(reflection_id=rid) == [ANSWER_SLOT, "mood_after"]


def test_wanting_to_stop_with_distress__safety_first_then_the_pause(app_db: str) -> None:
    rid = _start()
    risk = {"level": "concern", "evidence": [{"category": "distress", "rule": "x"}]}
    result = turn.answer(
        sender_id=SENDER,
        reflection_id=rid,
        value="I don't want to do this anymore",
        intent="share",
        risk=risk,
        channel="rest",
    )
    assert result.risk_level == "concern" and result.risk_recorded
    assert _responses(result)[-1] == "utter_reflection_paused"
    assert result.replies[0].text  # the concern reply comes first
    assert _count(app_db, Answer.id) == 0 and _count(app_db, RiskEvent.id) == 1
    assert _status(app_db, rid) == "paused"


def test_risk_message__is_never_taken_for_a_non_answer(app_db: str) -> None:
    rid = _start()
    crisis = turn.answer(
        sender_id=SENDER, reflection_id=rid, value="ok", intent="affirm",
        risk={"level": "crisis", "evidence": []}, channel="rest",
    )  # fmt: skip
    assert crisis.risk_level == "crisis" and "findahelpline.com" in " ".join(_texts(crisis))
    rid = _start("seek_support")
    concern = turn.answer(
        sender_id=SENDER, reflection_id=rid, value="ok", intent="affirm",
        risk={"level": "concern", "evidence": []}, channel="rest",
    )  # fmt: skip
    assert concern.risk_level == "concern" and _count(app_db, Answer.id) == 1



def test_prompt_asked_again__comes_without_the_introduction(app_db: str) -> None:
    rid = _start()
    first = journey.next_step(reflection_id=rid)
    again = journey.next_step(reflection_id=rid, introduced=True)
    assert first is not None and first.show_introduction
    assert again is not None and not again.show_introduction and again.text == first.text


@pytest.mark.parametrize("text", ["3", "idk", "yes", "ok", "a 3", "🤷"])
def test_short_reply_to_a_follow_up__is_re_asked_never_stored_or_quoted(
    app_db: str, text: str
) -> None:
    rid = _start()
    _answer(rid, "it was fine")
    assert journey.next_step(reflection_id=rid).kind == "followup"  # type: ignore[union-attr]
    result = _answer(rid, text)
    assert _responses(result) == ["utter_followup_unclear"]
    assert not any(text in (r.text or "") for r in result.replies)
    assert result.slots == {ANSWER_SLOT: None}
    assert _count(app_db, Answer.id) == 1  # only the first answer
    assert journey.next_step(reflection_id=rid).kind == "followup"  # type: ignore[union-attr]


def test_real_reply_to_a_follow_up__is_still_stored_and_scored(app_db: str) -> None:
    rid = _start()
    _answer(rid, "it was fine")
    result = _answer(rid, "lonely, and a bit scared")
    assert _responses(result) == [None] and result.replies[0].text
    assert _count(app_db, Answer.id) == 2


def test_short_reply_to_a_prompt__is_still_an_answer(app_db: str) -> None:
    rid = _start()
    result = _answer(rid, "idk")
    assert _responses(result) == [None]
    assert _count(app_db, Answer.id) == 1


def test_short_reply_to_a_follow_up__meets_the_safety_check_first(app_db: str) -> None:
    rid = _start()
    _answer(rid, "it was fine")
    crisis = turn.answer(
        sender_id=SENDER, reflection_id=rid, value="idk", intent="share",
        risk={"level": "crisis", "evidence": []}, channel="rest",
    )  # fmt: skip
    assert crisis.risk_level == "crisis" and _count(app_db, RiskEvent.id) == 1
    assert "utter_followup_unclear" not in _responses(crisis)


def test_mood_check_in__still_takes_a_number_while_a_follow_up_is_open(app_db: str) -> None:
    rid = _start()
    _answer(rid, "it was fine")
    result = turn.mood(reflection_id=rid, phase="before", value="3")
    assert _responses(result) == ["utter_mood_noted"]
    assert _count(app_db, MoodCheckin.id) == 1
