"""How the launcher wires its processes to the supervisor and to /health."""

from __future__ import annotations

import os
import subprocess
import sys
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


def test_child_env__hands_every_process_the_same_data_key_and_retention(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"TRACKER_DB": str(tmp_path / "t.db"), "SECUREBASE_DATA_KEY_FILE": str(tmp_path / "k"),
         "RETENTION_DAYS": "30", "SECUREBASE_DATA_KEY": ""}
    )  # fmt: skip
    env = child_env(settings, base={})
    assert env["SECUREBASE_DATA_KEY_FILE"] == str(tmp_path / "k")
    assert env["RETENTION_DAYS"] == "30" and "SECUREBASE_DATA_KEY" not in env
    from bot.storage.crypto import new_key

    keys = f"{new_key()},{new_key()}"
    with_keys = Settings.from_env(
        {"TRACKER_DB": str(tmp_path / "t.db"), "SECUREBASE_DATA_KEY": keys}
    )
    assert child_env(with_keys, base={})["SECUREBASE_DATA_KEY"] == keys


def test_fresh_clone__the_launcher_generates_a_local_key_and_hands_it_to_every_process(
    tmp_path: Path,
) -> None:
    """`make run`'s path with nothing configured: a key appears, owner-only, and is used."""
    key_file = tmp_path / "var" / "data.key"
    env = {
        "SECUREBASE_DATA_KEY": "",
        "SECUREBASE_DATA_KEY_FILE": str(key_file),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'var' / 'app.db'}",
        "TRACKER_DB": str(tmp_path / "var" / "tracker.db"),
        "SECUREBASE_STATUS_FILE": str(tmp_path / "var" / "processes.json"),
    }
    script = (
        "import subprocess, sys, bot.launcher as launcher\n"
        "from pathlib import Path\n"
        "launcher.MODEL_PATH = Path(sys.executable)  # any existing file: no model needed here\n"
        "def started(command, **kwargs):\n"
        "    print('CHILD', kwargs['env']['SECUREBASE_DATA_KEY_FILE'], flush=True)\n"
        "    raise SystemExit(0)\n"
        "subprocess.Popen = started\n"
        "raise SystemExit(launcher.main())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, env={**os.environ, **env},
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"CHILD {key_file}" in done.stdout
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "var" / "app.db").exists()  # migrated after the key check
    settings = Settings.from_env(env)
    assert settings.data_key_path == key_file


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
