"""Concept knowledge base, knowledge-check quiz and self-assessment, as validated data.

The three files (``concepts.yml``, ``quiz.yml``, ``self_assessment.yml``) are read
once per process. Any missing or malformed field raises ``ContentError`` naming
the file and the field, so a writer's typo stops start-up instead of producing an
odd reply halfway through a conversation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

from bot.content import CONTENT_DIR, ContentError, read_yaml, require_text

# fmt: off
CONCEPT_IDS: tuple[str, ...] = (
    "internal_working_model", "self_model", "other_model", "four_category_model", "secure",
    "preoccupied", "fearful_avoidant", "dismissing_avoidant", "disorganised", "formation",
    "attunement", "secure_base", "romantic_relationships", "parenting",
    "intergenerational_transmission", "adult_attachment_interview", "strange_situation",
    "plasticity", "myths", "therapy",
)
# fmt: on
SEED_IDS: tuple[str, ...] = ("000_3ace45713d0872c6", "001_eefcbce728a7e883")
VIEWS: tuple[str, ...] = ("positive", "negative")
STYLE_IDS: tuple[str, ...] = ("secure", "preoccupied", "fearful_avoidant", "dismissing_avoidant")
UMBRELLA = "internal_working_model"  # named in most questions; a more specific concept wins
TYPO_CUTOFF = 0.88  # difflib similarity for correcting a long word to an alias word
SHORT_SENTENCES = (2, 4)
MORE_SENTENCES = (4, 8)
QuizKind = Literal["true_false", "choice"]
Axis = Literal["self", "other"]


@dataclass(frozen=True)
class Concept:
    id: str
    title: str
    short: str
    more: str
    example: str
    related: tuple[str, ...]
    source: tuple[str, ...]
    aliases: tuple[str, ...]


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


@dataclass(frozen=True)
class QuizTexts:
    """Words and sentences around the questions: yes/no vocabulary, feedback, results."""

    words: Mapping[str, tuple[str, ...]]
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


def count_sentences(text: str) -> int:
    """Count sentences by terminal punctuation; the content avoids abbreviations."""
    return len([part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part])


def normalise(text: str) -> str:
    """Fold case, hyphens, apostrophes, -ize/-ise spelling and plural -s for matching."""
    folded = text.lower().replace("’", "'").replace("'", "").replace("z", "s")
    tokens = re.findall(r"[a-z0-9]+", folded)
    return " ".join(
        t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t for t in tokens
    )


@dataclass(frozen=True)
class Knowledge:
    concepts: Mapping[str, Concept]
    four_category_table: Mapping[tuple[str, str], str]
    style_closeness: Mapping[str, str]
    quiz: tuple[QuizQuestion, ...]
    quiz_texts: QuizTexts
    self_assessment: SelfAssessment
    alias_index: Mapping[tuple[str, ...], str]

    @cached_property
    def _alias_words(self) -> list[str]:
        return sorted({word for alias in self.alias_index for word in alias})

    def _tokens(self, text: str) -> list[str]:
        """Normalised words, with long misspelt words ("preocupied") set to the alias word."""
        words = self._alias_words
        return [
            next(iter(get_close_matches(t, words, n=1, cutoff=TYPO_CUTOFF)), t)
            if len(t) >= 6 and t not in words
            else t
            for t in normalise(text).split()
        ]

    def _matches(self, text: str, *, overlapping: bool) -> list[tuple[int, int, str]]:
        """(start token, length in characters, concept id) of the longest alias at a start.

        Without ``overlapping`` the scan skips past each match, so "secure base" is one
        mention rather than "secure base" plus "secure".
        """
        tokens = self._tokens(text)
        longest = max((len(alias) for alias in self.alias_index), default=0)
        found: list[tuple[int, int, str]] = []
        start = 0
        while start < len(tokens):
            step = 1
            for size in range(min(longest, len(tokens) - start), 0, -1):
                key = tuple(tokens[start : start + size])
                if key in self.alias_index:
                    found.append((start, len(" ".join(key)), self.alias_index[key]))
                    step = 1 if overlapping else size
                    break
            start += step
        return found

    def resolve_concept(self, text: str) -> str | None:
        """The concept named in free text: the longest alias wins, then the earliest.

        "Working model" appears in most questions, so it only wins when nothing more
        specific is named ("how do working models form" is about formation).
        """
        matches = self._matches(text, overlapping=True)
        specific = [m for m in matches if m[2] != UMBRELLA] or matches
        if not specific:
            return None
        return max(specific, key=lambda m: (m[1], -m[0]))[2]

    def resolve_concepts(self, text: str) -> list[str]:
        """Every distinct concept mentioned, in order, for "difference between X and Y"."""
        ordered: list[str] = []
        for _, _, concept_id in self._matches(text, overlapping=False):
            if concept_id not in ordered:
                ordered.append(concept_id)
        return ordered


def _mapping(value: Any, where: str) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise ContentError(f"{where}: expected a mapping")
    return value


def _texts(value: Any, where: str, minimum: int = 1) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) < minimum:
        raise ContentError(f"{where}: expected a list of at least {minimum} text(s)")
    return tuple(require_text(item, f"{where}[{i}]") for i, item in enumerate(value))


def _one_of(value: Any, allowed: tuple[str, ...], where: str) -> str:
    if value not in allowed:
        raise ContentError(f"{where}: expected one of {', '.join(allowed)}, got {value!r}")
    return str(value)


def _sentences(value: Any, bounds: tuple[int, int], where: str) -> str:
    text = require_text(value, where)
    count = count_sentences(text)
    if not bounds[0] <= count <= bounds[1]:
        raise ContentError(f"{where}: expected {bounds[0]}-{bounds[1]} sentences, got {count}")
    return text


def _parse_concept(concept_id: str, raw: Any, where: str) -> Concept:
    raw = _mapping(raw, where)
    related = _texts(raw.get("related"), f"{where}.related")
    for index, other in enumerate(related):
        _one_of(
            other, tuple(c for c in CONCEPT_IDS if c != concept_id), f"{where}.related[{index}]"
        )
    source = _texts(raw.get("source"), f"{where}.source")
    for index, seed in enumerate(source):
        _one_of(seed, SEED_IDS, f"{where}.source[{index}]")
    return Concept(
        id=concept_id,
        title=require_text(raw.get("title"), f"{where}.title"),
        short=_sentences(raw.get("short"), SHORT_SENTENCES, f"{where}.short"),
        more=_sentences(raw.get("more"), MORE_SENTENCES, f"{where}.more"),
        example=require_text(raw.get("example"), f"{where}.example"),
        related=related,
        source=source,
        aliases=_texts(raw.get("aliases"), f"{where}.aliases"),
    )


def parse_concepts(
    raw: Any, source: str = "concepts.yml"
) -> tuple[dict[str, Concept], dict[tuple[str, str], str], dict[str, str]]:
    """Validate concepts and the four-category table; errors name ``source`` and field."""
    raw = _mapping(raw, source)
    entries = _mapping(raw.get("concepts"), f"{source}: concepts")
    missing = [cid for cid in CONCEPT_IDS if cid not in entries]
    unknown = sorted(set(entries) - set(CONCEPT_IDS))
    if missing or unknown:
        raise ContentError(f"{source}: concepts: missing {missing or 'none'}, unknown {unknown}")
    concepts = {
        cid: _parse_concept(cid, entries[cid], f"{source}: concepts.{cid}") for cid in CONCEPT_IDS
    }
    rows = raw.get("four_category_table")
    if not isinstance(rows, list) or len(rows) != 4:
        raise ContentError(f"{source}: four_category_table: expected exactly 4 rows")
    table: dict[tuple[str, str], str] = {}
    closeness: dict[str, str] = {}
    for index, row in enumerate(rows):
        where = f"{source}: four_category_table[{index}]"
        row = _mapping(row, where)
        style = _one_of(row.get("style"), STYLE_IDS, f"{where}.style")
        key = (
            _one_of(row.get("self"), VIEWS, f"{where}.self"),
            _one_of(row.get("others"), VIEWS, f"{where}.others"),
        )
        if key in table or style in closeness:
            raise ContentError(f"{where}: duplicate cell {key} or style {style}")
        table[key] = style
        closeness[style] = require_text(row.get("closeness"), f"{where}.closeness")
    return concepts, table, closeness


def build_alias_index(concepts: Mapping[str, Concept], source: str) -> dict[tuple[str, ...], str]:
    """Map each normalised alias, id and title to its concept; one phrase, one concept."""
    index: dict[tuple[str, ...], str] = {}
    for concept in concepts.values():
        phrases = (concept.id.replace("_", " "), concept.title, *concept.aliases)
        for phrase in phrases:
            key = tuple(normalise(phrase).split())
            where = f"{source}: concepts.{concept.id}.aliases"
            if not key:
                raise ContentError(f"{where}: {phrase!r} has no letters or digits")
            owner = index.setdefault(key, concept.id)
            if owner != concept.id:
                raise ContentError(f"{where}: {phrase!r} already names {owner}")
    return index


def _parse_question(raw: Any, where: str) -> QuizQuestion:
    raw = _mapping(raw, where)
    kind: QuizKind = (
        "choice"
        if _one_of(raw.get("kind"), ("true_false", "choice"), f"{where}.kind") == "choice"
        else "true_false"
    )
    options: tuple[str, ...] = ()
    if kind == "choice":
        options = _texts(raw.get("options"), f"{where}.options", minimum=2)
        keys = tuple("abcdefgh"[: len(options)])
        answer = _one_of(raw.get("answer"), keys, f"{where}.answer")
    else:
        if not isinstance(raw.get("answer"), bool):
            raise ContentError(f"{where}.answer: expected true or false")
        answer, keys = ("true" if raw["answer"] else "false"), ("true", "false")
    phrases_raw = _mapping(raw.get("answer_phrases", {}), f"{where}.answer_phrases")
    phrases = {
        _one_of(str(key).lower(), keys, f"{where}.answer_phrases"): _texts(
            value, f"{where}.answer_phrases.{key}"
        )
        for key, value in phrases_raw.items()
    }
    return QuizQuestion(
        id=require_text(raw.get("id"), f"{where}.id"),
        question=require_text(raw.get("question"), f"{where}.question"),
        kind=kind,
        options=options,
        answer=answer,
        explanation=require_text(raw.get("explanation"), f"{where}.explanation"),
        concept=_one_of(raw.get("concept"), CONCEPT_IDS, f"{where}.concept"),
        answer_phrases=phrases,
    )


def _bands(value: Any, key: str, where: str) -> tuple[tuple[float, str], ...]:
    """Threshold bands, highest first; a value falls into the first band it reaches."""
    if not isinstance(value, list) or not value:
        raise ContentError(f"{where}: expected a non-empty list")
    bands = []
    for i, row in enumerate(value):
        row = _mapping(row, f"{where}[{i}]")
        if not isinstance(row.get(key), (int, float)):
            raise ContentError(f"{where}[{i}].{key}: expected a number")
        bands.append((float(row[key]), require_text(row.get("text"), f"{where}[{i}].text")))
    return tuple(sorted(bands, key=lambda band: -band[0]))


def parse_quiz(raw: Any, source: str = "quiz.yml") -> tuple[tuple[QuizQuestion, ...], QuizTexts]:
    """Validate the quiz file; errors name ``source`` and the field."""
    raw = _mapping(raw, source)
    rows = raw.get("questions")
    if not isinstance(rows, list) or len(rows) < 10:
        raise ContentError(f"{source}: questions: expected at least 10 questions")
    questions = tuple(_parse_question(q, f"{source}: questions[{i}]") for i, q in enumerate(rows))
    if len({q.id for q in questions}) != len(questions):
        raise ContentError(f"{source}: questions: ids must be unique")
    # YAML reads a bare `true:` key as a boolean; accept it as the word "true".
    words = {str(k).lower(): v for k, v in _mapping(raw.get("words"), f"{source}: words").items()}
    feedback = _mapping(raw.get("feedback"), f"{source}: feedback")
    feedback_keys = ("correct", "incorrect", "unclear_true_false", "unclear_choice", "progress")
    texts = QuizTexts(
        words={k: _texts(words.get(k), f"{source}: words.{k}") for k in ("true", "false")},
        feedback={
            k: require_text(feedback.get(k), f"{source}: feedback.{k}") for k in feedback_keys
        },
        results=_bands(raw.get("results"), "min_fraction", f"{source}: results"),
    )
    return questions, texts


def _parse_scale(raw: Any, where: str) -> LikertScale:
    raw = _mapping(raw, where)
    low, high = raw.get("min"), raw.get("max")
    if not isinstance(low, int) or not isinstance(high, int) or low >= high:
        raise ContentError(f"{where}.min/max: expected integers with min < max")
    labels_raw = _mapping(raw.get("labels"), f"{where}.labels")
    labels = {
        v: require_text(labels_raw.get(v), f"{where}.labels.{v}") for v in range(low, high + 1)
    }
    words: dict[str, int] = {}
    for value, phrases in _mapping(raw.get("words"), f"{where}.words").items():
        if not isinstance(value, int) or not low <= value <= high:
            raise ContentError(f"{where}.words.{value}: expected a value on the scale")
        words.update({normalise(p): value for p in _texts(phrases, f"{where}.words.{value}")})
    words.update({normalise(label): v for v, label in labels.items()})
    return LikertScale(minimum=low, maximum=high, labels=labels, words=words)


def parse_self_assessment(raw: Any, source: str = "self_assessment.yml") -> SelfAssessment:
    """Validate the self-assessment file; errors name ``source`` and the field."""
    raw = _mapping(raw, source)
    rows = raw.get("items")
    if not isinstance(rows, list):
        raise ContentError(f"{source}: items: expected a list")
    items = []
    for i, row in enumerate(rows):
        where = f"{source}: items[{i}]"
        row = _mapping(row, where)
        if not isinstance(row.get("reverse"), bool):
            raise ContentError(f"{where}.reverse: expected true or false")
        axis: Axis = (
            "self"
            if _one_of(row.get("axis"), ("self", "other"), f"{where}.axis") == "self"
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
    results = _mapping(raw.get("results"), f"{source}: results")
    position = _mapping(raw.get("position"), f"{source}: position")
    comparison = _mapping(raw.get("comparison"), f"{source}: comparison")
    comparison_keys = [
        f"{axis}_{way}" for axis in ("self", "other") for way in ("up", "down", "same")
    ]
    comparison_keys += ["style_changed", "style_same"]
    return SelfAssessment(
        items=tuple(items),
        scale=_parse_scale(raw.get("scale"), f"{source}: scale"),
        caveats=_texts(raw.get("caveats"), f"{source}: caveats", minimum=3),
        results={s: require_text(results.get(s), f"{source}: results.{s}") for s in STYLE_IDS},
        position_template=require_text(position.get("template"), f"{source}: position.template"),
        position_bands=_bands(position.get("bands"), "min", f"{source}: position.bands"),
        comparison={
            k: require_text(comparison.get(k), f"{source}: comparison.{k}") for k in comparison_keys
        },
    )


def read_knowledge(content_dir: Path) -> Knowledge:
    """Read and validate all three files from ``content_dir`` (uncached, for tests)."""
    concepts, table, closeness = parse_concepts(read_yaml(content_dir / "concepts.yml"))
    questions, quiz_texts = parse_quiz(read_yaml(content_dir / "quiz.yml"))
    assessment = parse_self_assessment(read_yaml(content_dir / "self_assessment.yml"))
    return Knowledge(
        concepts=concepts,
        four_category_table=table,
        style_closeness=closeness,
        quiz=questions,
        quiz_texts=quiz_texts,
        self_assessment=assessment,
        alias_index=build_alias_index(concepts, "concepts.yml"),
    )


@lru_cache(maxsize=4)
def load_knowledge(content_dir: Path = CONTENT_DIR) -> Knowledge:
    """Load the concept base, quiz and self-assessment once per process."""
    return read_knowledge(content_dir)
