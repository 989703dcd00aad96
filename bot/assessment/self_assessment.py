"""Score the self-assessment and place it on the two axes of the four-category model.

Scores run from -1 (most negative view) to +1 (most positive view) on each axis:
the mean of the 1-7 answers, reverse-keyed items flipped (x -> 8 - x), mapped
linearly so that 1 -> -1, 4 -> 0 and 7 -> +1. The nearest style is the cell of the
four-category table (seed 000) whose corner is closest, which is the same as taking
the sign of each score; a score of exactly 0 counts as positive and is flagged
``near_boundary``. This is a reflection aid, never a diagnosis.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from bot.content.knowledge import SelfAssessment, load_knowledge
from bot.content.resolver import normalise

BOUNDARY = 0.2  # |score| below this on either axis: the nearest style is a close call
SAME_THRESHOLD = 0.15  # a change smaller than this on an axis reads as "about the same"
NUMBER_WORDS: Mapping[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
}
Direction = Literal["up", "down", "same"]


@dataclass(frozen=True)
class SelfAssessmentResult:
    self_score: float
    other_score: float
    self_view: str
    other_view: str
    nearest_style: str
    self_label: str
    other_label: str
    position: str
    near_boundary: bool
    text: str


class ScoredResult(Protocol):
    """Anything with the two scores and a style, such as a result read back from storage."""

    @property
    def self_score(self) -> float: ...

    @property
    def other_score(self) -> float: ...

    @property
    def nearest_style(self) -> str: ...


@dataclass(frozen=True)
class ResultComparison:
    self_change: float
    other_change: float
    self_direction: Direction
    other_direction: Direction
    old_style: str
    new_style: str
    style_changed: bool


def _validate(answers: Mapping[str, int], assessment: SelfAssessment) -> None:
    expected = {item.id for item in assessment.items}
    missing = sorted(expected - set(answers))
    unknown = sorted(set(answers) - expected)
    if missing or unknown:
        raise ValueError(f"self-assessment answers: missing {missing}, unknown {unknown}")
    low, high = assessment.scale.minimum, assessment.scale.maximum
    for item_id, value in answers.items():
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(
                f"self-assessment answer {item_id}: expected {low}-{high}, got {value!r}"
            )


def _label(score: float, assessment: SelfAssessment) -> str:
    for minimum, text in assessment.position_bands:
        if score >= minimum:
            return text
    return assessment.position_bands[-1][1]


def score_self_assessment(answers: Mapping[str, int]) -> SelfAssessmentResult:
    """Turn 1-7 answers into two axis scores, a nearest style and its position text.

    Raises ValueError naming the item when an answer is missing, unknown or off the scale.
    """
    knowledge = load_knowledge()
    assessment = knowledge.self_assessment
    _validate(answers, assessment)
    low, high = assessment.scale.minimum, assessment.scale.maximum
    middle, half = (low + high) / 2, (high - low) / 2
    scores: dict[str, float] = {}
    for axis in ("self", "other"):
        keyed = [
            low + high - answers[item.id] if item.reverse else answers[item.id]
            for item in assessment.items
            if item.axis == axis
        ]
        scores[axis] = round((sum(keyed) / len(keyed) - middle) / half, 3)
    self_view = "positive" if scores["self"] >= 0 else "negative"
    other_view = "positive" if scores["other"] >= 0 else "negative"
    style = knowledge.four_category_table[(self_view, other_view)]
    self_label, other_label = (
        _label(scores["self"], assessment),
        _label(scores["other"], assessment),
    )
    return SelfAssessmentResult(
        self_score=scores["self"],
        other_score=scores["other"],
        self_view=self_view,
        other_view=other_view,
        nearest_style=style,
        self_label=self_label,
        other_label=other_label,
        position=assessment.position_template.format(
            self_label=self_label, other_label=other_label
        ),
        near_boundary=min(abs(scores["self"]), abs(scores["other"])) < BOUNDARY,
        text=assessment.results[style],
    )


def _longest_phrase_values(tokens: list[str], words: Mapping[str, int]) -> set[int]:
    index = {tuple(phrase.split()): value for phrase, value in words.items()}
    longest = max((len(key) for key in index), default=0)
    values: set[int] = set()
    start = 0
    while start < len(tokens):
        for size in range(min(longest, len(tokens) - start), 0, -1):
            key = tuple(tokens[start : start + size])
            if key in index:
                values.add(index[key])
                start += size - 1
                break
        start += 1
    return values


def parse_likert(text: str) -> int | None:
    """Read a 1-7 answer from "6", "six", "strongly agree" or "disagree a bit".

    Returns None when nothing fits, a number is off the scale, or the words point
    to different values, so the bot can ask again rather than guess.
    """
    scale = load_knowledge().self_assessment.scale
    lowered = re.sub(r"\s*(?:/|out of)\s*\d+", "", text.lower())
    numbers = {int(n) for n in re.findall(r"\d+", lowered)}
    numbers |= {NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", lowered) if w in NUMBER_WORDS}
    if numbers:
        value = numbers.pop()
        in_range = scale.minimum <= value <= scale.maximum
        return value if not numbers and in_range else None
    values = _longest_phrase_values(normalise(lowered).split(), scale.words)
    return values.pop() if len(values) == 1 else None


def _direction(change: float, threshold: float) -> Direction:
    if abs(change) < threshold:
        return "same"
    return "up" if change > 0 else "down"


def compare_results(
    old: ScoredResult, new: ScoredResult, *, threshold: float = SAME_THRESHOLD
) -> ResultComparison:
    """How a newer result differs from an older one, for "how have I changed?"."""
    self_change = round(new.self_score - old.self_score, 3)
    other_change = round(new.other_score - old.other_score, 3)
    return ResultComparison(
        self_change=self_change,
        other_change=other_change,
        self_direction=_direction(self_change, threshold),
        other_direction=_direction(other_change, threshold),
        old_style=old.nearest_style,
        new_style=new.nearest_style,
        style_changed=old.nearest_style != new.nearest_style,
    )


def comparison_text(comparison: ResultComparison) -> str:
    """The comparison in the sentences of ``self_assessment.yml``."""
    knowledge = load_knowledge()
    sentences = knowledge.self_assessment.comparison
    names = {
        "old_style": knowledge.concepts[comparison.old_style].title,
        "new_style": knowledge.concepts[comparison.new_style].title,
    }
    style_key = "style_changed" if comparison.style_changed else "style_same"
    parts = (
        sentences[f"self_{comparison.self_direction}"],
        sentences[f"other_{comparison.other_direction}"],
        sentences[style_key].format(**names),
    )
    return " ".join(parts)
