"""bot.rasa_patches changes nothing Rasa does: same accepted responses, same errors.

Rasa's original ``RemoteAction._validate_action_result`` is run side by side
with the installed one on real action-server responses and on thousands of
seeded mutations of them; if Rasa or jsonschema ever validate differently, the
comparison fails.
"""

from __future__ import annotations

import copy
import random
import time
from typing import Any

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa_sdk.events import (
    ActionExecuted,
    ActiveLoop,
    AllSlotsReset,
    BotUttered,
    ConversationPaused,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)

from bot import rasa_patches

VALID: list[dict[str, Any]] = [
    {},
    {"events": [], "responses": []},
    {
        "events": [
            SlotSet("reflection_id", 7),
            SlotSet("mood_before", None),
            ActiveLoop("reflection_form"),
            ActiveLoop(None),
            FollowupAction("action_listen"),
            AllSlotsReset(),
            Restarted(),
            ConversationPaused(),
            SessionStarted(),
            ActionExecuted("action_listen"),
            BotUttered("hello", {"buttons": []}),
            UserUttered("hi", {"intent": {"name": "greet", "confidence": 1.0}}, 1.5, "rest"),
        ],
        "responses": [
            {"text": "Prompt 1 of 3", "buttons": [{"title": "Skip", "payload": "/skip"}]},
            {"response": "utter_greet", "custom": {"kind": "progress"}},
        ],
    },
]

JUNK: list[Any] = [
    None, True, 0, -1, 3.5, "", "x", [], {}, [None], [{}], {"event": None}, {"event": "slot"},
    {"event": "nonsense"}, {"event": "user", "text": 5}, {"event": "action", "name": None},
]  # fmt: skip


def _mutations(rng: random.Random, base: dict[str, Any]) -> dict[str, Any]:
    """``base`` with one or two random values replaced by junk, somewhere in the tree."""
    mutated = copy.deepcopy(base)
    for _ in range(rng.randint(1, 2)):
        node: Any = mutated
        path: list[Any] = []
        while isinstance(node, (dict, list)) and node and rng.random() < 0.75:
            key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
            path.append(key)
            node = node[key]
        if not path:
            mutated[rng.choice(["events", "responses", "extra"])] = rng.choice(JUNK)
            continue
        parent = mutated
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = copy.deepcopy(rng.choice(JUNK))
    return mutated


def _outcome(validate: Any, response: Any) -> tuple[str, ...]:
    try:
        validate(RemoteAction("action_x", None), response)
    except ValidationError as error:
        return ("rejected", error.message, str(list(error.absolute_path)), str(error.validator))
    return ("accepted",)


def _corpus() -> list[Any]:
    rng = random.Random(13)
    responses: list[Any] = [*copy.deepcopy(VALID), *JUNK]
    responses += [_mutations(rng, rng.choice(VALID)) for _ in range(600)]
    return responses


def test_corpus__the_real_responses_are_valid_for_rasa() -> None:
    for response in VALID:
        assert _outcome(rasa_patches.RASA_VALIDATE_ACTION_RESULT, response) == ("accepted",)


def test_patch__accepts_and_rejects_exactly_what_rasa_does_with_the_same_errors() -> None:
    outcomes = []
    for response in _corpus():
        ours = _outcome(rasa_patches._validate_action_result, response)
        assert ours == _outcome(rasa_patches.RASA_VALIDATE_ACTION_RESULT, response), response
        outcomes.append(ours[0])
    # The corpus must exercise both sides, or the comparison proves nothing.
    assert outcomes.count("accepted") > 20 and outcomes.count("rejected") > 200


def test_install__puts_the_patch_on_rasas_class_once() -> None:
    rasa_patches.install()
    rasa_patches.install()
    assert RemoteAction._validate_action_result is rasa_patches._validate_action_result
    rejected = {"events": [{"event": "slot", "name": 5}]}
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        RemoteAction("action_x", None)._validate_action_result(rejected)


def test_patch__a_subclass_with_its_own_schema_still_gets_rasas_check() -> None:
    class Strict(RemoteAction):
        @staticmethod
        def action_response_format_spec() -> dict[str, Any]:
            return {"type": "object", "required": ["must"]}

    with pytest.raises(ValidationError):
        rasa_patches._validate_action_result(Strict("action_x", None), {"events": []})


def test_patch__is_much_cheaper_than_rechecking_the_schema_every_time() -> None:
    response = copy.deepcopy(VALID[2])

    def cost(validate: Any) -> float:
        started = time.perf_counter()
        for _ in range(20):
            validate(RemoteAction("action_x", None), response)
        return time.perf_counter() - started

    cost(rasa_patches._validate_action_result)  # builds the validator once
    assert cost(rasa_patches._validate_action_result) * 3 < cost(
        rasa_patches.RASA_VALIDATE_ACTION_RESULT
    )


def _tracker(events: list[Any], domain: Any) -> Any:
    from rasa.shared.core.trackers import DialogueStateTracker

    return DialogueStateTracker.from_events("person", events, domain.slots)


