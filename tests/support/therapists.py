"""A therapist, an invite and a linked client, made through the repositories."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.invite_codes import new_code
from bot.storage import repositories as repo
from bot.storage.models import Invite, Therapist

# The portal hashes passwords with argon2id; the chat side never reads the hash.
DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$not-a-real-hash"


def make_therapist(session: Session, name: str = "Dr Ada Byrne") -> Therapist:
    email = f"{name.lower().replace(' ', '.')}@example.org"
    therapist = repo.create_therapist(
        session=session, email=email, name=name, password_hash=DUMMY_HASH
    )
    session.commit()
    return therapist


def make_invite(
    session: Session,
    therapist: Therapist,
    *,
    label: str = "J.D.",
    days: int = 14,
    now: datetime | None = None,
) -> Invite:
    invite = repo.create_invite(
        session=session,
        therapist_id=therapist.id,
        code=new_code(),
        label=label,
        days=days,
        now=now,
    )
    session.commit()
    return invite
