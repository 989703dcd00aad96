"""The person's data in the widget: export downloads a file, deletion clears the browser copy."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Watched, WebStack
from tests.browser.helpers import bot_says, my_messages, open_widget, quick_reply, type_and_send

pytestmark = pytest.mark.browser
MakePage = Callable[..., Watched]


def test_export_then_delete__download_offered_and_local_history_cleared(
    web_stack: WebStack, make_page: MakePage
) -> None:
    watched = make_page()
    page = watched.page
    open_widget(page, web_stack.url)
    type_and_send(page, "export my data")
    expect(bot_says(page, "Send it now?")).to_be_visible()
    quick_reply(page, "Yes, send my data").click()
    link = page.get_by_role("link", name="Download your data (JSON)")
    expect(link).to_be_visible()
    with page.expect_download() as download_info:
        link.click()
    exported = json.loads(download_info.value.path().read_text(encoding="utf-8"))
    assert "modules" in exported and "risk_events" in exported

    type_and_send(page, "delete my data")
    expect(bot_says(page, "permanently deletes")).to_be_visible()
    type_and_send(page, "yes")
    expect(bot_says(page, "has been deleted")).to_be_visible()
    page.wait_for_timeout(300)
    stored = page.evaluate(
        "() => Object.keys(localStorage).map(k => localStorage.getItem(k)).join(' ')"
    )
    assert "export my data" not in stored
    page.reload()
    expect(my_messages(page).filter(has_text="export my data")).to_have_count(0)
    assert watched.script_errors() == []
