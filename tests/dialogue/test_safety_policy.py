"""The safety policy asks on a cue or on risk that builds, reads the answer, and resumes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.safety import SafetyPolicy, message_signal, risk_building
from bot.ids import RISK_KEY

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory) -> SafetyPolicy:
    storage = LocalModelStorage(Path(tmp_path_factory.mktemp("safety")))
    context = ExecutionContext(GraphSchema({}), "test")
    return SafetyPolicy({"priority": 7}, storage, Resource("safety"), context)


def said(text: str, intent: str = "share", risk: dict[str, Any] | None = None) -> list[Event]:
    parse = {"intent": {"name": intent, "confidence": 1.0}, "text": text}
    if risk is not None:
        parse[RISK_KEY] = risk
    return [UserUttered(text, {"name": intent, "confidence": 1.0}, parse_data=parse)]


def bot(*actions: str, **slots: Any) -> list[Event]:
    events: list[Event] = [ActionExecuted(a) for a in actions]
    events += [SlotSet(k, v) for k, v in slots.items()]
    return [*events, ActionExecuted("action_listen")]


def predicted(policy: SafetyPolicy, domain: Domain, events: list[Event]) -> tuple[str | None, bool]:
    start = [ActionExecuted("action_listen"), *events]
    tracker = DialogueStateTracker.from_events("someone", start)
    prediction = policy.predict_action_probabilities(tracker, domain)
    if prediction.max_confidence == 0:
        return None, prediction.is_no_user_prediction
    return domain.action_names_or_texts[prediction.max_confidence_index], True


def risk(score: float, *, ask: bool = False, level: str = "none") -> dict[str, Any]:
    return {"level": level, "ask": ask, "score": score, "evidence": []}


def test_safety_policy__a_cue_marked_by_nlu_gets_the_direct_question(policy, domain) -> None:
    action, outranks = predicted(policy, domain, said("on the bridge now", "safety_check"))
    assert action == "action_safety_check" and outranks


def test_safety_policy__an_ordinary_message_is_left_to_the_other_policies(policy, domain) -> None:
    assert predicted(policy, domain, said("hi", "greet", risk(0.02)))[0] is None


def test_safety_policy__a_crisis_and_get_help_now_are_left_to_the_rules(policy, domain) -> None:
    asked = bot("action_safety_check", safety_question="intent")
    assert (
        predicted(
            policy,
            domain,
            [*asked[:-1], ActionExecuted("action_listen"), *said("I want to die", "crisis")],
        )[0]
        is None
    )
    assert predicted(policy, domain, said("/get_help_now", "get_help_now"))[0] is None


def test_safety_policy__the_reply_to_the_question_is_read_whatever_nlu_thought(
    policy, domain
) -> None:
    events = [
        *said("on the bridge now", "safety_check"),
        *bot("action_safety_check", safety_question="intent"),
        *said("why do you care", "out_of_scope"),
    ]
    assert predicted(policy, domain, events)[0] == "action_safety_answer"


def test_safety_policy__the_crisis_replys_question_is_read_too(policy, domain) -> None:
    events = [
        *said("I want to die", "crisis"),
        *bot("action_crisis_response", safety_question="safe"),
        *said("not sure", "dont_know"),
    ]
    assert predicted(policy, domain, events)[0] == "action_safety_answer"


def test_safety_policy__an_old_question_is_not_an_answer_two_messages_later(policy, domain) -> None:
    events = [
        *said("I want to die", "crisis"),
        *bot("action_crisis_response", safety_question="safe"),
        *said("continue", "resume"),
        *bot("action_resume_reflection"),
        *said("hello", "greet"),
    ]
    assert predicted(policy, domain, events)[0] is None


def test_safety_policy__risk_building_over_three_messages_gets_the_question(policy, domain) -> None:
    events = [
        *said("I've messaged everyone I love", "share", risk(0.45)),
        *bot("utter_x"),
        *said("sorted out the last few things", "share", risk(0.4)),
        *bot("utter_x"),
        *said("this is my last chat", "goodbye", risk(0.5)),
    ]
    assert predicted(policy, domain, events)[0] == "action_safety_check"


def test_safety_policy__one_worrying_word_among_ordinary_messages_is_not_building(
    policy, domain
) -> None:
    events = [
        *said("my dad left when I was six", "share", risk(0.1)),
        *bot("utter_x"),
        *said("I'm fine now", "share", risk(0.05)),
        *bot("utter_x"),
        *said("anyway, bye", "goodbye", risk(0.35)),
    ]
    assert predicted(policy, domain, events)[0] is None


def test_safety_policy__after_asking_it_listens(policy, domain) -> None:
    events = [*said("on the bridge now", "safety_check"), ActionExecuted("action_safety_check")]
    assert predicted(policy, domain, events)[0] == "action_listen"


def test_safety_policy__im_okay_goes_back_to_the_form_it_left(policy, domain) -> None:
    events = [
        *said("3", "share"),
        ActionExecuted("reflection_form"),
        ActiveLoop("reflection_form"),
        ActionExecuted("action_listen"),
        *said("on the bridge now", "safety_check"),
        ActionExecuted("action_safety_check"),
        SlotSet("safety_question", "intent"),
        SlotSet("safety_resume", "reflection_form"),
        ActiveLoop(None),
        ActionExecuted("action_listen"),
        *said("/safety_ok", "safety_ok"),
        ActionExecuted("action_safety_answer"),
        SlotSet("safety_question", None),
    ]
    assert predicted(policy, domain, events)[0] == "reflection_form"


def test_message_signal__a_cue_counts_even_when_the_net_is_unsure() -> None:
    assert message_signal(risk(0.1, ask=True)) >= 0.6
    assert message_signal({"level": "crisis"}) == 1.0
    assert message_signal(None) == 0.0


def test_risk_building__needs_the_newest_message_to_carry_some_risk() -> None:
    assert risk_building([0.5, 0.4, 0.3])
    assert not risk_building([0.1, 0.6, 0.6])
    assert not risk_building([0.9])


def test_safety_policy__three_answers_that_each_name_distress_are_not_risk_building(
    policy, domain
) -> None:
    distress = {"level": "concern", "ask": False, "score": 0.01, "evidence": []}
    events = [
        *said("I felt overwhelmed as a kid", "share", distress),
        *bot("reflection_form"),
        *said("she was overwhelmed too", "share", distress),
        *bot("reflection_form"),
        *said("I get overwhelmed with friends", "share", distress),
    ]
    assert predicted(policy, domain, events)[0] is None
