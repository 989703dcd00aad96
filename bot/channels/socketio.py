"""Rasa's socket.io channel (the widget's) behind the door, with the no-silence guard.

Three things Rasa's channel leaves open are closed here:

* any website could open a WebSocket to it (origins are checked at connect);
* a client could choose its own session id ("alice"): ids that are not 32+
  random-looking characters are replaced by a fresh one from ``uuid4`` (the
  widget keeps whatever the server confirms);
* a socket could send messages under another session id than the one it was
  confirmed for: such messages are refused, so replies (an export included) only
  go to the conversation the socket proved it holds.

Every message then passes ``bot.channels.door``: an object with text of bounded
length, the sender's and address's rate, and a bounded number in flight. A
refusal is a calm ``bot_uttered`` to that socket only; nothing is stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.channels.door import (
    MAX_BODY_BYTES,
    Door,
    Refusal,
    check_metadata,
    check_text,
    valid_session_id,
)
from bot.channels.no_silence import never_silent
from bot.settings import get_settings


class SecureBaseSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(never_silent(on_new_message))
        sio = self.sio
        assert sio is not None  # set by the parent's blueprint()
        # engineio's own cap (1 MB by default) closes the socket; keep it above the door's
        # calm cap so that an over-long message is answered, and far below a megabyte.
        sio.eio.max_http_buffer_size = 2 * MAX_BODY_BYTES
        namespace = self.namespace or "/"
        handlers = sio.handlers[namespace]
        rasa_connect = handlers["connect"]
        rasa_disconnect = handlers["disconnect"]
        rasa_session_request = handlers["session_request"]
        rasa_message = handlers[self.user_message_evt]
        allowed = frozenset(get_settings().web_origins)
        settings = get_settings()
        door = Door(
            sender_per_minute=settings.sender_rate_per_minute,
            address_per_minute=settings.address_rate_per_minute,
        )
        addresses: dict[str, str] = {}
        sessions: dict[str, str] = {}

        async def refuse(sid: str, refusal: Refusal) -> None:
            for line in refusal.messages():
                await sio.emit(self.bot_message_evt, {"text": line}, room=sid, namespace=namespace)

        # Rasa creates the socket.io server with CORS checks disabled, so any site could
        # open a WebSocket to it (`--cors` only covers HTTP polling, and enabling engineio's
        # own CORS duplicates the header). Refuse browser connections from other origins.
        async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if origin and origin not in allowed:
                return False
            request = environ.get("sanic.request")
            address = getattr(request, "remote_addr", "") or getattr(request, "ip", "")
            addresses[sid] = str(address or "unknown")
            return bool(await rasa_connect(sid, environ, auth))

        async def disconnect(sid: str) -> None:
            addresses.pop(sid, None)
            sessions.pop(sid, None)
            await rasa_disconnect(sid)

        async def session_request(sid: str, data: Any) -> None:
            wanted = data.get("session_id") if isinstance(data, dict) else None
            session_id = str(wanted) if valid_session_id(wanted) else uuid.uuid4().hex
            sessions[sid] = session_id
            await rasa_session_request(sid, {"session_id": session_id})

        async def handle_message(sid: str, data: Any = None) -> None:
            if not isinstance(data, dict):
                await refuse(sid, Refusal(400, "message_not_text"))
                return
            session_id = sessions.get(sid) if self.session_persistence else sid
            text = data.get("message")
            if session_id is None or (
                self.session_persistence and data.get("session_id") != session_id
            ):
                await refuse(sid, Refusal(400, "bad_session", text=str(text or "")))
                return
            metadata = data.get(self.metadata_key)
            refused = check_text(text) or check_metadata(metadata if metadata else None)
            if refused is None:
                refused = door.admit(
                    sender=session_id, address=addresses.get(sid, "unknown"), text=str(text)
                )
                if refused is None:
                    try:
                        message = {"message": text, "session_id": session_id}
                        if metadata:
                            message[self.metadata_key] = metadata
                        await rasa_message(sid, message)
                    finally:
                        door.in_flight.leave(session_id)
                    return
            await refuse(sid, refused)

        sio.on("connect", namespace=namespace)(connect)
        sio.on("disconnect", namespace=namespace)(disconnect)
        sio.on("session_request", namespace=namespace)(session_request)
        sio.on(self.user_message_evt, namespace=namespace)(handle_message)
        return blueprint
