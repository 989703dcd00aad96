"""Helpers for tests about data at rest: switching keys, reading raw database bytes."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from bot.settings import get_settings
from bot.storage.crypto import forget_cached_keys
from bot.storage.tracker_table import EVENTS, TRACKER_METADATA


def use_keys(monkeypatch: pytest.MonkeyPatch, *keys: str) -> None:
    """From now on this process encrypts with ``keys[0]`` and decrypts with any of ``keys``."""
    monkeypatch.setenv("SECUREBASE_DATA_KEY", ",".join(keys))
    get_settings.cache_clear()
    forget_cached_keys()


def raw_bytes(database: Path) -> bytes:
    """Everything SQLite keeps on disk for ``database``: the file and its WAL, if any."""
    found = b""
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-journal")):
        if path.is_file():
            found += path.read_bytes()
    return found


def words_found(database: Path, words: Iterable[str]) -> list[str]:
    """Which of ``words`` appear in the raw bytes, in UTF-8, in any letter case."""
    data = raw_bytes(database).lower()
    return [w for w in words if w.lower().encode("utf-8") in data]


def add_events(url: str, rows: list[dict[str, object]]) -> None:
    """Write tracker-store rows (sender_id, type_name, timestamp, data) as Rasa would."""
    engine = create_engine(url, future=True)
    try:
        TRACKER_METADATA.create_all(engine)
        with engine.begin() as connection:
            for row in rows:
                connection.execute(EVENTS.insert().values(**row))
    finally:
        engine.dispose()
