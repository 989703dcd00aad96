"""Re-encrypt every stored value under the current key, in batches, resumably.

A row needs work when its raw value does not start with the current key's
prefix: it was written under an older key, or before encryption existed. Each
batch is read through the encrypted column type (which decrypts with any
configured key) and written back through it (which encrypts with the first
key of :func:`bot.storage.crypto.active_keyring`), and committed on its own.
Stopping half-way loses nothing: the rows done
are under the new key, the rest still under a key that is configured, and the
next run picks up exactly the rows that remain. It works from the newest row
down, so an unfinished rotation leaves its old-key rows at the oldest end,
where the start-up check looks (:func:`bot.storage.at_rest.check_readable`).
Progress lines carry counts and column names, never content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, select, update
from sqlalchemy.engine import Engine

from bot.storage.at_rest import (
    Database,
    connected,
    count_pending,
    label,
    pending_clause,
    present_columns,
    primary_key,
)
from bot.storage.crypto import active_keyring

DEFAULT_BATCH = 500
Report = Callable[[str], None]


@dataclass(frozen=True)
class ColumnResult:
    database: str
    column: str
    rewritten: int
    remaining: int


def rotate_column(
    engine: Engine,
    column: Column[Any],
    *,
    batch_size: int = DEFAULT_BATCH,
    report: Report = lambda line: None,
    stop_after: int | None = None,
) -> int:
    """Bring every value of ``column`` under the current key; returns the rows rewritten.

    ``stop_after`` ends the run after that many rows (used to show that a
    stopped rotation resumes where it ended).
    """
    current = active_keyring().current_id
    key = primary_key(column)
    total = count_pending(engine, column, current)
    done = 0
    last_id: Any = None
    while total and (stop_after is None or done < stop_after):
        size = batch_size if stop_after is None else min(batch_size, stop_after - done)
        query = select(key, column).where(pending_clause(column, current))
        if last_id is not None:
            query = query.where(key < last_id)
        with engine.begin() as connection:
            rows = connection.execute(query.order_by(key.desc()).limit(size)).all()
            for row_id, value in rows:
                connection.execute(
                    update(column.table).where(key == row_id).values({column.name: value})
                )
        if not rows:
            break
        last_id = rows[-1][0]
        done += len(rows)
        report(f"{label(column)}: {done} of {total} rows under key {current}")
    return done


def rotate_database(
    database: Database,
    *,
    batch_size: int = DEFAULT_BATCH,
    report: Report = lambda line: None,
) -> list[ColumnResult]:
    """Rotate every encrypted column of one database; a missing database is skipped."""
    if not database.exists():
        return []
    results = []
    with connected(database) as engine:
        for column in present_columns(engine, database):
            rewritten = rotate_column(engine, column, batch_size=batch_size, report=report)
            remaining = count_pending(engine, column, active_keyring().current_id)
            results.append(ColumnResult(database.name, label(column), rewritten, remaining))
    return results
