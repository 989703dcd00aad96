"""The no-silence guard around Rasa's message handler, with a real collecting channel."""

from __future__ import annotations

import asyncio
import socket
import time

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels import no_silence
from bot.settings import get_settings
from tests.support.aio import run_sync


def _run(
    text: str, *, alive: bool, replies: list[str], monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    async def probe(_: str) -> str:
        return "alive" if alive else "dead"

    monkeypatch.setattr(no_silence, "probe_action_server", probe)

    async def rasa(message: UserMessage) -> None:
        for reply in replies:
            await message.output_channel.send_text_message(message.sender_id, reply)

    channel = CollectingOutputChannel()
    run_sync(no_silence.never_silent(rasa)(UserMessage(text, channel, "person")))
    return [m["text"] for m in channel.messages]


def test_guard__healthy_replies_pass_through(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run("hi", alive=True, replies=["Hello"], monkeypatch=monkeypatch) == ["Hello"]


def test_guard__no_reply_at_all_becomes_an_honest_one(monkeypatch: pytest.MonkeyPatch) -> None:
    (reply,) = _run("hi", alive=True, replies=[], monkeypatch=monkeypatch)
    assert "technical problem" in reply


def test_guard__dead_action_server_holds_back_misleading_fallbacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    replies = _run(
        "what have I done",
        alive=False,
        replies=["I didn't quite follow that."],
        monkeypatch=monkeypatch,
    )
    assert len(replies) == 1 and "technical problem" in replies[0]


def test_guard__crisis_gets_help_even_when_everything_else_is_down(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    replies = _run("I want to kill myself", alive=False, replies=[], monkeypatch=monkeypatch)
    assert any("safe right now" in r for r in replies)
    assert any("findahelpline.com" in r for r in replies)


def _probe(url: str) -> str:
    no_silence._probe_cache.clear()
    return run_sync(no_silence.probe_action_server(url))


def test_probe__a_server_slower_than_the_timeout_is_busy_not_dead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(no_silence, "PROBE_TIMEOUT_SECONDS", 0.2)
    # A listening socket that never answers: the probe connects, then waits.
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        assert _probe(f"http://127.0.0.1:{port}/webhook") == "busy"


def test_probe__a_refused_connection_is_dead() -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    assert _probe(f"http://127.0.0.1:{port}/webhook") == "dead"


def test_guard__busy_action_server_lets_rasas_reply_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def busy(_: str) -> str:
        return "busy"

    monkeypatch.setattr(no_silence, "probe_action_server", busy)

    async def rasa(message: UserMessage) -> None:
        await message.output_channel.send_text_message(message.sender_id, "Slow but here")

    channel = CollectingOutputChannel()
    run_sync(no_silence.never_silent(rasa)(UserMessage("hi", channel, "person")))
    assert [m["text"] for m in channel.messages] == ["Slow but here"]


def _slow_rasa_replies(text: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("REPLY_TIMEOUT_SECONDS", "0.2")
    get_settings.cache_clear()

    async def alive(_: str) -> str:
        return "alive"

    monkeypatch.setattr(no_silence, "probe_action_server", alive)

    async def rasa(message: UserMessage) -> None:
        await asyncio.sleep(0.5)
        await message.output_channel.send_text_message(message.sender_id, "Too late")

    async def person_waits() -> float:
        started = time.monotonic()
        await no_silence.never_silent(rasa)(UserMessage(text, channel, "person"))
        waited = time.monotonic() - started
        await asyncio.sleep(0.5)  # Rasa finishes; its late reply must not follow
        return waited

    channel = CollectingOutputChannel()
    try:
        assert run_sync(person_waits()) < 0.45
    finally:
        get_settings.cache_clear()
    return [m["text"] for m in channel.messages]


def test_guard__no_reply_in_time_becomes_the_technical_problem_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (reply,) = _slow_rasa_replies("tell me more", monkeypatch)
    assert "technical problem" in reply


def test_guard__crisis_without_a_reply_in_time_still_gets_resources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    replies = _slow_rasa_replies("I want to kill myself", monkeypatch)
    assert any("findahelpline.com" in r for r in replies) and "Too late" not in replies


def test_guard__never_raises_even_when_the_fallback_cannot_be_sent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def alive(_: str) -> str:
        return "alive"

    monkeypatch.setattr(no_silence, "probe_action_server", alive)

    async def rasa(message: UserMessage) -> None:
        raise RuntimeError("Rasa broke")

    class GoneChannel(CollectingOutputChannel):
        async def send_text_message(self, *_: object, **__: object) -> None:
            raise ConnectionResetError("the person left")

    run_sync(no_silence.never_silent(rasa)(UserMessage("hi", GoneChannel(), "person")))


def test_guard__a_real_action_server_slower_than_the_probe__reply_comes_and_logs_hold_no_text(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """No stand-in probe: an HTTP server whose /health sleeps past the probe timeout."""
    import logging
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from bot import redaction

    class SlowHealth(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            time.sleep(0.5)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowHealth)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr(no_silence, "PROBE_TIMEOUT_SECONDS", 0.2)
    monkeypatch.setenv(
        "ACTION_ENDPOINT_URL", f"http://127.0.0.1:{server.server_address[1]}/webhook"
    )
    get_settings.cache_clear()
    no_silence._probe_cache.clear()
    redaction.install()
    who, secret = "slow-probe-person-4f2a", "a-worry-nobody-else-has-8812"

    async def rasa(message: UserMessage) -> None:
        logging.getLogger("rasa.core.processor").debug("handling %s from %s", message.text, who)
        await message.output_channel.send_text_message(message.sender_id, "Here you are")

    channel = CollectingOutputChannel()
    try:
        with caplog.at_level(logging.DEBUG):
            run_sync(no_silence.never_silent(rasa)(UserMessage(f"I {secret}", channel, who)))
    finally:
        server.shutdown()
        get_settings.cache_clear()
    assert [m["text"] for m in channel.messages] == ["Here you are"]
    assert no_silence._probe_cache and "busy" in {h for _, h in no_silence._probe_cache.values()}
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "handling" in logged and secret not in logged and who not in logged
