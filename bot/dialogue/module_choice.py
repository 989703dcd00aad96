"""Typed module choices as a dialogue policy: what rules cannot see is the list just shown.

"2", "the first one" or "the last one" only mean a module right after a list
of modules; "my childhood" or "I always pull away" mean one whatever NLU made
of them (a concept question, out of scope, a low-confidence guess). This
policy reads the tracker for both and, outside any form, predicts
``action_choose_module``, which asks ``bot.services.module_offer`` what to do
(start, offer two, reflect a share and offer). After that action it predicts
the reflection form when a module started and listening otherwise.

Safety first: it never acts on a message the risk check flagged, on a crisis,
"get help now" or any safety intent, or while a safety question, a form or the
question to delete everything is pending; SafetyPolicy's predictions outrank it
anyway. Commands (pause, progress, data, quiz ...) keep their meaning unless
the whole message is a position on the list just shown ("number four").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.safety import pending_question
from bot.ids import PENDING_OFFER_SLOT, REFLECTION_READY_SLOT, RISK_KEY
from bot.services.module_choice import modules_in_buttons

CHOOSE = "action_choose_module"
FORM = "reflection_form"
# Never overruled, not even by a position: safety and the person's data.
SAFETY_INTENTS = frozenset(
    {"crisis", "distress", "safety_check", "not_english", "safety_ok", "delete_data",
     "export_data"}
)
# Read as a module choice whenever the words name one (or the message is personal).
OPEN_INTENTS = frozenset(
    {"share", "choose_module", "start_reflection", "out_of_scope", "nlu_fallback", "dont_know",
     "affirm", "deny", "thank"}
)
# Kept unless the message is only a position ("number one please", "the last one").
COMMAND_INTENTS = frozenset(
    {"get_help_now", "help", "ask_progress", "ask_data", "greet", "goodbye", "pause", "resume",
     "skip"}
)
# Offers of content, not commands about the conversation: a clear module description
# ("I'd like to get used to reaching out. Small doses.") wins over DIET's guess at them.
SOFT_INTENTS = frozenset(
    {"ask_concept_more", "ask_change_over_time", "start_quiz", "start_self_assessment",
     "bot_challenge"}
)
STRONG = 3.0  # the module score that outweighs a soft intent
# Words that say one of those is meant: a module is never chosen over them.
COMMAND_WORDS = re.compile(
    r"\b(quiz|test me|self[- ]?assessment|questionnaire|how have i changed|progress|"
    r"my data|delete|export|tell me more|more about|(are|r) (you|u)|bot|human|robot|ai)\b",
    re.IGNORECASE,
)
# "what is X", "explain X": a concept question keeps its answer.
CONCEPT_QUESTION = re.compile(
    r"^\s*(so\s+)?(what|whats|what's|how|why|is|isn't|isnt|are|does|do|did|can|could|would|"
    r"will|should|r|explain|define|tell me|meaning)\b|\?\s*$",
    re.IGNORECASE,
)
# ... unless it asks for a module: "could we look at the childhood one?", "which bit is that?"
MODULE_REQUEST = re.compile(
    r"\b(look at|go over|go to|talk about|work on|explore|start|do|try) (the|my|a|some|this)\b|"
    r"\b(the|that) (childhood|early|patterns?|relationships?|practi[cs]e|exposure|emotions?|"
    r"feelings?|support|help|therapy|first|second|third|fourth|fifth|middle|last) "
    r"(one|module|bit)\b|\bwhich (one|bit|module|part)\b|"
    r"\b(anything|something) (about|for|on)\b|\bhow (do|can|would) i (find|get|start)\b|"
    r"\bwhere (do|can|should) i (start|find|go)\b|\b(is there|do you have|do u have)\b|"
    # a question about one's own repeating life is a reflection, not a definition
    r"\bwhy (do|did|does) i (keep|always|never)\b|\bhow come (i|all my|my)\b",
    re.IGNORECASE,
)


# Pending questions whose answer must not be read as a module choice.
ANSWER_PENDING = frozenset({"delete", "export", "consent", "alerts"})


def menu_shown(tracker: DialogueStateTracker) -> tuple[str, ...]:
    """The modules the bot's last turn listed as buttons (in order), if it listed any.

    A turn can be several messages ("You mentioned ...", the offer, a hint); the
    latest list of modules among them is the one a position refers to.
    """
    seen_user = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            if seen_user:
                return ()
            seen_user = True
        elif seen_user and isinstance(event, BotUttered):
            listed = modules_in_buttons((event.data or {}).get("buttons") or [])
            if listed:
                return listed
    return ()


def _risky(message: UserUttered) -> bool:
    risk = (message.parse_data or {}).get(RISK_KEY)
    if not isinstance(risk, Mapping):
        return False
    return bool(risk.get("ask")) or risk.get("level") not in (None, "none")


def wants_choice(intent: str, text: str, menu: tuple[str, ...]) -> bool:
    """Should this message (outside any form, no risk) go to ``action_choose_module``?"""
    # Imported here: the service loads content and the scoring lexicon on first use.
    from bot.services.module_choice import by_position, by_words
    from bot.services.module_offer import personal

    if not text or text.startswith("/") or intent in SAFETY_INTENTS:
        return False
    if menu and by_position(text, menu).modules:
        return intent not in SAFETY_INTENTS
    if intent in COMMAND_INTENTS:
        return False
    words = by_words(text)
    if intent in SOFT_INTENTS:
        best = max((score for _, score in words.scores), default=0.0)
        return bool(words.modules) and best >= STRONG and not COMMAND_WORDS.search(text)
    if intent == "ask_concept":
        return bool(words.modules) and (
            not CONCEPT_QUESTION.search(text) or bool(MODULE_REQUEST.search(text))
        )
    if intent not in OPEN_INTENTS:
        return bool(words.modules) and bool(MODULE_REQUEST.search(text))
    if intent in ("affirm", "deny", "thank", "dont_know"):
        return bool(words.modules)
    return bool(words.modules) or intent == "share" or personal(text)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT],
                          is_trainable=True)
class ModuleChoicePolicy(Policy):
    """Reads typed module choices in context (see module docstring)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # Above RulePolicy (6) so a choice wins over "out of scope"; SafetyPolicy's
        # "no user" predictions outrank this one whatever the priority.
        return {"priority": 7}

    def train(
        self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource  # nothing to learn: the policy reads the tracker

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        action = self._next_action(tracker)
        probabilities = self._default_predictions(domain)
        if action is None or action not in domain.action_names_or_texts:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities)

    def _next_action(self, tracker: DialogueStateTracker) -> str | None:
        latest = tracker.latest_action_name
        if latest == CHOOSE:
            return FORM if tracker.get_slot(REFLECTION_READY_SLOT) is True else ACTION_LISTEN_NAME
        if latest != ACTION_LISTEN_NAME or not isinstance(tracker.latest_message, UserUttered):
            return None
        # A "yes"/"no" to deleting or exporting everything, or a therapist-sharing choice,
        # must mean that; an offer to continue a module does not stop someone typing the
        # module they would rather do.
        if tracker.active_loop_name or tracker.get_slot(PENDING_OFFER_SLOT) in ANSWER_PENDING:
            return None
        message = tracker.latest_message
        if _risky(message) or pending_question(tracker):
            return None
        intent = str(message.intent.get("name") or "")
        if wants_choice(intent, message.text or "", menu_shown(tracker)):
            return CHOOSE
        return None


