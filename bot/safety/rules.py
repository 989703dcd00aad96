"""The rule type and the helpers every rule family is built with.

Every rule is a regular expression over folded text (see ``normalize``),
tagged with a category and a base level. Word families live in ``words``,
look-alike guards in ``guards``, and the rules in one module per family.
Modifiers decide the final level: a weak rule needs a hopelessness or loss
context to reach ``crisis``; negation ("I'm not suicidal") and a resolved
distant past ("years ago ..., now I'm well") lower a crisis hit to
``concern``; a guard (``unless``) drops a hit in a known look-alike setting
("bungee jumping off a bridge", "burnt myself on the oven").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Level = Literal["none", "concern", "crisis"]

SUICIDAL_IDEATION = "suicidal_ideation"
SELF_HARM = "self_harm"
METHOD_OR_MEANS = "method_or_means"
BURDEN_OR_GOODBYE = "burden_or_goodbye"
DANGER_FROM_OTHERS = "danger_from_others"
DISTRESS = "distress"
TIME_LIMITED_PRESENCE = "time_limited_presence"
LAST_REASON = "last_reason"
DANGEROUS_PLACE = "dangerous_place"
COMMAND_HALLUCINATIONS = "command_hallucinations"
CHILD_AT_RISK = "child_at_risk"
PREPARATORY_ACTS = "preparatory_acts"
RISK_CUE = "risk_cue"

# Rules run on folded (lower-cased) text, so no IGNORECASE: it makes every pattern slower.
_FLAGS = re.VERBOSE


def rx(pattern: str) -> re.Pattern[str]:
    """Compile a verbose pattern once, at import time."""
    return re.compile(pattern, _FLAGS)


@dataclass(frozen=True)
class Rule:
    """One explainable pattern: what it matches, what it means, how sure it is.

    ``weak`` rules are crisis only when the message also carries hopelessness or
    loss; alone they are concern. ``unless`` is searched in the hit's sentence and
    drops the hit (a look-alike); ``unless_impersonal`` drops it only when the
    sentence has no "I"/"me" ("research on self-harm"). ``requires`` must match in
    the hit's sentence.
    ``subject`` asks the detector to check who the clause is about: a third-person
    subject ("my friend wants to die") turns the hit into concern.
    """

    name: str
    category: str
    level: Level
    pattern: re.Pattern[str]
    weak: bool = False
    unless: re.Pattern[str] | None = None
    unless_impersonal: re.Pattern[str] | None = None
    requires: re.Pattern[str] | None = None
    subject: bool = False
    modifiable: bool = True  # negation and resolved-past can lower the level
    # Searched in the whole message: a setting stated in the next sentence ("I won't be
    # around after the summer. I've got a place on a course.") still makes a look-alike.
    unless_message: re.Pattern[str] | None = None
    # A risk cue without a clear crisis ("on the bridge now", "won't be around"): the
    # bot asks directly whether the person is thinking of ending their life.
    ask: bool = False


# Characters that may sit between two parts of a proximity rule: anything but a
# sentence end, so "near" never reaches into the next sentence.
_GAP = r"[^.!?\n]"


def near(first: str, second: str, gap: int = 40) -> str:
    """Either part followed by the other within ``gap`` characters of one sentence.

    Proximity is what lets a rule say "a wish cue and a death word, close
    together" without listing every sentence that puts them in some order.
    """
    return (
        rf"(?:(?:{first}){_GAP}{{0,{gap}}}?(?:{second})"
        rf"|(?:{second}){_GAP}{{0,{gap}}}?(?:{first}))"
    )


def then(first: str, second: str, gap: int = 40) -> str:
    """``first`` and then ``second`` within ``gap`` characters of one sentence."""
    return rf"(?:(?:{first}){_GAP}{{0,{gap}}}?(?:{second}))"


def alt(*parts: str) -> str:
    """One non-capturing alternation of regex parts."""
    return "(?:" + "|".join(parts) + ")"
