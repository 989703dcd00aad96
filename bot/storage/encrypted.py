"""Column types that keep a person's words encrypted at rest, in one place.

A model declares ``Column(EncryptedText("answers.text"))`` and every read and
write through SQLAlchemy encrypts or decrypts on the way, so repositories,
services and Rasa's tracker store code see plain values and do not change.
The ``purpose`` (table and column) is authenticated with each value.

Only the text is hidden: ids, dates, depth and other scores, levels and
categories stay ordinary columns that can be filtered, sorted and counted.
Values stored before encryption (no ``enc1:`` prefix) are read as they are,
until ``python -m bot keys rotate`` (or ``make run``) encrypts them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import JSON, Column, Table, Text
from sqlalchemy.sql.type_api import TypeEngine
from sqlalchemy.types import TypeDecorator

from bot.storage.crypto import PREFIX, active_keyring, prefix_for


class EncryptedText(TypeDecorator):
    """Text stored as ``enc1:<key id>:<ciphertext>`` (a TEXT column)."""

    impl = Text
    cache_ok = True

    def __init__(self, purpose: str) -> None:
        super().__init__()
        self.purpose = purpose

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        return active_keyring().encrypt(str(value), purpose=self.purpose)

    def process_result_value(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        return active_keyring().decrypt(value, purpose=self.purpose)

    def stored_prefix(self, key_id: str | None = None) -> str:
        """How a stored value under ``key_id`` (any key when None) starts in the raw column."""
        return prefix_for(key_id) if key_id else PREFIX


class EncryptedJSON(TypeDecorator):
    """JSON data stored as one JSON string holding the encrypted JSON text.

    The column stays a JSON column (no schema change, valid JSON on PostgreSQL);
    rows written before encryption hold ordinary JSON and are read as before.
    """

    impl = JSON
    cache_ok = True

    def __init__(self, purpose: str) -> None:
        super().__init__()
        self.purpose = purpose

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        if value is None:
            return None
        return active_keyring().encrypt(json.dumps(value), purpose=self.purpose)

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        if isinstance(value, str) and value.startswith(PREFIX):
            return json.loads(active_keyring().decrypt(value, purpose=self.purpose))
        return value

    def stored_prefix(self, key_id: str | None = None) -> str:
        return '"' + (prefix_for(key_id) if key_id else PREFIX)


ENCRYPTED_TYPES = (EncryptedText, EncryptedJSON)


def encrypted_columns(tables: list[Table]) -> Iterator[Column[Any]]:
    """Every column of ``tables`` whose type encrypts, in a stable order."""
    for table in tables:
        for column in table.columns:
            if isinstance(column.type, ENCRYPTED_TYPES):
                yield column


def stored_prefix(column_type: TypeEngine[Any], key_id: str | None = None) -> str:
    """How the raw stored value of an encrypted column starts (for ``LIKE`` filters)."""
    assert isinstance(column_type, ENCRYPTED_TYPES)
    return column_type.stored_prefix(key_id)
