"""Draw knowledge-check questions and grade answers typed in free words.

People answer "nope", "I think it's true", "b" or the words of an option rather
than pressing a button, so grading reads the words. When the reading is not
clear, ``correct`` is ``None`` and the bot asks again instead of guessing.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.content.knowledge import QuizQuestion, QuizTexts, load_knowledge
from bot.content.resolver import normalise
from bot.ids import LETTERS

ORDINALS: Mapping[str, int] = {
    "first": 0,
    "second": 1,
    "third": 2,
    "fourth": 3,
    "fifth": 4,
    "1": 0,
    "2": 1,
    "3": 2,
    "4": 3,
    "5": 4,
}
# The key under quiz.yml ``words`` for "no idea", "not sure" and the like.
DONT_KNOW = "dont_know"
OPTION_WORDS = ("option", "answer", "choice", "letter", "its", "say", "pick", "go with")
# Words too common to tell one option from another.
STOPWORDS = frozenset(
    {"the", "and", "that", "with", "for", "from", "who", "our", "are", "its", "into", "about",
     "what", "which", "this", "when", "your", "their", "they", "them", "being", "been", "have",
     "has", "was", "were", "how"}
)  # fmt: skip


@dataclass(frozen=True)
class QuizGrade:
    """``correct`` is None when the answer could not be read; ``understood`` is what was read.

    ``unanswered``: the person said they don't know. That is no answer, not a wrong
    one: the explanation is given, the question counts as unanswered.
    """

    correct: bool | None
    explanation: str
    understood: str | None
    unanswered: bool = False
    answer_label: str | None = None  # "d) Dismissing-avoidant" for a choice question
    chosen_label: str | None = None  # the option they picked, when wrong
    chosen_meaning: str | None = None  # what that option means (quiz.yml option_notes)


def draw_questions(
    n: int, *, seed: int | str, questions: Sequence[QuizQuestion] | None = None
) -> list[QuizQuestion]:
    """Pick ``n`` distinct questions; a different seed gives a different set and order."""
    pool = list(load_knowledge().quiz if questions is None else questions)
    if not 1 <= n <= len(pool):
        raise ValueError(f"can draw between 1 and {len(pool)} questions, not {n}")
    return random.Random(seed).sample(pool, n)


def _phrase_index(phrases: Mapping[str, Iterable[str]]) -> dict[tuple[str, ...], str]:
    return {
        tuple(normalise(phrase).split()): key for key, group in phrases.items() for phrase in group
    }


def _found(tokens: list[str], index: Mapping[tuple[str, ...], str]) -> set[str]:
    """Keys of the longest phrases found, scanning left to right without overlaps."""
    longest = max((len(k) for k in index), default=0)
    keys: set[str] = set()
    start = 0
    while start < len(tokens):
        size = next(
            (
                s
                for s in range(min(longest, len(tokens) - start), 0, -1)
                if tuple(tokens[start : start + s]) in index
            ),
            0,
        )
        if size:
            keys.add(index[tuple(tokens[start : start + size])])
        start += max(size, 1)
    return keys


def _read_true_false(question: QuizQuestion, text: str, texts: QuizTexts) -> str | None:
    """"true", "false", "dont_know" or None; the longest phrase wins, so "no idea" is no "no"."""
    tokens = normalise(text).split()
    specific = _found(tokens, _phrase_index(question.answer_phrases))
    if len(specific) == 1:
        return specific.pop()
    general = _found(tokens, _phrase_index(texts.words))
    if specific:
        return None
    if len(general - {DONT_KNOW}) == 1:
        return (general - {DONT_KNOW}).pop()
    return DONT_KNOW if general == {DONT_KNOW} else None


def _says_dont_know(text: str, texts: QuizTexts) -> bool:
    index = _phrase_index({DONT_KNOW: texts.words[DONT_KNOW]})
    return bool(_found(normalise(text).split(), index))


def _stems(text: str) -> set[str]:
    return {t[:6] for t in normalise(text).split() if len(t) > 2 and t not in STOPWORDS}


def _read_choice(question: QuizQuestion, text: str, texts: QuizTexts) -> str | None:
    letters = LETTERS[: len(question.options)]
    normal = f" {normalise(text)} "
    tokens = normal.split()
    found = _found(tokens, _phrase_index(question.answer_phrases))
    found |= {
        letters[i]
        for i, option in enumerate(question.options)
        if f" {normalise(option)} " in normal
    }
    start = re.match(r"\s*\(?([a-h])\s*(?:[).:]|$)", text.lower())
    if start and start.group(1) in letters:
        found.add(start.group(1))
    for i, token in enumerate(tokens):
        before = " ".join(tokens[max(0, i - 2) : i])
        named = any(before.endswith(word) for word in OPTION_WORDS)
        if token in letters and (token != "a" or named or len(tokens) == 1):
            found.add(token)
        spoken = not token.isdigit() or named or len(tokens) == 1
        if token in ORDINALS and ORDINALS[token] < len(letters) and spoken:
            found.add(letters[ORDINALS[token]])
    if found:
        return found.pop() if len(found) == 1 else None
    if _says_dont_know(text, texts):
        return DONT_KNOW
    stems = _stems(text)
    overlaps = [len(stems & _stems(option)) for option in question.options]
    best = max(overlaps)
    return letters[overlaps.index(best)] if best and overlaps.count(best) == 1 else None


def grade_answer(question: QuizQuestion, text: str) -> QuizGrade:
    """Read a free-word answer and say whether it is right, with the question's explanation."""
    texts = load_knowledge().quiz_texts
    if question.kind == "true_false":
        understood = _read_true_false(question, text, texts)
        unclear = texts.feedback["unclear_true_false"]
    else:
        understood = _read_choice(question, text, texts)
        unclear = texts.feedback["unclear_choice"]
    if understood is None:
        return QuizGrade(correct=None, explanation=unclear, understood=None)
    answer_label = _label(question, question.answer)
    if understood == DONT_KNOW:
        return QuizGrade(
            correct=None,
            explanation=question.explanation,
            understood=None,
            unanswered=True,
            answer_label=answer_label,
        )
    correct = understood == question.answer
    return QuizGrade(
        correct=correct,
        explanation=question.explanation,
        understood=understood,
        answer_label=answer_label,
        chosen_label=None if correct else _label(question, understood),
        chosen_meaning=None if correct else question.option_notes.get(understood),
    )


