"""Is this message in a language the bot cannot read?

SecureBase reads English only: its safety rules, learned net and rubric would
silently miss a cry for help in Spanish. A message that is clearly in another
language gets a short plain-English reply that says so, with the crisis
resources link always shown, instead of a misleading answer.

``py3langid`` ships its model inside the package (nothing is downloaded at run
time) and classifies a message in well under a millisecond. Short English
slang ("ngl im so done", "wyd") fools it, so a message counts as another
language only when the detector gives English almost no chance *and* most of
its words never occur in the project's own English data (the NLU examples,
the risk corpus and the rubric answers, read once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Languages people write to a chatbot in; limiting the set keeps short texts from
# being read as, say, Latin or Volapük.
LANGUAGES = (
    "en", "es", "fr", "de", "pt", "it", "nl", "pl", "tr", "ru", "uk", "ar", "fa",
    "he", "hi", "ur", "bn", "zh", "ja", "ko", "vi", "th", "id", "ms", "tl", "sv",
    "da", "no", "fi", "ro", "cs", "hu", "el",
)  # fmt: skip
MIN_WORDS = 2
# The detector gives English less than this probability...
MAX_ENGLISH_PROBABILITY = 0.05
# ...and fewer than this share of the words are ones the project's own English data uses.
MAX_KNOWN_SHARE = 0.5
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NON_LATIN = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f"
    r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)


@dataclass(frozen=True)
class LanguageGuess:
    """The language the message is most likely in and whether the bot can read it."""

    language: str
    confidence: float
    readable: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "confidence": round(self.confidence, 3),
            "readable": self.readable,
        }


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Words used at least twice in the project's own English texts."""
    from collections import Counter

    from bot.safety.learned import training_examples

    counts: Counter[str] = Counter()
    for example in training_examples():
        counts.update(word.lower() for word in _WORD.findall(example.text))
    return frozenset(word for word, count in counts.items() if count >= 2)


def guess_language(text: str) -> LanguageGuess:
    """English (readable) unless the message is clearly written in another language."""
    words = [word.lower() for word in _WORD.findall(text)]
    letters = sum(len(word) for word in words)
    if letters and len(_NON_LATIN.findall(text)) * 2 > letters:
        # Mostly Cyrillic, Arabic, Devanagari, CJK…: not English whatever the model says.
        language, confidence = _identifier().classify(text)
        return LanguageGuess(language if language != "en" else "und", float(confidence), False)
    if len(words) < MIN_WORDS:
        return LanguageGuess("en", 0.0, True)
    ranked = dict(_identifier().rank(text))
    language = max(ranked, key=ranked.__getitem__)
    confidence = float(ranked[language])
    if float(ranked.get("en", 0.0)) >= MAX_ENGLISH_PROBABILITY:
        return LanguageGuess(language, confidence, True)
    vocabulary = known_words()
    known = sum(word in vocabulary for word in words) / len(words)
    return LanguageGuess(language, confidence, known >= MAX_KNOWN_SHARE)
