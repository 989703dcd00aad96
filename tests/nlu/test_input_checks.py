from __future__ import annotations

from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.input_checks import (
    FULL_TEXT_KEY,
    InputCleaner,
    LongMessageFilter,
    cap_for_nlu,
    clean_text,
)


def test_clean_text__removes_zero_width_and_bidi_marks() -> None:
    assert clean_text("he\u200bllo\u202e world\ufeff") == "hello world"


def test_clean_text__folds_compatibility_characters() -> None:
    assert clean_text("ｓｔｏｐ") == "stop"


def test_cap_for_nlu__cuts_long_text_at_a_word_boundary() -> None:
    capped = cap_for_nlu("word " * 1000, 100)
    assert len(capped) <= 100 and not capped.endswith(" wo")


def test_input_guard__keeps_the_full_text_for_later_components() -> None:
    message = Message(data={TEXT: "x " * 5000})
    InputCleaner({"max_chars": 1500}).process([message])
    assert len(message.get(TEXT)) <= 1500
    assert len(message.get(FULL_TEXT_KEY)) > 9000


def _classified(text: str, intent: str) -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 0.9})
    return message


def test_command_guard__long_personal_message_is_not_a_stop_command() -> None:
    long_messages = LongMessageFilter(LongMessageFilter.get_default_config())
    text = "I always stop talking when my partner raises her voice and then I feel ashamed"
    (message,) = long_messages.process([_classified(text, "pause")])
    assert message.get(INTENT)["name"] == "share"


def test_command_guard__short_stop_stays_a_command() -> None:
    long_messages = LongMessageFilter(LongMessageFilter.get_default_config())
    (message,) = long_messages.process([_classified("let's stop here", "pause")])
    assert message.get(INTENT)["name"] == "pause"


def test_command_guard__long_statement_naming_a_concept_is_an_answer() -> None:
    long_messages = LongMessageFilter(LongMessageFilter.get_default_config())
    text = "I think my anxious attachment comes from my mum being so unpredictable when I was small"
    (message,) = long_messages.process([_classified(text, "ask_concept")])
    assert message.get(INTENT)["name"] == "share"


def test_command_guard__a_long_concept_question_stays_a_question() -> None:
    long_messages = LongMessageFilter(LongMessageFilter.get_default_config())
    text = (
        "Could you explain what researchers mean when they talk about an anxious attachment style?"
    )
    (message,) = long_messages.process([_classified(text, "ask_concept")])
    assert message.get(INTENT)["name"] == "ask_concept"
