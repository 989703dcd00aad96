"""Hashing and generating secrets: argon2id for passwords and recovery codes.

argon2-cffi's ``PasswordHasher`` uses argon2id with its RFC 9106 low-memory
profile by default; ``check_needs_rehash`` lets a later change of parameters
upgrade stored hashes at the next sign-in.
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from bot.ids import INVITE_CODE_ALPHABET

HASHER = PasswordHasher()
MIN_PASSWORD_LENGTH = 12
RECOVERY_CODES = 10
# Compared against when an email is unknown, so a wrong email costs as long as a wrong password.
_DUMMY_HASH = HASHER.hash(secrets.token_urlsafe(16))


def hash_secret(secret: str) -> str:
    return HASHER.hash(secret)


def verify_secret(stored_hash: str | None, secret: str) -> bool:
    """True when ``secret`` matches; any malformed or missing hash is simply False."""
    try:
        return HASHER.verify(stored_hash or _DUMMY_HASH, secret) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return HASHER.check_needs_rehash(stored_hash)


def readable_code(length: int) -> str:
    """Random characters that survive being read aloud or typed (no 0/O, 1/I/L)."""
    return "".join(secrets.choice(INVITE_CODE_ALPHABET) for _ in range(length))


def new_password() -> str:
    """A one-time password for the operator to hand over: 4 groups of 4, about 79 bits."""
    return "-".join(readable_code(4) for _ in range(4))


def new_recovery_codes() -> list[str]:
    return [f"{readable_code(4)}-{readable_code(4)}" for _ in range(RECOVERY_CODES)]


def normalise_recovery_code(text: str) -> str:
    """A typed recovery code, upper-cased, without spaces or dashes (invites: bot.invite_codes)."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def password_problem(password: str) -> str | None:
    """Why a new password is refused, in words; None when it is fine."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Please choose a password of at least {MIN_PASSWORD_LENGTH} characters."
    if len(password) > 1024:
        return "That password is longer than we can accept; please choose a shorter one."
    return None
