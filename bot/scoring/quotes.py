"""Quotes that read well: a whole clause or phrase of what the person wrote.

Feedback quotes the person back to themselves; a quote cut mid-phrase ("six and
I think I decided then that people go") reads as if nobody listened. A quote
here always runs from one edge to another, and the edges are defined exactly:

* **sentence edge**: the start or end of the text, or a sentence mark
  (``. ! ? …`` or a line break) between two words;
* **clause edge**: clause punctuation between two words (``, ; : ( ) " —``,
  a spaced hyphen, or any other symbol such as ``=`` or ``/``; a hyphen inside
  a word such as "self-worth" is not an edge);
* **conjunction edge**: before a subordinating conjunction ("because",
  "when", "although"...), which may open a quote, and around a coordinating
  conjunction that joins clauses ("but", and "and"/"or"/"so"/"yet" when a new
  subject follows): a quote may end before it and starts after it, never on it;
* **phrase edge** (weaker): before a preposition, complementiser or relative
  word ("that", "to", "with", "who"...). Used only to trim a clause that is
  over the length cap, and the trimmed side always shows an ellipsis.

A quote is the run of clauses holding the evidence, grown to at least
``MIN_WORDS`` inside its sentence and trimmed at phrase edges to ``MAX_WORDS``.
``is_clean_quote`` checks any quote against these rules (the tests run it on
every quote the feedback produces for the labelled sets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from bot.scoring.text import TOKEN_RE, norm

MIN_WORDS = 4
MAX_WORDS = 14
ELLIPSIS = "…"
SENTENCE_MARK = re.compile(r"[.!?…\n]")
INWORD_GAP = re.compile(r"^[-'’]$")

SUBORDINATORS = frozenset(
    """because cause cos coz cuz bc although though while whilst when whenever if unless until till
    since after before once whereas""".split()  # noqa: SIM905
)
ALWAYS_COORDINATING = frozenset({"but", "nor"})
SUBJECT_COORDINATING = frozenset({"and", "or", "so", "yet", "plus"})
# words that open a new clause after "and"/"or"/"so"/"yet": a subject or a clause adverb
SUBJECTS = frozenset(
    """i i'm i'd i've i'll im ive id we we're you you're he he's she she's they they're it it's
    my our his her their your the this that these those there now then nobody everyone someone
    somebody sometimes still never always maybe honestly everything nothing""".split()  # noqa: SIM905
)
PHRASE_OPENERS = frozenset(
    """that who which whose where what how why whether to with without about at for from in into
    of on onto by like over around through than instead""".split()  # noqa: SIM905
)

# a quote never closes on a word that points past its own end
NEVER_LAST = frozenset({"and", "or", "but", "nor", "yet", "plus", "a", "an", "the", "my", "your",
                        "our", "their"})  # fmt: skip


@dataclass(frozen=True)
class Word:
    text: str  # normalised
    start: int
    end: int


class Edges:
    """Where, in one text, a quote may start and end (as word indexes)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = tuple(
            Word(norm(m.group()), m.start(), m.end()) for m in TOKEN_RE.finditer(text)
        )

    def _gap(self, index: int) -> str:
        """The characters between word ``index - 1`` and word ``index``."""
        return self.text[self.words[index - 1].end : self.words[index].start]

    def sentence_break(self, index: int) -> bool:
        """A sentence ends between word ``index - 1`` and word ``index``."""
        if index <= 0 or index >= len(self.words):
            return True
        return bool(SENTENCE_MARK.search(self._gap(index)))

    def _punctuated(self, index: int) -> bool:
        gap = self._gap(index).strip()
        return bool(gap) and not INWORD_GAP.match(gap)

    def coordinating(self, index: int) -> bool:
        """Word ``index`` is a conjunction that joins two clauses."""
        word = self.words[index].text
        if word in ALWAYS_COORDINATING:
            return True
        if word not in SUBJECT_COORDINATING or index + 1 >= len(self.words):
            return False
        following = self.words[index + 1].text
        return following in SUBJECTS or following in SUBORDINATORS

    @cached_property
    def hard_breaks(self) -> frozenset[int]:
        """Indexes of words that follow a sentence, clause or conjunction edge."""
        breaks = {0}
        for i in range(1, len(self.words)):
            if self._punctuated(i) or self.subordinating(i) or self.coordinating(i):
                breaks.add(i)
            if self.coordinating(i - 1) and not self._punctuated(i):
                breaks.add(i)
        return frozenset(breaks)

    def subordinating(self, index: int) -> bool:
        """Word ``index`` opens a subordinate clause: a subordinator with its clause after it
        ("when I feel", not "all at once." or "once and")."""
        if self.words[index].text not in SUBORDINATORS or index + 1 >= len(self.words):
            return False
        if index > 0 and self.words[index - 1].text in PHRASE_OPENERS:
            return False  # "from before I was ten": one phrase
        return not self._punctuated(index + 1) and not self.coordinating(index + 1)

    def _conjunction(self, index: int) -> bool:
        return self.subordinating(index) or self.coordinating(index)

    @cached_property
    def starts(self) -> frozenset[int]:
        """Words a quote may open on with no ellipsis."""
        return frozenset(
            i for i in self.hard_breaks if i < len(self.words) and not self.coordinating(i)
        )

    @cached_property
    def ends(self) -> frozenset[int]:
        """Words a quote may close on (inclusive) with no ellipsis."""
        last = len(self.words) - 1
        return frozenset(
            i for i in range(len(self.words))
            if (i == last or i + 1 in self.hard_breaks)
            and not self._conjunction(i) and self.words[i].text not in NEVER_LAST
        )  # fmt: skip

    @cached_property
    def soft_starts(self) -> frozenset[int]:
        """Words a trimmed quote may open on, after an ellipsis."""
        phrase = {i for i, w in enumerate(self.words) if w.text in PHRASE_OPENERS}
        return self.starts | frozenset(phrase)

    @cached_property
    def soft_ends(self) -> frozenset[int]:
        """Words a trimmed quote may close on, before an ellipsis."""
        phrase = {
            i for i in range(len(self.words) - 1)
            if self.words[i + 1].text in PHRASE_OPENERS and self.words[i].text not in PHRASE_OPENERS
        }  # fmt: skip
        closing = {i for i in phrase if not self._conjunction(i)}
        return self.ends | frozenset(i for i in closing if self.words[i].text not in NEVER_LAST)

    def clause_of(self, index: int) -> tuple[int, int]:
        """First and last word of the clause holding word ``index`` (conjunctions left out)."""
        first = max(b for b in self.hard_breaks if b <= index)
        last = min((b for b in self.hard_breaks if b > index), default=len(self.words)) - 1
        while first < last and first not in self.starts:
            first += 1
        while last > first and last not in self.ends:
            last -= 1
        return first, last

    def render(self, first: int, last: int) -> str:
        """Words ``first``..``last`` verbatim, with an ellipsis on any side cut inside a clause."""
        body = self.text[self.words[first].start : self.words[last].end]
        left = "" if first in self.starts else ELLIPSIS
        right = "" if last in self.ends else ELLIPSIS
        return f"{left}{body}{right}"


