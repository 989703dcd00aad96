"""Alembic environment: migrates the database named by the settings."""

from __future__ import annotations

from alembic import context

from bot.settings import get_settings
from bot.storage.db import get_engine
from bot.storage.models import Base

config = context.config


def _database_url() -> str:
    x_args = context.get_x_argument(as_dictionary=True)
    return (
        x_args.get("url") or config.get_main_option("sqlalchemy.url") or get_settings().database_url
    )


def run_migrations_offline() -> None:
    context.configure(url=_database_url(), target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = get_engine(_database_url())
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
