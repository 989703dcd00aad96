"""The NLU cross-validation summary: gates, per-label rows and confusions.

The folds themselves take 20+ minutes (``make eval-nlu``); these tests feed the
summariser small reports in Rasa's format so the gate logic is checked on
every ``make test``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from bot.evaluation import nlu_cv


def _row(f1: float, support: int) -> dict[str, float]:
    return {"precision": f1, "recall": f1, "f1-score": f1, "support": support}


def _write_results(folder: Path, concept_f1: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    report = {
        "ask_concept": {**_row(concept_f1, 300), "confused_with": {"out_of_scope": 3}},
        "greet": _row(0.9, 30),
        "accuracy": 0.91,
        "macro avg": _row(0.9, 330),
        "weighted avg": _row(0.9, 330),
    }
    (folder / "intent_report.json").write_text(json.dumps(report), encoding="utf-8")
    errors = [
        {
            "text": "what is the capital of peru",
            "intent": "out_of_scope",
            "intent_prediction": {"name": "ask_concept", "confidence": 0.9},
        },
        {
            "text": "what's the capital of chad",
            "intent": "out_of_scope",
            "intent_prediction": {"name": "ask_concept", "confidence": 0.8},
        },
        {
            "text": "hiya",
            "intent": "greet",
            "intent_prediction": {"name": "thank", "confidence": 0.5},
        },
    ]
    (folder / "intent_errors.json").write_text(json.dumps(errors), encoding="utf-8")
    entities = {
        "concept": _row(0.85, 200),
        "no_entity": _row(0.99, 4000),
        "micro avg": _row(0.9, 1),
    }
    (folder / "DIETClassifier_report.json").write_text(json.dumps(entities), encoding="utf-8")
    return folder


def test_gate_fails_below_threshold_and_exits_one(tmp_path: Path) -> None:
    results = _write_results(tmp_path / "results", concept_f1=0.94)
    code = nlu_cv.main(["--report-only", str(results), "--out", str(tmp_path / "out")])
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert code == 1
    assert summary["gates"] == [
        {"intent": "ask_concept", "required": 0.95, "f1": 0.94, "passed": False}
    ]
    assert "FAIL" in (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")


def test_gate_passes_at_threshold(tmp_path: Path) -> None:
    results = _write_results(tmp_path / "results", concept_f1=0.95)
    assert nlu_cv.main(["--report-only", str(results), "--out", str(tmp_path / "out")]) == 0


def test_an_intent_missing_from_the_report_fails_its_gate(tmp_path: Path) -> None:
    results = _write_results(tmp_path / "results", concept_f1=0.99)
    summary = nlu_cv.summarise(results, {"compare_concepts": 0.9})
    assert summary["gates"][0]["passed"] is False
    assert summary["gates"][0]["f1"] is None


def test_summary_keeps_labels_and_drops_averages(tmp_path: Path) -> None:
    summary = nlu_cv.summarise(_write_results(tmp_path, 0.96), {"ask_concept": 0.95})
    assert set(summary["intents"]) == {"ask_concept", "greet"}
    assert summary["intents"]["ask_concept"]["support"] == 300
    assert set(summary["entities"]) == {"concept"}
    assert summary["accuracy"] == 0.91


def test_confusions_count_only_pairs_with_a_gated_intent(tmp_path: Path) -> None:
    summary = nlu_cv.summarise(_write_results(tmp_path, 0.96), {"ask_concept": 0.95})
    assert summary["confusions"] == [
        {
            "true": "out_of_scope",
            "predicted": "ask_concept",
            "count": 2,
            "examples": ["what is the capital of peru", "what's the capital of chad"],
        }
    ]


def test_missing_results_exit_two(tmp_path: Path) -> None:
    assert nlu_cv.main(["--report-only", str(tmp_path), "--out", str(tmp_path / "o")]) == 2


@pytest.mark.parametrize("text", ["ask_concept", "=0.9", "ask_concept=high", "ask_concept=1.5"])
def test_bad_gates_are_usage_errors(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        nlu_cv.parse_gate(text)
