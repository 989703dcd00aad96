"""When to restart a crashed process, how long to wait, and when to give up.

Pure: every method takes the time as an argument, so tests drive it with a
fake clock. The n-th crash within the window waits ``first_delay * 2**(n-1)``
seconds (1 s, 2 s, 4 s ... capped at ``max_delay``); the ``crash_limit``-th
crash within the window stops everything, because a process that dies that
often will not be fixed by starting it again.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

HOUR = 3600.0


@dataclass(frozen=True)
class RestartPolicy:
    first_delay: float = 1.0
    max_delay: float = 30.0
    crash_limit: int = 5
    crash_window: float = 60.0

    def delay(self, crashes_in_window: int) -> float:
        """Backoff before the restart that follows the n-th crash in the window."""
        exponent = max(0, crashes_in_window - 1)
        return float(min(self.max_delay, self.first_delay * 2**exponent))


@dataclass(frozen=True)
class Decision:
    """What to do after a crash: restart after ``delay`` seconds, or give up."""

    give_up: bool
    delay: float
    crashes_in_window: int


class CrashHistory:
    """One process's crashes and restarts, enough to decide and to report."""

    def __init__(self, policy: RestartPolicy) -> None:
        self.policy = policy
        self._crashes: deque[float] = deque()
        self._restarts: deque[float] = deque()

    def crashed(self, now: float) -> Decision:
        """Record a crash at ``now`` and decide what follows."""
        self._crashes.append(now)
        while self._crashes and now - self._crashes[0] > self.policy.crash_window:
            self._crashes.popleft()
        count = len(self._crashes)
        if count >= self.policy.crash_limit:
            return Decision(give_up=True, delay=0.0, crashes_in_window=count)
        return Decision(give_up=False, delay=self.policy.delay(count), crashes_in_window=count)

    def restarted(self, now: float) -> None:
        self._restarts.append(now)

    def restarts_within(self, now: float, seconds: float = HOUR) -> int:
        """Restarts in the last ``seconds`` (an hour by default), forgetting older ones."""
        while self._restarts and now - self._restarts[0] > HOUR:
            self._restarts.popleft()
        return sum(1 for at in self._restarts if now - at <= seconds)
