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


def classify(
    text: str, rules: NonAnswers | None = None, *, followup: bool = False
) -> NonAnswer | None:
    """The non-answer this message is, or None when it should be treated as an answer.

    ``followup``: a follow-up question is open. Then a short reply that answers
    none of it ("idk", "yes", "a 3") is unclear too, and the plain nudges re-ask
    the follow-up instead, so nothing so short is ever scored or quoted back.
    """
    rules = rules or load_non_answers()
    found = _classify(text, rules)
    extra = rules.followup
    if not followup or extra is None:
        return found
    if fold(text.strip(), rules.fillers) in extra.phrases:
        return _verdict(extra)  # "not sure" whole is unsure, not "not (now)" + "sure"
    if found is not None:
        if found.kind in rules.followup_also:
            return NonAnswer(kind=found.kind, does="nudge", reply=extra.reply)
        return found
    raw = text.strip()
    words = fold(raw, rules.fillers)
    if (extra.pattern is not None and extra.pattern.search(raw)) or (
        words and _cover(words, (extra, *rules.kinds)) is not None
    ):
        return _verdict(extra)
    return None


def _classify(text: str, rules: NonAnswers) -> NonAnswer | None:
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
