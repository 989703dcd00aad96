"""Every message gets an honest reply, and a crisis gets help even when the back end fails.

When the action server is down, Rasa loses the action's messages and falls back
to "I didn't quite follow that", which misleads the person. This wrapper sits
around Rasa's message handler in the Rasa process itself. It probes the action
server (cached for a couple of seconds); when it is down the message is still
processed and recorded, but Rasa's replies are held back and the person hears
that there is a technical problem. A crisis message gets the crisis resources
straight from ``bot.safety`` (pure: no database, no action server), because
help must not depend on the parts that failed. If nothing at all was sent, the
same honest reply goes out.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from rasa.core.channels.channel import OutputChannel, UserMessage

from bot.safety import assess_risk, crisis_messages, technical_problem_message
from bot.settings import get_settings

Handler = Callable[[UserMessage], Awaitable[Any]]


PROBE_TTL_SECONDS = 2.0
_probe_cache: dict[str, tuple[float, bool]] = {}


async def action_server_alive(webhook_url: str) -> bool:
    """GET the action server's /health, remembering a healthy answer briefly.

    Only "alive" is cached: when the server is down every message probes again
    (a refused connection costs about a millisecond), so recovery is immediate.
    """
    now = time.monotonic()
    cached = _probe_cache.get(webhook_url)
    if cached and cached[1] and now - cached[0] < PROBE_TTL_SECONDS:
        return True
    health = webhook_url.rsplit("/webhook", 1)[0] + "/health"
    try:
        timeout = aiohttp.ClientTimeout(total=1.0)
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.get(health) as response,
        ):
            alive = response.status == 200
    except (aiohttp.ClientError, OSError, TimeoutError):
        alive = False
    _probe_cache[webhook_url] = (now, alive)
    return alive


def _count_sends(channel: OutputChannel, muted: bool) -> list[int]:
    """Wrap the channel's send methods: count what goes out, or hold it back when muted."""
    counter = [0]
    for name in (
        "send_text_message",
        "send_text_with_buttons",
        "send_custom_json",
        "send_image_url",
        "send_attachment",
        "send_quick_replies",
        "send_elements",
    ):
        original = getattr(channel, name, None)
        if original is None:
            continue

        async def counting(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
            if muted:
                return None
            counter[0] += 1
            return await _original(*args, **kwargs)

        setattr(channel, name, counting)
    return counter


def never_silent(on_new_message: Handler) -> Handler:
    async def handle(message: UserMessage) -> None:
        channel = message.output_channel
        original_send = channel.send_text_message
        alive = await action_server_alive(get_settings().action_url)
        sent = _count_sends(channel, muted=not alive)
        try:
            await on_new_message(message)
        finally:
            if sent[0] == 0:
                await _fallback(message, original_send)

    return handle


async def _fallback(message: UserMessage, send: Callable[..., Awaitable[Any]]) -> None:
    text = message.text if isinstance(message.text, str) else ""
    if not text.startswith("/") and assess_risk(text).level == "crisis":
        for line in crisis_messages(get_settings().crisis_region):
            await send(message.sender_id, line)
        return
    await send(message.sender_id, technical_problem_message())
