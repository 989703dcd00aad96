"""Security headers for every response of the web process.

The Content-Security-Policy is strict on purpose: scripts and styles only from
this origin (no inline code, no ``unsafe-inline``, no ``*``), network access
only to this origin and the Rasa server the widget talks to.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self' {rasa} {rasa_ws}; object-src 'none'; frame-ancestors 'self'; "
    "base-uri 'none'; form-action 'self'"
)


def content_security_policy(rasa_url: str) -> str:
    """The page's CSP, allowing HTTP(S) and WebSocket connections to ``rasa_url`` only."""
    return CSP.format(rasa=rasa_url, rasa_ws=rasa_url.replace("http", "ws", 1))


class SecurityHeaders:
    """ASGI middleware adding CSP and friends unless a route set its own."""

    def __init__(self, app: ASGIApp, rasa_url: str) -> None:
        self.app = app
        self.headers = {
            "Content-Security-Policy": content_security_policy(rasa_url),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "strict-origin-when-cross-origin",
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
