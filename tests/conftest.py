"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from bot.settings import PROJECT_ROOT, get_settings
from bot.storage.crypto import forget_cached_keys, new_key
from bot.storage.db import session_scope
from bot.storage.migrate import upgrade

_SAVED_ENV: dict[str, str | None] = {}


def pytest_configure(config: pytest.Config) -> None:
    """One fresh data key and empty default databases for this test run.

    The servers inherit the environment, so the test process can read what they
    stored; a key file, if anything asks for one, goes to a temporary folder and
    never to the worktree's var/. The default databases move there too: importing
    ``actions`` or ``bot.channels`` checks the key against them, and a developer's
    own ``var/`` (written with their local key) is no business of the tests.
    """
    folder = tempfile.mkdtemp(prefix="securebase-test-")
    for name, value in (
        ("SECUREBASE_DATA_KEY", new_key()),
        ("SECUREBASE_DATA_KEY_FILE", os.path.join(folder, "data.key")),
        ("DATABASE_URL", f"sqlite:///{os.path.join(folder, 'app.db')}"),
        ("TRACKER_DB", os.path.join(folder, "tracker.db")),
    ):
        _SAVED_ENV[name] = os.environ.get(name)
        os.environ[name] = value
    get_settings.cache_clear()
    forget_cached_keys()


def pytest_unconfigure(config: pytest.Config) -> None:
    for name, value in _SAVED_ENV.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture
def app_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A real, migrated SQLite database that actions and services will use."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    upgrade(url)
    yield url
    get_settings.cache_clear()


@pytest.fixture
def db_session(app_db: str) -> Iterator[Session]:
    with session_scope(app_db) as session:
        yield session


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """The Rasa model, trained once per test session (reused when inputs are unchanged)."""
    from tests.support.model import ensure_model

    return ensure_model()


@pytest.fixture(scope="session")
def domain_dict() -> dict[str, Any]:
    import yaml

    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
