"""Rasa's ``events`` table as the tracker store keeps it, importable without Rasa.

Column for column what Rasa 3.6's ``SQLTrackerStore`` creates, except that
``data`` (the serialised event: what the person typed, what the bot answered,
slot values) is encrypted at rest. :class:`bot.storage.tracker_store.SecureBaseTrackerStore`
maps its ORM class onto this table; the retention purge, key rotation and
backups use it directly, without importing Rasa.
"""

from __future__ import annotations

import sqlalchemy as sa

from bot.storage.encrypted import EncryptedText

TRACKER_METADATA = sa.MetaData()

EVENTS = sa.Table(
    "events",
    TRACKER_METADATA,
    # Rasa adds a sequence for databases without autoincrement (Oracle); same name here.
    sa.Column("id", sa.Integer, sa.Sequence("events_seq", optional=True), primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", EncryptedText("events.data")),
)
