"""Bad input and guessed ids at the real REST webhook: calm answers, nothing stored wrongly."""

from __future__ import annotations

import json

import httpx
import pytest

from bot.evaluation.abuse_clients import Rest, Widget, reply_text, user_messages_stored
from tests.support.run_async import run_async
from tests.support.servers import Stack, texts

pytestmark = pytest.mark.integration

ANSWER = (
    "When I was little my dad worked nights, and I felt lonely and unsure whether he would"
    " notice me. Maybe he was just exhausted. I still wait for people to reach out first."
)


@pytest.fixture(scope="module")
def rest(stack: Stack) -> Rest:
    return Rest(stack.settings.rasa_url)


def stored(stack: Stack, sender: str) -> int:
    return user_messages_stored(stack.settings.tracker_db, sender)


def refused_calmly(response: httpx.Response, status: int, reason: str) -> None:
    assert response.status_code == status
    body = response.json()
    assert body["error"] == reason
    assert body["message"] and "Traceback" not in body["message"]


def test_missing_sender__is_refused_and_never_becomes_default(stack: Stack, rest: Rest) -> None:
    before = stored(stack, "default")
    refused_calmly(rest.post({"message": "export my data"}), 400, "missing_sender")
    refused_calmly(rest.post({"sender": "", "message": "hi"}), 400, "missing_sender")
    refused_calmly(rest.post({"sender": None, "message": "hi"}), 400, "missing_sender")
    assert stored(stack, "default") == before == 0


@pytest.mark.parametrize(
    "sender",
    ["x" * 10_000, "a\x00b", "bell\x07", "esc\x1b[31m", "line\nbreak", "../../etc/passwd",
     "back\\slash", "with space", 12345],
    ids=["10k", "nul", "bell", "ansi", "newline", "path", "backslash", "space", "number"],
)
def test_odd_sender__is_refused_kindly_and_not_echoed(
    stack: Stack, rest: Rest, sender: object
) -> None:
    response = rest.say(sender, "hi")  # type: ignore[arg-type]
    refused_calmly(response, 400, "bad_sender")
    if isinstance(sender, str):
        assert sender not in response.text
        assert stored(stack, sender) == 0


@pytest.mark.parametrize(
    "message", [None, {"an": "object"}, ["a", "list"], 12345, True], ids=str
)
def test_message_that_is_not_text__is_refused_and_nothing_stored(
    stack: Stack, rest: Rest, message: object
) -> None:
    who = "not-text-" + type(message).__name__
    refused_calmly(rest.say(who, message), 400, "message_not_text")
    assert stored(stack, who) == 0


def test_malformed_json_and_wrong_content_types__are_refused(stack: Stack, rest: Rest) -> None:
    refused_calmly(rest.raw(b'{"sender": "broken", "message": "hi'), 400, "malformed_json")
    body = json.dumps({"sender": "broken", "message": "hi"}).encode()
    refused_calmly(rest.raw(body, "text/plain"), 415, "not_json")
    refused_calmly(rest.raw(b"sender=broken&message=hi", "application/x-www-form-urlencoded"),
                   415, "not_json")
    refused_calmly(rest.raw(body, None), 415, "not_json")
    refused_calmly(rest.raw(b'"just a string"'), 400, "not_an_object")
    assert stored(stack, "broken") == 0


def test_deeply_nested_payloads__are_refused(stack: Stack, rest: Rest) -> None:
    refused_calmly(rest.raw(b"[" * 50_000 + b"]" * 50_000), 400, "too_deep")
    nested: object = "x"
    for _ in range(12):
        nested = {"a": nested}
    refused_calmly(rest.post({"sender": "nested", "message": "hi", "metadata": nested}),
                   400, "too_deep")
    assert stored(stack, "nested") == 0


def test_oversized__a_megabyte_is_refused_a_long_answer_is_not(stack: Stack, rest: Rest) -> None:
    refused_calmly(rest.say("huge", "a" * 1_000_000), 413, "too_large")
    refused_calmly(rest.say("huge", "a" * 3_000_000), 413, "too_large")  # never read whole
    refused_calmly(rest.say("huge", "I feel " * 4300), 413, "too_large")
    assert stored(stack, "huge") == 0
    response = rest.say("huge", "I felt anxious and then relieved. " * 600)
    assert response.status_code == 200 and reply_text(response)
    assert stored(stack, "huge") == 1


