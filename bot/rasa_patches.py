"""The one place where SecureBase changes a Rasa class in place (Rasa 3.6.21).

Rasa builds its ``RemoteAction`` objects itself (for every custom action, form
validation and slot-mapping action), so there is no configuration hook to hand
it a subclass. What is changed here keeps Rasa's behaviour exactly and only
removes repeated work; ``tests/rasa/test_rasa_patches.py`` compares each change
with Rasa's original on the same inputs and fails if they ever differ (for
example after an upgrade of Rasa or jsonschema).

1. ``RemoteAction._validate_action_result`` called ``jsonschema.validate`` for
   every custom-action response. ``validate`` first re-checks the schema
   itself against the JSON-Schema metaschema, which took about 18 of every
   20 ms (``docs/conversation-length.md``) and two or three times per message.
   Here the schema is checked once and the validator is built once; each
   response is then validated exactly as ``validate`` does
   (``best_match(validator.iter_errors(response))``), and a failure raises the
   same ``ValidationError`` with the same message.
2. ``RemoteAction._action_call_format`` sent the whole conversation session
   with every call (``tracker.current_state(EventVerbosity.ALL)``): 6.5 kB on
   the first turn, 700 kB at turn 140, serialised by Rasa and parsed by the
   action server two or three times per message. Here the payload is Rasa's
   own, field for field, except that ``events`` holds only the events of the
   last :data:`RECENT_TURNS` user messages. The slots, the latest message, the
   active loop and the latest action are sent as before (they are computed
   from the whole tracker); what the SDK reads from ``events`` (the slot
   candidates after the latest action, ``applied_events`` of the recent turns)
   lies within that window. No action here reads older events.
3. ``DialogueStateTracker.applied_events`` went through every event of the
   session each time it was called, at least twice per message (the
   processor's session check, ``get_last_event_for``) and more in forms:
   13 ms at 4,300 events, which made replies slower the longer a person
   talked. Rasa computes it as a left fold over the events; here the fold's
   result is remembered on the tracker and continued over the events appended
   since, so each call costs only the new events. Anything other than plain
   appends (a different event list, a changed event at the remembered
   position, a bounded event history, an ``ActiveLoop`` naming a loop not seen
   before, which changes how earlier events are read) recomputes from the
   start exactly as Rasa does.

:func:`install` is idempotent and runs when Rasa imports the project's code
(``bot.channels``, ``bot.storage.tracker_store``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

import rasa
from jsonschema import exceptions as jsonschema_exceptions
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

if TYPE_CHECKING:
    from rasa.shared.core.domain import Domain

# Rasa's own implementations, kept for the behaviour tests and for anything unexpected.
RASA_VALIDATE_ACTION_RESULT = RemoteAction._validate_action_result
RASA_ACTION_CALL_FORMAT = RemoteAction._action_call_format
RASA_APPLIED_EVENTS = DialogueStateTracker.applied_events
_RASA_SPEC = RemoteAction.action_response_format_spec

# How many user messages' events a custom action receives (the current one included).
RECENT_TURNS = 5


@lru_cache(maxsize=1)
def action_result_validator() -> Validator:
    """The validator ``jsonschema.validate`` builds, built once (the schema is a constant)."""
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    validator: Validator = cls(schema)
    return validator


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """Rasa's check of an action server's response, with a validator built once."""
    if type(self).action_response_format_spec is not _RASA_SPEC:
        return bool(RASA_VALIDATE_ACTION_RESULT(self, result))  # a subclass changed the schema
    error = jsonschema_exceptions.best_match(action_result_validator().iter_errors(result))
    if error is not None:
        error.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def recent_events(events: Iterable[Event], turns: int = RECENT_TURNS) -> list[Event]:
    """The events from the ``turns``-th last user message on (all of them if there are fewer)."""
    ordered = list(events)
    seen = 0
    for index in range(len(ordered) - 1, -1, -1):
        if isinstance(ordered[index], UserUttered):
            seen += 1
            if seen == turns:
                return list(islice(ordered, index, None))
    return ordered


def _action_call_format(
    self: RemoteAction, tracker: DialogueStateTracker, domain: Domain
) -> dict[str, Any]:
    """Rasa's request to the action server, with the events of the recent turns only."""
    state = tracker.current_state(EventVerbosity.NONE)
    state["events"] = [event.as_dict() for event in recent_events(tracker.events)]
    result = {
        "next_action": self._name,
        "sender_id": tracker.sender_id,
        "tracker": state,
        "version": rasa.__version__,
    }
    if (
        not self._is_selective_domain_enabled()
        or domain.does_custom_action_explicitly_need_domain(self.name())
    ):
        result["domain"] = domain.as_dict()
    return result


@dataclass
class _AppliedSoFar:
    """Rasa's applied-events fold over the first ``count`` events of one event list."""

    events: Any  # the tracker's deque the fold ran over (compared by identity)
    count: int
    last: Event | None  # the event at position count - 1 (compared by identity)
    loop_names: frozenset[str]
    applied: list[Event]


_CACHE_ATTRIBUTE = "_securebase_applied_so_far"


def _fold(
    tracker: DialogueStateTracker,
    applied: list[Event],
    events: Iterable[Event],
    loop_names: frozenset[str],
) -> list[Event]:
    """The body of Rasa's ``applied_events`` loop (trackers.py), continued from ``applied``."""
    for event in events:
        if isinstance(event, (Restarted, SessionStarted)):
            applied = []
        elif isinstance(event, ActionReverted):
            tracker._undo_till_previous(ActionExecuted, applied)
        elif isinstance(event, UserUtteranceReverted):
            tracker._undo_till_previous(UserUttered, applied)
            tracker._undo_till_previous(ActionExecuted, applied)
        elif (
            isinstance(event, ActionExecuted)
            and event.action_name in loop_names
            and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied)
        ):
            tracker._undo_till_previous_loop_execution(event.action_name, applied)
        else:
            applied.append(event)
    return applied


def _loop_names(events: Iterable[Event]) -> frozenset[str]:
    return frozenset(e.name for e in events if isinstance(e, ActiveLoop) and e.name)


def _applied_events(self: DialogueStateTracker) -> list[Event]:
    """Rasa's ``applied_events``, continuing the remembered fold over appended events."""
    events = self.events
    count = len(events)
    cached: _AppliedSoFar | None = getattr(self, _CACHE_ATTRIBUTE, None)
    if (
        cached is None
        or cached.events is not events
        or events.maxlen is not None
        or not 0 < cached.count <= count
        or events[cached.count - 1] is not cached.last
    ):
        loop_names = _loop_names(events)
        applied = _fold(self, [], events, loop_names)
    else:
        new = list(islice(events, cached.count, None))
        if _loop_names(new) <= cached.loop_names:
            loop_names = cached.loop_names
            applied = _fold(self, list(cached.applied), new, loop_names)
        else:
            loop_names = _loop_names(events)
            applied = _fold(self, [], events, loop_names)
    last = events[-1] if count else None
    setattr(self, _CACHE_ATTRIBUTE, _AppliedSoFar(events, count, last, loop_names, applied))
    return list(applied)


def install() -> None:
    """Put the changes above in place (idempotent)."""
    RemoteAction._validate_action_result = _validate_action_result
    RemoteAction._action_call_format = _action_call_format
    DialogueStateTracker.applied_events = _applied_events
