"""Slowing down password and code guessing, per account and per address.

After ``ACCOUNT_LIMIT`` failures for one email (or ``ADDRESS_LIMIT`` from one
address) within ``WINDOW_SECONDS``, further attempts are refused without even
checking the password until the oldest failure ages out. The state lives in
this web process: one process serves the portal (see README), and a restart
forgetting it only gives a guesser a few more tries.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable

WINDOW_SECONDS = 15 * 60
ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 20
MAX_KEYS = 50_000  # a flood of made-up emails cannot grow memory without bound


class Throttle:
    def __init__(
        self,
        *,
        account_limit: int = ACCOUNT_LIMIT,
        address_limit: int = ADDRESS_LIMIT,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limits = {"account": account_limit, "address": address_limit}
        self.window = window
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _keys(account: str | None, address: str | None) -> Iterable[tuple[str, str]]:
        if account:
            yield ("account", account.strip().lower())
        if address:
            yield ("address", address)

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.get(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def blocked(self, *, account: str | None, address: str | None) -> bool:
        now = self.clock()
        with self._lock:
            return any(
                len(self._recent(key, now)) >= self.limits[key[0]]
                for key in self._keys(account, address)
            )

    def failed(self, *, account: str | None, address: str | None) -> None:
        now = self.clock()
        with self._lock:
            if len(self._failures) > MAX_KEYS:
                self._failures = {k: v for k, v in self._failures.items() if self._recent(k, now)}
            for key in self._keys(account, address):
                times = self._recent(key, now)
                times.append(now)
                self._failures[key] = times

    def succeeded(self, *, account: str) -> None:
        """A right password and code clear that account's count (not the address's)."""
        with self._lock:
            self._failures.pop(("account", account.strip().lower()), None)
