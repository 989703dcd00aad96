"""Explaining IWM concepts: short answers, "tell me more", and comparisons."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.content.knowledge import Concept, load_knowledge


@dataclass(frozen=True)
class Explanation:
    concept: Concept
    related: tuple[Concept, ...]


@dataclass(frozen=True)
class Position:
    """Where a style sits in the four-category table (self-image x image of others)."""

    self_view: str
    other_view: str


def pick_concept(entity_values: Iterable[str], text: str) -> str | None:
    """The concept asked about: a recognised entity first, else a lookup in the words."""
    knowledge = load_knowledge()
    for value in entity_values:
        if value in knowledge.concepts:
            return value
        resolved = knowledge.resolve_concept(value)
        if resolved:
            return resolved
    return knowledge.resolve_concept(text or "")


def pick_two(entity_values: Iterable[str], text: str) -> list[str]:
    """Two distinct concepts for "what's the difference between X and Y"."""
    knowledge = load_knowledge()
    found: list[str] = []
    for value in entity_values:
        concept = value if value in knowledge.concepts else knowledge.resolve_concept(value)
        if concept and concept not in found:
            found.append(concept)
    for concept in knowledge.resolve_concepts(text or ""):
        if concept not in found:
            found.append(concept)
    return found[:2]


def explain(concept_id: str) -> Explanation:
    knowledge = load_knowledge()
    concept = knowledge.concepts[concept_id]
    related = tuple(knowledge.concepts[r] for r in concept.related[:2] if r in knowledge.concepts)
    return Explanation(concept=concept, related=related)


def position_of(concept_id: str) -> Position | None:
    for (self_view, other_view), style in load_knowledge().four_category_table.items():
        if style == concept_id:
            return Position(self_view=self_view, other_view=other_view)
    return None


def all_topics() -> list[Concept]:
    return list(load_knowledge().concepts.values())
