"""Backups of both SQLite databases restore into a fresh place, readable with the same key."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from bot.settings import PROJECT_ROOT, Settings, get_settings
from bot.storage import repositories as repo
from bot.storage.backup import BackupError, backup, restore
from bot.storage.crypto import active_keyring, new_key
from bot.storage.db import session_scope
from bot.storage.models import Answer, ReflectionSession, User
from bot.storage.tracker_table import EVENTS
from tests.support.at_rest import add_events, use_keys, words_found

ANSWERS = {f"p{n}": f"answer {n}: the attic smelled of cedar and rain" for n in range(12)}


def _settings(folder: Path) -> Settings:
    return Settings(
        database_url=f"sqlite:///{folder / 'app.db'}",
        tracker_db=str(folder / "tracker.db"),
        status_file=str(folder / "processes.json"),
    )


@pytest.fixture
def live(app_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Databases with an answer and a conversation for each of twelve people."""
    use_keys(monkeypatch, new_key())
    with session_scope(app_db) as session:
        for sender, text in ANSWERS.items():
            user = repo.get_or_create_user(session=session, sender_id=sender)
            module = repo.create_reflection(
                session=session, user_id=user.id, takeaway="seek_support"
            )
            repo.add_answer(session=session, reflection=module, prompt_id="ss_1", kind="prompt",
                            text=text)  # fmt: skip
    tracker = tmp_path / "tracker.db"
    add_events(
        f"sqlite:///{tracker}",
        [{"sender_id": s, "type_name": "user", "timestamp": time.time(),
          "data": json.dumps({"event": "user", "text": t})} for s, t in ANSWERS.items()],
    )  # fmt: skip
    return Settings(database_url=app_db, tracker_db=str(tracker),
                    status_file=str(tmp_path / "processes.json"))  # fmt: skip


def _answers(settings: Settings) -> dict[str, str]:
    with session_scope(settings.database_url) as session:
        rows = session.execute(
            select(User.sender_id, Answer.text)
            .join(ReflectionSession, ReflectionSession.user_id == User.id)
            .join(Answer, Answer.session_id == ReflectionSession.id)
        ).all()
    return dict(rows)


def _event_texts(settings: Settings) -> dict[str, str]:
    engine = create_engine(settings.tracker_url, future=True)
    with engine.connect() as connection:
        rows = connection.execute(select(EVENTS.c.sender_id, EVENTS.c.data)).all()
    engine.dispose()
    return {sender: json.loads(data)["text"] for sender, data in rows}


def test_backup_then_restore_into_a_fresh_folder__finds_every_answer(
    live: Settings, tmp_path: Path
) -> None:
    manifest = backup(live, tmp_path / "backup")
    assert manifest["databases"]["app"]["rows"] == 12
    assert manifest["databases"]["tracker"]["rows"] == 12
    assert manifest["databases"]["app"]["key_ids"] == [active_keyring().current_id]
    assert sorted(p.name for p in (tmp_path / "backup").iterdir()) == [
        "manifest.json", "securebase.db", "tracker.db",
    ]  # fmt: skip

    fresh = _settings(tmp_path / "fresh")
    restored = restore(fresh, tmp_path / "backup")
    assert {(c.database, c.rows) for c in restored} == {("app", 12), ("tracker", 12)}
    assert _answers(fresh) == ANSWERS
    assert _event_texts(fresh) == ANSWERS


def test_backup__keeps_the_text_encrypted_in_the_copies(live: Settings, tmp_path: Path) -> None:
    backup(live, tmp_path / "backup")
    for name in ("securebase.db", "tracker.db"):
        assert words_found(tmp_path / "backup" / name, ["cedar", "attic"]) == [], name
    assert "cedar" not in (tmp_path / "backup" / "manifest.json").read_text()


def test_restore__with_another_key_refuses_before_writing_anything(
    live: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup(live, tmp_path / "backup")
    needed = active_keyring().current_id
    use_keys(monkeypatch, new_key())
    fresh = _settings(tmp_path / "fresh")
    with pytest.raises(BackupError, match=f"needs key id\\(s\\) {needed}"):
        restore(fresh, tmp_path / "backup")
    assert not (tmp_path / "fresh" / "app.db").exists()


def test_restore__over_data_needs_force_and_then_replaces_it(
    live: Settings, tmp_path: Path
) -> None:
    backup(live, tmp_path / "backup")
    with session_scope(live.database_url) as session:
        repo.get_or_create_user(session=session, sender_id="arrived-after-the-backup")
    with pytest.raises(BackupError, match="already holds data"):
        restore(live, tmp_path / "backup")
    restore(live, tmp_path / "backup", force=True)
    with session_scope(live.database_url) as session:
        senders = set(session.execute(select(User.sender_id)).scalars())
    assert senders == set(ANSWERS)


def test_restore__refuses_a_database_in_use(live: Settings, tmp_path: Path) -> None:
    backup(live, tmp_path / "backup")
    fresh = _settings(tmp_path / "fresh")
    (tmp_path / "fresh").mkdir()
    holder = sqlite3.connect(tmp_path / "fresh" / "app.db")  # a server's open connection
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("CREATE TABLE placeholder (x)")
    holder.commit()
    try:
        with pytest.raises(BackupError, match="open in another process"):
            restore(fresh, tmp_path / "backup")
    finally:
        holder.close()


def test_restore__refuses_a_changed_backup_and_backup_refuses_a_used_folder(
    live: Settings, tmp_path: Path
) -> None:
    backup(live, tmp_path / "backup")
    with pytest.raises(BackupError, match="not empty"):
        backup(live, tmp_path / "backup")
    with (tmp_path / "backup" / "securebase.db").open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(BackupError, match="missing or changed"):
        restore(_settings(tmp_path / "fresh"), tmp_path / "backup")


def test_backup_and_restore_commands__round_trip_and_say_only_counts(
    live: Settings, tmp_path: Path
) -> None:
    def bot(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "DATABASE_URL": settings.database_url,
               "TRACKER_DB": settings.tracker_db, "SECUREBASE_STATUS_FILE": settings.status_file}
        return subprocess.run([sys.executable, "-m", "bot", *args], cwd=PROJECT_ROOT, env=env,
                              capture_output=True, text=True, timeout=120)  # fmt: skip

    made = bot(live, "backup", str(tmp_path / "backup"))
    assert made.returncode == 0, made.stderr
    fresh = _settings(tmp_path / "fresh")
    back = bot(fresh, "restore", str(tmp_path / "backup"))
    assert back.returncode == 0, back.stderr
    assert "app: restored" in back.stdout and "(12 rows)" in back.stdout
    again = bot(fresh, "restore", str(tmp_path / "backup"))
    assert again.returncode == 1 and "--force" in again.stderr
    for output in (made.stdout, back.stdout, again.stderr):
        assert "cedar" not in output and "p1" not in output
    get_settings.cache_clear()
    assert _answers(fresh) == ANSWERS
