"""Understanding the answer to a safety question.

Two questions are asked: after a risk cue, "are you thinking about ending your
life, or are you in danger right now?" (``intent``), and after the crisis
reply, "are you safe right now?" (``safe``). The same word means opposite
things for each ("no" is reassuring to the first and alarming to the second),
so the question is part of the input.

The reading errs toward safety: anything that is not a clear reassurance
("not sure", "why do you care", "...", "whatever", silence-like replies) is
``unclear``, and the bot treats unclear like a yes.
"""

from __future__ import annotations

import re
from typing import Literal

Question = Literal["intent", "safe"]
Reading = Literal["safe", "unsafe", "unclear"]

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'"})
_SPACE = re.compile(r"\s+")


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


# "I'm okay" / "I am safe" / "all good", but not "I'm not okay" or "I don't feel safe".
_REASSURED = _rx(
    r"""(?<!not\ )(?<!never\ )
    \b(?:i'?m|i\ am|im|am|i\ feel|feeling|i'?m\ feeling)\ (?:totally\ |really\ |actually\ |ok\ |
        pretty\ |quite\ |mostly\ )?(?:ok(?:ay)?|fine|safe|alright|all\ right|good|grand|sound)\b
    |^(?:ok(?:ay)?|fine|safe|all\ good|all\ fine|i'?m\ good|all\ right|alright)\b
    |\bfalse\ alarm\b|\bjust\ venting\b|\bjust\ (?:a\ )?figure\ of\ speech\b
    |\b(?:didn'?t|did\ not|don'?t)\ mean\ (?:it\ )?(?:like\ that|literally|that)\b
    |\bnot\ (?:like\ that|in\ that\ way|literally)\b
    |\bi'?m\ not\ (?:going\ to|gonna)\ (?:do\ anything|hurt\ myself|do\ it)\b
    |\bno\ (?:danger|plans?)\b|\bnot\ (?:suicidal|in\ danger)\b"""
)
_ALARM = _rx(
    r"""\bnot\ (?:safe|ok(?:ay)?|fine|alright|good)\b|\bdon'?t\ feel\ safe\b|\bunsafe\b
    |\bin\ danger\b(?!.*\bnot\b)|\bhelp\ me\b|^help\b|\bscared\b|\bterrified\b
    |\bnot\ sure\b|\bdon'?t\ know\b|\bidk\b|\bdunno\b|\bmaybe\b|\bkind\ of\b|\bkinda\b
    |\bsort\ of\b|\bsometimes\b|\bi\ think\ so\b|\bprobably\b|\ba\ (?:bit|little)\b"""
)
_YES = _rx(r"^(?:yes|yeah|yep|yup|yh|ya|yea|y|ye|aye|i\ am|i\ do|i\ have|true|correct)\b")
_NO = _rx(r"^(?:no|nope|nah|na|nay|n|not\ at\ all|no\ way|never)\b(?!\ (?:one|body|idea)\b)")
_NOT_REALLY = _rx(r"^not\ really\b|^i\ don'?t\ think\ so\b")


def fold(text: str) -> str:
    """Lower case, typographic apostrophes made plain, spaces collapsed."""
    return _SPACE.sub(" ", text.translate(_FOLD).lower()).strip(" .!?,;:")


def read_answer(text: str, question: Question) -> Reading:
    """``safe``, ``unsafe`` or ``unclear`` for the reply to ``question``."""
    folded = fold(text)
    if not folded or not any(ch.isalpha() for ch in folded):
        return "unclear"
    alarm = _ALARM.search(folded) is not None
    reassured = _REASSURED.search(folded) is not None
    if _NOT_REALLY.search(folded):
        return "unclear"
    if question == "intent":
        if _YES.search(folded):
            return "unsafe"
        if alarm:
            return "unsafe" if "not safe" in folded or "help" in folded else "unclear"
        if reassured or _NO.search(folded):
            return "safe"
        return "unclear"
    # "Are you safe right now?"
    if _NO.search(folded) or alarm:
        return "unsafe" if not reassured or _NO.search(folded) else "unclear"
    if reassured or _YES.search(folded):
        return "safe"
    return "unclear"
