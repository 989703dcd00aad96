"""How well the risk detector agrees with hand labels, on dev and on every holdout.

Reports crisis recall (the number that must be 100%), the false-positive rate
on look-alikes (messages labelled ``none`` that were predicted ``crisis``),
concern accuracy, overall accuracy and the confusion matrix, and lists every
miss, for dev and for each ``data/eval/risk_holdout*.jsonl`` file separately,
so overfitting to dev shows as a gap. A file whose rows carry a ``batch`` is
also reported per batch. Blindness of each holdout:

* ``holdout`` batch A was written before the detector existed and batch B
  after the first holdout run; both were then used to motivate the rule
  families, so they are no longer blind.
* ``holdout_c`` was written before the family rewrite and run once before it.
* ``holdout_d`` was written before the family rewrite and not run until after.

    python -m bot.evaluation.risk_eval [--out var/eval/risk.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.safety import assess_risk

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT / "data" / "eval"
DEFAULT_OUT = ROOT / "var" / "eval" / "risk.json"


def discover_datasets(folder: Path = EVAL_DIR) -> dict[str, Path]:
    """Dev first, then every ``risk_holdout*.jsonl`` by name: a new holdout needs no code."""
    found = {"dev": folder / "risk_dev.jsonl"}
    for path in sorted(folder.glob("risk_holdout*.jsonl")):
        found[path.stem.removeprefix("risk_")] = path
    return found


DATASETS = discover_datasets()
LEVELS = ("none", "concern", "crisis")
REQUIRED = ("id", "text", "level", "category")


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    level: str
    category: str
    batch: str = ""


def load_rows(path: Path) -> list[Row]:
    """Read and validate a labelled risk file; a bad line names its number."""
    rows: list[Row] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path.name}:{number}: not valid JSON ({exc.msg})") from exc
        missing = [key for key in REQUIRED if not isinstance(record.get(key), str)]
        if missing:
            raise ValueError(f"{path.name}:{number}: missing or non-text {', '.join(missing)}")
        if record["level"] not in LEVELS:
            raise ValueError(f"{path.name}:{number}: level must be one of {LEVELS}")
        if record["id"] in seen:
            raise ValueError(f"{path.name}:{number}: duplicate id {record['id']}")
        seen.add(record["id"])
        batch = record.get("batch", "")
        if not isinstance(batch, str):
            raise ValueError(f"{path.name}:{number}: batch must be text")
        rows.append(Row(record["id"], record["text"], record["level"], record["category"], batch))
    return rows


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def evaluate(rows: Sequence[Row]) -> dict[str, Any]:
    """Metrics and misses for one labelled set."""
    confusion = {gold: dict.fromkeys(LEVELS, 0) for gold in LEVELS}
    misses: list[dict[str, Any]] = []
    for row in rows:
        assessment = assess_risk(row.text)
        confusion[row.level][assessment.level] += 1
        if assessment.level != row.level:
            misses.append(
                {
                    "id": row.id,
                    "gold": row.level,
                    "predicted": assessment.level,
                    "category": row.category,
                    "text": row.text,
                    "rules": [item.rule for item in assessment.evidence],
                }
            )
    totals = {gold: sum(confusion[gold].values()) for gold in LEVELS}
    correct = sum(confusion[level][level] for level in LEVELS)
    return {
        "n": len(rows),
        "counts": totals,
        "crisis_recall": _ratio(confusion["crisis"]["crisis"], totals["crisis"]),
        "lookalike_false_positive_rate": _ratio(confusion["none"]["crisis"], totals["none"]),
        "concern_accuracy": _ratio(confusion["concern"]["concern"], totals["concern"]),
        "none_accuracy": _ratio(confusion["none"]["none"], totals["none"]),
        "accuracy": _ratio(correct, len(rows)),
        "confusion": confusion,
        "misses": misses,
    }


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def render(name: str, result: dict[str, Any]) -> str:
    """A human-readable report for one set."""
    lines = [
        f"== {name} (n={result['n']}: "
        + ", ".join(f"{level} {result['counts'][level]}" for level in LEVELS)
        + ")",
        f"crisis recall                     {_percent(result['crisis_recall'])}",
        f"FPR on look-alikes (none->crisis) {_percent(result['lookalike_false_positive_rate'])}",
        f"concern accuracy                  {_percent(result['concern_accuracy'])}",
        f"none accuracy                     {_percent(result['none_accuracy'])}",
        f"overall accuracy                  {_percent(result['accuracy'])}",
        "confusion (rows gold, columns predicted):",
        "            " + "".join(f"{level:>9}" for level in LEVELS),
    ]
    for gold in LEVELS:
        lines.append(
            f"  {gold:<10}" + "".join(f"{result['confusion'][gold][p]:>9}" for p in LEVELS)
        )
    lines.append(f"misses ({len(result['misses'])}):")
    for miss in result["misses"]:
        lines.append(
            f"  {miss['id']}: {miss['gold']} -> {miss['predicted']} [{miss['category']}] "
            f"{miss['text']!r} {miss['rules']}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Evaluate dev and every holdout, print each, write JSON; 2 on bad data."""
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.risk_eval")
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"JSON results (default {DEFAULT_OUT})"
    )
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    for name, path in DATASETS.items():
        try:
            rows = load_rows(path)
        except (OSError, ValueError) as exc:
            print(f"risk_eval: {exc}", file=sys.stderr)
            return 2
        groups = {name: rows}
        batches = sorted({row.batch for row in rows if row.batch})
        if len(batches) > 1:
            groups.update({f"{name}.{b}": [r for r in rows if r.batch == b] for b in batches})
        for label, group in groups.items():
            results[label] = evaluate(group)
            print(render(label, results[label]))
            print()
    print(summary(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.out}")
    return 0


def summary(results: dict[str, Any]) -> str:
    """One line per set, to compare dev with the holdouts at a glance."""
    lines = [f"{'set':<14}{'n':>5}{'crisis recall':>15}{'look-alike FPR':>16}{'concern acc':>13}"]
    for label, result in results.items():
        lines.append(
            f"{label:<14}{result['n']:>5}{_percent(result['crisis_recall']):>15}"
            f"{_percent(result['lookalike_false_positive_rate']):>16}"
            f"{_percent(result['concern_accuracy']):>13}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
