"""The one door to a client's data: ``read_client``.

Every page, export and JSON response about a client gets its data from
``read_client`` and renders only what came back. It checks, in this order:

1. the link belongs to the signed-in therapist (anything else is ``NotFound``,
   the same answer as an id that does not exist, and no audit row);
2. the link is live: a revoked link yields only "withdrawn" and when;
3. the consent scope: nothing before the client chooses, scores and summaries
   under "summaries", and the written answers only under "answers".

Views and exports are written to the audit log in the same transaction. The
returned objects are frozen; under "summaries" they have no field that could
hold answer text, so no template can show it by mistake.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Literal

from sqlalchemy.orm import Session

from bot.content import load_catalog
from bot.content.knowledge import load_knowledge
from bot.ids import SCOPE_ANSWERS, SCOPE_NONE, SCOPE_SUMMARIES
from bot.portal.words import depth_words, granularity_words, kind_words
from bot.storage import portal_repo as repo
from bot.storage import repositories as core_repo
from bot.storage.models import Answer, Assignment, ReflectionSession, TherapistLink, User

Purpose = Literal["list", "view", "export"]
AUDITED: dict[str, tuple[str, str]] = {
    "view": ("view", "client page"),
    "export": ("export", "client export (JSON)"),
}
WITHDRAWN = "withdrawn"


class NotFound(LookupError):
    """No such client for this therapist (whether it exists for someone else is not said)."""


@dataclass(frozen=True)
class QuotedAnswer:
    prompt: str
    text: str
    depth: str
    followup: bool


@dataclass(frozen=True)
class ModuleSummary:
    title: str
    completed_on: date | None
    answered: int
    depth: str
    feelings: tuple[str, ...]
    feeling_range: str
    mood_before: int | None
    mood_after: int | None
    answers: tuple[QuotedAnswer, ...] = ()  # filled only under the "answers" scope


@dataclass(frozen=True)
class AssessmentPosition:
    taken_on: date
    position: str
    nearest_style: str
    self_score: float
    other_score: float


@dataclass(frozen=True)
class QuizSummary:
    taken_on: date
    score: int
    total: int


@dataclass(frozen=True)
class AssignmentSummary:
    what: str
    note: str
    due_on: date | None
    set_on: date
    status: str  # open | done | set (the client has not chosen to share yet)


@dataclass(frozen=True)
class ClientView:
    link_id: int
    label: str
    scope: str  # none | summaries | answers | withdrawn
    linked_on: date
    consented_at: datetime | None
    withdrawn_at: datetime | None
    last_activity: datetime | None = None
    assignments: tuple[AssignmentSummary, ...] = ()
    modules: tuple[ModuleSummary, ...] = ()
    self_assessments: tuple[AssessmentPosition, ...] = ()
    quizzes: tuple[QuizSummary, ...] = ()

    @property
    def shared(self) -> bool:
        return self.scope in (SCOPE_SUMMARIES, SCOPE_ANSWERS)

    @property
    def open_assignments(self) -> int:
        return sum(1 for a in self.assignments if a.status != "done")


def live_link(session: Session, *, therapist_id: int, link_id: int) -> TherapistLink:
    """The therapist's own link, revoked or not; ``NotFound`` for anyone else's."""
    link = repo.link_of(session=session, therapist_id=therapist_id, link_id=link_id)
    if link is None:
        raise NotFound(link_id)
    return link


def read_client(
    session: Session, *, therapist_id: int, link_id: int, purpose: Purpose
) -> ClientView:
    """What this therapist may see of this client now, audited when it shows data."""
    link = live_link(session, therapist_id=therapist_id, link_id=link_id)
    base = ClientView(
        link_id=link.id,
        label=link.label,
        scope=link.scope,
        linked_on=link.created_at.date(),
        consented_at=link.consented_at,
        withdrawn_at=link.revoked_at,
    )
    if link.revoked_at is not None:
        return _replace(base, scope=WITHDRAWN, consented_at=None)
    if link.scope not in (SCOPE_SUMMARIES, SCOPE_ANSWERS):
        rows = repo.assignments_for(session=session, link_id=link.id)
        return _replace(base, scope=SCOPE_NONE, assignments=_assignments(rows, shared=False))
    user = session.get(User, link.user_id)
    assignments = _assignments(repo.assignments_for(session=session, link_id=link.id), True)
    view = _replace(
        base, last_activity=user.last_seen_at if user else None, assignments=assignments
    )
    if purpose == "list":
        return view
    with_text = link.scope == SCOPE_ANSWERS
    view = _replace(
        view,
        modules=_modules(session, link.user_id, with_text=with_text),
        self_assessments=_positions(session, link.user_id),
        quizzes=tuple(
            QuizSummary(row.created_at.date(), row.score, row.total)
            for row in repo.quiz_results_for(session=session, user_id=link.user_id)
        ),
    )
    action, what = AUDITED[purpose]
    core_repo.add_audit_event(
        session=session, therapist_id=therapist_id, user_id=link.user_id, action=action, what=what
    )
    return view


def list_clients(session: Session, *, therapist_id: int) -> tuple[ClientView, ...]:
    """The therapist's clients for the list page, each through ``read_client``."""
    return tuple(
        read_client(session, therapist_id=therapist_id, link_id=link.id, purpose="list")
        for link in repo.links_for(session=session, therapist_id=therapist_id)
    )


