"""Backups of the SQLite default that restore: both databases, copied while serving.

``backup`` copies the app database and Rasa's tracker store with SQLite's
online backup API (each copy is one consistent snapshot, even while the
servers write), into a new folder with a ``manifest.json`` of sizes, checksums,
the schema revision and the key ids the encrypted text needs. The copies are
the stored pages as they are: encrypted text stays encrypted, and the key is
never part of a backup (keep it, and any old keys, somewhere else).

``restore`` checks the checksums and that the configured keys decrypt the
backup before it writes anything, refuses to overwrite a database that holds
data or is in use unless told ``force``, and copies each file back through the
same backup API. PostgreSQL deployments use ``pg_dump``/``pg_restore`` (README).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from bot.settings import Settings
from bot.storage.at_rest import (
    APP,
    TRACKER,
    Database,
    app_database,
    check_readable,
    connected,
    key_ids_in_use,
    present_columns,
    tracker_database,
)
from bot.storage.crypto import active_keyring
from bot.supervision.status import read_status

MANIFEST = "manifest.json"
FILES = {APP: "securebase.db", TRACKER: "tracker.db"}
# Tables that say whether a database holds anyone's data.
PEOPLE_TABLES = {APP: "users", TRACKER: "events"}


class BackupError(RuntimeError):
    """A backup or restore that must not go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class Copied:
    database: str
    file: str
    bytes: int
    rows: int  # users (app) or events (tracker)


def sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        raise BackupError(
            f"{parsed.get_backend_name()} databases are backed up with pg_dump/pg_restore"
            " (see README, 'Data at rest'); `python -m bot backup` copies SQLite files"
        )
    return Path(parsed.database)


def _databases(settings: Settings) -> dict[str, Database]:
    return {
        APP: app_database(settings.database_url),
        TRACKER: tracker_database(settings.tracker_url),
    }


def _copy(source: Path, target: Path, *, single_file: bool = False) -> None:
    """SQLite's online backup: a consistent snapshot even while another process writes.

    ``single_file`` leaves the copy in rollback-journal mode, so a backup is one
    self-contained file per database, with no ``-wal``/``-shm`` beside it.
    """
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        if single_file:
            dst.execute("PRAGMA journal_mode=DELETE")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        exists = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        rows = connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone() if exists else (0,)
    return int(rows[0])


def _key_ids(database: Database) -> list[str]:
    """Ids of the keys the encrypted text in ``database`` was written with."""
    found: set[str] = set()
    with connected(database) as engine:
        for column in present_columns(engine, database):
            found |= key_ids_in_use(engine, column)
    return sorted(found)


def _revision(path: Path) -> str | None:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            row = None
    return str(row[0]) if row else None


def backup(settings: Settings, folder: Path) -> dict[str, Any]:
    """Copy both databases into ``folder`` (new or empty); returns the manifest."""
    sources = {name: sqlite_path(db.url) for name, db in _databases(settings).items()}
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty; back up into a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    copied: dict[str, Any] = {}
    for name, source in sources.items():
        if not source.is_file():
            continue
        target = folder / FILES[name]
        target.touch(mode=0o600)
        _copy(source, target, single_file=True)
        copied[name] = {
            "file": FILES[name],
            "rows": _count(target, PEOPLE_TABLES[name]),
            "key_ids": _key_ids(_file_database(name, target)),
            "bytes": target.stat().st_size,
            "sha256": _sha256(target),  # last: nothing opens the copy after this
        }
    if APP not in copied:
        raise BackupError(f"there is no app database at {sources[APP]} to back up")
    manifest = {
        "format": 1,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "schema_revision": _revision(folder / FILES[APP]),
        "databases": copied,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _file_database(name: str, path: Path) -> Database:
    url = f"sqlite:///{path}"
    return app_database(url) if name == APP else tracker_database(url)


def read_manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} has no readable {MANIFEST}: {type(error).__name__}") from None
    for name, entry in manifest.get("databases", {}).items():
        path = folder / str(entry.get("file"))
        if name not in FILES or not path.is_file() or _sha256(path) != entry.get("sha256"):
            raise BackupError(f"{path.name} in {folder} is missing or changed since the backup")
    return manifest


def _in_use(settings: Settings, path: Path) -> str | None:
    """Why ``path`` looks in use (a launcher running, or an open SQLite connection), or None."""
    status = read_status(settings.status_path)
    if status is not None and status["supervisor"] == "running":
        return "`make run` is running (stop it first)"
    if not path.is_file():
        return None
    probe = sqlite3.connect(path, timeout=0)
    try:
        probe.execute("PRAGMA locking_mode=EXCLUSIVE")
        probe.execute("BEGIN EXCLUSIVE")
        probe.execute("ROLLBACK")
    except sqlite3.OperationalError:
        return f"{path.name} is open in another process"
    finally:
        probe.close()
    return None


def restore(settings: Settings, folder: Path, *, force: bool = False) -> list[Copied]:
    """Copy a backup over the configured databases, after checking it can be read."""
    manifest = read_manifest(folder)
    entries: dict[str, Any] = manifest.get("databases", {})
    if APP not in entries:
        raise BackupError(f"{folder} holds no app database")
    keyring = active_keyring()
    for name, entry in entries.items():
        missing = [kid for kid in entry.get("key_ids", []) if kid not in keyring.ids]
        if missing:
            raise BackupError(
                f"this backup's {name} database needs key id(s) {', '.join(missing)}, which"
                f" are not configured (configured: {', '.join(keyring.ids)}); set"
                " SECUREBASE_DATA_KEY to include the key it was written with"
            )
        with connected(_file_database(name, folder / entry["file"])) as engine:
            check_readable(engine, _file_database(name, folder / entry["file"]))
    targets = {name: sqlite_path(db.url) for name, db in _databases(settings).items()}
    if not force:
        for name, target in targets.items():
            busy = _in_use(settings, target)
            if busy:
                raise BackupError(f"not restoring while {busy}; use --force to restore anyway")
            if target.is_file() and _count(target, PEOPLE_TABLES[name]):
                raise BackupError(
                    f"{target} already holds data; restore into an empty location,"
                    " or use --force to replace it"
                )
    restored = []
    for name, entry in entries.items():
        target = targets[name]
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.touch(mode=0o600)
        _copy(folder / entry["file"], target)
        restored.append(
            Copied(name, str(target), target.stat().st_size, _count(target, PEOPLE_TABLES[name]))
        )
    return restored

