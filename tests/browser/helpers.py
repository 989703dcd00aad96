"""How a person meets the widget, in Playwright terms (roles and labels, not CSS where possible)."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import REPLY_TIMEOUT

TITLE = "SecureBase"
MOOD = r"1 \(very low\) to 5"
DEEP = (
    "When I was about eight my mum was often too tired to listen, and I felt lonely and a bit"
    " ashamed for needing her. I used to believe I was too much, but maybe she was overwhelmed."
    " I notice I still hide my needs with friends, so this week I want to ask one friend for help."
)


def launcher(page: Page) -> Locator:
    return page.get_by_role("button", name=f"Reflect with {TITLE}")


def message_box(page: Page) -> Locator:
    return page.get_by_role("textbox", name=f"Your message to {TITLE}")


def conversation(page: Page) -> Locator:
    return page.get_by_role("log", name=f"Conversation with {TITLE}")


def quick_reply(page: Page, name: str) -> Locator:
    group = page.get_by_role("group", name="Suggested replies")
    return group.get_by_role("button", name=name, exact=True)


def progress(page: Page) -> Locator:
    return page.get_by_role("progressbar", name="Reflection progress")


def my_messages(page: Page) -> Locator:
    """The text of the person's own messages (without the screen-reader "You said:")."""
    return page.locator(".sb-user .sb-text")


def help_view(page: Page) -> Locator:
    return page.locator(".sb-root").get_by_role("region", name="If you need help now")


def bot_says(page: Page, text: str | re.Pattern[str]) -> Locator:
    """The bot message(s) containing ``text``; waits until one is visible."""
    found = page.locator(".sb-bot").filter(has_text=text)
    expect(found.last).to_be_visible(timeout=REPLY_TIMEOUT)
    return found


def open_widget(page: Page, url: str) -> None:
    """Open the landing page and the chat; wait for the greeting and module buttons."""
    page.goto(url)
    launcher(page).click()
    expect(message_box(page)).to_be_focused()
    bot_says(page, "not therapy")
    expect(quick_reply(page, "Reflect on early experiences")).to_be_visible(timeout=REPLY_TIMEOUT)


def type_and_send(page: Page, text: str) -> None:
    box = message_box(page)
    box.fill(text)
    box.press("Enter")
    expect(box).to_have_value("")


def mood_asked_before(page: Page, then: str) -> bool:
    """Wait for the mood question or, if the bot skips it, for ``then``; True if asked.

    The mood check-in belongs to the dialogue (tested over REST); the widget tests
    only need to get past it, so they tolerate a bot that goes straight on.
    """
    either = page.locator(".sb-bot").filter(has_text=re.compile(f"{MOOD}|{re.escape(then)}"))
    expect(either.last).to_be_visible(timeout=REPLY_TIMEOUT)
    return page.locator(".sb-bot").filter(has_text=then).count() == 0


def start_early_experiences(page: Page) -> None:
    """Choose the module with a quick reply and check in with mood 4; prompt 1 is asked."""
    quick_reply(page, "Reflect on early experiences").click()
    if mood_asked_before(page, "Prompt 1 of 3"):
        quick_reply(page, "4").click()
    bot_says(page, "Prompt 1 of 3")
