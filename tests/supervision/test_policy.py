"""The restart policy, driven by a fake clock: backoff, cap, crash window, giving up."""

from __future__ import annotations

from bot.supervision.policy import CrashHistory, RestartPolicy


def test_backoff__doubles_from_one_second_and_stops_at_the_cap() -> None:
    policy = RestartPolicy(first_delay=1, max_delay=30)
    assert [policy.delay(n) for n in range(1, 8)] == [1, 2, 4, 8, 16, 30, 30]


def test_crashes__back_off_then_give_up_on_the_fifth_within_a_minute() -> None:
    history = CrashHistory(RestartPolicy(crash_limit=5, crash_window=60))
    decisions = [history.crashed(now) for now in (0, 1, 3, 7, 15)]
    assert [d.delay for d in decisions[:4]] == [1, 2, 4, 8]
    assert not any(d.give_up for d in decisions[:4])
    assert decisions[4].give_up and decisions[4].crashes_in_window == 5


def test_crashes__spread_over_more_than_the_window_never_give_up() -> None:
    history = CrashHistory(RestartPolicy(crash_limit=5, crash_window=60))
    decisions = [history.crashed(minute * 61.0) for minute in range(20)]
    assert not any(d.give_up for d in decisions)
    assert {d.delay for d in decisions} == {1}


def test_crashes__old_ones_leave_the_window_and_the_backoff_shrinks_again() -> None:
    history = CrashHistory(RestartPolicy(crash_limit=5, crash_window=60))
    for now in (0, 1, 3):
        history.crashed(now)
    assert history.crashed(100).delay == 1


def test_restarts__are_counted_for_the_last_hour_only() -> None:
    history = CrashHistory(RestartPolicy())
    for now in (0, 10, 1800):
        history.restarted(now)
    assert history.restarts_within(1801) == 3
    assert history.restarts_within(3605) == 2
    assert history.restarts_within(9999) == 0
