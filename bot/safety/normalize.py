"""Text normalisation that remembers where every character came from.

Rules run on a folded copy of the message (NFKC, case-folded, zero-width and
control characters removed, curly quotes straightened, letters repeated three
or more times collapsed), but evidence must point into the text the person
actually wrote, so each folded character keeps the index of its source.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Characters that carry no visible text and are used (deliberately or not) to
# break up words: zero-width space/joiners, word joiner, BOM, soft hyphen, and
# bidirectional controls that appear in RTL text.
_INVISIBLE = frozenset(
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_REPLACEMENTS = {
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
}


@dataclass(frozen=True)
class Folded:
    """A folded message and, for each of its characters, the source index."""

    text: str
    # Source start and (exclusive) end of each folded character; None means the
    # identity mapping (the pure-ASCII fast path).
    starts: tuple[int, ...] | None
    ends: tuple[int, ...] | None
    source_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the folded text back to the source text."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else self.source_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _fold_char(ch: str) -> str:
    if ch in _INVISIBLE:
        return ""
    if ch in _REPLACEMENTS:
        return _REPLACEMENTS[ch]
    category = unicodedata.category(ch)
    if category == "Cc" and ch not in "\n\t":
        return " "
    if category in ("Zs", "Zl", "Zp"):
        return " " if category == "Zs" else "\n"
    return unicodedata.normalize("NFKC", ch).casefold()


def fold(text: str) -> Folded:
    """Fold ``text`` for matching; never raises on any ``str``."""
    if text.isascii():
        lowered = text.lower().replace("`", "'")
        if not _has_long_run(lowered):
            return Folded(lowered, None, None, len(text))
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        for out in _fold_char(ch):
            chars.append(out)
            origin.append(index)
    return _collapse_runs(chars, origin, len(text))


def _has_long_run(text: str) -> bool:
    run = 1
    for previous, current in zip(text, text[1:], strict=False):
        run = run + 1 if current == previous and current.isalpha() else 1
        if run >= 3:
            return True
    return False


def _collapse_runs(chars: list[str], origin: list[int], source_length: int) -> Folded:
    """Keep one letter of any run of three or more ("dieee" -> "die"); pairs stay."""
    kept_chars: list[str] = []
    kept_starts: list[int] = []
    kept_ends: list[int] = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and chars[j + 1] == chars[i]:
            j += 1
        run = j - i + 1
        keep = 1 if chars[i].isalpha() and run >= 3 else run
        kept_chars.extend(chars[i : i + keep])
        kept_starts.extend(origin[i : i + keep])
        kept_ends.extend(o + 1 for o in origin[i : i + keep])
        if keep < run:
            kept_ends[-1] = origin[j] + 1
        i = j + 1
    return Folded("".join(kept_chars), tuple(kept_starts), tuple(kept_ends), source_length)
