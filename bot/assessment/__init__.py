"""Knowledge-check quiz and self-assessment: pure logic over the content in ``bot.content``.

Nothing here knows about Rasa, trackers or the database. Functions take plain values
(answers, free text) and return frozen dataclasses; every user-facing sentence comes
from ``quiz.yml`` or ``self_assessment.yml``.
"""

from bot.assessment.quiz import (
    QuizGrade,
    draw_questions,
    feedback_text,
    grade_answer,
    quiz_result_text,
)
from bot.assessment.self_assessment import (
    ResultComparison,
    SelfAssessmentResult,
    compare_results,
    comparison_text,
    parse_likert,
    score_self_assessment,
)

__all__ = [
    "QuizGrade",
    "ResultComparison",
    "SelfAssessmentResult",
    "compare_results",
    "comparison_text",
    "draw_questions",
    "feedback_text",
    "grade_answer",
    "parse_likert",
    "quiz_result_text",
    "score_self_assessment",
]
