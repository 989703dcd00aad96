"""Errors forced inside NLU, a policy, the tracker store, an action and the channel
are logged the way Rasa and rasa-sdk log them, and no line holds the text or the
raw sender id. Rasa's own structlog set-up (JSON with dict tracebacks, which
include frame locals) is used, with ``bot.redaction`` installed on top of it.
"""

from __future__ import annotations

import contextvars
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import structlog
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.log_utils import configure_structlog
from rasa_sdk.executor import ActionExecutor
from sqlalchemy import text as sql

from bot import redaction
from bot.channels import no_silence
from bot.dialogue.policies import RecentMemoizationPolicy
from bot.storage.tracker_store import SecureBaseTrackerStore
from tests.support.aio import run_sync

TEXT = "I felt ashamed about the unrepeatable-phrase-8841"
SENDER = "person-raw-id-5c1d"


@pytest.fixture
def rasa_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Rasa's logging as `rasa run` sets it up, redaction installed, restored afterwards."""
    saved_config = structlog.get_config()
    saved_factory = logging.getLogRecordFactory()
    configure_structlog(logging.DEBUG)
    redaction.install()
    caplog.set_level(logging.DEBUG)
    try:
        yield caplog
    finally:
        logging.setLogRecordFactory(saved_factory)
        structlog.configure(**saved_config)


def assert_clean(caplog: pytest.LogCaptureFixture) -> None:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    lines = "\n".join(formatter.format(record) for record in caplog.records)
    assert caplog.records, "the failure was not logged at all"
    assert "Traceback" in lines  # the failure itself is still there to debug
    for secret in (TEXT, TEXT.lower(), "unrepeatable-phrase-8841", SENDER):
        assert secret not in lines
        assert secret not in caplog.text


def log_like_rasa(error: BaseException) -> None:
    """Both ways Rasa logs a failure: structlog with ``text=`` and stdlib with exc_info."""
    structlog.get_logger().exception("rest.message.received.failure", text=TEXT, exc_info=error)
    logging.getLogger("rasa.core.processor").error("failed for %s", SENDER, exc_info=error)


def fail_while_handling(step: Any) -> None:
    """Run ``step`` as part of handling the message (its own context), then log its failure."""

    def handling() -> None:
        redaction.hold_back(TEXT, SENDER)
        try:
            step()
        except Exception as error:  # noqa: BLE001 - that is the point
            log_like_rasa(error)
        else:
            pytest.fail("the forced error did not happen")

    contextvars.copy_context().run(handling)


def test_nlu_failure__logs_no_text(
    rasa_logs: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())

    def broken(message: Message, attribute: str) -> list[Any]:
        raise ValueError(f"cannot split {message.get(attribute)!r}")

    monkeypatch.setattr(tokenizer, "tokenize", broken)
    fail_while_handling(lambda: tokenizer.process([Message(data={"text": TEXT})]))
    assert_clean(rasa_logs)


def test_policy_failure__logs_no_text(
    rasa_logs: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    policy = RecentMemoizationPolicy.create(
        RecentMemoizationPolicy.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("memo"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    tracker = DialogueStateTracker.from_events(SENDER, [UserUttered(TEXT, {"name": "greet"})])

    def broken(*_: Any, **__: Any) -> Any:
        raise KeyError(f"{tracker.sender_id}: {tracker.latest_message.text}")

    monkeypatch.setattr(policy, "recall", broken)
    fail_while_handling(lambda: policy.predict_action_probabilities(tracker, Domain.empty()))
    assert_clean(rasa_logs)


def test_tracker_store_failure__logs_no_text(
    rasa_logs: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    store = SecureBaseTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db"))
    with store.engine.begin() as connection:
        connection.execute(sql("DROP TABLE events"))
    tracker = DialogueStateTracker.from_events(SENDER, [UserUttered(TEXT, {"name": "greet"})])
    # SQLAlchemy's error quotes the statement's parameters: the sender id and the text.
    fail_while_handling(lambda: run_sync(store.save(tracker)))
    assert_clean(rasa_logs)


def test_action_failure__logs_no_text(
    rasa_logs: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    executor = ActionExecutor()
    executor.register_package("actions")

    def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError(f"session for {SENDER} after {TEXT}")

    monkeypatch.setattr("actions.session.SessionStarted", broken)
    action_call = {
        "next_action": "action_session_start",
        "sender_id": SENDER,
        "tracker": {
            "sender_id": SENDER,
            "slots": {},
            "latest_message": {"text": TEXT, "intent": {"name": "greet"}},
            "events": [],
        },
        "domain": {},
    }

    async def as_the_endpoint_does() -> None:
        try:
            await executor.run(action_call)
        except Exception as error:  # noqa: BLE001 - logged as rasa_sdk.endpoint logs it
            logging.getLogger("rasa_sdk.endpoint").error(
                msg=f"Exception occurred during execution of request {action_call}",
                exc_info=error,
            )
            return
        pytest.fail("the forced error did not happen")

    run_sync(as_the_endpoint_does())
    assert_clean(rasa_logs)


def test_channel_failure__person_answered_and_logs_no_text(
    rasa_logs: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def alive(_: str) -> str:
        return "alive"

    monkeypatch.setattr(no_silence, "probe_action_server", alive)

    async def rasa(message: UserMessage) -> None:
        raise RuntimeError(f"could not handle {message.text!r} from {message.sender_id}")

    channel = CollectingOutputChannel()
    run_sync(no_silence.never_silent(rasa)(UserMessage(TEXT, channel, SENDER)))
    time.sleep(0.01)
    assert "technical problem" in channel.messages[0]["text"]
    assert_clean(rasa_logs)


def test_sender_ids_in_logs__become_a_stable_short_hash(
    rasa_logs: pytest.LogCaptureFixture,
) -> None:
    def handling() -> None:
        redaction.hold_back(TEXT, SENDER)
        logging.getLogger("rasa.core").info("Creating a new tracker for id '%s'.", SENDER)
        structlog.get_logger().info("tracker.created", sender_id=SENDER)

    contextvars.copy_context().run(handling)
    (first, second) = (record.getMessage() for record in rasa_logs.records)
    assert redaction.sender_hash(SENDER) in first and redaction.sender_hash(SENDER) in second
    assert SENDER not in first + second
