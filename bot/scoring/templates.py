"""The feedback and summary sentences, loaded once from bot/content/feedback.yml."""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.content.concepts import CONCEPT_IDS
from bot.content.loader import ContentError, mapping, read_content, require_text

SOURCE = "feedback.yml"
# What bot/scoring/feedback.py and summary.py read; checked when a process starts.
REQUIRED: dict[str, tuple[str, ...]] = {
    "acknowledgement": (
        "feeling", "feelings_two", "generic_feeling", "phrase", "fallback", "dont_know",
        "off_topic", "empty", "depth_tail",
    ),
    "summary": (
        "skipped", "explored", "explored_little", "answers_one", "answers_many",
        "followups_one", "followups_many", "answers_with_followups", "topics",
        "depth_same", "depth_range", "depth_words", "feelings", "no_feelings", "strengths",
        "next_steps", "invite", "concepts",
    ),
}  # fmt: skip


@lru_cache(maxsize=4)
def load_templates(directory: Path | None = None) -> Mapping[str, Any]:
    """Parse feedback.yml once; a missing section stops start-up (``validate_all``)."""
    raw = mapping(read_content(SOURCE, directory), SOURCE)
    for name, keys in REQUIRED.items():
        section_ = mapping(raw.get(name), f"{SOURCE}: {name}")
        missing = [key for key in keys if key not in section_]
        if missing:
            raise ContentError(f"{SOURCE}: {name}.{missing[0]}: missing")
    concepts = mapping(raw["summary"]["concepts"], f"{SOURCE}: summary.concepts")
    for concept_id in CONCEPT_IDS:
        require_text(concepts.get(concept_id), f"{SOURCE}: summary.concepts.{concept_id}")
    return raw


def section(*keys: str | int) -> Any:
    """Walk into the templates, naming the missing key if the file lacks it."""
    node: Any = load_templates()
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            raise KeyError(f"{SOURCE}: missing {'.'.join(map(str, keys))}")
        node = node[key]
    return node


def pick(variants: Sequence[str] | str, seed: str) -> str:
    """Choose a variant deterministically, so the same answer reads the same way twice."""
    if isinstance(variants, str):
        return variants
    return variants[zlib.crc32(seed.encode("utf-8")) % len(variants)]
