"""How reply time changes as one conversation grows (``make bench-conversation``).

Starts the real action server and Rasa server on free loopback ports with
throw-away databases, then one person works through module after module over
the REST webhook. Reports the median reply time for the first turns and for
the last turns, and a new person's first turn for comparison, and writes them
to ``var/bench/conversation.json``. Bounded: a fixed number of messages to
127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import httpx

from bot.evaluation.conversation import journey_script, throwaway_stack, window, write_result
from bot.launcher import MODEL_PATH
from bot.settings import PROJECT_ROOT


def run(turns: int, model: Path = MODEL_PATH) -> dict[str, object]:
    """Reply times of one long conversation and of new people's first message."""
    with throwaway_stack(model=model, prefix="securebase-bench-") as stack:
        url = f"{stack.settings.rasa_url}/webhooks/rest/webhook"
        with httpx.Client(timeout=60) as client:
            client.post(url, json={"sender": "warm-up", "message": "hi"})
            timings = []
            for message in journey_script(turns):
                start = time.perf_counter()
                client.post(url, json={"sender": "long-conversation", "message": message})
                timings.append((time.perf_counter() - start) * 1000)
            fresh = []
            for number in range(10):
                start = time.perf_counter()
                client.post(url, json={"sender": f"new-{number}", "message": "hi"})
                fresh.append((time.perf_counter() - start) * 1000)
    size = window(turns)
    first, last = statistics.median(timings[:size]), statistics.median(timings[-size:])
    return {
        "model": str(model),
        "turns": turns,
        "new_person_first_reply_ms_median": round(statistics.median(fresh), 1),
        "first_turns_ms_median": round(first, 1),
        "last_turns_ms_median": round(last, 1),
        "window": size,
        "growth_factor": round(last / first, 2),
        "all_ms": [round(t, 1) for t in timings],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.bench_conversation")
    parser.add_argument("--turns", type=int, default=140)
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "var/bench/conversation.json")
    parser.add_argument("--model", type=Path, default=MODEL_PATH, help="e.g. a candidate model")
    args = parser.parse_args(argv)
    write_result(args.out, run(args.turns, args.model), left_out="all_ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