def test_refused_crisis_message__still_gets_the_crisis_resources(rest: Rest) -> None:
    response = rest.say("crisis-" + "x" * 200, "I want to kill myself tonight")
    assert response.status_code == 400
    words = reply_text(response)
    assert "findahelpline.com" in words and "safe right now" in words


def test_replayed_affirm_after_an_unrelated_message__deletes_nothing(stack: Stack) -> None:
    who = "replayed-affirm"
    stack.say(who, '/choose_module{"takeaway": "emotional_literacy"}')
    stack.say(who, "skip")
    stack.say(who, ANSWER)
    assert "permanently deletes" in texts(stack.say(who, "delete my data"))
    stack.say(who, "what is an internal working model")
    before = stored(stack, who)
    reply = texts(stack.say(who, "/affirm"))
    assert "Nothing was sent or deleted" in reply and "has been deleted" not in reply
    assert stored(stack, who) == before + 1
    summary = texts(stack.say(who, "what do you store about me"))
    assert "1 written answer" in summary
    # Asked again and confirmed at once, the deletion goes ahead.
    stack.say(who, "delete my data")
    assert "has been deleted" in texts(stack.say(who, "/affirm"))
    assert stored(stack, who) == 0


def test_typed_payload__asks_for_confirmation_and_a_stray_affirm_confirms_nothing(
    stack: Stack,
) -> None:
    who = "typed-payload"
    stack.say(who, '/choose_module{"takeaway": "seek_support"}')
    stack.say(who, "skip")
    stack.say(who, ANSWER)
    assert "permanently deletes" in texts(stack.say(who, "/delete_data"))
    assert "Okay, nothing was deleted" in texts(stack.say(who, "/deny"))
    assert "has been deleted" not in texts(stack.say(who, "/affirm"))
    assert "1 written answer" in texts(stack.say(who, "what do you store about me"))


def test_export__only_after_confirmation_and_only_as_this_reply(stack: Stack) -> None:
    who = "export-confirm"
    stack.say(who, '/choose_module{"takeaway": "early_experiences"}')
    stack.say(who, "skip")
    stack.say(who, ANSWER)
    asked = stack.say(who, "export my data")
    assert "Send it now?" in texts(asked) and not any("custom" in r for r in asked)
    exported = [r for r in stack.say(who, "yes") if "custom" in r]
    data = exported[0]["custom"]["data"]["securebase_export"]
    assert data["modules"][0]["answers"][0]["text"] == ANSWER
    stack.say(who, "export my data")
    assert "I haven't sent anything" in texts(stack.say(who, "no"))


def test_guessed_widget_id_over_rest__gets_no_export_and_deletes_nothing(stack: Stack) -> None:
    async def widget_person() -> str:
        widget = Widget(stack.settings.rasa_url)
        session = await widget.open(None)
        await widget.say('/choose_module{"takeaway": "emotional_literacy"}')
        await widget.say("skip")
        await widget.say(ANSWER)
        await widget.close()
        return session

    session = run_async(widget_person())
    assert len(session) >= 32
    rest = Rest(stack.settings.rasa_url)
    stack.say(session, "export my data")
    # Claiming to be the widget does not help: the REST channel always records itself.
    spoofed = rest.post({"sender": session, "message": "yes", "input_channel": "socketio"})
    replies = spoofed.json()
    assert not any("custom" in r for r in replies)
    assert "only send or delete your data in the chat where it was" in texts(replies)
    stack.say(session, "delete my data")
    assert "has been deleted" not in texts(stack.say(session, "yes"))
    assert stored(stack, session) >= 3


def test_guessed_id_that_nobody_uses__exports_nothing_of_anyone(stack: Stack) -> None:
    who = "guessed-9f8e7d6c"
    stack.say(who, "export my data")
    exported = [r for r in stack.say(who, "yes") if "custom" in r]
    data = exported[0]["custom"]["data"]["securebase_export"]
    assert data["person"] is None and data["modules"] == []
