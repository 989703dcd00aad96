"""Rate limits any part of SecureBase can use: the channels' door, data exports, a sign-in form.

Plain Python, no I/O and no imports from the rest of the project, so the action
server and the portal can use it without starting anything else.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable


class RateLimiter:
    """Token buckets by key: ``per_minute`` on average, bursts of up to ``burst`` at once.

    ``take(key)`` spends one token and returns 0.0, or returns how many seconds
    to wait when the key has none left (nothing is spent then). Keys are any
    strings: a sender id, a network address, an account name for a sign-in
    form (call ``reset(key)`` after a successful sign-in). Memory is bounded by
    ``max_keys``: the least recently seen keys are forgotten first, which only
    ever gives them a fresh, full bucket. One process, in memory: each replica
    keeps its own count.
    """

    def __init__(
        self,
        per_minute: float,
        *,
        burst: int | None = None,
        max_keys: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if per_minute <= 0:
            raise ValueError("per_minute must be positive")
        self.rate = per_minute / 60.0
        self.burst = float(burst if burst is not None else max(1, round(per_minute)))
        self.max_keys = max_keys
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, key: str) -> float:
        now = self._clock()
        tokens, then = self._buckets.pop(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - then) * self.rate)
        wait = 0.0
        if tokens >= 1.0:
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) / self.rate
        self._buckets[key] = (tokens, now)
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return wait

    def reset(self, key: str) -> None:
        self._buckets.pop(key, None)
