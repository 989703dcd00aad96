"""What to say when someone types outside a module: start, offer two, or reflect and offer.

No dead ends (issue 12): a message outside a module that names a module
starts it; one that could mean two gets exactly those two as buttons; a
personal share that names none is reflected back (a feeling or a phrase in
the person's own words, found by the rubric in ``bot.scoring``) with the one
or two modules that fit what the rubric saw in it. A share that is long
enough to be an answer is *carried*: after the mood check-in, "use what I
wrote" makes it the answer to the first prompt (``use_carried``), so nothing
the person wrote is lost. Pure: text in, a frozen plan out; the action turns
it into messages and the dialogue policy decided beforehand that this runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.content.loader import read_content
from bot.ids import TAKEAWAY_IDS
from bot.scoring import score_answer
from bot.services.module_choice import ModuleChoice, fold, resolve

CARRY_WORDS = 6  # a share this long can stand as a first answer
ECHO_MAX_WORDS = 8  # a quoted phrase longer than this is not quoted
CLAUSE_WORDS = (3, 12)  # a clause of their own words is quoted when this long
CLAUSES = re.compile(r"[.!?;:,()\n]+|\s+(?:but|and then|so that)\s+", re.IGNORECASE)
LEADING_FILLER = re.compile(r"^(?:(?:honestly|so|like|well|um+|uh+|tbh|ok|okay|and|but)\b\W*)+",
                            re.IGNORECASE)
# Which module fits what the rubric found, in order of preference.
ELEMENT_MODULES: tuple[tuple[str, str], ...] = (
    ("pattern", "relationship_patterns"),
    ("future_intention", "constructive_exposure"),
    ("belief_about_others", "relationship_patterns"),
    ("experience", "early_experiences"),
)
RELATIONSHIP_WORDS = re.compile(
    r"\b(partner|boyfriend|girlfriend|husband|wife|ex|friends?|friendships?|family|mum|mom|dad|"
    r"parents?|sister|brother|relationships?|dating|people|someone|they|he|she|them|him|her|"
    r"love|lonely|alone|close|trust)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Plan:
    """What the action does: start ``start``, or offer ``offer`` (two or more modules)."""

    start: str | None
    offer: tuple[str, ...]
    feeling: str | None  # an emotion word as the person wrote it
    theme: str | None  # a short phrase of theirs that named the module
    carry: bool  # keep the text as a possible first answer
    personal: bool


def personal(text: str) -> bool:
    """Does the message carry feelings or relationships (never "outside what I can help")?"""
    if RELATIONSHIP_WORDS.search(text):
        return True
    return bool(score_answer(text, TAKEAWAY_IDS[0]).named_emotions)


def _feeling(text: str) -> str | None:
    result = score_answer(text, TAKEAWAY_IDS[0])
    for mention in result.emotions:
        if not mention.negated and not mention.generic:
            return mention.word
    return None


def _theme(choice: ModuleChoice, text: str) -> str | None:
    """Their own words to reflect back: the clause that pointed at a module, else the cue.

    A clause is cut at sentence and clause punctuation, never mid-phrase, and quoted
    only when it is short; otherwise the longest cue of two or more words is quoted.
    """
    if choice.via != "words":
        return None
    spans = [e.split(":", 1)[1] for e in choice.evidence if ":" in e]
    for clause in CLAUSES.split(text):
        words = LEADING_FILLER.sub("", clause.strip()).split()
        if not CLAUSE_WORDS[0] <= len(words) <= CLAUSE_WORDS[1]:
            continue
        folded = fold(" ".join(words))
        if any(len(span) > 3 and span in folded for span in spans):
            return " ".join(words)
    cues = [s for s in spans if 2 <= len(s.split()) <= ECHO_MAX_WORDS]
    return max(cues, key=len) if cues else None


def fitting_modules(text: str) -> tuple[str, ...]:
    """One or two modules that fit a share naming none, from the rubric's signals."""
    result = score_answer(text, TAKEAWAY_IDS[0])
    fits: list[str] = []
    if result.named_emotions:
        fits.append("emotional_literacy")
    if result.past_link:
        fits.append("early_experiences")
    for element, module in ELEMENT_MODULES:
        if result.elements.get(element) and module not in fits:
            fits.append(module)
    if len(fits) < 2:
        for module in ("relationship_patterns", "emotional_literacy"):
            if module not in fits:
                fits.append(module)
    chosen = fits[:2]
    return tuple(t for t in TAKEAWAY_IDS if t in chosen)


def plan(text: str, *, menu: tuple[str, ...], shared: bool) -> Plan:
    """Start, offer two, or reflect and offer; ``shared`` when NLU read a personal share."""
    choice = resolve(text, after_menu=bool(menu), menu=menu)
    is_personal = shared or personal(text)
    long_enough = len(text.split()) >= CARRY_WORDS and choice.via != "position"
    carry = is_personal and long_enough
    feeling = _feeling(text) if is_personal else None
    theme = _theme(choice, text) if is_personal else None
    if choice.chosen:
        return Plan(choice.chosen, (), feeling, theme, carry, is_personal)
    if choice.offered:
        return Plan(None, choice.offered, feeling, theme, carry, is_personal)
    if is_personal:
        return Plan(None, fitting_modules(text), feeling, theme, carry, True)
    return Plan(None, (), None, None, False, False)


@lru_cache(maxsize=1)
def _use_phrases() -> tuple[str, ...]:
    raw = read_content("module_choice.yml").get("use_carried") or []
    return tuple(fold(str(p)) for p in raw)


def use_carried(text: str) -> bool:
    """Does the person ask to use what they wrote before as this answer?"""
    folded = re.sub(r"[^\w ]+", "", fold(text)).strip()
    return folded in _use_phrases()
