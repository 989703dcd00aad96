"""Rasa's socket.io channel (the widget's) with the no-silence guard."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.channels.no_silence import never_silent
from bot.settings import get_settings


class SecureBaseSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(never_silent(on_new_message))
        # Rasa creates the socket.io server with CORS checks disabled, so any site could
        # open a WebSocket to it (`--cors` only covers HTTP polling, and enabling engineio's
        # own CORS duplicates the header). Refuse browser connections from other origins.
        namespace = self.namespace or "/"
        rasa_connect = self.sio.handlers[namespace]["connect"]
        allowed = frozenset(get_settings().web_origins)

        async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if origin and origin not in allowed:
                return False
            return bool(await rasa_connect(sid, environ, auth))

        self.sio.on("connect", namespace=namespace)(connect)
        return blueprint
