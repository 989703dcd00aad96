"""The knowledge check (``quiz.yml``) and the self-assessment (``self_assessment.yml``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.content.concepts import CONCEPT_IDS, STYLE_IDS
from bot.content.loader import ContentError, bands, mapping, one_of, require_text, texts
from bot.content.resolver import normalise

QUIZ_SOURCE = "quiz.yml"
SELF_ASSESSMENT_SOURCE = "self_assessment.yml"
QuizKind = Literal["true_false", "choice"]
Axis = Literal["self", "other"]


@dataclass(frozen=True)
class QuizQuestion:
    """One question; ``answer`` is "true"/"false" or an option letter ("a", "b", ...)."""

    id: str
    question: str
    kind: QuizKind
    options: tuple[str, ...]
    answer: str
    explanation: str
    concept: str
    answer_phrases: Mapping[str, tuple[str, ...]]
    # What picking a wrong option means, by letter: said after "the answer is ...".
    option_notes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class QuizTexts:
    """Words and sentences around the questions: yes/no vocabulary, feedback, results."""

    words: Mapping[str, tuple[str, ...]]
    buttons: Mapping[str, str]  # true/false button labels
    feedback: Mapping[str, str]
    results: tuple[tuple[float, str], ...]


@dataclass(frozen=True)
class SelfAssessmentItem:
    id: str
    text: str
    axis: Axis
    reverse: bool


@dataclass(frozen=True)
class LikertScale:
    minimum: int
    maximum: int
    labels: Mapping[int, str]
    words: Mapping[str, int]


@dataclass(frozen=True)
class SelfAssessment:
    items: tuple[SelfAssessmentItem, ...]
    scale: LikertScale
    caveats: tuple[str, ...]
    results: Mapping[str, str]
    position_template: str
    position_bands: tuple[tuple[float, str], ...]
    comparison: Mapping[str, str]


def _parse_question(raw: Any, where: str) -> QuizQuestion:
    raw = mapping(raw, where)
    kind: QuizKind = (
        "choice"
        if one_of(raw.get("kind"), ("true_false", "choice"), f"{where}.kind") == "choice"
        else "true_false"
    )
    options: tuple[str, ...] = ()
    if kind == "choice":
        options = texts(raw.get("options"), f"{where}.options", minimum=2)
        keys = tuple("abcdefgh"[: len(options)])
        answer = one_of(raw.get("answer"), keys, f"{where}.answer")
    else:
        if not isinstance(raw.get("answer"), bool):
            raise ContentError(f"{where}.answer: expected true or false")
        answer, keys = ("true" if raw["answer"] else "false"), ("true", "false")
    phrases_raw = mapping(raw.get("answer_phrases", {}), f"{where}.answer_phrases")
    phrases = {
        one_of(str(key).lower(), keys, f"{where}.answer_phrases"): texts(
            value, f"{where}.answer_phrases.{key}"
        )
        for key, value in phrases_raw.items()
    }
    notes_raw = mapping(raw.get("option_notes", {}), f"{where}.option_notes")
    notes = {
        one_of(str(key).lower(), keys, f"{where}.option_notes"): require_text(
            value, f"{where}.option_notes.{key}"
        )
        for key, value in notes_raw.items()
    }
    return QuizQuestion(
        id=require_text(raw.get("id"), f"{where}.id"),
        question=require_text(raw.get("question"), f"{where}.question"),
        kind=kind,
        options=options,
        answer=answer,
        explanation=require_text(raw.get("explanation"), f"{where}.explanation"),
        concept=one_of(raw.get("concept"), CONCEPT_IDS, f"{where}.concept"),
        answer_phrases=phrases,
        option_notes=notes,
    )


def parse_quiz(
    raw: Any, source: str = QUIZ_SOURCE
) -> tuple[tuple[QuizQuestion, ...], QuizTexts]:
    """Validate the quiz file; errors name ``source`` and the field."""
    raw = mapping(raw, source)
    rows = raw.get("questions")
    if not isinstance(rows, list) or len(rows) < 10:
        raise ContentError(f"{source}: questions: expected at least 10 questions")
    questions = tuple(_parse_question(q, f"{source}: questions[{i}]") for i, q in enumerate(rows))
    if len({q.id for q in questions}) != len(questions):
        raise ContentError(f"{source}: questions: ids must be unique")
    # YAML reads a bare `true:` key as a boolean; accept it as the word "true".
    words = {str(k).lower(): v for k, v in mapping(raw.get("words"), f"{source}: words").items()}
    buttons = {
        str(k).lower(): v for k, v in mapping(raw.get("buttons"), f"{source}: buttons").items()
    }
    feedback = mapping(raw.get("feedback"), f"{source}: feedback")
    feedback_keys = (
        "correct", "incorrect", "the_answer", "chosen", "dont_know",
        "unclear_true_false", "unclear_choice", "progress",
    )  # fmt: skip
    quiz_texts = QuizTexts(
        words={
            k: texts(words.get(k), f"{source}: words.{k}") for k in ("true", "false", "dont_know")
        },
        buttons={
            k: require_text(buttons.get(k), f"{source}: buttons.{k}") for k in ("true", "false")
        },
        feedback={
            k: require_text(feedback.get(k), f"{source}: feedback.{k}") for k in feedback_keys
        },
        results=bands(raw.get("results"), "min_fraction", f"{source}: results"),
    )
    return questions, quiz_texts


def _parse_scale(raw: Any, where: str) -> LikertScale:
    raw = mapping(raw, where)
    low, high = raw.get("min"), raw.get("max")
    if not isinstance(low, int) or not isinstance(high, int) or low >= high:
        raise ContentError(f"{where}.min/max: expected integers with min < max")
    labels_raw = mapping(raw.get("labels"), f"{where}.labels")
    labels = {
        v: require_text(labels_raw.get(v), f"{where}.labels.{v}") for v in range(low, high + 1)
    }
    words: dict[str, int] = {}
    for value, phrases in mapping(raw.get("words"), f"{where}.words").items():
        if not isinstance(value, int) or not low <= value <= high:
            raise ContentError(f"{where}.words.{value}: expected a value on the scale")
        words.update({normalise(p): value for p in texts(phrases, f"{where}.words.{value}")})
    words.update({normalise(label): v for v, label in labels.items()})
    return LikertScale(minimum=low, maximum=high, labels=labels, words=words)


def parse_self_assessment(raw: Any, source: str = SELF_ASSESSMENT_SOURCE) -> SelfAssessment:
    """Validate the self-assessment file; errors name ``source`` and the field."""
    raw = mapping(raw, source)
    rows = raw.get("items")
    if not isinstance(rows, list):
        raise ContentError(f"{source}: items: expected a list")
    items = []
    for i, row in enumerate(rows):
        where = f"{source}: items[{i}]"
        row = mapping(row, where)
        if not isinstance(row.get("reverse"), bool):
            raise ContentError(f"{where}.reverse: expected true or false")
        axis: Axis = (
            "self"
            if one_of(row.get("axis"), ("self", "other"), f"{where}.axis") == "self"
            else "other"
        )
        items.append(
            SelfAssessmentItem(
                require_text(row.get("id"), f"{where}.id"),
                require_text(row.get("text"), f"{where}.text"),
                axis,
                row["reverse"],
            )
        )
    for axis_name in ("self", "other"):
        keyed = [item for item in items if item.axis == axis_name]
        if len(keyed) < 5 or all(item.reverse for item in keyed):
            raise ContentError(f"{source}: items: need 5+ '{axis_name}' items, not all reversed")
    if len({item.id for item in items}) != len(items):
        raise ContentError(f"{source}: items: ids must be unique")
    results = mapping(raw.get("results"), f"{source}: results")
    position = mapping(raw.get("position"), f"{source}: position")
    comparison = mapping(raw.get("comparison"), f"{source}: comparison")
    comparison_keys = [
        f"{axis}_{way}" for axis in ("self", "other") for way in ("up", "down", "same")
    ]
    comparison_keys += ["style_changed", "style_same"]
    return SelfAssessment(
        items=tuple(items),
        scale=_parse_scale(raw.get("scale"), f"{source}: scale"),
        caveats=texts(raw.get("caveats"), f"{source}: caveats", minimum=3),
        results={s: require_text(results.get(s), f"{source}: results.{s}") for s in STYLE_IDS},
        position_template=require_text(position.get("template"), f"{source}: position.template"),
        position_bands=bands(position.get("bands"), "min", f"{source}: position.bands"),
        comparison={
            k: require_text(comparison.get(k), f"{source}: comparison.{k}") for k in comparison_keys
        },
    )
