"""The scoring rules of the typed-message evaluation, on hand-made turns and labels."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.evaluation import typed_metrics as m
from bot.evaluation.typed_metrics import ModuleOutcome
from bot.ids import TAKEAWAY_IDS, intent_payload
from bot.settings import PROJECT_ROOT


def _choose(takeaway: str) -> dict[str, str]:
    return {"title": takeaway, "payload": intent_payload("choose_module", {"takeaway": takeaway})}


def _bot(name: str) -> dict[str, Any]:
    return {"event": "bot", "text": "…", "metadata": {"utter_action": name}}


def _slot(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}


def _started_turn(takeaway: str) -> list[dict[str, Any]]:
    return [
        {"event": "action", "name": "action_start_reflection"},
        _slot("takeaway", takeaway),
        {"event": "active_loop", "name": "reflection_form"},
        _bot("utter_ask_mood_before"),
    ]


def test_this_turn__keeps_only_what_follows_the_latest_user_message() -> None:
    events = [{"event": "user"}, _bot("utter_greet"), {"event": "user"}, _bot("utter_help")]
    assert m.utterances(m.this_turn(events)) == ["utter_help"]


def test_started_module__needs_the_slot_the_form_and_the_check_in_together() -> None:
    assert m.started_module(_started_turn("seek_support")) == "seek_support"
    without_form = [e for e in _started_turn("seek_support") if e["event"] != "active_loop"]
    assert m.started_module(without_form) is None
    without_check_in = _started_turn("seek_support")[:-1]
    assert m.started_module(without_check_in) is None
    assert m.started_module([_slot("takeaway", "not_a_module"), *_started_turn("x")[2:]]) is None


def test_is_menu__only_the_five_modules_in_the_fixed_order() -> None:
    assert m.is_menu({"buttons": [_choose(t) for t in TAKEAWAY_IDS]})
    assert not m.is_menu({"buttons": [_choose(t) for t in reversed(TAKEAWAY_IDS)]})
    assert not m.is_menu({"buttons": [_choose(t) for t in TAKEAWAY_IDS[:4]]})
    assert not m.is_menu({"text": "Which would you like to explore?"})


def test_judge_module__one_expected_is_right_only_when_that_module_started() -> None:
    right = m.judge_module(["early_experiences"], _started_turn("early_experiences"), [])
    wrong = m.judge_module(["early_experiences"], _started_turn("seek_support"), [])
    offered = m.judge_module(
        ["early_experiences"], [], [{"buttons": [_choose("early_experiences")]}]
    )
    assert (right.correct, wrong.correct, offered.correct) == (True, False, False)


def test_judge_module__two_expected_needs_exactly_those_two_buttons() -> None:
    pair = ["early_experiences", "relationship_patterns"]
    two = [{"buttons": [_choose("relationship_patterns"), _choose("early_experiences")]}]
    menu = [{"buttons": [_choose(t) for t in TAKEAWAY_IDS]}]
    assert m.judge_module(pair, [], two).correct
    assert not m.judge_module(pair, [], menu).correct
    started = m.judge_module(pair, _started_turn("relationship_patterns"), [])
    assert (started.correct, started.started_one_of_two) == (False, True)
    elsewhere = m.judge_module(pair, _started_turn("seek_support"), [])
    assert not elsewhere.started_one_of_two


def test_module_figures__headline_counts_only_the_two_button_offer() -> None:
    cases = [
        {"context": "start", "expected": ["seek_support"], "kind": "a"},
        {"context": "menu", "expected": ["seek_support"], "kind": "a"},
        {"context": "start", "expected": ["seek_support", "emotional_literacy"], "kind": "b"},
        {"context": "start", "expected": ["seek_support", "emotional_literacy"], "kind": "b"},
    ]
    outcomes = [
        ModuleOutcome(True, "seek_support", (), False),
        ModuleOutcome(False, None, (), False),
        ModuleOutcome(True, None, ("seek_support", "emotional_literacy"), False),
        ModuleOutcome(False, "seek_support", (), True),
    ]
    figures = m.module_figures(cases, outcomes)
    assert figures["accuracy"] == 0.5
    assert figures["lenient_accuracy"] == 0.75
    assert figures["two_expected_offered_both"] == {"n": 2, "accuracy": 0.5}
    assert figures["two_expected_started_one"] == {"n": 2, "share": 0.5}
    assert figures["by_context"]["menu"] == {"n": 1, "accuracy": 0.0}


def test_view_figures__a_known_confusion_gives_known_figures() -> None:
    gold = ["negative", "negative", "positive", "mixed", "unclear", "unclear"]
    pred = ["negative", "mixed", "unclear", "negative", "unclear", "positive"]
    figures = m.view_figures(gold, pred)
    # Four gold labels are not "unclear"; one is matched exactly.
    assert figures["accuracy"] == 0.25
    # Mixed counts as negative: negative/mixed and mixed/negative now match too.
    assert figures["lenient_accuracy"] == 0.75
    # Four predictions commit to a label; only the first equals gold.
    assert figures["precision"] == 0.25
    assert figures["confusion_gold_by_predicted"]["unclear"]["positive"] == 1
    assert sum(sum(row.values()) for row in figures["confusion_gold_by_predicted"].values()) == 6


def test_view_figures__no_committed_prediction_has_no_precision() -> None:
    assert m.view_figures(["positive"], ["unclear"])["precision"] is None


def test_explained_concept__reads_the_last_concept_set_this_turn() -> None:
    turn = [{"event": "action", "name": "action_explain_concept"}, _slot("last_concept", "secure")]
    assert m.explained_concept(turn) == "secure"
    assert m.explained_concept([_bot("utter_default")]) is None


def test_concept_figures__overall_and_per_context() -> None:
    cases = [
        {"context": "start", "concept": "secure"},
        {"context": "start", "concept": "myths"},
        {"context": "in_prompt", "concept": "plasticity"},
    ]
    figures = m.concept_figures(cases, ["secure", None, "plasticity"])
    assert figures["accuracy"] == round(2 / 3, 4)
    assert figures["by_context"]["start"] == {"n": 2, "accuracy": 0.5}
    assert figures["by_context"]["in_prompt"] == {"n": 1, "accuracy": 1.0}


@pytest.mark.parametrize(
    ("kind", "row", "complaint"),
    [
        ("module", {"id": "a", "context": "menu", "text": "2", "expected": ["nope"]}, "expected"),
        ("module", {"id": "a", "context": "later", "text": "2", "expected": ["seek_support"]},
         "context"),
        ("views", {"id": "a", "takeaway": "seek_support", "text": "x", "self_view": "bad",
                   "other_view": "unclear"}, "self_view"),
        ("concept", {"id": "a", "context": "start", "text": "x", "concept": "vibes"}, "concept"),
    ],
)  # fmt: skip
def test_load_set__a_bad_line_names_its_file_line_and_field(
    tmp_path: Path, kind: str, row: dict[str, Any], complaint: str
) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(m.SetError, match=f"set.jsonl:1: .*{complaint}"):
        m.load_set(path, kind)


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("module", "module_choice_dev.jsonl"),
        ("views", "views_dev.jsonl"),
        ("concept", "concept_dev.jsonl"),
    ],
)
def test_dev_sets__follow_their_schema_and_are_big_enough(kind: str, name: str) -> None:
    rows = m.load_set(PROJECT_ROOT / "data" / "eval" / name, kind)
    assert len(rows) >= {"module": 40, "views": 40, "concept": 25}[kind]
