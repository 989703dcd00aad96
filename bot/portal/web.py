"""What every portal page shares: the database, the session cookie, CSRF, templates.

Handlers are plain functions ``(request, form, ctx) -> Response`` run in a
worker thread (argon2 and SQLite would otherwise stall the event loop). The
``page`` wrapper reads the form, rejects a POST without the session's CSRF
token, loads the signed-in therapist, enforces two-factor when the operator
requires it, and writes the cookie back.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timezone
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from bot.portal.cookies import CookieJar, PortalSession
from bot.portal.throttle import Throttle
from bot.portal.words import scope_words
from bot.settings import Settings
from bot.storage import portal_repo as repo
from bot.storage.db import session_scope
from bot.storage.models import Therapist

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
TEMPLATES.env.filters["scope_words"] = scope_words
TEMPLATES.env.filters["day"] = lambda value: value.strftime("%d %b %Y") if value else ""
TEMPLATES.env.filters["when"] = lambda value: value.strftime("%d %b %Y, %H:%M UTC") if value else ""
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
Form = dict[str, str]


@dataclass
class Context:
    """One request's view of the portal: its session, the therapist, the database."""

    portal: Portal
    session: PortalSession
    db: Session
    therapist: Therapist | None = None
    messages: list[str] = field(default_factory=list)

    def render(self, request: Request, name: str, status: int = 200, **values: Any) -> Response:
        values.update(
            csrf=self.session.csrf,
            therapist=self.therapist,
            require_totp=self.portal.settings.portal_require_totp,
        )
        return TEMPLATES.TemplateResponse(request, name, values, status_code=status)


Handler = Callable[[Request, Form, Context], Response]


class Portal:
    """Shared state of the portal in one web process."""

    def __init__(self, settings: Settings, throttle: Throttle | None = None) -> None:
        self.settings = settings
        self.cookies = CookieJar(settings)
        self.throttle = throttle or Throttle()

    @contextmanager
    def db(self) -> Iterator[Session]:
        with session_scope(self.settings.database_url) as session:
            yield session

    def therapist_for(self, db: Session, session: PortalSession) -> Therapist | None:
        """The account behind a session, if the session is still valid for it."""
        if session.therapist_id is None:
            return None
        therapist = repo.get_therapist(session=db, therapist_id=session.therapist_id)
        if therapist is None or therapist.disabled:
            return None
        if abs(password_time(therapist) - session.password_time) > 1e-3:
            return None  # password changed or reset since: this session has ended
        return therapist

    def page(
        self, handler: Handler, *, who: str = "in"
    ) -> Callable[[Request], Awaitable[Response]]:
        """Wrap ``handler``; ``who`` is "in" (signed in), "password" (awaiting code) or "any"."""

        async def endpoint(request: Request) -> Response:
            form: Form = {}
            if request.method == "POST":
                raw = await request.form()
                form = {k: v for k, v in raw.items() if isinstance(v, str)}
            return await run_in_threadpool(self._run, handler, who, request, form)

        return endpoint

    def _run(self, handler: Handler, who: str, request: Request, form: Form) -> Response:
        session = self.cookies.load(request)
        with self.db() as db:
            ctx = Context(self, session, db)
            response = self._guarded(handler, who, request, form, ctx)
        for name, value in NO_STORE.items():
            response.headers[name] = value
        self.cookies.save(response, ctx.session)
        return response

    def _guarded(
        self, handler: Handler, who: str, request: Request, form: Form, ctx: Context
    ) -> Response:
        if request.method == "POST" and not ctx.session.csrf_ok(form.get("csrf")):
            return ctx.render(request, "portal/expired.html", status=403)
        therapist = self.therapist_for(ctx.db, ctx.session)
        if who == "any":
            ctx.therapist = therapist if ctx.session.stage == "in" else None
            return handler(request, form, ctx)
        if therapist is None or ctx.session.stage != who:
            if ctx.session.therapist_id is not None:
                ctx.session = PortalSession.fresh()  # ended or half-finished: start over
            return RedirectResponse("/portal/sign-in", status_code=303)
        ctx.therapist = therapist
        needs_totp = self.settings.portal_require_totp and not therapist.totp_enabled
        if who == "in" and needs_totp and not request.url.path.startswith("/portal/account"):
            return RedirectResponse("/portal/account", status_code=303)
        return handler(request, form, ctx)


def password_time(therapist: Therapist) -> float:
    """The password's change time as a number, comparable across SQLite and PostgreSQL."""
    changed = therapist.password_changed_at
    if changed is None:
        return 0.0
    # SQLite gives naive UTC back, PostgreSQL an aware time in the session's zone.
    aware = changed if changed.tzinfo else changed.replace(tzinfo=timezone.utc)
    return aware.timestamp()


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"
