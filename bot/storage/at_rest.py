"""The encrypted columns of both databases: which rows need a key, and are the keys right.

Shared by key rotation (``python -m bot keys rotate``), the start-up check and
backups. The columns are found from the models themselves (every column whose
type is one of :mod:`bot.storage.encrypted`'s), so a new encrypted column is
rotated and checked without being listed anywhere else.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Table, Text, and_, cast, create_engine, func, inspect, not_, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.sql.elements import ColumnElement

from bot.storage.crypto import KEY_ID_LENGTH, PREFIX, DataKeyError, active_keyring
from bot.storage.db import erase_deleted_rows
from bot.storage.encrypted import EncryptedJSON, encrypted_columns, stored_prefix

APP = "app"
TRACKER = "tracker"


@dataclass(frozen=True)
class Database:
    """One of the two databases, with the tables whose columns are encrypted."""

    name: str  # "app" or "tracker"
    url: str
    tables: tuple[Table, ...]

    def columns(self) -> list[Column[Any]]:
        return list(encrypted_columns(list(self.tables)))

    def exists(self) -> bool:
        """False for a SQLite file that was never created (nothing to read, nothing to check)."""
        path = sqlite_file(self.url)
        return path is None or path.is_file()


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL; None for other databases (and in-memory SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def app_database(url: str) -> Database:
    from bot.storage.models import Base

    return Database(APP, url, tuple(Base.metadata.sorted_tables))


def tracker_database(url: str) -> Database:
    from bot.storage.tracker_table import EVENTS

    return Database(TRACKER, url, (EVENTS,))


@contextmanager
def connected(database: Database) -> Iterator[Engine]:
    """A short-lived engine of its own (the tracker database is Rasa's, not in our pool)."""
    engine = create_engine(database.url, future=True)
    erase_deleted_rows(engine)
    try:
        yield engine
    finally:
        engine.dispose()


def present_columns(engine: Engine, database: Database) -> list[Column[Any]]:
    """The encrypted columns whose table exists in this database (it may not be migrated yet)."""
    tables = set(inspect(engine).get_table_names())
    return [column for column in database.columns() if column.table.name in tables]


def label(column: Column[Any]) -> str:
    return f"{column.table.name}.{column.name}"


def _raw(column: Column[Any]) -> ColumnElement[Any]:
    return cast(column, Text)


def encrypted_clause(column: Column[Any], key_id: str | None = None) -> ColumnElement[Any]:
    """Rows of ``column`` encrypted with ``key_id`` (any key when None)."""
    return _raw(column).like(stored_prefix(column.type, key_id) + "%")


def pending_clause(column: Column[Any], key_id: str) -> ColumnElement[Any]:
    """Rows with a value not yet under ``key_id``: older keys, or stored before encryption."""
    clause = and_(column.isnot(None), not_(encrypted_clause(column, key_id)))
    if isinstance(column.type, EncryptedJSON):
        clause = and_(clause, _raw(column) != "null")  # JSON null: nothing to encrypt
    return clause


def count_pending(engine: Engine, column: Column[Any], key_id: str) -> int:
    with engine.connect() as connection:
        query = select(func.count()).select_from(column.table).where(pending_clause(column, key_id))
        return int(connection.execute(query).scalar_one())


def primary_key(column: Column[Any]) -> Column[Any]:
    (key,) = column.table.primary_key.columns
    return key


def key_ids_in_use(engine: Engine, column: Column[Any]) -> set[str]:
    """Ids of every key that wrote a value in ``column`` (reads the whole column)."""
    stored = func.ltrim(_raw(column), '"')  # EncryptedJSON values are JSON strings
    kid = func.substr(stored, len(PREFIX) + 1, KEY_ID_LENGTH)
    query = select(kid).where(encrypted_clause(column)).distinct()
    with engine.connect() as connection:
        return {str(found) for found in connection.execute(query).scalars()}


def check_readable(engine: Engine, database: Database, *, every_key: bool = False) -> int:
    """Decrypt the newest and the oldest encrypted value of every column; return how many.

    Rotation works from the newest row down, so while one is unfinished the
    oldest rows are the ones under the old key: removing that key too early
    fails here. ``every_key`` also reads which keys wrote the whole column and
    decrypts one value of each (a full scan: the launcher and ``keys check``).
    Raises :class:`bot.storage.crypto.DataKeyError` when a key is missing or a
    value does not decrypt.
    """
    checked = 0
    keyring = active_keyring()
    with engine.connect() as connection:
        for column in present_columns(engine, database):
            key = primary_key(column)
            samples = [encrypted_clause(column)]
            if every_key:
                for kid in sorted(key_ids_in_use(engine, column)):
                    if kid not in keyring.ids:
                        raise DataKeyError(
                            f"{label(column)} has values encrypted with key id {kid}, which is"
                            f" not configured (configured: {', '.join(keyring.ids)})",
                            key_id=kid,
                        )
                    samples.append(encrypted_clause(column, kid))
            for where in samples:
                for order in (key.desc(), key.asc()):
                    query = select(column).where(where).order_by(order).limit(1)
                    if connection.execute(query).first() is not None:
                        checked += 1
    return checked
