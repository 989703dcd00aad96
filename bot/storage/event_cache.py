"""What the tracker store remembers between two messages of one conversation.

Rasa's SQL tracker store reads every event of the current conversation
session from the database and deserialises it again for every message, so
the work grows with the conversation: about 90 ms per message 140 turns into
a reflection session, most of it spent looking up each event's class.
:class:`EventCache` keeps the deserialised events of recent conversations in
this process, so that a message only reads and deserialises the rows written
since the last one. The database stays the only source of truth: every read
first checks that the last remembered row is still there, unchanged.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.utils.common import all_subclasses

SESSION_STARTED = SessionStarted.type_name


class EventRow(NamedTuple):
    """The columns of one row of Rasa's ``events`` table that a read needs."""

    id: int
    type_name: str
    timestamp: float | None
    data: str


@dataclass(frozen=True)
class CachedConversation:
    """The current session's events of one conversation, as of one database row.

    ``last_row`` is the newest row read so far (whether or not it belongs to
    the session); ``session_start`` is the timestamp Rasa filters the session
    by (``None`` when the conversation has no ``session_started`` event).
    """

    events: tuple[Event, ...]
    last_row: EventRow
    session_start: float | None


def session_start_of(rows: Iterable[EventRow]) -> float | None:
    """The latest ``session_started`` timestamp, as Rasa's session query computes it."""
    starts = [r.timestamp for r in rows if r.type_name == SESSION_STARTED]
    known = [t for t in starts if t is not None]
    return max(known) if known else None


def in_session(row: EventRow, session_start: float | None) -> bool:
    """Rasa's filter ``timestamp >= session_start OR session_start IS NULL``."""
    if session_start is None:
        return True
    return row.timestamp is not None and row.timestamp >= session_start


def _event_classes() -> dict[str, type[Event]]:
    """Event classes by type name, the first match winning as in ``Event.resolve_by_type``."""
    classes: dict[str, type[Event]] = {}
    for cls in all_subclasses(Event):
        classes.setdefault(cls.type_name, cls)
    return classes


def deserialise_rows(rows: Sequence[EventRow]) -> list[Event]:
    """Rasa's ``deserialise_events`` over stored rows, without its per-event class search.

    ``Event.resolve_by_type`` walks every ``Event`` subclass for every event
    (about 30 µs each); the class table is built once per call instead. Names
    the table does not know go through Rasa's own resolver, which also handles
    the legacy ``topic`` event and raises on unknown names exactly as before.
    """
    classes = _event_classes()
    events: list[Event] = []
    for row in rows:
        parameters = json.loads(row.data)
        name = parameters.get("event")
        if name is None:
            continue
        cls = classes.get(name)
        event = cls._from_parameters(parameters) if cls else Event.from_parameters(parameters)
        if event is not None:
            events.append(event)
    return events


class EventCache:
    """A least-recently-used map from sender id to :class:`CachedConversation`.

    Bounded by the total number of events held (not conversations), because
    one long reflection session holds as many events as a hundred short ones.
    """

    def __init__(self, max_events: int) -> None:
        self._max_events = max_events
        self._held = 0
        self._conversations: OrderedDict[str, CachedConversation] = OrderedDict()

    def __len__(self) -> int:
        return len(self._conversations)

    @property
    def events_held(self) -> int:
        return self._held

    def get(self, sender_id: str) -> CachedConversation | None:
        conversation = self._conversations.get(sender_id)
        if conversation is not None:
            self._conversations.move_to_end(sender_id)
        return conversation

    def put(self, sender_id: str, conversation: CachedConversation) -> None:
        self.drop(sender_id)
        if len(conversation.events) > self._max_events:
            return
        self._conversations[sender_id] = conversation
        self._held += len(conversation.events)
        while self._held > self._max_events:
            _, evicted = self._conversations.popitem(last=False)
            self._held -= len(evicted.events)

    def drop(self, sender_id: str) -> None:
        conversation = self._conversations.pop(sender_id, None)
        if conversation is not None:
            self._held -= len(conversation.events)
