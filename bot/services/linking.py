"""Linking a person to a therapist with an invite code, and the consent they control.

Nothing is shared when a link is made (scope "none"); every choice the person
makes appends a ``ConsentRecord`` with the wording version they were shown, and
sets the link's scope in force. Wrong codes are counted per sender (under a
salted hash) so codes cannot be guessed: after ``THROTTLE_LIMIT`` wrong codes in
``THROTTLE_WINDOW`` even a right code waits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import update
from sqlalchemy.orm import Session

from bot.ids import CONSENT_SCOPES, SCOPE_NONE
from bot.invite_codes import normalize
from bot.services.unit_of_work import unit_of_work
from bot.settings import get_settings
from bot.storage import repositories as repo
from bot.storage.models import Invite, TherapistLink, User, utcnow

# Bump when the consent wording in domain.yml (utter_link_explain_*, utter_link_ask_*,
# utter_alerts_explain) changes: each ConsentRecord keeps the version the person saw.
# tests/services/test_linking.py fingerprints that wording so a change cannot slip by.
CONSENT_WORDING_VERSION = "chat-2026-11-30"
REVOKED = "revoked"
THROTTLE_LIMIT = 5
THROTTLE_WINDOW = timedelta(hours=1)

# Outcomes of redeeming a code.
LINKED = "linked"
ALREADY = "already"
NO_CODE = "no_code"
UNKNOWN = "unknown"
EXPIRED = "expired"
USED = "used"
THROTTLED = "throttled"


@dataclass(frozen=True)
class LinkOutcome:
    outcome: str
    therapist: str | None = None
    link_id: int | None = None


@dataclass(frozen=True)
class LinkView:
    """One live link as the person sees it."""

    link_id: int
    therapist: str
    scope: str
    risk_alerts: bool
    consented_at: datetime | None


def aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def throttle_key(sender_id: str) -> str:
    salt = get_settings().log_salt
    return hashlib.sha256(f"{salt}|invite-throttle|{sender_id}".encode()).hexdigest()


def redeem(
    *, sender_id: str, code: str | None, channel: str | None = None, now: datetime | None = None
) -> LinkOutcome:
    """Link the person to the therapist whose invite this is; the invite is used up."""
    if code is None or not str(code).strip():
        return LinkOutcome(NO_CODE)
    now = now or utcnow()
    key = throttle_key(sender_id)
    with unit_of_work() as session:
        since = now - THROTTLE_WINDOW
        if repo.count_code_attempts(session=session, sender_key=key, since=since) >= THROTTLE_LIMIT:
            return LinkOutcome(THROTTLED)
        outcome = _redeem(session, sender_id=sender_id, code=str(code), channel=channel, now=now)
        if outcome.outcome not in (LINKED, ALREADY):
            repo.add_code_attempt(session=session, sender_key=key, at=now, forget_before=since)
        return outcome


def _redeem(
    session: Session, *, sender_id: str, code: str, channel: str | None, now: datetime
) -> LinkOutcome:
    canonical = normalize(code)
    invite = None if canonical is None else repo.get_invite_by_code(session=session, code=canonical)
    therapist = None if invite is None else repo.get_therapist(
        session=session, therapist_id=invite.therapist_id
    )
    if invite is None or therapist is None or therapist.disabled:
        return LinkOutcome(UNKNOWN)
    user = repo.get_user(session=session, sender_id=sender_id)
    if invite.used_at is not None:
        mine = user is not None and invite.used_by_user_id == user.id
        link = None if not mine or user is None else repo.get_link(
            session=session, therapist_id=therapist.id, user_id=user.id
        )
        if link is not None and link.revoked_at is None:
            return LinkOutcome(ALREADY, therapist.name, link.id)
        return LinkOutcome(USED)
    if aware(invite.expires_at) <= now:
        return LinkOutcome(EXPIRED)
    user = repo.get_or_create_user(session=session, sender_id=sender_id, channel=channel)
    if not _use_invite(session, invite=invite, user=user, now=now):
        return LinkOutcome(USED)
    link = repo.get_link(session=session, therapist_id=therapist.id, user_id=user.id)
    if link is None:
        link = repo.create_link(
            session=session, therapist_id=therapist.id, user_id=user.id, label=invite.label
        )
        return LinkOutcome(LINKED, therapist.name, link.id)
    if link.revoked_at is None:
        return LinkOutcome(ALREADY, therapist.name, link.id)
    # Linking again after stopping starts from nothing shared, like a new link.
    link.revoked_at = None
    link.scope = SCOPE_NONE
    link.risk_alerts = False
    link.consent_version = None
    link.consented_at = None
    link.label = invite.label
    session.flush()
    return LinkOutcome(LINKED, therapist.name, link.id)


def _use_invite(session: Session, *, invite: Invite, user: User, now: datetime) -> bool:
    """Mark the invite used, atomically: of two people racing, one wins."""
    result = session.execute(
        update(Invite)
        .where(Invite.id == invite.id, Invite.used_at.is_(None))
        .values(used_at=now, used_by_user_id=user.id)
        .execution_options(synchronize_session="fetch")
    )
    return bool(result.rowcount == 1)


def _live_link(session: Session, *, sender_id: str, link_id: int | None) -> TherapistLink | None:
    """The person's own live link by id, or their only one when no id is given."""
    user = repo.get_user(session=session, sender_id=sender_id)
    if user is None:
        return None
    links = repo.links_for_user(session=session, user_id=user.id)
    if link_id is None:
        return links[0] if len(links) == 1 else None
    return next((link for link in links if link.id == link_id), None)


