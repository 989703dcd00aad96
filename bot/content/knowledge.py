"""Concept knowledge base, knowledge-check quiz and self-assessment, read together.

The three files (``concepts.yml``, ``quiz.yml``, ``self_assessment.yml``) are read
once per process. Any missing or malformed field raises ``ContentError`` naming
the file and the field, so a writer's typo stops start-up instead of producing an
odd reply halfway through a conversation. Parsing lives in ``concepts`` and
``assessment``; matching words to concepts in ``resolver``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.content.assessment import (
    QUIZ_SOURCE,
    SELF_ASSESSMENT_SOURCE,
    QuizQuestion,
    QuizTexts,
    SelfAssessment,
    SelfAssessmentItem,
    parse_quiz,
    parse_self_assessment,
)
from bot.content.concepts import SOURCE as CONCEPTS_SOURCE
from bot.content.concepts import Concept, parse_concepts
from bot.content.loader import read_content
from bot.content.resolver import ConceptResolver, build_resolver

__all__ = [
    "Concept",
    "Knowledge",
    "QuizQuestion",
    "QuizTexts",
    "SelfAssessment",
    "SelfAssessmentItem",
    "load_knowledge",
    "read_knowledge",
]


@dataclass(frozen=True)
class Knowledge:
    concepts: Mapping[str, Concept]
    four_category_table: Mapping[tuple[str, str], str]
    style_closeness: Mapping[str, str]
    quiz: tuple[QuizQuestion, ...]
    quiz_texts: QuizTexts
    self_assessment: SelfAssessment
    resolver: ConceptResolver
    concept_buttons: Mapping[str, str]
    starter_topics: tuple[str, ...]


def read_knowledge(directory: Path | None = None) -> Knowledge:
    """Read and validate all three files from ``directory`` (uncached, for tests)."""
    base = parse_concepts(read_content(CONCEPTS_SOURCE, directory))
    questions, quiz_texts = parse_quiz(read_content(QUIZ_SOURCE, directory))
    assessment = parse_self_assessment(read_content(SELF_ASSESSMENT_SOURCE, directory))
    phrases = {c.id: c.names for c in base.concepts.values()}
    return Knowledge(
        concepts=base.concepts,
        four_category_table=base.four_category_table,
        style_closeness=base.style_closeness,
        quiz=questions,
        quiz_texts=quiz_texts,
        self_assessment=assessment,
        resolver=build_resolver(phrases, f"{CONCEPTS_SOURCE}: concepts"),
        concept_buttons=base.buttons,
        starter_topics=base.starter_topics,
    )


@lru_cache(maxsize=4)
def load_knowledge(directory: Path | None = None) -> Knowledge:
    """Load the concept base, quiz and self-assessment once per process."""
    return read_knowledge(directory)
