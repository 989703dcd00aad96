"""``non_answers.yml``: what counts as "not an answer" to a reflection prompt, as data.

The list lives in one file so a writer can add "cheers mate" without touching
code; this module only parses and checks it. Phrases and fillers are folded
with the same normaliser the classifier applies to a message, so the file is
written in plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from bot.content.loader import ContentError, mapping, one_of, read_content, require_text, texts
from bot.content.resolver import normalise

SOURCE = "non_answers.yml"
Does = Literal["nudge", "pause"]
DOES: tuple[str, ...] = ("nudge", "pause")


@dataclass(frozen=True)
class NonAnswerKind:
    """One kind of non-answer: what to do with it and, for a nudge, the domain response."""

    name: str
    does: Does
    reply: str | None
    phrases: tuple[tuple[str, ...], ...] = ()
    pattern: re.Pattern[str] | None = None


@dataclass(frozen=True)
class NonAnswers:
    """Word kinds in priority order, shape kinds, and the words a message may carry besides."""

    fillers: frozenset[str]
    kinds: tuple[NonAnswerKind, ...]
    shapes: tuple[NonAnswerKind, ...]
    followup: NonAnswerKind | None = None  # read only while a follow-up question is open
    followup_also: frozenset[str] = frozenset()  # nudges that re-ask the follow-up instead


def fold(text: str, fillers: frozenset[str]) -> tuple[str, ...]:
    """The words that matter: normalised, fillers dropped (for phrases and messages alike)."""
    return tuple(word for word in normalise(text).split() if word not in fillers)


def _folded(text: str, fillers: frozenset[str], where: str) -> tuple[str, ...]:
    words = fold(text, fillers)
    if not words:
        raise ContentError(f"{where}: has no words once folded and fillers dropped")
    return words


def _kind(name: str, raw: Any, fillers: frozenset[str], where: str) -> NonAnswerKind:
    raw = mapping(raw, where)
    does: Does = "pause" if one_of(raw.get("does"), DOES, f"{where}.does") == "pause" else "nudge"
    reply = require_text(raw.get("reply"), f"{where}.reply") if does == "nudge" else None
    if reply is not None and not reply.startswith("utter_"):
        raise ContentError(f"{where}.reply: expected a domain response name (utter_...)")
    phrases: tuple[tuple[str, ...], ...] = ()
    pattern = None
    if "pattern" in raw:
        source = require_text(raw["pattern"], f"{where}.pattern")
        try:
            pattern = re.compile(source, re.DOTALL)
        except re.error as exc:
            raise ContentError(f"{where}.pattern: not a valid regular expression ({exc})") from None
    else:
        listed = texts(raw.get("phrases"), f"{where}.phrases")
        phrases = tuple(_folded(p, fillers, f"{where}.phrases[{i}]") for i, p in enumerate(listed))
    return NonAnswerKind(name=name, does=does, reply=reply, phrases=phrases, pattern=pattern)


def parse_non_answers(raw: Any, source: str = SOURCE) -> NonAnswers:
    """Validate the file; errors name ``source`` and the field."""
    raw = mapping(raw, source)
    listed = texts(raw.get("fillers"), f"{source}: fillers")
    fillers = frozenset(word for item in listed for word in normalise(item).split())
    kinds = mapping(raw.get("kinds"), f"{source}: kinds")
    shapes = mapping(raw.get("shapes"), f"{source}: shapes")
    parsed = tuple(_kind(str(k), v, fillers, f"{source}: kinds.{k}") for k, v in kinds.items())
    shaped = tuple(_kind(str(k), v, fillers, f"{source}: shapes.{k}") for k, v in shapes.items())
    if any(kind.pattern is not None for kind in parsed):
        raise ContentError(f"{source}: kinds: patterns belong under shapes")
    if any(kind.pattern is None for kind in shaped):
        raise ContentError(f"{source}: shapes: every shape needs a pattern")
    if not parsed:
        raise ContentError(f"{source}: kinds: expected at least one kind")
    followup, also = _followup(raw.get("followup"), fillers, parsed + shaped, source)
    return NonAnswers(
        fillers=fillers,
        kinds=parsed,
        shapes=shaped,
        followup=followup,
        followup_also=also,
    )


def _followup(
    raw: Any, fillers: frozenset[str], named: tuple[NonAnswerKind, ...], source: str
) -> tuple[NonAnswerKind | None, frozenset[str]]:
    """The short replies that answer no follow-up question: phrases and one shape."""
    if raw is None:
        return None, frozenset()
    where = f"{source}: followup"
    raw = mapping(raw, where)
    words = _kind("followup", {k: v for k, v in raw.items() if k != "pattern"}, fillers, where)
    if words.does != "nudge":
        raise ContentError(f"{where}.does: a follow-up is re-asked, so it must be a nudge")
    shape = None
    if "pattern" in raw:
        shape = _kind("followup", {**raw, "phrases": None}, fillers, where)
    also = frozenset(texts(raw.get("also", []), f"{where}.also", minimum=0))
    unknown = also - {kind.name for kind in named}
    if unknown:
        raise ContentError(f"{where}.also: no kind or shape named {sorted(unknown)[0]}")
    kind = NonAnswerKind(
        name="followup_unclear",
        does="nudge",
        reply=words.reply,
        phrases=words.phrases,
        pattern=shape.pattern if shape else None,
    )
    return kind, also


@lru_cache(maxsize=4)
def load_non_answers(directory: Path | None = None) -> NonAnswers:
    """Parse non_answers.yml once per process (and at start-up, via ``validate_all``)."""
    return parse_non_answers(read_content(SOURCE, directory))
