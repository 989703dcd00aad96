"""The safety question as a dialogue policy: ask when risk is cued or builds, then listen.

Rules handle a crisis (NLU makes it the ``crisis`` intent in every state). What
rules cannot express is *context*: a reply that answers the question just
asked whatever NLU thought it meant ("no", "why do you care", "..."), and risk
that builds over the last few messages when no single one is a crisis
("I've messaged everyone I love" ... "this is my last chat"). This policy
reads both from the tracker and, when it applies, wins over every other
prediction, including an active form's: the form is put on hold by
``action_safety_check`` and resumed after "I'm okay".

It predicts, after a user message:

* ``action_safety_answer`` when the bot's last turn asked a safety question
  (``safety_question`` set since the previous user message);
* ``action_safety_check`` when NLU marked the message ``safety_check`` or the
  risk scores of the recent messages add up (``risk_building``);

and afterwards ``action_listen``, or the form to go back to after "I'm okay".
A crisis or "get help now" is left to the rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.ids import RISK_KEY, SAFETY_QUESTION_SLOT, SAFETY_RESUME_SLOT

ASK = "action_safety_check"
ANSWER = "action_safety_answer"
CRISIS_ACTIONS = frozenset({"action_crisis_response", "action_get_help_now"})
LEFT_TO_RULES = frozenset({"crisis", "get_help_now"})
ASK_INTENT = "safety_check"
# Risk building: the last WINDOW messages since the last safety reply, each worth its
# learned score (a rule cue counts as CUE_SIGNAL), add up to BUILDING or more, and the
# newest is itself worth at least NEWEST. Distress alone (CONCERN_SIGNAL) stays below
# NEWEST: three answers that each say "overwhelmed" are not risk building.
WINDOW = 3
BUILDING = 1.0
NEWEST = 0.3
CUE_SIGNAL = 0.6
CONCERN_SIGNAL = 0.2
SAFETY_ACTIONS = frozenset({ASK, ANSWER, *CRISIS_ACTIONS})


def message_signal(risk: object) -> float:
    """How much one message says about risk, from its NLU assessment (0 to 1)."""
    if not isinstance(risk, Mapping):
        return 0.0
    score = risk.get("score")
    signal = float(score) if isinstance(score, (int, float)) else 0.0
    if risk.get("ask"):
        signal = max(signal, CUE_SIGNAL)
    if risk.get("level") == "concern":
        signal = max(signal, CONCERN_SIGNAL)
    if risk.get("level") == "crisis":
        signal = 1.0
    return signal


def recent_signals(tracker: DialogueStateTracker) -> list[float]:
    """Signals of the last ``WINDOW`` user messages since the bot last answered risk."""
    signals: list[float] = []
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted) and event.action_name in SAFETY_ACTIONS:
            break
        if isinstance(event, UserUttered):
            signals.append(message_signal((event.parse_data or {}).get(RISK_KEY)))
            if len(signals) == WINDOW:
                break
    return signals


def risk_building(signals: list[float]) -> bool:
    """Several recent messages carry some risk and together they carry enough."""
    if len(signals) < 2 or signals[0] < NEWEST:
        return False
    return sum(signals) >= BUILDING and sum(s >= NEWEST for s in signals) >= 2


def pending_question(tracker: DialogueStateTracker) -> str | None:
    """The safety question the bot asked since the person's previous message, if any."""
    seen_latest = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            if seen_latest:
                return None
            seen_latest = True
        elif seen_latest and isinstance(event, SlotSet) and event.key == SAFETY_QUESTION_SLOT:
            return str(event.value) if event.value in ("intent", "safe") else None
    return None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT],
                          is_trainable=True)
class SafetyPolicy(Policy):
    """Asks directly on risk cues and risk that builds, and reads the answer (see module)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # Above RulePolicy (6): a safety question is never overruled by a rule or a form.
        return {"priority": 7}

    def train(
        self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource  # nothing to learn: the policy reads the tracker

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        action = self._next_action(tracker, domain)
        probabilities = self._default_predictions(domain)
        if action is None or action not in domain.action_names_or_texts:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(action)] = 1.0
        # A "no user" prediction outranks an active form's own; the priority above
        # RulePolicy's then makes this one win.
        return self._prediction(probabilities, is_no_user_prediction=True)

    def _next_action(self, tracker: DialogueStateTracker, domain: Domain) -> str | None:
        latest = tracker.latest_action_name
        if latest == ASK:
            return ACTION_LISTEN_NAME
        if latest == ANSWER:
            resume = tracker.get_slot(SAFETY_RESUME_SLOT)
            question = tracker.get_slot(SAFETY_QUESTION_SLOT)
            if resume and not question and resume in domain.form_names:
                return str(resume)
            return ACTION_LISTEN_NAME
        if latest != ACTION_LISTEN_NAME or not isinstance(tracker.latest_message, UserUttered):
            return None
        intent = tracker.latest_message.intent.get("name")
        if intent in LEFT_TO_RULES or not intent:
            return None
        if pending_question(tracker):
            return ANSWER
        if intent == ASK_INTENT or risk_building(recent_signals(tracker)):
            return ASK
        return None
