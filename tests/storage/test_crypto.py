"""The data key: authenticated encryption, key ids, the generated local key, and settings."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest

from bot.settings import PROJECT_ROOT, Settings, SettingsError
from bot.storage.crypto import (
    DataKeyError,
    KeyConfigError,
    Keyring,
    ensure_local_key_file,
    key_id_of,
    new_key,
    parse_key,
)

WORDS = "I never told anyone how scared I was of my father"


def test_encrypt__hides_the_words_and_decrypts_to_them_again() -> None:
    ring = Keyring.from_text([new_key()])
    stored = ring.encrypt(WORDS, purpose="answers.text")
    assert "scared" not in stored and "father" not in stored
    assert stored.startswith(f"enc1:{ring.current_id}:")
    assert ring.decrypt(stored, purpose="answers.text") == WORDS


def test_encrypt__the_same_words_twice_look_different() -> None:
    ring = Keyring.from_text([new_key()])
    assert ring.encrypt(WORDS, purpose="p") != ring.encrypt(WORDS, purpose="p")


def test_decrypt__with_another_key_names_the_key_id_it_needs_and_never_the_words() -> None:
    writer, reader = Keyring.from_text([new_key()]), Keyring.from_text([new_key()])
    stored = writer.encrypt(WORDS, purpose="answers.text")
    with pytest.raises(DataKeyError) as error:
        reader.decrypt(stored, purpose="answers.text")
    assert writer.current_id in str(error.value) and reader.current_id in str(error.value)
    assert "scared" not in str(error.value)
    assert error.value.key_id == writer.current_id


def test_decrypt__a_value_moved_to_another_column_or_altered_is_refused() -> None:
    ring = Keyring.from_text([new_key()])
    stored = ring.encrypt(WORDS, purpose="answers.text")
    with pytest.raises(DataKeyError, match="does not authenticate"):
        ring.decrypt(stored, purpose="risk_events.text")
    flipped = stored[:-3] + ("A" if stored[-3] != "A" else "B") + stored[-2:]
    with pytest.raises(DataKeyError, match="does not authenticate"):
        ring.decrypt(flipped, purpose="answers.text")


def test_decrypt__any_configured_key_reads_and_only_the_first_writes() -> None:
    old, new = new_key(), new_key()
    stored_under_old = Keyring.from_text([old]).encrypt(WORDS, purpose="p")
    rotating = Keyring.from_text([new, old])
    assert rotating.decrypt(stored_under_old, purpose="p") == WORDS
    assert key_id_of(rotating.encrypt(WORDS, purpose="p")) == rotating.current_id
    assert rotating.current_id != key_id_of(stored_under_old)


def test_decrypt__text_stored_before_encryption_comes_back_unchanged() -> None:
    assert Keyring.from_text([new_key()]).decrypt("plain old answer", purpose="p") == (
        "plain old answer"
    )


@pytest.mark.parametrize("bad", ["", "not base64 at all!", "c2hvcnQ", new_key() + "AAAA"])
def test_parse_key__refuses_anything_but_32_random_bytes(bad: str) -> None:
    with pytest.raises(KeyConfigError, match="keys new"):
        parse_key(bad)


def test_local_key_file__is_created_once_owner_only_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "var" / "data.key"
    first = ensure_local_key_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert ensure_local_key_file(path) == first and len(first) == 1
    parse_key(first[0])


def test_local_key_file__in_var_is_ignored_by_git() -> None:
    done = subprocess.run(
        ["git", "check-ignore", "-q", "var/data.key"], cwd=PROJECT_ROOT, check=False
    )
    assert done.returncode == 0


def test_settings__production_refuses_to_run_without_a_data_key() -> None:
    env = {"SECUREBASE_MODE": "production", "SECRET_KEY": "x" * 40, "REST_TOKEN": "t" * 40}
    with pytest.raises(SettingsError, match="SECUREBASE_DATA_KEY must be set in production"):
        Settings.from_env(env)
    assert Settings.from_env({**env, "SECUREBASE_DATA_KEY": new_key()}).mode == "production"


def test_settings__name_the_position_of_a_malformed_key_and_not_the_key() -> None:
    with pytest.raises(SettingsError, match="SECUREBASE_DATA_KEY key 2") as error:
        Settings.from_env({"SECUREBASE_DATA_KEY": f"{new_key()}, secret-typo"})
    assert "secret-typo" not in str(error.value)


def test_settings__read_a_comma_separated_key_list_first_being_current() -> None:
    keys = [new_key(), new_key()]
    settings = Settings.from_env({"SECUREBASE_DATA_KEY": " , ".join(keys)})
    assert settings.data_keys == tuple(keys)
    assert keys[0] not in repr(settings)


@pytest.mark.parametrize("raw", ["soon", "0", "-3", "3651", "1.5"])
def test_settings__refuse_retention_days_that_are_not_a_sensible_number(raw: str) -> None:
    with pytest.raises(SettingsError, match="RETENTION_DAYS"):
        Settings.from_env({"RETENTION_DAYS": raw})


def test_settings__keep_data_a_year_unless_told_otherwise() -> None:
    assert Settings.from_env({}).retention_days == 365
    assert Settings.from_env({"RETENTION_DAYS": "30"}).retention_days == 30
