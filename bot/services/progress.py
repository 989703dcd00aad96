"""What a person has done so far: finished modules with dates, and what is open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from bot.content import PROMPTS_PER_MODULE, load_catalog
from bot.services.unit_of_work import unit_of_work
from bot.storage import repositories as repo

DATE_FORMAT = "%d %b %Y"  # "03 Nov 2026": the same in every locale, day and month unambiguous


@dataclass(frozen=True)
class ModuleProgress:
    takeaway: str
    title: str
    status: str  # completed | active | paused
    answered: int
    total: int
    started_on: date
    completed_on: date | None


@dataclass(frozen=True)
class Progress:
    completed: tuple[ModuleProgress, ...]
    unfinished: tuple[ModuleProgress, ...]
    not_started: tuple[str, ...]  # titles

    @property
    def is_empty(self) -> bool:
        return not self.completed and not self.unfinished


def progress_for(*, sender_id: str) -> Progress:
    with unit_of_work() as session:
        return _progress(session, sender_id=sender_id)


def _progress(session: Session, *, sender_id: str) -> Progress:
    catalog = load_catalog()
    user = repo.get_user(session=session, sender_id=sender_id)
    rows = [] if user is None else repo.list_reflections(session=session, user_id=user.id)
    items = [
        ModuleProgress(
            takeaway=row.takeaway,
            title=catalog.takeaway(row.takeaway).title,
            status=row.status,
            answered=min(row.step, PROMPTS_PER_MODULE),
            total=PROMPTS_PER_MODULE,
            started_on=row.started_at.date(),
            completed_on=row.completed_at.date() if row.completed_at else None,
        )
        for row in rows
    ]
    touched = {item.takeaway for item in items}
    return Progress(
        completed=tuple(i for i in items if i.status == "completed"),
        unfinished=tuple(i for i in items if i.status != "completed"),
        not_started=tuple(t.title for tid, t in catalog.takeaways.items() if tid not in touched),
    )