def _label(question: QuizQuestion, key: str) -> str:
    """"d) Dismissing-avoidant" for an option letter; the button word for true/false."""
    if question.kind != "choice":
        return load_knowledge().quiz_texts.buttons[key].lower()
    return f"{key}) {question.options[LETTERS.index(key)]}"


def feedback_text(grade: QuizGrade) -> str:
    """The reply after an answer: right, wrong or not known, then the explanation.

    A wrong option names the right one before explaining it, so "That is
    dismissing-avoidant" cannot read as a comment on their pick, and then says what
    their pick means. A don't-know is met with "that's fine", never "not quite".
    """
    if grade.correct is None and not grade.unanswered:
        return grade.explanation
    feedback = load_knowledge().quiz_texts.feedback
    if grade.correct:
        return f"{feedback['correct']} {grade.explanation}"
    parts = [feedback["dont_know"] if grade.unanswered else feedback["incorrect"]]
    if grade.answer_label:
        parts.append(feedback["the_answer"].format(answer=grade.answer_label))
    parts.append(grade.explanation)
    if grade.chosen_label and grade.chosen_meaning:
        parts.append(
            feedback["chosen"].format(chosen=grade.chosen_label, meaning=grade.chosen_meaning)
        )
    return " ".join(parts)


def option_lines(question: QuizQuestion) -> list[str]:
    """Options labelled "a) ...", "b) ..." for channels without buttons."""
    return [f"{LETTERS[i]}) {option}" for i, option in enumerate(question.options)]


def progress_text(number: int, total: int) -> str:
    return load_knowledge().quiz_texts.feedback["progress"].format(number=number, total=total)


def quiz_result_text(score: int, total: int) -> str:
    """The closing line for a finished quiz, chosen by the share of right answers."""
    if total < 1 or not 0 <= score <= total:
        raise ValueError(f"score must be between 0 and total, got {score} of {total}")
    fraction = score / total
    for minimum, text in load_knowledge().quiz_texts.results:
        if fraction >= minimum:
            return text.format(score=score, total=total)
    raise ValueError("quiz.yml: results: no band covers a score of 0")
