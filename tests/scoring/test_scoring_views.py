"""Self and other views: content with evidence, never a label."""

from __future__ import annotations

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
