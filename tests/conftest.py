"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from bot.settings import PROJECT_ROOT, get_settings
from bot.storage.db import session_scope
from bot.storage.migrate import upgrade


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
