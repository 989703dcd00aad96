"""Scoring must add well under 10 ms to a message."""

from __future__ import annotations

import time

from bot.scoring import compose_feedback, score_answer

TYPICAL = (
    "My friend cancelled dinner at the last minute and I felt disappointed and lonely. "
    "I always assume people don't want me around, but maybe she was just exhausted. "
    "Next time I'll tell her I was looking forward to it."
)


def test_performance__a_typical_answer_scores_well_under_10_ms() -> None:
    score_answer(TYPICAL, "relationship_patterns")  # warm the lexicon cache
    rounds = 200
    started = time.perf_counter()
    for _ in range(rounds):
        result = score_answer(TYPICAL, "relationship_patterns")
        compose_feedback(TYPICAL, result, "relationship_patterns", {"next_step": "?"})
    per_answer_ms = (time.perf_counter() - started) * 1000 / rounds
    assert per_answer_ms < 5.0


def test_performance__result_is_frozen() -> None:
    result = score_answer(TYPICAL, "relationship_patterns")
    try:
        result.depth = 0  # type: ignore[misc]
    except AttributeError:
        return
    raise AssertionError("ScoreResult must be frozen")
