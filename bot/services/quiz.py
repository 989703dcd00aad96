"""The knowledge check: draw questions, grade free-word answers, store the result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.assessment.quiz import draw_questions, feedback_text, grade_answer, quiz_result_text
from bot.content.knowledge import QuizQuestion, load_knowledge
from bot.services import assignments
from bot.services.unit_of_work import unit_of_work
from bot.storage import repositories as repo

QUESTIONS_PER_QUIZ = 8
LETTERS = "abcdefgh"


def new_quiz(seed: str) -> list[str]:
    """Question ids for one quiz; a different seed gives a different set and order."""
    return [q.id for q in draw_questions(QUESTIONS_PER_QUIZ, seed=seed)]


def question(question_id: str) -> QuizQuestion:
    for candidate in load_knowledge().quiz:
        if candidate.id == question_id:
            return candidate
    raise KeyError(question_id)


def answer_buttons(asked: QuizQuestion) -> list[tuple[str, str]]:
    """(title, payload) per button: the true/false labels in quiz.yml, or the lettered options."""
    if asked.kind == "true_false":
        labels = load_knowledge().quiz_texts.buttons
        return [(labels["true"], "true"), (labels["false"], "false")]
    return [(f"{LETTERS[i]}) {option}", LETTERS[i]) for i, option in enumerate(asked.options)]


@dataclass(frozen=True)
class Graded:
    correct: bool | None  # None: not read (ask again) or not known (see ``unanswered``)
    reply: str
    unanswered: bool = False  # "no idea": explained and moved on, counted as unanswered

    @property
    def moves_on(self) -> bool:
        return self.correct is not None or self.unanswered


def grade(question_id: str, text: str) -> Graded:
    result = grade_answer(question(question_id), text)
    return Graded(
        correct=result.correct, reply=feedback_text(result), unanswered=result.unanswered
    )


def finish(
    *,
    sender_id: str,
    score: int,
    total: int,
    answers: list[Any],
    channel: str | None = None,
) -> str:
    """Store the result and return the closing line."""
    with unit_of_work() as session:
        user = repo.get_or_create_user(session=session, sender_id=sender_id, channel=channel)
        repo.add_quiz_result(
            session=session, user_id=user.id, score=score, total=total, answers=answers
        )
        assignments.complete(session, user_id=user.id, kind=assignments.QUIZ)
    return quiz_result_text(score, total)
