"""RecentStates returns exactly the tail of Rasa's full state history, doing bounded work."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    Event,
    StoryExported,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.applied import apply_tail, loop_names
from bot.dialogue.recent_states import REPLAY_ATTRIBUTES, RecentStates
from tests.support.dialogues import conversation, make_domain

RULE_ONLY = {"rule_only_slots": ["mood"], "rule_only_loops": ["other_form"]}
MODES = [pytest.param(False, None, id="rules"), pytest.param(True, RULE_ONLY, id="memoization")]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return make_domain()


def _tracker(events: Sequence[Event], domain: Domain) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("person", list(events), domain.slots)


def _full_tail(tracker: DialogueStateTracker, domain: Domain, keep: int, mode: tuple) -> list:
    ignore, rule_only = mode
    return tracker.past_states(domain, ignore_rule_only_turns=ignore, rule_only_data=rule_only)[
        -keep:
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_apply_tail__from_the_start_equals_rasas_applied_events(seed: int, domain: Domain) -> None:
    events = conversation(seed, 250)
    for end in range(1, len(events) + 1, 7):
        tracker = _tracker(events[:end], domain)
        applied = apply_tail(list(tracker.events), loop_names(list(tracker.events)), ())
        assert applied.events == tracker.applied_events()


@pytest.mark.parametrize(("ignore", "rule_only"), MODES)
@pytest.mark.parametrize("seed", [11, 12, 13])
def test_recent_states__equal_the_tail_of_the_full_history_after_every_event(
    seed: int, ignore: bool, rule_only: dict | None, domain: Domain
) -> None:
    events = conversation(seed, 160)
    recent = RecentStates(keep=5, margin=8)
    for end in range(1, len(events) + 1):
        tracker = _tracker(events[:end], domain)  # the same event objects, as the store hands out
        got = recent.tail(tracker, domain, ignore, rule_only)
        assert got == _full_tail(tracker, domain, 5, (ignore, rule_only)), f"after event {end}"


@pytest.mark.parametrize(("ignore", "rule_only"), MODES)
def test_recent_states__replay_a_bounded_number_of_events_however_long_the_conversation(
    ignore: bool, rule_only: dict | None, domain: Domain
) -> None:
    events = conversation(21, 600, reverts=False)
    recent = RecentStates(keep=5, margin=16)
    tracker = _tracker([], domain)
    replayed = []
    for event in events:
        tracker.update(event)  # one growing tracker, as during a message
        recent.tail(tracker, domain, ignore, rule_only)
        replayed.append(recent.replayed)
    assert len(events) > 3000
    assert max(replayed[len(replayed) // 2 :]) < 200  # Rasa replays all of them, every time


def test_recent_states__copies_of_the_events_are_recomputed_from_the_start(
    domain: Domain,
) -> None:
    events = conversation(31, 120)
    recent = RecentStates(keep=5, margin=8)
    recent.tail(_tracker(events, domain), domain)
    copies = [type(e).from_parameters(e.as_dict()) for e in events]  # a new process, a reload
    tracker = _tracker(copies, domain)
    assert recent.tail(tracker, domain) == _full_tail(tracker, domain, 5, (False, None))
    assert recent.replayed == len(tracker.applied_events())


def test_recent_states__an_undo_reaching_before_the_checkpoint_starts_again(
    domain: Domain,
) -> None:
    events = conversation(41, 120, reverts=False)
    recent = RecentStates(keep=5, margin=4)
    recent.tail(_tracker(events, domain), domain)
    reverts: list[Event] = [ActionExecuted("action_back")] + [UserUtteranceReverted()] * 30
    tracker = _tracker([*events, *reverts], domain)
    assert recent.tail(tracker, domain) == _full_tail(tracker, domain, 5, (False, None))


def test_recent_states__leaves_story_exports_to_rasas_own_replay(domain: Domain) -> None:
    events = [*conversation(71, 40), StoryExported(), *conversation(72, 5)[1:]]
    recent = RecentStates(keep=5, margin=4)
    tracker = _tracker(events, domain)
    assert recent.tail(tracker, domain) == _full_tail(tracker, domain, 5, (False, None))


def test_recent_states__returns_fresh_objects_that_callers_may_change(domain: Domain) -> None:
    events = conversation(51, 80)
    recent = RecentStates(keep=5, margin=8)
    tracker = _tracker(events, domain)
    first = recent.tail(tracker, domain)
    for state in first:
        state.clear()
    assert recent.tail(tracker, domain) == _full_tail(tracker, domain, 5, (False, None))


def test_replay_attributes__cover_every_state_a_tracker_holds() -> None:
    structural = {"_max_event_history", "events", "sender_id", "sender_source", "is_rule_tracker"}
    identity = {"model_id", "assistant_id"}
    tracker = DialogueStateTracker("x", [])
    assert set(vars(tracker)) == structural | identity | set(REPLAY_ATTRIBUTES)


def test_conversation_generator__writes_what_the_properties_need() -> None:
    events = conversation(61, 400)
    names = {type(e).__name__ for e in events}
    assert {"UserUtteranceReverted", "ActionReverted", "Restarted", "SessionStarted"} <= names
    assert sum(isinstance(e, UserUttered) for e in events) == 400
    assert json.dumps([e.as_dict() for e in events])
