"""Clients that talk to a running bot the way an abuser or a broken integration would (tooling).

Used by ``make bench-abuse`` and by the integration tests of the door. Only
loopback addresses are contacted; a different loopback source address
(127.0.0.2, ...) stands in for "another network address".
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import socketio

WEBHOOK = "/webhooks/rest/webhook"


def user_messages_stored(tracker_db: str, sender: str) -> int:
    """How many user messages Rasa's tracker store holds for ``sender`` (content not read)."""
    with sqlite3.connect(tracker_db) as connection:
        row = connection.execute(
            "SELECT COUNT(*) FROM events WHERE sender_id = ? AND type_name = 'user'", (sender,)
        ).fetchone()
    return int(row[0])


def reply_text(response: httpx.Response) -> str:
    """The words a caller sees: the replies of a 200, or the calm message of a refusal."""
    try:
        data = response.json()
    except ValueError:
        return ""
    if isinstance(data, list):
        return "\n".join(str(r.get("text", "")) for r in data if isinstance(r, dict))
    if isinstance(data, dict):
        return "\n".join(str(line) for line in data.get("messages", [data.get("message", "")]))
    return ""


@dataclass
class Rest:
    """The REST webhook, optionally with a token and from another loopback address."""

    rasa_url: str
    token: str = ""
    local_address: str | None = None
    timeout: float = 60.0
    client: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        transport = httpx.HTTPTransport(local_address=self.local_address)
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        self.client = httpx.Client(transport=transport, headers=headers, timeout=self.timeout)

    def raw(self, body: bytes, content_type: str | None = "application/json") -> httpx.Response:
        headers = {"Content-Type": content_type} if content_type else {}
        return self.client.post(self.rasa_url + WEBHOOK, content=body, headers=headers)

    def post(self, payload: Any) -> httpx.Response:
        return self.raw(json.dumps(payload).encode())

    def say(self, sender: str, message: Any) -> httpx.Response:
        return self.post({"sender": sender, "message": message})

    def close(self) -> None:
        self.client.close()


class Widget:
    """A socket.io client speaking the widget's events (python-socketio, over aiohttp)."""

    def __init__(self, rasa_url: str) -> None:
        self.rasa_url = rasa_url
        self.sio = socketio.AsyncClient(reconnection=False)
        self.replies: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.confirmed: asyncio.Queue[str] = asyncio.Queue()
        self.session_id = ""

        @self.sio.on("bot_uttered")
        async def bot_uttered(data: Any) -> None:
            await self.replies.put(data if isinstance(data, dict) else {"data": data})

        @self.sio.on("session_confirm")
        async def session_confirm(data: Any) -> None:
            await self.confirmed.put(data if isinstance(data, str) else str(data))

    async def open(self, session_id: str | None = None) -> str:
        """Connect and ask for ``session_id``; return the id the server confirmed."""
        # Long-polling: engineio's websocket client needs a newer aiohttp than Rasa pins.
        await self.sio.connect(self.rasa_url, transports=["polling"])
        await self.sio.emit("session_request", {"session_id": session_id})
        self.session_id = await asyncio.wait_for(self.confirmed.get(), 30)
        return self.session_id

    async def send(self, data: Any) -> list[dict[str, Any]]:
        """Emit ``user_uttered`` with ``data`` as is; collect replies until a short quiet."""
        await self.sio.emit("user_uttered", data)
        return await self.collect()

    async def say(self, text: Any, session_id: str | None = None) -> list[dict[str, Any]]:
        return await self.send({"message": text, "session_id": session_id or self.session_id})

    async def collect(self, first_within: float = 60.0, quiet: float = 1.0) -> list[dict[str, Any]]:
        replies: list[dict[str, Any]] = []
        try:
            replies.append(await asyncio.wait_for(self.replies.get(), first_within))
            while True:
                replies.append(await asyncio.wait_for(self.replies.get(), quiet))
        except asyncio.TimeoutError:
            return replies

    async def close(self) -> None:
        await self.sio.disconnect()


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(str(r.get("text", "")) for r in replies)


def timed(call: Any, *args: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    result = call(*args)
    return result, (time.perf_counter() - start) * 1000
