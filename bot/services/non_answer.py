"""Is this message an answer to the reflection prompt, or something else said in passing?

"thanks", "ok", a lone "3", an emoji, a typed "/affirm" or "I want to stop" are
not reflections: storing and quoting them back ("Thanks - "thanks"") reads as
if nobody listened. What counts is data (``bot/content/non_answers.yml``); this
module only reads a message against it. Pure: text in, a frozen verdict out.
The safety check runs before this (``bot.services.turn``), never after.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.content.non_answers import NonAnswerKind, NonAnswers, fold, load_non_answers


@dataclass(frozen=True)
class NonAnswer:
    """Why a message is not an answer and what to do instead."""

    kind: str  # a kind or shape named in non_answers.yml
    does: str  # nudge | pause
    reply: str | None  # the domain response of a nudge


def _verdict(kind: NonAnswerKind) -> NonAnswer:
    return NonAnswer(kind=kind.name, does=kind.does, reply=kind.reply)


def _cover(words: Sequence[str], kinds: Sequence[NonAnswerKind]) -> set[int] | None:
    """Indexes of the kinds whose phrases, laid end to end, make up exactly ``words``.

    Dynamic programming over positions so "ok thank you" is read whichever phrase
    lengths fit; None when some word belongs to no phrase (a real answer).
    """
    reach: dict[int, set[int]] = {0: set()}
    for start in range(len(words)):
        if start not in reach:
            continue
        for index, kind in enumerate(kinds):
            for phrase in kind.phrases:
                end = start + len(phrase)
                if tuple(words[start:end]) == phrase and end not in reach:
                    reach[end] = reach[start] | {index}
    return reach.get(len(words))


def classify(text: str, rules: NonAnswers | None = None) -> NonAnswer | None:
    """The non-answer this message is, or None when it should be treated as an answer."""
    rules = rules or load_non_answers()
    raw = text.strip()
    for shape in rules.shapes:
        if shape.pattern is not None and shape.pattern.search(raw):
            return _verdict(shape)
    words = fold(raw, rules.fillers)
    if not words:
        return _verdict(rules.kinds[-1])
    found = _cover(words, rules.kinds)
    if found is None:
        return None
    return _verdict(rules.kinds[min(found)])
