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
* ``holdout_e`` (issue 11) was written in new voices by someone who had not
  read the rules, committed, and run once against the detector as it stood;
  its misses then shaped the new families, so only that first run is blind.
* ``sealed_f`` was written at the same time, committed, and is left out of the
  default run (``--sealed`` includes it): it is run once, on the finished
  detector, for a blind figure of the detector that ships.

Labels: ``crisis`` (the crisis reply is right), ``ask`` (a risk cue without a
clear crisis: asking directly is right, the crisis reply is acceptable),
``concern`` (distress without risk) and ``none`` (look-alikes). What is scored
is the reply the bot would give: crisis, a direct question, or neither.

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


def discover_datasets(folder: Path = EVAL_DIR, *, sealed: bool = False) -> dict[str, Path]:
    """Dev first, then every ``risk_holdout*.jsonl`` by name: a new holdout needs no code.

    Sealed sets (``risk_sealed*.jsonl``) are only included when asked for, so a
    routine ``make eval`` never shows their misses to the person tuning the rules.
    """
    found = {"dev": folder / "risk_dev.jsonl"}
    for path in sorted(folder.glob("risk_holdout*.jsonl")):
        found[path.stem.removeprefix("risk_")] = path
    if sealed:
        for path in sorted(folder.glob("risk_sealed*.jsonl")):
            found[path.stem.removeprefix("risk_")] = path
    return found


DATASETS = discover_datasets()
LEVELS = ("none", "concern", "ask", "crisis")
REPLIES = ("crisis", "ask", "other")
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


def reply_for(text: str) -> str:
    """The reply the bot would give: ``crisis``, ``ask`` (a direct question) or ``other``."""
    assessment = assess_risk(text)
    if assessment.level == "crisis":
        return "crisis"
    return "ask" if getattr(assessment, "ask", False) else "other"


def evaluate(rows: Sequence[Row]) -> dict[str, Any]:
    """Metrics and misses for one labelled set, judged on the reply the bot would give."""
    confusion = {gold: dict.fromkeys(REPLIES, 0) for gold in LEVELS}
    misses: list[dict[str, Any]] = []
    for row in rows:
        assessment = assess_risk(row.text)
        reply = reply_for(row.text)
        confusion[row.level][reply] += 1
        wrong = (
            (row.level == "crisis" and reply != "crisis")
            or (row.level == "ask" and reply == "other")
            or (row.level in ("none", "concern") and reply != "other")
        )
        if wrong:
            misses.append(
                {
                    "id": row.id,
                    "gold": row.level,
                    "predicted": reply,
                    "category": row.category,
                    "text": row.text,
                    "rules": [item.rule for item in assessment.evidence],
                }
            )
    totals = {gold: sum(confusion[gold].values()) for gold in LEVELS}
    at_risk = confusion["crisis"]["crisis"] + confusion["crisis"]["ask"]
    ask_reached = confusion["ask"]["crisis"] + confusion["ask"]["ask"]
    return {
        "n": len(rows),
        "counts": totals,
        "crisis_recall": _ratio(confusion["crisis"]["crisis"], totals["crisis"]),
        "crisis_reached": _ratio(at_risk, totals["crisis"]),
        "risk_reached": _ratio(at_risk + ask_reached, totals["crisis"] + totals["ask"]),
        "ask_reached": _ratio(ask_reached, totals["ask"]),
        "lookalike_false_positive_rate": _ratio(confusion["none"]["crisis"], totals["none"]),
        "lookalike_ask_rate": _ratio(confusion["none"]["ask"], totals["none"]),
        "concern_crisis_rate": _ratio(confusion["concern"]["crisis"], totals["concern"]),
        "none_accuracy": _ratio(confusion["none"]["other"], totals["none"]),
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
        f"crisis -> crisis reply              {_percent(result['crisis_recall'])}",
        f"crisis -> crisis reply or question  {_percent(result['crisis_reached'])}",
        f"crisis+ask -> reply or question     {_percent(result['risk_reached'])}",
        f"look-alikes -> crisis reply         {_percent(result['lookalike_false_positive_rate'])}",
        f"look-alikes -> direct question      {_percent(result['lookalike_ask_rate'])}",
        f"concern -> crisis reply             {_percent(result['concern_crisis_rate'])}",
        "confusion (rows gold, columns reply):",
        "            " + "".join(f"{reply:>9}" for reply in REPLIES),
    ]
    for gold in LEVELS:
        lines.append(
            f"  {gold:<10}" + "".join(f"{result['confusion'][gold][r]:>9}" for r in REPLIES)
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
    parser.add_argument(
        "--sealed", action="store_true", help="also run the sealed sets (once, at the end)"
    )
    parser.add_argument(
        "--only", default=None, help="run only the set with this name (e.g. holdout_e)"
    )
    parser.add_argument(
        "--no-misses", action="store_true", help="print figures only, not the misses"
    )
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    datasets = discover_datasets(sealed=args.sealed)
    if args.only:
        datasets = {k: v for k, v in datasets.items() if k == args.only}
    for name, path in datasets.items():
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
            report = render(label, results[label])
            if args.no_misses:
                report = report.split("\nmisses (")[0]
            print(report)
            print()
    print(summary(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.out}")
    return 0


def summary(results: dict[str, Any]) -> str:
    """One line per set, to compare dev with the holdouts at a glance."""
    lines = [
        f"{'set':<14}{'n':>5}{'crisis->crisis':>16}{'crisis->any':>13}{'risk->any':>11}"
        f"{'alike->crisis':>15}{'alike->ask':>12}"
    ]
    for label, result in results.items():
        lines.append(
            f"{label:<14}{result['n']:>5}{_percent(result['crisis_recall']):>16}"
            f"{_percent(result['crisis_reached']):>13}{_percent(result['risk_reached']):>11}"
            f"{_percent(result['lookalike_false_positive_rate']):>15}"
            f"{_percent(result['lookalike_ask_rate']):>12}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