def _sdk_view(payload: dict[str, Any]) -> dict[str, Any]:
    """Everything rasa-sdk's Tracker offers an action apart from the raw event list."""
    from rasa_sdk import Tracker

    tracker = Tracker.from_dict(payload["tracker"])
    return {
        "slots": tracker.current_slot_values(),
        "latest_message": tracker.latest_message,
        "latest_event_time": tracker.current_state()["latest_event_time"],
        "followup_action": tracker.followup_action,
        "paused": tracker.is_paused(),
        "active_loop": tracker.active_loop,
        "state": {k: v for k, v in tracker.current_state().items() if k != "events"},
        "latest_action_name": tracker.latest_action_name,
        "intent": tracker.get_intent_of_latest_message(),
        "input_channel": tracker.get_latest_input_channel(),
        "slots_to_validate": tracker.slots_to_validate(),
    }


def test_action_call__is_rasas_payload_with_only_the_recent_turns_events() -> None:
    from rasa.shared.core.events import SlotSet

    from tests.support.dialogues import conversation, make_domain

    domain = make_domain()
    action = RemoteAction("action_x", None)
    for seed in range(6):
        events = conversation(seed, 40)
        for end in (*range(1, 40), *range(40, len(events) + 1, 7)):
            tracker = _tracker([*events[:end], SlotSet("answer", "candidate")], domain)
            ours = rasa_patches._action_call_format(action, tracker, domain)
            rasas = rasa_patches.RASA_ACTION_CALL_FORMAT(action, tracker, domain)
            sent, everything = ours["tracker"].pop("events"), rasas["tracker"].pop("events")
            assert ours == rasas
            assert sent == everything[len(everything) - len(sent) :]
            users = [e for e in everything if e["event"] == "user"]
            assert sum(e["event"] == "user" for e in sent) == min(len(users), 5)
            if len(users) >= 5:
                assert sent[0]["event"] == "user"
            ours["tracker"]["events"], rasas["tracker"]["events"] = sent, everything
            assert _sdk_view(ours) == _sdk_view(rasas)


def test_action_call__a_long_conversation_sends_a_bounded_payload() -> None:
    import json

    from tests.support.dialogues import conversation, make_domain

    domain = make_domain()
    action = RemoteAction("action_x", None)
    sizes = [
        len(json.dumps(rasa_patches._action_call_format(action, _tracker(events, domain), domain)))
        for events in (conversation(1, 20), conversation(1, 400))
    ]
    assert sizes[1] < 2 * sizes[0]


def test_applied_events__equal_rasas_after_every_event_of_long_random_conversations() -> None:
    """Reverts, rejected and resumed loops, restarts and new sessions, checked at every step."""
    from rasa.shared.core.trackers import DialogueStateTracker

    from tests.support.dialogues import conversation, make_domain

    domain = make_domain()
    rng = random.Random(7)
    for seed in range(12):
        ours = DialogueStateTracker("person", domain.slots)
        for event in conversation(seed, 80):
            ours.update(event)
            if rng.random() < 0.7:  # sometimes several events arrive between two calls
                expected = rasa_patches.RASA_APPLIED_EVENTS(ours)
                got = rasa_patches._applied_events(ours)
                assert [id(e) for e in got] == [id(e) for e in expected]


def test_applied_events__start_over_when_the_list_is_not_just_appended_to() -> None:
    from rasa.shared.core.events import ActionExecuted, ActiveLoop, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from tests.support.dialogues import conversation, make_domain

    domain = make_domain()
    tracker = DialogueStateTracker.from_events("person", conversation(3, 30), domain.slots)
    rasa_patches._applied_events(tracker)

    def same() -> bool:
        expected = rasa_patches.RASA_APPLIED_EVENTS(tracker)
        return [id(e) for e in rasa_patches._applied_events(tracker)] == [id(e) for e in expected]

    tracker.events.pop()  # shorter, then as long again with a different last event
    tracker.events.append(ActionExecuted("utter_greet"))
    assert same()
    tracker.events[-1] = UserUttered("changed")  # the remembered last event replaced
    assert same()
    tracker.events = type(tracker.events)(list(tracker.events))  # a new list
    assert same()
    # A loop named for the first time changes how its earlier executions count.
    tracker.update(ActionExecuted("late_form"))
    tracker.update(ActionExecuted("late_form"))
    assert same()
    tracker.update(ActiveLoop("late_form"))
    assert same()
    # The returned list is the caller's own.
    rasa_patches._applied_events(tracker).clear()
    assert same()


def test_applied_events__a_new_event_costs_only_itself_not_the_whole_session() -> None:
    from rasa.shared.core.events import ActionExecuted
    from rasa.shared.core.trackers import DialogueStateTracker

    from tests.support.dialogues import conversation, make_domain

    domain = make_domain()
    tracker = DialogueStateTracker.from_events(
        "person", conversation(5, 600, reverts=False), domain.slots
    )
    rasa_patches._applied_events(tracker)

    def cost(applied_events: Any) -> float:
        started = time.perf_counter()
        for _ in range(10):
            tracker.update(ActionExecuted("utter_greet"))
            applied_events(tracker)
        return time.perf_counter() - started

    assert cost(rasa_patches._applied_events) * 5 < cost(rasa_patches.RASA_APPLIED_EVENTS)
