"""How much the safety check costs per message: the whole check, and the learned net alone.

Runs the detector (rules, cues and the learned second net) and the language
check over every message of the labelled risk sets several times in one
process and thread, and reports mean / p95 / max milliseconds per message.
Issue 11 asks for the learned net under 1 ms p95.

    python -m bot.evaluation.bench_risk [--out var/bench/risk.json] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bot.evaluation.risk_eval import discover_datasets, load_rows
from bot.safety import assess_risk
from bot.safety.language import guess_language
from bot.safety.learned import risk_probability


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def _time(texts: Sequence[str], work: Callable[[str], object], rounds: int) -> dict[str, float]:
    timings: list[float] = []
    for _ in range(rounds):
        for text in texts:
            started = time.perf_counter()
            work(text)
            timings.append((time.perf_counter() - started) * 1000)
    return {
        "messages": len(timings),
        "mean_ms": round(statistics.fmean(timings), 3),
        "p95_ms": round(_percentile(timings, 0.95), 3),
        "max_ms": round(max(timings), 3),
    }


def run(rounds: int) -> dict[str, Any]:
    """Time each part; the first call (training or loading the net) is timed apart."""
    texts = [row.text for path in discover_datasets().values() for row in load_rows(path)]
    started = time.perf_counter()
    assess_risk("warm up")
    guess_language("warm up the language model")
    first_ms = round((time.perf_counter() - started) * 1000, 1)
    return {
        "first_call_ms": first_ms,
        "learned_net": _time(texts, risk_probability, rounds),
        "whole_check": _time(texts, assess_risk, rounds),
        "language": _time(texts, guess_language, rounds),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.bench_risk")
    parser.add_argument("--out", type=Path, default=Path("var/bench/risk.json"))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    result = run(args.rounds)
    for part in ("learned_net", "whole_check", "language"):
        r = result[part]
        print(
            f"{part:<12} mean {r['mean_ms']:.3f} ms  p95 {r['p95_ms']:.3f} ms"
            f"  max {r['max_ms']:.3f} ms"
        )
    print(f"first call (train or load the net): {result['first_call_ms']} ms")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
