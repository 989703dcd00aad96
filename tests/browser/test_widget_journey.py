"""A person reflects through the widget on the landing page, in a real Chromium."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import REPLY_TIMEOUT, Watched, WebStack
from tests.browser.helpers import (
    DEEP,
    bot_says,
    conversation,
    launcher,
    message_box,
    mood_asked_before,
    my_messages,
    open_widget,
    progress,
    quick_reply,
    start_early_experiences,
    type_and_send,
)

pytestmark = pytest.mark.browser
MakePage = Callable[..., Watched]


def test_landing_page__shows_the_widget_and_a_greeting_with_module_buttons(
    web_stack: WebStack, make_page: MakePage
) -> None:
    page = make_page().page
    response = page.goto(web_stack.url)
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.get_by_role("heading", name="SecureBase", level=1)).to_be_visible()
    expect(launcher(page)).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("dialog")).to_be_hidden()

    launcher(page).click()
    expect(page.get_by_role("dialog", name="SecureBase")).to_be_visible()
    expect(launcher(page)).to_be_hidden()
    bot_says(page, "not therapy")
    expect(quick_reply(page, "Seek attachment-informed support")).to_be_visible()
    # The greeting's *internal working model* is rendered as emphasis, not asterisks.
    expect(conversation(page).locator("em", has_text="internal working model")).to_be_visible()

    page.get_by_role("button", name="Close chat").click()
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(launcher(page)).to_be_focused()


def test_whole_module__completed_by_typing_with_progress_shown(
    web_stack: WebStack, make_page: MakePage
) -> None:
    page = make_page().page
    open_widget(page, web_stack.url)
    expect(progress(page)).to_be_hidden()

    type_and_send(page, "I want to reflect on my early experiences")
    if mood_asked_before(page, "Prompt 1 of 3"):
        type_and_send(page, "4")
    bot_says(page, "Prompt 1 of 3")
    expect(progress(page)).to_be_visible()
    expect(progress(page)).to_have_attribute("aria-valuetext", "Prompt 1 of 3")

    for number in (2, 3):
        type_and_send(page, DEEP)
        bot_says(page, f"Prompt {number} of 3")
        expect(page.get_by_text(f"Prompt {number} of 3", exact=True)).to_be_visible()
        expect(progress(page)).to_have_attribute("aria-valuenow", str(number))

    type_and_send(page, DEEP)
    if mood_asked_before(page, "Thank you for reflecting"):
        type_and_send(page, "5")
    bot_says(page, "Thank you for reflecting today")
    expect(progress(page)).to_be_hidden()

    # Each answer shows as the person's own message, line breaks and all.
    expect(my_messages(page).filter(has_text=DEEP)).to_have_count(3)


def test_quick_reply__sends_its_payload_and_shows_its_title(
    web_stack: WebStack, make_page: MakePage
) -> None:
    page = make_page().page
    sent: list[str] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(str(frame))))
    open_widget(page, web_stack.url)
    quick_reply(page, "Observe relationship patterns").click()
    # The person sees the button's title; Rasa gets its payload.
    expect(my_messages(page).last).to_have_text("Observe relationship patterns")
    expect(quick_reply(page, "Observe relationship patterns")).to_have_count(0)
    if mood_asked_before(page, "Prompt 1 of 3"):
        quick_reply(page, "Skip").click()
        expect(my_messages(page).last).to_have_text("Skip")
    bot_says(page, "Prompt 1 of 3")
    bot_says(page, "Observe relationship patterns.")
    expect(page.get_by_role("group", name="Suggested replies")).to_be_hidden()
    payload = '/choose_module{\\"takeaway\\": \\"relationship_patterns\\"}'
    assert any("user_uttered" in frame and payload in frame for frame in sent), sent


def test_reload_mid_module__shows_the_conversation_and_continues(
    web_stack: WebStack, make_page: MakePage
) -> None:
    page = make_page().page
    open_widget(page, web_stack.url)
    start_early_experiences(page)
    type_and_send(page, DEEP)
    bot_says(page, "Prompt 2 of 3")
    session = page.evaluate("SecureBaseWidget.session()")

    page.reload()
    # Still open, same session, the recent conversation and the progress are back.
    expect(page.get_by_role("dialog", name="SecureBase")).to_be_visible()
    assert page.evaluate("SecureBaseWidget.session()") == session
    expect(my_messages(page).filter(has_text=DEEP)).to_have_count(1)
    bot_says(page, "Prompt 2 of 3")
    expect(progress(page)).to_have_attribute("aria-valuetext", "Prompt 2 of 3")

    # Replies reach the reloaded page: the new socket joined the persisted session's room.
    type_and_send(page, DEEP)
    bot_says(page, "Prompt 3 of 3")
    expect(progress(page)).to_have_attribute("aria-valuenow", "3")


def test_typing_indicator__shows_while_the_bot_is_working(
    web_stack: WebStack, make_page: MakePage
) -> None:
    page = make_page().page
    open_widget(page, web_stack.url)
    typing = page.locator(".sb-typing")
    expect(typing).to_be_hidden(timeout=REPLY_TIMEOUT)
    message_box(page).fill("what can you do")
    message_box(page).press("Enter")
    # Shown at once on sending, kept until replies stop arriving.
    expect(typing).to_be_visible()
    expect(typing).to_contain_text("SecureBase is writing")
    bot_says(page, re.compile("Here's what I can do"))
    expect(typing).to_be_hidden(timeout=REPLY_TIMEOUT)


def test_rasa_restart__widget_reconnects_and_the_module_continues(
    web_stack: WebStack, make_page: MakePage
) -> None:
    watched = make_page()
    # While Rasa is down the browser logs refused connections; those are not script errors.
    watched.allow_network_errors = True
    page = watched.page
    open_widget(page, web_stack.url)
    start_early_experiences(page)

    web_stack.stack.stop("rasa")
    expect(page.locator(".sb-status")).to_contain_text(
        re.compile("Reconnecting|Can't reach"), timeout=REPLY_TIMEOUT
    )
    web_stack.stack.start_rasa()
    expect(page.locator(".sb-status")).to_be_hidden(timeout=REPLY_TIMEOUT)

    type_and_send(page, DEEP)
    bot_says(page, "Prompt 2 of 3")
    assert watched.errors == [], watched.errors
    expect(message_box(page)).to_be_focused(timeout=REPLY_TIMEOUT)
