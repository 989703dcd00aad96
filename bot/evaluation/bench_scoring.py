"""How much latency scoring adds to a message: answers per second on one core.

Scores every answer in the dev and holdout sets (short, typical and long
answers) several times in a single process and thread, and reports the
throughput and the mean / p95 / max milliseconds per answer, for scoring alone
and for scoring plus feedback composition.

    python -m bot.evaluation.bench_scoring [--out var/bench/scoring.json] [--rounds 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bot.evaluation.scoring_eval import DATASETS, load_rows
from bot.scoring import compose_feedback, score_answer

FOLLOWUPS = {k: k for k in ("feeling", "moment", "past", "other_view", "next_step")}


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def _time(
    items: Sequence[tuple[str, str]], work: Callable[[str, str], object], rounds: int
) -> dict[str, float]:
    timings: list[float] = []
    started = time.perf_counter()
    for _ in range(rounds):
        for takeaway, text in items:
            t0 = time.perf_counter()
            work(takeaway, text)
            timings.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    return {
        "answers": len(timings),
        "answers_per_second": round(len(timings) / elapsed, 1),
        "mean_ms": round(statistics.fmean(timings), 3),
        "p95_ms": round(_percentile(timings, 0.95), 3),
        "max_ms": round(max(timings), 3),
    }


def _score_and_feedback(takeaway: str, text: str) -> object:
    result = score_answer(text, takeaway)
    return compose_feedback(text, result, takeaway, FOLLOWUPS)


def run(rounds: int) -> dict[str, Any]:
    """Benchmark on the labelled answers; the first call (lexicon load) is timed apart."""
    items = [(r["takeaway"], r["text"]) for path in DATASETS.values() for r in load_rows(path)]
    t0 = time.perf_counter()
    _score_and_feedback("early_experiences", "warm-up")
    first_call_ms = (time.perf_counter() - t0) * 1000
    words = [len(text.split()) for _, text in items]
    return {
        "first_call_ms": round(first_call_ms, 2),
        "distinct_answers": len(items),
        "mean_words": round(statistics.fmean(words), 1),
        "max_words": max(words),
        "score_answer": _time(items, lambda tk, tx: score_answer(tx, tk), rounds),
        "score_and_feedback": _time(items, _score_and_feedback, rounds),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_scoring", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="var/bench/scoring.json")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    report = run(max(1, args.rounds))
    for name in ("score_answer", "score_and_feedback"):
        r = report[name]
        print(
            f"{name:<19} {r['answers_per_second']:>8.1f} answers/s   mean {r['mean_ms']:.3f} ms"
            f"   p95 {r['p95_ms']:.3f} ms   max {r['max_ms']:.3f} ms"
        )
    print(f"first call (loads lexicon and templates): {report['first_call_ms']:.1f} ms")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
