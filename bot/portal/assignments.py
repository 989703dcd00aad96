"""A therapist suggests a module, the quiz or the self-assessment to a linked client.

The chat side mentions open assignments to the client and marks them done; the
portal only creates them, and only on a live link of the signed-in therapist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from bot.ids import TAKEAWAY_IDS
from bot.portal.access import live_link
from bot.storage import portal_repo as repo
from bot.storage.models import Assignment

KINDS = ("module", "quiz", "self_assessment")
NOTE_LIMIT = 1000


@dataclass(frozen=True)
class AssignmentForm:
    kind: str
    takeaway: str | None
    note: str
    due_on: date | None


def parse_form(*, what: str, note: str, due: str, today: date) -> AssignmentForm | str:
    """The form's fields checked; a calm sentence when something needs fixing."""
    if what in TAKEAWAY_IDS:
        kind, takeaway = "module", what
    elif what in ("quiz", "self_assessment"):
        kind, takeaway = what, None
    else:
        return "Please choose a module, the quiz or the self-assessment."
    note = note.strip()
    if len(note) > NOTE_LIMIT:
        return f"Please keep the note under {NOTE_LIMIT} characters; it is shown in the chat."
    due_on = None
    if due.strip():
        try:
            due_on = date.fromisoformat(due.strip())
        except ValueError:
            return "Please give the due date as a date (for example 2026-12-24), or leave it out."
        if due_on < today:
            return "The due date is in the past; please choose today or a later day."
    return AssignmentForm(kind, takeaway, note, due_on)


class LinkWithdrawn(PermissionError):
    """The client withdrew consent: nothing new can be assigned."""


def assign(
    session: Session, *, therapist_id: int, link_id: int, form: AssignmentForm
) -> Assignment:
    link = live_link(session, therapist_id=therapist_id, link_id=link_id)
    if link.revoked_at is not None:
        raise LinkWithdrawn(link_id)
    return repo.add_assignment(
        session=session,
        link_id=link.id,
        kind=form.kind,
        takeaway=form.takeaway,
        note=form.note or None,
        due_on=form.due_on,
    )
