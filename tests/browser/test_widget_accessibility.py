"""Keyboard only, focus order, labels, live region and WCAG AA contrast."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Watched, WebStack
from tests.browser.helpers import (
    DEEP,
    bot_says,
    conversation,
    help_view,
    launcher,
    message_box,
    mood_asked_before,
    my_messages,
    progress,
    quick_reply,
    start_early_experiences,
)

pytestmark = pytest.mark.browser
MakePage = Callable[..., Watched]

DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  const name = el.getAttribute('aria-label')
    || (el.labels && el.labels[0] && el.labels[0].textContent) || el.textContent;
  return el.tagName.toLowerCase() + ':' + name.trim().replace(/\\s+/g, ' ');
}"""

UNNAMED_CONTROLS = """() => [...document.querySelectorAll('.sb-root button, .sb-root a,'
    + ' .sb-root textarea, .sb-root [role=progressbar], .sb-root [role=log]')]
  .filter(el => el.getClientRects().length)
  .filter(el => !(el.getAttribute('aria-label') || (el.labels && el.labels.length
    && el.labels[0].textContent.trim()) || el.textContent.trim()))
  .map(el => el.outerHTML.slice(0, 80))"""

# WCAG 2.x contrast of every visible text node in the widget against its effective background.
LOW_CONTRAST = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const found = [];
  const root = document.querySelector('.sb-root');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el.getClientRects().length || el.closest('.sb-sr')) continue;
    const style = getComputedStyle(el);
    const a = lum(rgb(style.color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) found.push(node.textContent.trim().slice(0, 40) + ' ' + ratio.toFixed(2));
  }
  return found;
}"""


def focused(page: Page) -> str:
    return str(page.evaluate(DESCRIBE_FOCUS))


def tab_until(page: Page, wanted: str, key: str = "Tab", limit: int = 40) -> None:
    for _ in range(limit):
        if focused(page) == wanted:
            return
        page.keyboard.press(key)
    raise AssertionError(f"never reached {wanted!r} with {key}; last focus {focused(page)!r}")


def test_keyboard_only__open_choose_answer_and_close(
    web_stack: WebStack, make_page: MakePage
) -> None:
    page = make_page().page
    page.goto(web_stack.url)

    # The page's links come first, then "Get help now" and the launcher.
    tab_until(page, "a:Get help now")
    page.keyboard.press("Tab")
    assert focused(page) == "button:Reflect with SecureBase"
    page.keyboard.press("Enter")
    expect(message_box(page)).to_be_focused()
    expect(quick_reply(page, "Reflect on early experiences")).to_be_visible()

    # Focus order inside the panel, backwards from the message box.
    order = []
    for _ in range(8):
        page.keyboard.press("Shift+Tab")
        order.append(focused(page))
    assert order == [
        "button:Seek attachment-informed support",
        "button:Develop emotional literacy",
        "button:Practise constructive exposure",
        "button:Observe relationship patterns",
        "button:Reflect on early experiences",
        "div:Conversation with SecureBase",
        "button:Close chat",
        "a:Get help now",
    ]
    tab_until(page, "button:Reflect on early experiences")
    page.keyboard.press("Enter")
    expect(message_box(page)).to_be_focused()
    if mood_asked_before(page, "Prompt 1 of 3"):
        tab_until(page, "button:3", key="Shift+Tab")
        page.keyboard.press("Space")
    bot_says(page, "Prompt 1 of 3")
    expect(progress(page)).to_be_visible()

    # Shift+Enter makes a new line and the box grows; Enter sends.
    box = message_box(page)
    expect(box).to_be_focused()
    one_line = box.bounding_box()
    first, second = DEEP.split(". ", 1)
    page.keyboard.type(first + ".")
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type(second)
    assert box.input_value() == f"{first}.\n\n{second}"
    grown = box.bounding_box()
    assert one_line and grown and grown["height"] > one_line["height"] + 20
    page.keyboard.press("Enter")
    expect(box).to_have_value("")
    expect(my_messages(page).last).to_have_text(f"{first}.\n\n{second}")
    bot_says(page, "Prompt 2 of 3")
    after = box.bounding_box()
    assert after and after["height"] < grown["height"]

    # Escape closes and gives focus back to the launcher; Enter reopens at the message box.
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(launcher(page)).to_be_focused()
    page.keyboard.press("Enter")
    expect(box).to_be_focused()

    # Help is reachable by keyboard and Escape brings focus back.
    tab_until(page, "a:Get help now", key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(help_view(page)).to_be_focused()
    page.keyboard.press("Escape")
    assert focused(page) == "a:Get help now"
    expect(conversation(page)).to_be_visible()


def test_labels_live_region_and_contrast(web_stack: WebStack, make_page: MakePage) -> None:
    page = make_page().page
    page.goto(web_stack.url)
    assert page.evaluate(LOW_CONTRAST) == []  # closed: launcher and help link
    launcher(page).click()
    expect(quick_reply(page, "Reflect on early experiences")).to_be_visible()
    start_early_experiences(page)

    log = conversation(page)
    expect(log).to_have_attribute("aria-live", "polite")
    # New bot messages land inside the live region, so screen readers announce them.
    expect(log.locator(".sb-bot", has_text="Prompt 1 of 3")).to_have_count(1)
    expect(log.locator(".sb-bot .sb-sr").last).to_have_text("SecureBase said: ")
    title = page.get_by_role("dialog").get_attribute("aria-labelledby")
    expect(page.locator(f"#{title}")).to_have_text("SecureBase")
    hint = message_box(page).get_attribute("aria-describedby")
    expect(page.locator(f"#{hint}")).to_contain_text("Shift+Enter for a new line")

    assert page.evaluate(UNNAMED_CONTROLS) == []
    assert page.evaluate(LOW_CONTRAST) == []
    page.get_by_role("dialog").get_by_role("link", name="Get help now").click()
    assert page.evaluate(LOW_CONTRAST) == []
    assert page.evaluate(UNNAMED_CONTROLS) == []
