"""Every route the portal adds to the web process, and the client's join link."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.invite_codes import display
from bot.portal import account_pages, auth_pages, client_pages, invites
from bot.portal.throttle import Throttle
from bot.portal.web import NO_STORE, TEMPLATES, Portal
from bot.settings import Settings


def portal_routes(settings: Settings, throttle: Throttle | None = None) -> list[Route]:
    portal = Portal(settings, throttle)

    async def join(request: Request) -> Response:
        """Open the chat and send the code, as if the client had typed it.

        The code is not looked up here (the chat side redeems it and throttles
        guesses), so this page tells nobody whether a code exists.
        """
        code = invites.join_code(request.path_params["code"])
        status = 200 if code else 404
        values = {
            "code": display(code) if code else None,
            "rasa_url": settings.public_rasa_url,
            "join_message": invites.join_message(code) if code else "",
        }
        headers = {**NO_STORE, "Referrer-Policy": "no-referrer"}
        return TEMPLATES.TemplateResponse(
            request, "portal/join.html", values, status_code=status, headers=headers
        )

    return [
        *auth_pages.routes(portal),
        *client_pages.routes(portal),
        *account_pages.routes(portal),
        Route("/join/{code}", join),
    ]
