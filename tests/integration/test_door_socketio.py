"""The widget's socket.io channel on the real servers: unguessable ids, odd events, floods."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest

from bot.evaluation.abuse_clients import Widget, texts, user_messages_stored
from tests.support.run_async import run_async
from tests.support.servers import Stack

pytestmark = pytest.mark.integration


def stored(stack: Stack, sender: str) -> int:
    return user_messages_stored(stack.settings.tracker_db, sender)


def run(coroutine: Any) -> Any:
    return run_async(coroutine)


def test_session_ids__chosen_or_short_ones_are_replaced_by_long_random_ones(stack: Stack) -> None:
    async def ask(wanted: Any) -> str:
        widget = Widget(stack.settings.rasa_url)
        try:
            return await widget.open(wanted)
        finally:
            await widget.close()

    for wanted in ("alice", "1", "../../x", "a" * 500, None, 42):
        got = run(ask(wanted))
        assert got != wanted and re.fullmatch(r"[0-9a-f]{32}", got), wanted
    widget_made = "0123456789abcdef" * 2
    assert run(ask(widget_made)) == widget_made  # the widget's own 128-bit ids are kept


def test_odd_events__each_gets_a_calm_reply_and_nothing_is_stored(stack: Stack) -> None:
    async def scenario() -> list[tuple[str, str]]:
        widget = Widget(stack.settings.rasa_url)
        session = await widget.open(None)
        seen = []
        for data in (
            ["a", "list"],
            None,
            "just a string",
            {"message": {"an": "object"}, "session_id": session},
            {"message": None, "session_id": session},
            {"message": "a" * 30_000, "session_id": session},
            {"message": "hi"},
        ):
            seen.append((repr(data)[:40], texts(await widget.send(data))))
        await widget.close()
        return [(session, "")] + seen

    results = run(scenario())
    session = results[0][0]
    for tried, reply in results[1:]:
        assert reply and "Traceback" not in reply, tried
    assert stored(stack, session) == 0


def test_another_sessions_id__is_refused_and_nothing_reaches_that_conversation(
    stack: Stack,
) -> None:
    async def scenario() -> tuple[str, str, str]:
        owner, intruder = Widget(stack.settings.rasa_url), Widget(stack.settings.rasa_url)
        victim = await owner.open(None)
        await owner.say("hi")
        await intruder.open(None)
        reply = texts(await intruder.say("export my data", session_id=victim))
        owner_heard = texts(await owner.collect(first_within=2))
        await owner.close()
        await intruder.close()
        return victim, reply, owner_heard

    victim, reply, owner_heard = run(scenario())
    assert "couldn't match that message to this chat window" in reply
    assert owner_heard == ""
    assert stored(stack, victim) == 1


def test_flood__one_window_is_held_back_calmly_and_another_still_answered(stack: Stack) -> None:
    async def scenario() -> tuple[list[str], str, str]:
        flooder, calm = Widget(stack.settings.rasa_url), Widget(stack.settings.rasa_url)
        await flooder.open(None)
        await calm.open(None)
        spam = {"message": "spam", "session_id": flooder.session_id}
        for _ in range(60):
            await flooder.sio.emit("user_uttered", spam)
            # One long-polling POST takes at most 16 packets (engineio drops a bigger batch
            # whole); a browser's widget uses a WebSocket and sends one message at a time.
            await asyncio.sleep(0.02)
        replies = await flooder.collect(first_within=30, quiet=5)
        calm_reply = texts(await calm.say("hi"))
        await flooder.close()
        await calm.close()
        return [texts([r]) for r in replies], calm_reply, flooder.session_id

    replies, calm_reply, flood_session = run(scenario())
    held_back = [r for r in replies if "faster than I can take them in" in r]
    assert held_back, "the flood was not held back"
    assert "SecureBase" in calm_reply
    assert stored(stack, flood_session) == 60 - len(held_back)
