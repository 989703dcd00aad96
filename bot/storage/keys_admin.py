"""Checking the data key and rotating to a new one, for the command line and ``make run``.

Rotating in production, with no downtime:

1. put the new key first in SECUREBASE_DATA_KEY and keep the old ones after it
   (``new,old``), and restart the processes: new text is written under the new
   key, and everything stored stays readable;
2. run ``python -m bot keys rotate``: every row still under an old key (or
   stored before encryption) is rewritten under the new one, in batches, with
   the count so far printed; stopping it is safe and running it again resumes;
3. once it reports nothing left, drop the old keys from SECUREBASE_DATA_KEY
   (keep them with the backups taken before, which still need them).

In local mode ``--new-local-key`` does step 1 in ``var/data.key``.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.settings import Settings, get_settings
from bot.storage.at_rest import connected, count_pending, label, present_columns
from bot.storage.crypto import (
    KeyConfigError,
    active_keyring,
    forget_cached_keys,
    new_key,
    read_key_file,
    write_key_file,
)
from bot.storage.keycheck import check_keys, databases_of, where_keys_come_from
from bot.storage.rotation import DEFAULT_BATCH, rotate_database

Say = Callable[[str], None]


def pending(settings: Settings) -> dict[str, int]:
    """Values not yet under the current key, per ``table.column``, in both databases."""
    current = active_keyring().current_id
    counts: dict[str, int] = {}
    for database in databases_of(settings, ("app", "tracker")):
        if not database.exists():
            continue
        with connected(database) as engine:
            for column in present_columns(engine, database):
                counts[label(column)] = count_pending(engine, column, current)
    return counts


def check(settings: Settings, *, say: Say) -> int:
    checked = check_keys(settings, every_key=True)
    keyring = active_keyring()
    say(f"keys from {where_keys_come_from(settings)}: current {keyring.current_id},"
        f" configured {', '.join(keyring.ids)}")
    say(f"decrypted {checked} sample values: the configured keys read the stored data")
    left = pending(settings)
    for column, count in left.items():
        if count:
            say(f"  {column}: {count} values not yet under the current key")
    if any(left.values()):
        say("run `python -m bot keys rotate` to bring them under the current key")
    return 0


def add_local_key(settings: Settings) -> str:
    """Put a fresh key first in the local key file; returns its id."""
    if settings.data_keys:
        raise KeyConfigError(
            "--new-local-key is for the local key file; with SECUREBASE_DATA_KEY set, put the"
            " new key first in it (`python -m bot keys new` makes one) and restart"
        )
    path = settings.data_key_path
    existing = read_key_file(path) if path.exists() else ()
    write_key_file(path, (new_key(), *existing))
    forget_cached_keys()
    return active_keyring().current_id


def rotate(
    settings: Settings | None = None,
    *,
    batch_size: int = DEFAULT_BATCH,
    new_local_key: bool = False,
    say: Say,
) -> int:
    """Bring every encrypted value of both databases under the current key."""
    settings = settings or get_settings()
    if new_local_key:
        say(f"new local key {add_local_key(settings)} is now first in {settings.data_key_path}")
    check_keys(settings, every_key=True)  # all readable before anything is rewritten
    keyring = active_keyring()
    say(f"rotating to key {keyring.current_id} (configured: {', '.join(keyring.ids)})")
    rewritten = remaining = 0
    for database in databases_of(settings, ("app", "tracker")):
        for result in rotate_database(database, batch_size=batch_size, report=say):
            rewritten += result.rewritten
            remaining += result.remaining
    if remaining:
        say(f"{rewritten} values rewritten; {remaining} still to do: run the command again")
        return 1
    others = [kid for kid in keyring.ids if kid != keyring.current_id]
    say(f"{rewritten} values rewritten; every stored value is under key {keyring.current_id}")
    if others:
        say(f"the databases no longer need key(s) {', '.join(others)}; keep them only for"
            " backups taken before this rotation")
    return 0


def encrypt_remaining(settings: Settings, *, say: Say) -> None:
    """At ``make run``: finish any rotation, and encrypt text stored before encryption existed."""
    left = sum(pending(settings).values())
    if left:
        say(f"encrypting {left} stored values under the current data key first")
        rotate(settings, say=say)
