"""Signing in to the portal over HTTP against the real web process."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import httpx
import pyotp
import pytest

from bot.storage.db import session_scope
from bot.storage.models import Therapist
from tests.portal.conftest import Running, csrf_of, post_form, sign_in
from tests.support.portal import PASSWORD

KEY = re.compile(r'id="totp-key">([A-Z2-7 ]+)<')


def test_sign_in__right_password_opens_the_client_list(portal: Running) -> None:
    with portal.client() as client:
        response = sign_in(client, portal.seeded.email_a)
        assert response.status_code == 303 and response.headers["location"] == "/portal/clients"
        page = client.get("/portal/clients")
        assert page.status_code == 200 and "Your clients" in page.text and "A.W." in page.text


def test_sign_in__cookie_is_http_only_strict_and_scoped_to_the_portal(portal: Running) -> None:
    with portal.client() as client:
        cookie = sign_in(client, portal.seeded.email_a).headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/portal" in cookie
    assert "secure" not in cookie  # local mode over plain HTTP; production adds Secure


def test_sign_in__email_is_matched_without_regard_to_case_or_spaces(portal: Running) -> None:
    with portal.client() as client:
        response = sign_in(client, "  ADA@Clinic.Example ")
        assert response.headers.get("location") == "/portal/clients"


def test_sign_in__wrong_password_or_unknown_email_get_the_same_calm_answer(
    portal: Running,
) -> None:
    with portal.client() as client:
        wrong = sign_in(client, portal.seeded.email_a, "not the password at all")
        unknown = sign_in(client, "nobody@clinic.example", PASSWORD)
        assert wrong.status_code == unknown.status_code == 401
        assert "did not match an account" in wrong.text
        assert "did not match an account" in unknown.text
        assert client.get("/portal/clients").status_code == 303


def test_pages__without_signing_in_redirect_to_sign_in(portal: Running) -> None:
    with portal.client() as client:
        for path in ("/portal/clients", "/portal/invites", "/portal/account",
                     f"/portal/clients/{portal.seeded.links['A.W.']}",
                     f"/portal/clients/{portal.seeded.links['A.W.']}/export.json"):
            response = client.get(path)
            assert response.status_code == 303, path
            assert response.headers["location"] == "/portal/sign-in", path


def test_throttle__five_wrong_passwords_pause_the_account_even_for_the_right_one(
    portal: Running,
) -> None:
    with portal.client() as client:
        for _ in range(5):
            assert sign_in(client, portal.seeded.email_a, "wrong guess 123").status_code == 401
        paused = sign_in(client, portal.seeded.email_a, PASSWORD)
        assert paused.status_code == 429
        assert "paused for a few minutes" in paused.text and "Please wait" in paused.text
        assert client.get("/portal/clients").status_code == 303
        # Another account from the same address is not paused by these five.
        assert sign_in(client, portal.seeded.email_b).status_code == 303


def test_throttle__many_failures_from_one_address_pause_every_account_from_it(
    portal: Running,
) -> None:
    with portal.client() as client:
        for n in range(20):
            assert sign_in(client, f"guess{n}@clinic.example", "wrong guess 123").status_code == 401
        assert sign_in(client, portal.seeded.email_b).status_code == 429


def test_csrf__a_form_without_the_token_is_refused_and_changes_nothing(portal: Running) -> None:
    with portal.client() as client:
        sign_in(client, portal.seeded.email_a)
        missing = client.post("/portal/invites", data={"label": "X.Y."})
        forged = client.post("/portal/invites", data={"label": "X.Y.", "csrf": "forged"})
        assert missing.status_code == forged.status_code == 403
        assert "Nothing was changed" in missing.text
        assert "X.Y." not in client.get("/portal/invites").text
        # Even signing in needs the token, so a foreign page cannot sign someone in.
    with httpx.Client(base_url=portal.url) as fresh:
        refused = fresh.post(
            "/portal/sign-in", data={"email": portal.seeded.email_a, "password": PASSWORD}
        )
        assert refused.status_code == 403


def test_csrf__a_token_from_another_session_does_not_work(portal: Running) -> None:
    with portal.client() as one, portal.client() as other:
        sign_in(one, portal.seeded.email_a)
        sign_in(other, portal.seeded.email_a)
        stolen = csrf_of(other.get("/portal/invites"))
        response = one.post("/portal/invites", data={"label": "Z.Z.", "csrf": stolen})
        assert response.status_code == 403


def test_sign_out__ends_the_session(portal: Running) -> None:
    with portal.client() as client:
        sign_in(client, portal.seeded.email_a)
        response = post_form(client, "/portal/clients", "/portal/sign-out", {})
        assert response.status_code == 200 and "You are signed out" in response.text
        assert client.get("/portal/clients").status_code == 303


def test_password_change__keeps_this_session_and_ends_the_others(portal: Running) -> None:
    new = "a much longer new password"
    with portal.client() as here, portal.client() as elsewhere:
        sign_in(here, portal.seeded.email_a)
        sign_in(elsewhere, portal.seeded.email_a)
        short = post_form(here, "/portal/account", "/portal/account/password",
                          {"current": PASSWORD, "new": "short", "repeat": "short"})
        assert short.status_code == 400 and "at least 12 characters" in short.text
        changed = post_form(here, "/portal/account", "/portal/account/password",
                            {"current": PASSWORD, "new": new, "repeat": new})
        assert changed.status_code == 200 and "Your password is changed" in changed.text
        assert here.get("/portal/clients").status_code == 200
        assert elsewhere.get("/portal/clients").status_code == 303
    with portal.client() as client:
        assert sign_in(client, portal.seeded.email_a).status_code == 401
        assert sign_in(client, portal.seeded.email_a, new).status_code == 303


def test_disabled_account__cannot_sign_in_and_its_session_ends(portal: Running) -> None:
    with portal.client() as client:
        sign_in(client, portal.seeded.email_a)
        with session_scope(portal.db_url) as db:
            db.get(Therapist, portal.seeded.therapist_a).disabled = True
        assert client.get("/portal/clients").status_code == 303
        assert sign_in(client, portal.seeded.email_a).status_code == 401


def _enrol(client: httpx.Client) -> tuple[str, list[str]]:
    """Switch two-factor on from the account page; returns the key and recovery codes."""
    started = post_form(client, "/portal/account", "/portal/account/2fa/start", {})
    assert started.status_code == 200 and "<svg" in started.text  # the QR code, inline
    match = KEY.search(started.text)
    assert match, "the key is shown for typing by hand"
    secret = match.group(1).replace(" ", "")
    wrong = post_form(client, "/portal/account", "/portal/account/2fa/confirm", {"code": "000000"})
    assert wrong.status_code == 400 and "did not match" in wrong.text
    confirmed = post_form(client, "/portal/account", "/portal/account/2fa/confirm",
                          {"code": pyotp.TOTP(secret).now()})
    assert confirmed.status_code == 200 and "Two-factor sign-in is on" in confirmed.text
    codes = re.findall(r'<li class="code">([A-Z0-9-]+)</li>', confirmed.text)
    assert len(codes) == 10
    return secret, codes


def test_totp__enrolment_then_sign_in_asks_for_the_code(portal: Running) -> None:
    with portal.client() as client:
        sign_in(client, portal.seeded.email_a)
        secret, _ = _enrol(client)
    with portal.client() as client:
        response = sign_in(client, portal.seeded.email_a)
        assert response.headers["location"] == "/portal/sign-in/code"
        # Password alone does not open anything.
        assert client.get("/portal/clients").status_code == 303
    with portal.client() as client:
        sign_in(client, portal.seeded.email_a)
        wrong = post_form(client, "/portal/sign-in/code", "/portal/sign-in/code",
                          {"code": "123456"})
        assert wrong.status_code == 401 and "did not work" in wrong.text
        # The next 30-second step is accepted (a clock slightly ahead) ...
        code = pyotp.TOTP(secret).at(time.time() + 30)
        ok = post_form(client, "/portal/sign-in/code", "/portal/sign-in/code", {"code": code})
        assert ok.headers.get("location") == "/portal/clients"
        assert client.get("/portal/clients").status_code == 200
    with portal.client() as client:
        # ... once: the same code replayed is refused.
        sign_in(client, portal.seeded.email_a)
        replay = post_form(client, "/portal/sign-in/code", "/portal/sign-in/code", {"code": code})
        assert replay.status_code == 401


def test_totp__a_recovery_code_works_once(portal: Running) -> None:
    with portal.client() as client:
        sign_in(client, portal.seeded.email_a)
        _, codes = _enrol(client)
    with portal.client() as client:
        sign_in(client, portal.seeded.email_a)
        used = post_form(client, "/portal/sign-in/code", "/portal/sign-in/code",
                         {"code": codes[3].lower()})
        assert used.headers.get("location") == "/portal/clients"
        assert "9 recovery codes left" in client.get("/portal/account").text
    with portal.client() as client:
        sign_in(client, portal.seeded.email_a)
        again = post_form(client, "/portal/sign-in/code", "/portal/sign-in/code",
                          {"code": codes[3]})
        assert again.status_code == 401
    with session_scope(portal.db_url) as db:
        stored = db.get(Therapist, portal.seeded.therapist_a).recovery_codes
        assert len(stored) == 9 and all(h.startswith("$argon2id$") for h in stored)
        assert not any(code.replace("-", "") in h for code in codes for h in stored)


def test_totp__wrong_codes_are_throttled_too(portal: Running) -> None:
    with portal.client() as client:
        sign_in(client, portal.seeded.email_a)
        _enrol(client)
    with portal.client() as client:
        sign_in(client, portal.seeded.email_a)
        for _ in range(5):
            post_form(client, "/portal/sign-in/code", "/portal/sign-in/code", {"code": "111111"})
        paused = post_form(client, "/portal/sign-in/code", "/portal/sign-in/code",
                           {"code": "222222"})
        assert paused.status_code == 429 and "paused" in paused.text


def test_required_totp__an_account_without_it_sees_only_the_account_page(
    portal_with: Callable[[dict[str, str]], Running],
) -> None:
    running = portal_with({"PORTAL_REQUIRE_TOTP": "true"})
    with running.client() as client:
        sign_in(client, running.seeded.email_a)
        assert client.get("/portal/clients").headers["location"] == "/portal/account"
        assert client.get("/portal/invites").headers["location"] == "/portal/account"
        account = client.get("/portal/account")
        assert "requires two-factor sign-in" in account.text
        _enrol(client)
        assert client.get("/portal/clients").status_code == 200
        assert "Switch two-factor sign-in off" not in client.get("/portal/account").text


@pytest.mark.parametrize("path", ["/portal/sign-in", "/portal/clients", "/portal/account"])
def test_portal_pages__use_the_landing_pages_strict_csp_and_are_not_cached(
    portal: Running, path: str
) -> None:
    with portal.client() as client:
        sign_in(client, portal.seeded.email_a)
        response = client.get(path)
        if response.status_code == 303:
            response = client.get(response.headers["location"])
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["cache-control"] == "no-store"
        assert "<script" not in response.text and " style=" not in response.text
