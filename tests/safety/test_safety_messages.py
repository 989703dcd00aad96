"""Crisis and concern replies: order, region resources, no lecture, no numbers for concern."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content import ContentError
from bot.safety import (
    REGIONS,
    concern_messages,
    crisis_messages,
    resources_for,
    technical_problem_message,
)
from bot.safety.messages import load_messages


@pytest.mark.parametrize("region", REGIONS)
def test_messages__crisis_reply_lists_the_regions_resources(region: str) -> None:
    messages = crisis_messages(region)
    resources = resources_for(region)
    joined = "\n".join(messages)
    assert resources.emergency_number in joined
    for helpline in resources.helplines:
        assert helpline.name in joined and helpline.contact in joined


def test_messages__crisis_reply_is_acknowledge_resources_safety_check_then_choice() -> None:
    ack, resources, safety, choice = crisis_messages("uk")
    assert "thank you" in ack.lower()
    assert "116 123" in resources and "999" in resources
    assert safety == "Are you safe right now?"
    assert "another time" in choice and "something else" in choice


def test_messages__crisis_reply_for_unknown_region_uses_international() -> None:
    joined = "\n".join(crisis_messages("zz"))
    assert "findahelpline.com" in joined
    assert "local emergency number" in joined


def test_messages__crisis_reply_does_not_lecture_or_mention_scores() -> None:
    joined = " ".join(crisis_messages("us")).lower()
    for word in ("should have", "must", "score", "wrong", "why did you"):
        assert word not in joined


def test_messages__concern_reply_validates_and_offers_a_pause_without_numbers() -> None:
    messages = concern_messages()
    joined = " ".join(messages)
    assert len(messages) == 2
    assert "pause" in joined
    assert not any(ch.isdigit() for ch in joined)
    assert "findahelpline" not in joined


def test_messages__a_missing_placeholder_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "safety_messages.yml"
    path.write_text(
        "crisis:\n  acknowledgement: a\n  resources_intro: b\n  helpline: '{name}'\n"
        "  emergency: 'call {emergency_number}'\n  safety_check: c\n  next_steps: d\n"
        "concern:\n  validation: e\n  offer_pause: f\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="helpline"):
        load_messages(tmp_path)


def test_messages__technical_problem_reply_is_honest_and_points_to_help() -> None:
    reply = technical_problem_message()
    assert "technical problem" in reply and "findahelpline.com" in reply
