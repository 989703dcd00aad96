"""RulePolicy and MemoizationPolicy that featurise only the recent part of a conversation.

Both stock policies featurise the whole conversation for every prediction
(several per message) but decide from its last few states only: RulePolicy
from as many states as its longest rule, MemoizationPolicy from
``max_history``. These subclasses hand Rasa's featuriser exactly those last
states, computed by :class:`bot.dialogue.recent_states.RecentStates`, so the
time per prediction no longer grows with the conversation. Everything else
(rules, loops, slots, fallback, training) is Rasa's code, unchanged.

With ``check_recent_states: true`` every prediction also computes the full
history the stock way and raises :class:`RecentStatesMismatch` on any
difference; tests and verification runs use it, production should not.
"""

from __future__ import annotations

import json
from typing import Any

from rasa.core.featurizers.tracker_featurizers import _is_prev_action_unlikely_intent_in_state
from rasa.core.policies.memoization import MemoizationPolicy
from rasa.core.policies.rule_policy import (
    RULES,
    RULES_FOR_LOOP_UNHAPPY_PATH,
    RULES_NOT_IN_STORIES,
    RulePolicy,
)
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.recent_states import RecentStates

CHECK_KEY = "check_recent_states"


class RecentStatesMismatch(RuntimeError):
    """The recent states differ from the tail of the full history (a bug here)."""


class RecentStatesView(DialogueStateTracker):
    """What the featuriser sees: a tracker whose ``past_states`` are the recent ones.

    Rasa's featurisers read nothing from a tracker but ``past_states``; this
    stand-in answers it from :class:`RecentStates` and falls back to the real
    tracker's full history whenever the tail alone would not be enough.
    """

    def __init__(self, tracker: DialogueStateTracker, recent: RecentStates, check: bool) -> None:
        super().__init__(tracker.sender_id, None)
        self._source = tracker
        self._recent = recent
        self._check = check

    def past_states(
        self,
        domain: Domain,
        omit_unset_slots: bool = False,
        ignore_rule_only_turns: bool = False,
        rule_only_data: dict[str, Any] | None = None,
    ) -> list[State]:

        def full_history() -> list[State]:
            return self._source.past_states(
                domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data
            )

        if omit_unset_slots:
            return full_history()
        states = self._recent.tail(self._source, domain, ignore_rule_only_turns, rule_only_data)
        # Featurisers drop action_unlikely_intent states *before* slicing.
        if any(_is_prev_action_unlikely_intent_in_state(s) for s in states):
            return full_history()
        if self._check:
            expected = full_history()[-self._recent.keep :]
            if states != expected:
                raise RecentStatesMismatch(f"recent {states} != full history {expected}")
        return states


def uses_recent_states(tracker: DialogueStateTracker) -> bool:
    """Only live trackers; training trackers cache their own states and must stay as they are."""
    return isinstance(tracker, DialogueStateTracker) and not isinstance(
        tracker, (TrackerWithCachedStates, RecentStatesView)
    )


def rule_window(lookup: dict[str, Any]) -> int:
    """States RulePolicy needs: its longest rule, plus one.

    The extra state keeps the fallback's prediction source (the feature key of
    all states) from ever equalling a rule key when the history is longer.
    """
    keys = [*lookup.get(RULES, {}), *lookup.get(RULES_FOR_LOOP_UNHAPPY_PATH, {})]
    keys += list(lookup.get(RULES_NOT_IN_STORIES, []))
    longest = 0
    for key in keys:
        try:
            states = json.loads(key)
        except ValueError:
            continue  # a source name such as "handling active loops and forms - ..."
        if isinstance(states, list):
            longest = max(longest, len(states))
    return longest + 1


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class RecentRulePolicy(RulePolicy):
    """RulePolicy that featurises only as many recent states as its longest rule needs."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**RulePolicy.get_default_config(), CHECK_KEY: False}

    _recent: RecentStates | None = None
    _recent_for: dict[str, Any] | None = None

    def _recent_states(self) -> RecentStates:
        """One per set of learnt rules: the window depends on the longest rule."""
        if self._recent is None or self._recent_for is not self.lookup:
            self._recent = RecentStates(keep=rule_window(self.lookup))
            self._recent_for = self.lookup
        return self._recent

    def _prediction_states(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        use_text_for_last_user_input: bool = False,
        rule_only_data: dict[str, Any] | None = None,
    ) -> list[State]:
        if uses_recent_states(tracker):
            check = bool(self.config.get(CHECK_KEY))
            tracker = RecentStatesView(tracker, self._recent_states(), check)
        return super()._prediction_states(
            tracker, domain, use_text_for_last_user_input, rule_only_data
        )


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class RecentMemoizationPolicy(MemoizationPolicy):
    """MemoizationPolicy that featurises only its last ``max_history`` states."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**MemoizationPolicy.get_default_config(), CHECK_KEY: False}

    _recent: RecentStates | None = None

    def _prediction_states(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        use_text_for_last_user_input: bool = False,
        rule_only_data: dict[str, Any] | None = None,
    ) -> list[State]:
        max_history = getattr(self.featurizer, "max_history", None)
        if max_history and uses_recent_states(tracker):
            if self._recent is None:
                self._recent = RecentStates(keep=max_history)
            tracker = RecentStatesView(tracker, self._recent, bool(self.config.get(CHECK_KEY)))
        return super()._prediction_states(
            tracker, domain, use_text_for_last_user_input, rule_only_data
        )
