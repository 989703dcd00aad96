"""Nothing in a message can run as code, and help is there without the Rasa server."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from playwright.sync_api import Route, expect

from tests.browser.conftest import Watched, WebStack
from tests.browser.helpers import (
    bot_says,
    conversation,
    help_view,
    launcher,
    my_messages,
    open_widget,
    type_and_send,
)

pytestmark = pytest.mark.browser
MakePage = Callable[..., Watched]
XSS = "<img src=x onerror=alert(1)>"


def test_html_typed_by_a_person__is_shown_as_text_and_never_runs(
    web_stack: WebStack, make_page: MakePage
) -> None:
    watched = make_page()
    page = watched.page
    open_widget(page, web_stack.url)
    before = page.locator(".sb-bot").count()
    type_and_send(page, XSS)
    mine = my_messages(page).last
    expect(mine).to_have_text(XSS)
    expect(conversation(page).locator("img")).to_have_count(0)
    # The bot answers (something), and still no image, no handler, no dialog.
    expect(page.locator(".sb-bot")).not_to_have_count(before)
    page.wait_for_timeout(500)
    assert page.locator(".sb-root img, .sb-root script").count() == 0
    assert watched.dialogs == []

    page.reload()  # the stored history is rendered as text too
    expect(my_messages(page).last).to_have_text(XSS)
    assert page.locator(".sb-root img").count() == 0 and watched.dialogs == []


def test_bot_messages__get_safe_formatting_only(web_stack: WebStack, make_page: MakePage) -> None:
    """Bot text goes through the same renderer whether live or restored; seed it via history."""
    page = make_page().page
    page.goto(web_stack.url)
    hostile = (
        "**Prompt 1 of 3.** Think of *one* moment.\n"
        "- first <b>point</b>\n- second [guide](https://example.org/guide)\n"
        "1. numbered\n"
        "See https://findahelpline.com. <script>alert(2)</script>"
        " [bad](javascript:alert(3)) <img src=x onerror=alert(4)>"
    )
    state = {"session": "f" * 32, "started": True, "open": True,
             "history": [{"from": "bot", "text": hostile, "replies": []}]}
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [f"securebase:{web_stack.stack.settings.rasa_url}", json.dumps(state)],
    )
    page.reload()
    message = bot_says(page, "Think of").last
    expect(message.locator("strong")).to_have_text("Prompt 1 of 3.")
    expect(message.locator("em")).to_have_text("one")
    expect(message.locator("ul > li")).to_have_count(2)
    expect(message.locator("ol > li")).to_have_text("numbered")
    expect(message.locator("li").first).to_have_text("first <b>point</b>")
    links = message.locator("a")
    expect(links).to_have_count(2)
    for index, href in enumerate(["https://example.org/guide", "https://findahelpline.com"]):
        expect(links.nth(index)).to_have_attribute("href", href)
        expect(links.nth(index)).to_have_attribute("target", "_blank")
        expect(links.nth(index)).to_have_attribute("rel", "noopener noreferrer")
    expect(message).to_contain_text("<script>alert(2)</script>")
    expect(message).to_contain_text("[bad](javascript:alert(3))")
    assert message.locator("script, img, b").count() == 0
    # The restored "Prompt 1 of 3" also restores the progress bar.
    expect(page.get_by_role("progressbar", name="Reflection progress")).to_be_visible()


def test_get_help_now__shows_crisis_resources_without_the_rasa_server(
    web_stack: WebStack, make_page: MakePage
) -> None:
    watched = make_page()
    watched.allow_network_errors = True  # we cut Rasa off on purpose
    page = watched.page
    rasa = web_stack.stack.settings.rasa_url

    def refuse(route: Route) -> None:
        route.abort("connectionrefused")

    page.route(f"{rasa}/**", refuse)
    page.route_web_socket(f"{rasa.replace('http', 'ws', 1)}/**", lambda ws: ws.close())
    page.goto(web_stack.url)

    # "Get help now" is there before the chat is even opened.
    page.locator(".sb-dock").get_by_role("link", name="Get help now").click()
    shown = help_view(page)
    expect(shown).to_be_visible()
    expect(shown).to_be_focused()
    expect(shown).to_contain_text("your local emergency number")
    helpline = shown.get_by_role("link", name="Find A Helpline")
    expect(helpline).to_have_attribute("href", "https://findahelpline.com")
    expect(helpline).to_have_attribute("rel", "noopener noreferrer")
    expect(page.locator(".sb-status")).to_contain_text("Can't reach")

    # It stays one click away in the open chat, and Escape goes back.
    page.keyboard.press("Escape")
    expect(shown).to_be_hidden()
    header_link = page.get_by_role("dialog").get_by_role("link", name="Get help now")
    expect(header_link).to_be_focused()
    header_link.click()
    expect(shown).to_be_visible()
    page.get_by_role("button", name="Back to the conversation").click()
    expect(conversation(page)).to_be_visible()


def test_help_link__works_without_javascript(web_stack: WebStack, make_page: MakePage) -> None:
    page = make_page(java_script_enabled=False).page
    page.goto(web_stack.url)
    expect(launcher(page)).to_have_count(0)
    page.get_by_role("link", name="All crisis resources for International").click()
    expect(page.get_by_role("heading", name="If you need help now")).to_be_visible()
    expect(page.get_by_role("link", name="Find A Helpline")).to_be_visible()
