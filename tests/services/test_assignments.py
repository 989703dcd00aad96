"""A therapist's suggestions: mentioned once a session, listed, and marked done, on SQLite."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.ids import SCOPE_SUMMARIES
from bot.services import assignments, journey, linking, reflection
from bot.services import quiz as quiz_service
from bot.services import self_assessment as sa_service
from bot.services.unit_of_work import unit_of_work
from bot.storage import repositories as repo
from bot.storage.models import Assignment
from tests.support.therapists import make_invite, make_therapist


def linked(session: Session, sender_id: str, therapist_name: str = "Dr Ada Byrne") -> int:
    therapist = make_therapist(session, therapist_name)
    result = linking.redeem(sender_id=sender_id, code=make_invite(session, therapist).code)
    assert result.link_id is not None
    linking.choose_scope(sender_id=sender_id, link_id=result.link_id, scope=SCOPE_SUMMARIES)
    return result.link_id


def assign(session: Session, link_id: int, kind: str, **fields: object) -> int:
    assignment = repo.create_assignment(
        session=session, link_id=link_id, kind=kind, **fields  # type: ignore[arg-type]
    )
    session.commit()
    return int(assignment.id)


def completed_at(session: Session, assignment_id: int) -> object:
    session.expire_all()
    return session.execute(
        select(Assignment.completed_at).where(Assignment.id == assignment_id)
    ).scalar_one()


def test_open_suggestions__name_the_therapist_module_note_and_date(db_session: Session) -> None:
    link_id = linked(db_session, "client")
    assign(
        db_session,
        link_id,
        "module",
        takeaway="seek_support",
        note="Try this before Thursday",
        due_on=date(2026, 12, 3),
    )
    [found] = assignments.open_suggestions(sender_id="client")
    assert (found.therapist, found.kind, found.takeaway, found.note, found.due_on) == (
        "Dr Ada Byrne",
        "module",
        "seek_support",
        "Try this before Thursday",
        date(2026, 12, 3),
    )
    assert found.title and "support" in found.title.lower()


def test_to_mention__skips_those_already_mentioned_and_notes_the_first_time(
    db_session: Session,
) -> None:
    link_id = linked(db_session, "client")
    first = assign(db_session, link_id, "quiz")
    second = assign(db_session, link_id, "self_assessment")
    assert [s.assignment_id for s in assignments.to_mention(sender_id="client")] == [first, second]
    again = assignments.to_mention(sender_id="client", already=[first])
    assert [s.assignment_id for s in again] == [second]
    db_session.expire_all()
    assert db_session.get(Assignment, first).mentioned_at is not None  # type: ignore[union-attr]


def test_revoked_links__hide_their_suggestions(db_session: Session) -> None:
    link_id = linked(db_session, "client")
    assign(db_session, link_id, "quiz")
    linking.revoke(sender_id="client", link_id=link_id)
    assert assignments.open_suggestions(sender_id="client") == []
    assert assignments.to_mention(sender_id="client") == []


def test_finishing_the_suggested_module__marks_it_done(db_session: Session) -> None:
    link_id = linked(db_session, "client")
    suggested = assign(db_session, link_id, "module", takeaway="emotional_literacy")
    other = assign(db_session, link_id, "module", takeaway="seek_support")
    started = journey.start(sender_id="client", takeaway="emotional_literacy")
    for _ in range(3):
        assert completed_at(db_session, suggested) is None
        with unit_of_work() as session:
            reflection.skip_prompt(session, reflection_id=started.reflection_id)
    assert completed_at(db_session, suggested) is not None
    assert completed_at(db_session, other) is None
    assert [s.assignment_id for s in assignments.open_suggestions(sender_id="client")] == [other]


def test_finishing_the_quiz_and_self_assessment__marks_them_done(db_session: Session) -> None:
    link_id = linked(db_session, "client")
    quiz = assign(db_session, link_id, "quiz")
    assessment = assign(db_session, link_id, "self_assessment")
    quiz_service.finish(sender_id="client", score=2, total=4, answers=[0, 1, 0, 1])
    assert completed_at(db_session, quiz) is not None
    assert completed_at(db_session, assessment) is None
    items = {item.id: 4 for item in sa_service.items()}
    sa_service.finish(sender_id="client", answers=items)
    assert completed_at(db_session, assessment) is not None


def test_a_revoked_links_suggestion__is_not_marked_done(db_session: Session) -> None:
    link_id = linked(db_session, "client")
    quiz = assign(db_session, link_id, "quiz")
    linking.revoke(sender_id="client", link_id=link_id)
    quiz_service.finish(sender_id="client", score=2, total=4, answers=[0, 1, 0, 1])
    assert completed_at(db_session, quiz) is None


def test_someone_elses_suggestion__is_never_touched(db_session: Session) -> None:
    theirs = assign(db_session, linked(db_session, "other", "Dr Other"), "quiz")
    linked(db_session, "client")
    quiz_service.finish(sender_id="client", score=2, total=4, answers=[0, 1, 0, 1])
    assert assignments.open_suggestions(sender_id="client") == []
    assert completed_at(db_session, theirs) is None
