"""Therapist accounts: create, sign in, change password, two-factor, disable.

Each function takes an explicit keyword-only session; the caller owns the
transaction. Wrong email and wrong password look the same from outside.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.portal import passwords, totp
from bot.storage import portal_repo as repo
from bot.storage.models import Therapist, utcnow


class AccountError(ValueError):
    """An operator or therapist request that cannot be done; the message says why."""


@dataclass(frozen=True)
class Created:
    therapist: Therapist
    password: str


def create(*, session: Session, email: str, name: str, password: str | None = None) -> Created:
    """A new account; without ``password`` a one-time one is generated for the operator."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 320:
        raise AccountError(f"{email!r} does not look like an email address")
    if not name.strip():
        raise AccountError("a therapist needs a name (--name)")
    if repo.therapist_by_email(session=session, email=email) is not None:
        raise AccountError(f"there is already an account for {email}")
    secret = password or passwords.new_password()
    problem = passwords.password_problem(secret)
    if problem:
        raise AccountError(problem)
    therapist = repo.add_therapist(
        session=session, email=email, name=name, password_hash=passwords.hash_secret(secret)
    )
    return Created(therapist, secret)


def _existing(session: Session, email: str) -> Therapist:
    therapist = repo.therapist_by_email(session=session, email=email)
    if therapist is None:
        raise AccountError(f"there is no account for {email.strip().lower()}")
    return therapist


def set_disabled(*, session: Session, email: str, disabled: bool) -> Therapist:
    therapist = _existing(session, email)
    therapist.disabled = disabled
    # Signing out everywhere: sessions carry the password time and stop matching it.
    therapist.password_changed_at = utcnow()
    session.flush()
    return therapist


def reset_password(*, session: Session, email: str, clear_two_factor: bool = False) -> str:
    """A new one-time password (the old one and every open session stop working)."""
    therapist = _existing(session, email)
    password = passwords.new_password()
    therapist.password_hash = passwords.hash_secret(password)
    therapist.password_changed_at = utcnow()
    if clear_two_factor:
        disable_two_factor(session=session, therapist=therapist)
    session.flush()
    return password


def authenticate(*, session: Session, email: str, password: str) -> Therapist | None:
    """The account when email and password match and it is enabled; else None."""
    therapist = repo.therapist_by_email(session=session, email=email)
    ok = passwords.verify_secret(therapist.password_hash if therapist else None, password)
    if therapist is None or not ok or therapist.disabled:
        return None
    if passwords.needs_rehash(therapist.password_hash):
        therapist.password_hash = passwords.hash_secret(password)
        session.flush()
    return therapist


def change_password(
    *, session: Session, therapist: Therapist, current: str, new: str, repeated: str
) -> str | None:
    """None on success, else a calm sentence saying what to fix."""
    if not passwords.verify_secret(therapist.password_hash, current):
        return "Your current password did not match. Nothing was changed."
    if new != repeated:
        return "The two new passwords were not the same. Nothing was changed."
    problem = passwords.password_problem(new)
    if problem:
        return problem
    therapist.password_hash = passwords.hash_secret(new)
    therapist.password_changed_at = utcnow()
    session.flush()
    return None


# --- two-factor -----------------------------------------------------------------


def start_two_factor(*, session: Session, therapist: Therapist) -> str:
    """A fresh key, kept but not in force until a code from the app confirms it."""
    if therapist.totp_enabled:
        raise AccountError("two-factor sign-in is already on")
    therapist.totp_secret = totp.new_secret()
    session.flush()
    return str(therapist.totp_secret)


def confirm_two_factor(*, session: Session, therapist: Therapist, code: str) -> list[str] | None:
    """Turn two-factor on when ``code`` fits the pending key; returns new recovery codes."""
    if therapist.totp_enabled or not therapist.totp_secret:
        return None
    totp.forget(therapist.id)
    if not totp.check_code(therapist.id, therapist.totp_secret, code):
        return None
    codes = passwords.new_recovery_codes()
    therapist.recovery_codes = [
        passwords.hash_secret(passwords.normalise_recovery_code(c)) for c in codes
    ]
    therapist.totp_enabled = True
    session.flush()
    return codes


def disable_two_factor(*, session: Session, therapist: Therapist) -> None:
    therapist.totp_enabled = False
    therapist.totp_secret = None
    therapist.recovery_codes = []
    totp.forget(therapist.id)
    session.flush()


def check_second_factor(*, session: Session, therapist: Therapist, typed: str) -> bool:
    """A current authenticator code, or an unused recovery code (which is then used up)."""
    if not therapist.totp_enabled:
        return False
    if totp.check_code(therapist.id, therapist.totp_secret, typed):
        return True
    code = passwords.normalise_recovery_code(typed)
    if len(code) != 8:
        return False
    hashes = list(therapist.recovery_codes or [])
    for stored in hashes:
        if passwords.verify_secret(stored, code):
            hashes.remove(stored)
            therapist.recovery_codes = hashes
            session.flush()
            return True
    return False
