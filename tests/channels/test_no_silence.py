"""The no-silence guard around Rasa's message handler, with a real collecting channel."""

from __future__ import annotations

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels import no_silence
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
