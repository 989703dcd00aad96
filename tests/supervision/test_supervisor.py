"""The supervisor with tiny real child processes (Python one-liners, no Rasa)."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from bot.supervision import ProcessSpec, RestartPolicy, Supervisor
from bot.supervision.status import read_status
from bot.supervision.supervisor import describe_exit, popen_spawner

SLEEP = [sys.executable, "-c", "import time; time.sleep(60)"]
CRASH = [sys.executable, "-c", "import sys; sys.exit(3)"]
STUBBORN = [
    sys.executable,
    "-c",
    "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ready',"
    " flush=True); time.sleep(60)",
]
FAST = RestartPolicy(first_delay=0.05, max_delay=0.2, crash_limit=5, crash_window=60)


def make(tmp_path: Path, *specs: ProcessSpec, timeout: float = 5.0) -> tuple[Supervisor, list[str]]:
    lines: list[str] = []
    supervisor = Supervisor(
        specs,
        spawn=popen_spawner(cwd=tmp_path, env=os.environ),
        policy=FAST,
        status_path=tmp_path / "processes.json",
        say=lines.append,
        stop_timeout=timeout,
    )
    return supervisor, lines


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # A zombie is gone for our purposes only once reaped; the supervisor waits on its children.
    return False


def step_until(supervisor: Supervisor, check: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        supervisor.step()
        if callable(check) and check():
            return
        time.sleep(0.02)
    raise AssertionError("condition not reached")


def test_exit__is_described_by_code_or_signal_name() -> None:
    assert describe_exit(1) == "exit code 1"
    assert describe_exit(-signal.SIGKILL) == "killed by SIGKILL"


def test_killed_child__is_restarted_while_the_other_keeps_running(tmp_path: Path) -> None:
    supervisor, lines = make(
        tmp_path, ProcessSpec("a", "process A", SLEEP), ProcessSpec("b", "process B", SLEEP)
    )
    supervisor.start()
    try:
        first, other = supervisor.pids()["a"], supervisor.pids()["b"]
        assert first and other
        os.kill(first, signal.SIGKILL)
        step_until(supervisor, lambda: supervisor.pids()["a"] not in (None, first))
        assert supervisor.pids()["b"] == other
        assert lines[0] == (
            "process A exited unexpectedly (killed by SIGKILL); restarting in 0 s"
            " (restart 1 in the last hour) · a restarting · b up"
        )
        assert lines[1] == "process A restarted · a up · b up"
        health = read_status(tmp_path / "processes.json")
        assert health is not None and health["processes"]["a"] == {
            "state": "up",
            "restarts_last_hour": 1,
            "last_exit": "killed by SIGKILL",
        }
    finally:
        supervisor.stop()


def test_crash_loop__gives_up_with_a_plain_message_and_exit_1(tmp_path: Path) -> None:
    supervisor, lines = make(
        tmp_path, ProcessSpec("web", "web process", CRASH), ProcessSpec("b", "process B", SLEEP)
    )
    started = time.monotonic()
    code = supervisor.run(lambda: False, interval=0.02)
    assert code == 1 and time.monotonic() - started < 20
    assert lines[-2].startswith(
        "the web process crashed 5 times within 60 s (last: exit code 3), so SecureBase is"
        " stopping everything."
    )
    assert lines[-1] == "all processes stopped"
    assert sum("exited unexpectedly" in line for line in lines) == 4
    health = read_status(tmp_path / "processes.json")
    assert health is not None
    assert {p["state"] for p in health["processes"].values()} == {"stopped"}


def test_stop__terminates_everything_and_kills_what_ignores_sigterm(tmp_path: Path) -> None:
    supervisor, lines = make(
        tmp_path,
        ProcessSpec("web", "web process", SLEEP),
        ProcessSpec("stubborn", "stubborn process", STUBBORN, takes_requests=False),
        timeout=1.0,
    )
    supervisor.start()
    pids = supervisor.pids()
    time.sleep(0.5)  # let the stubborn child install its SIGTERM handler
    supervisor.stop()
    assert all(pid is not None and gone(pid) for pid in pids.values())
    assert lines == ["stubborn process did not stop within 1 s; killing it"]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_run__returns_0_when_asked_to_stop(tmp_path: Path, sig: signal.Signals) -> None:
    supervisor, _ = make(tmp_path, ProcessSpec("a", "process A", SLEEP))
    asked = {"stop": False}
    previous = signal.signal(sig, lambda *_: asked.update(stop=True))
    try:
        started = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        previous_alarm = signal.signal(signal.SIGALRM, lambda *_: os.kill(os.getpid(), sig))
        code = supervisor.run(lambda: asked["stop"], interval=0.02)
        signal.signal(signal.SIGALRM, previous_alarm)
    finally:
        signal.signal(sig, previous)
    assert code == 0 and time.monotonic() - started < 5
    pid_file = read_status(tmp_path / "processes.json")
    assert pid_file is not None and pid_file["processes"]["a"]["state"] == "stopped"
