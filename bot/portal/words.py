"""The portal's fixed words (``bot/content/portal.yml``), loaded once."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from bot.content.loader import read_content

SOURCE = "portal.yml"


@lru_cache(maxsize=1)
def words() -> Mapping[str, Any]:
    return dict(read_content(SOURCE, None))


def depth_words(depth: int) -> str:
    return str(words()["depth"][max(0, min(3, depth))])


def granularity_words(level: int) -> str:
    return str(words()["granularity"][max(0, min(4, level))])


def scope_words(scope: str) -> str:
    return str(words()["scopes"].get(scope, scope))


def kind_words(kind: str) -> str:
    return str(words()["assignment_kinds"].get(kind, kind))
