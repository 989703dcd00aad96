"""Over REST, with the real Rasa and action servers and a slow link between them.

A small proxy on loopback sits between Rasa and the action server and sleeps
before answering: longer than the guard's health probe waits (so the probe
times out) and, in the last tests, longer than ``REPLY_TIMEOUT_SECONDS``. Rasa
runs at DEBUG, where it logs the most. A reply always comes, and neither log
holds the message text or the raw sender id.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from bot.channels.no_silence import PROBE_TIMEOUT_SECONDS
from tests.support.servers import Stack, texts

pytestmark = pytest.mark.integration

REPLY_TIMEOUT = 8.0
SLOW = PROBE_TIMEOUT_SECONDS + 0.1  # every action call and health probe waits this long


@dataclasses.dataclass
class SlowLink:
    """Forwards to the action server after ``delay`` seconds."""

    target: str
    delay: float = SLOW
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/webhook"

    def start(self) -> None:
        link = self

        class Handler(BaseHTTPRequestHandler):
            def _forward(self, method: str) -> None:
                time.sleep(link.delay)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() in {"content-type", "content-encoding"}
                }
                answer = httpx.request(
                    method, link.target + self.path, content=body, headers=headers, timeout=60
                )
                self.send_response(answer.status_code)
                self.send_header("Content-Type", answer.headers.get("content-type", ""))
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                self._forward("GET")

            def do_POST(self) -> None:  # noqa: N802
                self._forward("POST")

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()


@pytest.fixture(scope="module")
def slow(
    trained_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Stack, SlowLink]]:
    running = Stack(workdir=tmp_path_factory.mktemp("slow-stack"), model=trained_model)
    link = SlowLink(target=f"http://127.0.0.1:{running.settings.action_port}")
    link.start()
    running.settings = dataclasses.replace(
        running.settings, action_endpoint=link.url, reply_timeout_seconds=REPLY_TIMEOUT
    )
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("LOG_LEVEL", "DEBUG")
            running.start_actions()
            running.start_rasa()
        yield running, link
    finally:
        running.stop_all()
        link.stop()


def _assert_logs_clean(stack: Stack, *secrets: str) -> None:
    for name in ("rasa", "actions"):
        log = stack.log(name)
        for secret in secrets:
            assert secret not in log, f"{name} log holds {secret!r}"


def test_slow_action_server__is_busy_not_dead_and_rasas_reply_comes(
    slow: tuple[Stack, SlowLink],
) -> None:
    stack, link = slow
    link.delay = SLOW
    who, secret = "slow-person-3e8a1", "an-unrepeatable-worry-7719"
    started = time.monotonic()
    replies = texts(stack.say(who, f"I keep thinking about {secret}"))
    assert replies and "technical problem" not in replies
    assert time.monotonic() - started < REPLY_TIMEOUT
    _assert_logs_clean(stack, secret, who)


def test_action_server_slower_than_the_reply_timeout__person_hears_of_a_technical_problem(
    slow: tuple[Stack, SlowLink],
) -> None:
    stack, link = slow
    link.delay = REPLY_TIMEOUT + 2
    who, secret = "stuck-person-91b0c", "another-unrepeatable-thought-2203"
    started = time.monotonic()
    try:
        replies = texts(stack.say(who, f"I was hurt by {secret}"))
    finally:
        link.delay = SLOW
    assert "technical problem" in replies
    assert time.monotonic() - started < REPLY_TIMEOUT + 2
    _assert_logs_clean(stack, secret, who)


def test_crisis_with_a_stuck_action_server__still_gets_resources(
    slow: tuple[Stack, SlowLink],
) -> None:
    stack, link = slow
    link.delay = REPLY_TIMEOUT + 2
    who = "crisis-person-55d2e"
    try:
        replies = texts(stack.say(who, "I want to kill myself"))
    finally:
        link.delay = SLOW
    assert "findahelpline.com" in replies
    _assert_logs_clean(stack, who)


def test_several_people_at_once_with_a_slow_action_server__everyone_gets_a_real_reply(
    slow: tuple[Stack, SlowLink],
) -> None:
    """Issue 13's silence came under load: probes timed out while actions queued up."""
    from concurrent.futures import ThreadPoolExecutor

    stack, link = slow
    link.delay = SLOW
    people = [(f"crowd-person-{n}-7c1d", f"a-private-thought-{n}-5521") for n in range(6)]

    def talk(person: tuple[str, str]) -> list[str]:
        who, secret = person
        return [
            texts(stack.say(who, '/choose_module{"takeaway": "early_experiences"}')),
            texts(stack.say(who, f"3 and also {secret}")),
        ]

    with ThreadPoolExecutor(len(people)) as pool:
        replies = list(pool.map(talk, people))
    for chosen, answered in replies:
        assert "1 (very low) to 5" in chosen
        assert answered and "technical problem" not in chosen + answered
    _assert_logs_clean(stack, *(secret for person in people for secret in person))
