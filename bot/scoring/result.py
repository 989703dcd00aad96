"""The frozen value types every scoring dimension returns.

Scores travel from the action server to the database and to a therapist's
screen, so they are plain immutable values that carry their own evidence:
anyone reading a score can see which words produced it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.ids import TAKEAWAY_IDS

ELEMENT_KEYS: tuple[str, ...] = (
    "experience",
    "feelings",
    "self_belief",
    "other_belief",
    "pattern",
    "perspective",
    "lesson",
    "future_intention",
)
VIEWS: tuple[str, ...] = ("positive", "negative", "mixed", "unclear")


def check_takeaway(takeaway: str) -> str:
    """Fail early on a typo'd module id instead of scoring against the wrong rubric."""
    if takeaway not in TAKEAWAY_IDS:
        known = ", ".join(TAKEAWAY_IDS)
        raise ValueError(f"unknown takeaway {takeaway!r}; expected one of {known}")
    return takeaway


@dataclass(frozen=True)
class Evidence:
    """A span of the answer that produced part of a score."""

    dimension: str
    label: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "dimension": self.dimension,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True)
class EmotionMention:
    """One emotion word as written, with its lexicon entry and its scope flags."""

    word: str
    canonical: str
    family: str
    intensity: int
    start: int
    end: int
    negated: bool = False
    hedged: bool = False
    generic: bool = False


@dataclass(frozen=True)
class ScoreResult:
    """Everything the rubric found in one answer; pure data, JSON-ready via to_dict()."""

    takeaway: str
    depth: int
    elements: Mapping[str, bool]
    emotions: tuple[EmotionMention, ...]
    granularity: int
    self_view: str
    other_view: str
    evidence: tuple[Evidence, ...]
    missing: tuple[str, ...]
    moves: tuple[str, ...] = ()
    past_link: bool = False
    dont_know: bool = False
    on_topic: bool = True

    @property
    def named_emotions(self) -> tuple[str, ...]:
        """Distinct canonical feelings the person named (negated mentions left out)."""
        seen: list[str] = []
        for mention in self.emotions:
            if not mention.negated and mention.canonical not in seen:
                seen.append(mention.canonical)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        return {
            "takeaway": self.takeaway,
            "depth": self.depth,
            "elements": dict(self.elements),
            "emotions": list(self.named_emotions),
            "emotion_mentions": [
                {
                    "word": m.word,
                    "canonical": m.canonical,
                    "family": m.family,
                    "intensity": m.intensity,
                    "start": m.start,
                    "end": m.end,
                    "negated": m.negated,
                    "hedged": m.hedged,
                    "generic": m.generic,
                }
                for m in self.emotions
            ],
            "granularity": self.granularity,
            "self_view": self.self_view,
            "other_view": self.other_view,
            "evidence": [e.to_dict() for e in self.evidence],
            "missing": list(self.missing),
            "moves": list(self.moves),
        }
