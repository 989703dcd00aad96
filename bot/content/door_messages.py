"""The door's calm sentences, from ``door_messages.yml`` (used by ``bot.channels.door``)."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

from bot.content.loader import ContentError, read_content

SOURCE = "door_messages.yml"

_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "unauthorized": frozenset(),
    "missing_sender": frozenset(),
    "bad_sender": frozenset(),
    "not_json": frozenset(),
    "malformed_json": frozenset(),
    "not_an_object": frozenset(),
    "too_deep": frozenset(),
    "message_not_text": frozenset(),
    "metadata_too_large": frozenset(),
    "too_large": frozenset({"max_chars"}),
    "too_fast": frozenset({"seconds"}),
    "busy": frozenset({"seconds"}),
    "bad_session": frozenset(),
}
REASONS = tuple(_PLACEHOLDERS)


@lru_cache(maxsize=4)
def load_door_messages(directory: Path | None = None) -> dict[str, str]:
    """Read and check the door's sentences once; raises ContentError naming the field."""
    data = read_content(SOURCE, directory)
    if not isinstance(data, dict):
        raise ContentError(f"{SOURCE}: expected a mapping")
    out: dict[str, str] = {}
    for key, fields in _PLACEHOLDERS.items():
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ContentError(f"{SOURCE}: {key} must be non-empty text")
        used = {name for _, name, _, _ in string.Formatter().parse(value) if name}
        if used != fields:
            raise ContentError(f"{SOURCE}: {key} must use placeholders {sorted(fields)}")
        out[key] = " ".join(value.split())
    return out
