"""SecureBase against a stock ``rasa init`` bot under load (``make bench-load``).

In one run, with the same client (:mod:`bot.evaluation.load_client`) and the
same Rasa and virtualenv, for each system: start it (SecureBase as ``make run``
starts it: Rasa with the project's channels and endpoints plus the action
server, on throw-away SQLite databases; the stock bot with its own defaults),
time the cold start to the first reply (the stock bot first, then SecureBase
while the stock bot idles), warm up each with one conversation, then

* 20 people at once × 20 turns each (SecureBase: typed greeting, module
  chosen by button payload, mood, three answers, mood, a concept question,
  progress, and on into the next module; stock: its greeting and mood
  stories), in rounds alternating between the two systems (each system's best
  round is reported, all rounds are kept, failures are counted over all), and
* one person × 300 turns.

Reports messages/s, p50/p95/max latency, errors, empty and "technical
problem" replies, the peak resident memory of the Rasa and action-server
process trees (from /proc), turn 296–300 against turn 1–5, and SecureBase's
ratios to stock. Writes ``var/bench/load.json`` and prints a markdown table.

The stock bot is created and trained once under ``var/bench/stock`` with
``rasa init --no-prompt`` (about two minutes) and reused afterwards. Only
127.0.0.1 is contacted. Run it on an otherwise idle machine: the ratios are
the figures that count.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bot.content import TAKEAWAY_IDS
from bot.evaluation.conversation import ANSWER, free_port
from bot.evaluation.load_client import run_crowd, say_once, summarise, summarise_long
from bot.evaluation.load_report import markdown_table, ratios
from bot.ids import intent_payload
from bot.launcher import MODEL_PATH, action_command, child_env, rasa_command
from bot.settings import PROJECT_ROOT, Settings
from bot.storage.migrate import upgrade

STOCK_DIR = PROJECT_ROOT / "var" / "bench" / "stock"
WEBHOOK = "/webhooks/rest/webhook"
STOCK_CYCLE = ("hello", "I am sad", "yes", "hi", "I am great", "bye")


def securebase_script(turns: int, first_module: int = 0) -> list[str]:
    """A typed greeting, then module after module as a person meets them."""
    messages = ["hi"]
    index = first_module
    while len(messages) < turns:
        module = TAKEAWAY_IDS[index % len(TAKEAWAY_IDS)]
        messages += [
            intent_payload("choose_module", {"takeaway": module}),
            "3",
            ANSWER,
            ANSWER,
            ANSWER,
            "4",
            "what is an internal working model?",
            "what have I done so far",
        ]
        index += 1
    return messages[:turns]


def stock_script(turns: int, offset: int = 0) -> list[str]:
    return [STOCK_CYCLE[(offset + i) % len(STOCK_CYCLE)] for i in range(turns)]


def ensure_stock_model(directory: Path = STOCK_DIR) -> Path:
    """The stock bot's trained model: ``rasa init --no-prompt`` once, reused afterwards."""
    models = sorted((directory / "models").glob("*.tar.gz"))
    if not models:
        directory.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
        subprocess.run(
            [sys.executable, "-m", "rasa", "init", "--no-prompt"],
            cwd=directory,
            env=env,
            check=True,
            stdin=subprocess.DEVNULL,
        )
        models = sorted((directory / "models").glob("*.tar.gz"))
    return models[-1]


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (kB, from /proc)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(
                int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def tree_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its live descendants."""
    ticks, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


@dataclass
class MemoryWatch:
    """Samples the peak RSS of named process trees in the background."""

    pids: dict[str, int]
    peak_kb: dict[str, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)

    def sample(self) -> None:
        for name, pid in self.pids.items():
            self.peak_kb[name] = max(self.peak_kb.get(name, 0), tree_rss_kb(pid))

    def _loop(self) -> None:
        while not self._stop.wait(0.25):
            self.sample()

    @contextmanager
    def running(self) -> Iterator[MemoryWatch]:
        thread = threading.Thread(target=self._loop, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join()
            self.sample()


@dataclass
class System:
    name: str
    url: str
    processes: dict[str, subprocess.Popen[bytes]]
    cold_start_s: float
    script: Any  # (turns, person number) -> list of messages


def _first_reply(url: str, started: float, processes: Sequence[subprocess.Popen[bytes]]) -> float:
    deadline = started + 300
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            raise RuntimeError("a server exited while starting; see its log in the work dir")
        if say_once(url, "cold-start", "hi"):
            return time.monotonic() - started
        time.sleep(0.05)
    raise TimeoutError(url)


@contextmanager
def start_stock(workdir: Path, model: Path) -> Iterator[System]:
    port = free_port()
    command = [sys.executable, "-m", "rasa", "run", "--model", str(model), "--port", str(port),
               "--interface", "127.0.0.1", "--endpoints", "endpoints.yml",
               "--credentials", "credentials.yml"]  # fmt: skip
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    with _spawned({"rasa": (command, model.parent.parent, env)}, workdir / "stock.log") as spawned:
        url = f"http://127.0.0.1:{port}{WEBHOOK}"
        cold = _first_reply(url, spawned[1], list(spawned[0].values()))
        yield System("stock", url, spawned[0], cold, lambda n, p: stock_script(n, p))


@contextmanager
def start_securebase(workdir: Path, model: Path) -> Iterator[System]:
    """Rasa and the action server with bot.launcher's commands, as ``make run`` starts them."""
    settings = replace(
        Settings(),
        database_url=f"sqlite:///{workdir / 'app.db'}",
        tracker_db=str(workdir / "tracker.db"),
        rasa_port=free_port(),
        action_port=free_port(),
    )
    upgrade(settings.database_url)
    env = child_env(settings)
    commands = {
        "actions": (action_command(settings), PROJECT_ROOT, env),
        "rasa": (rasa_command(settings, model), PROJECT_ROOT, env),
    }
    with _spawned(commands, workdir / "securebase.log") as spawned:
        url = f"{settings.rasa_url}{WEBHOOK}"
        cold = _first_reply(url, spawned[1], list(spawned[0].values()))
        yield System("securebase", url, spawned[0], cold, lambda n, p: securebase_script(n, p))


@contextmanager
def _spawned(
    commands: dict[str, tuple[list[str], Path, dict[str, str]]], log_path: Path
) -> Iterator[tuple[dict[str, subprocess.Popen[bytes]], float]]:
    started = time.monotonic()
    processes: dict[str, subprocess.Popen[bytes]] = {}
    with log_path.open("ab") as log:
        try:
            for name, (command, cwd, env) in commands.items():
                processes[name] = subprocess.Popen(
                    command, cwd=cwd, env=env, stdout=log, stderr=log
                )
            yield processes, started
        finally:
            for process in processes.values():
                process.terminate()
            for process in processes.values():
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()


def _crowd_round(system: System, people: int, turns: int, label: str) -> dict[str, Any]:
    cpu_before = {name: tree_cpu_s(p.pid) for name, p in system.processes.items()}
    crowd, seconds = run_crowd(system.url, label, [system.script(turns, n) for n in range(people)])
    cpu = {
        name: round((tree_cpu_s(p.pid) - cpu_before[name]) * 1000 / len(crowd), 1)
        for name, p in system.processes.items()
    }
    return {
        "people": people,
        "turns_each": turns,
        **summarise(crowd, seconds),
        "cpu_ms_per_message": cpu,
    }


def run(people: int, turns: int, long_turns: int, model: Path, rounds: int) -> dict[str, Any]:
    """Both systems up at once; crowd rounds alternate between them, then the long talks.

    Alternating rounds and keeping each system's best round (by throughput)
    means a burst of other work on the machine does not land on one system
    only; every round is kept in the result.
    """
    stock_model = ensure_stock_model()
    workdir = Path(tempfile.mkdtemp(prefix="securebase-load-"))
    result: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()},
        "workdir": str(workdir),
        "rounds": rounds,
        "systems": {},
    }
    with (
        start_stock(workdir, stock_model) as stock,
        start_securebase(workdir, model) as securebase,
    ):
        systems = (stock, securebase)
        watches = {s.name: MemoryWatch({n: p.pid for n, p in s.processes.items()}) for s in systems}
        for system in systems:
            run_crowd(system.url, "warm-up", [system.script(turns, 0)])
        crowds: dict[str, list[dict[str, Any]]] = {s.name: [] for s in systems}
        longs: dict[str, dict[str, Any]] = {}
        with watches["stock"].running(), watches["securebase"].running():
            for number in range(rounds):
                for system in systems:
                    crowds[system.name].append(
                        _crowd_round(system, people, turns, f"round{number}-person")
                    )
            for system in systems:
                long, _ = run_crowd(system.url, "long", [system.script(long_turns, 0)])
                longs[system.name] = summarise_long(long)
        for system in systems:
            best = max(crowds[system.name], key=lambda block: block["messages_per_s"])
            result["systems"][system.name] = {
                "cold_start_s": round(system.cold_start_s, 2),
                "concurrent": best,
                "concurrent_rounds": crowds[system.name],
                "one_person": longs[system.name],
                "peak_rss_mb": {
                    name: round(kb / 1024, 1) for name, kb in watches[system.name].peak_kb.items()
                },
            }
    result["ratios"] = ratios(result["systems"]["stock"], result["systems"]["securebase"])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.bench_load")
    parser.add_argument("--people", type=int, default=20)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--long-turns", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2, help="alternating crowd rounds")
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "var/bench/load.json")
    args = parser.parse_args(argv)
    result = run(args.people, args.turns, args.long_turns, args.model, args.rounds)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(markdown_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