def _view(session: Session, link: TherapistLink) -> LinkView:
    therapist = repo.get_therapist(session=session, therapist_id=link.therapist_id)
    return LinkView(
        link_id=link.id,
        therapist=therapist.name if therapist is not None else "",
        scope=link.scope,
        risk_alerts=bool(link.risk_alerts),
        consented_at=link.consented_at,
    )


def _record(session: Session, link: TherapistLink, *, scope: str, risk_alerts: bool) -> None:
    now = utcnow()
    link.scope = scope if scope != REVOKED else SCOPE_NONE
    link.risk_alerts = risk_alerts
    link.consent_version = CONSENT_WORDING_VERSION
    link.consented_at = now
    if scope == REVOKED:
        link.revoked_at = now
    repo.add_consent_record(
        session=session,
        link=link,
        scope=scope,
        risk_alerts=risk_alerts,
        wording_version=CONSENT_WORDING_VERSION,
        at=now,
    )


def choose_scope(*, sender_id: str, link_id: int | None, scope: str) -> LinkView | None:
    """Set what this therapist sees; "none" also turns risk alerts off. None: no such link."""
    if scope not in CONSENT_SCOPES:
        raise ValueError(f"unknown scope {scope!r}")
    with unit_of_work() as session:
        link = _live_link(session, sender_id=sender_id, link_id=link_id)
        if link is None:
            return None
        alerts = bool(link.risk_alerts) and scope != SCOPE_NONE
        _record(session, link, scope=scope, risk_alerts=alerts)
        return _view(session, link)


def choose_risk_alerts(*, sender_id: str, link_id: int | None, alerts: bool) -> LinkView | None:
    """Turn risk alerts to this therapist on or off, keeping the scope. None: no such link."""
    with unit_of_work() as session:
        link = _live_link(session, sender_id=sender_id, link_id=link_id)
        if link is None:
            return None
        _record(session, link, scope=link.scope, risk_alerts=alerts)
        return _view(session, link)


def revoke(*, sender_id: str, link_id: int | None) -> list[str]:
    """Stop sharing at once with one therapist (or, with no id, all); their names."""
    with unit_of_work() as session:
        user = repo.get_user(session=session, sender_id=sender_id)
        if user is None:
            return []
        links = [
            link
            for link in repo.links_for_user(session=session, user_id=user.id)
            if link_id is None or link.id == link_id
        ]
        names = []
        for link in links:
            _record(session, link, scope=REVOKED, risk_alerts=False)
            names.append(_view(session, link).therapist)
        return names


def live_links(*, sender_id: str) -> list[LinkView]:
    """The person's live links, oldest first, for "what does my therapist see?"."""
    with unit_of_work() as session:
        user = repo.get_user(session=session, sender_id=sender_id)
        if user is None:
            return []
        links = repo.links_for_user(session=session, user_id=user.id)
        return [_view(session, link) for link in links]


def link_view(*, sender_id: str, link_id: int | None) -> LinkView | None:
    """One of the person's live links (their only one when no id is given)."""
    with unit_of_work() as session:
        link = _live_link(session, sender_id=sender_id, link_id=link_id)
        return None if link is None else _view(session, link)


_ANSWERS_WORDS = ("answer", "written", "writing", "word for word", "everything", "all of it")
_SUMMARY_WORDS = ("summar", "score", "only the numbers", "just the numbers")
_NONE_WORDS = ("not now", "nothing", "none", "not yet", "don't share", "do not share", "later")


def read_scope_choice(text: str) -> str | None:
    """The sharing choice in a typed reply ("just scores and summaries"), or None.

    Checked in order from the narrowest wish: "nothing for now" before
    "answers", and "scores only" before "answers", so a reply is never read as
    sharing more than it says.
    """
    lowered = " ".join(text.lower().split())
    if any(word in lowered for word in _NONE_WORDS):
        return SCOPE_NONE
    narrow = " only" in f" {lowered}" or "just" in lowered
    if narrow and any(word in lowered for word in _SUMMARY_WORDS):
        return "summaries"
    if any(word in lowered for word in _ANSWERS_WORDS):
        return "answers"
    if any(word in lowered for word in _SUMMARY_WORDS):
        return "summaries"
    return None
