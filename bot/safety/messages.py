"""Compose the crisis and concern replies from ``bot/content/safety_messages.yml``.

The wording is content; this module only orders it and fills in the region's
resources. Crisis replies follow one order on purpose: acknowledge, resources,
"are you safe right now?", then the choice to continue later or talk about
something else. Concern replies validate and offer a pause, without numbers.
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.content.loader import ContentError, read_content
from bot.safety.resources import RegionResources, resources_for

SOURCE = "safety_messages.yml"
_CRISIS_KEYS: dict[str, frozenset[str]] = {
    "acknowledgement": frozenset(),
    "resources_intro": frozenset(),
    "helpline": frozenset({"name", "contact", "hours"}),
    "emergency": frozenset({"emergency_number"}),
    "safety_check": frozenset(),
    "next_steps": frozenset(),
}
_CONCERN_KEYS: dict[str, frozenset[str]] = {"validation": frozenset(), "offer_pause": frozenset()}
_TECHNICAL_KEYS: dict[str, frozenset[str]] = {"no_reply": frozenset()}


def _section(data: dict[str, Any], name: str, keys: dict[str, frozenset[str]]) -> dict[str, str]:
    section = data.get(name)
    if not isinstance(section, dict):
        raise ContentError(f"{SOURCE}: missing section {name!r}")
    out: dict[str, str] = {}
    for key, fields in keys.items():
        value = section.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ContentError(f"{SOURCE}: {name}.{key} must be non-empty text")
        used = {field for _, field, _, _ in string.Formatter().parse(value) if field}
        if used != fields:
            raise ContentError(
                f"{SOURCE}: {name}.{key} must use placeholders {sorted(fields)}"
            )
        out[key] = " ".join(value.split())
    return out


@lru_cache(maxsize=4)
def load_messages(directory: Path | None = None) -> dict[str, dict[str, str]]:
    """Read and validate the safety messages once; raises ContentError naming the field."""
    data = read_content(SOURCE, directory)
    if not isinstance(data, dict):
        raise ContentError(f"{SOURCE}: expected a mapping")
    return {
        "crisis": _section(data, "crisis", _CRISIS_KEYS),
        "concern": _section(data, "concern", _CONCERN_KEYS),
        "technical_problem": _section(data, "technical_problem", _TECHNICAL_KEYS),
    }


def resources_message(resources: RegionResources) -> str:
    """One chat message listing the region's helplines and emergency number."""
    text = load_messages()["crisis"]
    lines = [text["resources_intro"]]
    lines.extend(
        "- " + text["helpline"].format(name=h.name, contact=h.contact, hours=h.hours)
        for h in resources.helplines
    )
    lines.append(text["emergency"].format(emergency_number=resources.emergency_number))
    return "\n".join(lines)


def crisis_messages(region: str | None = None) -> list[str]:
    """The ordered crisis reply for a region (unknown or None -> international)."""
    text = load_messages()["crisis"]
    return [
        text["acknowledgement"],
        resources_message(resources_for(region)),
        text["safety_check"],
        text["next_steps"],
    ]


def concern_messages() -> list[str]:
    """Validation and an offer to pause; deliberately no crisis resources."""
    text = load_messages()["concern"]
    return [text["validation"], text["offer_pause"]]


def technical_problem_message() -> str:
    """What a person hears when the back end failed to answer: honest, with help pointers."""
    return load_messages()["technical_problem"]["no_reply"]
