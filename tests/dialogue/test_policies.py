"""The recent-history policies predict exactly what Rasa's stock policies predict."""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import structlog
from rasa.core.policies.memoization import MemoizationPolicy
from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.core.policies.rule_policy import RULES, RulePolicy
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActiveLoop,
    Event,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.generator import TrainingDataGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.core.training_data.structures import StoryGraph

from bot.dialogue.policies import (
    CHECK_KEY,
    RecentMemoizationPolicy,
    RecentRulePolicy,
    RecentStatesMismatch,
    RecentStatesView,
    rule_window,
)
from tests.support.dialogues import INTENTS, make_domain

TRAINING_YAML = """
version: "3.1"
rules:
  - rule: greet
    steps: [{intent: greet}, {action: utter_greet}]
  - rule: greet when flagged
    condition: [{slot_was_set: [{flag: true}]}]
    steps: [{intent: greet}, {action: utter_bye}]
  - rule: explain
    steps: [{intent: ask}, {action: utter_explain}]
  - rule: note a share
    steps: [{intent: share}, {action: action_note}]
  - rule: start the form
    steps:
      - intent: affirm
      - action: answer_form
      - active_loop: answer_form
  - rule: finish the form
    condition: [{active_loop: answer_form}]
    steps:
      - action: answer_form
      - active_loop: null
      - slot_was_set: [{requested_slot: null}]
      - action: utter_bye
  - rule: a question inside the form
    condition: [{active_loop: answer_form}]
    steps:
      - intent: ask
      - action: utter_explain
      - action: answer_form
      - active_loop: answer_form
  - rule: stop the form
    condition: [{active_loop: answer_form}]
    steps:
      - intent: stop
      - action: action_deactivate_loop
      - active_loop: null
      - slot_was_set: [{requested_slot: null}]
      - action: utter_bye
stories:
  - story: greet, then share
    steps:
      - intent: greet
      - action: utter_greet
      - intent: share
      - action: action_note
      - intent: ask
      - action: utter_explain
"""


@pytest.fixture(scope="module", autouse=True)
def quiet_debug_logs() -> Iterator[None]:
    """RulePolicy renders every state into a debug log; rendering would dominate these tests."""
    saved = structlog.get_config()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    yield
    structlog.configure(**saved)


@pytest.fixture(scope="module")
def domain() -> Domain:
    return make_domain()


@pytest.fixture(scope="module")
def trained(domain: Domain, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Policy]:
    """Stock and recent-history policies, each trained on the same rules and stories."""
    graph = StoryGraph(YAMLStoryReader(domain).read_from_string(TRAINING_YAML))
    trackers = TrainingDataGenerator(graph, domain, augmentation_factor=0).generate()
    storage = LocalModelStorage(Path(tmp_path_factory.mktemp("policies")))
    context = ExecutionContext(GraphSchema({}), "test")
    policies: dict[str, Policy] = {}
    classes: dict[str, Any] = {
        "rule": RulePolicy,
        "recent_rule": RecentRulePolicy,
        "memo": MemoizationPolicy,
        "recent_memo": RecentMemoizationPolicy,
    }
    for name, cls in classes.items():
        config = {**cls.get_default_config(), **({"max_history": 4} if "memo" in name else {})}
        policy = cls.create(config, storage, Resource(name), context)
        policy.train(trackers, domain)
        policies[name] = policy
    return policies


def _same(a: PolicyPrediction, b: PolicyPrediction) -> bool:
    return (
        a.probabilities == b.probabilities
        and a.events == b.events
        and a.hide_rule_turn == b.hide_rule_turn
        and a.is_end_to_end_prediction == b.is_end_to_end_prediction
        and a.is_no_user_prediction == b.is_no_user_prediction
    )


def _form_events(tracker: DialogueStateTracker, form: str, rng: random.Random) -> list[Event]:
    """What a form writes: activation, a filled slot, and now and then its end."""
    if tracker.active_loop_name != form:
        return [ActiveLoop(form), SlotSet("requested_slot", "answer")]
    if rng.random() < 0.3:
        return [SlotSet("answer", "done"), ActiveLoop(None), SlotSet("requested_slot", None)]
    return [SlotSet("answer", "more")]


