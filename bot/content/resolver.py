"""Which concept a person's words name: aliases, spelling variants and typos.

Built once from ``concepts.yml`` (id, title and aliases of every concept). The
longest alias wins, so "secure base" is one concept and not "secure" plus a
stray word, and a long misspelt word ("preocupied") is read as the alias word
it is closest to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cached_property

from bot.content.loader import ContentError

UMBRELLA = "internal_working_model"  # named in most questions; a more specific concept wins
TYPO_CUTOFF = 0.88  # difflib similarity for correcting a long word to an alias word


def normalise(text: str) -> str:
    """Fold case, hyphens, apostrophes, -ize/-ise spelling and plural -s for matching."""
    folded = text.lower().replace("’", "'").replace("'", "").replace("z", "s")
    tokens = re.findall(r"[a-z0-9]+", folded)
    return " ".join(
        t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t for t in tokens
    )


@dataclass(frozen=True)
class ConceptResolver:
    alias_index: Mapping[tuple[str, ...], str]

    @cached_property
    def _alias_words(self) -> list[str]:
        return sorted({word for alias in self.alias_index for word in alias})

    def _tokens(self, text: str) -> list[str]:
        """Normalised words, with long misspelt words ("preocupied") set to the alias word."""
        words = self._alias_words
        return [
            next(iter(get_close_matches(t, words, n=1, cutoff=TYPO_CUTOFF)), t)
            if len(t) >= 6 and t not in words
            else t
            for t in normalise(text).split()
        ]

    def _matches(self, text: str, *, overlapping: bool) -> list[tuple[int, int, str]]:
        """(start token, length in characters, concept id) of the longest alias at a start.

        Without ``overlapping`` the scan skips past each match, so "secure base" is one
        mention rather than "secure base" plus "secure".
        """
        tokens = self._tokens(text)
        longest = max((len(alias) for alias in self.alias_index), default=0)
        found: list[tuple[int, int, str]] = []
        start = 0
        while start < len(tokens):
            step = 1
            for size in range(min(longest, len(tokens) - start), 0, -1):
                key = tuple(tokens[start : start + size])
                if key in self.alias_index:
                    found.append((start, len(" ".join(key)), self.alias_index[key]))
                    step = 1 if overlapping else size
                    break
            start += step
        return found

    def resolve_concept(self, text: str) -> str | None:
        """The concept named in free text: the longest alias wins, then the earliest.

        "Working model" appears in most questions, so it only wins when nothing more
        specific is named ("how do working models form" is about formation).
        """
        matches = self._matches(text, overlapping=True)
        specific = [m for m in matches if m[2] != UMBRELLA] or matches
        if not specific:
            return None
        return max(specific, key=lambda m: (m[1], -m[0]))[2]

    def resolve_concepts(self, text: str) -> list[str]:
        """Every distinct concept mentioned, in order, for "difference between X and Y"."""
        ordered: list[str] = []
        for _, _, concept_id in self._matches(text, overlapping=False):
            if concept_id not in ordered:
                ordered.append(concept_id)
        return ordered


def build_resolver(phrases: Mapping[str, Iterable[str]], where: str) -> ConceptResolver:
    """Map each normalised phrase to its concept; one phrase may name only one concept.

    ``phrases`` maps a concept id to its id, title and aliases; ``where`` names the
    file for errors (``concepts.yml: concepts``).
    """
    index: dict[tuple[str, ...], str] = {}
    for concept_id, names in phrases.items():
        for phrase in names:
            key = tuple(normalise(phrase).split())
            field = f"{where}.{concept_id}.aliases"
            if not key:
                raise ContentError(f"{field}: {phrase!r} has no letters or digits")
            owner = index.setdefault(key, concept_id)
            if owner != concept_id:
                raise ContentError(f"{field}: {phrase!r} already names {owner}")
    return ConceptResolver(alias_index=index)
