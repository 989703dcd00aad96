"""Linking with an invite code and the consent the person controls, on real SQLite."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.ids import SCOPE_ANSWERS, SCOPE_NONE, SCOPE_SUMMARIES
from bot.invite_codes import display
from bot.services import linking
from bot.settings import PROJECT_ROOT
from bot.storage.models import CodeAttempt, ConsentRecord, Invite, TherapistLink, User, utcnow
from tests.support.therapists import make_invite, make_therapist

# The consent wording a person is shown, fingerprinted with the version ConsentRecords keep.
# If this test fails you changed the wording: bump CONSENT_WORDING_VERSION, then this hash.
CONSENT_RESPONSES = (
    "utter_link_explain_scopes",
    "utter_link_ask_scope",
    "utter_alerts_explain",
    "utter_alerts_ask",
)
WORDING = {"chat-2026-11-30": "e697d54adb253508"}


def link_of(session: Session, sender_id: str) -> TherapistLink:
    session.expire_all()
    user = session.execute(select(User).where(User.sender_id == sender_id)).scalar_one()
    return session.execute(
        select(TherapistLink).where(TherapistLink.user_id == user.id)
    ).scalar_one()


def records_of(session: Session, link_id: int) -> list[tuple[str, bool, str]]:
    session.expire_all()
    rows = session.execute(
        select(ConsentRecord).where(ConsentRecord.link_id == link_id).order_by(ConsentRecord.id)
    ).scalars()
    return [(r.scope, r.risk_alerts, r.wording_version) for r in rows]


def test_consent_wording__is_the_version_records_keep() -> None:
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    shown = yaml.safe_dump([domain["responses"][name] for name in CONSENT_RESPONSES])
    fingerprint = hashlib.sha256(shown.encode()).hexdigest()[:16]
    assert {linking.CONSENT_WORDING_VERSION: fingerprint} == WORDING


def test_redeem__links_with_nothing_shared_and_uses_up_the_code(db_session: Session) -> None:
    therapist = make_therapist(db_session)
    invite = make_invite(db_session, therapist, label="private label")
    result = linking.redeem(sender_id="client", code=display(invite.code).lower(), channel="rest")
    assert (result.outcome, result.therapist) == (linking.LINKED, "Dr Ada Byrne")
    link = link_of(db_session, "client")
    assert (link.id, link.scope, link.risk_alerts, link.revoked_at) == (
        result.link_id,
        SCOPE_NONE,
        False,
        None,
    )
    assert link.label == "private label" and records_of(db_session, link.id) == []
    used = db_session.get(Invite, invite.id)
    assert used is not None and used.used_at is not None and used.used_by_user_id == link.user_id


def test_redeem__a_used_code_is_refused_for_someone_else(db_session: Session) -> None:
    invite = make_invite(db_session, make_therapist(db_session))
    assert linking.redeem(sender_id="first", code=invite.code).outcome == linking.LINKED
    assert linking.redeem(sender_id="second", code=invite.code).outcome == linking.USED
    # the one who used it hears they are linked already
    assert linking.redeem(sender_id="first", code=invite.code).outcome == linking.ALREADY


def test_redeem__expired_unknown_and_missing_codes(db_session: Session) -> None:
    therapist = make_therapist(db_session)
    old = make_invite(db_session, therapist, now=utcnow() - timedelta(days=15))
    assert linking.redeem(sender_id="late", code=old.code).outcome == linking.EXPIRED
    assert linking.redeem(sender_id="late", code="ZZZZ-2222").outcome == linking.UNKNOWN
    assert linking.redeem(sender_id="late", code="not a code").outcome == linking.UNKNOWN
    assert linking.redeem(sender_id="late", code=None).outcome == linking.NO_CODE
    assert db_session.execute(select(User)).scalars().all() == []


def test_redeem__a_disabled_therapist_is_an_unknown_code(db_session: Session) -> None:
    therapist = make_therapist(db_session)
    invite = make_invite(db_session, therapist)
    therapist.disabled = True
    db_session.commit()
    assert linking.redeem(sender_id="client", code=invite.code).outcome == linking.UNKNOWN


def test_redeem__wrong_codes_are_throttled_even_before_a_right_one(db_session: Session) -> None:
    invite = make_invite(db_session, make_therapist(db_session))
    for _ in range(linking.THROTTLE_LIMIT):
        assert linking.redeem(sender_id="guesser", code="ZZZZ-2222").outcome == linking.UNKNOWN
    assert linking.redeem(sender_id="guesser", code=invite.code).outcome == linking.THROTTLED
    # the throttle is per sender, and keeps no sender id
    assert linking.redeem(sender_id="honest", code=invite.code).outcome == linking.LINKED
    keys = set(db_session.execute(select(CodeAttempt.sender_key)).scalars())
    assert keys == {linking.throttle_key("guesser")} and "guesser" not in next(iter(keys))


def test_redeem__wrong_codes_older_than_the_window_no_longer_count(db_session: Session) -> None:
    invite = make_invite(db_session, make_therapist(db_session))
    earlier = utcnow() - linking.THROTTLE_WINDOW - timedelta(minutes=1)
    for _ in range(linking.THROTTLE_LIMIT):
        linking.redeem(sender_id="patient", code="ZZZZ-2222", now=earlier)
    assert linking.redeem(sender_id="patient", code=invite.code).outcome == linking.LINKED


@pytest.mark.parametrize("scope", [SCOPE_SUMMARIES, SCOPE_ANSWERS, SCOPE_NONE])
def test_choose_scope__sets_the_scope_and_appends_a_record(db_session: Session, scope: str) -> None:
    invite = make_invite(db_session, make_therapist(db_session))
    result = linking.redeem(sender_id="client", code=invite.code)
    view = linking.choose_scope(sender_id="client", link_id=result.link_id, scope=scope)
    assert view is not None and view.scope == scope
    link = link_of(db_session, "client")
    assert (link.scope, link.consent_version) == (scope, linking.CONSENT_WORDING_VERSION)
    assert link.consented_at is not None
    assert records_of(db_session, link.id) == [(scope, False, linking.CONSENT_WORDING_VERSION)]


def test_risk_alerts__are_a_separate_choice_kept_in_the_history(db_session: Session) -> None:
    invite = make_invite(db_session, make_therapist(db_session))
    link_id = linking.redeem(sender_id="client", code=invite.code).link_id
    linking.choose_scope(sender_id="client", link_id=link_id, scope=SCOPE_ANSWERS)
    view = linking.choose_risk_alerts(sender_id="client", link_id=link_id, alerts=True)
    assert view is not None and view.risk_alerts and view.scope == SCOPE_ANSWERS
    linking.choose_scope(sender_id="client", link_id=link_id, scope=SCOPE_NONE)
    version = linking.CONSENT_WORDING_VERSION
    assert records_of(db_session, link_id or 0) == [
        (SCOPE_ANSWERS, False, version),
        (SCOPE_ANSWERS, True, version),
        (SCOPE_NONE, False, version),  # sharing nothing turns alerts off too
    ]


def test_choices__only_reach_the_persons_own_links(db_session: Session) -> None:
    therapist = make_therapist(db_session)
    theirs = linking.redeem(sender_id="owner", code=make_invite(db_session, therapist).code)
    linking.redeem(sender_id="intruder", code=make_invite(db_session, therapist).code)
    assert linking.choose_scope(
        sender_id="intruder", link_id=theirs.link_id, scope=SCOPE_ANSWERS
    ) is None
    assert linking.revoke(sender_id="intruder", link_id=theirs.link_id) == []
    assert link_of(db_session, "owner").scope == SCOPE_NONE


def test_two_therapists__each_link_has_its_own_consent(db_session: Session) -> None:
    first, second = make_therapist(db_session, "Dr One"), make_therapist(db_session, "Dr Two")
    a = linking.redeem(sender_id="client", code=make_invite(db_session, first).code).link_id
    b = linking.redeem(sender_id="client", code=make_invite(db_session, second).code).link_id
    linking.choose_scope(sender_id="client", link_id=a, scope=SCOPE_ANSWERS)
    linking.choose_scope(sender_id="client", link_id=b, scope=SCOPE_SUMMARIES)
    views = {v.therapist: v.scope for v in linking.live_links(sender_id="client")}
    assert views == {"Dr One": SCOPE_ANSWERS, "Dr Two": SCOPE_SUMMARIES}
    # with two links, a choice without a link id is not guessed
    assert linking.choose_scope(sender_id="client", link_id=None, scope=SCOPE_NONE) is None


def test_revoke__takes_effect_at_once_and_is_recorded(db_session: Session) -> None:
    invite = make_invite(db_session, make_therapist(db_session))
    link_id = linking.redeem(sender_id="client", code=invite.code).link_id
    linking.choose_scope(sender_id="client", link_id=link_id, scope=SCOPE_ANSWERS)
    linking.choose_risk_alerts(sender_id="client", link_id=link_id, alerts=True)
    assert linking.revoke(sender_id="client", link_id=None) == ["Dr Ada Byrne"]
    link = link_of(db_session, "client")
    assert link.revoked_at is not None and (link.scope, link.risk_alerts) == (SCOPE_NONE, False)
    assert records_of(db_session, link.id)[-1] == (
        linking.REVOKED,
        False,
        linking.CONSENT_WORDING_VERSION,
    )
    assert linking.live_links(sender_id="client") == []
    assert linking.choose_scope(sender_id="client", link_id=link_id, scope=SCOPE_ANSWERS) is None


def test_relinking_after_revoking__starts_again_from_nothing_shared(db_session: Session) -> None:
    therapist = make_therapist(db_session)
    first = make_invite(db_session, therapist)
    link_id = linking.redeem(sender_id="client", code=first.code).link_id
    linking.choose_scope(sender_id="client", link_id=link_id, scope=SCOPE_ANSWERS)
    linking.revoke(sender_id="client", link_id=link_id)
    again = linking.redeem(sender_id="client", code=make_invite(db_session, therapist).code)
    assert (again.outcome, again.link_id) == (linking.LINKED, link_id)
    link = link_of(db_session, "client")
    assert (link.scope, link.revoked_at, link.consented_at) == (SCOPE_NONE, None, None)


@pytest.mark.parametrize(
    ("typed", "scope"),
    [
        ("scores and summaries only", SCOPE_SUMMARIES),
        ("just the scores and summaries, not my answers", SCOPE_SUMMARIES),
        ("scores, summaries and my written answers", SCOPE_ANSWERS),
        ("share my answers too", SCOPE_ANSWERS),
        ("not now", SCOPE_NONE),
        ("nothing for now please", SCOPE_NONE),
        ("hmm", None),
    ],
)
def test_read_scope_choice__never_reads_more_than_was_said(typed: str, scope: str | None) -> None:
    assert linking.read_scope_choice(typed) == scope
