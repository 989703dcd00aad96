"""Start the Rasa server, the action server and the web process together.

``python -m bot.launcher`` is what ``make run`` calls. It validates all
content (a broken file stops it with the file and field named), applies database
migrations, then runs the three processes with telemetry off and the HTTP API
closed unless ``RASA_API_TOKEN`` is set, and stops all of them when any one
exits or on Ctrl-C. Tests use :func:`child_env` and the ``*_command``
functions to start the same processes on free ports.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from bot.content import refuse_to_start_if_broken
from bot.settings import PROJECT_ROOT, Settings, get_settings
from bot.storage.migrate import upgrade

MODEL_PATH = PROJECT_ROOT / "models" / "securebase.tar.gz"


def child_env(settings: Settings, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """Environment for the child processes: telemetry off, endpoints filled in."""
    env = dict(os.environ if base is None else base)
    Path(settings.tracker_db).parent.mkdir(parents=True, exist_ok=True)
    env.update(
        {
            "RASA_TELEMETRY_ENABLED": "false",
            "ACTION_ENDPOINT_URL": settings.action_url,
            "TRACKER_DB": settings.tracker_db,
            "DATABASE_URL": settings.database_url,
            "RASA_PORT": str(settings.rasa_port),
            "ACTION_PORT": str(settings.action_port),
            "WEB_PORT": str(settings.web_port),
            "SECUREBASE_HOST": settings.host,
            "CRISIS_REGION": settings.crisis_region,
            "WIDGET_ORIGINS": ",".join(settings.widget_origins),
            "PYTHONPATH": os.pathsep.join(
                p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
            ),
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        }
    )
    return env


def rasa_command(settings: Settings, model: Path = MODEL_PATH) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "rasa",
        "run",
        "--model",
        str(model),
        "--port",
        str(settings.rasa_port),
        "--interface",
        settings.host,
        "--credentials",
        str(PROJECT_ROOT / "credentials.yml"),
        "--endpoints",
        str(PROJECT_ROOT / "endpoints.yml"),
    ]
    if settings.rasa_api_token:
        command += ["--enable-api", "--auth-token", settings.rasa_api_token]
    # Never "*": only our own pages and the sites listed in WIDGET_ORIGINS.
    command += ["--cors", *settings.web_origins]
    return command


def action_command(settings: Settings) -> list[str]:
    return [
        sys.executable,
        "-m",
        "rasa_sdk",
        "--actions",
        "actions",
        "--port",
        str(settings.action_port),
    ]


def web_command(settings: Settings) -> list[str]:
    return [
        sys.executable,
        "-m",
        "bot.web",
        "--host",
        settings.host,
        "--port",
        str(settings.web_port),
    ]


def main() -> int:
    settings = get_settings()
    refuse_to_start_if_broken()  # before any child process, so the message is the only output
    if not MODEL_PATH.exists():
        print(f"No trained model at {MODEL_PATH}; run `make train` first.", file=sys.stderr)
        return 1
    upgrade(settings.database_url)
    env = child_env(settings)
    processes = [
        subprocess.Popen(command, cwd=PROJECT_ROOT, env=env)
        for command in (action_command(settings), rasa_command(settings), web_command(settings))
    ]
    print(
        f"SecureBase is starting: chat at http://{settings.host}:{settings.web_port}/ ,"
        f" REST at {settings.rasa_url}/webhooks/rest/webhook . Ctrl-C stops everything.",
        flush=True,
    )
    stopping = False

    def _stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        while not stopping and all(p.poll() is None for p in processes):
            time.sleep(0.5)
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + 15
        for process in processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
    failed = [p.args for p in processes if p.returncode not in (0, -signal.SIGTERM, None)]
    return 1 if failed and not stopping else 0


if __name__ == "__main__":
    raise SystemExit(main())
