"""Rasa's REST channel behind the door (same URL: /webhooks/rest/webhook).

Before Rasa sees a request, ``bot.channels.door`` checks it: the token (when
``REST_TOKEN`` is set; always outside local mode), a JSON object of bounded
size and depth, a real sender (never a shared "default"), a text message of
bounded length, and the sender's and address's rate. A refusal is a calm JSON
answer with a 4xx status and nothing stored. The input channel is always
"rest": a caller cannot claim to speak from the widget. Accepted messages go
through the no-silence guard as before.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import rasa.utils.endpoints
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, Sanic, response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse, ResponseStream

from bot.channels.door import (
    MAX_REQUEST_BYTES,
    Door,
    Refusal,
    RestMessage,
    check_token,
    read_rest_body,
)
from bot.channels.no_silence import never_silent
from bot.settings import get_settings


def refusal_response(refusal: Refusal) -> HTTPResponse:
    headers = {}
    if refusal.retry_after:
        headers["Retry-After"] = str(max(1, round(refusal.retry_after)))
    return response.json(refusal.body(), status=refusal.status, headers=headers)


def client_address(request: Request) -> str:
    """The caller's address; behind a proxy set SANIC_PROXIES_COUNT so Sanic reads it."""
    return str(request.remote_addr or request.ip or "unknown")


class SecureBaseRestInput(RestInput):
    def __init__(self, token: str = "") -> None:
        self.token = token

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> SecureBaseRestInput:
        """``token: ${REST_TOKEN}`` in credentials.yml (the same variable settings read)."""
        return cls(token=str((credentials or {}).get("token") or ""))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        guarded = never_silent(on_new_message)
        settings = get_settings()
        door = Door(
            sender_per_minute=settings.sender_rate_per_minute,
            address_per_minute=settings.address_rate_per_minute,
        )
        token = self.token or settings.rest_token
        webhook = Blueprint("custom_webhook_SecureBaseRestInput", __name__)

        @webhook.listener("before_server_start")
        async def cap_request_size(app: Sanic, _: Any) -> None:
            # Sanic reads up to 100 MB by default before any handler runs; read at most
            # MAX_REQUEST_BYTES, and answer anything bigger as calmly as the door does.
            app.config.REQUEST_MAX_SIZE = MAX_REQUEST_BYTES
            app.error_handler.add(
                PayloadTooLarge, lambda _request, _error: refusal_response(too_large)
            )

        too_large = Refusal(413, "too_large")

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> ResponseStream | HTTPResponse:
            refused = check_token(request.headers.get("authorization"), token)
            if refused is not None:
                return refusal_response(refused)
            read = read_rest_body(
                body=request.body or b"", content_type=request.headers.get("content-type")
            )
            if isinstance(read, Refusal):
                return refusal_response(read)
            address = client_address(request)
            refused = door.admit(sender=read.sender, address=address, text=read.text)
            if refused is not None:
                return refusal_response(refused)
            try:
                return await self._answer(request, guarded, read)
            finally:
                door.in_flight.leave(read.sender)

        return webhook

    async def _answer(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        read: RestMessage,
    ) -> ResponseStream | HTTPResponse:
        if rasa.utils.endpoints.bool_arg(request, "stream", default=False):
            return response.stream(
                self.stream_response(
                    on_new_message, read.text, read.sender, self.name(), read.metadata
                ),
                content_type="text/event-stream",
            )
        collector = CollectingOutputChannel()
        # The no-silence guard never raises and always answers.
        await on_new_message(
            UserMessage(
                read.text,
                collector,
                read.sender,
                input_channel=self.name(),
                metadata=read.metadata,
            )
        )
        return response.json(collector.messages)
