"""Reflection elements after Ullmann (2019), each pinned by a sentence."""

from __future__ import annotations

import pytest

from bot.scoring import ELEMENT_KEYS, score_answer


def _elements(text: str) -> dict[str, bool]:
    return dict(score_answer(text, "relationship_patterns").elements)


def test_elements__keys_are_the_eight_rubric_elements() -> None:
    assert tuple(_elements("I felt sad.")) == ELEMENT_KEYS


@pytest.mark.parametrize(
    ("key", "present", "absent"),
    [
        ("experience", "Yesterday my partner forgot to call me back.", "I like calm people."),
        ("feelings", "I felt lonely.", "I went to work."),
        ("self_belief", "I think I'm a burden to my friends.", "My friends are busy."),
        ("other_belief", "People always leave in the end.", "I went to the park."),
        ("pattern", "Every time someone gets close I pull away.", "I pulled away once."),
        ("perspective", "Maybe she was just exhausted from work.", "She was late."),
        ("lesson", "I realise now that I expect rejection.", "I expect nothing."),
        ("future_intention", "Next time I'll tell him how I feel.", "I told him how I felt."),
    ],
)
def test_elements__each_element_has_a_cue_that_fires_and_a_neighbour_that_does_not(
    key: str, present: str, absent: str
) -> None:
    assert _elements(present)[key] is True
    assert _elements(absent)[key] is False


def test_elements__reported_judgement_is_not_a_self_belief() -> None:
    assert _elements("My mum said I was selfish.")["self_belief"] is False


def test_elements__reported_judgement_is_evidence_about_the_other() -> None:
    assert _elements("My mum said I was selfish.")["other_belief"] is True


def test_elements__adopted_judgement_becomes_a_self_belief() -> None:
    assert _elements("My mum said I was selfish, and I believed her.")["self_belief"] is True


def test_elements__negated_pattern_cue_does_not_fire() -> None:
    assert _elements("It doesn't happen every time.")["pattern"] is False


def test_elements__every_element_carries_evidence_spans() -> None:
    text = "Every time someone gets close I pull away. Next time I'll stay."
    result = score_answer(text, "relationship_patterns")
    dimensions = {e.dimension for e in result.evidence}
    assert {"pattern", "future_intention"} <= dimensions
    for evidence in result.evidence:
        assert text[evidence.start : evidence.end] == evidence.text
