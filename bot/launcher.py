"""Start the Rasa server, the action server and the web process together.

``python -m bot.launcher`` is what ``make run`` calls. It validates all
content (a broken file stops it with the file and field named), checks that the
data key decrypts what is stored (a missing or wrong key stops it, saying which
key id the data needs; on a fresh clone a local key is generated in
``var/data.key``), applies database migrations, encrypts any text stored before
encryption, then runs the three processes with telemetry off and the HTTP API
closed unless ``RASA_API_TOKEN`` is set. The retention purge runs once at start
and then daily (:mod:`bot.services.retention`). :mod:`bot.supervision` keeps them
serving: a crashed process is restarted with backoff while the others carry
on, and everything stops on Ctrl-C/SIGTERM or when one process keeps crashing.
Tests use :func:`child_env` and the ``*_command`` functions to start the same
processes on free ports.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Mapping
from pathlib import Path

from bot.content import refuse_to_start_if_broken
from bot.services.startup import refuse_to_start_if_key_is_wrong
from bot.settings import PROJECT_ROOT, Settings, SettingsError, get_settings
from bot.storage.migrate import upgrade
from bot.supervision import ProcessSpec, Supervisor
from bot.supervision.daily import DailyJob
from bot.supervision.supervisor import popen_spawner

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
            "SECUREBASE_STATUS_FILE": str(settings.status_path),
            "REPLY_TIMEOUT_SECONDS": str(settings.reply_timeout_seconds),
            # Every process reads the same keys: the launcher's (a generated local key included).
            "SECUREBASE_DATA_KEY_FILE": str(settings.data_key_path),
            "RETENTION_DAYS": str(settings.retention_days),
            "REST_TOKEN": settings.rest_token,
            "SENDER_RATE_PER_MINUTE": str(settings.sender_rate_per_minute),
            "ADDRESS_RATE_PER_MINUTE": str(settings.address_rate_per_minute),
            # rasa-sdk serves every request on one event loop and the actions block it
            # (SQLite, scoring): with worker processes sharing the port, one person's
            # action no longer holds up everyone else's, nor the guard's health probe.
            # rasa-sdk's own variable; Rasa's SANIC_WORKERS stays unset.
            "ACTION_SERVER_SANIC_WORKERS": str(settings.action_workers),
        }
    )
    if settings.data_keys:
        env["SECUREBASE_DATA_KEY"] = ",".join(settings.data_keys)
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
    """rasa-sdk's server with workers that die with it (bot.action_server)."""
    return [
        sys.executable,
        "-m",
        "bot.action_server",
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


def process_specs(settings: Settings) -> list[ProcessSpec]:
    """The three processes, the action server first so Rasa finds it when it is ready."""
    return [
        ProcessSpec("actions", "action server", action_command(settings), takes_requests=False),
        ProcessSpec("rasa", "Rasa server", rasa_command(settings)),
        ProcessSpec("web", "web process", web_command(settings)),
    ]


def say(line: str) -> None:
    print(f"securebase: {line}", flush=True)


def retention_job(settings: Settings) -> DailyJob:
    """The daily purge of people inactive for longer than RETENTION_DAYS (counts only)."""

    def run() -> list[str]:
        from bot.services.retention import purge

        return purge(settings=settings).lines()

    return DailyJob("retention purge", run, say=say)


def main() -> int:
    try:
        settings = get_settings()
    except SettingsError as error:
        print(f"SecureBase settings are invalid, not starting: {error}", file=sys.stderr)
        return 1
    refuse_to_start_if_broken()  # before any child process, so the message is the only output
    refuse_to_start_if_key_is_wrong(every_key=True)  # reads every key id in use, once
    if not MODEL_PATH.exists():
        print(f"No trained model at {MODEL_PATH}; run `make train` first.", file=sys.stderr)
        return 1
    upgrade(settings.database_url)
    from bot.storage.keys_admin import encrypt_remaining

    encrypt_remaining(settings, say=say)
    retention = retention_job(settings)
    retention.start()
    supervisor = Supervisor(
        process_specs(settings),
        spawn=popen_spawner(cwd=PROJECT_ROOT, env=child_env(settings)),
        status_path=settings.status_path,
    )
    print(
        f"SecureBase is starting: chat at http://{settings.host}:{settings.web_port}/ ,"
        f" REST at {settings.rasa_url}/webhooks/rest/webhook . A crashed process is"
        " restarted; Ctrl-C stops everything.",
        flush=True,
    )
    stopping = False

    def _stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        return supervisor.run(lambda: stopping)
    finally:
        retention.stop()


if __name__ == "__main__":
    raise SystemExit(main())
