"""What a person's therapist suggested: mention it, list it, and mark it done.

Only assignments from live links count: once the person stops sharing, that
therapist's suggestions are neither shown nor marked done.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from bot.content import load_catalog
from bot.services.unit_of_work import unit_of_work
from bot.storage import repositories as repo
from bot.storage.models import Assignment, TherapistLink, utcnow

MODULE = "module"
QUIZ = "quiz"
SELF_ASSESSMENT = "self_assessment"
KINDS = (MODULE, QUIZ, SELF_ASSESSMENT)


@dataclass(frozen=True)
class Suggestion:
    assignment_id: int
    therapist: str
    kind: str
    takeaway: str | None
    title: str | None  # the module's title, for kind "module"
    note: str | None
    due_on: date | None


def _suggestion(session: Session, assignment: Assignment, link: TherapistLink) -> Suggestion:
    therapist = repo.get_therapist(session=session, therapist_id=link.therapist_id)
    title = None
    catalog = load_catalog()
    if assignment.kind == MODULE and assignment.takeaway in catalog.takeaways:
        title = catalog.takeaway(assignment.takeaway).title
    note = (assignment.note or "").strip() or None
    return Suggestion(
        assignment_id=assignment.id,
        therapist=therapist.name if therapist is not None else "",
        kind=assignment.kind,
        takeaway=assignment.takeaway,
        title=title,
        note=note,
        due_on=assignment.due_on,
    )


def _startable(assignment: Assignment) -> bool:
    """A kind the chat can start (a module needs a module id the catalog knows)."""
    if assignment.kind == MODULE:
        return assignment.takeaway in load_catalog().takeaways
    return assignment.kind in KINDS


def open_suggestions(*, sender_id: str) -> list[Suggestion]:
    """Everything still open from the person's live links, oldest first."""
    with unit_of_work() as session:
        user = repo.get_user(session=session, sender_id=sender_id)
        if user is None:
            return []
        rows = repo.assignments_for_user(session=session, user_id=user.id)
        return [_suggestion(session, a, link) for a, link in rows if _startable(a)]


def to_mention(*, sender_id: str, already: Collection[int] = ()) -> list[Suggestion]:
    """Open suggestions not yet mentioned in this conversation; notes the first mention."""
    with unit_of_work() as session:
        user = repo.get_user(session=session, sender_id=sender_id)
        if user is None:
            return []
        found = []
        for assignment, link in repo.assignments_for_user(session=session, user_id=user.id):
            if assignment.id in already or not _startable(assignment):
                continue
            if assignment.mentioned_at is None:
                assignment.mentioned_at = utcnow()
            found.append(_suggestion(session, assignment, link))
        return found


def complete(session: Session, *, user_id: int, kind: str, takeaway: str | None = None) -> int:
    """Mark open suggestions of this kind (and module) done, in the caller's transaction."""
    return repo.complete_assignments(session=session, user_id=user_id, kind=kind, takeaway=takeaway)
