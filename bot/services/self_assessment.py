"""The self-assessment: items, scoring, storage, and "how have I changed?"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.assessment.self_assessment import (
    SelfAssessmentResult,
    compare_results,
    comparison_text,
    parse_likert,
    score_self_assessment,
)
from bot.content.knowledge import SelfAssessmentItem, load_knowledge
from bot.services import assignments
from bot.services.unit_of_work import unit_of_work
from bot.storage import repositories as repo

__all__ = ["parse_likert"]


def items() -> tuple[SelfAssessmentItem, ...]:
    return load_knowledge().self_assessment.items


def scale_labels() -> Mapping[int, str]:
    return load_knowledge().self_assessment.scale.labels


def caveats() -> tuple[str, ...]:
    return load_knowledge().self_assessment.caveats


def finish(
    *, sender_id: str, answers: Mapping[str, int], channel: str | None = None
) -> SelfAssessmentResult:
    """Score and store a completed self-assessment."""
    result = score_self_assessment(answers)
    with unit_of_work() as session:
        user = repo.get_or_create_user(session=session, sender_id=sender_id, channel=channel)
        repo.add_self_assessment(
            session=session,
            user_id=user.id,
            answers=dict(answers),
            self_score=result.self_score,
            other_score=result.other_score,
            nearest_style=result.nearest_style,
        )
        assignments.complete(session, user_id=user.id, kind=assignments.SELF_ASSESSMENT)
    return result


@dataclass(frozen=True)
class Change:
    count: int
    text: str | None  # None when there are fewer than two results


def change_over_time(*, sender_id: str) -> Change:
    with unit_of_work() as session:
        user = repo.get_user(session=session, sender_id=sender_id)
        rows = [] if user is None else repo.self_assessments_for(session=session, user_id=user.id)
        if len(rows) < 2:
            return Change(count=len(rows), text=None)
        return Change(count=len(rows), text=comparison_text(compare_results(rows[0], rows[-1])))
