"""Starlette application for the web process."""

from __future__ import annotations

from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from bot.settings import Settings, get_settings

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self' {rasa} {rasa_ws}; frame-ancestors 'self'; base-uri 'none'; "
    "form-action 'self'"
)


def create_app(settings: Settings | None = None) -> Starlette:
    """Build the app; settings are injected so tests can point it anywhere."""
    settings = settings or get_settings()
    rasa_url = settings.rasa_url

    async def landing(request: Request) -> Response:
        response = templates.TemplateResponse(
            request, "index.html", {"rasa_url": rasa_url, "settings": settings}
        )
        response.headers["Content-Security-Policy"] = CSP.format(
            rasa=rasa_url, rasa_ws=rasa_url.replace("http", "ws", 1)
        )
        return response

    async def health(request: Request) -> Response:
        """Liveness of this process plus a quick look at the Rasa server behind it."""
        try:
            async with httpx.AsyncClient(timeout=2.0) as client:
                reply = await client.get(f"{rasa_url}/")
            rasa_ok = reply.status_code == 200
        except httpx.HTTPError:
            rasa_ok = False
        status = 200 if rasa_ok else 503
        return JSONResponse({"web": "ok", "rasa": "ok" if rasa_ok else "unreachable"}, status)

    routes = [
        Route("/", landing),
        Route("/health", health),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    return Starlette(routes=routes)
