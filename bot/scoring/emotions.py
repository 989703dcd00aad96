"""Emotion words named in an answer, and how finely they are differentiated.

Granularity follows the spirit of the Levels of Emotional Awareness Scale:
nothing named (0), only broad words like "bad" or "upset" (1), one specific
feeling (2), two specific feelings (3), three or more specific feelings from
at least two families (4) - "disappointed, then lonely" says more than "bad".
The lexicon is the project's own (bot/content/emotions.yml).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.content.loader import ContentError, mapping, read_content
from bot.scoring.result import EmotionMention
from bot.scoring.text import Analysis

SOURCE = "emotions.yml"

FEEL_FRAMES = frozenset({"feel", "felt", "feeling", "feels", "i'm", "im"})
BE_FRAMES = FEEL_FRAMES | frozenset(
    {
        "was", "were", "am", "is", "are", "be", "been", "being", "get", "got", "getting",
        "gets", "became", "become", "becoming", "seemed", "seem", "seems", "stay", "stayed",
        "we're", "they're", "you're", "he's", "she's", "i've", "grew", "go", "went",
    }
)
CAUSATIVES = frozenset({"made", "makes", "make", "making", "left", "leaves", "leave", "leaving"})
COPULA_BLOCKERS = frozenset({"at", "for", "to", "enough", "with", "off", "talk"})
SUBJECTS = frozenset({"i", "he", "she", "they", "we", "you", "it"})
DETERMINERS = frozenset({"a", "an", "the", "how", "what", "this", "that"})
SARCASM_RE = re.compile(
    r"\b(?:yeah,? right|oh,? (?:great|joy|wonderful|perfect|yeah|sure)|just (?:great|perfect|"
    r"lovely|wonderful)|absolutely (?:thrilled|delighted|loved|loving|love)|so thrilled|"
    r"totally (?:thrilled|fine|loved)|lol|/s)\b",
    re.IGNORECASE,
)
SARCASM_TARGET_RE = re.compile(
    r"\b(?:again|another|ignored|traffic|stuck|waiting|hours|cancel+ed|late|forgot|yelled|"
    r"lecture[ds]?|criticis|criticiz|nobody|no one|as usual|being told|dumped|left on read)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LexiconEntry:
    form: tuple[str, ...]
    canonical: str
    family: str
    valence: str
    intensity: int
    generic: bool
    context: str  # "" | "feel" | "be"


@dataclass(frozen=True)
class Lexicon:
    by_first: Mapping[str, tuple[LexiconEntry, ...]]
    canonicals: Mapping[str, LexiconEntry]

    def __len__(self) -> int:
        return sum(len(entries) for entries in self.by_first.values())


def _entries(raw: Any) -> list[LexiconEntry]:
    if not isinstance(raw, dict) or not isinstance(raw.get("families"), dict):
        raise ContentError(f"{SOURCE}: expected a top-level 'families' mapping")
    entries: list[LexiconEntry] = []
    for family, spec in raw["families"].items():
        spec = mapping(spec, f"{SOURCE}: families.{family}")
        valence = spec.get("valence", "neutral")
        emotions = mapping(spec.get("emotions", {}), f"{SOURCE}: families.{family}.emotions")
        for canonical, item in emotions.items():
            where = f"{SOURCE}: families.{family}.emotions.{canonical}"
            item = mapping(item, where)
            intensity = item.get("intensity")
            if intensity not in (1, 2, 3):
                raise ContentError(f"{where}.intensity: expected 1, 2 or 3")
            if not isinstance(item.get("forms"), list) or not item["forms"]:
                raise ContentError(f"{where}.forms: expected a non-empty list")
            for form in item["forms"]:
                entries.append(
                    LexiconEntry(
                        form=tuple(str(form).lower().split()),
                        canonical=str(canonical),
                        family=str(family),
                        valence=str(valence),
                        intensity=intensity,
                        generic=bool(item.get("generic", False)),
                        context=str(item.get("context", "")),
                    )
                )
    return entries


@lru_cache(maxsize=4)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Parse the lexicon once per process; longest forms are tried first."""
    entries = _entries(read_content(SOURCE, directory))
    grouped: dict[str, list[LexiconEntry]] = {}
    canonicals: dict[str, LexiconEntry] = {}
    for entry in entries:
        grouped.setdefault(entry.form[0], []).append(entry)
        canonicals.setdefault(entry.canonical, entry)
    by_first = {
        k: tuple(sorted(v, key=lambda e: -len(e.form))) for k, v in grouped.items()
    }
    return Lexicon(by_first=by_first, canonicals=canonicals)