def _next_end(edges: Edges, index: int) -> int | None:
    """The end of the first whole clause from word ``index`` on, inside the sentence."""
    while index < len(edges.words) and not edges.sentence_break(index):
        _, last = edges.clause_of(index)
        if last >= index and last in edges.ends:
            return last
        index = min((b for b in edges.hard_breaks if b > index), default=len(edges.words))
    return None


def _previous_start(edges: Edges, index: int) -> int | None:
    """The start of the nearest whole clause ending at word ``index``, inside the sentence."""
    while index >= 0:
        first, _ = edges.clause_of(index)
        if first <= index and first in edges.starts:
            return first
        opening = max(b for b in edges.hard_breaks if b <= index)
        if edges.sentence_break(opening):
            return None
        index = opening - 1
    return None


def _grow(edges: Edges, first: int, last: int) -> tuple[int, int]:
    """Add whole neighbouring clauses of the same sentence until the quote says something."""
    while last - first + 1 < MIN_WORDS:
        after = _next_end(edges, last + 1) if not edges.sentence_break(last + 1) else None
        if after is not None and after - first + 1 <= MAX_WORDS:
            last = after
            continue
        before = _previous_start(edges, first - 1) if not edges.sentence_break(first) else None
        if before is not None and last - before + 1 <= MAX_WORDS:
            first = before
            continue
        break
    return first, last