def _converse(policies: dict[str, Policy], domain: Domain, turns: int, seed: int) -> int:
    """Drive a conversation with the stock policies, comparing every prediction; return count."""
    rng = random.Random(seed)
    rule_only = policies["rule"]._get_rule_only_data()  # type: ignore[attr-defined]
    tracker = DialogueStateTracker("person", domain.slots)
    tracker.update(ActionExecuted("action_listen"))
    compared = 0
    for turn in range(turns):
        intent = rng.choice(INTENTS)
        tracker.update(UserUttered(f"message {turn}", {"name": intent, "confidence": 1.0}))
        for _ in range(6):
            stock = policies["rule"].predict_action_probabilities(tracker, domain)
            recent = policies["recent_rule"].predict_action_probabilities(tracker, domain)
            memo = policies["memo"].predict_action_probabilities(tracker, domain, rule_only)
            recent_memo = policies["recent_memo"].predict_action_probabilities(
                tracker, domain, rule_only
            )
            assert _same(stock, recent), f"turn {turn}: {stock} != {recent}"
            assert _same(memo, recent_memo), f"turn {turn}: {memo} != {recent_memo}"
            compared += 1
            best = max(range(len(stock.probabilities)), key=stock.probabilities.__getitem__)
            action = domain.action_names_or_texts[best]
            if action == tracker.active_loop_name and intent != "share":
                tracker.update(ActionExecutionRejected(action))
                continue
            tracker.update_with_events(stock.events, domain)
            tracker.update(ActionExecuted(action, hide_rule_turn=stock.hide_rule_turn))
            if action in domain.form_names:
                tracker.update_with_events(_form_events(tracker, action, rng), domain)
            if action == "action_deactivate_loop":
                tracker.update_with_events([ActiveLoop(None)], domain)
            if rng.random() < 0.1:
                tracker.update(SlotSet("flag", rng.random() < 0.5))
            if action == "action_listen":
                break
    return compared


def test_recent_policies__learn_exactly_what_the_stock_policies_learn(
    trained: dict[str, Policy],
) -> None:
    assert trained["recent_rule"].lookup == trained["rule"].lookup  # type: ignore[attr-defined]
    assert trained["recent_memo"].lookup == trained["memo"].lookup  # type: ignore[attr-defined]


@pytest.mark.parametrize("seed", [3, 4])
def test_recent_policies__predict_what_full_history_predicts_in_a_long_conversation(
    trained: dict[str, Policy], domain: Domain, seed: int
) -> None:
    assert _converse(trained, domain, turns=120, seed=seed) > 250


def test_rule_window__is_one_state_longer_than_the_longest_rule(
    trained: dict[str, Policy],
) -> None:
    lookup = trained["rule"].lookup  # type: ignore[attr-defined]
    lengths = [len(json.loads(key)) for key in lookup[RULES]]
    assert rule_window(lookup) == max(lengths) + 1


def test_check_mode__raises_when_recent_states_differ_from_the_full_history(
    trained: dict[str, Policy], domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = trained["recent_rule"]
    monkeypatch.setitem(policy.config, CHECK_KEY, True)
    tracker = DialogueStateTracker("checked", domain.slots)
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("hi", {"name": "greet", "confidence": 1.0}))
    policy.predict_action_probabilities(tracker, domain)  # consistent: no error
    assert policy._recent is not None  # type: ignore[attr-defined]
    monkeypatch.setattr(policy._recent, "tail", lambda *args: [{"wrong": {}}])  # type: ignore[attr-defined]
    with pytest.raises(RecentStatesMismatch):
        policy.predict_action_probabilities(tracker, domain)


def test_recent_rule_policy__featurises_only_its_window_of_a_long_tracker(
    trained: dict[str, Policy], domain: Domain
) -> None:
    policy = trained["recent_rule"]
    tracker = DialogueStateTracker("long", domain.slots)
    for number in range(300):
        tracker.update(ActionExecuted("action_listen"))
        tracker.update(UserUttered(f"m{number}", {"name": "ask", "confidence": 1.0}))
        tracker.update(ActionExecuted("utter_explain"))
    states = policy._prediction_states(tracker, domain)
    assert len(tracker.past_states(domain)) > 600
    assert len(states) == rule_window(policy.lookup)  # type: ignore[attr-defined]


def test_recent_states_view__is_not_used_for_training_trackers(
    trained: dict[str, Policy], domain: Domain
) -> None:
    graph = StoryGraph(YAMLStoryReader(domain).read_from_string(TRAINING_YAML))
    (story, *_) = TrainingDataGenerator(graph, domain, augmentation_factor=0).generate()
    policy = trained["recent_rule"]
    states = policy._prediction_states(story, domain)
    assert states == trained["rule"]._prediction_states(story, domain)
    assert not isinstance(story, RecentStatesView)
