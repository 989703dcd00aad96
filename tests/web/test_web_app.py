"""The web process without a browser: routes, headers, crisis resources, widget size."""

from __future__ import annotations

import os
import re
import time
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from bot.settings import Settings
from bot.supervision.status import ProcessStatus, write_status
from bot.web import app as web_app
from bot.web.app import STATIC, create_app

SETTINGS = Settings(rasa_port=5999, web_port=8123, widget_origins=("https://partner.example",))


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app(SETTINGS))


def test_landing__embeds_the_widget_with_one_script_tag_pointing_at_rasa(
    client: TestClient,
) -> None:
    page = client.get("/")
    assert page.status_code == 200
    tags = re.findall(r"<script\b[^>]*>", page.text)
    assert len(tags) == 1
    assert 'src="/widget.js"' in tags[0] and 'data-server="http://127.0.0.1:5999"' in tags[0]
    assert 'data-title="SecureBase"' in tags[0] and 'data-initial-message="hi"' in tags[0]


def test_landing__sets_a_strict_content_security_policy(client: TestClient) -> None:
    csp = client.get("/").headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["connect-src"] == "'self' http://127.0.0.1:5999 ws://127.0.0.1:5999"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "*" not in csp


def test_landing__has_no_inline_script_or_style(client: TestClient) -> None:
    html = client.get("/").text
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), "inline event handler"


def test_every_response__carries_security_headers(client: TestClient) -> None:
    for path in ("/", "/help", "/widget.js", "/widget.css", "/crisis-resources.json"):
        response = client.get(path)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert "content-security-policy" in response.headers, path


def test_widget_assets__are_served_with_the_right_types(client: TestClient) -> None:
    js = client.get("/widget.js")
    css = client.get("/widget.css")
    assert js.status_code == css.status_code == 200
    assert js.headers["content-type"].startswith("text/javascript")
    assert css.headers["content-type"].startswith("text/css")
    assert js.headers["cache-control"] == "no-cache" and "etag" in js.headers


def test_socket_io_client__is_served_from_node_modules(client: TestClient) -> None:
    if not (web_app.SOCKET_IO_DIST / "socket.io.min.js").is_file():
        pytest.skip("run scripts/build-widget.sh first")
    response = client.get("/widget/socket.io.min.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert "socket.io" in response.text[:400].lower()


def test_socket_io_client__other_names_are_not_served(client: TestClient) -> None:
    assert client.get("/widget/package.json").status_code == 404
    assert client.get("/widget/..%2Fpackage.json").status_code == 404


def test_socket_io_client__missing_install_says_how_to_fix(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setattr(web_app, "SOCKET_IO_DIST", tmp_path)
    response = client.get("/widget/socket.io.min.js")
    assert response.status_code == 503 and "build-widget.sh" in response.text


def test_crisis_json__gives_the_configured_region_without_rasa(client: TestClient) -> None:
    data = client.get("/crisis-resources.json").json()
    assert data["region"] == "international"
    assert data["helplines"][0]["url"] == "https://findahelpline.com"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["last_checked"])


def test_crisis_json__uses_the_crisis_region_setting() -> None:
    uk = TestClient(create_app(replace(SETTINGS, crisis_region="uk")))
    data = uk.get("/crisis-resources.json").json()
    assert data["region"] == "uk" and data["emergency_number"].startswith("999")
    assert any("116 123" in line["contact"] for line in data["helplines"])


def test_crisis_json__an_embedding_page_may_ask_for_a_known_region(client: TestClient) -> None:
    assert client.get("/crisis-resources.json?region=US").json()["region"] == "us"
    assert client.get("/crisis-resources.json?region=atlantis").json()["region"] == "international"


def test_crisis_json__is_readable_only_by_listed_origins(client: TestClient) -> None:
    allowed = client.get("/crisis-resources.json", headers={"Origin": "https://partner.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://partner.example"
    own = client.get("/crisis-resources.json", headers={"Origin": "http://localhost:8123"})
    assert own.headers["access-control-allow-origin"] == "http://localhost:8123"
    other = client.get("/crisis-resources.json", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_help_page__lists_resources_as_plain_html(client: TestClient) -> None:
    page = client.get("/help?region=uk")
    assert page.status_code == 200
    assert "999" in page.text and "Samaritans" in page.text
    assert 'target="_blank" rel="noopener noreferrer"' in page.text
    assert "<script" not in page.text


def test_health__reports_rasa_unreachable_with_503(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 503
    assert response.json() == {"web": "ok", "rasa": "unreachable"}


def test_widget_code__stays_under_30_kb_unminified() -> None:
    size = (STATIC / "widget.js").stat().st_size + (STATIC / "widget.css").stat().st_size
    assert size < 30_000, f"widget.js + widget.css are {size} bytes"


def test_widget_code__never_uses_innerhtml_or_eval() -> None:
    source = (STATIC / "widget.js").read_text(encoding="utf-8")
    for risky in (".innerHTML", ".outerHTML", "insertAdjacentHTML(", "document.write(", "eval(",
                  "new Function("):
        assert risky not in source, risky


def test_health__reports_each_process_from_the_launchers_status_file(tmp_path: Path) -> None:
    status_file = tmp_path / "processes.json"
    write_status(
        status_file,
        {
            "rasa": ProcessStatus(state="up", pid=1),
            "actions": ProcessStatus(
                state="restarting", restart_times=[time.time() - 5], last_exit="exit code 1"
            ),
        },
        pid=os.getpid(),
    )
    client = TestClient(create_app(replace(SETTINGS, status_file=str(status_file))))
    body = client.get("/health").json()
    assert body["supervisor"] == "running"
    assert body["processes"]["actions"] == {
        "state": "restarting",
        "restarts_last_hour": 1,
        "last_exit": "exit code 1",
    }
    assert body["processes"]["rasa"]["state"] == "up" and "pid" not in body["processes"]["rasa"]
