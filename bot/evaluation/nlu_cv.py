"""Cross-validate the NLU pipeline and check the intents that must be reliable.

Runs ``rasa test nlu --cross-validation`` on ``data/nlu`` with ``config.yml``
(the whole pipeline, our own guards included), then reads Rasa's reports and
writes one summary: per-intent F1, precision, recall and support, entity F1,
and the confusions that cost the gated intents the most. A gate such as
``ask_concept=0.95`` (the bar issue 4 sets) makes the command exit 1 when an
intent falls below it, so a data or config change that hurts concept questions
is caught before it ships.

Five folds train five models, so this takes 20-25 minutes on two cores; it is
``make eval-nlu``, not part of ``make test``.

    python -m bot.evaluation.nlu_cv [--folds 5] [--require ask_concept=0.95]
    python -m bot.evaluation.nlu_cv --report-only var/eval/nlu_cv/results
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "var" / "eval" / "nlu_cv"
DEFAULT_GATES = ("ask_concept=0.95",)
AVERAGES = ("accuracy", "macro avg", "weighted avg", "micro avg")


def parse_gate(text: str) -> tuple[str, float]:
    """``intent=0.95`` -> ("intent", 0.95); anything else is a usage error."""
    name, sep, value = text.partition("=")
    try:
        threshold = float(value)
    except ValueError:
        threshold = -1.0
    if not sep or not name.strip() or not 0.0 <= threshold <= 1.0:
        raise argparse.ArgumentTypeError(f"expected INTENT=F1 with F1 in [0, 1], got {text!r}")
    return name.strip(), threshold


def run_cross_validation(results: Path, folds: int) -> None:
    """Train and test ``folds`` models with Rasa's own cross-validation."""
    results.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "rasa",
        "test",
        "nlu",
        "--nlu",
        str(ROOT / "data" / "nlu"),
        "--config",
        str(ROOT / "config.yml"),
        "--cross-validation",
        "--folds",
        str(folds),
        "--out",
        str(results),
    ]
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def per_label(report: Mapping[str, Any]) -> dict[str, dict[str, float]]:
    """The per-label rows of a Rasa/sklearn report, without the averages."""
    return {
        label: {
            "f1": round(float(row["f1-score"]), 3),
            "precision": round(float(row["precision"]), 3),
            "recall": round(float(row["recall"]), 3),
            "support": int(row["support"]),
        }
        for label, row in report.items()
        if label not in AVERAGES and isinstance(row, Mapping) and "f1-score" in row
    }


def confusions(errors: Sequence[Mapping[str, Any]], intents: Sequence[str]) -> list[dict[str, Any]]:
    """Pairs (true -> predicted) that involve a gated intent, most frequent first."""
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = {}
    for error in errors:
        pair = (str(error["intent"]), str(error["intent_prediction"]["name"]))
        if pair[0] in intents or pair[1] in intents:
            counts[pair] += 1
            examples.setdefault(pair, []).append(str(error["text"]))
    return [
        {"true": t, "predicted": p, "count": n, "examples": examples[(t, p)][:3]}
        for (t, p), n in counts.most_common()
    ]


def summarise(results: Path, gates: Mapping[str, float]) -> dict[str, Any]:
    """Read Rasa's reports in ``results`` and apply the gates."""
    intent_report = json.loads((results / "intent_report.json").read_text(encoding="utf-8"))
    intents = per_label(intent_report)
    entity_file = results / "DIETClassifier_report.json"
    entities = (
        per_label(json.loads(entity_file.read_text(encoding="utf-8")))
        if entity_file.exists()
        else {}
    )
    errors_file = results / "intent_errors.json"
    errors = json.loads(errors_file.read_text(encoding="utf-8")) if errors_file.exists() else []
    checks = []
    for intent, threshold in gates.items():
        f1 = intents.get(intent, {}).get("f1")
        checks.append(
            {
                "intent": intent,
                "required": threshold,
                "f1": f1,
                "passed": f1 is not None and f1 >= threshold,
            }
        )
    return {
        "accuracy": round(float(intent_report.get("accuracy", 0.0)), 3),
        "macro_f1": round(float(intent_report.get("macro avg", {}).get("f1-score", 0.0)), 3),
        "intents": intents,
        "entities": {k: v for k, v in entities.items() if k != "no_entity"},
        "gates": checks,
        "confusions": confusions(errors, list(gates)),
    }


def _table(kind: str, rows: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """One Markdown table of F1, precision, recall and support, by label name."""
    lines = [f"| {kind} | F1 | precision | recall | n |", "|---|---|---|---|---|"]
    for name, row in sorted(rows.items()):
        cells = (row["f1"], row["precision"], row["recall"], row["support"])
        lines.append(f"| {name} | " + " | ".join(str(cell) for cell in cells) + " |")
    return lines


def render(summary: Mapping[str, Any]) -> str:
    """A short Markdown report: gates first, then every intent, then the confusions."""
    lines = ["# NLU cross-validation", ""]
    for gate in summary["gates"]:
        verdict = "pass" if gate["passed"] else "FAIL"
        lines.append(f"- {gate['intent']}: F1 {gate['f1']} (needs {gate['required']}): {verdict}")
    lines += [f"- accuracy {summary['accuracy']}, macro F1 {summary['macro_f1']}", ""]
    lines += _table("intent", summary["intents"])
    if summary["entities"]:
        lines += ["", *_table("entity", summary["entities"])]
    if summary["confusions"]:
        lines += ["", "Confusions involving a gated intent:", ""]
        for item in summary["confusions"]:
            shown = "; ".join(f'"{text}"' for text in item["examples"])
            lines.append(f"- {item['true']} -> {item['predicted']} ({item['count']}): {shown}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.nlu_cv")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where reports are written")
    parser.add_argument(
        "--require",
        type=parse_gate,
        action="append",
        metavar="INTENT=F1",
        help="fail when an intent's F1 is below this (default: ask_concept=0.95)",
    )
    parser.add_argument(
        "--report-only",
        type=Path,
        metavar="RESULTS",
        help="summarise an existing Rasa results folder instead of running the folds",
    )
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    gates = dict(args.require or [parse_gate(g) for g in DEFAULT_GATES])
    results = args.report_only or args.out / "results"
    if args.report_only is None:
        run_cross_validation(results, args.folds)
    if not (results / "intent_report.json").exists():
        print(f"No intent_report.json in {results}.", file=sys.stderr)
        return 2
    summary = summarise(results, gates)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    text = render(summary)
    (args.out / "summary.md").write_text(text, encoding="utf-8")
    print(text)
    return 0 if all(gate["passed"] for gate in summary["gates"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
