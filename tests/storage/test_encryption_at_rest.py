"""What a person wrote is unreadable in the database files, and readable through the code."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.safety import record_risk
from bot.settings import get_settings
from bot.storage import repositories as repo
from bot.storage.crypto import DataKeyError, new_key
from bot.storage.keycheck import check_keys
from bot.storage.models import Answer, RiskEvent
from bot.storage.tracker_store import SecureBaseTrackerStore
from tests.support.aio import run_sync
from tests.support.at_rest import use_keys, words_found
from tests.support.dialogues import make_domain

WORDS = ("trombone", "marmalade", "Zanzibar", "ashamed", "grandmother")
ANSWER = "I felt ashamed when my grandmother found the trombone in Zanzibar, full of marmalade."


def _db_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def _write_answer_and_risk(session: Session) -> None:
    user = repo.get_or_create_user(session=session, sender_id="p-1", channel="rest")
    module = repo.create_reflection(session=session, user_id=user.id, takeaway="early_experiences")
    repo.add_answer(
        session=session,
        reflection=module,
        prompt_id="ee_1",
        kind="prompt",
        text=ANSWER,
        depth=2,
        scores={"depth": 2, "emotions": ["ashamed"]},
        evidence=[{"dimension": "feelings", "text": "ashamed"}],
    )
    event = record_risk(session, sender_id="p-1", level="concern", evidence=[{"category": "c"}])
    event.text = ANSWER  # only stored when the person shares text with a therapist
    session.flush()


def test_answers_scores_evidence_and_risk_text__are_not_in_the_database_file(
    app_db: str, db_session: Session
) -> None:
    _write_answer_and_risk(db_session)
    db_session.commit()
    assert words_found(_db_path(app_db), WORDS) == []


def test_answers__read_back_as_written_and_depth_dates_ids_stay_queryable(
    app_db: str, db_session: Session
) -> None:
    _write_answer_and_risk(db_session)
    db_session.commit()
    answer = db_session.execute(select(Answer).where(Answer.depth >= 2)).scalar_one()
    assert answer.text == ANSWER
    assert answer.scores == {"depth": 2, "emotions": ["ashamed"]}
    assert answer.evidence == [{"dimension": "feelings", "text": "ashamed"}]
    risk = db_session.execute(select(RiskEvent).where(RiskEvent.level == "concern")).scalar_one()
    assert risk.text == ANSWER and risk.categories == ["c"]
    with sqlite3.connect(_db_path(app_db)) as raw:
        text, depth, scores = raw.execute("SELECT text, depth, scores FROM answers").fetchone()
    assert text.startswith("enc1:") and depth == 2 and scores.startswith('"enc1:')


def test_answers__under_another_key_raise_instead_of_returning_garbage(
    app_db: str, db_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_answer_and_risk(db_session)
    db_session.commit()
    use_keys(monkeypatch, new_key())
    db_session.expunge_all()
    with pytest.raises(DataKeyError, match="answers.text was encrypted with key id"):
        db_session.execute(select(Answer.text)).all()
    with pytest.raises(DataKeyError):
        check_keys(get_settings(), ["app"])


def _tracker_with_words(domain: Domain) -> DialogueStateTracker:
    tracker = DialogueStateTracker("p-2", domain.slots)
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered(ANSWER, {"name": "share", "confidence": 1.0}))
    tracker.update(SlotSet("answer", ANSWER))
    tracker.update(BotUttered(f"You said: {ANSWER}"))
    return tracker


def test_tracker_store__keeps_messages_and_slots_encrypted_and_reads_them_back(
    tmp_path: Path,
) -> None:
    domain = make_domain()
    db = tmp_path / "tracker.db"
    store = SecureBaseTrackerStore(domain=domain, dialect="sqlite", db=str(db))
    run_sync(store.save(_tracker_with_words(domain)))
    assert words_found(db, WORDS) == []
    fresh = SecureBaseTrackerStore(domain=domain, dialect="sqlite", db=str(db), cached_events=0)
    tracker = run_sync(fresh.retrieve("p-2"))
    assert tracker is not None
    assert tracker.latest_message is not None and tracker.latest_message.text == ANSWER
    assert tracker.get_slot("answer") == ANSWER
    with sqlite3.connect(db) as raw:
        kinds = {row[0] for row in raw.execute("SELECT type_name FROM events")}
        intents = {row[0] for row in raw.execute("SELECT intent_name FROM events")}
    assert {"user", "slot", "bot"} <= kinds and "share" in intents  # still queryable
