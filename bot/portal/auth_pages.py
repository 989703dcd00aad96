"""Signing in (password, then the authenticator code when it is on) and out."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from bot.portal import accounts
from bot.portal.cookies import PortalSession
from bot.portal.web import Context, Form, Portal, client_address, password_time

WRONG = "That email and password did not match an account. Please try again."
WRONG_CODE = "That code did not work. Codes change every 30 seconds; please try the current one."
THROTTLED = (
    "There have been several unsuccessful sign-in attempts, so signing in is paused for a few"
    " minutes to keep the account safe. Please wait a little and try again."
)


def _home() -> Response:
    return RedirectResponse("/portal/clients", status_code=303)


def sign_in(request: Request, form: Form, ctx: Context) -> Response:
    if ctx.therapist is not None:
        return _home()
    if request.method == "GET":
        return ctx.render(request, "portal/sign_in.html", email="")
    email = form.get("email", "").strip().lower()[:320]
    throttle = ctx.portal.throttle
    where = client_address(request)
    if throttle.blocked(account=email, address=where):
        return ctx.render(request, "portal/sign_in.html", status=429, email=email, error=THROTTLED)
    therapist = accounts.authenticate(
        session=ctx.db, email=email, password=form.get("password", "")
    )
    if therapist is None:
        throttle.failed(account=email, address=where)
        return ctx.render(request, "portal/sign_in.html", status=401, email=email, error=WRONG)
    stage = "password" if therapist.totp_enabled else "in"
    ctx.session = ctx.session.signed_in_as(therapist.id, password_time(therapist), stage)
    if stage == "password":
        return RedirectResponse("/portal/sign-in/code", status_code=303)
    throttle.succeeded(account=email)
    return _home()


def second_factor(request: Request, form: Form, ctx: Context) -> Response:
    therapist = ctx.therapist
    assert therapist is not None
    if request.method == "GET":
        return ctx.render(request, "portal/code.html")
    throttle = ctx.portal.throttle
    where = client_address(request)
    if throttle.blocked(account=therapist.email, address=where):
        return ctx.render(request, "portal/code.html", status=429, error=THROTTLED)
    if not accounts.check_second_factor(
        session=ctx.db, therapist=therapist, typed=form.get("code", "")
    ):
        throttle.failed(account=therapist.email, address=where)
        return ctx.render(request, "portal/code.html", status=401, error=WRONG_CODE)
    throttle.succeeded(account=therapist.email)
    ctx.session = ctx.session.signed_in_as(therapist.id, password_time(therapist), "in")
    return _home()


def sign_out(request: Request, form: Form, ctx: Context) -> Response:
    ctx.session = PortalSession.fresh()
    ctx.therapist = None
    return ctx.render(request, "portal/sign_in.html", email="", notice="You are signed out.")


def index(request: Request, form: Form, ctx: Context) -> Response:
    return _home() if ctx.therapist else RedirectResponse("/portal/sign-in", status_code=303)


def routes(portal: Portal) -> list[Route]:
    return [
        Route("/portal", portal.page(index, who="any")),
        Route("/portal/sign-in", portal.page(sign_in, who="any"), methods=["GET", "POST"]),
        Route(
            "/portal/sign-in/code",
            portal.page(second_factor, who="password"),
            methods=["GET", "POST"],
        ),
        Route("/portal/sign-out", portal.page(sign_out, who="any"), methods=["POST"]),
    ]