def _replace(view: ClientView, **changes: object) -> ClientView:
    return replace(view, **changes)  # type: ignore[arg-type]


def _assignments(rows: Sequence[Assignment], shared: bool) -> tuple[AssignmentSummary, ...]:
    catalog = load_catalog()
    found = []
    for row in rows:
        what = kind_words(row.kind)
        if row.kind == "module" and row.takeaway in catalog.takeaways:
            what = f"{what}: {catalog.takeaway(row.takeaway).title}"
        status = ("done" if row.completed_at else "open") if shared else "set"
        found.append(
            AssignmentSummary(what, row.note or "", row.due_on, row.created_at.date(), status)
        )
    return tuple(found)


def _modules(session: Session, user_id: int, *, with_text: bool) -> tuple[ModuleSummary, ...]:
    moods = repo.moods_by_session(session=session, user_id=user_id)
    return tuple(
        _module(session, row, moods, with_text=with_text)
        for row in repo.completed_reflections(session=session, user_id=user_id)
    )


def _module(
    session: Session,
    row: ReflectionSession,
    moods: dict[tuple[int, str], int],
    *,
    with_text: bool,
) -> ModuleSummary:
    takeaway = load_catalog().takeaway(row.takeaway)
    answers = [
        a
        for a in core_repo.answers_for(session=session, reflection_id=row.id)
        if a.kind != "skipped"
    ]
    depths = [a.depth for a in answers if a.depth is not None]
    if not depths:
        depth = depth_words(0)
    elif min(depths) == max(depths):
        depth = depth_words(max(depths))
    else:
        depth = f"from {depth_words(min(depths))} to {depth_words(max(depths))}"
    feelings: list[str] = []
    for answer in answers:
        for name in (answer.scores or {}).get("emotions", []):
            if isinstance(name, str) and name not in feelings:
                feelings.append(name)
    levels = [int((a.scores or {}).get("granularity", 0)) for a in answers]
    prompts = {p.id: p.text for p in takeaway.prompts}
    quoted = tuple(_quote(a, prompts, takeaway.followups) for a in answers) if with_text else ()
    return ModuleSummary(
        title=takeaway.title,
        completed_on=row.completed_at.date() if row.completed_at else None,
        answered=len({a.prompt_id for a in answers}),
        depth=depth,
        feelings=tuple(feelings),
        feeling_range=granularity_words(max(levels, default=0)),
        mood_before=moods.get((row.id, "before")),
        mood_after=moods.get((row.id, "after")),
        answers=quoted,
    )


def _quote(
    answer: Answer, prompts: Mapping[str, str], followups: Mapping[str, str]
) -> QuotedAnswer:
    followup = answer.kind == "followup"
    prompt = prompts.get(answer.prompt_id, "")
    if followup and answer.followup_key in followups:
        prompt = str(followups[answer.followup_key])
    return QuotedAnswer(prompt, answer.text, depth_words(answer.depth or 0), followup)


def _positions(session: Session, user_id: int) -> tuple[AssessmentPosition, ...]:
    assessment = load_knowledge().self_assessment

    def label(score: float) -> str:
        for minimum, text in assessment.position_bands:
            if score >= minimum:
                return text
        return assessment.position_bands[-1][1]

    return tuple(
        AssessmentPosition(
            taken_on=row.created_at.date(),
            position=assessment.position_template.format(
                self_label=label(row.self_score), other_label=label(row.other_score)
            ),
            nearest_style=row.nearest_style.replace("_", " "),
            self_score=row.self_score,
            other_score=row.other_score,
        )
        for row in repo.self_assessments_newest_first(session=session, user_id=user_id)
    )
