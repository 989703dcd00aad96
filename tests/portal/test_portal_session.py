"""The session cookie and settings, in-process (production mode needs HTTPS)."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from itsdangerous import URLSafeTimedSerializer
from starlette.testclient import TestClient

from bot.portal.cookies import COOKIE, SECOND_FACTOR_SECONDS
from bot.portal.web import password_time
from bot.settings import Settings, SettingsError
from bot.storage.migrate import upgrade
from bot.storage.models import Therapist
from bot.web.app import create_app
from tests.portal.conftest import CSRF
from tests.support.portal import PASSWORD, seed

SECRET = "a-production-secret-of-more-than-32-characters"


def _app(tmp_path: Path, **changes: object) -> tuple[TestClient, Settings]:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade(url)
    seed(url)
    settings = Settings(database_url=url, secret_key=SECRET, **changes)  # type: ignore[arg-type]
    return TestClient(create_app(settings), base_url="https://testserver"), settings


def test_production_mode__the_session_cookie_is_secure(tmp_path: Path) -> None:
    client, _ = _app(tmp_path, mode="production")
    cookie = client.get("/portal/sign-in").headers["set-cookie"].lower()
    assert "secure" in cookie and "httponly" in cookie and "samesite=strict" in cookie


def test_cookie__signed_with_another_key_is_ignored(tmp_path: Path) -> None:
    client, _ = _app(tmp_path)
    forged = URLSafeTimedSerializer("not-our-key", salt="securebase-portal").dumps(
        {"csrf": "x", "therapist_id": 1, "stage": "in", "password_time": 0.0, "since": 0.0}
    )
    client.cookies.set(COOKIE, forged, domain="testserver", path="/portal")
    assert client.get("/portal/clients", follow_redirects=False).status_code == 303


def test_cookie__a_half_finished_two_factor_sign_in_expires(tmp_path: Path) -> None:
    client, settings = _app(tmp_path)
    serializer = URLSafeTimedSerializer(settings.secret_key, salt="securebase-portal")
    stale = serializer.dumps(
        {"csrf": "x", "therapist_id": 1, "stage": "password", "password_time": 0.0,
         "since": time.time() - SECOND_FACTOR_SECONDS - 1}
    )
    client.cookies.set(COOKIE, stale, domain="testserver", path="/portal")
    page = client.get("/portal/sign-in/code", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/portal/sign-in"


def test_sign_in__works_in_process_too(tmp_path: Path) -> None:
    client, _ = _app(tmp_path)
    token = CSRF.search(client.get("/portal/sign-in").text)
    assert token
    response = client.post(
        "/portal/sign-in",
        data={"csrf": token.group(1), "email": "ada@clinic.example", "password": PASSWORD},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/portal/clients"


@pytest.mark.parametrize(("raw", "expected"), [("", False), ("true", True), ("0", False),
                                               ("YES", True)])
def test_settings__portal_require_totp_is_a_flag(raw: str, expected: bool) -> None:
    env = {"PORTAL_REQUIRE_TOTP": raw}
    assert Settings.from_env(env).portal_require_totp is expected


def test_settings__portal_require_totp_refuses_other_words() -> None:
    with pytest.raises(SettingsError, match="PORTAL_REQUIRE_TOTP"):
        Settings.from_env({"PORTAL_REQUIRE_TOTP": "maybe"})


def test_templates__every_post_form_carries_the_csrf_token() -> None:
    folder = Path(__file__).resolve().parents[2] / "bot" / "portal" / "templates" / "portal"
    forms = 0
    for template in folder.glob("*.html"):
        for form in re.findall(r"<form\b[^>]*>.*?</form>", template.read_text(), re.S):
            forms += 1
            assert 'method="post"' in form, template.name
            assert 'name="csrf" value="{{ csrf }}"' in form, template.name
    assert forms >= 9  # sign in, code, sign out, invite, assign, password, 2FA x3


def test_password_time__is_the_same_instant_from_sqlite_and_postgresql() -> None:
    utc = datetime(2026, 11, 30, 6, 0, 0, tzinfo=timezone.utc)
    naive = Therapist(password_changed_at=utc.replace(tzinfo=None))  # SQLite
    zoned = Therapist(password_changed_at=utc.astimezone(timezone(timedelta(hours=2))))
    assert password_time(naive) == password_time(zoned) == utc.timestamp()
