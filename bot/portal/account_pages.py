"""The therapist's own account: password and two-factor sign-in."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.portal import accounts, passwords, totp
from bot.portal.web import Context, Form, Portal, password_time


def _account(request: Request, ctx: Context, status: int = 200, **values: object) -> Response:
    therapist = ctx.therapist
    assert therapist is not None
    enrolling = None
    if not therapist.totp_enabled and therapist.totp_secret:
        uri = totp.provisioning_uri(therapist.totp_secret, therapist.email)
        enrolling = {"qr": totp.qr_svg(uri), "key": totp.grouped(therapist.totp_secret)}
    return ctx.render(
        request,
        "portal/account.html",
        status=status,
        enrolling=enrolling,
        recovery_left=len(therapist.recovery_codes or []),
        **values,
    )


def account(request: Request, form: Form, ctx: Context) -> Response:
    return _account(request, ctx)


def change_password(request: Request, form: Form, ctx: Context) -> Response:
    therapist = ctx.therapist
    assert therapist is not None
    problem = accounts.change_password(
        session=ctx.db,
        therapist=therapist,
        current=form.get("current", ""),
        new=form.get("new", ""),
        repeated=form.get("repeat", ""),
    )
    if problem:
        return _account(request, ctx, status=400, password_error=problem)
    # This session stays signed in; every other one ends with the old password time.
    ctx.session = ctx.session.with_password_time(password_time(therapist))
    return _account(request, ctx, notice="Your password is changed.")


def start_two_factor(request: Request, form: Form, ctx: Context) -> Response:
    therapist = ctx.therapist
    assert therapist is not None
    if not therapist.totp_enabled:
        accounts.start_two_factor(session=ctx.db, therapist=therapist)
    return _account(request, ctx)


def confirm_two_factor(request: Request, form: Form, ctx: Context) -> Response:
    therapist = ctx.therapist
    assert therapist is not None
    codes = accounts.confirm_two_factor(
        session=ctx.db, therapist=therapist, code=form.get("code", "")
    )
    if codes is None:
        return _account(
            request,
            ctx,
            status=400,
            totp_error="That code did not match. Check the app shows SecureBase and try the"
            " current code.",
        )
    return _account(request, ctx, recovery_codes=codes, notice="Two-factor sign-in is on.")


def disable_two_factor(request: Request, form: Form, ctx: Context) -> Response:
    therapist = ctx.therapist
    assert therapist is not None
    if ctx.portal.settings.portal_require_totp:
        return _account(
            request,
            ctx,
            status=400,
            totp_error="Two-factor sign-in is required here and cannot be switched off.",
        )
    if not passwords.verify_secret(therapist.password_hash, form.get("password", "")):
        return _account(
            request,
            ctx,
            status=400,
            totp_error="Your password did not match. Two-factor sign-in stays on.",
        )
    accounts.disable_two_factor(session=ctx.db, therapist=therapist)
    return _account(request, ctx, notice="Two-factor sign-in is off.")


def routes(portal: Portal) -> list[Route]:
    return [
        Route("/portal/account", portal.page(account)),
        Route("/portal/account/password", portal.page(change_password), methods=["POST"]),
        Route("/portal/account/2fa/start", portal.page(start_two_factor), methods=["POST"]),
        Route("/portal/account/2fa/confirm", portal.page(confirm_two_factor), methods=["POST"]),
        Route("/portal/account/2fa/disable", portal.page(disable_two_factor), methods=["POST"]),
    ]
