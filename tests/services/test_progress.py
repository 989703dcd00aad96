"""What a person has finished and what is open, on a real migrated SQLite database."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.content import PROMPTS_PER_MODULE, load_catalog
from bot.services.progress import ModuleProgress, progress_for
from bot.storage import repositories as repo
from bot.storage.models import ReflectionSession


def committed(session: Session) -> bool:
    """The service opens its own unit of work: what the test wrote must be committed."""
    session.commit()
    return True


def title(takeaway: str) -> str:
    return load_catalog().takeaway(takeaway).title


def module(
    session: Session,
    sender_id: str,
    takeaway: str,
    *,
    status: str,
    step: int,
    started: datetime,
    completed: datetime | None = None,
) -> ReflectionSession:
    user = repo.get_or_create_user(session=session, sender_id=sender_id)
    row = repo.create_reflection(session=session, user_id=user.id, takeaway=takeaway)
    row.status, row.step, row.started_at, row.completed_at = status, step, started, completed
    session.flush()
    return row


def test_progress_for__a_newcomer_has_nothing_and_every_module_still_to_start(
    db_session: Session,
) -> None:
    progress = committed(db_session) and progress_for(sender_id="newcomer")
    assert progress.is_empty
    assert progress.not_started == tuple(t.title for t in load_catalog().takeaways.values())


def test_progress_for__finished_modules_carry_the_day_they_were_finished(
    db_session: Session,
) -> None:
    module(
        db_session,
        "person",
        "early_experiences",
        status="completed",
        step=PROMPTS_PER_MODULE,
        started=datetime(2025, 3, 1, 23, 50),
        completed=datetime(2025, 3, 2, 0, 10),
    )
    progress = committed(db_session) and progress_for(sender_id="person")
    assert progress.completed == (
        ModuleProgress(
            takeaway="early_experiences",
            title=title("early_experiences"),
            status="completed",
            answered=PROMPTS_PER_MODULE,
            total=PROMPTS_PER_MODULE,
            started_on=date(2025, 3, 1),
            completed_on=date(2025, 3, 2),
        ),
    )
    assert progress.unfinished == ()
    assert not progress.is_empty


def test_progress_for__active_and_paused_modules_are_unfinished_with_prompts_answered(
    db_session: Session,
) -> None:
    started = datetime(2025, 3, 1, 9, 0)
    module(db_session, "person", "early_experiences", status="active", step=1, started=started)
    module(db_session, "person", "relationship_patterns", status="paused", step=2, started=started)
    progress = committed(db_session) and progress_for(sender_id="person")
    assert not progress.is_empty
    assert progress.completed == ()
    assert [(m.takeaway, m.status, m.answered, m.completed_on) for m in progress.unfinished] == [
        ("early_experiences", "active", 1, None),
        ("relationship_patterns", "paused", 2, None),
    ]


def test_progress_for__answered_never_counts_past_the_prompts_in_a_module(
    db_session: Session,
) -> None:
    # step keeps counting through follow-ups; the person sees prompts answered.
    module(
        db_session,
        "person",
        "early_experiences",
        status="active",
        step=PROMPTS_PER_MODULE + 2,
        started=datetime(2025, 3, 1),
    )
    [item] = committed(db_session) and progress_for(sender_id="person").unfinished
    assert item.answered == item.total == PROMPTS_PER_MODULE


def test_progress_for__touched_modules_are_not_offered_as_not_started(
    db_session: Session,
) -> None:
    module(
        db_session, "person", "early_experiences", status="active", step=0, started=datetime.now()
    )
    not_started = committed(db_session) and progress_for(sender_id="person").not_started
    assert title("early_experiences") not in not_started
    assert len(not_started) == len(load_catalog().takeaways) - 1


def test_progress_for__lists_modules_in_the_order_they_were_started(db_session: Session) -> None:
    module(
        db_session,
        "person",
        "seek_support",
        status="completed",
        step=3,
        started=datetime(2025, 3, 5),
        completed=datetime(2025, 3, 6),
    )
    module(
        db_session,
        "person",
        "early_experiences",
        status="completed",
        step=3,
        started=datetime(2025, 3, 1),
        completed=datetime(2025, 3, 9),
    )
    completed = committed(db_session) and progress_for(sender_id="person").completed
    assert [m.takeaway for m in completed] == ["early_experiences", "seek_support"]


def test_progress_for__shows_only_this_persons_modules(db_session: Session) -> None:
    module(
        db_session,
        "someone-else",
        "early_experiences",
        status="completed",
        step=3,
        started=datetime(2025, 3, 1),
        completed=datetime(2025, 3, 2),
    )
    progress = committed(db_session) and progress_for(sender_id="person")
    assert progress.is_empty
    assert title("early_experiences") in progress.not_started


def item(status: str, answered: int, started: date, completed: date | None) -> ModuleProgress:
    return ModuleProgress(
        "t", "Reflect on early experiences", status, answered, 3, started, completed
    )
