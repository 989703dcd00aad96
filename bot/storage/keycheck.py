"""Can the configured keys read what is stored? A sample of each database, decrypted.

:func:`check_keys` decrypts the newest and oldest encrypted value of every
encrypted column; ``bot.services.startup`` turns a failure into a refusal to
start, and ``python -m bot keys check`` prints the result.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.settings import Settings
from bot.storage.at_rest import (
    APP,
    TRACKER,
    Database,
    app_database,
    check_readable,
    connected,
    tracker_database,
)
from bot.storage.crypto import active_keyring


def databases_of(settings: Settings, names: Iterable[str]) -> list[Database]:
    found = {
        APP: app_database(settings.database_url),
        TRACKER: tracker_database(settings.tracker_url),
    }
    return [found[name] for name in names]


def where_keys_come_from(settings: Settings) -> str:
    if settings.data_keys:
        return "SECUREBASE_DATA_KEY"
    return f"the local key file {settings.data_key_path} (SECUREBASE_DATA_KEY is not set)"


def check_keys(settings: Settings, names: Iterable[str] = (APP, TRACKER)) -> int:
    """Decrypt a sample of each named database; raises DataKeyError or KeyConfigError."""
    active_keyring()  # a missing or malformed key fails here, before any database is opened
    checked = 0
    for database in databases_of(settings, names):
        if not database.exists():
            continue
        with connected(database) as engine:
            checked += check_readable(engine, database)
    return checked
