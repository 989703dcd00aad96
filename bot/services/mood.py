"""Read a 1-5 mood rating from whatever the person typed or tapped."""

from __future__ import annotations

import re

SKIPPED = "skipped"

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_SKIP = re.compile(
    r"^(skip|pass|no( thanks?)?|nah|not now|rather not|i'?d rather not|next|later|-)\b", re.I
)
_WORDS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\b(awful|terrible|horrible|very (low|bad)|really (low|bad)|worst)\b", re.I), 1),
    (re.compile(r"\b(not (great|good|so good)|low|meh|down|sad|rough|(?<!not )bad)\b", re.I), 2),
    (re.compile(r"\b(ok(ay)?|fine|alright|so-?so|in between|neutral|average)\b", re.I), 3),
    (re.compile(r"\b(really good|very good|great|excellent|fantastic|amazing)\b", re.I), 5),
    (re.compile(r"\b(good|well|pretty good|not bad|happy)\b", re.I), 4),
)


def parse_mood(text: str | None) -> int | str | None:
    """Return 1-5, ``SKIPPED`` when they decline, or ``None`` when it is unclear."""
    if text is None:
        return None
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return None
    digits = re.findall(r"(?<![\d.])([1-5])(?![\d.])", cleaned)
    if len(set(digits)) == 1 and len(cleaned) <= 40:
        return int(digits[0])
    for word, value in _NUMBER_WORDS.items():
        if re.search(rf"\b{word}\b", cleaned) and len(cleaned) <= 40:
            return value
    if _SKIP.search(cleaned):
        return SKIPPED
    if len(cleaned) <= 60:
        for pattern, value in _WORDS:
            if pattern.search(cleaned):
                return value
    return None