def _trim(edges: Edges, first: int, last: int, hit: tuple[int, int]) -> tuple[int, int]:
    """The longest part of an over-long clause, cut at phrase edges, that keeps the evidence."""
    starts = [i for i in range(first, hit[0] + 1) if i in edges.soft_starts]
    ends = [i for i in range(hit[1], last + 1) if i in edges.soft_ends]
    options = [(s, e) for s in starts for e in ends if e >= s]
    if not options:
        return first, last
    fitting = [(s, e) for s, e in options if e - s + 1 <= MAX_WORDS]
    if fitting:
        return max(fitting, key=lambda o: (_whole_sides(edges, *o), o[1] - o[0], -o[0]))
    return min(options, key=lambda o: (o[1] - o[0], o[0]))


def _whole_sides(edges: Edges, first: int, last: int) -> int:
    """How many sides of a candidate need no ellipsis (fewer cuts read better)."""
    return int(first in edges.starts) + int(last in edges.ends)


def quote_around(text: str, start: int, end: int) -> str:
    """The clause (or clauses) holding the characters ``start``..``end``, cleanly cut."""
    edges = Edges(text)
    if not edges.words:
        return text[start:end].strip()
    inside = [i for i, w in enumerate(edges.words) if w.end > start and w.start < end]
    if not inside:
        after = [i for i, w in enumerate(edges.words) if w.start >= start]
        inside = [after[0] if after else len(edges.words) - 1]
    hit = (inside[0], inside[-1])
    first, _ = edges.clause_of(hit[0])
    _, last = edges.clause_of(hit[1])
    first, last = min(first, hit[0]), max(last, hit[1])
    first, last = _grow(edges, first, last)
    if last - first + 1 > MAX_WORDS:
        first, last = _trim(edges, first, last, hit)
    return edges.render(first, last)


def opening_quote(text: str) -> str:
    """The opening clause of the answer, cleanly cut."""
    edges = Edges(text)
    if not edges.words:
        return ""
    first = edges.words[0]
    return quote_around(text, first.start, first.end)


def is_clean_quote(text: str, quote: str) -> bool:
    """Whether ``quote`` is a verbatim run of ``text`` from edge to edge.

    A side without an ellipsis must sit on a sentence, clause or conjunction
    edge; a side with one must sit on at least a phrase edge.
    """
    cut_left, cut_right = quote.startswith(ELLIPSIS), quote.endswith(ELLIPSIS)
    core = quote.strip(ELLIPSIS)
    if not core:
        return False
    edges = Edges(text)
    by_start = {w.start: i for i, w in enumerate(edges.words)}
    by_end = {w.end: i for i, w in enumerate(edges.words)}
    position = text.find(core)
    while position != -1:
        first, last = by_start.get(position), by_end.get(position + len(core))
        if first is not None and last is not None:
            left_ok = first in (edges.soft_starts if cut_left else edges.starts)
            right_ok = last in (edges.soft_ends if cut_right else edges.ends)
            if left_ok and right_ok:
                return True
        position = text.find(core, position + 1)
    return False
