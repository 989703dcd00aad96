"""Self and other views: content with evidence, never a label."""

from __future__ import annotations

import pytest

from bot.scoring import score_answer


def _views(text: str) -> tuple[str, str]:
    result = score_answer(text, "relationship_patterns")
    return result.self_view, result.other_view


def test_views__negative_self_statement_is_a_negative_self_view() -> None:
    assert _views("I'm a burden to everyone I know.")[0] == "negative"


def test_views__negated_negative_self_statement_is_positive() -> None:
    assert _views("I'm not a burden, I'm allowed to ask.")[0] == "positive"


def test_views__positive_and_negative_self_statements_are_mixed() -> None:
    assert _views("Part of me thinks I'm useless, but I know I'm capable.")[0] == "mixed"


def test_views__supportive_other_is_a_positive_other_view() -> None:
    assert _views("My sister was always there for me.")[1] == "positive"


def test_views__negated_support_is_a_negative_other_view() -> None:
    assert _views("My dad was never there for me.")[1] == "negative"


def test_views__nobody_helping_is_a_negative_other_view() -> None:
    assert _views("When I struggled, nobody helped.")[1] == "negative"


def test_views__quoted_judgement_is_the_others_view_not_the_persons() -> None:
    self_view, other_view = _views("My mum said I was selfish.")
    assert self_view == "unclear"
    assert other_view == "negative"


def test_views__adopted_judgement_counts_as_the_persons_self_view() -> None:
    assert _views("My mum said I was selfish, and I believed her.")[0] == "negative"


def test_views__weighing_another_reading_softens_a_negative_other_view() -> None:
    text = "He ignored my message and I felt hurt. Maybe he was just swamped at work."
    assert _views(text)[1] == "mixed"


def test_views__the_speakers_own_helping_says_nothing_about_others() -> None:
    assert _views("I helped my friend move house.")[1] == "unclear"


def test_views__nothing_evaluative_is_unclear() -> None:
    assert _views("We went to the cinema on Friday.") == ("unclear", "unclear")


def test_views__evidence_points_at_the_words_that_decided_it() -> None:
    text = "My dad was never there for me."
    result = score_answer(text, "early_experiences")
    spans = [e for e in result.evidence if e.dimension == "other_view"]
    assert [text[e.start : e.end] for e in spans] == ["there for me"]


def test_views__no_style_label_or_diagnosis_anywhere_in_the_result() -> None:
    text = "I always cling to partners and panic when they go quiet. I'm too needy."
    blob = str(score_answer(text, "relationship_patterns").to_dict()).lower()
    for label in ("anxious attachment", "preoccupied", "avoidant", "disorganised", "disorder"):
        assert label not in blob


def test_views__being_told_to_toughen_up_is_the_others_stance() -> None:
    assert _views("When I cried my dad told me to toughen up.")[1] == "negative"


# issue 12: worth and trust said implicitly, in people's own words ------------


def _evidence(text: str, dimension: str) -> list[str]:
    result = score_answer(text, "relationship_patterns")
    return [e.text for e in result.evidence if e.dimension == dimension]


@pytest.mark.parametrize(
    ("text", "self_view"),
    [("I'm too much for people.", "negative"),
     ("I tried to be good so they'd notice me", "negative"),
     ("I always feel like the backup option", "negative"),
     ("I don't want to be a burden on anyone", "negative"),
     ("I tried to be invisible so I wouldn't be in the way", "negative"),
     ("I'm just awkward and so boring", "negative"),
     ("I have to prove I'm worth staying for", "negative"),
     ("I think I'm easy to love", "positive"),
     ("I know my needs matter too", "positive"),
     ("I went to the dinner and honestly I held my own", "positive")],
)  # fmt: skip
def test_views__implicit_worth_is_read_with_its_evidence(text: str, self_view: str) -> None:
    assert _views(text)[0] == self_view
    assert all(span in text for span in _evidence(text, "self_view"))
    assert _evidence(text, "self_view")


@pytest.mark.parametrize(
    ("text", "other_view"),
    [("people go, so I leave first", "negative"),
     ("i leave first. before they can leave me.", "negative"),
     ("I'm fine on my own, I don't need anyone", "negative"),
     ("nobody helped my mum", "negative"),
     ("nobody came to my school things", "negative"),
     ("I still kind of expect people to bail", "negative"),
     ("my friends are solid. if i ring at 2am they pick up", "positive"),
     ("I always knew they'd be there if I really needed them", "positive"),
     ("my best friend always makes time for me when I'm low", "positive")],
)  # fmt: skip
def test_views__implicit_trust_is_read_with_its_evidence(text: str, other_view: str) -> None:
    assert _views(text)[1] == other_view
    assert _evidence(text, "other_view")


@pytest.mark.parametrize(
    "text",
    ["I go quiet when I'm hurt and wait to see if they notice",
     "I asked my dad to help me fix my bike last summer.",
     "probably online, less pressure",
     "I still kind of like the quiet evenings",
     "it all hits me at once, too much all at once"],
)  # fmt: skip
def test_views__no_signal_stays_unclear(text: str) -> None:
    assert _views(text) == ("unclear", "unclear")


def test_views__fear_of_being_a_burden_is_not_read_as_denying_it() -> None:
    assert _views("I'm not a burden.")[0] == "positive"
    assert _views("I don't want to be a burden.")[0] == "negative"
