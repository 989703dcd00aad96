"""The crisis rule set, one module per family, in the order evidence is reported.

Each family module holds the explicit rules for its idea and the proximity
rules that generalise it ("a wish near death", "better near my absence");
spelling variants, typos and slang live once in ``words``, look-alike settings
in ``guards``. Patterns are first-person by construction, and rules marked
``subject`` are lowered when the clause is about someone else or fiction.
"""

from __future__ import annotations

from bot.safety.danger import DANGER_RULES
from bot.safety.farewell import BURDEN_RULES
from bot.safety.ideation import SUICIDAL_RULES
from bot.safety.means import METHOD_RULES
from bot.safety.plans import PLAN_RULES
from bot.safety.presence import PRESENCE_RULES
from bot.safety.rules import Rule
from bot.safety.self_harm import SELF_HARM_RULES

CRISIS_RULES: tuple[Rule, ...] = (
    SUICIDAL_RULES + SELF_HARM_RULES + METHOD_RULES + BURDEN_RULES + DANGER_RULES + PRESENCE_RULES
    + PLAN_RULES
)
