"""Emotion words, the project's lexicon, and granularity 0-4."""

from __future__ import annotations

from bot.scoring import score_answer
from bot.scoring.emotions import load_lexicon

TAKEAWAY = "emotional_literacy"


def _named(text: str) -> tuple[str, ...]:
    return score_answer(text, TAKEAWAY).named_emotions


def test_emotions__lexicon_is_the_projects_own_and_several_hundred_entries() -> None:
    lexicon = load_lexicon()
    assert len(lexicon) >= 300
    families = {entry.family for entry in lexicon.canonicals.values()}
    assert {"fear", "sadness", "anger", "shame", "joy", "general"} <= families
    assert all(1 <= e.intensity <= 3 for e in lexicon.canonicals.values())


def test_emotions__synonyms_share_a_canonical_form() -> None:
    assert _named("I was frightened.") == ("scared",)
    assert _named("I was afraid.") == ("scared",)


def test_emotions__negated_feeling_is_not_counted() -> None:
    result = score_answer("I don't feel angry about it.", TAKEAWAY)
    assert result.named_emotions == ()
    assert [m.negated for m in result.emotions] == [True]
    assert result.elements["feelings"] is False


def test_emotions__feeling_after_a_negated_clause_still_counts() -> None:
    assert _named("I wasn't angry, but I was hurt.") == ("hurt",)


def test_emotions__hedged_feeling_still_counts_and_is_marked() -> None:
    result = score_answer("Maybe I was scared.", TAKEAWAY)
    assert result.named_emotions == ("scared",)
    assert result.emotions[0].hedged


def test_emotions__ambiguous_word_needs_a_feeling_frame() -> None:
    assert _named("I felt low all week.") == ("down",)
    assert _named("The price was low and I lost my keys.") == ()


def test_emotions__a_determiner_means_a_judgement_not_a_feeling() -> None:
    assert "bad" not in _named("I tell myself I'm a bad friend.")


def test_emotions__multiword_forms_match_as_one_feeling() -> None:
    assert _named("I felt left out and let down.") == ("left out", "disappointed")


def test_emotions__sarcastic_positive_word_is_not_a_named_feeling() -> None:
    assert _named("Oh great, I was absolutely thrilled to sit in traffic for hours again.") == ()


def test_emotions__sincere_positive_word_counts() -> None:
    assert _named("I was thrilled when she called.") == ("delighted",)


def test_granularity__no_feeling_scores_0() -> None:
    assert score_answer("We went to the shops.", TAKEAWAY).granularity == 0


def test_granularity__only_generic_words_score_1() -> None:
    assert score_answer("I felt bad and upset.", TAKEAWAY).granularity == 1


def test_granularity__one_specific_feeling_scores_2() -> None:
    assert score_answer("I felt bad, lonely really.", TAKEAWAY).granularity == 2


def test_granularity__two_specific_feelings_score_3() -> None:
    assert score_answer("I was disappointed, then lonely.", TAKEAWAY).granularity == 3


def test_granularity__three_differentiated_feelings_score_4() -> None:
    text = "I was disappointed, then lonely, and a bit irritated."
    assert score_answer(text, TAKEAWAY).granularity == 4


def test_granularity__three_words_from_one_family_stay_at_3() -> None:
    text = "I was scared, terrified even, and anxious."
    assert score_answer(text, TAKEAWAY).granularity == 3


def test_emotions__mentions_carry_spans_into_the_text() -> None:
    text = "Honestly I felt ashamed."
    mention = score_answer(text, TAKEAWAY).emotions[0]
    assert text[mention.start : mention.end] == mention.word == "ashamed"
