"""The five reflection modules (``takeaways.yml``): introduction, prompts, follow-ups."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.content.loader import ContentError, read_content, require_text
from bot.ids import FOLLOWUP_KEYS, TAKEAWAY_IDS

SOURCE = "takeaways.yml"
PROMPTS_PER_MODULE = 3


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str


@dataclass(frozen=True)
class Takeaway:
    id: str
    title: str
    summary: str
    introduction: str
    prompts: tuple[Prompt, ...]
    followups: Mapping[str, str]

    def prompt(self, prompt_id: str) -> Prompt:
        for prompt in self.prompts:
            if prompt.id == prompt_id:
                return prompt
        raise KeyError(prompt_id)


@dataclass(frozen=True)
class Catalog:
    takeaways: Mapping[str, Takeaway]

    def takeaway(self, takeaway_id: str) -> Takeaway:
        try:
            return self.takeaways[takeaway_id]
        except KeyError:
            raise KeyError(f"unknown takeaway {takeaway_id!r}") from None


def _parse_takeaway(takeaway_id: str, raw: Any, where: str) -> Takeaway:
    if not isinstance(raw, dict):
        raise ContentError(f"{where}: expected a mapping")
    prompts_raw = raw.get("prompts")
    if not isinstance(prompts_raw, list) or len(prompts_raw) != PROMPTS_PER_MODULE:
        raise ContentError(f"{where}.prompts: expected exactly {PROMPTS_PER_MODULE} prompts")
    prompts = []
    for index, item in enumerate(prompts_raw):
        item_where = f"{where}.prompts[{index}]"
        if not isinstance(item, dict):
            raise ContentError(f"{item_where}: expected a mapping with id and text")
        prompts.append(
            Prompt(
                id=require_text(item.get("id"), f"{item_where}.id"),
                text=require_text(item.get("text"), f"{item_where}.text"),
            )
        )
    followups_raw = raw.get("followups")
    if not isinstance(followups_raw, dict):
        raise ContentError(f"{where}.followups: expected a mapping")
    missing = [key for key in FOLLOWUP_KEYS if key not in followups_raw]
    if missing:
        raise ContentError(f"{where}.followups: missing {', '.join(missing)}")
    followups = {
        key: require_text(followups_raw[key], f"{where}.followups.{key}") for key in FOLLOWUP_KEYS
    }
    return Takeaway(
        id=takeaway_id,
        title=require_text(raw.get("title"), f"{where}.title"),
        summary=require_text(raw.get("summary"), f"{where}.summary"),
        introduction=require_text(raw.get("introduction"), f"{where}.introduction"),
        prompts=tuple(prompts),
        followups=followups,
    )


def parse_catalog(raw: Any, source: str = SOURCE) -> Catalog:
    """Validate the parsed takeaways file; errors name ``source`` and the field."""
    if not isinstance(raw, dict) or not isinstance(raw.get("takeaways"), dict):
        raise ContentError(f"{source}: expected a top-level 'takeaways' mapping")
    entries = raw["takeaways"]
    unknown = sorted(set(entries) - set(TAKEAWAY_IDS))
    absent = [tid for tid in TAKEAWAY_IDS if tid not in entries]
    if unknown or absent:
        raise ContentError(
            f"{source}: takeaways must be exactly {', '.join(TAKEAWAY_IDS)}"
            f" (unknown: {unknown or 'none'}, missing: {absent or 'none'})"
        )
    takeaways = {
        tid: _parse_takeaway(tid, entries[tid], f"{source}: takeaways.{tid}")
        for tid in TAKEAWAY_IDS
    }
    prompt_ids = [p.id for t in takeaways.values() for p in t.prompts]
    if len(prompt_ids) != len(set(prompt_ids)):
        raise ContentError(f"{source}: prompt ids must be unique across modules")
    return Catalog(takeaways=takeaways)


@lru_cache(maxsize=4)
def load_catalog(directory: Path | None = None) -> Catalog:
    """Load the reflection modules once per process."""
    return parse_catalog(read_content(SOURCE, directory), source=SOURCE)
