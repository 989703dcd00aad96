"""Is this message in a language the bot cannot read?

SecureBase reads English only: its safety rules, learned net and rubric would
silently miss a cry for help in Spanish. A message that is clearly in another
language gets a short plain-English reply that says so, with the crisis
resources link always shown, instead of a misleading answer.

``py3langid`` ships its model inside the package (nothing is downloaded at run
time) and classifies a message in well under a millisecond. Short English
slang ("ngl im so done", "wyd") fools it, so a message counts as another
language only when it is long enough, the detector is very sure, and almost
none of its words are common English ones.
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
MIN_WORDS = 3
MIN_CONFIDENCE = 0.95
# Above this share of everyday English words, the message is English whatever the model says.
MAX_ENGLISH_SHARE = 0.25
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f"
                        r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_ENGLISH = frozenset(
    {
        "a", "about", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "but", "by", "can", "cant", "could", "day", "did", "do",
        "does", "dont", "down", "even", "feel", "for", "from", "get", "go", "going", "gonna",
        "good", "got", "had", "has", "have", "he", "her", "him", "his", "how", "i", "id", "ill",
        "im", "in", "is", "it", "its", "just", "know", "like", "lol", "me", "my", "myself",
        "need", "never", "no", "not", "now", "of", "off", "ok", "okay", "on", "one", "or",
        "our", "out", "over", "really", "rn", "so", "some", "still", "tbh", "that", "the",
        "them", "then", "there", "they", "thing", "think", "this", "to", "too", "u", "up", "ur",
        "us", "want", "wanna", "was", "we", "well", "were", "what", "when", "who", "why",
        "will", "with", "wont", "would", "yeah", "yes", "you", "your",
    }
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


def guess_language(text: str) -> LanguageGuess:
    """English (readable) unless the message is clearly written in another language."""
    words = [word.lower() for word in _WORD.findall(text)]
    letters = sum(len(word) for word in words)
    foreign_script = len(_NON_LATIN.findall(text))
    if letters and foreign_script * 2 > letters:
        # Mostly Cyrillic, Arabic, Devanagari, CJK…: not English whatever the model thinks.
        language, confidence = _identifier().classify(text)
        return LanguageGuess(language if language != "en" else "und", float(confidence), False)
    if len(words) < MIN_WORDS:
        return LanguageGuess("en", 0.0, True)
    language, confidence = _identifier().classify(text)
    confidence = float(confidence)
    if language == "en" or confidence < MIN_CONFIDENCE:
        return LanguageGuess(language, confidence, True)
    english = sum(word in _ENGLISH for word in words) / max(len(words), 1)
    if english > MAX_ENGLISH_SHARE:
        return LanguageGuess(language, confidence, True)
    return LanguageGuess(language, confidence, False)
