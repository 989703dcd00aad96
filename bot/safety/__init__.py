"""Risk detection and crisis content, run on every user message before anything else.

``assess_risk`` is pure and explainable: a level (``none``, ``concern``,
``crisis``) and the evidence spans that produced it. ``crisis_messages`` and
``concern_messages`` compose the replies from content files, with the
resources for the configured region; ``technical_problem_message`` is what a
person hears when the back end could not answer.
"""

from bot.safety.detector import RiskAssessment, RiskEvidence, assess_risk
from bot.safety.messages import concern_messages, crisis_messages, technical_problem_message
from bot.safety.resources import (
    DEFAULT_REGION,
    REGIONS,
    Helpline,
    RegionResources,
    resources_for,
)

__all__ = [
    "DEFAULT_REGION",
    "REGIONS",
    "Helpline",
    "RegionResources",
    "RiskAssessment",
    "RiskEvidence",
    "assess_risk",
    "concern_messages",
    "crisis_messages",
    "resources_for",
    "technical_problem_message",
]
