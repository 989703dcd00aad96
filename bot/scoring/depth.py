"""Depth of reflection 0-3 and what a follow-up should ask for.

After Kember et al. (2008) and Hatton & Smith (1995):

0 not reflective - empty, off-topic, "I don't know", a bare fragment;
1 description - what happened or what was felt, without making meaning of it;
2 reflection - personal meaning: feelings tied to an event, a belief about
  self or others, a pattern seen, a lesson drawn;
3 critical reflection - on top of that, at least two critical moves:
  questioning one's own assumption, weighing another person's reading,
  linking past and present, or stating a concrete intention.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.scoring.text import Analysis

DONT_KNOW_RE = re.compile(
    r"^\W*(?:(?:i\s+)?(?:really\s+|honestly\s+)?(?:don'?t|dont|do\s+not)\s+(?:really\s+)?know|"
    r"idk|dunno|no\s+idea|not\s+sure|i'?m\s+not\s+sure|no\s+clue|nothing|none|pass|skip|no|"
    r"nope|n/?a|nobody|no\s+one|can'?t\s+think\s+of\s+anything|not\s+really)"
    r"(?:\W+(?:tbh|really|honestly|sorry|lol|yet|to\s+be\s+honest|happened))*\W*$",
    re.IGNORECASE,
)
TOPIC_RE = re.compile(
    r"\b(?:(?:mum|mom|dad|parent|brother|sister|friend|partner|colleague|kid|teacher)(?:s|'s)|"
    r"school|schools|mum|mom|mother|dad|father|parents?|family|partner|boyfriend|girlfriend|husband|wife|"
    r"friends?|people|someone|colleagues?|coworkers?|boss|manager|teacher|sister|brother|nan|"
    r"gran|grandma|grandad|grandpa|grand(?:parents?|mother|father|mum|dad)|step\w+|aunt|uncle|"
    r"cousins?|son|daughter|baby|child|childhood|kid|kids|ex|gf|bf|therapist|"
    r"counsell?or|relationships?|trust|close|closeness|rely|support|supported|comfort|help|"
    r"helped|ask|asked|reject\w*|abandon\w*|ignor\w*|listen\w*|hug\w*|argu\w*|fight|fought|"
    r"care|cared|alone|myself|feel|felt|feeling|feelings|emotions?|growing up|grew up|"
    r"neighbou?r|flatmate|dating|date|love|loved|reach out|reached out|open up|cry|cried|"
    r"told|yelled|shouted|hurt|safe|afraid|needy|burden|expect\w*|pattern|body|chest|stomach|"
    r"jaw|shoulders)\b",
    re.IGNORECASE,
)
MIN_TOKENS = 4
CAUSAL_RE = re.compile(
    r"\b(?:because|cause|cos|since|which made|made me|makes me|that'?s why|for being|so i)\b",
    re.IGNORECASE,
)
FIRST_PERSON = frozenset({"i", "i'm", "im", "me", "my", "myself", "i've", "i'd", "i'll", "we"})

# The element each module exists to draw out; at depth 2 a follow-up asks for it.
KEY_FOLLOWUP: Mapping[str, str] = {
    "early_experiences": "past",
    "relationship_patterns": "other_view",
    "constructive_exposure": "next_step",
    "emotional_literacy": "feeling",
    "seek_support": "next_step",
}
PRIORITY: Mapping[str, tuple[str, ...]] = {
    "early_experiences": ("past", "moment", "feeling", "other_view", "next_step"),
    "relationship_patterns": ("moment", "other_view", "feeling", "past", "next_step"),
    "constructive_exposure": ("moment", "next_step", "feeling", "other_view", "past"),
    "emotional_literacy": ("feeling", "moment", "other_view", "past", "next_step"),
    "seek_support": ("moment", "next_step", "feeling", "other_view", "past"),
}


@dataclass(frozen=True)
class DepthInputs:
    elements: Mapping[str, bool]
    granularity: int
    moves: tuple[str, ...]
    past_link: bool
    dont_know: bool
    on_topic: bool
    token_count: int
    causal: bool = False


def is_dont_know(text: str) -> bool:
    return bool(DONT_KNOW_RE.match(text))


def is_on_topic(analysis: Analysis, any_cue: bool) -> bool:
    """Does the answer touch self, feelings or relationships at all?

    A question put to the bot with nothing about the speaker in it ("Can you
    explain what an IWM is?") is a request, not a reflection.
    """
    if analysis.text.strip().endswith("?") and not FIRST_PERSON & set(analysis.words):
        return False
    return any_cue or bool(TOPIC_RE.search(analysis.text))


def has_causal_link(text: str) -> bool:
    return bool(CAUSAL_RE.search(text))


def score_depth(inputs: DepthInputs) -> int:
    """Map elements and critical moves onto the four levels."""
    if inputs.dont_know or not inputs.on_topic or inputs.token_count == 0:
        return 0
    el = inputs.elements
    if inputs.token_count < MIN_TOKENS and not (el["feelings"] or el["future_intention"]):
        return 0
    meaning = el["feelings"] or el["self_belief"] or el["other_belief"]
    linked = meaning and (el["experience"] or el["pattern"] or el["perspective"] or inputs.causal)
    reflective = sum(
        (
            linked,
            el["feelings"] and inputs.causal,  # a feeling with its reason, not just beside it
            el["self_belief"],
            el["other_belief"],
            el["pattern"],
            el["lesson"],
            inputs.granularity >= 3,
        )
    )
    critical = len(inputs.moves)
    if (critical >= 2 and reflective >= 2) or (critical >= 3 and reflective >= 1):
        return 3
    if reflective >= 2 or (reflective >= 1 and critical >= 1) or critical >= 2:
        return 2
    return 1


def missing_followups(
    takeaway: str, elements: Mapping[str, bool], granularity: int, past: bool
) -> tuple[str, ...]:
    """Follow-up keys for what the answer lacks, the module's priorities first."""
    lacking = {
        "feeling": granularity <= 1,
        "moment": not (elements["experience"]),
        "past": not past,
        "other_view": not (elements["other_belief"] or elements["perspective"]),
        "next_step": not elements["future_intention"],
    }
    return tuple(key for key in PRIORITY[takeaway] if lacking[key])
