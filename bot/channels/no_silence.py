"""Every message gets an honest reply in bounded time; a crisis gets help when the back end fails.

When the action server is down, Rasa loses the action's messages and falls back
to "I didn't quite follow that", which misleads the person. This wrapper sits
around Rasa's message handler in the Rasa process itself. It probes the action
server (cached for a couple of seconds); when it is refused or answers with an
error the message is still processed and recorded, but Rasa's replies are held
back and the person hears that there is a technical problem. A probe that times
out means "busy", not "dead": under load the action server answers slowly, and
Rasa's own reply is let through. If no reply has been produced within
``REPLY_TIMEOUT_SECONDS`` the person hears about the technical problem then;
Rasa keeps processing (so the message is recorded) but its late replies are
dropped. A crisis message gets the crisis resources straight from
``bot.safety`` (pure: no database, no action server), because help must not
depend on the parts that failed. If nothing at all was sent, the same honest
reply goes out.

The wrapper never raises: a failure is logged (redacted, see ``bot.redaction``)
and answered, so Rasa never logs the message with its text.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Literal

import aiohttp
from rasa.core.channels.channel import OutputChannel, UserMessage

from bot.redaction import hold_back
from bot.safety import assess_risk, crisis_messages, technical_problem_message
from bot.settings import get_settings

Handler = Callable[[UserMessage], Awaitable[Any]]


logger = logging.getLogger(__name__)

Health = Literal["alive", "busy", "dead"]
PROBE_TTL_SECONDS = 2.0
PROBE_TIMEOUT_SECONDS = 1.0
_probe_cache: dict[str, tuple[float, Health]] = {}


async def probe_action_server(webhook_url: str) -> Health:
    """GET the action server's /health: "alive", "busy" (no answer in time) or "dead".

    "alive" and "busy" are remembered briefly, so a busy server is not probed
    by every message. "dead" (refused, or an error status) is not: a refused
    connection costs about a millisecond, so recovery is noticed at once.
    """
    now = time.monotonic()
    cached = _probe_cache.get(webhook_url)
    if cached and cached[1] != "dead" and now - cached[0] < PROBE_TTL_SECONDS:
        return cached[1]
    health_url = webhook_url.rsplit("/webhook", 1)[0] + "/health"
    health: Health
    try:
        timeout = aiohttp.ClientTimeout(total=PROBE_TIMEOUT_SECONDS)
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.get(health_url) as response,
        ):
            health = "alive" if response.status == 200 else "dead"
    except asyncio.TimeoutError:  # not the builtin TimeoutError before Python 3.11
        health = "busy"
    except (aiohttp.ClientError, OSError):
        health = "dead"
    except Exception as error:  # noqa: BLE001 - an unknown probe failure must not mute replies
        logger.warning("action server probe failed: %s", type(error).__name__)
        health = "busy"
    _probe_cache[webhook_url] = (now, health)
    return health


def _count_sends(channel: OutputChannel, muted: list[bool]) -> list[int]:
    """Wrap the channel's send methods: count what goes out, or hold it back while muted."""
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
            if muted[0]:
                return None
            counter[0] += 1
            return await _original(*args, **kwargs)

        setattr(channel, name, counting)
    return counter


def never_silent(on_new_message: Handler) -> Handler:
    """Wrap Rasa's handler so the person always gets a reply and nothing escapes."""

    async def handle(message: UserMessage) -> None:
        hold_back(message.text, message.sender_id)
        channel = message.output_channel
        original_send = channel.send_text_message
        muted = [False]
        sent = [0]
        try:
            settings = get_settings()
            muted[0] = await probe_action_server(settings.action_url) == "dead"
            sent = _count_sends(channel, muted)
            processing = asyncio.ensure_future(on_new_message(message))
            _unfinished.add(processing)  # keep a reference while it runs on after a timeout
            processing.add_done_callback(_log_failure)
            await asyncio.wait_for(asyncio.shield(processing), settings.reply_timeout_seconds)
        except asyncio.CancelledError:
            raise  # the request itself was cancelled (the person left): nobody to answer
        except asyncio.TimeoutError:
            logger.warning("no reply within the reply timeout; sent the technical-problem reply")
            muted[0] = True  # Rasa carries on and records the message; late replies would confuse
        except Exception as error:  # noqa: BLE001 - the person must hear something
            # Rasa's own failures are logged with their traceback by _log_failure.
            logger.error("message handling failed: %s", type(error).__name__)
        if sent[0] == 0:
            await _fallback(message, original_send)

    return handle


_unfinished: set[asyncio.Future[Any]] = set()


def _log_failure(processing: asyncio.Future[Any]) -> None:
    """Retrieve Rasa's failure (also after a timeout) so it is logged once, redacted."""
    _unfinished.discard(processing)
    if not processing.cancelled() and processing.exception() is not None:
        error = processing.exception()
        logger.error("Rasa failed to handle a message: %s", type(error).__name__, exc_info=error)


async def _fallback(message: UserMessage, send: Callable[..., Awaitable[Any]]) -> None:
    try:
        text = message.text if isinstance(message.text, str) else ""
        if not text.startswith("/") and assess_risk(text).level == "crisis":
            for line in crisis_messages(get_settings().crisis_region):
                await send(message.sender_id, line)
            return
        await send(message.sender_id, technical_problem_message())
    except Exception as error:  # noqa: BLE001 - e.g. the socket closed; nothing more to try
        logger.error("fallback reply not sent: %s", type(error).__name__, exc_info=error)
