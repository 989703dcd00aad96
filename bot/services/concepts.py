"""Explaining IWM concepts: short answers, "tell me more", and comparisons."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.content.knowledge import Concept, load_knowledge


@dataclass(frozen=True)
class Explanation:
    concept: Concept
    related: tuple[Concept, ...]
    more_label: str  # the "tell me more" button, from concepts.yml


@dataclass(frozen=True)
class TablePosition:
    """Where a style sits in the four-category table (self-image x image of others)."""

    self_view: str
    other_view: str


# What a question asks about, when its words name only the umbrella idea
# ("how does a working model *form*", "can my attachment style *change*").
# Checked in order, before the alias lookup; the first match wins.
QUESTION_CUES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), concept)
    for pattern, concept in (
        (r"\b(therap\w*|counsell?\w*|counsel\w*|coach\w*)\b", "therapy"),
        (r"\b(fixed|for life|destiny|set in stone|myths?|misconceptions?)\b", "myths"),
        (r"\b(chang\w*|become secure|rewire|shift\w*|grow out of)\b", "plasticity"),
        (r"\b(pass(ed|es)? (down|on)|pass(es)? (their|it|them)|hand(ed)? down|generations?)\b",
         "intergenerational_transmission"),
        (r"\b(measur\w*|test\w*|assess\w*|stud(y|ied))\b.*\b(bab(y|ies)|infants?|toddlers?|"
         r"children|kids)\b|\b(bab(y|ies)|infants?|toddlers?)\b.*\b(measur\w*|test\w*)\b",
         "strange_situation"),
        (r"\b(form(s|ed)?|develop(s|ed)?|come from|build|built|originat\w*)\b", "formation"),
        (r"\bself[- ]model\b|\bmodel of (the )?self\b|\bview of (my)?self\b", "self_model"),
        # a named style beats the generic "attachment style"
        (r"\bfearful\w*|\banxious[- ]avoidant\b", "fearful_avoidant"),
        (r"\bdismiss\w*|\bavoidant\b", "dismissing_avoidant"),
        (r"\bdisorgani[sz]\w*|\bchaotic attachment\b", "disorganised"),
        (r"\bpreoccupied\b|\banxious(ly)? attach\w*|\banxious style\b", "preoccupied"),
        (r"\bsecure(ly)? attach\w*|\bsecure (style|type)\b", "secure"),
        (r"\bmental map\b", "internal_working_model"),
    )
)


def pick_concept(entity_values: Iterable[str], text: str) -> str | None:
    """The concept asked about: question cues, then the alias lookup, then NLU's entity.

    The lookup and cues read the whole question, so "how does a working model form"
    is about formation even when NLU tagged only "working model".
    """
    knowledge = load_knowledge()
    text = text or ""
    for pattern, concept in QUESTION_CUES:
        if pattern.search(text):
            return concept
    resolved = knowledge.resolver.resolve_concept(text)
    if resolved:
        return resolved
    for value in entity_values:
        if value in knowledge.concepts:
            return value
        resolved = knowledge.resolver.resolve_concept(value)
        if resolved:
            return resolved
    return None


def pick_two(entity_values: Iterable[str], text: str) -> list[str]:
    """Two distinct concepts for "what's the difference between X and Y"."""
    knowledge = load_knowledge()
    resolver = knowledge.resolver
    found: list[str] = []
    for value in entity_values:
        concept = value if value in knowledge.concepts else resolver.resolve_concept(value)
        if concept and concept not in found:
            found.append(concept)
    for concept in resolver.resolve_concepts(text or ""):
        if concept not in found:
            found.append(concept)
    return found[:2]


# Words that ask how two ideas differ. With two concepts named, the question is a
# comparison ("secure vs preoccupied", "I mix up fearful and dismissive"); the
# strong ones also make a comparison of a single or unknown idea ("what's the
# difference between them?") ask which two were meant.
_STRONG_COMPARISON = r"differen\w*|diff|differ\w*|vs\.?|versus|compar\w*|contrast\w*"
_COMPARISON = re.compile(
    rf"\b({_STRONG_COMPARISON}|apart|separates?|mix(es|ed)? (\w+ )?up|same (as|thing)|"
    r"the same\s*\?*$|confused between|which is which|similar (to|\?)|distinguish\w*)",
    re.IGNORECASE,
)
_STRONG = re.compile(rf"\b({_STRONG_COMPARISON})(?!\w)", re.IGNORECASE)


def comparison(entity_values: Iterable[str], text: str) -> list[str] | None:
    """The two concepts a question compares, [] if it compares without naming two, else None.

    A concept question is a comparison when it names two concepts and asks how
    they differ; one intent covers both, the words decide.
    """
    text = text or ""
    if not _COMPARISON.search(text):
        return None
    pair = pick_two(entity_values, text)
    if len(pair) == 2:
        return pair
    return [] if _STRONG.search(text) else None


def explain(concept_id: str) -> Explanation:
    knowledge = load_knowledge()
    concept = knowledge.concepts[concept_id]
    related = tuple(knowledge.concepts[r] for r in concept.related[:2] if r in knowledge.concepts)
    return Explanation(
        concept=concept, related=related, more_label=knowledge.concept_buttons["more"]
    )


def position_of(concept_id: str) -> TablePosition | None:
    for (self_view, other_view), style in load_knowledge().four_category_table.items():
        if style == concept_id:
            return TablePosition(self_view=self_view, other_view=other_view)
    return None


def starter_topics() -> list[Concept]:
    """The ideas offered when a question names none the bot knows (``concepts.yml``)."""
    knowledge = load_knowledge()
    return [knowledge.concepts[topic] for topic in knowledge.starter_topics]
