"""Risk detection and crisis content, run on every user message before anything else.

``assess_risk`` is pure and explainable: a level (``none``, ``concern``,
``crisis``) and the evidence spans that produced it. ``crisis_messages`` and
``concern_messages`` compose the replies from content files, with the
resources for the configured region.
"""

from bot.safety.detector import RiskAssessment, RiskEvidence, assess_risk
from bot.safety.messages import concern_messages, crisis_messages
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
]
