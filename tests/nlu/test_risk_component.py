from __future__ import annotations

from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.ids import RISK_KEY
from bot.nlu.risk import RiskClassifier


def _classify(text: str, intent: str, confidence: float = 0.9) -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": confidence})
    (out,) = RiskClassifier().process([message])
    return out


def test_risk__crisis_wins_over_any_intent() -> None:
    message = _classify("let's stop here, I want to kill myself", "pause")
    assert message.get(INTENT)["name"] == "crisis"
    assert message.get(RISK_KEY)["level"] == "crisis"


def test_risk__distress_becomes_the_distress_intent() -> None:
    message = _classify("I feel hopeless and I can't cope anymore", "share")
    assert message.get(INTENT)["name"] == "distress"


def test_risk__distress_does_not_override_a_request() -> None:
    message = _classify("I'm exhausted and can't cope, let's stop here", "pause")
    assert message.get(INTENT)["name"] == "pause"


def test_risk__nlu_crisis_guess_without_rule_evidence_asks_directly_without_alarm() -> None:
    message = _classify("is attachment my fate", "crisis", confidence=0.99)
    assert message.get(INTENT)["name"] == "safety_check"
    risk = message.get(RISK_KEY)
    assert risk["level"] == "concern" and risk["ask"] is True
    assert risk["evidence"][-1]["rule"] == "diet_crisis_intent"


def test_risk__a_risk_cue_becomes_the_direct_question_whatever_diet_thought() -> None:
    message = _classify("I can't promise I'll still be here next week", "share")
    assert message.get(INTENT)["name"] == "safety_check"
    assert message.get(RISK_KEY)["ask"] is True


def test_risk__the_im_okay_button_keeps_its_meaning() -> None:
    message = _classify("/safety_ok", "safety_ok", confidence=1.0)
    assert message.get(INTENT)["name"] == "safety_ok"


def test_risk__a_message_not_in_english_is_marked_and_a_crisis_still_wins() -> None:
    message = _classify("no sé qué hacer con mi vida, mi madre no me habla", "out_of_scope")
    assert message.get(INTENT)["name"] == "not_english"
    assert message.get("securebase_language")["readable"] is False
    english = _classify("I want to end my life tonight", "share")
    assert english.get(INTENT)["name"] == "crisis"


def test_risk__ordinary_venting_keeps_its_intent() -> None:
    message = _classify("this homework is killing me", "share")
    assert message.get(INTENT)["name"] == "share"
    risk = message.get(RISK_KEY)
    assert (risk["level"], risk["ask"], risk["evidence"]) == ("none", False, [])
