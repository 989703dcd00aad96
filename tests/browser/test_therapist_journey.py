"""Issue 14 end to end in Debian's Chromium: a therapist invites, a client links in the widget.

Everything is real: the Rasa server, the action server and the web process share
one app database, so what the client does in the chat is exactly what the
therapist's portal reads. Screenshots go to var/screenshots/therapist-journey-*.png.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import count

import pytest
from playwright.sync_api import Page, expect

from bot.portal import accounts
from bot.storage.db import session_scope
from tests.browser.conftest import SCREENSHOTS, Watched, WebStack
from tests.browser.helpers import (
    DEEP,
    bot_says,
    mood_asked_before,
    my_messages,
    quick_reply,
    type_and_send,
)
from tests.support.portal import PASSWORD

pytestmark = pytest.mark.browser
MakePage = Callable[..., Watched]
_accounts = count(1)

LABEL = "R.T."
MODULE = "Reflect on early experiences"
# The widget tests' deep answer plus words found nowhere else, so a page can be searched for them.
SECRET_WORDS = ("aunt Philippa", "choir rehearsals", "neighbour Bartholomew")
ANSWERS = tuple(f"{DEEP} It reminds me of {words}." for words in SECRET_WORDS)


def _shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"therapist-journey-{name}.png"), full_page=True)


def _therapist(web_stack: WebStack) -> tuple[str, str]:
    """An account made as the operator's command line makes it; returns (email, name)."""
    number = next(_accounts)
    email, name = f"journey{number}@clinic.example", f"Dr Journey {number}"
    with session_scope(web_stack.stack.settings.database_url) as session:
        accounts.create(session=session, email=email, name=name, password=PASSWORD)
    return email, name


def _sign_in(page: Page, url: str, email: str) -> None:
    page.goto(f"{url}/portal")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your clients")).to_be_visible()


def _create_invite(page: Page, label: str) -> str:
    """The invite page's form; returns the join link it shows."""
    page.get_by_role("navigation", name="Portal").get_by_role("link", name="Invites").click()
    page.get_by_label("Label (only you see it, e.g. initials)").fill(label)
    page.get_by_role("button", name="Create invite").click()
    created = page.get_by_role("region", name=f"Invite for {label}")
    expect(created).to_be_visible()
    # No "/" in the pattern: Playwright writes a pattern into its selector as /…/.
    join = created.get_by_role("link", name=re.compile(r"join.[A-Z2-9]{4}-[A-Z2-9]{4}$"))
    expect(join).to_be_visible()
    return str(join.get_attribute("href"))


def _link_with_the_wider_scope(page: Page, join_url: str, therapist: str) -> None:
    """Follow the join link; choose written answers and risk alerts with the buttons."""
    page.goto(join_url)
    expect(page.get_by_role("dialog", name="SecureBase")).to_be_visible()
    expect(my_messages(page).first).to_contain_text("I have a code from my therapist")
    bot_says(page, f"This code is from {therapist}")
    bot_says(page, "word for word")  # each choice is explained before it is asked
    quick_reply(page, "Scores, summaries and my written answers").click()
    bot_says(page, f"{therapist} can now see your scores, summaries and your written answers")
    bot_says(page, f"Would you like {therapist} to get risk alerts?")
    quick_reply(page, "Yes, send risk alerts").click()
    bot_says(page, f"Risk alerts to {therapist} are on.")


def _complete_the_module(page: Page) -> str:
    """Type the module through; returns the mood line the portal should show."""
    type_and_send(page, "I want to reflect on my early experiences")
    before = mood_asked_before(page, "Prompt 1 of 3")
    if before:
        type_and_send(page, "2")
    bot_says(page, "Prompt 1 of 3")
    for number, answer in enumerate(ANSWERS, start=1):
        type_and_send(page, answer)
        if number < len(ANSWERS):
            bot_says(page, f"Prompt {number + 1} of 3")
    after = mood_asked_before(page, "Thank you for reflecting")
    if after:
        type_and_send(page, "4")
    bot_says(page, "Thank you for reflecting today")
    if not (before or after):
        return "not given"
    return f"before {2 if before else 'not given'}, after {4 if after else 'not given'}"


def _open_client(page: Page, url: str, label: str) -> None:
    page.goto(f"{url}/portal/clients")
    page.get_by_role("table", name="Linked clients").get_by_role("link", name=label).click()
    expect(page.get_by_role("heading", name=label, level=1)).to_be_visible()


def test_therapist_journey__invite_link_share_answers_then_withdraw(
    web_stack: WebStack, make_page: MakePage
) -> None:
    email, name = _therapist(web_stack)
    therapist = make_page().page
    _sign_in(therapist, web_stack.url, email)
    join_url = _create_invite(therapist, LABEL)
    assert join_url.startswith(f"{web_stack.url}/join/")
    expect(therapist.get_by_role("table", name="Invites")).to_contain_text("pending")
    _shot(therapist, "invite")

    client = make_page().page
    _link_with_the_wider_scope(client, join_url, name)
    _shot(client, "consent")
    mood = _complete_the_module(client)
    _shot(client, "module-done")

    # The therapist's next request reads what the client just did, under the wider scope.
    _open_client(therapist, web_stack.url, LABEL)
    expect(therapist.get_by_text("Scores, summaries and written answers")).to_be_visible()
    module = therapist.get_by_role("region", name=MODULE)
    expect(module).to_be_visible()
    quotes = module.locator("blockquote")
    expect(quotes).to_have_count(len(ANSWERS))
    for quote, word in zip(quotes.all(), SECRET_WORDS, strict=True):
        expect(quote).to_contain_text(word)
    expect(module).to_contain_text(mood)
    _shot(therapist, "client")

    # The client withdraws in the chat; the next page load shows only that, and when.
    type_and_send(client, "stop sharing with my therapist")
    bot_says(client, f"stopped sharing with {name}")
    _shot(client, "stopped")

    therapist.reload()
    expect(therapist.get_by_role("status")).to_contain_text("withdrew consent on")
    expect(therapist.get_by_role("region", name=MODULE)).to_have_count(0)
    expect(therapist.locator("blockquote")).to_have_count(0)
    page_text = therapist.content()
    assert not [word for word in SECRET_WORDS if word in page_text]
    _shot(therapist, "withdrawn")

    # The clients list agrees.
    therapist.goto(f"{web_stack.url}/portal/clients")
    row = therapist.get_by_role("table", name="Linked clients").get_by_role("row", name=LABEL)
    expect(row).to_contain_text("Consent withdrawn; nothing is shared")
