"""Logs never hold what a person wrote, nor who they are.

Rasa logs failures with the frames' local variables (structlog's dict
tracebacks) and with ``text=`` fields; sanic and rasa-sdk log exceptions whose
messages quote SQL parameters or request bodies. Redacting at each call site
would miss the next one, so redaction sits where every log line passes:

* every ``LogRecord`` a process creates goes through a record factory (not a
  handler filter: Rasa, sanic and uvicorn add handlers after start-up, and a
  filter on a logger never sees its children's records). Tracebacks keep their
  frames and exception types but lose exception messages and locals; the text
  and sender id of the message being handled are replaced wherever they appear.
* structlog, Rasa's logger, gets a processor that blanks content fields, hashes
  sender ids and turns ``exc_info`` into the same safe traceback before Rasa's
  renderer can add locals.

"The message being handled" is set by :func:`hold_back`, called by the channel
wrapper in Rasa and by every action in the action server. It is a context
variable, so it follows the request's task and never reaches another one.
:func:`install` runs when each process imports ``bot.channels``, ``actions`` or
``bot.web``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
import traceback
from collections.abc import Iterable, MutableMapping
from contextvars import ContextVar
from types import TracebackType
from typing import Any

import structlog

from bot.settings import get_settings

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

REDACTED = "[redacted]"
# Shorter texts ("hi", "ok") are ordinary words; replacing them would garble every line.
MIN_TEXT_LENGTH = 3
# Structured fields that carry what someone wrote (Rasa's own anonymisable keys and ours).
CONTENT_KEYS = frozenset(
    {
        "text", "response_text", "user_text", "slot_values", "parse_data_text",
        "parse_data_entities", "prediction_events", "tracker_latest_message",
        "prefilled_slots", "message", "response", "slot_candidates", "rasa_event",
        "rasa_events", "tracker_states", "current_states", "old_states", "successes",
        "current_entity", "next_entity", "states", "entity", "token_text",
        "user_message", "json_message", "request_body", "tracker",
    }
)  # fmt: skip
SENDER_KEYS = frozenset({"sender_id", "sender", "conversation_id", "user_id"})

_held: ContextVar[tuple[re.Pattern[str], dict[str, str]] | None] = ContextVar(
    "securebase_held_back", default=None
)


def sender_hash(sender_id: str) -> str:
    """A short salted hash: lines about one person can be followed without naming them."""
    digest = hashlib.sha256(f"{get_settings().log_salt}|{sender_id}".encode()).hexdigest()
    return f"sender:{digest[:10]}"


def hold_back(text: object, sender_id: object) -> None:
    """Keep this message's text and sender id out of every later log line of this task.

    Deliberately not undone: Rasa's REST channel and rasa-sdk log a failure
    after the handler has returned, in the same task, and must still be covered.
    """
    replacements: dict[str, str] = {}
    if isinstance(sender_id, str) and sender_id:
        for variant in _variants(sender_id):
            replacements[variant] = sender_hash(sender_id)
    if isinstance(text, str) and len(text.strip()) >= MIN_TEXT_LENGTH:
        for variant in _variants(text.strip()):
            replacements.setdefault(variant, REDACTED)
    if not replacements:
        return
    ordered = sorted(replacements, key=len, reverse=True)
    _held.set((re.compile("|".join(re.escape(secret) for secret in ordered)), replacements))


def _variants(secret: str) -> Iterable[str]:
    """The forms a string takes in logs: as is, lower-cased, and escaped inside JSON."""
    for form in {secret, secret.lower()}:
        yield form
        yield json.dumps(form)[1:-1]
        yield json.dumps(form, ensure_ascii=False)[1:-1]


def redact(value: str) -> str:
    """``value`` with the held-back text and sender id replaced."""
    held = _held.get()
    if held is None:
        return value
    pattern, replacements = held
    return pattern.sub(lambda match: replacements.get(match.group(0), REDACTED), value)


def safe_traceback(exc_info: ExcInfo) -> str:
    """Frames and exception types only: messages and locals may quote a person's words."""
    _, error, tb = exc_info
    lines = ["Traceback (most recent call last):\n"]
    lines += traceback.format_list(traceback.extract_tb(tb))
    chain: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        chain.append(f"{kind.__module__}.{kind.__qualname__}")
        current = current.__cause__ or current.__context__
    lines.append(" <- ".join(chain) + " (message withheld from logs)")
    return redact("".join(lines))


def _as_exc_info(value: Any) -> ExcInfo | None:
    if isinstance(value, BaseException):
        return (type(value), value, value.__traceback__)
    if value is True:
        value = sys.exc_info()
    if isinstance(value, tuple) and len(value) == 3 and isinstance(value[1], BaseException):
        return value
    return None


def redact_record(record: logging.LogRecord) -> logging.LogRecord:
    """Make one stdlib record safe: no exception messages or locals, no held-back strings."""
    if record.exc_info:
        exc_info = _as_exc_info(record.exc_info)
        record.exc_text = safe_traceback(exc_info) if exc_info else None
        record.exc_info = None
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a malformed call must not stop redaction
        message = str(record.msg)
    redacted = redact(message)
    if redacted != message:  # leave args alone otherwise: some formatters read them
        record.msg, record.args = redacted, ()
    return record


def redact_event(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """structlog processor: the same guarantees for Rasa's structured log events."""
    exc_info = _as_exc_info(event_dict.pop("exc_info", None))
    if exc_info:
        event_dict["exception"] = safe_traceback(exc_info)
    for key, value in list(event_dict.items()):
        if key in CONTENT_KEYS:
            event_dict[key] = REDACTED
        elif key in SENDER_KEYS and isinstance(value, str):
            event_dict[key] = sender_hash(value)
        elif isinstance(value, str):
            event_dict[key] = redact(value)
        elif not isinstance(value, (int, float, bool, type(None))):
            event_dict[key] = redact(repr(value))
    return event_dict


def install() -> None:
    """Redact every log line of this process; safe to call more than once."""
    previous = logging.getLogRecordFactory()
    if not getattr(previous, "securebase_redacting", False):

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            return redact_record(previous(*args, **kwargs))

        factory.securebase_redacting = True  # type: ignore[attr-defined]
        logging.setLogRecordFactory(factory)
    # In place: loggers Rasa already cached hold this very list.
    processors = structlog.get_config()["processors"]
    if redact_event in processors:
        return
    renderers = [
        index
        for index, processor in enumerate(processors)
        if isinstance(processor, structlog.processors.ExceptionRenderer)
    ]
    processors.insert(renderers[0] if renderers else max(len(processors) - 1, 0), redact_event)
