"""Linking with a therapist, consent, suggestions and audit over the real REST webhook."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from itertools import count
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.invite_codes import display
from bot.services.linking import CONSENT_WORDING_VERSION, THROTTLE_LIMIT
from bot.storage import repositories as repo
from bot.storage.db import session_scope
from bot.storage.models import (
    Assignment,
    AuditEvent,
    ConsentRecord,
    TherapistLink,
    User,
    utcnow,
)
from tests.support.servers import Stack, texts
from tests.support.therapists import make_invite, make_therapist

pytestmark = pytest.mark.integration
_names = count(1)


@contextmanager
def app_db(stack: Stack) -> Iterator[Session]:
    with session_scope(stack.settings.database_url) as session:
        yield session


def new_code(stack: Stack, name: str | None = None, **invite: Any) -> tuple[str, str]:
    """A fresh therapist (unique name) and an invite; returns (name, code)."""
    name = name or f"Dr Test {next(_names)}"
    with app_db(stack) as session:
        therapist = make_therapist(session, name)
        code = make_invite(session, therapist, **invite).code
    return name, code


def button(replies: list[dict[str, Any]], title: str) -> str:
    for reply in replies:
        for b in reply.get("buttons") or []:
            if b["title"] == title:
                return str(b["payload"])
    raise AssertionError(f"no button {title!r} in {replies}")


def the_link(stack: Stack, who: str) -> TherapistLink | None:
    with app_db(stack) as session:
        return session.execute(
            select(TherapistLink).join(User).where(User.sender_id == who)
        ).scalar_one_or_none()


def consents(stack: Stack, link_id: int) -> list[tuple[str, bool, str]]:
    with app_db(stack) as session:
        rows = session.execute(
            select(ConsentRecord).where(ConsentRecord.link_id == link_id).order_by(ConsentRecord.id)
        ).scalars()
        return [(r.scope, r.risk_alerts, r.wording_version) for r in rows]


@pytest.mark.parametrize(
    ("choice", "scope"),
    [
        ("Scores and summaries only", "summaries"),
        ("Scores, summaries and my written answers", "answers"),
        ("Not now", "none"),
    ],
)
def test_invite_then_link__each_choice_is_the_scope_in_force(
    stack: Stack, choice: str, scope: str
) -> None:
    who = f"link-{scope}"
    name, code = new_code(stack)
    replies = stack.say(who, f"I have a code from my therapist: {display(code).lower()}")
    said = texts(replies)
    assert name in said and "Nothing is shared until you choose" in said
    assert "word for word" in said  # each choice is explained before it is asked
    link = the_link(stack, who)
    assert link is not None and link.scope == "none" and consents(stack, link.id) == []

    after = stack.say(who, button(replies, choice))
    link = the_link(stack, who)
    assert link is not None and link.scope == scope
    assert consents(stack, link.id) == [(scope, False, CONSENT_WORDING_VERSION)]
    if scope == "none":
        assert "nothing is shared" in texts(after) and "risk alerts" not in texts(after)
        return
    assert "risk alerts" in texts(after)
    done = texts(stack.say(who, button(after, "Yes, send risk alerts")))
    assert "Risk alerts to" in done and "are on" in done
    link = the_link(stack, who)
    assert link is not None and link.risk_alerts is True and link.scope == scope
    assert consents(stack, link.id)[-1] == (scope, True, CONSENT_WORDING_VERSION)


def test_i_have_a_code__then_the_code_alone_links(stack: Stack) -> None:
    who = "code-after-asking"
    name, code = new_code(stack)
    assert "send me the code" in texts(stack.say(who, "I have a code"))
    said = texts(stack.say(who, f"{code[:4].lower()} {code[4:].lower()}"))
    assert name in said and "What would you like" in said
    # a typed "no" to the sharing question means not now
    assert "nothing is shared" in texts(stack.say(who, "no"))
    link = the_link(stack, who)
    assert link is not None and link.scope == "none" and consents(stack, link.id)[0][0] == "none"


def test_join_link_payload__starts_linking(stack: Stack) -> None:
    who = "join-link"
    name, code = new_code(stack)
    replies = stack.say(who, f'/link_therapist{{"code": "{display(code)}"}}')
    assert name in texts(replies)
    stack.say(who, button(replies, "Scores and summaries only"))
    done = texts(stack.say(who, "no"))  # typed no to risk alerts
    assert "No risk alerts" in done
    link = the_link(stack, who)
    assert link is not None and (link.scope, link.risk_alerts) == ("summaries", False)


def test_wrong_codes__get_a_kind_reply_then_are_throttled(stack: Stack) -> None:
    who = "guesser"
    _, code = new_code(stack)
    for attempt in range(THROTTLE_LIMIT):
        reply = texts(stack.say(who, f"my code is ZZZZ-{2222 + attempt}"))
        assert "couldn't find that code" in reply
    blocked = texts(stack.say(who, f"my code is {display(code)}"))
    assert "paused linking for an hour" in blocked
    assert the_link(stack, who) is None
    # someone else can still use the code
    assert "What would you like" in texts(stack.say("not-a-guesser", display(code)))


def test_expired_and_used_codes__get_their_own_kind_replies(stack: Stack) -> None:
    _, old = new_code(stack, now=utcnow() - timedelta(days=20))
    assert "expired" in texts(stack.say("late-client", display(old)))
    _, code = new_code(stack)
    stack.say("first-client", display(code))
    assert "already been used" in texts(stack.say("second-client", display(code)))
    assert the_link(stack, "second-client") is None


def test_a_crisis_while_linking__gets_the_crisis_reply_first_and_shares_nothing(
    stack: Stack,
) -> None:
    who = "crisis-while-linking"
    _, code = new_code(stack)
    stack.say(who, display(code))
    replies = stack.say(who, "I can't do this anymore, I want to kill myself")
    assert "findahelpline.com" in texts(replies) or "988" in texts(replies)
    assert "What would you like" not in texts(replies)
    link = the_link(stack, who)
    assert link is not None and link.scope == "none"


def test_what_does_my_therapist_see__then_stop_sharing_at_once(stack: Stack) -> None:
    who = "revoker"
    name, code = new_code(stack)
    replies = stack.say(who, display(code))
    stack.say(who, button(replies, "Scores, summaries and my written answers"))
    stack.say(who, "yes")
    seen = texts(stack.say(who, "what does my therapist see?"))
    assert name in seen and "written answers" in seen and ": on." in seen

    stopped = texts(stack.say(who, "stop sharing with my therapist"))
    assert f"stopped sharing with {name}" in stopped
    link = the_link(stack, who)
    assert link is not None and link.revoked_at is not None and link.scope == "none"
    assert link.risk_alerts is False
    assert consents(stack, link.id)[-1] == ("revoked", False, CONSENT_WORDING_VERSION)
    assert "not linked with a therapist" in texts(stack.say(who, "what does my therapist see?"))


def test_two_therapists__stopping_asks_which(stack: Stack) -> None:
    who = "two-therapists"
    first, code_a = new_code(stack)
    second, code_b = new_code(stack)
    stack.say(who, display(code_a))
    stack.say(who, display(code_b))
    asked = stack.say(who, "stop sharing with my therapist")
    assert "Which therapist" in texts(asked)
    stack.say(who, button(asked, second))
    with app_db(stack) as session:
        links = session.execute(
            select(TherapistLink).join(User).where(User.sender_id == who).order_by(TherapistLink.id)
        ).scalars().all()
        assert [link.revoked_at is None for link in links] == [True, False]


def test_a_suggestion__is_mentioned_with_its_note_and_marked_done(stack: Stack) -> None:
    who = "assigned-client"
    name, code = new_code(stack)
    stack.say(who, display(code))
    link = the_link(stack, who)
    assert link is not None
    with app_db(stack) as session:
        assignment = repo.create_assignment(
            session=session,
            link_id=link.id,
            kind="module",
            takeaway="seek_support",
            note="Have a look before our next session",
        )
        assignment_id = assignment.id

    greeting = stack.say(who, "hi")
    said = texts(greeting)
    assert name in said and "Have a look before our next session" in said
    assert "Seek attachment-informed support" in said
    assert name in texts(stack.say(who, "what did my therapist suggest?"))

    started = texts(stack.say(who, button(greeting, "Start it now")))
    assert "1 (very low) to 5" in started
    stack.say(who, "skip")  # the mood check-in
    for _ in range(3):
        stack.say(who, "skip")
    with app_db(stack) as session:
        done = session.get(Assignment, assignment_id)
        assert done is not None and done.completed_at is not None and done.mentioned_at
    assert "nothing open" in texts(stack.say(who, "what did my therapist suggest?"))


def test_who_has_seen_my_data__lists_the_portal_views(stack: Stack) -> None:
    who = "audited-client"
    assert "No therapist has looked" in texts(stack.say(who, "who has seen my data?"))
    name, code = new_code(stack)
    stack.say(who, display(code))
    link = the_link(stack, who)
    assert link is not None
    with app_db(stack) as session:
        repo.add_audit_event(
            session=session,
            therapist_id=link.therapist_id,
            user_id=link.user_id,
            action="view",
            what="client_page",
        )
        repo.add_audit_event(
            session=session,
            therapist_id=link.therapist_id,
            user_id=link.user_id,
            action="export",
            what="summary",
        )
    listed = texts(stack.say(who, "who has seen my data?"))
    assert f"{name} opened the page showing what you share with them" in listed
    assert f"{name} downloaded a copy of what you share with them" in listed


def test_delete_my_data__removes_links_consents_suggestions_and_audit(stack: Stack) -> None:
    who = "deleting-client"
    _, code = new_code(stack)
    replies = stack.say(who, display(code))
    stack.say(who, button(replies, "Scores and summaries only"))
    link = the_link(stack, who)
    assert link is not None
    with app_db(stack) as session:
        repo.create_assignment(session=session, link_id=link.id, kind="quiz")
        repo.add_audit_event(
            session=session,
            therapist_id=link.therapist_id,
            user_id=link.user_id,
            action="view",
            what="client_page",
        )
    stack.say(who, "delete my data")
    assert "deleted" in texts(stack.say(who, "yes"))
    with app_db(stack) as session:
        for model, column in (
            (TherapistLink, TherapistLink.id),
            (ConsentRecord, ConsentRecord.link_id),
            (Assignment, Assignment.link_id),
        ):
            remaining = session.execute(
                select(func.count()).select_from(model).where(column == link.id)
            ).scalar_one()
            assert remaining == 0, model.__tablename__
        audits = session.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.user_id == link.user_id)
        ).scalar_one()
        assert audits == 0
        gone = session.execute(select(User).where(User.sender_id == who)).scalar_one_or_none()
        assert gone is None


def test_existing_commands__are_not_taken_by_the_therapist_intents(stack: Stack) -> None:
    who = "old-commands"
    stack.say(who, '/choose_module{"takeaway": "early_experiences"}')
    stack.say(who, "skip")
    assert "Let's stop here" in texts(stack.say(who, "stop"))
    assert "Here is what I keep about you" in texts(stack.say(who, "what do you store about me"))
    assert "delete" in texts(stack.say(who, "delete my data")).lower()
    stack.say(who, "no")
