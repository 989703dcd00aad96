"""SecureBaseTrackerStore builds the tracker Rasa's SQL store builds, reading only new rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
    deserialise_events,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

import bot.storage.tracker_store as store_module
from bot.ids import FORGET_SLOT
from bot.storage.event_cache import CachedConversation, EventCache, EventRow, deserialise_rows
from bot.storage.tracker_store import SecureBaseTrackerStore
from tests.support.aio import run_sync
from tests.support.dialogues import conversation, make_domain


@pytest.fixture
def domain() -> Domain:
    return make_domain()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "tracker.db")


def _store(db: str, domain: Domain, **kwargs: int) -> SecureBaseTrackerStore:
    return SecureBaseTrackerStore(domain=domain, dialect="sqlite", db=db, **kwargs)


class _RasasStoreOnOurTable(SQLTrackerStore):
    """Rasa's own reading and writing, on our table whose ``data`` column is encrypted."""

    Base = SecureBaseTrackerStore.Base
    SQLEvent = SecureBaseTrackerStore.SQLEvent


def _rasa_store(db: str, domain: Domain) -> SQLTrackerStore:
    return _RasasStoreOnOurTable(domain=domain, dialect="sqlite", db=db)


def _state(tracker: DialogueStateTracker | None) -> dict | None:
    return tracker.current_state(EventVerbosity.ALL) if tracker else None


def _save_in_messages(
    store: SQLTrackerStore, domain: Domain, events: list[Event], step: int
) -> None:
    """Save ``events`` a message at a time, reading the tracker back before each message."""
    for start in range(0, len(events), step):
        tracker = run_sync(store.retrieve("person"))
        tracker = tracker or DialogueStateTracker("person", domain.slots)
        for event in events[start : start + step]:
            tracker.update(event)
        run_sync(store.save(tracker))


def _sessions(count: int) -> list[Event]:
    """Several conversation sessions, each starting as ``action_session_start`` starts one."""
    events: list[Event] = []
    for session in range(count):
        events += [ActionExecuted("action_session_start"), SessionStarted()]
        events += [SlotSet("flag", True), ActionExecuted("action_listen")]
        events += conversation(100 + session, 30)[1:]
    return events


def test_retrieve__builds_the_tracker_rasas_sql_store_builds_after_every_message(
    db: str, domain: Domain
) -> None:
    ours, rasas = _store(db, domain), _rasa_store(db, domain)
    events = _sessions(3)
    for end in range(7, len(events) + 7, 7):
        _save_in_messages(ours, domain, events[end - 7 : end], step=7)
        expected = _state(run_sync(rasas.retrieve("person")))
        assert _state(run_sync(ours.retrieve("person"))) == expected


