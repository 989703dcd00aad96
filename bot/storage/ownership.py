"""Which rows belong to a person, found from the schema's cascading foreign keys.

Deleting a ``users`` row deletes everything that refers to it with
``ON DELETE CASCADE``, directly (answers' sessions, moods, risk events, links
to therapists, audit rows) or through another owned row (answers through their
session, consent records and assignments through the link). Reading that from
the models means a table added later (the therapist side's, say) is deleted
and counted without anyone listing it here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, delete, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from bot.storage.models import Base, User


def _owned_ids(table: Table, user_ids: Sequence[int], seen: tuple[str, ...] = ()) -> Select | None:
    """A query for the primary keys of ``table``'s rows that go when these users go."""
    users: Table = User.__table__
    if table is users:
        return select(users.c.id).where(users.c.id.in_(user_ids))
    conditions = []
    for foreign_key in table.foreign_keys:
        parent = foreign_key.column.table
        if (foreign_key.ondelete or "").upper() != "CASCADE" or parent.name in seen:
            continue
        parents = _owned_ids(parent, user_ids, (*seen, table.name))
        if parents is not None:
            conditions.append(foreign_key.parent.in_(parents.scalar_subquery()))
    if not conditions:
        return None
    (key,) = table.primary_key.columns
    return select(key).where(or_(*conditions))


def owned_tables() -> list[Table]:
    """Tables whose rows a person's deletion removes, ``users`` first."""
    return [t for t in Base.metadata.sorted_tables if _owned_ids(t, [0]) is not None]


def count_owned(session: Session, user_ids: Sequence[int]) -> dict[str, int]:
    """Rows per table that deleting these users removes (tables with none are left out)."""
    counts: dict[str, int] = {}
    if not user_ids:
        return counts
    for table in owned_tables():
        owned = _owned_ids(table, user_ids)
        assert owned is not None
        query = select(func.count()).select_from(owned.subquery())
        number = int(session.execute(query).scalar_one())
        if number:
            counts[table.name] = number
    return counts


def delete_users(session: Session, user_ids: Sequence[int]) -> int:
    """Delete these users; the database's cascades remove everything they own."""
    if not user_ids:
        return 0
    result: Any = session.execute(delete(User).where(User.id.in_(list(user_ids))))
    session.flush()
    return int(result.rowcount or 0)
