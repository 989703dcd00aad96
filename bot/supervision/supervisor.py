"""Start the processes, restart the one that crashed, stop them all on request.

A process that exits while nobody asked it to is a crash, whatever its exit
code: it is logged by name with its exit code or signal (never anything it
was handling), restarted after the policy's backoff while the others keep
serving, and given up on, with everything stopped, when it crashes too often.
Stopping sends SIGTERM first to the processes that take requests (Rasa, web)
so in-flight messages finish, then to the action server they may still be
calling, and SIGKILLs whatever outlives the timeout.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.supervision.policy import CrashHistory, RestartPolicy
from bot.supervision.status import ProcessStatus, write_status

Clock = Callable[[], float]
Say = Callable[[str], None]
Process = subprocess.Popen[bytes]


@dataclass(frozen=True)
class ProcessSpec:
    name: str  # short id in /health and the status line: "rasa", "actions", "web"
    label: str  # what a person reads: "Rasa server"
    command: Sequence[str]
    takes_requests: bool = True  # stopped in the first wave; False: after those finish


@dataclass
class _Child:
    spec: ProcessSpec
    history: CrashHistory
    status: ProcessStatus = field(default_factory=ProcessStatus)
    process: Process | None = None
    restart_at: float | None = None


def describe_exit(returncode: int) -> str:
    """``exit code 1`` or ``killed by SIGKILL``: why a process ended, with nothing personal."""
    if returncode < 0:
        try:
            return f"killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"killed by signal {-returncode}"
    return f"exit code {returncode}"


def _die_with_parent() -> None:
    """In the child (Linux): get SIGTERM if the launcher itself is killed, so none is orphaned."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def popen_spawner(*, cwd: Path, env: Mapping[str, str]) -> Callable[[ProcessSpec], Process]:
    """Start each child in its own session, so Ctrl-C reaches only the launcher, which
    then stops the children in order instead of all of them dropping work at once."""

    def spawn(spec: ProcessSpec) -> Process:
        return subprocess.Popen(
            list(spec.command),
            cwd=cwd,
            env=dict(env),
            start_new_session=True,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )

    return spawn


def _signal(process: Process, sig: signal.Signals) -> None:
    """Signal the child's process group (it leads its own session), or the child alone."""
    if process.poll() is not None:
        return
    try:
        if os.getpgid(process.pid) == process.pid:
            os.killpg(process.pid, sig)
        else:
            process.send_signal(sig)
    except ProcessLookupError:
        pass


class Supervisor:
    """Keeps each :class:`ProcessSpec` running; :meth:`run` returns the launcher's exit code."""

    def __init__(
        self,
        specs: Sequence[ProcessSpec],
        *,
        spawn: Callable[[ProcessSpec], Process],
        policy: RestartPolicy | None = None,
        status_path: Path | None = None,
        clock: Clock = time.monotonic,
        say: Say | None = None,
        stop_timeout: float = 20.0,
    ) -> None:
        self.policy = policy or RestartPolicy()
        self._children = {s.name: _Child(s, CrashHistory(self.policy)) for s in specs}
        self._spawn = spawn
        self._status_path = status_path
        self._clock = clock
        self._say = say or (lambda line: print(f"securebase: {line}", flush=True))
        self._stop_timeout = stop_timeout
        self.gave_up: str | None = None

    # ---- what people see ----
    def status_line(self) -> str:
        """``rasa up · actions restarting · web up``"""
        return " · ".join(f"{name} {c.status.state}" for name, c in self._children.items())

    def pids(self) -> dict[str, int | None]:
        return {name: c.status.pid for name, c in self._children.items()}

    def _publish(self) -> None:
        if self._status_path is not None:
            statuses = {name: c.status for name, c in self._children.items()}
            write_status(self._status_path, statuses, pid=os.getpid())

    # ---- lifecycle ----
    def _start(self, child: _Child) -> None:
        child.process = self._spawn(child.spec)
        child.restart_at = None
        child.status.state = "up"
        child.status.pid = child.process.pid

    def start(self) -> None:
        for child in self._children.values():
            self._start(child)
        self._publish()

    def step(self) -> None:
        """One look at every child: note crashes, start the restarts that are due."""
        changed = False
        for child in self._children.values():
            if child.process is not None and child.process.poll() is not None:
                self._crashed(child, child.process.returncode)
                changed = True
                if self.gave_up:
                    break
            elif child.restart_at is not None and self._clock() >= child.restart_at:
                self._start(child)
                child.history.restarted(self._clock())
                child.status.restart_times.append(time.time())
                self._say(f"{child.spec.label} restarted · {self.status_line()}")
                changed = True
        if changed:
            self._publish()

    def _crashed(self, child: _Child, returncode: int) -> None:
        why = describe_exit(returncode)
        child.process = None
        child.status.pid = None
        child.status.last_exit = why
        decision = child.history.crashed(self._clock())
        if decision.give_up:
            child.status.state = "stopped"
            self.gave_up = (
                f"the {child.spec.label} crashed {decision.crashes_in_window} times within"
                f" {self.policy.crash_window:.0f} s (last: {why}), so SecureBase is stopping"
                " everything. Its log above says why; fix that and run `make run` again."
            )
            return
        child.status.state = "restarting"
        child.restart_at = self._clock() + decision.delay
        hour = child.history.restarts_within(self._clock()) + 1
        self._say(
            f"{child.spec.label} exited unexpectedly ({why}); restarting in"
            f" {decision.delay:.0f} s (restart {hour} in the last hour) · {self.status_line()}"
        )

    def run(self, stop_requested: Callable[[], bool], interval: float = 0.2) -> int:
        """Supervise until asked to stop (exit 0) or a process crashes too often (exit 1)."""
        self.start()
        try:
            while not stop_requested() and self.gave_up is None:
                time.sleep(interval)
                self.step()
        finally:
            self._say(self.gave_up or "stopping: in-flight messages finish first")
            self.stop()
            self._say("all processes stopped")
        return 0 if self.gave_up is None else 1

    def stop(self) -> None:
        """SIGTERM the request-takers, wait, then the action server; SIGKILL stragglers."""
        waves = (
            [c for c in self._children.values() if c.spec.takes_requests],
            [c for c in self._children.values() if not c.spec.takes_requests],
        )
        for wave in waves:
            running = [c for c in wave if c.process is not None]
            for child in wave:
                child.restart_at = None
                child.status.state = "stopping" if child.process is not None else "stopped"
            self._publish()
            for child in running:
                assert child.process is not None
                _signal(child.process, signal.SIGTERM)
            deadline = time.monotonic() + self._stop_timeout
            for child in running:
                assert child.process is not None
                try:
                    child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    self._say(f"{child.spec.label} did not stop within"
                              f" {self._stop_timeout:.0f} s; killing it")
                    _signal(child.process, signal.SIGKILL)
                    child.process.wait()
                child.process = None
                child.status.state = "stopped"
                child.status.pid = None
        self._publish()
