"""The portal's session: a signed cookie (itsdangerous) holding no client data.

The cookie carries the therapist's id, how far sign-in got (``password`` while
the second factor is awaited, ``in`` when done), the password time it was issued
for (so a password change or reset ends every other session), and the CSRF token
that every form must echo back. HttpOnly, SameSite=Strict, Secure in production.
"""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import asdict, dataclass, replace
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from bot.settings import Settings

COOKIE = "sb_portal"
MAX_AGE = 8 * 60 * 60  # a working day; then sign in again
SECOND_FACTOR_SECONDS = 5 * 60  # between the password and the code


@dataclass(frozen=True)
class PortalSession:
    csrf: str
    therapist_id: int | None = None
    stage: str = "out"  # out | password | in
    password_time: float = 0.0
    since: float = 0.0

    @classmethod
    def fresh(cls) -> PortalSession:
        return cls(csrf=secrets.token_urlsafe(24))

    def signed_in_as(self, therapist_id: int, password_time: float, stage: str) -> PortalSession:
        """A new session (new CSRF token) for the next step of sign-in."""
        return PortalSession(
            csrf=secrets.token_urlsafe(24),
            therapist_id=therapist_id,
            stage=stage,
            password_time=password_time,
            since=time.time(),
        )

    def with_password_time(self, password_time: float) -> PortalSession:
        return replace(self, password_time=password_time)

    def csrf_ok(self, token: object) -> bool:
        return isinstance(token, str) and hmac.compare_digest(token, self.csrf)


class CookieJar:
    """Reads and writes the session cookie with the app's secret key."""

    def __init__(self, settings: Settings) -> None:
        self.serializer = URLSafeTimedSerializer(settings.secret_key, salt="securebase-portal")
        self.secure = settings.production

    def load(self, request: Request) -> PortalSession:
        raw = request.cookies.get(COOKIE)
        if not raw:
            return PortalSession.fresh()
        try:
            data: dict[str, Any] = self.serializer.loads(raw, max_age=MAX_AGE)
            found = PortalSession(**data)
        except (BadSignature, TypeError, ValueError):
            return PortalSession.fresh()
        if found.stage == "password" and time.time() - found.since > SECOND_FACTOR_SECONDS:
            return PortalSession.fresh()
        return found

    def save(self, response: Response, session: PortalSession) -> None:
        response.set_cookie(
            COOKIE,
            self.serializer.dumps(asdict(session)),
            max_age=MAX_AGE,
            path="/portal",
            httponly=True,
            samesite="strict",
            secure=self.secure,
        )
