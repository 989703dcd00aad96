"""``python -m bot keys|purge|backup|restore``: looking after the stored data.

Every line printed is a count, a column name, a key id or a path: never a
sender id and never anything a person wrote.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.settings import SettingsError, get_settings

USAGE = """usage:
  python -m bot keys new                       print a fresh key for SECUREBASE_DATA_KEY
  python -m bot keys check                     decrypt a sample of both databases
  python -m bot keys rotate [--new-local-key]  re-encrypt every row under the first key
  python -m bot purge [--dry-run]              delete everyone inactive > RETENTION_DAYS
  python -m bot backup DIR                     copy both SQLite databases into DIR
  python -m bot restore DIR [--force]          copy a backup back
"""


def _say(line: str) -> None:
    print(line, flush=True)


def keys_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot keys")
    parser.add_argument("action", choices=("new", "check", "rotate"))
    parser.add_argument("--batch", type=int, default=500, help="rows per transaction")
    parser.add_argument(
        "--new-local-key",
        action="store_true",
        help="local mode: put a fresh key first in the key file, then rotate to it",
    )
    args = parser.parse_args(argv)
    from bot.storage.crypto import new_key

    if args.action == "new":
        _say(new_key())
        return 0
    from bot.storage import keys_admin

    if args.action == "check":
        return keys_admin.check(get_settings(), say=_say)
    return keys_admin.rotate(
        get_settings(), batch_size=args.batch, new_local_key=args.new_local_key, say=_say
    )


def purge_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot purge")
    parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    args = parser.parse_args(argv)
    from bot.services.retention import purge

    for line in purge(dry_run=args.dry_run).lines():
        _say(line)
    return 0


def backup_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot backup")
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    from bot.storage.backup import backup

    manifest = backup(get_settings(), args.folder)
    for name, entry in manifest["databases"].items():
        _say(
            f"{name}: {entry['file']} ({entry['bytes']} bytes, {entry['rows']} rows of people's"
            f" data, key ids {', '.join(entry['key_ids']) or 'none'})"
        )
    _say(f"backup written to {args.folder}; the key is not in it: keep the key safe elsewhere")
    return 0


def restore_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot restore")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--force", action="store_true", help="replace data / ignore use")
    args = parser.parse_args(argv)
    from bot.storage.backup import restore

    for copied in restore(get_settings(), args.folder, force=args.force):
        _say(f"{copied.database}: restored to {copied.file} ({copied.rows} rows)")
    return 0


COMMANDS = {"keys": keys_main, "purge": purge_main, "backup": backup_main, "restore": restore_main}


def main(command: str, argv: list[str]) -> int:
    """Run one data command; a refusal prints one line on stderr and exits 1."""
    from bot.storage.backup import BackupError
    from bot.storage.crypto import DataKeyError, KeyConfigError

    try:
        return COMMANDS[command](argv)
    except (SettingsError, KeyConfigError, DataKeyError, BackupError) as error:
        print(f"securebase {command}: {error}", file=sys.stderr)
        return 1
