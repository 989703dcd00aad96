"""What a person can see, take away and erase, on a real migrated SQLite database."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.services import linking
from bot.services.personal_data import StoredSummary, delete_person, export, summarise
from bot.storage import repositories as repo
from bot.storage.models import (
    Answer,
    Assignment,
    AuditEvent,
    CodeAttempt,
    ConsentRecord,
    Invite,
    MoodCheckin,
    QuizResult,
    ReflectionSession,
    RiskEvent,
    SelfAssessment,
    Therapist,
    TherapistLink,
    User,
)
from tests.support.therapists import make_invite, make_therapist

FIRST_SEEN = datetime(2025, 3, 1, 9, 30)
ANSWERED_AT = datetime(2025, 3, 1, 9, 35)
PER_PERSON = (User, ReflectionSession, Answer, MoodCheckin, SelfAssessment, QuizResult, RiskEvent)


def keep_a_history(session: Session, sender_id: str) -> None:
    """One of everything the app stores about a person: a module with two answers,
    a mood before it, a self-assessment, a quiz and a risk event."""
    user = repo.get_or_create_user(session=session, sender_id=sender_id, channel="rest")
    user.created_at = FIRST_SEEN
    module = repo.create_reflection(session=session, user_id=user.id, takeaway="early_experiences")
    repo.add_answer(
        session=session,
        reflection=module,
        prompt_id="ee_1",
        kind="prompt",
        text=f"{sender_id}: my mum comforted me when I was scared",
        depth=2,
        scores={"depth": 2},
        evidence=[{"rule": "names_feeling"}],
        at=ANSWERED_AT,
    )
    repo.add_answer(
        session=session,
        reflection=module,
        prompt_id="ee_1",
        kind="followup",
        followup_key="feelings",
        text="safe, mostly",
    )
    repo.set_mood(
        session=session, user_id=user.id, reflection_id=module.id, phase="before", score=2
    )
    repo.add_self_assessment(
        session=session,
        user_id=user.id,
        answers={"sa_1": 4},
        self_score=0.5,
        other_score=-0.25,
        nearest_style="secure",
    )
    repo.add_quiz_result(session=session, user_id=user.id, score=3, total=4, answers=[0, 1, 2, 0])
    session.add(
        RiskEvent(
            user_id=user.id,
            session_id=module.id,
            level="concern",
            categories=["hopelessness"],
            evidence=[{"category": "hopelessness", "rule": "hopeless", "start": 8, "end": 16}],
        )
    )
    session.flush()
    # The service opens its own unit of work: the history must be committed first.
    session.commit()


def rows_about(session: Session, sender_id: str) -> dict[str, int]:
    """How many rows of each table still belong to ``sender_id``."""
    user_ids = select(User.id).where(User.sender_id == sender_id).scalar_subquery()
    module_ids = select(ReflectionSession.id).where(ReflectionSession.user_id.in_(user_ids))
    counts = {}
    for model in PER_PERSON:
        if model is User:
            owned = User.sender_id == sender_id
        elif model is Answer:
            owned = Answer.session_id.in_(module_ids)
        else:
            owned = model.user_id.in_(user_ids)
        counts[model.__tablename__] = session.execute(
            select(func.count()).select_from(model).where(owned)
        ).scalar_one()
    return counts


def test_summarise__counts_every_kind_of_row_for_this_person_only(db_session: Session) -> None:
    keep_a_history(db_session, "asker")
    keep_a_history(db_session, "someone-else")
    assert summarise(sender_id="asker") == StoredSummary(
        modules=1,
        answers=2,
        moods=1,
        self_assessments=1,
        quizzes=1,
        risk_events=1,
        first_seen=FIRST_SEEN,
    )


def test_summarise__a_stranger_has_nothing_stored(db_session: Session) -> None:
    keep_a_history(db_session, "someone-else")
    assert summarise(sender_id="stranger") == StoredSummary(0, 0, 0, 0, 0, 0, None)


def test_export__includes_answers_and_moods_with_their_scores_and_times(
    db_session: Session,
) -> None:
    keep_a_history(db_session, "asker")
    data = export(sender_id="asker")
    assert data["person"] == {"id": "asker", "channel": "rest", "since": FIRST_SEEN.isoformat()}
    [module] = data["modules"]
    assert (module["takeaway"], module["status"], module["completed_at"]) == (
        "early_experiences",
        "active",
        None,
    )
    first, followup = module["answers"]
    assert first == {
        "prompt_id": "ee_1",
        "kind": "prompt",
        "followup": None,
        "text": "asker: my mum comforted me when I was scared",
        "depth": 2,
        "scores": {"depth": 2},
        "evidence": [{"rule": "names_feeling"}],
        "at": ANSWERED_AT.isoformat(),
    }
    assert (followup["kind"], followup["followup"], followup["text"]) == (
        "followup",
        "feelings",
        "safe, mostly",
    )
    [mood] = data["moods"]
    assert (mood["phase"], mood["score"]) == ("before", 2)


def test_export__includes_self_assessments_quizzes_and_risk_events(db_session: Session) -> None:
    keep_a_history(db_session, "asker")
    data = export(sender_id="asker")
    [assessment] = data["self_assessments"]
    assert assessment["answers"] == {"sa_1": 4}
    assert (assessment["self_score"], assessment["other_score"]) == (0.5, -0.25)
    assert assessment["nearest_style"] == "secure"
    [quiz] = data["quizzes"]
    assert (quiz["score"], quiz["total"], quiz["answers"]) == (3, 4, [0, 1, 2, 0])
    [risk] = data["risk_events"]
    assert (risk["level"], risk["categories"]) == ("concern", ["hopelessness"])
    assert risk["evidence"][0]["rule"] == "hopeless"


def test_export__leaves_out_everyone_else(db_session: Session) -> None:
    keep_a_history(db_session, "asker")
    keep_a_history(db_session, "someone-else")
    data = export(sender_id="asker")
    assert "someone-else" not in json.dumps(data)
    assert [len(data[key]) for key in ("modules", "moods", "quizzes", "risk_events")] == [1] * 4


def test_export__is_plain_json_that_round_trips(db_session: Session) -> None:
    keep_a_history(db_session, "asker")
    data = export(sender_id="asker")
    assert json.loads(json.dumps(data)) == data


def test_export__a_stranger_gets_empty_sections_not_an_error(db_session: Session) -> None:
    assert export(sender_id="stranger") == {
        "person": None,
        "modules": [],
        "moods": [],
        "self_assessments": [],
        "quizzes": [],
        "risk_events": [],
        "therapist_links": [],
        "seen_by_therapists": [],
    }


def test_delete_person__removes_every_row_about_them_and_keeps_everyone_else(
    db_session: Session,
) -> None:
    keep_a_history(db_session, "leaving")
    keep_a_history(db_session, "staying")
    assert delete_person(sender_id="leaving") is True
    assert set(rows_about(db_session, "leaving").values()) == {0}
    assert set(rows_about(db_session, "staying").values()) == {1, 2}  # 2 = the answers


def test_delete_person__a_stranger_is_reported_and_nothing_is_removed(
    db_session: Session,
) -> None:
    keep_a_history(db_session, "staying")
    assert delete_person(sender_id="stranger") is False
    assert set(rows_about(db_session, "staying").values()) == {1, 2}


def link_with_history(session: Session, sender_id: str) -> int:
    """A link with a consent record, a suggestion, an audit row and a wrong code."""
    therapist = make_therapist(session, f"Dr {sender_id}")
    linking.redeem(sender_id=sender_id, code="ZZZZ-2222")
    result = linking.redeem(sender_id=sender_id, code=make_invite(session, therapist).code)
    assert result.link_id is not None
    linking.choose_scope(sender_id=sender_id, link_id=result.link_id, scope="answers")
    repo.create_assignment(
        session=session, link_id=result.link_id, kind="quiz", note=f"for {sender_id}"
    )
    user = repo.get_user(session=session, sender_id=sender_id)
    assert user is not None
    repo.add_audit_event(
        session=session, therapist_id=therapist.id, user_id=user.id, action="view", what="client"
    )
    session.commit()
    return result.link_id


def therapist_rows(session: Session) -> dict[str, int]:
    session.expire_all()
    models = (TherapistLink, ConsentRecord, Assignment, AuditEvent, CodeAttempt, Therapist, Invite)
    return {
        m.__tablename__: session.execute(select(func.count()).select_from(m)).scalar_one()
        for m in models
    }


def test_export__includes_links_consents_suggestions_and_who_saw_what(
    db_session: Session,
) -> None:
    link_with_history(db_session, "asker")
    link_with_history(db_session, "someone-else")
    data = export(sender_id="asker")
    [link] = data["therapist_links"]
    assert (link["therapist"], link["scope"], link["revoked_at"]) == ("Dr asker", "answers", None)
    assert [(c["scope"], c["wording_version"]) for c in link["consents"]] == [
        ("answers", "chat-2026-11-30")
    ]
    assert [(a["kind"], a["note"]) for a in link["assignments"]] == [("quiz", "for asker")]
    assert [(s["therapist"], s["action"], s["what"]) for s in data["seen_by_therapists"]] == [
        ("Dr asker", "view", "client")
    ]
    dumped = json.dumps(data)
    # not other people's data: no other client, no therapist email, no private label
    assert "someone-else" not in dumped and "@" not in dumped and "J.D." not in dumped


def test_delete_person__removes_links_consents_suggestions_audit_and_wrong_codes(
    db_session: Session,
) -> None:
    link_with_history(db_session, "leaving")
    link_with_history(db_session, "staying")
    before = therapist_rows(db_session)
    assert delete_person(sender_id="leaving") is True
    after = therapist_rows(db_session)
    per_person = ("therapist_links", "consent_records", "assignments", "audit_events")
    assert {t: before[t] - after[t] for t in per_person} == dict.fromkeys(per_person, 1)
    assert before["code_attempts"] - after["code_attempts"] == 1
    # the therapists and their invites stay; the used invite keeps no pointer to the person
    assert (after["therapists"], after["invites"]) == (2, 2)
    used_by = set(db_session.execute(select(Invite.used_by_user_id)).scalars())
    assert None in used_by and len(used_by) == 2
