"""The therapist portal in Debian's Chromium: sign in, invite, read a client, see revocation.

Only the web process runs (the portal never needs Rasa); the database is seeded
with the rows the chat side would write. Screenshots go to var/screenshots/portal-*.png.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bot.storage.migrate import upgrade
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, Watched
from tests.support.portal import PASSWORD, PortalServer, Seeded, revoke, seed

pytestmark = pytest.mark.browser
MakePage = Callable[..., Watched]


@pytest.fixture
def portal_web(tmp_path: Path) -> Iterator[tuple[PortalServer, Seeded]]:
    server = PortalServer(tmp_path)
    upgrade(server.db_url)
    seeded = seed(server.db_url)
    try:
        server.start()
        yield server, seeded
    finally:
        server.stop()


def _shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"portal-{name}.png"), full_page=True)


def _sign_in(page: Page, url: str, email: str) -> None:
    page.goto(f"{url}/portal")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_portal__sign_in_invite_read_a_client_and_see_consent_withdrawn(
    portal_web: tuple[PortalServer, Seeded], make_page: MakePage
) -> None:
    server, seeded = portal_web
    page = make_page().page
    _sign_in(page, server.url, seeded.email_a)
    expect(page.get_by_role("heading", name="Your clients")).to_be_visible()
    clients = page.get_by_role("table", name="Linked clients")
    expect(clients.get_by_role("row")).to_have_count(4)  # header + A.W., N.C., S.M.
    expect(clients).to_contain_text("Scores, summaries and written answers")
    _shot(page, "clients")

    page.get_by_role("navigation", name="Portal").get_by_role("link", name="Invites").click()
    page.get_by_label("Label (only you see it, e.g. initials)").fill("R.T.")
    page.get_by_role("button", name="Create invite").click()
    created = page.get_by_role("region", name="Invite for R.T.")
    expect(created).to_be_visible()
    code = created.locator("strong.code").inner_text()
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", code)
    expect(created.get_by_role("link", name=f"{server.url}/join/{code}")).to_be_visible()
    expect(page.get_by_role("table", name="Invites")).to_contain_text("pending")
    _shot(page, "invite")

    page.get_by_role("link", name="Clients").click()
    page.get_by_role("link", name="A.W.").click()
    expect(page.get_by_role("heading", name="A.W.", level=1)).to_be_visible()
    module = page.get_by_role("region", name="Reflect on early experiences")
    expect(module.locator("blockquote")).to_have_count(3)
    expect(module.locator("blockquote").first).to_contain_text("grandmother Wilhelmina")
    expect(module).to_contain_text("before 2, after 4")
    _shot(page, "client")

    page.goto(f"{server.url}/portal/clients/{seeded.links['S.M.']}")
    expect(page.get_by_role("region", name="Reflect on early experiences")).to_be_visible()
    expect(page.locator("blockquote")).to_have_count(0)
    assert "Wilhelmina" not in page.content()
    _shot(page, "client-summaries")

    revoke(server.db_url, seeded.links["A.W."])
    page.goto(f"{server.url}/portal/clients/{seeded.links['A.W.']}")
    expect(page.get_by_role("status")).to_contain_text("withdrew consent on")
    expect(page.locator("blockquote")).to_have_count(0)
    assert "Wilhelmina" not in page.content()
    _shot(page, "withdrawn")


def test_portal__two_factor_enrolment_shows_a_qr_code_on_a_phone(
    portal_web: tuple[PortalServer, Seeded], make_page: MakePage
) -> None:
    server, seeded = portal_web
    page = make_page(viewport=PHONE).page
    _sign_in(page, server.url, seeded.email_b)
    page.get_by_role("link", name="Account").click()
    page.get_by_role("button", name="Set up two-factor sign-in").click()
    qr = page.get_by_role("img", name="QR code for your authenticator app")
    expect(qr).to_be_visible()
    svg = qr.locator("svg")
    expect(svg).to_have_attribute("viewBox", re.compile(r"^0 0 (\d+) \1$"))  # scales, never clips
    box = svg.bounding_box()
    assert box is not None and 200 <= box["width"] == box["height"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    expect(page.get_by_label("Code from the app")).to_be_visible()
    _shot(page, "account-2fa")
    page.set_viewport_size(DESKTOP)


def test_join_link__opens_the_chat_on_the_clients_side(
    widget_assets: None, portal_web: tuple[PortalServer, Seeded], make_page: MakePage
) -> None:
    server, _ = portal_web
    watched = make_page()
    watched.allow_network_errors = True  # no Rasa runs here: the widget keeps reconnecting
    page = watched.page
    page.goto(f"{server.url}/join/abcd2345")
    expect(page.get_by_role("dialog", name="SecureBase")).to_be_visible()
    expect(page.get_by_text("sends your code ABCD-2345")).to_be_visible()
