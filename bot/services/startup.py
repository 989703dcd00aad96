"""Refuse to start with a missing or wrong data key, before anyone is served.

A process that cannot decrypt what is stored would fail in the middle of
someone's reflection, or worse, start writing under a key that cannot read
the rest. So each process tries, as it starts, to decrypt the newest and
oldest encrypted value of the database it serves (the action server and the
web process the app database, the Rasa process the tracker store, ``make run``
both) and exits with one clear sentence when that fails: which key id the data
needs, which ids are configured, and where the keys come from. It runs next to
the content check (:func:`bot.content.refuse_to_start_if_broken`).
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.settings import SettingsError, get_settings
from bot.storage.crypto import DataKeyError, KeyConfigError
from bot.storage.keycheck import check_keys, discard_generated_key, where_keys_come_from


def refuse_to_start_if_key_is_wrong(
    names: Iterable[str] = ("app", "tracker"), *, every_key: bool = False
) -> None:
    """Exit with a clear message when the stored data cannot be read with the configured keys."""
    try:
        settings = get_settings()
    except SettingsError as error:
        raise SystemExit(f"SecureBase settings are invalid, not starting: {error}") from None
    try:
        check_keys(settings, names, every_key=every_key)
    except KeyConfigError as error:
        raise SystemExit(
            f"SecureBase has no usable data key, not starting: {error}."
            " Set SECUREBASE_DATA_KEY (make one with `python -m bot keys new`)."
        ) from None
    except DataKeyError as error:
        source = where_keys_come_from(settings)
        discard_generated_key(settings)
        raise SystemExit(
            "SecureBase cannot decrypt its stored data with the configured key, not starting: "
            f"{error}. The keys come from {source}; set the key the data was written with"
            " (during a rotation: the new key first, then the old ones)."
        ) from None
