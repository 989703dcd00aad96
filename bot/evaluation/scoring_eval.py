"""How well the rubric agrees with hand labels, on a dev set and an untouched holdout.

Reports quadratic-weighted kappa for depth, F1 per element, emotion
precision/recall (micro, over canonical forms), and accuracy of the self and
other views. The holdout was written before any tuning and is never tuned on;
both numbers are printed side by side so overfitting shows.

    python -m bot.evaluation.scoring_eval [--out var/eval/scoring.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.ids import TAKEAWAY_IDS
from bot.scoring import ELEMENT_KEYS, score_answer

ROOT = Path(__file__).resolve().parents[2]
DATASETS = {
    "dev": ROOT / "data" / "eval" / "scoring_dev.jsonl",
    "holdout": ROOT / "data" / "eval" / "scoring_holdout.jsonl",
}
VIEW_VALUES = ("positive", "negative", "mixed", "unclear")
REQUIRED = ("id", "takeaway", "text", "depth", "elements", "emotions", "self_view", "other_view")


def load_rows(path: Path) -> list[dict[str, Any]]:
    """Read and validate a labelled eval file; a bad line names its number."""
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        missing = [k for k in REQUIRED if k not in row]
        if missing:
            raise ValueError(f"{path.name}:{number}: missing {', '.join(missing)}")
        if row["takeaway"] not in TAKEAWAY_IDS or row["depth"] not in (0, 1, 2, 3):
            raise ValueError(f"{path.name}:{number}: bad takeaway or depth")
        if set(row["elements"]) != set(ELEMENT_KEYS):
            raise ValueError(f"{path.name}:{number}: elements must be exactly {ELEMENT_KEYS}")
        if row["self_view"] not in VIEW_VALUES or row["other_view"] not in VIEW_VALUES:
            raise ValueError(f"{path.name}:{number}: bad view label")
        rows.append(row)
    return rows


def quadratic_weighted_kappa(gold: Sequence[int], pred: Sequence[int], levels: int = 4) -> float:
    """Cohen's kappa with quadratic weights: near misses cost less than far ones."""
    if len(gold) != len(pred) or not gold:
        raise ValueError("need two equally long, non-empty rating lists")
    n = len(gold)
    observed = [[0.0] * levels for _ in range(levels)]
    for g, p in zip(gold, pred, strict=True):
        observed[g][p] += 1
    gold_hist = [sum(row) for row in observed]
    pred_hist = [sum(observed[i][j] for i in range(levels)) for j in range(levels)]
    numerator = denominator = 0.0
    for i in range(levels):
        for j in range(levels):
            weight = (i - j) ** 2 / (levels - 1) ** 2
            expected = gold_hist[i] * pred_hist[j] / n
            numerator += weight * observed[i][j]
            denominator += weight * expected
    return 1.0 if denominator == 0 else 1.0 - numerator / denominator


def _f1(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def evaluate(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """All metrics for one labelled set, plus the rows the scorer disagreed on."""
    gold_depth: list[int] = []
    pred_depth: list[int] = []
    counts = {k: [0, 0, 0] for k in ELEMENT_KEYS}
    emo = [0, 0, 0]
    self_hits = other_hits = 0
    disagreements: list[dict[str, Any]] = []
    for row in rows:
        result = score_answer(row["text"], row["takeaway"])
        gold_depth.append(row["depth"])
        pred_depth.append(result.depth)
        for key in ELEMENT_KEYS:
            gold, pred = bool(row["elements"][key]), bool(result.elements[key])
            counts[key][0] += gold and pred
            counts[key][1] += pred and not gold
            counts[key][2] += gold and not pred
        gold_emotions, pred_emotions = set(row["emotions"]), set(result.named_emotions)
        emo[0] += len(gold_emotions & pred_emotions)
        emo[1] += len(pred_emotions - gold_emotions)
        emo[2] += len(gold_emotions - pred_emotions)
        self_hits += result.self_view == row["self_view"]
        other_hits += result.other_view == row["other_view"]
        if result.depth != row["depth"]:
            disagreements.append({"id": row["id"], "gold": row["depth"], "pred": result.depth})
    n = len(rows)
    exact = sum(g == p for g, p in zip(gold_depth, pred_depth, strict=True)) / n
    return {
        "n": n,
        "depth_qwk": round(quadratic_weighted_kappa(gold_depth, pred_depth), 3),
        "depth_exact": round(exact, 3),
        "elements": {k: _f1(*counts[k]) for k in ELEMENT_KEYS},
        "emotions": _f1(*emo),
        "self_view_accuracy": round(self_hits / n, 3),
        "other_view_accuracy": round(other_hits / n, 3),
        "depth_disagreements": disagreements,
    }


def _print(name: str, report: dict[str, Any]) -> None:
    emotions = report["emotions"]
    print(f"{name} (n={report['n']})")
    print(f"  depth QWK {report['depth_qwk']:.3f}   exact {report['depth_exact']:.3f}")
    print(
        f"  emotions precision {emotions['precision']:.3f}  recall {emotions['recall']:.3f}"
        f"  F1 {emotions['f1']:.3f}"
    )
    print(
        f"  self_view accuracy {report['self_view_accuracy']:.3f}"
        f"   other_view accuracy {report['other_view_accuracy']:.3f}"
    )
    for key, value in report["elements"].items():
        print(
            f"  {key:<17} F1 {value['f1']:.3f}"
            f"  (P {value['precision']:.3f} R {value['recall']:.3f})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scoring_eval", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="var/eval/scoring.json", help="where to write JSON")
    parser.add_argument("--only", choices=sorted(DATASETS), help="evaluate one set only")
    args = parser.parse_args(argv)
    reports: dict[str, Any] = {}
    for name, path in DATASETS.items():
        if args.only and name != args.only:
            continue
        try:
            reports[name] = evaluate(load_rows(path))
        except (OSError, ValueError) as exc:
            print(f"scoring_eval: {exc}", file=sys.stderr)
            return 2
        _print(name, reports[name])
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(reports, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
