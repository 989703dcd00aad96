"""The reusable rate limiter: bursts, refills, independent keys, bounded memory."""

from __future__ import annotations

import pytest

from bot.limits import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_rate_limiter__allows_a_burst_then_asks_to_wait_until_a_token_refills() -> None:
    clock = Clock()
    limiter = RateLimiter(60, burst=3, clock=clock)
    assert [limiter.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.take("a") == pytest.approx(1.0)
    clock.now += 1.0
    assert limiter.take("a") == 0.0


def test_rate_limiter__one_key_running_dry_leaves_others_untouched() -> None:
    limiter = RateLimiter(2, clock=Clock())
    assert limiter.take("flood") == 0.0 and limiter.take("flood") == 0.0
    assert limiter.take("flood") > 0
    assert limiter.take("someone-else") == 0.0


def test_rate_limiter__reset_gives_a_full_bucket_back() -> None:
    limiter = RateLimiter(1, clock=Clock())
    limiter.take("account")
    assert limiter.take("account") > 0
    limiter.reset("account")
    assert limiter.take("account") == 0.0


def test_rate_limiter__forgets_the_least_recent_keys_beyond_max_keys() -> None:
    limiter = RateLimiter(1, max_keys=2, clock=Clock())
    for key in ("a", "b", "c"):
        limiter.take(key)
    assert limiter.take("a") == 0.0  # forgotten, so a fresh bucket
    assert limiter.take("c") > 0


def test_rate_limiter__refuses_a_rate_of_zero() -> None:
    with pytest.raises(ValueError):
        RateLimiter(0)
