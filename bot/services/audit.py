"""Who has seen the person's data: the portal's audit rows, for the person to read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.services.unit_of_work import unit_of_work
from bot.storage import repositories as repo


@dataclass(frozen=True)
class Seen:
    therapist: str
    action: str  # view|export
    what: str  # the page or export, in the portal's words ("client page"), never content
    at: datetime


def seen_by(*, sender_id: str) -> list[Seen]:
    """Every time a therapist viewed or exported this person's data, newest first."""
    with unit_of_work() as session:
        user = repo.get_user(session=session, sender_id=sender_id)
        if user is None:
            return []
        return [
            Seen(
                therapist=therapist.name,
                action=event.action,
                what=event.what.replace("_", " ").strip(),
                at=event.created_at,
            )
            for event, therapist in repo.audit_events_for_user(session=session, user_id=user.id)
        ]
