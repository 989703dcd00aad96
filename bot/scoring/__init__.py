"""Pure, explainable scoring of reflection answers (see DESIGN.md, "Scoring").

Text in, frozen results out, with the evidence behind every number so that
feedback can quote the person and a therapist can see why.
"""

from bot.scoring.feedback import Feedback, compose_feedback
from bot.scoring.result import (
    ELEMENT_KEYS,
    EmotionMention,
    Evidence,
    ScoreResult,
)
from bot.scoring.scorer import score_answer
from bot.scoring.summary import Summary, compose_summary, suggest_concept

__all__ = [
    "ELEMENT_KEYS",
    "EmotionMention",
    "Evidence",
    "Feedback",
    "ScoreResult",
    "Summary",
    "compose_feedback",
    "compose_summary",
    "score_answer",
    "suggest_concept",
]
