"""``bot.portal.access.read_client`` on a real SQLite database, without the web layer."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.portal import access
from bot.portal.access import ModuleSummary, QuotedAnswer
from bot.storage.models import AuditEvent, TherapistLink, utcnow
from tests.support.portal import ANSWERS, SECRET_WORDS, add_client_work, add_therapist, link


@pytest.fixture
def two(db_session: Session) -> tuple[int, int, int]:
    a = add_therapist(db_session, "a@x.example", "A")
    b = add_therapist(db_session, "b@x.example", "B")
    user = add_client_work(db_session, "someone")
    return a, b, link(db_session, therapist_id=a, user_id=user, label="K", scope="summaries")


def _audits(session: Session) -> int:
    return int(session.execute(select(func.count(AuditEvent.id))).scalar_one())


def test_read_client__another_therapists_link_is_not_found_and_not_audited(
    db_session: Session, two: tuple[int, int, int]
) -> None:
    _, b, link_id = two
    with pytest.raises(access.NotFound):
        access.read_client(db_session, therapist_id=b, link_id=link_id, purpose="view")
    assert _audits(db_session) == 0


def test_read_client__summaries_view_has_no_field_that_could_hold_answer_text(
    db_session: Session, two: tuple[int, int, int]
) -> None:
    a, _, link_id = two
    view = access.read_client(db_session, therapist_id=a, link_id=link_id, purpose="view")
    assert view.modules and all(m.answers == () for m in view.modules)
    flat = repr(dataclasses.asdict(view))
    assert not [w for w in SECRET_WORDS if w in flat]
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.scope = "answers"  # type: ignore[misc]


def test_read_client__answers_scope_quotes_every_answer(
    db_session: Session, two: tuple[int, int, int]
) -> None:
    a, _, link_id = two
    db_session.get(TherapistLink, link_id).scope = "answers"
    view = access.read_client(db_session, therapist_id=a, link_id=link_id, purpose="export")
    module: ModuleSummary = view.modules[0]
    assert [q.text for q in module.answers] == list(ANSWERS)
    assert all(isinstance(q, QuotedAnswer) for q in module.answers)
    events = db_session.execute(select(AuditEvent)).scalars().all()
    assert [(e.therapist_id, e.action) for e in events] == [(a, "export")]


def test_read_client__list_purpose_reads_no_module_and_writes_no_audit(
    db_session: Session, two: tuple[int, int, int]
) -> None:
    a, _, link_id = two
    view = access.read_client(db_session, therapist_id=a, link_id=link_id, purpose="list")
    assert view.modules == () and view.last_activity is not None and _audits(db_session) == 0


def test_read_client__revoked_link_shows_only_when(
    db_session: Session, two: tuple[int, int, int]
) -> None:
    a, _, link_id = two
    db_session.get(TherapistLink, link_id).revoked_at = utcnow()
    view = access.read_client(db_session, therapist_id=a, link_id=link_id, purpose="view")
    assert view.scope == "withdrawn" and view.withdrawn_at is not None
    assert view.modules == () and view.assignments == () and view.last_activity is None
    assert _audits(db_session) == 0


def test_list_clients__is_only_the_therapists_own(
    db_session: Session, two: tuple[int, int, int]
) -> None:
    a, b, _ = two
    assert [c.label for c in access.list_clients(db_session, therapist_id=a)] == ["K"]
    assert access.list_clients(db_session, therapist_id=b) == ()
