"""Invites: a short code a therapist hands to a client, single use, 14 days by default.

Codes are made, shown and read back by ``bot.invite_codes``, the one home the
chat side uses too (bot.ids' alphabet, no 0/O, 1/I/L; 8 characters from 31 give
about 40 bits, and the chat side throttles wrong codes). Redeeming a code belongs
to the chat side; this module creates and lists them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy.orm import Session

from bot.ids import INVITE_DAYS
from bot.invite_codes import display, new_code, normalize
from bot.storage import portal_repo
from bot.storage import repositories as repo
from bot.storage.models import Invite, utcnow

LABEL_LIMIT = 100
# What the join link makes the widget say; the chat side understands the same words typed.
JOIN_MESSAGE = "I have a code from my therapist: {code}"


@dataclass(frozen=True)
class InviteRow:
    code: str  # as shown: K7PX-3M9Q
    label: str
    created_at: datetime
    expires_at: datetime
    status: str  # pending | used | expired


def _aware(value: datetime) -> datetime:
    """SQLite gives naive datetimes back; they were stored as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def create_invite(
    *, session: Session, therapist_id: int, label: str, days: int = INVITE_DAYS
) -> Invite:
    label = " ".join(label.split())
    if not label:
        raise ValueError("Please give the invite a label, such as the client's initials.")
    if len(label) > LABEL_LIMIT:
        raise ValueError(f"Please keep the label under {LABEL_LIMIT} characters.")
    for _ in range(100):  # a clash among 31**8 codes is astronomically rare; retry anyway
        code = new_code()
        if repo.get_invite_by_code(session=session, code=code) is None:
            break
    return repo.create_invite(
        session=session, therapist_id=therapist_id, code=code, label=label, days=days
    )


def status_of(invite: Invite, now: datetime | None = None) -> str:
    if invite.used_at is not None:
        return "used"
    if _aware(invite.expires_at) <= (now or utcnow()):
        return "expired"
    return "pending"


def list_invites(*, session: Session, therapist_id: int) -> tuple[InviteRow, ...]:
    now = utcnow()
    return tuple(
        InviteRow(
            display(i.code), i.label, _aware(i.created_at), _aware(i.expires_at), status_of(i, now)
        )
        for i in portal_repo.invites_for(session=session, therapist_id=therapist_id)
    )


def join_code(raw: str) -> str | None:
    """The code in a join link, tidied (lower case, spaces, dashes); None if it cannot be one."""
    return normalize(raw)


def join_message(code: str) -> str:
    return JOIN_MESSAGE.format(code=display(code))
