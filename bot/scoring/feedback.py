"""Turn a score into a reply that makes a person feel read, not graded.

The reply reflects back something the person actually wrote - a feeling word
or a short phrase, quoted verbatim - and, when the answer is shallow or lacks
the module's key element, asks exactly one follow-up for what is missing. It
never shows a number and never repeats the previous follow-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.scoring.depth import KEY_FOLLOWUP, PRIORITY
from bot.scoring.quotes import opening_quote, quote_around
from bot.scoring.result import EmotionMention, Evidence, ScoreResult, check_takeaway
from bot.scoring.templates import pick, section

PHRASE_ORDER = (
    "perspective",
    "assumption",
    "lesson",
    "pattern",
    "self_belief",
    "other_belief",
    "future_intention",
    "experience",
)


@dataclass(frozen=True)
class Feedback:
    """The acknowledgement, at most one follow-up, and the exact words quoted."""

    acknowledgement: str
    followup_key: str | None
    followup_text: str | None
    quote: str | None = None
    quote_kind: str | None = None  # feeling: one feeling word they named | phrase: a clause

    @property
    def text(self) -> str:
        """Acknowledgement and follow-up as one message."""
        if self.followup_text:
            return f"{self.acknowledgement} {self.followup_text}"
        return self.acknowledgement


def _best_feelings(result: ScoreResult) -> list[EmotionMention]:
    chosen: list[EmotionMention] = []
    seen: set[str] = set()
    named = [m for m in result.emotions if not m.negated and not m.generic]
    for mention in sorted(named, key=lambda m: (-m.intensity, m.start)):
        if mention.canonical not in seen:
            seen.add(mention.canonical)
            chosen.append(mention)
    return sorted(chosen[:2], key=lambda m: m.start)


def _phrase(text: str, evidence: Evidence) -> str:
    """The clause around a piece of evidence, whole, or trimmed at phrase edges with "…"."""
    return quote_around(text, evidence.start, evidence.end) or evidence.text.strip()


def _head(text: str) -> str:
    """The opening clause of the answer, verbatim and cleanly cut."""
    return opening_quote(text)


def _acknowledge(text: str, result: ScoreResult) -> tuple[str, str | None, str | None]:
    seed = text
    ack = section("acknowledgement")
    if not text.strip():
        return pick(ack["empty"], seed), None, None
    if result.dont_know:
        quote = _head(text)
        return pick(ack["dont_know"], seed).format(quote=quote), quote, "phrase"
    if not result.on_topic:
        quote = _head(text)
        return pick(ack["off_topic"], seed).format(quote=quote), quote, "phrase"
    feelings = _best_feelings(result)
    if len(feelings) >= 2:
        first, second = feelings[0].word, feelings[1].word
        line = pick(ack["feelings_two"], seed).format(first=first, second=second)
        return line, first, "feeling"
    if feelings:
        word = feelings[0].word
        return pick(ack["feeling"], seed).format(quote=word), word, "feeling"
    for dimension in PHRASE_ORDER:
        found = [e for e in result.evidence if e.dimension == dimension]
        if found:
            quote = _phrase(text, found[0])
            return pick(ack["phrase"][dimension], seed).format(quote=quote), quote, "phrase"
    generic = [m for m in result.emotions if not m.negated]
    if generic:
        word = generic[0].word
        return pick(ack["generic_feeling"], seed).format(quote=word), word, "feeling"
    quote = _head(text)
    return pick(ack["fallback"], seed).format(quote=quote), quote, "phrase"


def choose_followup(
    result: ScoreResult, takeaway: str, available: Mapping[str, str], previous: str | None
) -> str | None:
    """At most one follow-up key: for shallow answers, or a deep-ish one missing its key."""
    if result.depth >= 3:
        return None
    usable = [k for k in result.missing if k in available and k != previous]
    if result.depth == 2:
        key = KEY_FOLLOWUP[takeaway]
        if key not in result.missing:
            return None
        return key if key in usable else None
    if usable:
        return usable[0]
    fallback = [k for k in PRIORITY[takeaway] if k in available and k != previous]
    return fallback[0] if fallback else None


def compose_feedback(
    text: str,
    result: ScoreResult,
    takeaway: str,
    followups: Mapping[str, str],
    previous_followup: str | None = None,
) -> Feedback:
    """Warm acknowledgement quoting the person, plus one follow-up when it would help."""
    check_takeaway(takeaway)
    text = text if isinstance(text, str) else ""
    acknowledgement, quote, quote_kind = _acknowledge(text, result)
    if result.depth == 3:
        tail = pick(section("acknowledgement", "depth_tail", 3), text)
        acknowledgement = f"{acknowledgement} {tail}"
    key = choose_followup(result, takeaway, followups, previous_followup)
    return Feedback(
        acknowledgement=acknowledgement,
        followup_key=key,
        followup_text=followups[key] if key else None,
        quote=quote,
        quote_kind=quote_kind,
    )
