"""Scopes every dimension relies on: negation, hedging, reported speech."""

from __future__ import annotations

from bot.scoring.text import Analysis


def _word_index(analysis: Analysis, word: str) -> int:
    return analysis.words.index(word)


def test_text__negator_scopes_over_the_following_feeling() -> None:
    analysis = Analysis("I don't feel angry about it.")
    assert _word_index(analysis, "angry") in analysis.negated


def test_text__negation_stops_at_a_new_clause() -> None:
    analysis = Analysis("I didn't call her, and I was lonely.")
    assert _word_index(analysis, "lonely") not in analysis.negated


def test_text__negation_stops_at_an_embedded_question() -> None:
    analysis = Analysis("I didn't realise how lonely I was.")
    assert _word_index(analysis, "lonely") not in analysis.negated


def test_text__negation_raises_through_think() -> None:
    analysis = Analysis("I don't think I was angry.")
    assert _word_index(analysis, "angry") in analysis.negated


def test_text__not_only_is_not_a_negation() -> None:
    analysis = Analysis("It was not only sad but also a relief.")
    assert _word_index(analysis, "sad") not in analysis.negated


def test_text__maybe_hedges_its_clause() -> None:
    analysis = Analysis("Maybe I was scared.")
    start = analysis.text.index("scared")
    assert analysis.span_hedged(start, start + len("scared"))


def test_text__someone_elses_words_are_reported() -> None:
    analysis = Analysis("My mum said I was selfish.")
    start = analysis.text.index("selfish")
    assert analysis.span_reported(start, start + len("selfish"))


def test_text__what_i_tell_myself_is_not_reported_speech() -> None:
    analysis = Analysis("I tell myself I'm a bad friend.")
    start = analysis.text.index("bad friend")
    assert not analysis.span_reported(start, start + len("bad friend"))


def test_text__an_adopted_judgement_is_no_longer_only_reported() -> None:
    analysis = Analysis("My mum said I was selfish, and I believed her.")
    start = analysis.text.index("selfish")
    assert not analysis.span_reported(start, start + len("selfish"))


def test_text__quotation_marks_open_a_reported_scope() -> None:
    analysis = Analysis('He always went "you are too sensitive" at me.')
    start = analysis.text.index("sensitive")
    assert analysis.span_reported(start, start + len("sensitive"))
