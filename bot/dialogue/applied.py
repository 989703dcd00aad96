"""Rasa's ``applied_events`` for the events after a known point, knowing when that is not enough.

``DialogueStateTracker.applied_events`` walks a conversation from its start
and drops what later events undid: ``ActionReverted``, ``UserUtteranceReverted``
and the happy-path turns of a loop (each form execution hides the user turns
since the previous one). It is the first step of every state computation, so
it costs time proportional to the whole conversation.

:func:`apply_tail` runs the same rules over only the raw events after a point
whose applied events (``prefix``) are already known and final. Rules may read
the prefix (a form execution looks back for the previous one), but when one
would have to *change* it (an undo reaching back before the point) it raises
:class:`NeedsEarlierEvents` instead; the caller then starts from the beginning.
It also records the lowest applied position each raw event changed, so the
caller can pick a later point that no later event changes
(:meth:`AppliedTail.safe_points`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    DefinePrevUserUtteredFeaturization,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

RESETS = (Restarted, SessionStarted)
HIDDEN_BY_LOOP = (ActionExecuted, UserUttered, DefinePrevUserUtteredFeaturization)


class NeedsEarlierEvents(Exception):
    """An event would undo applied events from before the tail's known point."""


@dataclass
class AppliedTail:
    """The applied events added by a tail of raw events, and what each raw event changed.

    ``prefix`` are the applied events before the tail (emptied by a restart or
    session start in the tail, after which ``reset`` is True and Rasa replays
    from a fresh tracker); ``events`` are the ones the tail adds.
    ``lengths[j]`` is ``len(events)`` before raw event ``j``; ``changed[j]``
    the lowest position in ``events`` that raw event ``j`` removed or added;
    ``last_reset`` the raw index of the last restart or session start (-1).
    """

    prefix: Sequence[Event]
    events: list[Event] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)
    last_reset: int = -1

    @property
    def reset(self) -> bool:
        return self.last_reset >= 0

    def newest_first(self) -> Iterator[tuple[int, Event]]:
        """``(position, event)`` from the last applied event back to the first of the prefix."""
        offset = len(self.prefix)
        for position in range(len(self.events) - 1, -1, -1):
            yield offset + position, self.events[position]
        for position in range(offset - 1, -1, -1):
            yield position, self.prefix[position]

    def safe_points(self) -> list[tuple[int, int]]:
        """``(raw index, len(events))`` pairs below which no later raw event changes anything.

        At such a point the applied events so far are final: every later
        rule only appends after them or reads them.
        """
        points: list[tuple[int, int]] = []
        lowest = len(self.events)
        for raw in range(len(self.lengths) - 1, -1, -1):
            lowest = min(lowest, self.changed[raw])
            if self.lengths[raw] <= lowest:
                points.append((raw, self.lengths[raw]))
        points.reverse()
        return points


def loop_names(events: Sequence[Event]) -> set[str]:
    """Names of loops activated anywhere in ``events`` (Rasa looks at all events)."""
    return {e.name for e in events if isinstance(e, ActiveLoop) and e.name}


def apply_tail(tail: Sequence[Event], loops: set[str], prefix: Sequence[Event]) -> AppliedTail:
    """Mirror of ``DialogueStateTracker.applied_events`` over ``tail`` after ``prefix``.

    ``loops`` must be the loop names of the *whole* conversation. With an
    empty ``prefix`` this never raises.
    """
    result = AppliedTail(prefix=prefix)
    for index, event in enumerate(tail):
        result.lengths.append(len(result.events))
        result.changed.append(_apply(event, result, loops))
        if isinstance(event, RESETS):
            result.last_reset = index
    return result


def _apply(event: Event, tail: AppliedTail, loops: set[str]) -> int:
    """Apply one raw event; return the lowest position of ``tail.events`` it changed."""
    applied = tail.events
    if isinstance(event, RESETS):
        applied.clear()
        tail.prefix = ()
        return 0
    if isinstance(event, ActionReverted):
        _undo_till(ActionExecuted, tail)
        return len(applied)
    if isinstance(event, UserUtteranceReverted):
        _undo_till(UserUttered, tail)
        _undo_till(ActionExecuted, tail)
        return len(applied)
    if isinstance(event, ActionExecuted) and event.action_name in loops:
        previous = _previous_loop_execution(event.action_name, tail)
        if previous is not None:
            return _undo_till_loop_execution(previous, tail)
    applied.append(event)
    return len(applied) - 1


def _undo_till(event_type: type, tail: AppliedTail) -> None:
    """``_undo_till_previous``: drop events up to and including the last ``event_type``."""
    applied = tail.events
    while applied:
        if isinstance(applied.pop(), event_type):
            return
    if tail.prefix:
        raise NeedsEarlierEvents(f"undo of {event_type.__name__} reaches before the tail")


def _previous_loop_execution(name: str | None, tail: AppliedTail) -> int | None:
    """Position of the loop execution this one repeats; None for a first or unhappy-path run.

    Mirrors ``_first_loop_execution_or_unhappy_path`` (None there means True).
    """
    next_action: str | None = None
    for position, event in tail.newest_first():
        if isinstance(event, ActiveLoop) and event.name is None:
            return None
        if DialogueStateTracker._is_within_unhappy_path(name, event, next_action):
            return None
        if isinstance(event, ActionExecuted):
            if event.action_name == name:
                return position
            next_action = event.action_name
    return None


def _undo_till_loop_execution(previous: int, tail: AppliedTail) -> int:
    """``_undo_till_previous_loop_execution``: hide the turns since that execution.

    Returns the lowest position of ``tail.events`` it removed (its length if none).
    """
    offset = len(tail.prefix)
    if previous < offset and any(
        isinstance(e, HIDDEN_BY_LOOP) for e in tail.prefix[previous + 1 :]
    ):
        raise NeedsEarlierEvents("a loop execution hides turns from before the tail")
    start = max(0, previous + 1 - offset)
    applied = tail.events
    hidden = [i for i in range(start, len(applied)) if isinstance(applied[i], HIDDEN_BY_LOOP)]
    if not hidden:
        return len(applied)
    applied[hidden[0] :] = [e for e in applied[hidden[0] :] if not isinstance(e, HIDDEN_BY_LOOP)]
    return hidden[0]
