"""The sign-in throttle with a clock the test controls."""

from __future__ import annotations

from bot.portal.throttle import Throttle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_throttle__blocks_an_account_after_its_limit_and_lets_go_when_failures_age() -> None:
    clock = Clock()
    throttle = Throttle(account_limit=3, address_limit=100, window=60, clock=clock)
    for _ in range(3):
        assert not throttle.blocked(account="A@x", address="1.1.1.1")
        throttle.failed(account="a@x", address="1.1.1.1")
    assert throttle.blocked(account="a@X ", address="2.2.2.2")  # any address, any case
    assert not throttle.blocked(account="b@x", address="1.1.1.1")
    clock.now += 61
    assert not throttle.blocked(account="a@x", address="1.1.1.1")


def test_throttle__blocks_an_address_across_accounts() -> None:
    throttle = Throttle(account_limit=100, address_limit=3, window=60, clock=Clock())
    for n in range(3):
        throttle.failed(account=f"user{n}@x", address="9.9.9.9")
    assert throttle.blocked(account="fresh@x", address="9.9.9.9")
    assert not throttle.blocked(account="fresh@x", address="8.8.8.8")


def test_throttle__success_clears_the_account_but_not_the_address() -> None:
    throttle = Throttle(account_limit=2, address_limit=3, window=60, clock=Clock())
    throttle.failed(account="a@x", address="9.9.9.9")
    throttle.failed(account="a@x", address="9.9.9.9")
    throttle.succeeded(account="a@x")
    assert not throttle.blocked(account="a@x", address=None)
    throttle.failed(account="c@x", address="9.9.9.9")
    assert throttle.blocked(account=None, address="9.9.9.9")
