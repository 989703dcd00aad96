"""The REST token and the flood limits, on real servers started with a token and tight limits."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.evaluation.abuse_clients import Rest, reply_text, user_messages_stored
from tests.support.servers import Stack

pytestmark = pytest.mark.integration

TOKEN = "t0k3n-" + "a" * 40
SENDER_PER_MINUTE = 6
ADDRESS_PER_MINUTE = 20


@pytest.fixture(scope="module")
def guarded(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    stack = Stack(workdir=tmp_path_factory.mktemp("door-stack"), model=trained_model)
    stack.settings = replace(
        stack.settings,
        rest_token=TOKEN,
        sender_rate_per_minute=SENDER_PER_MINUTE,
        address_rate_per_minute=ADDRESS_PER_MINUTE,
    )
    try:
        stack.start_actions()
        stack.start_rasa()  # Stack.post sends the token
        yield stack
    finally:
        stack.stop_all()


def stored(stack: Stack, sender: str) -> int:
    return user_messages_stored(stack.settings.tracker_db, sender)


def test_token__without_or_with_a_wrong_one_nothing_is_read(guarded: Stack) -> None:
    url = guarded.settings.rasa_url
    for rest in (Rest(url), Rest(url, token="wrong"), Rest(url, token=TOKEN[:-1])):
        response = rest.say("no-token", "hi")
        assert response.status_code == 401
        assert response.json()["error"] == "unauthorized"
    assert stored(guarded, "no-token") == 0
    assert Rest(url, token=TOKEN).say("with-token", "hi").status_code == 200
    assert stored(guarded, "with-token") == 1


def test_flood__one_sender_is_held_back_calmly_and_others_still_get_in(guarded: Stack) -> None:
    rest = Rest(guarded.settings.rasa_url, token=TOKEN)
    statuses: list[int] = []
    answered: list[bool] = []
    lock = threading.Lock()

    def send() -> None:
        client = Rest(guarded.settings.rasa_url, token=TOKEN)
        response = client.say("flooding", "spam")
        with lock:
            statuses.append(response.status_code)
            answered.append(bool(reply_text(response)))

    threads = [threading.Thread(target=send) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    let_in = statuses.count(200)
    assert statuses.count(429) >= 20 - SENDER_PER_MINUTE - 1
    assert set(statuses) <= {200, 429} and all(answered), "every message got an answer"
    assert stored(guarded, "flooding") == let_in, "what was let in is stored, nothing else"
    held = rest.say("flooding", "one more")
    assert held.status_code == 429 and "wait about" in held.json()["message"]
    assert int(held.headers["Retry-After"]) >= 1
    assert rest.say("someone-else", "hi").status_code == 200


def test_flood__one_address_with_many_senders_is_held_back_others_are_not(
    guarded: Stack,
) -> None:
    crowd = Rest(guarded.settings.rasa_url, token=TOKEN, local_address="127.0.0.3")
    statuses = [crowd.say(f"crowd-{n}", "hi").status_code for n in range(ADDRESS_PER_MINUTE + 10)]
    assert statuses.count(429) >= 5
    busy = crowd.say("crowd-late", "hi")
    assert busy.status_code == 429 and busy.json()["error"] == "busy"
    for number, status in enumerate(statuses):
        assert stored(guarded, f"crowd-{number}") == (1 if status == 200 else 0)
    elsewhere = Rest(guarded.settings.rasa_url, token=TOKEN)  # from 127.0.0.1
    assert elsewhere.say("not-in-the-crowd", "hi").status_code == 200
