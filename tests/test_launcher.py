"""How the launcher wires its processes to the supervisor and to /health."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.launcher import child_env, process_specs
from bot.settings import PROJECT_ROOT, Settings, SettingsError


def test_specs__stop_the_request_takers_before_the_action_server() -> None:
    specs = {spec.name: spec for spec in process_specs(Settings())}
    assert list(specs) == ["actions", "rasa", "web"]
    assert not specs["actions"].takes_requests
    assert specs["rasa"].takes_requests and specs["web"].takes_requests


def test_child_env__tells_the_web_process_where_the_status_file_is(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"SECUREBASE_STATUS_FILE": str(tmp_path / "s.json"), "TRACKER_DB": str(tmp_path / "t.db")}
    )
    assert child_env(settings, base={})["SECUREBASE_STATUS_FILE"] == str(tmp_path / "s.json")
    default = Settings(tracker_db=str(tmp_path / "t.db"))
    expected = str(PROJECT_ROOT / "var" / "processes.json")
    assert child_env(default, base={})["SECUREBASE_STATUS_FILE"] == expected


def test_child_env__passes_the_reply_timeout_to_rasa(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"REPLY_TIMEOUT_SECONDS": "4.5", "TRACKER_DB": str(tmp_path / "t.db")}
    )
    assert child_env(settings, base={})["REPLY_TIMEOUT_SECONDS"] == "4.5"


@pytest.mark.parametrize("raw", ["soon", "0", "-1", "601"])
def test_settings__refuse_a_reply_timeout_that_is_not_a_sensible_number(raw: str) -> None:
    with pytest.raises(SettingsError, match="REPLY_TIMEOUT_SECONDS"):
        Settings.from_env({"REPLY_TIMEOUT_SECONDS": raw})


def test_action_server__runs_several_workers_but_only_the_action_server_is_told(
    tmp_path: Path,
) -> None:
    settings = Settings.from_env({"ACTION_WORKERS": "3", "TRACKER_DB": str(tmp_path / "t.db")})
    env = child_env(settings, base={})
    # rasa-sdk's variable; Rasa's own (SANIC_WORKERS) would be refused with its lock store.
    assert env["ACTION_SERVER_SANIC_WORKERS"] == "3" and "SANIC_WORKERS" not in env
    specs = {spec.name: spec for spec in process_specs(settings)}
    assert list(specs["actions"].command[1:3]) == ["-m", "bot.action_server"]
    assert Settings().action_workers == 2


@pytest.mark.parametrize("raw", ["many", "0", "17"])
def test_settings__refuse_a_worker_count_that_is_not_sensible(raw: str) -> None:
    with pytest.raises(SettingsError, match="ACTION_WORKERS"):
        Settings.from_env({"ACTION_WORKERS": raw})
