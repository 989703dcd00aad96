"""The landing page and widget talk only to our own servers and keep words out of URLs."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import Watched, WebStack
from tests.browser.helpers import bot_says, open_widget, type_and_send

pytestmark = pytest.mark.browser
MakePage = Callable[..., Watched]

SECRET = "my-unrepeatable-words-4471"


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".replace("ws://", "http://").replace(
        "wss://", "https://"
    )


def test_widget__every_request_goes_to_our_own_servers_and_no_words_in_urls(
    web_stack: WebStack, make_page: MakePage
) -> None:
    watched = make_page()
    page = watched.page
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.on("websocket", lambda socket: urls.append(socket.url))
    open_widget(page, web_stack.url)  # the landing page, the widget and its help resources
    type_and_send(page, f"I felt ashamed about {SECRET}")
    bot_says(page, "SecureBase")  # any reply after the message
    page.reload()
    page.wait_for_load_state("networkidle")

    own = {web_stack.url, web_stack.stack.settings.public_rasa_url}
    assert urls, "no request was recorded"
    foreign = sorted({origin(u) for u in urls if not u.startswith("data:")} - own)
    assert foreign == [], f"requests left the project's own servers: {foreign}"
    assert not [u for u in urls if SECRET in u or "ashamed" in u]


def test_widget__cookies_are_none_or_httponly_and_samesite(
    web_stack: WebStack, make_page: MakePage
) -> None:
    watched = make_page()
    page = watched.page
    open_widget(page, web_stack.url)
    type_and_send(page, "hi")
    bot_says(page, "SecureBase")
    for cookie in page.context.cookies():
        assert cookie["httpOnly"], cookie["name"]
        assert cookie["sameSite"] in ("Lax", "Strict"), cookie["name"]
        if cookie.get("secure") is False:
            # Only the plain-http loopback test server may set a cookie without Secure.
            assert cookie["domain"] in ("127.0.0.1", "localhost"), cookie["name"]
