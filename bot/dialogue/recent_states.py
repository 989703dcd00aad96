"""The last few dialogue states of a conversation, without replaying all of it.

Rasa's policies ask ``tracker.past_states`` for *every* state of the
conversation (``Domain.states_for_tracker_history``): it recomputes the applied
events, replays them into a fresh tracker and featurises every turn, several
times per message. RulePolicy then looks only at the last few states (its
longest rule), MemoizationPolicy at the last ``max_history``. That is what made
replies slower the longer a person talked.

:class:`RecentStates` returns exactly ``past_states(...)[-keep:]`` by running
the same steps from a *checkpoint*: the replay tracker and the featurisation
state at a point a few dozen actions back, remembered per conversation. A
checkpoint is used only for a tracker that still holds the very same event
objects up to that point (``SecureBaseTrackerStore`` hands them out between
messages; Rasa's processor keeps them within a message), and only while no
later event undoes or inspects anything before it (:mod:`bot.dialogue.applied`).
Otherwise it starts from the beginning, as Rasa does, and moves the
checkpoint forward for next time.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
from collections import OrderedDict, deque
from collections.abc import Hashable, Sequence
from typing import Any

from rasa.shared.core.constants import PREVIOUS_ACTION
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import ActionExecuted, Event, StoryExported
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.applied import AppliedTail, NeedsEarlierEvents, apply_tail, loop_names

# Tracker attributes the replay changes; everything a state is computed from.
REPLAY_ATTRIBUTES = (
    "slots",
    "_paused",
    "followup_action",
    "latest_action",
    "latest_message",
    "latest_bot_utterance",
    "active_loop",
)


class StateMachine:
    """The loop body of ``Domain.states_for_tracker_history``, one prior tracker at a time.

    Keeps only the last ``keep`` states, plus what the next state depends on
    when rule-only turns are hidden (the last kept state and action).
    """

    def __init__(
        self, domain: Domain, keep: int, ignore_rule_only_turns: bool, rule_only_data: Any
    ) -> None:
        self.domain = domain
        self.ignore = ignore_rule_only_turns
        self.rule_only_data = rule_only_data
        self.states: deque[State] = deque(maxlen=keep)
        self.last_ml_action: dict[str, Any] | None = None
        self.turn_was_hidden = False

    def see(self, tracker: DialogueStateTracker, hide_rule_turn: bool) -> None:
        domain = self.domain
        if self.ignore:
            if not self.turn_was_hidden:
                self.last_ml_action = domain._get_prev_action_sub_state(tracker)
            if not tracker.followup_action and tracker.latest_action_name != (
                tracker.active_loop_name
            ):
                self.turn_was_hidden = hide_rule_turn
            if self.turn_was_hidden:
                return
        state = domain.get_active_state(tracker, omit_unset_slots=False)
        if self.ignore:
            domain._remove_rule_only_features(state, self.rule_only_data)
            if self.states:
                domain._substitute_rule_only_user_input(state, self.states[-1])
            if self.last_ml_action:
                state[PREVIOUS_ACTION] = self.last_ml_action
        self.states.append(domain._clean_state(state))

    def snapshot(self) -> tuple[tuple[State, ...], dict[str, Any] | None, bool]:
        return tuple(self.states), self.last_ml_action, self.turn_was_hidden

    def restore(self, saved: tuple[tuple[State, ...], dict[str, Any] | None, bool]) -> None:
        states, self.last_ml_action, self.turn_was_hidden = saved
        self.states.extend(states)


def snapshot_tracker(tracker: DialogueStateTracker) -> dict[str, Any]:
    """What a replay tracker holds at one point (slots copied, loop copied)."""
    saved = {name: getattr(tracker, name) for name in REPLAY_ATTRIBUTES}
    saved["slots"] = {name: copy.copy(slot) for name, slot in tracker.slots.items()}
    if tracker.active_loop is not None:
        saved["active_loop"] = dataclasses.replace(tracker.active_loop)
    return saved


def restore_tracker(tracker: DialogueStateTracker, saved: dict[str, Any]) -> DialogueStateTracker:
    """A fresh replay tracker (as ``init_copy`` makes) set to a snapshot."""
    replay = tracker.init_copy()
    for name in REPLAY_ATTRIBUTES:
        setattr(replay, name, saved[name])
    replay.slots = {name: copy.copy(slot) for name, slot in saved["slots"].items()}
    if saved["active_loop"] is not None:
        replay.active_loop = dataclasses.replace(saved["active_loop"])
    return replay


@dataclasses.dataclass(frozen=True)
class Checkpoint:
    """A point in a conversation whose applied events no later event changes.

    ``consumed`` raw events lie before it; ``first`` and ``last`` are the
    first and last of them (compared by identity); ``loops`` are the loop
    names it was computed with; ``applied`` are the applied events before it;
    ``tracker`` and ``machine`` the replay there (None: replay from scratch).
    """

    consumed: int
    first: Event | None
    last: Event | None
    loops: frozenset[str]
    applied: tuple[Event, ...]
    tracker: dict[str, Any] | None
    machine: tuple[tuple[State, ...], dict[str, Any] | None, bool] | None

    def holds_for(self, events: Sequence[Event]) -> bool:
        """True when ``events`` start with the very events this point was computed from."""
        if self.consumed == 0:
            return True
        if self.consumed > len(events):
            return False
        return events[0] is self.first and events[self.consumed - 1] is self.last


ORIGIN = Checkpoint(0, None, None, frozenset(), (), None, None)


class RecentStates:
    """``tracker.past_states(...)[-keep:]`` from a remembered checkpoint per conversation.

    ``margin`` is how many actions a new checkpoint stays behind the end of
    the conversation, so that undos rarely reach before it. Checkpoints hold
    their applied events (and so keep those events alive); ``max_events``
    bounds how many they hold in total, least recently used ones go first.
    """

    def __init__(self, keep: int, margin: int = 24, max_events: int = 200_000) -> None:
        self.keep = keep
        self.margin = margin
        self._max_events = max_events
        self._held = 0
        self._checkpoints: OrderedDict[Hashable, Checkpoint] = OrderedDict()
        self.replayed = 0  # applied events replayed by the last call (tests read it)

    def tail(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        ignore_rule_only_turns: bool = False,
        rule_only_data: dict[str, Any] | None = None,
    ) -> list[State]:
        """Exactly ``tracker.past_states(domain, ...)[-self.keep:]``, as fresh objects."""
        events = tracker.events
        key = (tracker.sender_id, ignore_rule_only_turns, _frozen(rule_only_data))
        checkpoint = self._forget(key)
        if not checkpoint.holds_for(events):
            checkpoint = ORIGIN
        machine = StateMachine(domain, self.keep, ignore_rule_only_turns, rule_only_data)
        try:
            found = self._run(tracker, events, checkpoint, machine)
        except NeedsEarlierEvents:
            checkpoint = ORIGIN
            machine = StateMachine(domain, self.keep, ignore_rule_only_turns, rule_only_data)
            try:
                found = self._run(tracker, events, checkpoint, machine)
            except NeedsEarlierEvents:  # only Rasa's own replay may run story exports
                full = tracker.past_states(domain, False, ignore_rule_only_turns, rule_only_data)
                return full[-self.keep :]
        self._remember(key, found or checkpoint)
        return copy.deepcopy(list(machine.states))

    def _run(
        self,
        tracker: DialogueStateTracker,
        events: Sequence[Event],
        checkpoint: Checkpoint,
        machine: StateMachine,
    ) -> Checkpoint | None:
        """Compute the states from ``checkpoint`` into ``machine``; return a later checkpoint."""
        tail = list(itertools.islice(reversed(events), len(events) - checkpoint.consumed))
        tail.reverse()
        loops = loop_names(tail)
        if checkpoint is not ORIGIN and not loops <= checkpoint.loops:
            raise NeedsEarlierEvents("a loop started that earlier events may refer to")
        if any(isinstance(e, StoryExported) for e in tail):
            raise NeedsEarlierEvents("story exports read the replayed events")
        loops |= checkpoint.loops
        applied = apply_tail(tail, loops, checkpoint.applied)
        if checkpoint.tracker is None or applied.reset:
            replay = tracker.init_copy()
        else:
            replay = restore_tracker(tracker, checkpoint.tracker)
            machine.restore(checkpoint.machine or ((), None, False))
        raw, length = self._next_point(applied, tail)
        saved = None
        for position, event in enumerate(applied.events):
            if position == length:
                saved = (snapshot_tracker(replay), machine.snapshot())
            if isinstance(event, ActionExecuted):
                machine.see(replay, event.hide_rule_turn)
            replay.update(event)
        machine.see(replay, False)
        self.replayed = len(applied.events)
        if saved is None:
            return None
        return Checkpoint(
            consumed=checkpoint.consumed + raw,
            first=events[0],
            last=tail[raw - 1],
            loops=frozenset(loops),
            applied=(*applied.prefix, *applied.events[:length]),
            tracker=saved[0],
            machine=saved[1],
        )

    def _next_point(self, applied: AppliedTail, tail: Sequence[Event]) -> tuple[int, int]:
        """The latest safe point with at least ``margin`` actions after it, or (0, -1)."""
        actions_after = [0] * (len(tail) + 1)
        for raw in range(len(tail) - 1, -1, -1):
            is_action = isinstance(tail[raw], ActionExecuted)
            actions_after[raw] = actions_after[raw + 1] + int(is_action)
        best = (0, -1)
        for raw, length in applied.safe_points():
            if raw > applied.last_reset and raw > 0 and actions_after[raw] >= self.margin:
                best = (raw, length)
        return best

    def _forget(self, key: Hashable) -> Checkpoint:
        checkpoint = self._checkpoints.pop(key, ORIGIN)
        self._held -= len(checkpoint.applied)
        return checkpoint

    def _remember(self, key: Hashable, checkpoint: Checkpoint) -> None:
        if checkpoint is ORIGIN or len(checkpoint.applied) > self._max_events:
            return
        self._checkpoints[key] = checkpoint
        self._held += len(checkpoint.applied)
        while self._held > self._max_events:
            _, evicted = self._checkpoints.popitem(last=False)
            self._held -= len(evicted.applied)


def _frozen(value: Any) -> Hashable:
    """A hashable stand-in for rule-only data (dicts of lists of names)."""
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(_frozen(v) for v in value)
    return value
