"""Rasa's SQL tracker store, extended so a person can be forgotten and long talks stay fast.

Rasa's tracker store is append-only and has no delete API; worse, Rasa saves
the conversation *after* the action that deleted the person's data has run,
and it would write the whole history back. So deletion happens here, where
Rasa writes: when the events since the last user message contain the
``forget_me`` slot set by ``action_delete_data``, every stored event for that
sender is deleted instead of saved. Their next message starts a new
conversation, as for someone new.

Reading is incremental: Rasa reads and deserialises the whole conversation
session for every message, which made replies slower the longer a person
talked. This store remembers the deserialised events of recent conversations
(:mod:`bot.storage.event_cache`) and reads only the rows written since, after
checking that the last row it remembers is still stored unchanged. Anything
unusual (a new session, a deleted or rewritten row, an evicted conversation)
falls back to a full read with Rasa's own session query, so the tracker it
returns is always the one Rasa's ``SQLTrackerStore`` would build.

Database work runs off Rasa's event loop: Rasa's store queries and commits
(with SQLite's fsync) inside its ``async`` methods, which stalls every other
conversation of the process meanwhile. Here reads and writes run on one
thread of this store's own, so the loop keeps serving other people, and the
event cache and SQLite connections are only ever touched from that thread.
Rows are written exactly as ``SQLTrackerStore.save`` writes them (tested).

Every event's serialised payload (``data``: what the person typed, what the bot
answered, slot values) is encrypted at rest by the column type
(:mod:`bot.storage.tracker_table`); the id, sender, type, timestamp, intent and
action name columns stay plain so Rasa's queries work unchanged.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.orm import Session, declarative_base

from bot import rasa_patches
from bot.ids import FORGET_SLOT
from bot.storage.db import erase_deleted_rows
from bot.storage.event_cache import (
    SESSION_STARTED,
    CachedConversation,
    EventCache,
    EventRow,
    deserialise_rows,
    in_session,
    session_start_of,
)
from bot.storage.tracker_rows import forget_conversations
from bot.storage.tracker_table import EVENTS, TRACKER_METADATA

T = TypeVar("T")

rasa_patches.install()  # Rasa loads this store in every process that runs custom actions

# About 250 bytes each in memory: the default holds ~25 MB of recent conversations.
DEFAULT_CACHED_EVENTS = 100_000


def forget_requested(tracker: DialogueStateTracker) -> bool:
    """True when the latest turn asked to delete this person's conversation."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, SlotSet) and event.key == FORGET_SLOT and event.value:
            return True
    return False


class SecureBaseTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` with deletion on request, incremental reads and encrypted payloads.

    ``cached_events`` (endpoints.yml, optional) bounds how many deserialised
    events the process keeps; 0 turns the cache off.
    """

    # Rasa's own table, column for column, except that ``data`` is encrypted.
    Base: Any = declarative_base(metadata=TRACKER_METADATA)

    class SQLEvent(Base):
        __table__ = EVENTS

    def __init__(self, *args: Any, cached_events: int = DEFAULT_CACHED_EVENTS, **kwargs: Any):
        super().__init__(*args, **kwargs)
        erase_deleted_rows(self.engine)  # a forgotten conversation leaves no bytes behind
        self._cache = EventCache(max_events=int(cached_events))
        # One thread: SQLite has one writer anyway, and the cache needs no lock.
        self._db_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tracker-store")

    async def _off_loop(self, work: Callable[..., T], *args: Any) -> T:
        """Run blocking database work on the store's thread, with this task's context
        (so log redaction still knows the message being handled)."""
        call = functools.partial(contextvars.copy_context().run, work, *args)
        return await asyncio.get_running_loop().run_in_executor(self._db_thread, call)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The latest session's tracker, as Rasa would build it, from as few rows as possible."""
        events = await self._off_loop(self._read_session, sender_id)
        if self.domain and events:
            return DialogueStateTracker.from_events(sender_id, list(events), self.domain.slots)
        return None

    async def save(self, tracker: DialogueStateTracker) -> None:
        if not forget_requested(tracker):
            await self.stream_events(tracker)
            await self._off_loop(self._store_new_events, tracker)
            return
        await self._off_loop(self._forget, tracker.sender_id)

    def _read_session(self, sender_id: str) -> tuple[Any, ...]:
        with self.session_scope() as session:
            return self._session_events(session, sender_id)

    def _store_new_events(self, tracker: DialogueStateTracker) -> None:
        """``SQLTrackerStore.save`` without the event broker (streamed on the loop first)."""
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = event.as_dict()
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=data.get("parse_data", {})
                        .get("intent", {})
                        .get(INTENT_NAME_KEY),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.commit()

    def _forget(self, sender_id: str) -> None:
        self._cache.drop(sender_id)
        with self.session_scope() as session:
            forget_conversations(session, [sender_id])
            session.commit()

    def _session_events(self, session: Session, sender_id: str) -> tuple[Any, ...]:
        """The current session's events: remembered ones plus rows stored since."""
        cached = self._cache.get(sender_id)
        if cached is not None:
            extended = self._extend(session, sender_id, cached)
            if extended is not None:
                self._cache.put(sender_id, extended)
                return extended.events
            self._cache.drop(sender_id)
        rows = self._session_rows(session, sender_id)
        if not rows:
            return ()
        loaded = CachedConversation(
            events=tuple(deserialise_rows(rows)),
            last_row=max(rows, key=lambda r: r.id),
            session_start=session_start_of(rows),
        )
        self._cache.put(sender_id, loaded)
        return loaded.events

    def _extend(
        self, session: Session, sender_id: str, cached: CachedConversation
    ) -> CachedConversation | None:
        """``cached`` plus the rows stored after it, or None when a full read is needed.

        A full read is needed when the remembered last row is gone or changed
        (the person was forgotten, or the table was rewritten) and when a new
        session started (Rasa's session query decides what belongs to it).
        """
        rows = self._rows_from(session, sender_id, cached.last_row.id)
        if not rows or rows[0] != cached.last_row:
            return None
        newer = rows[1:]
        if any(row.type_name == SESSION_STARTED for row in newer):
            return None
        if not newer:
            return cached
        fresh = [row for row in newer if in_session(row, cached.session_start)]
        return CachedConversation(
            events=cached.events + tuple(deserialise_rows(fresh)),
            last_row=newer[-1],
            session_start=cached.session_start,
        )

    def _columns(self) -> tuple[Any, ...]:
        event = self.SQLEvent
        return (event.id, event.type_name, event.timestamp, event.data)

    def _session_rows(self, session: Session, sender_id: str) -> list[EventRow]:
        """Rasa's own query for the latest session, reading plain columns, not ORM objects."""
        query = self._event_query(session, sender_id, fetch_events_from_all_sessions=False)
        return [EventRow(*row) for row in query.with_entities(*self._columns()).all()]

    def _rows_from(self, session: Session, sender_id: str, first_id: int) -> list[EventRow]:
        """The sender's rows with ``id >= first_id``, in storage order."""
        query = (
            session.query(*self._columns())
            .filter(self.SQLEvent.sender_id == sender_id, self.SQLEvent.id >= first_id)
            .order_by(self.SQLEvent.id)
        )
        return [EventRow(*row) for row in query.all()]
