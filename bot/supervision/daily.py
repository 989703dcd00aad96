"""A job the launcher runs once at start and then every day, beside the processes it watches.

The retention purge runs here: in a thread of the launcher, so it needs no
process of its own and stops with ``make run``. A failing run is reported by
the kind of error only (never its message, which could quote a database row)
and tried again at the next interval; it never stops the chat.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

DAY = 24 * 60 * 60.0
Say = Callable[[str], None]


class DailyJob:
    def __init__(self, name: str, job: Callable[[], list[str]], *, say: Say, every: float = DAY):
        self.name = name
        self._job = job
        self._say = say
        self._every = every
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"daily-{name}", daemon=True)
        self.runs = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopped.set()
        self._thread.join(timeout)

    def run_once(self) -> None:
        try:
            for line in self._job():
                self._say(line)
        except Exception as error:  # noqa: BLE001 - report and retry tomorrow, never crash
            self._say(f"{self.name} failed ({type(error).__name__}); it runs again in"
                      f" {self._every / 3600:.0f} h")
        self.runs += 1

    def _loop(self) -> None:
        while not self._stopped.is_set():
            self.run_once()
            self._stopped.wait(self._every)
