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


def test_risk__nlu_crisis_guess_without_rule_evidence_only_asks_gently() -> None:
    message = _classify("is attachment my fate", "crisis", confidence=0.99)
    assert message.get(INTENT)["name"] == "distress"
    assert message.get(RISK_KEY)["evidence"][0]["rule"] == "diet_crisis_intent"


def test_risk__ordinary_venting_keeps_its_intent() -> None:
    message = _classify("this homework is killing me", "share")
    assert message.get(INTENT)["name"] == "share"
    assert message.get(RISK_KEY) == {"level": "none", "evidence": []}
