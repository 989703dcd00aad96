"""A real stack (Rasa, actions, web process) and Debian's Chromium driven by Playwright.

Never downloads a browser: Chromium comes from Debian (/usr/bin/chromium).
Every page records console errors and uncaught exceptions; a test fails if
any JavaScript error reached the console.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Dialog,
    Page,
    Playwright,
    sync_playwright,
)

from bot.launcher import child_env, web_command
from bot.settings import PROJECT_ROOT
from tests.support.model import ensure_model
from tests.support.servers import Stack, free_port, wait_until

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = PROJECT_ROOT / "var" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
REPLY_TIMEOUT = 60_000  # ms; two shared cores, other test suites running

# What the browser itself logs when a server is unreachable (not a script error).
NETWORK_NOISE = re.compile(
    r"ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ERR_FAILED"
    r"|WebSocket connection to .* failed|Failed to load resource"
)


@dataclass
class WebStack:
    """Rasa + actions from tests.support, plus the web process serving the widget."""

    stack: Stack
    embed_port: int
    web: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.stack.settings.web_port}"

    @property
    def embed_origin(self) -> str:
        return f"http://127.0.0.1:{self.embed_port}"

    def start_web(self) -> None:
        settings = self.stack.settings
        env = child_env(settings)
        # The web process reads its settings from the environment like in production.
        env.update({
            "RASA_PORT": str(settings.rasa_port),
            "WEB_PORT": str(settings.web_port),
            "WIDGET_ORIGINS": ",".join(settings.widget_origins),
        })
        log = (self.stack.workdir / "web.log").open("ab")
        self.web = subprocess.Popen(
            web_command(settings), cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log
        )
        wait_until(lambda: httpx.get(f"{self.url}/widget.js").status_code == 200, 60, "web")

    def stop_web(self) -> None:
        if self.web is not None and self.web.poll() is None:
            self.web.terminate()
            self.web.wait(timeout=20)


@pytest.fixture(scope="session")
def widget_assets() -> None:
    """socket.io-client from the npm registry, as `make install` does (fast when present)."""
    subprocess.run(["bash", str(PROJECT_ROOT / "scripts" / "build-widget.sh")], check=True)


@pytest.fixture(scope="session")
def web_stack(
    widget_assets: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WebStack]:
    stack = Stack(workdir=tmp_path_factory.mktemp("browser-stack"), model=ensure_model())
    embed_port = free_port()
    # A second origin plays "someone else's website" that embeds the widget.
    stack.settings = replace(
        stack.settings, widget_origins=(f"http://127.0.0.1:{embed_port}",)
    )
    running = WebStack(stack=stack, embed_port=embed_port)
    try:
        stack.start_actions()
        stack.start_rasa()
        running.start_web()
        yield running
    finally:
        running.stop_web()
        stack.stop_all()


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
    browser = playwright_instance.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@dataclass
class Watched:
    """A page plus everything that went wrong in it."""

    page: Page
    errors: list[str] = field(default_factory=list)
    network_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    allow_network_errors: bool = False

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            noise = NETWORK_NOISE.search(message.text)
            (self.network_errors if noise else self.errors).append(message.text)

    def script_errors(self) -> list[str]:
        if self.allow_network_errors:
            return self.errors
        return self.errors + self.network_errors


def watch(page: Page) -> Watched:
    watched = Watched(page)
    page.on("console", watched.on_console)
    page.on("pageerror", lambda error: watched.errors.append(f"pageerror: {error}"))

    def on_dialog(dialog: Dialog) -> None:
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return watched


@pytest.fixture
def make_page(browser: Browser) -> Iterator[Callable[..., Watched]]:
    """Open fresh browser contexts (own localStorage); fail the test on any JS error."""
    opened: list[Watched] = []
    contexts: list[BrowserContext] = []

    def open_page(viewport: dict[str, int] | None = None, **options: Any) -> Watched:
        context = browser.new_context(viewport=viewport or DESKTOP, **options)
        context.set_default_timeout(REPLY_TIMEOUT)
        contexts.append(context)
        watched = watch(context.new_page())
        opened.append(watched)
        return watched

    yield open_page
    problems = [e for watched in opened for e in watched.script_errors()]
    dialogs = [d for watched in opened for d in watched.dialogs]
    for context in contexts:
        context.close()
    assert not problems, f"JavaScript errors reached the console: {problems}"
    assert not dialogs, f"a dialog fired: {dialogs}"
