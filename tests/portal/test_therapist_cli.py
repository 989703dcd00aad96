"""``python -m bot therapist ...``: an operator manages accounts from the command line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from bot.portal import accounts
from bot.settings import PROJECT_ROOT
from bot.storage.db import session_scope
from bot.storage.models import Therapist


def _bot(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": db_url, "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "bot", "therapist", *args],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_therapist_cli__add_list_disable_and_reset(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"  # not migrated yet: the command does it
    added = _bot(url, "add", "Ada@Clinic.example", "--name", "Ada Lovelace")
    assert added.returncode == 0, added.stderr
    password = re.search(r"One-time password: (\S+)", added.stdout)
    assert password and len(password.group(1)) >= 12
    with session_scope(url) as db:
        row = db.query(Therapist).one()
        assert row.email == "ada@clinic.example" and row.password_hash.startswith("$argon2id$")
        assert password.group(1) not in row.password_hash
        assert accounts.authenticate(session=db, email="ada@clinic.example",
                                     password=password.group(1)) is not None

    again = _bot(url, "add", "ada@clinic.example", "--name", "Someone")
    assert again.returncode == 1 and "already an account" in again.stderr

    listed = _bot(url, "list")
    assert "ada@clinic.example\tAda Lovelace\tactive\t2FA off" in listed.stdout

    assert _bot(url, "disable", "ada@clinic.example").returncode == 0
    assert "\tdisabled\t" in _bot(url, "list").stdout
    with session_scope(url) as db:
        assert accounts.authenticate(session=db, email="ada@clinic.example",
                                     password=password.group(1)) is None
    assert _bot(url, "enable", "ada@clinic.example").returncode == 0

    reset = _bot(url, "reset-password", "ada@clinic.example")
    new = re.search(r"New one-time password for ada@clinic.example: (\S+)", reset.stdout)
    assert reset.returncode == 0 and new and new.group(1) != password.group(1)
    with session_scope(url) as db:
        assert accounts.authenticate(session=db, email="ada@clinic.example",
                                     password=password.group(1)) is None
        assert accounts.authenticate(session=db, email="ada@clinic.example",
                                     password=new.group(1)) is not None

    missing = _bot(url, "disable", "nobody@clinic.example")
    assert missing.returncode == 1 and "no account" in missing.stderr