def _frame_ok(analysis: Analysis, index: int, end_index: int, context: str) -> bool:
    """Is an ambiguous word ("low", "safe", "lost") used as a feeling here?"""
    if not context:
        return True
    words = analysis.words
    sentence = analysis.tokens[index].sentence
    if index and words[index - 1] in DETERMINERS:
        return False  # "a bad friend", "the small talk"
    if words[max(index - 3, 0) : index] == ["when", "i", "was"]:
        return False  # "when I was small" is about age, not a feeling
    if index == 0 or analysis.tokens[index - 1].sentence != sentence:
        return context == "be"  # "Terrible, just terrible." / "Not great."
    frames = FEEL_FRAMES if context == "feel" else BE_FRAMES
    for k in range(index - 1, max(index - 5, -1), -1):
        if analysis.tokens[k].sentence != sentence:
            break
        word = words[k]
        if word in SUBJECTS:
            break  # "the price was low and I lost my keys": a new subject, a new frame
        if word in frames or (word == "me" and k and words[k - 1] in CAUSATIVES):
            verb_frame = word in {"feel", "felt", "feeling", "feels", "me"}
            nxt = words[end_index] if end_index < len(words) else ""
            return verb_frame or nxt not in COPULA_BLOCKERS
    return False


def _sarcastic_sentences(analysis: Analysis) -> frozenset[int]:
    sentences: set[int] = set()
    for match in SARCASM_RE.finditer(analysis.text):
        left, right = analysis.sentence_span(match.start())
        if SARCASM_TARGET_RE.search(analysis.text, left, right):
            index = max(analysis.token_at(match.start()), 0)
            if analysis.tokens:
                sentences.add(analysis.tokens[index].sentence)
    return frozenset(sentences)


def find_emotions(analysis: Analysis) -> tuple[EmotionMention, ...]:
    """Every emotion word in the answer, with negation, hedge and sarcasm applied."""
    lexicon = load_lexicon()
    words = analysis.words
    sarcastic = _sarcastic_sentences(analysis)
    mentions: list[EmotionMention] = []
    i = 0
    while i < len(words):
        match = None
        for entry in lexicon.by_first.get(words[i], ()):
            size = len(entry.form)
            if tuple(words[i : i + size]) == entry.form and _frame_ok(
                analysis, i, i + size, entry.context
            ):
                match = entry
                break
        if match is None:
            i += 1
            continue
        first, last = analysis.tokens[i], analysis.tokens[i + len(match.form) - 1]
        negated = i in analysis.negated or (
            match.valence == "positive" and first.sentence in sarcastic
        )
        mentions.append(
            EmotionMention(
                word=analysis.text[first.start : last.end],
                canonical=match.canonical,
                family=match.family,
                intensity=match.intensity,
                start=first.start,
                end=last.end,
                negated=negated,
                hedged=first.clause in analysis.hedged_clauses,
                generic=match.generic,
            )
        )
        i += len(match.form)
    return tuple(mentions)


def granularity(mentions: tuple[EmotionMention, ...]) -> int:
    """0-4: how many distinct, specific, differentiated feelings were named."""
    named = [m for m in mentions if not m.negated]
    if not named:
        return 0
    specific = {m.canonical: m.family for m in named if not m.generic}
    if not specific:
        return 1
    families = set(specific.values())
    if len(specific) >= 3 and len(families) >= 2:
        return 4
    if len(specific) >= 2:
        return 3
    return 2
