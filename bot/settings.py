"""One validated settings object, read from the environment (and ``.env``).

Everything configurable is here so that a reader finds every knob in one
place; nothing else in the code base reads ``os.environ`` for configuration.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = PROJECT_ROOT / "bot" / "content"
DEFAULT_SECRET = "local-development-secret-change-me"
DEFAULT_RETENTION_DAYS = 365


class SettingsError(ValueError):
    """A setting is missing or invalid; the message names the variable."""


def _read_dotenv(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip().strip('"').strip("'")
    return values


def _port(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, str(default))
    try:
        port = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a port number, got {raw!r}") from None
    if not 0 < port < 65536:
        raise SettingsError(f"{name} must be between 1 and 65535, got {port}")
    return port


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if value < 1:
        raise SettingsError(f"{name} must be at least 1, got {value}")
    return value


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, str(default))
    try:
        seconds = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number of seconds, got {raw!r}") from None
    if not 0 < seconds <= 600:
        raise SettingsError(f"{name} must be more than 0 and at most 600, got {seconds}")
    return seconds


def _retention_days(env: Mapping[str, str]) -> int:
    raw = env.get("RETENTION_DAYS", str(DEFAULT_RETENTION_DAYS)).strip()
    try:
        days = int(raw)
    except ValueError:
        raise SettingsError(f"RETENTION_DAYS must be a whole number of days, got {raw!r}") from None
    if not 1 <= days <= 3650:
        raise SettingsError(f"RETENTION_DAYS must be between 1 and 3650, got {days}")
    return days


def _data_keys(env: Mapping[str, str], mode: str) -> tuple[str, ...]:
    """``SECUREBASE_DATA_KEY``: comma-separated keys, the first encrypts, all decrypt."""
    from bot.storage.crypto import KeyConfigError, parse_key

    keys = tuple(k.strip() for k in env.get("SECUREBASE_DATA_KEY", "").split(",") if k.strip())
    if mode == "production" and not keys:
        raise SettingsError(
            "SECUREBASE_DATA_KEY must be set in production: generate one with"
            " `python -m bot keys new` and keep it outside the database and its backups"
        )
    for position, key in enumerate(keys, start=1):
        try:
            parse_key(key)
        except KeyConfigError as error:
            raise SettingsError(f"SECUREBASE_DATA_KEY key {position}: {error}") from None
    return keys


def _flag(env: Mapping[str, str], name: str) -> bool:
    raw = env.get(name, "").strip().lower()
    if raw in {"", "0", "false", "no", "off"}:
        return False
    if raw in {"1", "true", "yes", "on"}:
        return True
    raise SettingsError(f"{name} must be true or false, got {raw!r}")


def _workers(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, str(default))
    try:
        workers = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if not 1 <= workers <= 16:
        raise SettingsError(f"{name} must be between 1 and 16, got {workers}")
    return workers


@dataclass(frozen=True)
class Settings:
    mode: str = "local"
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'securebase.db'}"
    tracker_db: str = str(PROJECT_ROOT / "var" / "tracker.db")
    host: str = "127.0.0.1"
    rasa_port: int = 5005
    action_port: int = 5055
    web_port: int = 8000
    rasa_api_token: str = ""
    crisis_region: str = "international"
    secret_key: str = DEFAULT_SECRET
    widget_origins: tuple[str, ...] = field(default_factory=tuple)
    log_salt: str = "securebase"
    action_endpoint: str = ""
    public_rasa: str = ""
    content_dir: Path = CONTENT_DIR
    # Where the launcher shares its processes' state with /health; "" outside `make run`.
    status_file: str = ""
    # How long a person waits at most before hearing that there is a technical problem.
    reply_timeout_seconds: float = 15.0
    # Keys for text at rest (SECUREBASE_DATA_KEY); empty in local mode means data_key_file.
    data_keys: tuple[str, ...] = field(default_factory=tuple, repr=False)
    data_key_file: str = ""
    # Everything of a person who has not been seen for this long is deleted.
    retention_days: int = DEFAULT_RETENTION_DAYS
    # The operator may require two-factor sign-in for every therapist (PORTAL_REQUIRE_TOTP).
    portal_require_totp: bool = False

    # Bearer token for the REST webhook (integrations); required outside local mode.
    rest_token: str = ""
    # Messages a minute one sender, and one network address, may send (bursts up to the same).
    sender_rate_per_minute: int = 30
    address_rate_per_minute: int = 300
    # Worker processes of the action server, so actions run in parallel. They share only the
    # databases: SQLite runs in WAL mode with a busy timeout (bot.storage.db), so two
    # workers writing at once wait for each other instead of failing.
    action_workers: int = 2

    @property
    def production(self) -> bool:
        """Production mode: portal cookies are Secure (HTTPS only) and secrets are checked."""
        return self.mode == "production"

    @property
    def web_origins(self) -> tuple[str, ...]:
        """Origins allowed to talk to Rasa from a browser: our own pages plus WIDGET_ORIGINS."""
        own = (f"http://{self.host}:{self.web_port}", f"http://localhost:{self.web_port}")
        return tuple(dict.fromkeys((*own, *self.widget_origins)))

    @property
    def public_rasa_url(self) -> str:
        """Where browsers reach Rasa (``PUBLIC_RASA_URL`` behind a proxy; else ``rasa_url``)."""
        return self.public_rasa or self.rasa_url

    @property
    def status_path(self) -> Path:
        """The launcher's status file (``SECUREBASE_STATUS_FILE``, else ``var/processes.json``)."""
        return Path(self.status_file or PROJECT_ROOT / "var" / "processes.json")

    @property
    def data_key_path(self) -> Path:
        """The generated local key (``SECUREBASE_DATA_KEY_FILE``, else ``var/data.key``)."""
        return Path(self.data_key_file or PROJECT_ROOT / "var" / "data.key")

    @property
    def tracker_url(self) -> str:
        """Rasa's tracker store as a database URL (``TRACKER_DB`` is a SQLite path or a URL)."""
        if "://" in self.tracker_db:
            return self.tracker_db
        return f"sqlite:///{self.tracker_db}"

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        """The action server's webhook (``ACTION_ENDPOINT_URL`` wins when set)."""
        return self.action_endpoint or f"http://{self.host}:{self.action_port}/webhook"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings from ``env`` (default: ``.env`` overlaid by the process env)."""
        if env is None:
            merged = _read_dotenv(PROJECT_ROOT / ".env")
            merged.update(os.environ)
            env = merged
        defaults = cls()
        mode = env.get("SECUREBASE_MODE", defaults.mode).strip().lower()
        if mode not in {"local", "production"}:
            raise SettingsError(f"SECUREBASE_MODE must be 'local' or 'production', got {mode!r}")
        secret = env.get("SECRET_KEY", defaults.secret_key)
        if mode == "production" and (secret == DEFAULT_SECRET or len(secret) < 32):
            raise SettingsError("SECRET_KEY must be set to a random value of 32+ characters")
        origins = tuple(o.strip() for o in env.get("WIDGET_ORIGINS", "").split(",") if o.strip())
        if "*" in origins:
            raise SettingsError(
                "WIDGET_ORIGINS may not be '*'; list the sites that embed the widget"
            )
        rest_token = env.get("REST_TOKEN", "").strip()
        if mode == "production" and len(rest_token) < 32:
            raise SettingsError(
                "REST_TOKEN must be set to a random value of 32+ characters outside local mode"
            )
        content_dir = Path(env.get("SECUREBASE_CONTENT_DIR", "") or defaults.content_dir)
        if not content_dir.is_dir():
            raise SettingsError(f"SECUREBASE_CONTENT_DIR must be a folder, got {content_dir}")
        return cls(
            mode=mode,
            database_url=env.get("DATABASE_URL", defaults.database_url),
            tracker_db=env.get("TRACKER_DB", defaults.tracker_db),
            host=env.get("SECUREBASE_HOST", defaults.host),
            rasa_port=_port(env, "RASA_PORT", defaults.rasa_port),
            action_port=_port(env, "ACTION_PORT", defaults.action_port),
            web_port=_port(env, "WEB_PORT", defaults.web_port),
            rasa_api_token=env.get("RASA_API_TOKEN", ""),
            crisis_region=env.get("CRISIS_REGION", defaults.crisis_region).strip().lower()
            or defaults.crisis_region,
            secret_key=secret,
            widget_origins=origins,
            log_salt=env.get("LOG_SALT", defaults.log_salt),
            action_endpoint=env.get("ACTION_ENDPOINT_URL", ""),
            public_rasa=env.get("PUBLIC_RASA_URL", "").rstrip("/"),
            content_dir=content_dir,
            status_file=env.get("SECUREBASE_STATUS_FILE", ""),
            reply_timeout_seconds=_seconds(
                env, "REPLY_TIMEOUT_SECONDS", defaults.reply_timeout_seconds
            ),
            data_keys=_data_keys(env, mode),
            data_key_file=env.get("SECUREBASE_DATA_KEY_FILE", ""),
            retention_days=_retention_days(env),
            portal_require_totp=_flag(env, "PORTAL_REQUIRE_TOTP"),
            rest_token=rest_token,
            sender_rate_per_minute=_positive_int(
                env, "SENDER_RATE_PER_MINUTE", defaults.sender_rate_per_minute
            ),
            address_rate_per_minute=_positive_int(
                env, "ADDRESS_RATE_PER_MINUTE", defaults.address_rate_per_minute
            ),
            action_workers=_workers(env, "ACTION_WORKERS", defaults.action_workers),
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings for this process, read once."""
    return Settings.from_env()
