"""The real web process (``python -m bot.web``) over HTTP, on a seeded SQLite database."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from bot.storage.migrate import upgrade
from tests.support.portal import PASSWORD, PortalServer, Seeded, seed

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Running:
    server: PortalServer
    seeded: Seeded

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def db_url(self) -> str:
        return self.server.db_url

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, follow_redirects=False, timeout=30)


def csrf_of(page: httpx.Response) -> str:
    match = CSRF.search(page.text)
    assert match, f"no CSRF token on {page.url}"
    return match.group(1)


def sign_in(client: httpx.Client, email: str, password: str = PASSWORD) -> httpx.Response:
    token = csrf_of(client.get("/portal/sign-in"))
    return client.post(
        "/portal/sign-in", data={"csrf": token, "email": email, "password": password}
    )


def post_form(client: httpx.Client, page: str, action: str, data: dict[str, str]) -> httpx.Response:
    """Open ``page`` for its CSRF token, then send the form to ``action``."""
    token = csrf_of(client.get(page))
    return client.post(action, data={"csrf": token, **data})


def _running(tmp_path: Path, extra_env: dict[str, str] | None = None) -> Iterator[Running]:
    server = PortalServer(tmp_path, extra_env or {})
    upgrade(server.db_url)
    seeded = seed(server.db_url)
    try:
        server.start()
        yield Running(server, seeded)
    finally:
        server.stop()


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Running]:
    """A fresh web process and database for each test (throttling state included)."""
    yield from _running(tmp_path)


@pytest.fixture
def portal_with(tmp_path: Path) -> Iterator[Callable[[dict[str, str]], Running]]:
    """Start a web process with extra environment (e.g. PORTAL_REQUIRE_TOTP=true)."""
    started: list[Iterator[Running]] = []

    def start(extra: dict[str, str]) -> Running:
        gen = _running(tmp_path, extra)
        started.append(gen)
        return next(gen)

    yield start
    for gen in started:
        gen.close()
