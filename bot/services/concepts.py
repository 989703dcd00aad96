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
        # "is it true that ...", "what do people get wrong": a belief put to the test
        (r"\b(is it|isnt it|isn't it|is that|it is) (really )?true\b|\bget (it |this )?wrong\b|"
         r"\bpeople (online )?(say|think|claim)\b|\btoxic\b|\bmeans? (you|they) never\b|"
         r"\bcant love\b|\bcan't love\b", "myths"),
        (r"\b(therap\w*|counsell?\w*|counsel\w*|coach\w*)\b", "therapy"),
        (r"\bbecome (more )?secure\b|\bset for life\b|\bearned secur\w*|"
         r"\bpossible to (become|change|get)\b|\blater in life\b", "plasticity"),
        (r"\b(fixed|for life|destiny|set in stone|myths?|misconceptions?)\b", "myths"),
        (r"\b(chang\w*|become secure|rewire|shift\w*|grow out of)\b", "plasticity"),
        (r"\b(four|4)\b.*\b(boxes|groups|types|categories|styles|kinds)\b|\bdimensions?\b",
         "four_category_model"),
        (r"\bbaby study\b|\blab (procedure|study|experiment)\b|\bstranger\b|"
         r"\bleaves the room\b|\bainsworth", "strange_situation"),
        (r"\bfall for\b|\bwho (i|u|you|we) (date|pick|choose|go for|end up with)\b",
         "romantic_relationships"),
        (r"\bwhat age\b|\b(get|got|are) set up\b", "formation"),
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


# --- a concept question inside a share (issue 12) ---------------------------------
# "...and then I send 8 messages. is that the anxious one?" is a question about an idea
# written at the end of an answer. The question is its own sentence; the idea is named
# in it (an alias or an attachment word) or pointed at ("is that what you mean by ...").
_SENTENCES = re.compile(r"(?<=[?!.])\s+|\.{2,}|…|\n+")
_QUESTION_START = re.compile(
    r"^\s*(so\s+|wait\s+|but\s+|and\s+|sorry\s+|honestly\s+|ok\s+|okay\s+|basically\s+|"
    r"in (plain english|simple terms|short)\s+)*(what|whats|how|why|is|isnt|are|"
    r"arent|does|do|did|can|could|would|will|should|which|r)\b",
    re.IGNORECASE,
)
_POINTING = re.compile(
    r"\b(is|isnt) (that|this|it) (what|where|why|the|like|a|an|called|normal for)\b|"
    r"\b(what|which) (style|type|kind|one|attachment) (is|would) (that|this|it)\b|"
    r"\bwhat (would|do) you call\b|\bwhat does (that|this|it) mean\b|"
    r"\bwhat'?s? (it|that|this) called\b|"
    r"\b(does|do|can|could) (this|that|it|these|they) (stuff )?"
    r"(even |ever |really |actually )?(change|get|go|pass|run|come)\b",
    re.IGNORECASE,
)
_ATTACHMENT_WORDS = re.compile(
    r"\b(attach\w*|styles?|working models?|models?|iwms?|secure\w*|insecure|anxious|anxiety|"
    r"avoidan\w*|dismiss\w*|fearful|disorgani[sz]\w*|preoccupied|attun\w*|clingy|earned|"
    r"dimensions?|categor\w*)\b",
    re.IGNORECASE,
)
# Extra cues for the pointed-at idea in a question sentence (after QUESTION_CUES).
_POINTED_CUES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), concept)
    for pattern, concept in (
        (r"\banxious (one|type|kind|style)\b|\bclingy (one|type|style)\b", "preoccupied"),
        (r"\bothers?'?s? (side|part|half)\b|\bview of (other people|others)\b", "other_model"),
        (r"\bself (side|part|half)\b|\bcall my self\b", "self_model"),
        (r"\b(handed|passed) (down|on)|run(s)? in (the )?famil\w*",
         "intergenerational_transmission"),
        (r"\bcan (it|this|that|people|i|you|we) (even |ever |really |actually )?change\b",
         "plasticity"),
    )
)


# "... which style is that?": the idea is the style the share describes.
_DESCRIBED_STYLE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), concept)
    for pattern, concept in (
        (r"\bwant (closeness|to be close|intimacy)\b.*\b(panic|run|pull away|push)\b|"
         r"\bpush\w* (\w+ )?away\b.*\bpull\w* (\w+ )?back\b|\bhot and cold\b", "fearful_avoidant"),
        (r"\b(send|sent|text|texted) (like )?\d+ (messages|texts)\b|\bclingy\b|"
         r"\bassume (she|he|they)('?s| is| are|re) (done|leaving|over)\b|\breassurance\b",
         "preoccupied"),
        (r"\b(doing|do) everything (my)?self\b|\bdont need anyone\b|\bon my own\b",
         "dismissing_avoidant"),
        (r"\bchaotic\b|\btowards .* or away\b", "disorganised"),
        (r"\bwhere (it|this|that) comes? from\b|\bshaped how\b", "formation"),
    )
)


def _is_question(sentence: str) -> bool:
    return (
        sentence.rstrip().endswith("?")
        or bool(_QUESTION_START.search(sentence))
        or bool(_POINTING.search(sentence))
    )


def concept_question(text: str) -> tuple[str, str] | None:
    """(question sentence, concept) when a message asks about an idea, even inside a share.

    Only the question sentence is read, so a share about "my mum" does not turn the
    question into one about parenting. None when no sentence is a question about an idea.
    """
    knowledge = load_knowledge()
    sentences = [s.strip() for s in _SENTENCES.split(text or "") if s and s.strip()]
    questions = [s for s in reversed(sentences) if _is_question(s)]
    for sentence in questions:
        for pattern, concept in _POINTED_CUES:
            if pattern.search(sentence):
                return sentence, concept
        alias = knowledge.resolver.resolve_concept(sentence)
        if alias:
            return sentence, pick_concept([], sentence) or alias
        if _ATTACHMENT_WORDS.search(sentence):
            named = pick_concept([], sentence)
            if named:
                return sentence, named
    for sentence in questions:
        if _POINTING.search(sentence):
            for pattern, concept in _DESCRIBED_STYLE:
                if pattern.search(text):
                    return sentence, concept
            pointed = pick_concept([], sentence)
            if pointed:
                return sentence, pointed
    return None
