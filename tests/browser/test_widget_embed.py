"""One script tag on someone else's site; floating on desktop, full page on a phone; screenshots."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, Watched, WebStack
from tests.browser.helpers import (
    DEEP,
    bot_says,
    help_view,
    launcher,
    message_box,
    my_messages,
    open_widget,
    quick_reply,
    start_early_experiences,
)

pytestmark = pytest.mark.browser
MakePage = Callable[..., Watched]

PARTNER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A partner's site</title>
<link rel="icon" href="data:,"></head>
<body><h1>A counselling service's own page</h1>
<script src="{web}/widget.js" defer data-server="{rasa}" data-title="Reflect here"
  data-subtitle="Between sessions" data-initial-message="hello"
  data-accent-color="#2d6a4f" data-open="true"></script>
</body></html>"""


@pytest.fixture
def partner_site(web_stack: WebStack) -> Iterator[str]:
    """A page on another origin (listed in WIDGET_ORIGINS) that embeds the widget."""
    html = PARTNER_PAGE.format(web=web_stack.url, rasa=web_stack.stack.settings.rasa_url).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if self.path != "/":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", web_stack.embed_port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield web_stack.embed_origin + "/"
    server.shutdown()
    server.server_close()


def test_one_script_tag__embeds_the_widget_on_another_site(
    partner_site: str, make_page: MakePage
) -> None:
    page = make_page().page
    page.goto(partner_site)
    # data-open, data-title, data-subtitle, data-accent-color, data-initial-message
    dialog = page.get_by_role("dialog", name="Reflect here")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Between sessions")
    header = dialog.locator("header")
    expect(header).to_have_css("background-color", "rgb(45, 106, 79)")
    expect(header).to_have_css("color", "rgb(255, 255, 255)")
    expect(page.locator(".sb-bot").filter(has_text="not therapy").last).to_be_visible()
    expect(my_messages(page)).to_have_count(0)  # the initial message is not shown

    # Crisis resources come from the widget's own server, across origins.
    dialog.get_by_role("link", name="Get help now").click()
    shown = help_view(page)
    expect(shown).to_contain_text("International. Checked 20")
    expect(shown.get_by_role("link", name="Find A Helpline")).to_be_visible()


def test_screenshots__open_widget_on_desktop(web_stack: WebStack, make_page: MakePage) -> None:
    page = make_page(DESKTOP).page
    open_widget(page, web_stack.url)
    start_early_experiences(page)
    panel = page.get_by_role("dialog", name="SecureBase").bounding_box()
    assert panel and panel["width"] <= 420 and panel["x"] > DESKTOP["width"] / 2  # floating
    message_box(page).fill(DEEP[:120])
    message_box(page).blur()
    expect(page.locator(".sb-typing")).to_be_hidden()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "widget-desktop.png"))
    page.get_by_role("dialog").get_by_role("link", name="Get help now").click()
    page.screenshot(path=str(SCREENSHOTS / "widget-help.png"))


def test_screenshots__full_page_on_a_phone(web_stack: WebStack, make_page: MakePage) -> None:
    page = make_page(PHONE, is_mobile=True, has_touch=True, device_scale_factor=2).page
    page.goto(web_stack.url)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    expect(launcher(page)).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "widget-phone-closed.png"))
    launcher(page).tap()
    bot_says(page, "not therapy")
    expect(quick_reply(page, "Reflect on early experiences")).to_be_visible()
    expect(page.locator(".sb-typing")).to_be_hidden()
    panel = page.get_by_role("dialog", name="SecureBase").bounding_box()
    assert panel == {"x": 0, "y": 0, "width": PHONE["width"], "height": PHONE["height"]}
    page.screenshot(path=str(SCREENSHOTS / "widget-phone.png"))
