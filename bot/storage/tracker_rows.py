"""Deleting and dating whole conversations in Rasa's tracker store, by sender id.

Rasa's tracker store is append-only; forgetting someone ("delete my data", and
the retention purge) means deleting their rows here. Both paths use these
functions so they delete the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, delete, distinct, func, select
from sqlalchemy.engine import Connection

from bot.storage.tracker_table import EVENTS

CHUNK = 500  # sender ids per statement: far below every database's parameter limit


def events_table() -> Table:
    return EVENTS


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def forget_conversations(connection: Connection | Any, sender_ids: Iterable[str]) -> int:
    """Delete every stored event of these senders; returns how many rows went."""
    table = events_table()
    removed = 0
    for chunk in _chunks(sorted(set(sender_ids))):
        result = connection.execute(delete(table).where(table.c.sender_id.in_(chunk)))
        removed += int(result.rowcount or 0)
    return removed


def active_since(connection: Connection, sender_ids: Iterable[str], since: float) -> set[str]:
    """Those of ``sender_ids`` with an event at or after ``since`` (epoch seconds)."""
    table = events_table()
    found: set[str] = set()
    for chunk in _chunks(sorted(set(sender_ids))):
        query = select(distinct(table.c.sender_id)).where(
            table.c.sender_id.in_(chunk), table.c.timestamp >= since
        )
        found.update(connection.execute(query).scalars())
    return found


def silent_since(connection: Connection, since: float) -> set[str]:
    """Senders whose newest event is older than ``since`` (epoch seconds)."""
    table = events_table()
    query = (
        select(table.c.sender_id)
        .group_by(table.c.sender_id)
        .having(func.max(table.c.timestamp) < since)
    )
    return set(connection.execute(query).scalars())


def count_conversations(connection: Connection, sender_ids: Iterable[str]) -> tuple[int, int]:
    """(senders with at least one event, events) among ``sender_ids``."""
    table = events_table()
    senders = events = 0
    for chunk in _chunks(sorted(set(sender_ids))):
        query = select(func.count(distinct(table.c.sender_id)), func.count()).where(
            table.c.sender_id.in_(chunk)
        )
        found_senders, found_events = connection.execute(query).one()
        senders += int(found_senders)
        events += int(found_events)
    return senders, events
