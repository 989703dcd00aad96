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
from bot.storage.crypto import GENERATED_KEY_FILES, active_keyring, forget_cached_keys


def databases_of(settings: Settings, names: Iterable[str]) -> list[Database]:
    found = {
        APP: app_database(settings.database_url),
        TRACKER: tracker_database(settings.tracker_url),
    }
    return [found[name] for name in names]


def where_keys_come_from(settings: Settings) -> str:
    if settings.data_keys:
        return "SECUREBASE_DATA_KEY"
    if settings.data_key_path in GENERATED_KEY_FILES:
        return (
            f"a new local key file, {settings.data_key_path}, made just now because none"
            " existed (SECUREBASE_DATA_KEY is not set): put the old key file back there"
        )
    return f"the local key file {settings.data_key_path} (SECUREBASE_DATA_KEY is not set)"


def discard_generated_key(settings: Settings) -> None:
    """Remove a key file made by this process for data it cannot read, leaving things as found."""
    path = settings.data_key_path
    if not settings.data_keys and path in GENERATED_KEY_FILES:
        path.unlink(missing_ok=True)
        GENERATED_KEY_FILES.discard(path)
        forget_cached_keys()


def check_keys(
    settings: Settings, names: Iterable[str] = (APP, TRACKER), *, every_key: bool = False
) -> int:
    """Decrypt a sample of each named database; raises DataKeyError or KeyConfigError."""
    active_keyring()  # a missing or malformed key fails here, before any database is opened
    checked = 0
    for database in databases_of(settings, names):
        if not database.exists():
            continue
        with connected(database) as engine:
            checked += check_readable(engine, database, every_key=every_key)
    return checked
