"""Pure, explainable risk detection for one user message.

``assess_risk`` runs every rule over a folded copy of the text, applies the
modifiers below, and returns the level with the evidence that produced it.
Policy, chosen to err on the side of safety:

* Any crisis hit that survives the modifiers makes the message ``crisis``.
* Negated statements ("I'm not suicidal, just tired") become ``concern``: the
  person is still talking about risk, so the bot checks in rather than moves on.
* Resolved distant past ("years ago I tried to kill myself, now I'm doing well")
  becomes ``concern``; a past marker with a current one ("again", "still",
  "lately", "tonight") stays ``crisis``.
* Risk reported about someone else ("my friend wants to die") is ``concern``;
  for suicidal, self-harm and method rules the clause subject is always checked.
* Fiction and plot summaries ("a man who plans to jump off a bridge", "in the
  game you can jump off the tower") drop a suicidal, self-harm or method hit
  when the sentence has a fiction marker and the clause has no "I"/"me".
* Weak method hits (a height question) are ``crisis`` only alongside
  hopelessness or loss in the same message; alone they are ``concern``.
* Risk cues (``bot.safety.cues``: a place, a means, a final goodbye, "won't be
  around") make the bot *ask directly* (``ask``) rather than show crisis
  resources; the same modifiers (someone else, negated, resolved past) drop the
  question.
* The learned second net (``bot.safety.learned``) adds its probability: at
  ``ASK_THRESHOLD`` or above it asks, and it raises a message to crisis only at
  ``CRISIS_THRESHOLD`` or with a cue of the rules beside it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from bot.safety.context import (
    CLAUSE_BREAK,
    CURRENT,
    DISTANT_PAST,
    DISTRESS_RULES,
    FIRST_PERSON_WORDS,
    LOSS,
    NEGATION,
    NEGATION_BREAKERS,
    QUOTED_FICTION,
    RESOLVED,
    STRONG_CURRENT,
    THIRD_PERSON,
    WRITING_FICTION,
)
from bot.safety.cues import CUE_RULES
from bot.safety.learned import ASK_THRESHOLD, CRISIS_THRESHOLD, CUE_CRISIS_THRESHOLD
from bot.safety.learned import risk_probability as _net_probability
from bot.safety.normalize import Folded, fold
from bot.safety.patterns import CRISIS_RULES
from bot.safety.rules import METHOD_OR_MEANS, SELF_HARM, SUICIDAL_IDEATION, Level, Rule

ALL_RULES: tuple[Rule, ...] = CRISIS_RULES + CUE_RULES + DISTRESS_RULES
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?\n]+|$)|[.!?\n]+")
_WORD = re.compile(r"[a-z']+")
_SELF = re.compile(r"\b(?:i|i'm|im|i've|i'd|me)\b")
_CLAUSE_WINDOW = 80
# Work caps for very long input: evidence beyond a few hits per rule adds nothing.
_SENTENCE_WINDOW = 300
_MAX_HITS_PER_RULE = 5
_RANK: dict[Level, int] = {"none": 0, "concern": 1, "crisis": 2}
# Families about the writer's own act, where the clause subject always matters.
_SELF_FAMILIES = frozenset({SUICIDAL_IDEATION, SELF_HARM, METHOD_OR_MEANS})


@dataclass(frozen=True)
class RiskEvidence:
    """One matched span: which rule, what it means, where it is in the input."""

    category: str
    rule: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, object]:
        return {
            "category": self.category,
            "rule": self.rule,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True)
class RiskAssessment:
    """The level of one message and the evidence behind it (empty for ``none``)."""

    level: Level
    evidence: tuple[RiskEvidence, ...] = ()
    # Whether the bot should ask directly (a risk cue without a clear crisis).
    ask: bool = False
    # The learned net's probability that the message carries risk (None: not run).
    score: float | None = field(default=None, compare=False)

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(item.category for item in self.evidence))

    @property
    def is_crisis(self) -> bool:
        return self.level == "crisis"

    def to_dict(self) -> dict[str, object]:
        return {
            "level": self.level,
            "ask": self.ask,
            "score": None if self.score is None else round(self.score, 4),
            "evidence": [item.to_dict() for item in self.evidence],
        }


@dataclass(frozen=True)
class _Hit:
    rule: Rule
    level: Level
    note: str
    start: int
    end: int
    ask: bool = False


# Notes that say a hit is about someone else, the past, fiction or a denial.
_LOWERED = frozenset({"third_person", "negated", "resolved_past", "quoted"})


def assess_risk(text: str) -> RiskAssessment:
    """Classify one message as none, concern or crisis, with evidence spans into ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"assess_risk expects str, got {type(text).__name__}")
    folded = fold(text)
    hits, lookalike = _find_hits(folded.text)
    score = _net_probability(text) if text.strip() else 0.0
    level: Level = max((hit.level for hit in hits), key=_RANK.__getitem__, default="none")
    evidence = _evidence(text, folded, hits)
    if level == "crisis":
        return RiskAssessment("crisis", evidence, False, score)
    cue = any(hit.ask for hit in hits)
    # A denial, someone else, fiction or the resolved past, or a rule's look-alike setting
    # ("cut myself shaving") with nothing else found: the net alone does not ask.
    lowered = any(hit.note in _LOWERED for hit in hits) or (lookalike and not hits)
    net = RiskEvidence("learned", "risk_net", 0, 0, "")
    if (score >= CRISIS_THRESHOLD or cue and score >= CUE_CRISIS_THRESHOLD) and not lowered:
        return RiskAssessment("crisis", (*evidence, net), False, score)
    ask = cue or (score >= ASK_THRESHOLD and not (lowered and score < CRISIS_THRESHOLD))
    if ask and not cue:
        evidence = (*evidence, net)
    if ask and level == "none":
        level = "concern"
    return RiskAssessment(level, evidence, ask, score)


