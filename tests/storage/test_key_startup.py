"""A missing or wrong data key stops every process at start-up with one clear sentence.

Each test stores something under one key, then starts a real process (the
action server, the Rasa process's channel import, the launcher) with another
key or none, and checks it refuses before serving anyone, naming the key id.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.settings import PROJECT_ROOT
from bot.storage import repositories as repo
from bot.storage.crypto import Keyring, new_key
from bot.storage.db import session_scope
from bot.storage.migrate import upgrade
from tests.support.at_rest import add_events, use_keys
from tests.support.servers import free_port

RASA = Path(sys.executable).with_name("rasa")
REFUSAL = "cannot decrypt its stored data with the configured key, not starting"


def _stored_under(key: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Both databases in ``folder`` with one answer and one event under ``key``; their env."""
    use_keys(monkeypatch, key)
    app = f"sqlite:///{folder / 'app.db'}"
    upgrade(app)
    with session_scope(app) as session:
        user = repo.get_or_create_user(session=session, sender_id="someone")
        module = repo.create_reflection(session=session, user_id=user.id, takeaway="seek_support")
        repo.add_answer(
            session=session, reflection=module, prompt_id="ss_1", kind="prompt", text="private"
        )
    add_events(
        f"sqlite:///{folder / 'tracker.db'}",
        [{"sender_id": "someone", "type_name": "user", "timestamp": time.time(), "data": "{}"}],
    )
    return {
        "DATABASE_URL": app,
        "TRACKER_DB": str(folder / "tracker.db"),
        "RASA_TELEMETRY_ENABLED": "false",
        "SECUREBASE_STATUS_FILE": str(folder / "processes.json"),
    }


def _run(env: dict[str, str], *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=PROJECT_ROOT, env={**os.environ, **env}, capture_output=True, text=True,
        timeout=180,
    )  # fmt: skip


def test_action_server__with_another_key_refuses_naming_the_key_the_data_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = new_key()
    env = _stored_under(written, tmp_path, monkeypatch)
    done = _run({**env, "SECUREBASE_DATA_KEY": new_key()}, str(RASA), "run", "actions",
                "--actions", "actions", "--port", str(free_port()))  # fmt: skip
    assert done.returncode != 0
    assert REFUSAL in done.stderr
    assert f"key id {Keyring.from_text([written]).current_id}" in done.stderr
    assert "private" not in done.stderr + done.stdout


def test_action_server__with_the_right_key_among_others_starts_checking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = new_key()
    env = _stored_under(written, tmp_path, monkeypatch)
    done = _run({**env, "SECUREBASE_DATA_KEY": f"{new_key()},{written}"}, sys.executable, "-c",
                "import actions; print('checked')")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "checked" in done.stdout


def test_rasa_process__with_another_key_refuses_to_load_its_channels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = _stored_under(new_key(), tmp_path, monkeypatch)
    done = _run({**env, "SECUREBASE_DATA_KEY": new_key()}, sys.executable, "-c",
                "import bot.channels.rest")  # fmt: skip
    assert done.returncode != 0
    assert REFUSAL in done.stderr and "events.data" in done.stderr


def test_launcher__with_a_missing_local_key_file_refuses_and_leaves_no_new_key_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = _stored_under(new_key(), tmp_path, monkeypatch)
    key_file = tmp_path / "gone" / "data.key"
    script = (
        "import subprocess, bot.launcher as launcher\n"
        "def started(*args, **kwargs): raise SystemExit('STARTED ' + repr(args))\n"
        "subprocess.Popen = started\n"
        "launcher.upgrade = started\n"
        "raise SystemExit(launcher.main())\n"
    )
    done = _run({**env, "SECUREBASE_DATA_KEY": "", "SECUREBASE_DATA_KEY_FILE": str(key_file)},
                sys.executable, "-c", script)  # fmt: skip
    assert done.returncode == 1
    assert REFUSAL in done.stderr and "put the old key file back" in done.stderr
    assert "STARTED" not in done.stderr + done.stdout
    assert not key_file.exists()


def test_launcher__in_production_without_a_key_refuses_before_anything_else(
    tmp_path: Path,
) -> None:
    env = {
        "SECUREBASE_MODE": "production",
        "SECRET_KEY": "s" * 40,
        "REST_TOKEN": "t" * 40,
        "SECUREBASE_DATA_KEY": "",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}",
    }
    done = _run(env, sys.executable, "-m", "bot.launcher")
    assert done.returncode == 1
    assert "SECUREBASE_DATA_KEY must be set in production" in done.stderr
    assert not (tmp_path / "app.db").exists()
