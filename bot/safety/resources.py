"""Crisis resources per region, loaded from ``bot/content/crisis_resources.yml``.

Numbers live in content, each with its source page and the date it was last
checked, so that a wrong or dead number is a one-line content fix and a test
can insist that every region has an emergency number and a helpline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.content.loader import ContentError, read_content

SOURCE = "crisis_resources.yml"
DEFAULT_REGION = "international"


@dataclass(frozen=True)
class Helpline:
    name: str
    contact: str
    url: str
    hours: str


@dataclass(frozen=True)
class RegionResources:
    """What to offer someone in crisis in one region, and where it was checked."""

    region: str
    name: str
    emergency_number: str
    helplines: tuple[Helpline, ...]
    source: str
    emergency_source: str
    last_checked: date


def _text(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, (str, int)) or not str(value).strip():
        raise ContentError(f"{SOURCE}: {where}.{key} must be non-empty text")
    return str(value).strip()


def _url(entry: dict[str, Any], key: str, where: str) -> str:
    value = _text(entry, key, where)
    if not value.startswith("https://"):
        raise ContentError(f"{SOURCE}: {where}.{key} must be an https URL")
    return value


def _region(code: str, entry: Any) -> RegionResources:
    if not isinstance(entry, dict):
        raise ContentError(f"{SOURCE}: {code} must be a mapping")
    raw_lines = entry.get("helplines")
    if not isinstance(raw_lines, list) or not raw_lines:
        raise ContentError(f"{SOURCE}: {code}.helplines needs at least one helpline")
    helplines = tuple(_helpline(line, f"{code}.helplines[{i}]") for i, line in enumerate(raw_lines))
    checked = entry.get("last_checked")
    if not isinstance(checked, date):
        raise ContentError(f"{SOURCE}: {code}.last_checked must be a YYYY-MM-DD date")
    return RegionResources(
        region=code,
        name=_text(entry, "name", code),
        emergency_number=_text(entry, "emergency_number", code),
        helplines=helplines,
        source=_url(entry, "source", code),
        emergency_source=_url(entry, "emergency_source", code),
        last_checked=checked,
    )


def _helpline(line: Any, where: str) -> Helpline:
    if not isinstance(line, dict):
        raise ContentError(f"{SOURCE}: {where} must be a mapping")
    return Helpline(
        name=_text(line, "name", where),
        contact=_text(line, "contact", where),
        url=_url(line, "url", where),
        hours=_text(line, "hours", where),
    )


@lru_cache(maxsize=4)
def load_resources(directory: Path | None = None) -> dict[str, RegionResources]:
    """Read and validate every region once; raises ContentError naming the bad field."""
    data = read_content(SOURCE, directory)
    if not isinstance(data, dict) or DEFAULT_REGION not in data:
        raise ContentError(f"{SOURCE}: needs a mapping of regions including {DEFAULT_REGION!r}")
    return {str(code).lower(): _region(str(code).lower(), entry) for code, entry in data.items()}


REGIONS: tuple[str, ...] = tuple(load_resources())


def resources_for(region: str | None) -> RegionResources:
    """Resources for a region code (any case); unknown or missing -> international."""
    table = load_resources()
    key = (region or "").strip().lower()
    return table.get(key, table[DEFAULT_REGION])
