"""Client list, client page, JSON export, assignment form and invites.

Every client's data on these pages comes from ``bot.portal.access.read_client``;
a link id that is not the signed-in therapist's answers 404 like one that does
not exist.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from bot.content import load_catalog
from bot.invite_codes import display
from bot.portal import access, assignments, invites
from bot.portal.web import Context, Form, Portal


def _link_id(request: Request) -> int | None:
    raw = request.path_params.get("link_id", "")
    return int(raw) if raw.isdigit() and len(raw) < 12 else None


def _not_found(request: Request, ctx: Context) -> Response:
    return ctx.render(request, "portal/not_found.html", status=404)


def _me(ctx: Context) -> int:
    assert ctx.therapist is not None
    return int(ctx.therapist.id)


def client_list(request: Request, form: Form, ctx: Context) -> Response:
    clients = access.list_clients(ctx.db, therapist_id=_me(ctx))
    return ctx.render(request, "portal/clients.html", clients=clients)


def client_page(request: Request, form: Form, ctx: Context) -> Response:
    link_id = _link_id(request)
    try:
        if link_id is None:
            raise access.NotFound(link_id)
        view = access.read_client(ctx.db, therapist_id=_me(ctx), link_id=link_id, purpose="view")
    except access.NotFound:
        return _not_found(request, ctx)
    return ctx.render(request, "portal/client.html", client=view)


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def export(request: Request, form: Form, ctx: Context) -> Response:
    link_id = _link_id(request)
    try:
        if link_id is None:
            raise access.NotFound(link_id)
        view = access.read_client(ctx.db, therapist_id=_me(ctx), link_id=link_id, purpose="export")
    except access.NotFound:
        return _not_found(request, ctx)
    body = json.dumps(_plain(dataclasses.asdict(view)), indent=2, ensure_ascii=False)
    name = f"securebase-client-{view.link_id}.json"
    return Response(
        body,
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def assign(request: Request, form: Form, ctx: Context) -> Response:
    link_id = _link_id(request)
    try:
        if link_id is None:
            raise access.NotFound(link_id)
        view = access.read_client(ctx.db, therapist_id=_me(ctx), link_id=link_id, purpose="list")
    except access.NotFound:
        return _not_found(request, ctx)
    modules = [(tid, t.title) for tid, t in load_catalog().takeaways.items()]
    values: dict[str, Any] = {"client": view, "modules": modules, "form": form}
    if request.method == "GET" or view.scope == access.WITHDRAWN:
        return ctx.render(request, "portal/assign.html", **values)
    parsed = assignments.parse_form(
        what=form.get("what", ""),
        note=form.get("note", ""),
        due=form.get("due", ""),
        today=date.today(),
    )
    if isinstance(parsed, str):
        return ctx.render(request, "portal/assign.html", status=400, error=parsed, **values)
    assignments.assign(ctx.db, therapist_id=_me(ctx), link_id=view.link_id, form=parsed)
    return RedirectResponse(f"/portal/clients/{view.link_id}?assigned=1", status_code=303)


def invite_page(request: Request, form: Form, ctx: Context) -> Response:
    error, created = None, None
    if request.method == "POST":
        try:
            created = invites.create_invite(
                session=ctx.db, therapist_id=_me(ctx), label=form.get("label", "")
            )
        except ValueError as problem:
            error = str(problem)
    rows = invites.list_invites(session=ctx.db, therapist_id=_me(ctx))
    base = str(request.base_url).rstrip("/")
    return ctx.render(
        request,
        "portal/invites.html",
        status=400 if error else 200,
        invites=rows,
        created=created,
        created_code=display(created.code) if created else None,
        join_url=(f"{base}/join/{display(created.code)}" if created else None),
        base=base,
        error=error,
        label=form.get("label", "") if error else "",
    )


def routes(portal: Portal) -> list[Route]:
    return [
        Route("/portal/clients", portal.page(client_list)),
        Route("/portal/clients/{link_id}", portal.page(client_page)),
        Route("/portal/clients/{link_id}/export.json", portal.page(export)),
        Route("/portal/clients/{link_id}/assign", portal.page(assign), methods=["GET", "POST"]),
        Route("/portal/invites", portal.page(invite_page), methods=["GET", "POST"]),
    ]
