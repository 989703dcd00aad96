"""Authenticated encryption for what a person wrote, and where its keys come from.

Every encrypted value is text of the form ``enc1:<key id>:<base64url(nonce + ciphertext)>``:
AES-256-GCM with a fresh 96-bit nonce, and the column it belongs to as associated data,
so a value copied into another column does not decrypt. The key id (8 hex digits of a
hash of the key, not the key) says which key wrote a value, so rotation can find the
rows still under an old key with a plain ``LIKE`` and a wrong key is named, not guessed.

Keys come from ``SECUREBASE_DATA_KEY`` (comma-separated: the first encrypts, every one
decrypts, which is what lets a rotation run while the service keeps serving). In local
mode without that variable a key is generated once into ``var/data.key`` (mode 0600,
ignored by git). A value that cannot be decrypted raises :class:`DataKeyError`: the
caller gets an exception, never garbage, and the message names key ids, never content.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "enc1:"
KEY_BYTES = 32
NONCE_BYTES = 12
KEY_ID_LENGTH = 8


class KeyConfigError(ValueError):
    """A configured key is not a key (the message never contains the key)."""


class DataKeyError(RuntimeError):
    """Stored text cannot be decrypted with the configured keys."""

    def __init__(self, message: str, *, key_id: str | None = None) -> None:
        super().__init__(message)
        self.key_id = key_id


def new_key() -> str:
    """A fresh random key as SECUREBASE_DATA_KEY expects it (base64url, 32 bytes)."""
    return base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).decode("ascii").rstrip("=")


def parse_key(text: str) -> bytes:
    """The 32 key bytes of a base64url key; KeyConfigError otherwise."""
    raw = text.strip()
    try:
        key = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
    except (binascii.Error, ValueError):
        raise KeyConfigError(
            "is not base64url text (make one with `python -m bot keys new`)"
        ) from None
    if len(key) != KEY_BYTES:
        raise KeyConfigError(
            f"must decode to {KEY_BYTES} bytes, got {len(key)}"
            " (make one with `python -m bot keys new`)"
        )
    return key


def key_id(key: bytes) -> str:
    """A short public name for a key: safe to print, useless for decrypting."""
    return hashlib.sha256(b"securebase data key id\0" + key).hexdigest()[:KEY_ID_LENGTH]


def key_id_of(value: str) -> str | None:
    """The id of the key that wrote ``value``, or None for text stored before encryption."""
    if not value.startswith(PREFIX):
        return None
    return value[len(PREFIX) : len(PREFIX) + KEY_ID_LENGTH]


def prefix_for(key_id: str) -> str:
    """How every value written with ``key_id`` starts (for SQL ``LIKE``)."""
    return f"{PREFIX}{key_id}:"


@dataclass(frozen=True)
class Keyring:
    """The configured keys: the first encrypts, every one decrypts."""

    keys: tuple[bytes, ...]
    _ciphers: dict[str, AESGCM] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.keys:
            raise KeyConfigError("no data key configured")
        object.__setattr__(self, "_ciphers", {key_id(k): AESGCM(k) for k in self.keys})

    @classmethod
    def from_text(cls, keys: tuple[str, ...] | list[str]) -> Keyring:
        return cls(tuple(parse_key(k) for k in keys))

    @property
    def current_id(self) -> str:
        return key_id(self.keys[0])

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(key_id(k) for k in self.keys)

    def encrypt(self, plain: str, *, purpose: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._ciphers[self.current_id].encrypt(
            nonce, plain.encode("utf-8"), _aad(purpose)
        )
        body = base64.urlsafe_b64encode(nonce + sealed).decode("ascii").rstrip("=")
        return f"{prefix_for(self.current_id)}{body}"

    def decrypt(self, value: str, *, purpose: str) -> str:
        """The plain text of ``value``; text stored before encryption comes back unchanged."""
        kid = key_id_of(value)
        if kid is None:
            return value
        cipher = self._ciphers.get(kid)
        if cipher is None:
            raise DataKeyError(
                f"{purpose} was encrypted with key id {kid}, which is not configured"
                f" (configured: {', '.join(self.ids)})",
                key_id=kid,
            )
        body = value[len(prefix_for(kid)) :]
        try:
            blob = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
            plain = cipher.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], _aad(purpose))
        except (InvalidTag, binascii.Error, ValueError):
            raise DataKeyError(
                f"{purpose} does not authenticate under key id {kid}: the value was altered,"
                " moved from another column, or the key with this id is not the right one",
                key_id=kid,
            ) from None
        return plain.decode("utf-8")


def _aad(purpose: str) -> bytes:
    return f"securebase:{purpose}".encode()


def read_key_file(path: Path) -> tuple[str, ...]:
    """Keys from a key file, one a line, the first being current; '#' starts a comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def write_key_file(path: Path, keys: tuple[str, ...]) -> None:
    """Replace the key file in one step, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(_KEY_FILE_HEADER + "".join(f"{k}\n" for k in keys))
    os.replace(temporary, path)


_KEY_FILE_HEADER = (
    "# SecureBase's local data key (local mode only). Never commit or share this file;\n"
    "# without it the stored answers and conversations cannot be read. First line = current.\n"
)


# Key files this process created (a fresh install, or a key file that went missing).
GENERATED_KEY_FILES: set[Path] = set()


def ensure_local_key_file(path: Path) -> tuple[str, ...]:
    """The local key file's keys, creating the file with a new key on first use.

    Several processes may start at once: the file is written under a temporary
    name and linked into place, so exactly one key wins and everyone reads it.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(_KEY_FILE_HEADER + new_key() + "\n")
        try:
            os.link(temporary, path)
            GENERATED_KEY_FILES.add(path)
        except FileExistsError:
            pass  # another process created it first: use theirs
        finally:
            os.unlink(temporary)
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)
    keys = read_key_file(path)
    if not keys:
        raise KeyConfigError(f"the key file {path} holds no key")
    for position, key in enumerate(keys, start=1):
        try:
            parse_key(key)
        except KeyConfigError as error:
            raise KeyConfigError(f"the key file {path}, key {position}, {error}") from None
    return keys


def configured_keys(*, data_keys: tuple[str, ...], key_file: Path, mode: str) -> tuple[str, ...]:
    """SECUREBASE_DATA_KEY when set; in local mode the generated key file otherwise."""
    if data_keys:
        return data_keys
    if mode == "production":
        raise KeyConfigError("SECUREBASE_DATA_KEY must be set in production")
    return ensure_local_key_file(key_file)


@lru_cache(maxsize=4)
def _keyring(data_keys: tuple[str, ...], key_file: str, mode: str) -> Keyring:
    keys = configured_keys(data_keys=data_keys, key_file=Path(key_file), mode=mode)
    return Keyring.from_text(keys)


# The settings object the last keyring was built for, and that keyring.
_last: tuple[object, Keyring] | None = None


def active_keyring() -> Keyring:
    """The keyring of this process's settings, read once per configuration.

    Called for every value read or written, so the usual path is one identity
    check (``get_settings`` hands out the same object until its cache is
    cleared); :func:`forget_cached_keys` makes the next call read the keys again.
    """
    global _last
    from bot.settings import get_settings

    settings = get_settings()
    last = _last
    if last is not None and last[0] is settings:
        return last[1]
    ring = _keyring(settings.data_keys, str(settings.data_key_path), settings.mode)
    _last = (settings, ring)
    return ring


def forget_cached_keys() -> None:
    """Read the keys again on next use (after the key file changed)."""
    global _last
    _last = None
    _keyring.cache_clear()
