"""Tokens, clauses and the three scopes the rubric must respect.

* negation: "I don't feel angry" names no anger;
* hedging: "maybe I was scared" still names fear, but tentatively;
* reported speech and quotes: "my mum said I was selfish" is the mother's
  judgement, not the person's belief about themselves, unless they adopt it
  ("... and I believed her").

Everything here is computed once per answer and shared by every dimension.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
SENTENCE_BREAK_RE = re.compile(r"[.!?\n]+")
CLAUSE_BREAK_RE = re.compile(r"[,;:()\u2014\u2013]| - ")
QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{1,200})[\"“”]")

CONJUNCTIONS = frozenset(
    {"but", "and", "so", "because", "though", "although", "while", "then", "yet", "cause", "cos"}
)
NEGATORS = frozenset(
    {
        "not", "no", "never", "without", "nor", "neither", "hardly", "barely", "cannot",
        "dont", "didnt", "doesnt", "wasnt", "werent", "isnt", "arent", "cant", "couldnt",
        "wont", "wouldnt", "havent", "hasnt", "hadnt", "shouldnt", "aint",
    }
)
NOT_NEGATING_NEXT = frozenset({"one", "matter", "doubt", "only", "just", "sure", "idea"})
SCOPE_STOPS = frozenset(
    {"that", "how", "what", "if", "whether", "when", "who", "which", "until", "why", "where"}
)
RAISING_VERBS = frozenset({"think", "believe", "guess", "suppose", "reckon"})
HEDGES = frozenset(
    {
        "maybe", "perhaps", "probably", "possibly", "might", "may", "guess", "suppose",
        "kinda", "sorta", "somewhat", "seemed", "seem", "seems", "apparently", "unsure",
    }
)
HEDGE_PAIRS = frozenset(
    {("kind", "of"), ("sort", "of"), ("i", "think"), ("not", "sure"), ("a", "bit")}
)
REPORTING_VERBS = frozenset(
    {
        "said", "says", "say", "told", "tells", "tell", "called", "calls", "yelled", "shouted",
        "screamed", "insisted", "claimed", "accused", "warned", "reminded", "implied",
    }
)
ADOPTION_RE = re.compile(
    r"\b(?:i\s+(?:still\s+)?(?:believed?|accepted|agree[ds]?)\s+(?:it|her|him|them|that)"
    r"|(?:she|he|they)\s+(?:was|were|is|are)\s+right|it'?s\s+true|i\s+still\s+(?:believe|think)"
    r"|i\s+started\s+to\s+believe|i\s+took\s+it\s+on|deep\s+down\s+i\s+(?:believe|think)"
    r"|part\s+of\s+me\s+(?:still\s+)?(?:believes|thinks)\s+(?:it|that|them|her|him))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Token:
    text: str  # lower-case, apostrophes normalised
    start: int
    end: int
    sentence: int
    clause: int


def norm(word: str) -> str:
    """Lower-case and fold apostrophes so "don't", "don’t" and "dont" look alike."""
    return word.lower().replace("’", "'")


class Analysis:
    """One answer, tokenised, with negation, hedge and reported-speech scopes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.lower().replace("’", "'")
        self.tokens: tuple[Token, ...] = self._tokenise(text)
        self.starts = [t.start for t in self.tokens]
        self.words = [t.text for t in self.tokens]
        self.negated = self._negation_scopes()
        self.hedged_clauses = self._hedged_clauses()
        self.reported, self.adopted = self._reported_scopes()

    # tokenising -----------------------------------------------------------
    @staticmethod
    def _tokenise(text: str) -> tuple[Token, ...]:
        tokens: list[Token] = []
        sentence = clause = 0
        previous_end = 0
        for match in TOKEN_RE.finditer(text):
            gap = text[previous_end : match.start()]
            word = norm(match.group())
            if tokens:
                if SENTENCE_BREAK_RE.search(gap):
                    sentence += 1
                    clause += 1
                elif CLAUSE_BREAK_RE.search(gap) or word in CONJUNCTIONS:
                    clause += 1
            tokens.append(Token(word, match.start(), match.end(), sentence, clause))
            previous_end = match.end()
        return tuple(tokens)

    # scopes ---------------------------------------------------------------
    def _is_negator(self, index: int) -> bool:
        word = self.words[index]
        key = word.replace("'", "")
        if key not in NEGATORS and not word.endswith("n't"):
            return False
        nxt = self.words[index + 1] if index + 1 < len(self.words) else ""
        if nxt in NOT_NEGATING_NEXT:
            return False
        return not (key in {"dont", "didnt", "doesnt"} and nxt in {"know", "remember"})

    def _negation_scopes(self) -> frozenset[int]:
        scoped: set[int] = set()
        tokens = self.tokens
        for i, token in enumerate(tokens):
            if not self._is_negator(i):
                continue
            for j in range(i + 1, min(i + 6, len(tokens))):
                word = tokens[j].text
                if tokens[j].clause != token.clause or word in SCOPE_STOPS:
                    break
                if word == "i" and tokens[j - 1].text not in RAISING_VERBS:
                    break
                scoped.add(j)
        return frozenset(scoped)

    def _hedged_clauses(self) -> frozenset[int]:
        hedged: set[int] = set()
        words = self.words
        for i, token in enumerate(self.tokens):
            pair = (words[i - 1], token.text) if i else ("", token.text)
            if token.text in HEDGES or pair in HEDGE_PAIRS:
                hedged.add(token.clause)
        return frozenset(hedged)

    def _reported_scopes(self) -> tuple[frozenset[int], bool]:
        scoped: set[int] = set()
        tokens = self.tokens
        for i, token in enumerate(tokens):
            if token.text not in REPORTING_VERBS:
                continue
            subject = self._subject_before(i)
            following = self.words[i + 1] if i + 1 < len(self.words) else ""
            if subject in {"i", "i'd", "i'll", "we", "and"} or following == "myself":
                continue
            for j in range(i + 1, len(tokens)):
                if tokens[j].sentence != token.sentence:
                    break
                if tokens[j].text in {"but", "because", "though"} or (
                    tokens[j].text in {"and", "so"}
                    and j + 1 < len(tokens)
                    and tokens[j + 1].text in {"i", "it", "now", "that"}
                ):
                    break
                scoped.add(j)
        for match in QUOTE_RE.finditer(self.text):
            scoped.update(self.token_indexes(match.start(1), match.end(1)))
        adopted = bool(scoped) and bool(ADOPTION_RE.search(self.lower))
        return frozenset(scoped), adopted

    def _subject_before(self, index: int) -> str:
        for j in range(index - 1, max(index - 4, -1), -1):
            word = self.words[j]
            if word not in {"always", "once", "would", "just", "often", "never", "also", "had"}:
                return word
        return ""

    # lookups --------------------------------------------------------------
    def token_at(self, char: int) -> int:
        """Index of the token that starts at or before ``char`` (-1 before the first)."""
        return bisect_right(self.starts, char) - 1

    def token_indexes(self, start: int, end: int) -> range:
        first = bisect_right(self.starts, start - 1)
        last = bisect_right(self.starts, end - 1)
        return range(first, last)

    def span_negated(self, start: int, end: int) -> bool:
        return any(i in self.negated for i in self.token_indexes(start, end))

    def span_reported(self, start: int, end: int) -> bool:
        if self.adopted:
            return False
        return any(i in self.reported for i in self.token_indexes(start, end))

    def span_hedged(self, start: int, end: int) -> bool:
        indexes = self.token_indexes(start, end)
        return any(self.tokens[i].clause in self.hedged_clauses for i in indexes)

    def sentence_span(self, char: int) -> tuple[int, int]:
        """Character span of the sentence around ``char``, trimmed."""
        left = max(self.text.rfind(c, 0, char) for c in ".!?\n") + 1
        rights = [r for r in (self.text.find(c, char) for c in ".!?\n") if r != -1]
        right = min(rights) if rights else len(self.text)
        while left < right and self.text[left].isspace():
            left += 1
        return left, right
