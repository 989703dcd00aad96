"""Keep a person's data only as long as promised: RETENTION_DAYS after they were last seen.

Someone is inactive when neither database has seen them since the cutoff: the
app database's ``users.last_seen_at`` is older, and so is their newest event in
Rasa's tracker store (a person who only chatted, without answering anything,
is known to the tracker store alone). Everything of an inactive person goes,
in both databases and the same way "delete my data" deletes it: the ``users``
row with everything that cascades from it (answers, moods, results, risk
events, links to therapists with their consent history, assignments and the
therapists' audit rows about them), then every event of their conversation.

The report holds counts only; no sender id or content is printed or logged.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import create_engine, select

from bot.settings import Settings, get_settings
from bot.storage.at_rest import connected, sqlite_file, tracker_database
from bot.storage.db import session_scope
from bot.storage.models import User
from bot.storage.ownership import count_owned, delete_users
from bot.storage.tracker_rows import (
    active_since,
    count_conversations,
    forget_conversations,
    silent_since,
)

BATCH = 500  # people per transaction


@dataclass(frozen=True)
class PurgeReport:
    cutoff: datetime
    people: int  # distinct people removed from either database
    app_rows: dict[str, int] = field(default_factory=dict)  # rows per table, users included
    conversations: int = 0  # senders whose tracker events were deleted
    tracker_events: int = 0
    dry_run: bool = False

    def lines(self) -> list[str]:
        verb = "would delete" if self.dry_run else "deleted"
        rows = ", ".join(f"{table} {count}" for table, count in sorted(self.app_rows.items()))
        people = "1 person" if self.people == 1 else f"{self.people} people"
        return [
            f"retention: inactive since {self.cutoff:%Y-%m-%d %H:%M} UTC -> {verb} {people}",
            f"  app database: {rows or 'nothing'}",
            f"  tracker store: {self.conversations} conversations, {self.tracker_events} events",
        ]


def period_in_words(days: int | None = None) -> str:
    """RETENTION_DAYS as the greeting says it: "a year", "6 months", "90 days"."""
    days = get_settings().retention_days if days is None else days
    for unit, size in (("year", 365), ("month", 30), ("week", 7)):
        if days % size == 0:
            count = days // size
            return f"a {unit}" if count == 1 else f"{count} {unit}s"
    return "a day" if days == 1 else f"{days} days"


def flush_write_ahead_log(url: str) -> None:
    """SQLite in WAL mode keeps earlier page versions in the ``-wal`` file until a
    checkpoint: move everything into the database (where deleted rows are zeroed,
    ``secure_delete``) and truncate the log, so purged rows leave no copy there."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return
    engine = create_engine(url, future=True)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()


def cutoff_for(settings: Settings, now: datetime | None = None) -> datetime:
    return (now or datetime.now(timezone.utc)) - timedelta(days=settings.retention_days)


def purge(
    *, settings: Settings | None = None, now: datetime | None = None, dry_run: bool = False
) -> PurgeReport:
    """Delete everything of everyone inactive for longer than ``settings.retention_days``."""
    settings = settings or get_settings()
    cutoff = cutoff_for(settings, now)
    since = cutoff.timestamp()
    tracker = tracker_database(settings.tracker_url)

    with session_scope(settings.database_url) as session:
        stale = dict(
            session.execute(
                select(User.sender_id, User.id).where(User.last_seen_at < cutoff)
            ).all()
        )
        recent = set(
            session.execute(select(User.sender_id).where(User.last_seen_at >= cutoff)).scalars()
        )

    talking: set[str] = set()
    silent: set[str] = set()
    if tracker.exists():
        with connected(tracker) as engine, engine.connect() as connection:
            talking = active_since(connection, stale, since)
            silent = silent_since(connection, since) - recent

    leaving_app = {sender: uid for sender, uid in stale.items() if sender not in talking}
    leaving_tracker = sorted(set(leaving_app) | silent)

    counts: Counter[str] = Counter()
    ids = list(leaving_app.values())
    for start in range(0, len(ids), BATCH):
        with session_scope(settings.database_url) as session:
            # whoever came back since the list was read stays
            batch = list(
                session.execute(
                    select(User.id).where(
                        User.id.in_(ids[start : start + BATCH]), User.last_seen_at < cutoff
                    )
                ).scalars()
            )
            counts.update(count_owned(session, batch))
            if not dry_run:
                delete_users(session, batch)

    conversations = events = 0
    if tracker.exists() and leaving_tracker:
        with connected(tracker) as engine:
            for start in range(0, len(leaving_tracker), BATCH):
                batch = leaving_tracker[start : start + BATCH]
                with engine.begin() as connection:
                    senders, rows = count_conversations(connection, batch)
                    if not dry_run:
                        forget_conversations(connection, batch)
                conversations += senders
                events += rows
    if not dry_run and (ids or leaving_tracker):
        for url in (settings.database_url, settings.tracker_url):
            flush_write_ahead_log(url)
    return PurgeReport(
        cutoff=cutoff,
        people=len(set(leaving_app) | set(leaving_tracker)),
        app_rows=dict(counts),
        conversations=conversations,
        tracker_events=events,
        dry_run=dry_run,
    )

