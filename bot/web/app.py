"""Starlette application for the web process: landing page, chat widget, crisis help,
and the therapist portal (``bot.portal``)."""

from __future__ import annotations

from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from bot.portal.routes import portal_routes
from bot.settings import Settings, get_settings
from bot.supervision.status import read_status
from bot.web.crisis import crisis_payload, pick_region
from bot.web.security import SecurityHeaders

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
# socket.io-client is installed from the npm registry by scripts/build-widget.sh.
SOCKET_IO_DIST = HERE / "node_modules" / "socket.io-client" / "dist"
templates = Jinja2Templates(directory=str(HERE / "templates"))

JS = "text/javascript; charset=utf-8"
# Browsers revalidate (cheap, ETag) so a new widget reaches every embedding site at once.
REVALIDATE = {"Cache-Control": "no-cache"}


def create_app(settings: Settings | None = None) -> Starlette:
    """Build the app; settings are injected so tests can point it anywhere."""
    settings = settings or get_settings()
    rasa_url = settings.public_rasa_url

    async def landing(request: Request) -> Response:
        crisis = crisis_payload(settings.crisis_region)
        return templates.TemplateResponse(
            request, "index.html", {"rasa_url": rasa_url, "settings": settings, "crisis": crisis}
        )

    async def help_page(request: Request) -> Response:
        """Crisis resources as a plain page: works without JavaScript and without Rasa."""
        region = pick_region(request.query_params.get("region"), settings.crisis_region)
        return templates.TemplateResponse(request, "help.html", {"crisis": crisis_payload(region)})

    async def crisis_json(request: Request) -> Response:
        """What the widget's "Get help now" shows; readable by the sites that embed it."""
        region = pick_region(request.query_params.get("region"), settings.crisis_region)
        headers = {"Cache-Control": "public, max-age=3600", "Vary": "Origin"}
        origin = request.headers.get("origin")
        if origin and origin in settings.web_origins:
            headers["Access-Control-Allow-Origin"] = origin
        return JSONResponse(crisis_payload(region), headers=headers)

    async def widget_js(request: Request) -> Response:
        return FileResponse(STATIC / "widget.js", media_type=JS, headers=REVALIDATE)

    async def widget_css(request: Request) -> Response:
        return FileResponse(STATIC / "widget.css", media_type="text/css", headers=REVALIDATE)

    async def socket_io_client(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in {"socket.io.min.js", "socket.io.min.js.map"}:
            return PlainTextResponse("Not found", status_code=404)
        path = SOCKET_IO_DIST / name
        if not path.is_file():
            return PlainTextResponse(
                "socket.io-client is not installed; run scripts/build-widget.sh", status_code=503
            )
        media = JS if name.endswith(".js") else "application/json"
        cache = {"Cache-Control": "public, max-age=86400"}
        return FileResponse(path, media_type=media, headers=cache)

    async def health(request: Request) -> Response:
        """Liveness of this process, a quick look at Rasa, and, under `make run`, what the
        launcher knows: each process up or restarting, and its restarts in the last hour."""
        try:
            async with httpx.AsyncClient(timeout=2.0) as client:
                reply = await client.get(f"{settings.rasa_url}/")
            rasa_ok = reply.status_code == 200
        except httpx.HTTPError:
            rasa_ok = False
        status = 200 if rasa_ok else 503
        body: dict[str, object] = {"web": "ok", "rasa": "ok" if rasa_ok else "unreachable"}
        supervised = read_status(settings.status_path) if settings.status_file else None
        if supervised is not None:
            body.update(supervised)
        return JSONResponse(body, status)

    routes = [
        Route("/", landing),
        Route("/help", help_page),
        Route("/health", health),
        Route("/crisis-resources.json", crisis_json),
        Route("/widget.js", widget_js),
        Route("/widget.css", widget_css),
        Route("/widget/{name}", socket_io_client),
        Mount("/static", StaticFiles(directory=str(STATIC)), name="static"),
        *portal_routes(settings),
    ]
    return Starlette(routes=routes, middleware=[Middleware(SecurityHeaders, rasa_url=rasa_url)])
