"""Key rotation rewrites every row under the new key, resumably, and loses nothing."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import NamedTuple

import pytest
from sqlalchemy import create_engine, select

from bot.settings import get_settings
from bot.storage import repositories as repo
from bot.storage.at_rest import count_pending, tracker_database
from bot.storage.crypto import DataKeyError, Keyring, active_keyring, new_key, read_key_file
from bot.storage.db import session_scope
from bot.storage.keycheck import check_keys
from bot.storage.keys_admin import pending, rotate
from bot.storage.models import Answer
from bot.storage.rotation import rotate_column
from bot.storage.tracker_table import EVENTS
from tests.support.at_rest import add_events, use_keys, words_found

PEOPLE = 7  # with a batch of 3: batches that end mid-way and a last short one


def _answer_text(n: int) -> str:
    return f"person {n} remembers the lighthouse keeper's violin"


def _event_data(n: int) -> str:
    return json.dumps({"event": "user", "text": f"message {n} about the violin", "timestamp": n})


class Stores(NamedTuple):
    app_db: str
    tracker: Path
    old_key: str


@pytest.fixture
def stores(app_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Stores:
    """Both databases with rows under an old key and rows stored before encryption existed."""
    tracker = tmp_path / "tracker.db"
    monkeypatch.setenv("TRACKER_DB", str(tracker))
    old = new_key()
    use_keys(monkeypatch, old)
    with session_scope(app_db) as session:
        for n in range(PEOPLE):
            user = repo.get_or_create_user(session=session, sender_id=f"s{n}")
            module = repo.create_reflection(
                session=session, user_id=user.id, takeaway="seek_support"
            )
            repo.add_answer(
                session=session, reflection=module, prompt_id="ss_1", kind="prompt",
                text=_answer_text(n), depth=n % 4, scores={"n": n}, evidence=[{"text": "violin"}],
            )  # fmt: skip
    add_events(
        f"sqlite:///{tracker}",
        [{"sender_id": f"s{n}", "type_name": "user", "timestamp": time.time(),
          "data": _event_data(n)} for n in range(PEOPLE)],
    )  # fmt: skip
    # rows from before encryption: plain text, plain JSON
    with sqlite3.connect(app_db.removeprefix("sqlite:///")) as raw:
        raw.execute(
            "UPDATE answers SET text = 'plain lighthouse violin', scores = '{\"legacy\": 1}'"
            " WHERE id = (SELECT MAX(id) FROM answers)"
        )
    with sqlite3.connect(tracker) as raw:
        raw.execute(
            "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, 'user', ?, ?)",
            ("legacy", time.time(), _event_data(99)),
        )
    return Stores(app_db, tracker, old)


def _everything(app_db: str, tracker: Path) -> tuple[list[tuple], list[str]]:
    with session_scope(app_db) as session:
        answers = [
            tuple(row)
            for row in session.execute(
                select(Answer.id, Answer.text, Answer.scores, Answer.evidence).order_by(Answer.id)
            )
        ]
    engine = create_engine(f"sqlite:///{tracker}", future=True)
    with engine.connect() as connection:
        events = list(connection.execute(select(EVENTS.c.data).order_by(EVENTS.c.id)).scalars())
    engine.dispose()
    return answers, events


def test_rotate__rewrites_every_row_under_the_new_key_and_every_row_reads_back(
    stores: Stores, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_db, tracker, old = stores
    before = _everything(app_db, tracker)
    new = new_key()
    use_keys(monkeypatch, new, old)
    said: list[str] = []
    assert rotate(get_settings(), batch_size=3, say=said.append) == 0
    assert sum(pending(get_settings()).values()) == 0

    use_keys(monkeypatch, new)  # the old key is gone: everything must still read
    check_keys(get_settings())
    assert _everything(app_db, tracker) == before
    assert words_found(Path(app_db.removeprefix("sqlite:///")), ["violin", "lighthouse"]) == []
    assert words_found(tracker, ["violin"]) == []
    # progress is counts, column names and key ids: never what people wrote
    assert any("answers.text: 3 of 7 rows under key" in line for line in said)
    assert not any("violin" in line or "lighthouse" in line for line in said)


def test_without_rotation__removing_the_old_key_stops_reads_naming_the_key_needed(
    stores: Stores, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_keys(monkeypatch, stores.old_key)
    old_id = active_keyring().current_id
    use_keys(monkeypatch, new_key())
    with pytest.raises(DataKeyError, match=f"key id {old_id}"):
        check_keys(get_settings())


def test_rotate__stopped_half_way_resumes_with_the_rows_that_remain(
    stores: Stores, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_db, tracker, old = stores
    before = _everything(app_db, tracker)
    use_keys(monkeypatch, new_key(), old)
    current = active_keyring().current_id
    engine = create_engine(app_db, future=True)
    column = Answer.__table__.c.text
    assert count_pending(engine, column, current) == PEOPLE
    assert rotate_column(engine, column, batch_size=3, stop_after=4) == 4  # "interrupted"
    assert count_pending(engine, column, current) == PEOPLE - 4
    assert _everything(app_db, tracker) == before  # half-rotated still reads with both keys
    assert rotate_column(engine, column, batch_size=3) == PEOPLE - 4
    assert count_pending(engine, column, current) == 0
    engine.dispose()


def test_rotate__encrypts_text_stored_before_encryption(
    stores: Stores, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_db, tracker, _ = stores
    assert words_found(Path(app_db.removeprefix("sqlite:///")), ["plain lighthouse"])
    rotate(get_settings(), say=lambda line: None)  # same key: only the plain rows change
    assert words_found(Path(app_db.removeprefix("sqlite:///")), ["plain lighthouse"]) == []
    assert words_found(tracker, ["message 99"]) == []
    answers, events = _everything(app_db, tracker)
    assert answers[-1][1:3] == ("plain lighthouse violin", {"legacy": 1})
    assert json.loads(events[-1])["text"] == "message 99 about the violin"
    tracker_pending = count_pending(
        create_engine(f"sqlite:///{tracker}"), EVENTS.c.data, active_keyring().current_id
    )
    assert tracker_pending == 0 and tracker_database(f"sqlite:///{tracker}").exists()


def test_rotate_with_a_new_local_key__puts_it_first_in_the_key_file(
    stores: Stores, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app_db, tracker, old = stores
    before = _everything(app_db, tracker)
    key_file = tmp_path / "data.key"
    key_file.write_text(old + "\n")
    monkeypatch.setenv("SECUREBASE_DATA_KEY_FILE", str(key_file))
    use_keys(monkeypatch)  # SECUREBASE_DATA_KEY empty: the local key file is used
    said: list[str] = []
    assert rotate(get_settings(), new_local_key=True, say=said.append) == 0
    keys = read_key_file(key_file)
    assert len(keys) == 2 and keys[1] == old
    assert _everything(app_db, tracker) == before
    assert sum(pending(get_settings()).values()) == 0


def test_half_finished_rotation__then_dropping_the_old_key_is_caught_by_the_start_up_sample(
    stores: Stores, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_db, _, old = stores
    new = new_key()
    use_keys(monkeypatch, new, old)
    engine = create_engine(app_db, future=True)
    rotate_column(engine, Answer.__table__.c.text, batch_size=2, stop_after=3)
    engine.dispose()
    with session_scope(app_db) as session:  # meanwhile the servers write under the new key
        user = repo.get_or_create_user(session=session, sender_id="during-rotation")
        module = repo.create_reflection(session=session, user_id=user.id, takeaway="seek_support")
        repo.add_answer(
            session=session, reflection=module, prompt_id="ss_1", kind="prompt", text="new"
        )
    use_keys(monkeypatch, new)  # too early: rows under the old key remain
    with pytest.raises(DataKeyError, match="answers.text"):
        check_keys(get_settings(), ["app"])


def test_every_key_check__finds_a_key_in_use_anywhere_in_a_column(
    stores: Stores, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_db, _, old = stores
    stray = new_key()
    use_keys(monkeypatch, stray, old)
    with session_scope(app_db) as session:  # one value in the middle under another key
        answer = session.execute(select(Answer).where(Answer.id == 3)).scalar_one()
        answer.text = "rewritten"
    use_keys(monkeypatch, old)
    check_keys(get_settings(), ["app"])  # newest and oldest still read: the sample misses it
    stray_id = Keyring.from_text([stray]).current_id
    with pytest.raises(DataKeyError, match=f"key id {stray_id}"):
        check_keys(get_settings(), ["app"], every_key=True)
