"""The typed-message evaluation against the real Rasa and action servers, on a few cases.

Each case's outcome is known for today's bot (a button payload typed as text starts
its module; a greeting starts nothing), so a judge that misreads the tracker fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation.typed_eval import run_live
from bot.ids import concept_payload, intent_payload

pytestmark = pytest.mark.integration


def test_run_live__judges_module_choices_and_concept_questions_on_the_real_servers(
    trained_model: Path,
) -> None:
    modules = [
        {"id": "m1", "context": "menu", "kind": "payload", "expected": ["seek_support"],
         "text": intent_payload("choose_module", {"takeaway": "seek_support"})},
        {"id": "m2", "context": "start", "kind": "greeting", "expected": ["early_experiences"],
         "text": "hello there"},
        {"id": "m3", "context": "start", "kind": "payload",
         "expected": ["seek_support", "emotional_literacy"],
         "text": intent_payload("choose_module", {"takeaway": "emotional_literacy"})},
    ]  # fmt: skip
    concepts = [
        {"id": "c1", "context": "in_prompt", "text": "what is a secure base?",
         "concept": "secure_base"},
        {"id": "c2", "context": "start", "text": concept_payload("myths"), "concept": "myths"},
        {"id": "c3", "context": "start", "text": "hello there", "concept": "plasticity"},
    ]  # fmt: skip

    figures, misses = run_live(modules, concepts, trained_model, workers=2)

    module = figures["module_choice"]
    assert (module["one_expected"], module["two_expected_offered_both"]["accuracy"]) == (
        {"n": 2, "accuracy": 0.5},
        0.0,
    )
    assert module["two_expected_started_one"] == {"n": 1, "share": 1.0}
    got = {m["id"]: m["got"] for m in misses["module_choice"]}
    assert set(got) == {"m2", "m3"}
    assert got["m3"] == "started emotional_literacy"
    assert "utter_greet" in got["m2"] and not got["m2"].startswith("started")
    assert figures["concept"]["by_context"]["in_prompt"] == {"n": 1, "accuracy": 1.0}
    assert figures["concept"]["by_context"]["start"] == {"n": 2, "accuracy": 0.5}
    assert [(m["id"], m["got"]) for m in misses["concept"]] == [("c3", None)]
    assert "utter_concept_short" not in misses["concept"][0]["showed"]
