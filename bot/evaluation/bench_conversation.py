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
import json
import socket
import statistics
import subprocess
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import httpx

from bot.ids import intent_payload
from bot.launcher import MODEL_PATH, action_command, child_env, rasa_command
from bot.settings import PROJECT_ROOT, Settings
from bot.storage.migrate import upgrade

ANSWER = (
    "When my friend cancelled I felt disappointed and a bit lonely. I used to think it meant"
    " I wasn't important, but maybe she was overwhelmed. Next time I want to tell her how I feel."
)
MODULES = (
    "early_experiences",
    "relationship_patterns",
    "constructive_exposure",
    "emotional_literacy",
    "seek_support",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(url)


def _script(turns: int) -> list[str]:
    messages: list[str] = []
    index = 0
    while len(messages) < turns:
        module = MODULES[index % len(MODULES)]
        messages += [
            intent_payload("choose_module", {"takeaway": module}),
            "3",
            ANSWER,
            ANSWER,
            ANSWER,
            "4",
            "what have I done so far",
        ]
        index += 1
    return messages[:turns]


def run(turns: int, out: Path, model: Path = MODEL_PATH) -> dict[str, object]:
    workdir = Path(tempfile.mkdtemp(prefix="securebase-bench-"))
    settings = replace(
        Settings(),
        database_url=f"sqlite:///{workdir / 'app.db'}",
        tracker_db=str(workdir / "tracker.db"),
        rasa_port=_free_port(),
        action_port=_free_port(),
    )
    upgrade(settings.database_url)
    env = child_env(settings)
    logs = (workdir / "servers.log").open("ab")
    processes = [
        subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=logs, stderr=logs)
        for cmd in (action_command(settings), rasa_command(settings, model))
    ]
    try:
        _wait(f"http://127.0.0.1:{settings.action_port}/health", 60)
        _wait(f"{settings.rasa_url}/", 180)
        url = f"{settings.rasa_url}/webhooks/rest/webhook"
        with httpx.Client(timeout=60) as client:
            client.post(url, json={"sender": "warm-up", "message": "hi"})
            timings = []
            for message in _script(turns):
                start = time.perf_counter()
                client.post(url, json={"sender": "long-conversation", "message": message})
                timings.append((time.perf_counter() - start) * 1000)
            fresh = []
            for number in range(10):
                start = time.perf_counter()
                client.post(url, json={"sender": f"new-{number}", "message": "hi"})
                fresh.append((time.perf_counter() - start) * 1000)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
    window = max(5, turns // 10)
    result: dict[str, object] = {
        "model": str(model),
        "turns": turns,
        "new_person_first_reply_ms_median": round(statistics.median(fresh), 1),
        "first_turns_ms_median": round(statistics.median(timings[:window]), 1),
        "last_turns_ms_median": round(statistics.median(timings[-window:]), 1),
        "window": window,
        "growth_factor": round(
            statistics.median(timings[-window:]) / statistics.median(timings[:window]), 2
        ),
        "all_ms": [round(t, 1) for t in timings],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.bench_conversation")
    parser.add_argument("--turns", type=int, default=140)
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "var/bench/conversation.json")
    parser.add_argument("--model", type=Path, default=MODEL_PATH, help="e.g. a candidate model")
    args = parser.parse_args(argv)
    result = run(args.turns, args.out, args.model)
    summary = {k: v for k, v in result.items() if k != "all_ms"}
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
