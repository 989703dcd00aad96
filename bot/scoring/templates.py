"""The feedback and summary sentences, loaded once from bot/content/feedback.yml."""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.content.loader import ContentError, read_content

SOURCE = "feedback.yml"


@lru_cache(maxsize=4)
def load_templates(directory: Path | None = None) -> Mapping[str, Any]:
    """Parse feedback.yml once; a missing section stops start-up (``validate_all``)."""
    raw = read_content(SOURCE, directory)
    if not isinstance(raw, dict) or not {"acknowledgement", "summary"} <= set(raw):
        raise ContentError(f"{SOURCE}: expected 'acknowledgement' and 'summary' sections")
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
