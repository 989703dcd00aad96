"""The reflection journey: start, ask, record, follow up, skip, pause, resume.

The app database is the source of truth for where a person is in a module,
so a conversation can continue after a restart, on another day or on another
channel. Rasa's form only asks; this module decides what to ask next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.content import PROMPTS_PER_MODULE, Takeaway, load_catalog
from bot.content.knowledge import load_knowledge
from bot.ids import ANSWER_SLOT, MOOD_AFTER_SLOT, MOOD_BEFORE_SLOT
from bot.scoring import compose_feedback, compose_summary, score_answer
from bot.services import assignments
from bot.storage import repositories as repo
from bot.storage.models import ReflectionSession, utcnow


class ReflectionNotFound(LookupError):
    """The reflection id in the conversation no longer exists (e.g. data deleted)."""


@dataclass(frozen=True)
class Started:
    reflection_id: int
    takeaway: str
    title: str
    introduction: str
    resumed: bool
    answered: int


@dataclass(frozen=True)
class Step:
    """The next thing to ask inside a module."""

    reflection_id: int
    takeaway: str
    title: str
    kind: str  # prompt | followup
    prompt_id: str
    text: str
    number: int
    total: int
    show_introduction: bool
    introduction: str


@dataclass(frozen=True)
class AnswerOutcome:
    acknowledgement: str
    followup_key: str | None
    finished: bool


@dataclass(frozen=True)
class ModulePosition:
    reflection_id: int
    takeaway: str
    title: str
    number: int
    total: int


@dataclass(frozen=True)
class ClosingSummary:
    title: str
    lines: Sequence[str]
    concept_id: str
    concept_title: str


def _takeaway(reflection: ReflectionSession) -> Takeaway:
    return load_catalog().takeaway(reflection.takeaway)


def _load(session: Session, reflection_id: int) -> ReflectionSession:
    reflection = repo.get_reflection(session=session, reflection_id=reflection_id)
    if reflection is None:
        raise ReflectionNotFound(reflection_id)
    return reflection


def _touch(reflection: ReflectionSession) -> None:
    reflection.updated_at = utcnow()


def start_module(
    session: Session, *, sender_id: str, takeaway: str, channel: str | None = None
) -> Started:
    """Begin a module, or continue it if this person left it unfinished.

    Any other module in progress is paused, so there is only ever one active.
    """
    content = load_catalog().takeaway(takeaway)
    user = repo.get_or_create_user(session=session, sender_id=sender_id, channel=channel)
    existing = repo.latest_unfinished(session=session, user_id=user.id, takeaway=takeaway)
    for other in repo.list_reflections(session=session, user_id=user.id):
        if other.status == "active" and (existing is None or other.id != existing.id):
            other.status = "paused"
    reflection = existing or repo.create_reflection(
        session=session, user_id=user.id, takeaway=takeaway
    )
    reflection.status = "active"
    _touch(reflection)
    session.flush()
    return Started(
        reflection_id=reflection.id,
        takeaway=takeaway,
        title=content.title,
        introduction=content.introduction,
        resumed=existing is not None,
        answered=reflection.step,
    )


def find_unfinished(session: Session, *, sender_id: str) -> ModulePosition | None:
    """Where this person left off, if anywhere."""
    user = repo.get_user(session=session, sender_id=sender_id)
    if user is None:
        return None
    reflection = repo.latest_unfinished(session=session, user_id=user.id)
    if reflection is None:
        return None
    return _position(reflection)


def resume_latest(
    session: Session, *, sender_id: str, channel: str | None = None
) -> Started | None:
    position = find_unfinished(session, sender_id=sender_id)
    if position is None:
        return None
    return start_module(session, sender_id=sender_id, takeaway=position.takeaway, channel=channel)


def _position(reflection: ReflectionSession) -> ModulePosition:
    return ModulePosition(
        reflection_id=reflection.id,
        takeaway=reflection.takeaway,
        title=_takeaway(reflection).title,
        number=min(reflection.step + 1, PROMPTS_PER_MODULE),
        total=PROMPTS_PER_MODULE,
    )


def status(session: Session, *, reflection_id: int) -> str | None:
    """active, paused or completed; None when the module no longer exists."""
    reflection = repo.get_reflection(session=session, reflection_id=reflection_id)
    return None if reflection is None else str(reflection.status)


def position(session: Session, *, reflection_id: int) -> ModulePosition | None:
    reflection = repo.get_reflection(session=session, reflection_id=reflection_id)
    return None if reflection is None else _position(reflection)


def pause(session: Session, *, reflection_id: int) -> ModulePosition:
    reflection = _load(session, reflection_id)
    if reflection.status == "active":
        reflection.status = "paused"
    _touch(reflection)
    return _position(reflection)


def required_slots(session: Session, *, reflection_id: int) -> list[str]:
    """What the form still needs: the mood check-in only before the first answer."""
    reflection = _load(session, reflection_id)
    if reflection.status == "paused":
        return []  # stopped from inside the form: nothing more to ask until they continue
    slots: list[str] = []
    started_answering = bool(reflection.answers)
    if (
        not started_answering
        and repo.get_mood(session=session, reflection_id=reflection.id, phase="before") is None
    ):
        slots.append(MOOD_BEFORE_SLOT)
    if reflection.step < PROMPTS_PER_MODULE:
        slots.append(ANSWER_SLOT)
    if repo.get_mood(session=session, reflection_id=reflection.id, phase="after") is None:
        slots.append(MOOD_AFTER_SLOT)
    return slots


def current_step(
    session: Session, *, reflection_id: int, introduced: bool = False
) -> Step | None:
    reflection = _load(session, reflection_id)
    if reflection.step >= PROMPTS_PER_MODULE:
        return None
    content = _takeaway(reflection)
    prompt = content.prompts[reflection.step]
    followup = reflection.pending_followup
    return Step(
        reflection_id=reflection.id,
        takeaway=reflection.takeaway,
        title=content.title,
        kind="followup" if followup else "prompt",
        prompt_id=prompt.id,
        text=content.followups[followup] if followup else prompt.text,
        number=reflection.step + 1,
        total=PROMPTS_PER_MODULE,
        show_introduction=reflection.step == 0 and not reflection.answers and not introduced,
        introduction=content.introduction,
    )


def answering_followup(session: Session, *, reflection_id: int) -> bool:
    """Whether the open question is a follow-up, not one of the module's prompts."""
    reflection = repo.get_reflection(session=session, reflection_id=reflection_id)
    if reflection is None or reflection.step >= PROMPTS_PER_MODULE:
        return False
    return bool(reflection.pending_followup)


