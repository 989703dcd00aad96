from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from bot.storage.db import get_engine
from bot.storage.migrate import upgrade
from bot.storage.models import Base


def test_migrations__build_exactly_the_schema_the_models_describe(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'schema.db'}"
    upgrade(url)
    with get_engine(url).connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_migrations__are_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    upgrade(url)
    upgrade(url)
    assert {"users", "answers", "mood_checkins"} <= set(inspect(get_engine(url)).get_table_names())


def test_sqlite_file__is_created_in_a_missing_folder(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nested' / 'deeper' / 'app.db'}"
    upgrade(url)
    assert (tmp_path / "nested" / "deeper" / "app.db").exists()
