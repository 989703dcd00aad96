"""Invites from the portal and the join link that opens the chat with the code."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from bot.ids import INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH
from bot.storage.db import session_scope
from bot.storage.models import Invite, utcnow
from tests.portal.conftest import Running, post_form, sign_in

CODE = re.compile(r'Code: <strong class="code">([A-Z0-9]{4})-([A-Z0-9]{4})</strong>')


def _create(client: object, label: str) -> str:
    response = post_form(client, "/portal/invites", "/portal/invites", {"label": label})  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    match = CODE.search(response.text)
    assert match
    return match.group(1) + match.group(2)


def test_invite__gives_a_readable_single_use_code_and_a_join_link(portal: Running) -> None:
    with portal.client() as a:
        sign_in(a, portal.seeded.email_a)
        response = post_form(a, "/portal/invites", "/portal/invites", {"label": "  J.D.  "})
    match = CODE.search(response.text)
    assert match
    shown = f"{match.group(1)}-{match.group(2)}"
    code = match.group(1) + match.group(2)
    assert len(code) == INVITE_CODE_LENGTH and set(code) <= set(INVITE_CODE_ALPHABET)
    assert any(c.isdigit() for c in code) and any(c.isalpha() for c in code)
    assert f"{portal.url}/join/{shown}" in response.text
    assert "I have a code from my therapist: " + shown in response.text
    with session_scope(portal.db_url) as db:
        invite = db.execute(select(Invite).where(Invite.code == code)).scalar_one()
        assert invite.therapist_id == portal.seeded.therapist_a and invite.label == "J.D."
        assert invite.used_at is None
        lifetime = invite.expires_at - invite.created_at
        assert timedelta(days=13, hours=23) < lifetime <= timedelta(days=14)


def test_invites__codes_differ_and_the_list_shows_pending_used_and_expired(
    portal: Running,
) -> None:
    with portal.client() as a:
        sign_in(a, portal.seeded.email_a)
        codes = [_create(a, label) for label in ("P.1", "U.2", "E.3")]
        assert len(set(codes)) == 3
        with session_scope(portal.db_url) as db:
            rows = {i.label: i for i in db.execute(select(Invite)).scalars()}
            rows["U.2"].used_at = utcnow()
            rows["E.3"].expires_at = utcnow() - timedelta(minutes=1)
        page = a.get("/portal/invites").text
    status = dict(re.findall(r'<tr class="invite-(\w+)"><th scope="row">([^<]+)</th>', page))
    assert status == {"pending": "P.1", "used": "U.2", "expired": "E.3"}


def test_invites__are_private_to_the_therapist_who_made_them(portal: Running) -> None:
    with portal.client() as a, portal.client() as b:
        sign_in(a, portal.seeded.email_a)
        sign_in(b, portal.seeded.email_b)
        code = _create(a, "Secret label")
        page = b.get("/portal/invites").text
    assert f"{code[:4]}-{code[4:]}" not in page and "Secret label" not in page


def test_invite__without_a_label_gets_a_kind_message(portal: Running) -> None:
    with portal.client() as a:
        sign_in(a, portal.seeded.email_a)
        response = post_form(a, "/portal/invites", "/portal/invites", {"label": "   "})
    assert response.status_code == 400 and "Please give the invite a label" in response.text


def test_join_link__opens_the_widget_set_to_say_the_code(portal: Running) -> None:
    with portal.client() as client:
        page = client.get("/join/abcd-efgh")
    assert page.status_code == 200
    tags = re.findall(r"<script\b[^>]*>", page.text)
    assert len(tags) == 1 and 'src="/widget.js"' in tags[0]
    assert 'data-join-message="I have a code from my therapist: ABCD-EFGH"' in tags[0]
    assert 'data-open="true"' in tags[0] and 'data-initial-message=""' in tags[0]
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_join_link__a_code_that_cannot_exist_gets_a_kind_page_and_no_widget(
    portal: Running,
) -> None:
    with portal.client() as client:
        for bad in ("0OIL1234", "short", "ABCDEFGHJ", "%3Cscript%3E"):
            page = client.get(f"/join/{bad}")
            assert page.status_code == 404, bad
            assert "does not contain a valid invite code" in page.text
            assert "<script" not in page.text