def _advance(reflection: ReflectionSession) -> bool:
    reflection.pending_followup = None
    reflection.step += 1
    finished = reflection.step >= PROMPTS_PER_MODULE
    if finished:
        reflection.status = "completed"
        reflection.completed_at = utcnow()
    return finished


def _complete_suggestions(session: Session, reflection: ReflectionSession) -> None:
    """A therapist's suggestion of this module is done when the module is."""
    assignments.complete(
        session, user_id=reflection.user_id, kind=assignments.MODULE, takeaway=reflection.takeaway
    )


def record_answer(session: Session, *, reflection_id: int, text: str) -> AnswerOutcome:
    """Store and score an answer, and decide whether one follow-up is worth asking."""
    reflection = _load(session, reflection_id)
    if reflection.step >= PROMPTS_PER_MODULE:
        raise ValueError("this module has no open prompt")
    content = _takeaway(reflection)
    prompt = content.prompts[reflection.step]
    result = score_answer(text, takeaway=reflection.takeaway)
    answering_followup = reflection.pending_followup
    feedback = compose_feedback(
        text,
        result,
        takeaway=reflection.takeaway,
        followups=content.followups,
        previous_followup=reflection.last_followup,
    )
    scored = result.to_dict()
    repo.add_answer(
        session=session,
        reflection=reflection,
        prompt_id=prompt.id,
        kind="followup" if answering_followup else "prompt",
        followup_key=answering_followup,
        text=text,
        depth=result.depth,
        scores={key: value for key, value in scored.items() if key != "evidence"},
        evidence=scored.get("evidence", []),
    )
    _touch(reflection)
    followup_key = None if answering_followup else feedback.followup_key
    if followup_key is not None:
        reflection.pending_followup = followup_key
        reflection.last_followup = followup_key
        finished = False
    else:
        finished = _advance(reflection)
    if finished:
        _complete_suggestions(session, reflection)
    session.flush()
    return AnswerOutcome(
        acknowledgement=feedback.acknowledgement, followup_key=followup_key, finished=finished
    )


def skip_prompt(session: Session, *, reflection_id: int) -> bool:
    """Skip the open prompt (or its follow-up); returns whether the module is finished."""
    reflection = _load(session, reflection_id)
    if reflection.step >= PROMPTS_PER_MODULE:
        return True
    prompt = _takeaway(reflection).prompts[reflection.step]
    repo.add_answer(
        session=session,
        reflection=reflection,
        prompt_id=prompt.id,
        kind="skipped",
        followup_key=reflection.pending_followup,
        text="",
    )
    _touch(reflection)
    finished = _advance(reflection)
    if finished:
        _complete_suggestions(session, reflection)
    session.flush()
    return finished


def record_mood(session: Session, *, reflection_id: int, phase: str, score: int) -> None:
    if phase not in {"before", "after"} or not 1 <= score <= 5:
        raise ValueError("mood must be 1-5, before or after")
    reflection = _load(session, reflection_id)
    repo.set_mood(
        session=session,
        user_id=reflection.user_id,
        reflection_id=reflection.id,
        phase=phase,
        score=score,
    )


def closing_summary(session: Session, *, reflection_id: int) -> ClosingSummary:
    """The end-of-module summary, built from the stored, scored answers."""
    reflection = _load(session, reflection_id)
    content = _takeaway(reflection)
    scored = [
        (answer.text, score_answer(answer.text, takeaway=reflection.takeaway))
        for answer in reflection.answers
        if answer.kind != "skipped"
    ]
    followups = sum(answer.kind == "followup" for answer in reflection.answers)
    summary = compose_summary(content.title, scored, followups=followups)
    knowledge = load_knowledge()
    concept = knowledge.concepts[summary.concept_id]
    return ClosingSummary(
        title=content.title,
        lines=list(summary.lines),
        concept_id=concept.id,
        concept_title=knowledge.concept_buttons["about"].format(title=concept.title),
    )
