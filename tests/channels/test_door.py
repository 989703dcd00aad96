"""The door's checks on plain values: what is refused, with which status and reason."""

from __future__ import annotations

import json

import pytest

from bot.channels.door import (
    MAX_BODY_BYTES,
    MAX_MESSAGE_CHARS,
    Door,
    Refusal,
    RestMessage,
    check_sender,
    check_token,
    read_rest_body,
    valid_session_id,
)
from bot.content.door_messages import REASONS, load_door_messages

JSON = "application/json"


def body(**fields: object) -> bytes:
    return json.dumps(fields).encode()


def reason(result: RestMessage | Refusal) -> str:
    assert isinstance(result, Refusal), result
    return result.reason


def test_read_rest_body__a_plain_message_is_let_in() -> None:
    read = read_rest_body(body=body(sender="p-1", message="hi"), content_type=JSON)
    assert read == RestMessage("p-1", "hi", None)


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"message": "hi"}, "missing_sender"),
        ({"sender": "", "message": "hi"}, "missing_sender"),
        ({"sender": "   ", "message": "hi"}, "missing_sender"),
        ({"sender": None, "message": "hi"}, "missing_sender"),
        ({"sender": 42, "message": "hi"}, "bad_sender"),
        ({"sender": "x" * 129, "message": "hi"}, "bad_sender"),
        ({"sender": "bell\x07", "message": "hi"}, "bad_sender"),
        ({"sender": "new\nline", "message": "hi"}, "bad_sender"),
        ({"sender": "../../etc/passwd", "message": "hi"}, "bad_sender"),
        ({"sender": "a\\b", "message": "hi"}, "bad_sender"),
        ({"sender": "p", "message": None}, "message_not_text"),
        ({"sender": "p", "message": ["a", "list"]}, "message_not_text"),
        ({"sender": "p", "message": {"an": "object"}}, "message_not_text"),
        ({"sender": "p", "message": 12345}, "message_not_text"),
        ({"sender": "p"}, "message_not_text"),
        ({"sender": "p", "message": "x" * (MAX_MESSAGE_CHARS + 1)}, "too_large"),
        ({"sender": "p", "message": "hi", "metadata": "text"}, "metadata_too_large"),
        ({"sender": "p", "message": "hi", "metadata": {"a": "x" * 3000}}, "metadata_too_large"),
    ],
)
def test_read_rest_body__odd_fields_are_refused_with_a_reason(
    payload: dict[str, object], expected: str
) -> None:
    assert reason(read_rest_body(body=json.dumps(payload).encode(), content_type=JSON)) == expected


def test_read_rest_body__a_long_but_allowed_message_is_kept_whole() -> None:
    text = "I felt anxious and then relieved. " * 600
    read = read_rest_body(body=body(sender="p", message=text), content_type=JSON)
    assert isinstance(read, RestMessage) and read.text == text


@pytest.mark.parametrize(
    ("raw", "content_type", "expected"),
    [
        (b'{"sender": "p", "message": "hi"', JSON, "malformed_json"),
        (b"\xff\xfe", JSON, "malformed_json"),
        (b"", JSON, "malformed_json"),
        (b'{"sender": "p", "message": "hi"}', "text/plain", "not_json"),
        (b'{"sender": "p", "message": "hi"}', None, "not_json"),
        (b'sender=p&message=hi', "application/x-www-form-urlencoded", "not_json"),
        (b"null", JSON, "not_an_object"),
        (b'["p", "hi"]', JSON, "not_an_object"),
        (b"[" * 50_000 + b"]" * 50_000, JSON, "too_deep"),
        (b'{"sender": "p", "message": "hi", "metadata": ' + b'{"a":' * 12 + b"1" + b"}" * 13,
         JSON, "too_deep"),
        (b" " * (MAX_BODY_BYTES + 1), JSON, "too_large"),
    ],
)
def test_read_rest_body__unreadable_bodies_are_refused(
    raw: bytes, content_type: str | None, expected: str
) -> None:
    assert reason(read_rest_body(body=raw, content_type=content_type)) == expected


def test_read_rest_body__json_with_a_charset_is_fine() -> None:
    utf8 = JSON + "; charset=utf-8"
    read = read_rest_body(body=body(sender="p", message="hi"), content_type=utf8)
    assert isinstance(read, RestMessage)


def test_check_sender__ids_of_existing_channels_pass() -> None:
    for sender in ("odd-input-person", "__warmup__", "123456789", "a1b2c3d4" * 4, "x@y.z:1"):
        assert check_sender(sender) is None, sender


def test_check_token__needed_only_when_one_is_configured() -> None:
    assert check_token(None, "") is None
    assert check_token("Bearer s3cret", "s3cret") is None
    assert check_token("bearer s3cret", "s3cret") is None
    for header in (None, "", "Bearer wrong", "s3cret", "Basic s3cret"):
        refusal = check_token(header, "s3cret")
        assert refusal is not None and refusal.status == 401, header


def test_valid_session_id__only_long_random_looking_ids() -> None:
    assert valid_session_id("0123456789abcdef0123456789abcdef")
    for session_id in ("alice", "1234", None, 7, "a" * 31, "a" * 129, "../" + "a" * 40):
        assert not valid_session_id(session_id), session_id


def test_door__a_flooding_sender_is_refused_and_others_still_get_in() -> None:
    door = Door(sender_per_minute=3, address_per_minute=1000)
    outcomes = []
    for _ in range(5):
        refusal = door.admit(sender="flood", address="10.0.0.1", text="hi")
        outcomes.append(refusal.reason if refusal else "in")
        if refusal is None:
            door.in_flight.leave("flood")
    assert outcomes == ["in", "in", "in", "too_fast", "too_fast"]
    assert door.admit(sender="calm", address="10.0.0.1", text="hi") is None


def test_door__one_address_with_many_senders_is_slowed_down() -> None:
    door = Door(sender_per_minute=100, address_per_minute=2)
    assert door.admit(sender="a", address="10.0.0.9", text="") is None
    assert door.admit(sender="b", address="10.0.0.9", text="") is None
    refusal = door.admit(sender="c", address="10.0.0.9", text="")
    assert refusal is not None and refusal.reason == "busy" and refusal.status == 429
    assert door.admit(sender="d", address="10.0.0.10", text="") is None


def test_door__a_sender_with_four_messages_waiting_is_asked_to_slow_down() -> None:
    door = Door(sender_per_minute=100, address_per_minute=100)
    for _ in range(4):
        assert door.admit(sender="eager", address="a", text="") is None
    refusal = door.admit(sender="eager", address="a", text="")
    assert refusal is not None and refusal.reason == "too_fast"
    door.in_flight.leave("eager")
    assert door.admit(sender="eager", address="a", text="") is None


def test_refusal__a_refused_crisis_message_still_gets_the_resources() -> None:
    lines = Refusal(429, "too_fast", retry_after=4, text="I want to kill myself tonight").messages()
    assert "4 seconds" in lines[0]
    assert any("findahelpline.com" in line for line in lines)
    assert any("safe right now" in line for line in lines)


def test_refusal__an_ordinary_refusal_is_one_calm_sentence() -> None:
    body = Refusal(413, "too_large", text="x" * 30_000).body()
    assert body["error"] == "too_large" and len(body["messages"]) == 1
    assert f"{MAX_MESSAGE_CHARS:,}" in body["message"]


def test_door_messages__every_reason_has_a_sentence() -> None:
    messages = load_door_messages()
    assert set(messages) == set(REASONS)
    assert all("Traceback" not in text and len(text) > 20 for text in messages.values())
