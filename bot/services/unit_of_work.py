"""The one way use cases reach the app database: a unit of work per call.

Actions hand plain values to ``bot.services`` and never see a session; the use
case decides what belongs in one transaction (an answer and the risk event
raised with it commit together or not at all).
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from sqlalchemy.orm import Session

from bot.settings import get_settings
from bot.storage.db import session_scope


def unit_of_work() -> AbstractContextManager[Session]:
    """Commit on success, roll back on error, on the configured ``DATABASE_URL``."""
    return session_scope(get_settings().database_url)
