"""The door: what every channel checks before a message reaches NLU or storage.

A message is turned away here, with a calm sentence from
``bot/content/door_messages.yml`` and nothing stored, when it cannot be read as
one person's text (missing or odd sender, not JSON, not text, nested too deep,
too long) or when its sender or network address sends faster than a person
types. Turning a flood away costs a dictionary lookup, so one flooding sender
does not slow anybody else down. A refused message that reads as a crisis still
gets the crisis resources: help never depends on being let in.

Everything here is plain Python over plain values (bytes, strings, numbers), so
the REST and socket.io channels share it and tests can call it directly.
:class:`bot.limits.RateLimiter` is reusable by any other door, e.g. a sign-in form.
"""

from __future__ import annotations

import hmac
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from bot.content.door_messages import load_door_messages
from bot.limits import RateLimiter
from bot.safety import assess_risk, crisis_messages
from bot.settings import get_settings

# A request body larger than this is refused before it is parsed.
MAX_BODY_BYTES = 128 * 1024
# Nothing larger than this is even read from the network (any route of the Rasa server).
MAX_REQUEST_BYTES = 1024 * 1024 + 4096
# A message longer than this is refused whole (never cut: a cut answer would be stored wrongly).
# Long-but-allowed text is still read by NLU only in part (bot.nlu.input_checks).
MAX_MESSAGE_CHARS = 25_000
# JSON nested deeper than this is refused (a message needs depth 1; metadata a little more).
MAX_JSON_DEPTH = 8
MAX_METADATA_BYTES = 2048
MAX_SENDER_CHARS = 128
# A sender may have this many messages waiting or being answered at once.
MAX_IN_FLIGHT_PER_SENDER = 4
# How much of a refused message the crisis check reads (it is pure and fast, but bounded).
RISK_READ_CHARS = 5000

# Letters, digits and a few separators: no spaces, control or path characters ("/", "\").
SENDER_PATTERN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:@+=-]{0,127}")
# The widget's session ids: at least 128 random bits written as 32+ characters.
SESSION_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{32,128}")

@dataclass(frozen=True)
class Refusal:
    """Why a message was turned away, as an HTTP status and a reason from ``REASONS``."""

    status: int
    reason: str
    retry_after: float = 0.0
    # The refused text, only to check it for a crisis; never logged or stored.
    text: str = field(default="", repr=False)

    def messages(self) -> list[str]:
        """The calm sentence, then the crisis resources if the refused text needs them."""
        line = load_door_messages()[self.reason].format(
            max_chars=f"{MAX_MESSAGE_CHARS:,}", seconds=max(1, round(self.retry_after))
        )
        lines = [line]
        head = self.text[:RISK_READ_CHARS]
        if head and not head.startswith("/") and assess_risk(head).level == "crisis":
            lines += crisis_messages(get_settings().crisis_region)
        return lines

    def body(self) -> dict[str, Any]:
        """The JSON a REST caller gets: a machine-readable reason and the sentences."""
        lines = self.messages()
        return {"error": self.reason, "message": lines[0], "messages": lines}


class InFlight:
    """How many messages each sender has being answered; bounded per sender."""

    def __init__(self, limit: int = MAX_IN_FLIGHT_PER_SENDER) -> None:
        self.limit = limit
        self._counts: dict[str, int] = {}

    def enter(self, key: str) -> bool:
        count = self._counts.get(key, 0)
        if count >= self.limit:
            return False
        self._counts[key] = count + 1
        return True

    def leave(self, key: str) -> None:
        count = self._counts.get(key, 0) - 1
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)


class Door:
    """The limits one channel applies: per sender, per network address, in flight."""

    def __init__(self, *, sender_per_minute: int, address_per_minute: int) -> None:
        self.senders = RateLimiter(sender_per_minute)
        self.addresses = RateLimiter(address_per_minute)
        self.in_flight = InFlight()

    def admit(self, *, sender: str, address: str, text: str) -> Refusal | None:
        """Spend from the sender's and the address's budget, or say why not."""
        wait = self.senders.take(sender)
        if wait:
            return Refusal(429, "too_fast", retry_after=wait, text=text)
        wait = self.addresses.take(address)
        if wait:
            return Refusal(429, "busy", retry_after=wait, text=text)
        if not self.in_flight.enter(sender):
            return Refusal(429, "too_fast", retry_after=2.0, text=text)
        return None


def check_token(authorization: str | None, token: str) -> Refusal | None:
    """With a token configured, require ``Authorization: Bearer <token>``."""
    if not token:
        return None
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
        return None
    return Refusal(401, "unauthorized")


def check_sender(value: Any) -> Refusal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return Refusal(400, "missing_sender")
    if not isinstance(value, str) or not SENDER_PATTERN.fullmatch(value):
        return Refusal(400, "bad_sender")
    return None


def check_text(value: Any) -> Refusal | None:
    """A message must be text (empty is fine: the bot answers it) and not too long."""
    if not isinstance(value, str):
        return Refusal(400, "message_not_text")
    if len(value) > MAX_MESSAGE_CHARS:
        return Refusal(413, "too_large", text=value)
    return None


def valid_session_id(value: Any) -> bool:
    return isinstance(value, str) and SESSION_ID_PATTERN.fullmatch(value) is not None


def depth(value: Any) -> int:
    """How deeply ``value`` nests lists and objects (a string is depth 0), without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            stack.extend((child, level + 1) for child in item.values())
            deepest = max(deepest, level + 1)
        elif isinstance(item, list):
            stack.extend((child, level + 1) for child in item)
            deepest = max(deepest, level + 1)
    return deepest


def check_metadata(value: Any) -> Refusal | None:
    if value is None:
        return None
    if not isinstance(value, dict) or depth(value) > 3:
        return Refusal(400, "metadata_too_large")
    if len(json.dumps(value, ensure_ascii=False).encode()) > MAX_METADATA_BYTES:
        return Refusal(400, "metadata_too_large")
    return None


@dataclass(frozen=True)
class RestMessage:
    sender: str
    text: str
    metadata: dict[str, Any] | None


def read_rest_body(*, body: bytes, content_type: str | None) -> RestMessage | Refusal:
    """Parse and check a REST webhook body: ``{"sender": ..., "message": ..., "metadata": ...}``."""
    if len(body) > MAX_BODY_BYTES:
        return Refusal(413, "too_large")
    media = (content_type or "").split(";")[0].strip().lower()
    if media != "application/json":
        return Refusal(415, "not_json")
    try:
        data = json.loads(body)
    except RecursionError:
        return Refusal(400, "too_deep")
    except (ValueError, UnicodeDecodeError):
        return Refusal(400, "malformed_json")
    if depth(data) > MAX_JSON_DEPTH:
        return Refusal(400, "too_deep")
    if not isinstance(data, dict):
        return Refusal(400, "not_an_object")
    refusal = (
        check_sender(data.get("sender"))
        or check_text(data.get("message"))
        or check_metadata(data.get("metadata"))
    )
    if refusal is not None:
        text = data.get("message")
        # Whatever else was wrong, a readable crisis message still gets the resources.
        return replace(refusal, text=text) if isinstance(text, str) else refusal
    return RestMessage(data["sender"], data["message"], data.get("metadata"))
