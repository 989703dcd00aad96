"""What a person can see, take away and erase, on a real migrated SQLite database."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.services.personal_data import StoredSummary, delete_person, export, summarise
from bot.storage import repositories as repo
from bot.storage.models import (
    Answer,
    MoodCheckin,
    QuizResult,
    ReflectionSession,
    RiskEvent,
    SelfAssessment,
    User,
)

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