def test_retrieve__deserialises_only_rows_stored_since_the_last_read(
    db: str, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(db, domain)
    events = conversation(7, 200, reverts=False)
    _save_in_messages(store, domain, events[:-10], step=50)
    run_sync(store.retrieve("person"))
    read: list[int] = []

    def counting(rows: list[EventRow]) -> list[Event]:
        read.append(len(rows))
        return deserialise_rows(rows)

    monkeypatch.setattr(store_module, "deserialise_rows", counting)
    tracker = run_sync(store.retrieve("person"))
    assert tracker is not None
    for event in events[-10:]:
        tracker.update(event)
    run_sync(store.save(tracker))
    tracker = run_sync(store.retrieve("person"))
    assert read == [10]
    assert _state(tracker) == _state(run_sync(_rasa_store(db, domain).retrieve("person")))


def test_retrieve__hands_out_the_same_event_objects_for_the_rows_it_already_read(
    db: str, domain: Domain
) -> None:
    store = _store(db, domain)
    events = conversation(8, 40, reverts=False)
    _save_in_messages(store, domain, events, step=40)
    first = run_sync(store.retrieve("person"))
    second = run_sync(store.retrieve("person"))
    assert first is not None and second is not None and first is not second
    assert all(a is b for a, b in zip(first.events, second.events, strict=True))


def test_retrieve__notices_rows_removed_and_rewritten_by_another_process(
    db: str, domain: Domain
) -> None:
    ours, rasas = _store(db, domain), _rasa_store(db, domain)
    _save_in_messages(ours, domain, conversation(9, 20), step=30)
    with rasas.session_scope() as session:  # e.g. another replica forgetting the person
        session.query(rasas.SQLEvent).delete()
        session.commit()
    assert run_sync(ours.retrieve("person")) is None
    _save_in_messages(ours, domain, conversation(10, 5), step=30)  # ids may be reused
    assert _state(run_sync(ours.retrieve("person"))) == _state(run_sync(rasas.retrieve("person")))


def test_save__with_forget_me_deletes_the_conversation_and_what_was_remembered(
    db: str, domain: Domain
) -> None:
    forget = {"type": "bool", "influence_conversation": False, "mappings": [{"type": "custom"}]}
    as_dict = domain.as_dict()
    domain = Domain.from_dict({**as_dict, "slots": {**as_dict["slots"], FORGET_SLOT: forget}})
    store = _store(db, domain)
    _save_in_messages(store, domain, conversation(11, 10), step=20)
    tracker = run_sync(store.retrieve("person"))
    assert tracker is not None
    tracker.update(UserUttered("delete everything", {"name": "delete_data"}))
    tracker.update(ActionExecuted("action_delete_data"))
    tracker.update(SlotSet(FORGET_SLOT, True))
    run_sync(store.save(tracker))
    assert run_sync(store.retrieve("person")) is None
    assert run_sync(_rasa_store(db, domain).retrieve("person")) is None


def test_cached_events_zero__reads_everything_every_time_like_rasa(db: str, domain: Domain) -> None:
    ours, rasas = _store(db, domain, cached_events=0), _rasa_store(db, domain)
    _save_in_messages(ours, domain, _sessions(2), step=25)
    assert _state(run_sync(ours.retrieve("person"))) == _state(run_sync(rasas.retrieve("person")))


def test_deserialise_rows__matches_rasa_for_every_stored_event_type() -> None:
    events = conversation(12, 300)
    rows = [EventRow(i, e.type_name, e.timestamp, _json(e)) for i, e in enumerate(events)]
    expected = deserialise_events([e.as_dict() for e in events])
    assert [e.as_dict() for e in deserialise_rows(rows)] == [e.as_dict() for e in expected]


def test_event_cache__evicts_the_least_recently_used_beyond_its_event_budget() -> None:
    cache = EventCache(max_events=10)
    row = EventRow(1, "slot", 1.0, "{}")

    def conversation_of(size: int) -> CachedConversation:
        return CachedConversation((SlotSet("flag", True),) * size, row, None)

    cache.put("a", conversation_of(4))
    cache.put("b", conversation_of(4))
    cache.get("a")
    cache.put("c", conversation_of(4))
    assert cache.get("b") is None and cache.get("a") is not None
    assert cache.events_held == 8
    cache.put("huge", conversation_of(11))
    assert cache.get("huge") is None


def _json(event: Event) -> str:
    return json.dumps(event.as_dict())


def _rows(db: str) -> list[tuple]:
    """The stored rows, ``data`` decrypted (each write has its own nonce)."""
    import sqlite3

    from bot.storage.crypto import active_keyring

    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT sender_id, type_name, timestamp, intent_name, action_name, data"
            " FROM events ORDER BY id"
        ).fetchall()
    keyring = active_keyring()
    return [(*row[:5], keyring.decrypt(row[5], purpose="events.data")) for row in rows]


def test_save__writes_exactly_the_rows_rasas_sql_store_writes(
    tmp_path: Path, domain: Domain
) -> None:
    events = _sessions(2)
    ours, rasas = str(tmp_path / "ours.db"), str(tmp_path / "rasas.db")
    _save_in_messages(_store(ours, domain), domain, events, step=5)
    _save_in_messages(_rasa_store(rasas, domain), domain, events, step=5)
    assert len(_rows(ours)) == len(events)
    assert _rows(ours) == _rows(rasas)


def test_database_work__runs_on_the_stores_thread_not_the_event_loop(
    db: str, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    store = _store(db, domain)
    threads: list[str] = []
    scope = store.session_scope

    def recording_scope():  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return scope()

    monkeypatch.setattr(store, "session_scope", recording_scope)
    _save_in_messages(store, domain, conversation(1, 6), step=3)
    forget = DialogueStateTracker("person", domain.slots)
    forget.update(SlotSet(FORGET_SLOT, True))
    run_sync(store.save(forget))
    assert threads and all(name.startswith("tracker-store") for name in threads)
    assert run_sync(store.retrieve("person")) is None