def _find_hits(t: str) -> tuple[list[_Hit], bool]:
    """The hits that survive their guards, and whether a look-alike setting was seen."""
    sentences = [m.span() for m in _SENTENCE.finditer(t)]
    starts = [span[0] for span in sentences]
    raw: list[tuple[Rule, int, int, str]] = []
    lookalikes: list[str] = []
    for rule in ALL_RULES:
        kept = 0
        for match in rule.pattern.finditer(t):
            start, end = match.span()
            if start == end:
                continue
            index = max(bisect_right(starts, start) - 1, 0)
            first, last = sentences[index] if sentences else (0, len(t))
            # A "sentence" with no full stop can be the whole message: guards
            # and modifiers only look at a window around the hit.
            first = max(first, start - _SENTENCE_WINDOW)
            last = min(last, end + _SENTENCE_WINDOW)
            sentence = t[first:last]
            if _guarded(rule, sentence) or (
                rule.unless_message is not None and rule.unless_message.search(t) is not None
            ):
                lookalikes.append(rule.name)
                continue
            raw.append((rule, start, end, sentence))
            kept += 1
            if kept >= _MAX_HITS_PER_RULE:
                break
    distress = any(rule.category == "distress" for rule, _, _, _ in raw)
    context = distress or LOSS.search(t) is not None
    current = CURRENT.search(t) is not None
    hits: list[_Hit] = []
    for rule, start, end, sentence in raw:
        hit = _modify(rule, t, start, end, sentence, context=context, current=current)
        if hit is not None:
            hits.append(hit)
    return hits, bool(lookalikes)


def _guarded(rule: Rule, sentence: str) -> bool:
    if rule.requires is not None and rule.requires.search(sentence) is None:
        return True
    if rule.unless is not None and rule.unless.search(sentence) is not None:
        return True
    return (
        rule.unless_impersonal is not None
        and rule.unless_impersonal.search(sentence) is not None
        and _SELF.search(sentence) is None
    )


def _modify(
    rule: Rule, t: str, start: int, end: int, sentence: str, *, context: bool, current: bool
) -> _Hit | None:
    level: Level = rule.level
    note = ""
    if rule.weak:
        level, note = ("crisis", "with_context") if context else ("concern", "no_context")
    if rule.ask:
        lowered = _modify(
            Rule(rule.name, rule.category, "crisis", rule.pattern, subject=rule.subject),
            t, start, end, sentence, context=context, current=current,
        )
        if lowered is None:
            return None
        if lowered.level != "crisis":
            return _Hit(rule, "concern", lowered.note, start, end)
        return _Hit(rule, "concern", note, start, end, ask=True)
    if level != "crisis":
        return _Hit(rule, level, note, start, end)
    prefix = _clause_prefix(t, start)
    # Who the clause is about matters even for rules that ignore negation
    # ("he doesn't want to be alive anymore" is about him).
    if rule.subject or rule.category in _SELF_FAMILIES:
        about_fiction = QUOTED_FICTION.search(sentence) is not None
        if _third_person(prefix):
            if about_fiction:
                return None
            return _Hit(rule, "concern", "third_person", start, end)
        if about_fiction and _SELF.search(prefix) is None:
            return None
        if WRITING_FICTION.search(sentence):
            return None
    if not rule.modifiable:
        return _Hit(rule, level, note, start, end)
    if _negated(prefix):
        return _Hit(rule, "concern", "negated", start, end)
    past = DISTANT_PAST.search(sentence)
    if past and (not current or (RESOLVED.search(t) and not STRONG_CURRENT.search(t))):
        return _Hit(rule, "concern", "resolved_past", start, end)
    if QUOTED_FICTION.search(sentence) and t[:start].count('"') % 2 == 1:
        return _Hit(rule, "concern", "quoted", start, end)
    return _Hit(rule, level, note, start, end)


def _clause_prefix(t: str, start: int) -> str:
    window = t[max(0, start - _CLAUSE_WINDOW) : start]
    breaks = list(CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _third_person(prefix: str) -> bool:
    for word in reversed(_WORD.findall(prefix)[-6:]):
        if word in FIRST_PERSON_WORDS:
            return False
        if word in THIRD_PERSON:
            return True
    return False


def _negated(prefix: str) -> bool:
    match = NEGATION.search(prefix)
    if match is None:
        return False
    between = set(_WORD.findall(match.group(1)))
    return not between & NEGATION_BREAKERS


def _evidence(text: str, folded: Folded, hits: list[_Hit]) -> tuple[RiskEvidence, ...]:
    seen: set[tuple[int, int, str]] = set()
    items: list[RiskEvidence] = []
    for hit in sorted(hits, key=lambda h: (h.start, -_RANK[h.level], h.end)):
        key = (hit.start, hit.end, hit.rule.category)
        if key in seen:
            continue
        seen.add(key)
        start, end = folded.span(hit.start, hit.end)
        name = f"{hit.rule.name}:{hit.note}" if hit.note else hit.rule.name
        items.append(RiskEvidence(hit.rule.category, name, start, end, text[start:end]))
    return tuple(items)
