"""Where the time of one message goes as a conversation grows (in-process profile).

``bench_conversation`` measures reply time over REST; this tool says *why* it
changes. It loads the model into an in-process Rasa ``Agent`` with the
project's tracker store (a throw-away SQLite file) and a real action server on
a free loopback port, sends one long conversation, and times each phase of
every message:

* ``retrieve`` / ``save``: the tracker store (SQL, deserialising, replaying);
* ``nlu``: parsing the message;
* ``predict``: policy predictions (all of them for the message);
* ``actions``: custom-action calls (tracker JSON out, events back);
* ``other``: the rest of Rasa's processor (tracker copies, session check ...).

It reports median milliseconds per phase for the first and the last turns, in
wall time and in CPU time of the Rasa process (steadier on a busy machine),
the action server's CPU time per message, the number of events in the
session, and the size of the tracker JSON an action receives.

    python -m bot.evaluation.profile_conversation [--turns 140] [--script journey|varied]
        [--model models/securebase.tar.gz] [--endpoints endpoints.yml]
        [--out var/bench/conversation_phases.json]

``--endpoints`` with a ``tracker_store`` of ``type: sql`` measures Rasa's stock
store for comparison.

``varied`` mixes modules (with an interruption inside), concept questions,
quizzes, the self-assessment, help and gibberish, so that many rules and all
three loops run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import random
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.evaluation.conversation import journey_script, throwaway_stack, window, write_result
from bot.ids import concept_payload
from bot.launcher import MODEL_PATH
from bot.settings import PROJECT_ROOT

PHASES = ("retrieve", "nlu", "predict", "actions", "save")
EPISODES: tuple[tuple[str, ...], ...] = (
    (concept_payload("plasticity"), "/ask_concept_more"),
    ("/start_quiz", *(["true", "false"] * 4)),
    ("/start_self_assessment", *(["3", "agree", "5"] * 4)),
    ("/ask_progress",),
    ("/help",),
    ("qwzx plorf",),
    ("/thank",),
)
INTERRUPTIONS = (concept_payload("secure_base"), "/help", "/ask_progress")


def varied_script(turns: int, seed: int = 7) -> list[str]:
    """Modules with an interruption now and then, between concept questions, quizzes and more.

    Seeded, so every run sends the same conversation; each episode is what a
    person would really send (a quiz gets true/false answers, not noise).
    """
    rng = random.Random(seed)
    journey = journey_script(10 * turns)
    messages: list[str] = []
    while len(messages) < turns:
        if rng.random() < 0.5:
            module, journey = list(journey[:7]), journey[7:]
            module.insert(rng.randrange(2, 6), rng.choice(INTERRUPTIONS))
            messages += module
        else:
            messages += rng.choice(EPISODES)
    return messages[:turns]


class PhaseClock:
    """Accumulates wall time and this process's CPU time per phase of one message.

    CPU time is what to compare on a busy machine: waiting for the CPU counts
    in wall time only.
    """

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - wall, time.process_time() - cpu)

    def add(self, name: str, wall: float, cpu: float) -> None:
        self.spent[name] = self.spent.get(name, 0.0) + wall
        self.spent[f"cpu_{name}"] = self.spent.get(f"cpu_{name}", 0.0) + cpu

    def wrap_async(self, owner: Any, attribute: str, name: str) -> None:
        original = getattr(owner, attribute)

        async def timed(*args: Any, **kwargs: Any) -> Any:
            with self.phase(name):
                return await original(*args, **kwargs)

        setattr(owner, attribute, timed)

    def wrap_sync(self, owner: Any, attribute: str, name: str) -> None:
        original: Callable[..., Any] = getattr(owner, attribute)

        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.phase(name):
                return original(*args, **kwargs)

        setattr(owner, attribute, timed)


def _instrument(agent: Any, clock: PhaseClock) -> None:
    """Time the tracker store, NLU, policies and custom actions of ``agent``'s processor."""
    from rasa.core.actions.action import RemoteAction

    processor = agent.processor
    store = processor.tracker_store
    clock.wrap_async(store, "retrieve", "retrieve")
    clock.wrap_async(store, "save", "save")
    clock.wrap_async(processor, "parse_message", "nlu")
    clock.wrap_sync(processor, "_predict_next_with_tracker", "predict")
    clock.wrap_async(RemoteAction, "run", "actions")


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of another process (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _median_ms(rows: list[dict[str, float]], key: str) -> float:
    return round(statistics.median(row.get(key, 0.0) for row in rows) * 1000, 1)


def _summary(rows: list[dict[str, float]], prefix: str = "") -> dict[str, float]:
    """Median milliseconds per phase; ``other`` is the rest of the message."""
    keys = [f"{prefix}{key}" for key in ("total", *PHASES)]
    summary = {key.removeprefix(prefix): _median_ms(rows, key) for key in keys}
    summary["other"] = round(summary["total"] - sum(summary[p] for p in PHASES), 1)
    return summary


async def _converse(
    model: Path, endpoints_file: Path, messages: list[str], action_pid: int
) -> dict[str, Any]:
    from rasa.core.agent import load_agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.core.utils import AvailableEndpoints
    from rasa.shared.core.trackers import EventVerbosity

    endpoints = AvailableEndpoints.read_endpoints(str(endpoints_file))
    agent = await load_agent(str(model), endpoints=endpoints)
    clock = PhaseClock()
    _instrument(agent, clock)
    await agent.handle_message(UserMessage("hi", CollectingOutputChannel(), "warm-up"))
    rows: list[dict[str, float]] = []
    sizes: list[int] = []
    for number, text in enumerate(messages):
        clock.spent = {}
        server_cpu = _cpu_seconds(action_pid)
        with clock.phase("total"):
            await agent.handle_message(UserMessage(text, CollectingOutputChannel(), "long"))
        clock.spent["action_server_cpu"] = _cpu_seconds(action_pid) - server_cpu
        rows.append(clock.spent)
        if number in (0, len(messages) - 1):
            tracker = await agent.processor.tracker_store.retrieve("long")
            sizes.append(len(json.dumps(tracker.current_state(EventVerbosity.ALL))))
    size = window(len(messages))
    return {
        "turns": len(messages),
        "events_in_session": len(tracker.events),
        "window": size,
        "first_turns_ms_median": _summary(rows[:size]),
        "last_turns_ms_median": _summary(rows[-size:]),
        "first_turns_cpu_ms_median": _summary(rows[:size], "cpu_"),
        "last_turns_cpu_ms_median": _summary(rows[-size:], "cpu_"),
        "action_server_cpu_ms_median": {
            "first_turns": _median_ms(rows[:size], "action_server_cpu"),
            "last_turns": _median_ms(rows[-size:], "action_server_cpu"),
        },
        "tracker_json_bytes_first": sizes[0],
        "tracker_json_bytes_last": sizes[-1],
        "all_total_ms": [round(row["total"] * 1000, 1) for row in rows],
    }


def run(model: Path, endpoints: Path, turns: int, script: str) -> dict[str, Any]:
    """Profile one conversation of ``turns`` messages in this process."""
    messages = varied_script(turns) if script == "varied" else journey_script(turns)
    with throwaway_stack(model=None, prefix="securebase-profile-") as stack:
        keys = ("ACTION_ENDPOINT_URL", "TRACKER_DB", "DATABASE_URL")
        os.environ.update({k: stack.env[k] for k in keys})  # read by endpoints.yml
        result = asyncio.run(_converse(model, endpoints, messages, stack.action_pid))
    result.update({"model": str(model), "endpoints": str(endpoints), "script": script})
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.profile_conversation")
    parser.add_argument("--turns", type=int, default=140)
    parser.add_argument("--script", choices=("journey", "varied"), default="journey")
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--endpoints", type=Path, default=PROJECT_ROOT / "endpoints.yml")
    parser.add_argument(
        "--out", type=Path, default=PROJECT_ROOT / "var/bench/conversation_phases.json"
    )
    args = parser.parse_args(argv)
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    result = run(args.model, args.endpoints, args.turns, args.script)
    write_result(args.out, result, left_out="all_total_ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
