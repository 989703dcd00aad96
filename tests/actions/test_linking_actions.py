"""The linking, consent, suggestion and audit actions on a real SQLite database."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from actions.data import ActionShowAudit
from actions.linking import (
    ActionChangeSharing,
    ActionChooseRiskAlerts,
    ActionChooseScope,
    ActionLinkTherapist,
    ActionShowSharing,
    ActionStopSharing,
)
from actions.session import ActionSessionStart
from actions.suggestions import ActionMentionAssignments, ActionShowAssignments
from bot.storage import repositories as repo
from bot.storage.db import session_scope
from bot.storage.models import TherapistLink
from tests.support.actions import run, slots_of
from tests.support.therapists import make_invite, make_therapist
from tests.support.trackers import make_tracker


def responses(messages: list[dict[str, Any]]) -> list[str]:
    return [m.get("response") for m in messages]


def link(app_db: str, domain: dict, sender: str = "person-1", name: str = "Dr Ada Byrne") -> str:
    with session_scope(app_db) as session:
        code = make_invite(session, make_therapist(session, name)).code
    tracker = make_tracker(
        sender_id=sender, intent="link_therapist", entities=[{"entity": "code", "value": code}]
    )
    events, _ = run(ActionLinkTherapist(), tracker, domain)
    return str(slots_of(events)["therapist_link"])


def test_link__names_the_therapist_explains_and_asks_with_the_link_on_each_button(
    app_db: str, domain_dict: dict
) -> None:
    with session_scope(app_db) as session:
        code = make_invite(session, make_therapist(session)).code
    tracker = make_tracker(
        intent="link_therapist", entities=[{"entity": "code", "value": code.lower()}]
    )
    events, messages = run(ActionLinkTherapist(), tracker, domain_dict)
    assert responses(messages) == [
        "utter_link_found",
        "utter_link_explain_scopes",
        "utter_link_ask_scope",
    ]
    assert messages[0]["therapist"] == "Dr Ada Byrne"
    slots = slots_of(events)
    assert slots["pending_offer"] == "consent" and messages[2]["link"] == slots["therapist_link"]


def test_link__without_a_code_asks_for_it_and_a_wrong_one_is_kind(
    app_db: str, domain_dict: dict
) -> None:
    _, asked = run(ActionLinkTherapist(), make_tracker(intent="link_therapist"), domain_dict)
    assert responses(asked) == ["utter_link_ask_code"]
    code = [{"entity": "code", "value": "ZZZZ2222"}]
    wrong = make_tracker(intent="link_therapist", entities=code)
    events, messages = run(ActionLinkTherapist(), wrong, domain_dict)
    assert responses(messages) == ["utter_link_unknown"]
    assert slots_of(events)["pending_offer"] is None


def test_typed_choice__uses_the_link_the_conversation_is_about(
    app_db: str, domain_dict: dict
) -> None:
    link_id = link(app_db, domain_dict)
    tracker = make_tracker(
        text="just the scores and summaries",
        intent="choose_scope",
        slots={"pending_offer": "consent", "therapist_link": link_id},
    )
    events, messages = run(ActionChooseScope(), tracker, domain_dict)
    assert responses(messages) == [
        "utter_scope_set_summaries",
        "utter_alerts_explain",
        "utter_alerts_ask",
    ]
    assert slots_of(events)["pending_offer"] == "alerts"
    waiting = {"pending_offer": "alerts", "therapist_link": link_id}
    yes = make_tracker(intent="affirm", slots=waiting)
    _, said = run(ActionChooseRiskAlerts(), yes, domain_dict)
    assert responses(said) == ["utter_alerts_set_on", "utter_consent_reminder"]
    with session_scope(app_db) as session:
        row = session.get(TherapistLink, int(link_id))
        assert row is not None and (row.scope, row.risk_alerts) == ("summaries", True)


def test_unclear_choice__asks_again_and_changes_nothing(app_db: str, domain_dict: dict) -> None:
    link_id = link(app_db, domain_dict)
    tracker = make_tracker(
        text="hmm maybe", intent="affirm", slots={"pending_offer": "consent"}
    )
    events, messages = run(ActionChooseScope(), tracker, domain_dict)
    assert responses(messages) == ["utter_scope_unclear", "utter_link_ask_scope"]
    assert slots_of(events)["pending_offer"] == "consent"
    with session_scope(app_db) as session:
        row = session.get(TherapistLink, int(link_id))
        assert row is not None and row.scope == "none" and row.consented_at is None


def test_sharing_change_and_stop__with_two_therapists(app_db: str, domain_dict: dict) -> None:
    first = link(app_db, domain_dict, name="Dr One")
    link(app_db, domain_dict, name="Dr Two")
    _, shown = run(ActionShowSharing(), make_tracker(intent="ask_sharing"), domain_dict)
    assert responses(shown).count("utter_sharing_none") == 2
    _, which = run(ActionChangeSharing(), make_tracker(intent="change_sharing"), domain_dict)
    assert [b["title"] for b in which[0]["buttons"]] == ["Dr One", "Dr Two"]
    _, asked = run(ActionStopSharing(), make_tracker(intent="stop_sharing"), domain_dict)
    assert responses(asked) == ["utter_which_therapist_stop"]
    chosen = make_tracker(intent="stop_sharing", entities=[{"entity": "link", "value": first}])
    _, stopped = run(ActionStopSharing(), chosen, domain_dict)
    assert responses(stopped) == ["utter_stopped_sharing"] and stopped[0]["therapist"] == "Dr One"
    with session_scope(app_db) as session:
        rows = session.execute(select(TherapistLink).order_by(TherapistLink.id)).scalars().all()
        assert [r.revoked_at is not None for r in rows] == [True, False]


def test_suggestions__mentioned_once_per_session_and_listed(app_db: str, domain_dict: dict) -> None:
    link_id = link(app_db, domain_dict)
    with session_scope(app_db) as session:
        repo.create_assignment(
            session=session,
            link_id=int(link_id),
            kind="module",
            takeaway="seek_support",
            note="Before Thursday",
            due_on=date(2026, 12, 3),
        )
    events, started = run(ActionSessionStart(), make_tracker(), domain_dict)
    assert responses(started) == [
        "utter_assignment_module",
        "utter_assignment_note",
        "utter_assignment_due",
        "utter_assignment_offer",
    ]
    assert started[2]["due_on"] == "3 December 2026"
    assert started[3]["payload"] == '/choose_module{"takeaway": "seek_support"}'
    mentioned = slots_of(events)["assignments_mentioned"]
    greet = make_tracker(intent="greet", slots={"assignments_mentioned": mentioned})
    _, again = run(ActionMentionAssignments(), greet, domain_dict)
    assert again == []
    _, listed = run(ActionShowAssignments(), make_tracker(), domain_dict)
    assert responses(listed)[0] == "utter_assignment_module"


def test_audit__none_then_rows_in_plain_words(app_db: str, domain_dict: dict) -> None:
    _, none = run(ActionShowAudit(), make_tracker(), domain_dict)
    assert responses(none) == ["utter_audit_none"]
    link_id = link(app_db, domain_dict)
    with session_scope(app_db) as session:
        row = session.get(TherapistLink, int(link_id))
        assert row is not None
        repo.add_audit_event(
            session=session,
            therapist_id=row.therapist_id,
            user_id=row.user_id,
            action="export",
            what="client_export",
        )
    _, listed = run(ActionShowAudit(), make_tracker(), domain_dict)
    assert responses(listed) == ["utter_audit_intro", "utter_audit_export"]
    assert (listed[1]["therapist"], listed[1]["what"]) == ("Dr Ada Byrne", "client export")
    assert listed[1]["when"].endswith("UTC")
