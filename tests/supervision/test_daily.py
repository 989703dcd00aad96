"""The launcher's daily job: once at start, then every interval, never crashing the launcher."""

from __future__ import annotations

import time

from bot.supervision.daily import DailyJob


def test_daily_job__runs_at_start_and_again_after_the_interval() -> None:
    said: list[str] = []
    job = DailyJob("purge", lambda: ["removed 0"], say=said.append, every=0.05)
    job.start()
    deadline = time.monotonic() + 5
    while job.runs < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    job.stop()
    assert job.runs >= 3 and said[:2] == ["removed 0", "removed 0"]


def test_daily_job__a_failure_is_reported_by_kind_only_and_tried_again() -> None:
    said: list[str] = []
    calls = []

    def failing() -> list[str]:
        calls.append(1)
        raise RuntimeError("row 'my secret answer' is locked")

    job = DailyJob("retention purge", failing, say=said.append, every=3600)
    job.run_once()
    job.run_once()
    assert len(calls) == 2
    assert said[0] == "retention purge failed (RuntimeError); it runs again in 1 h"
    assert all("secret" not in line for line in said)
