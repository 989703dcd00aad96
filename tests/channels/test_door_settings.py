"""The door's settings: a REST token outside local mode, sensible rate limits, passed to Rasa."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.launcher import child_env
from bot.settings import Settings, SettingsError
from bot.storage.crypto import new_key

# Production also needs a data key (issue 17's encryption at rest).
PRODUCTION = {
    "SECUREBASE_MODE": "production",
    "SECRET_KEY": "s" * 40,
    "SECUREBASE_DATA_KEY": new_key(),
}


def test_settings__production_refuses_to_start_without_a_long_rest_token() -> None:
    for token in ("", "short"):
        with pytest.raises(SettingsError, match="REST_TOKEN"):
            Settings.from_env({**PRODUCTION, "REST_TOKEN": token})
    assert Settings.from_env({**PRODUCTION, "REST_TOKEN": "r" * 32}).rest_token == "r" * 32


def test_settings__local_mode_needs_no_token() -> None:
    assert Settings.from_env({}).rest_token == ""


@pytest.mark.parametrize("name", ["SENDER_RATE_PER_MINUTE", "ADDRESS_RATE_PER_MINUTE"])
@pytest.mark.parametrize("raw", ["many", "0", "-3", "1.5"])
def test_settings__refuse_a_rate_that_is_not_a_whole_positive_number(name: str, raw: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: raw})


def test_child_env__passes_the_token_and_limits_to_rasa(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"REST_TOKEN": "x" * 32, "SENDER_RATE_PER_MINUTE": "12", "TRACKER_DB": str(tmp_path / "t")}
    )
    env = child_env(settings, base={})
    assert env["REST_TOKEN"] == "x" * 32
    assert env["SENDER_RATE_PER_MINUTE"] == "12" and env["ADDRESS_RATE_PER_MINUTE"] == "300"
