"""A person's turn, decided once: safety first, then skip or answer, then what comes next.

Every message meets the safety check before anything else (DESIGN.md, "Safety").
A crisis or a concern can reach the bot as an answer inside the reflection form
or routed by NLU to the crisis and concern actions; both paths go through the
same branch here, so what is said and what is recorded cannot drift apart.
Each use case opens its own unit of work and returns a plain frozen ``Turn``
that actions only render: replies to send and slot values to set.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from sqlalchemy.orm import Session

from bot.ids import (
    ANSWER_SLOT,
    MOOD_AFTER_SLOT,
    MOOD_BEFORE_SLOT,
    PENDING_OFFER_SLOT,
    SAFETY_QUESTION_SLOT,
    module_reset,
)
from bot.services import non_answer, reflection, safety
from bot.services.mood import SKIPPED, parse_mood
from bot.services.unit_of_work import unit_of_work
from bot.settings import get_settings

logger = logging.getLogger(__name__)

# "skip" classified on a long message is an answer that mentions skipping.
SKIP_MAX_WORDS = 6
# Why a crisis reached the crisis action when the rules left no evidence of their own.
CRISIS_INTENT_EVIDENCE: Mapping[str, Any] = MappingProxyType(
    {"category": "nlu", "rule": "crisis_intent", "start": 0, "end": 0}
)
_MOOD_SLOTS = {"before": MOOD_BEFORE_SLOT, "after": MOOD_AFTER_SLOT}


def _no_kwargs() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Reply:
    """One message: a domain response with its keyword arguments, or a literal text."""

    response: str | None = None
    text: str | None = None
    kwargs: Mapping[str, Any] = field(default_factory=_no_kwargs)

    @classmethod
    def of(cls, response: str, **kwargs: Any) -> Reply:
        return cls(response=response, kwargs=MappingProxyType(dict(kwargs)))

    @classmethod
    def line(cls, text: str) -> Reply:
        return cls(text=text)


@dataclass(frozen=True)
class RiskSignal:
    """The NLU risk assessment that travelled with the message."""

    level: str  # none | concern | crisis
    evidence: tuple[Mapping[str, Any], ...] = ()


@dataclass(frozen=True)
class Turn:
    replies: tuple[Reply, ...]
    slots: Mapping[str, Any]
    risk_level: str | None = None  # the risk this turn met: crisis | concern
    risk_recorded: bool = False  # whether its risk event was stored


def read_risk(raw: object) -> RiskSignal:
    """Read the assessment as it arrives on a message; anything unreadable is no risk."""
    if not isinstance(raw, Mapping):
        return RiskSignal(level="none")
    level = raw.get("level")
    evidence = raw.get("evidence")
    items = evidence if isinstance(evidence, Sequence) and not isinstance(evidence, str) else ()
    return RiskSignal(
        level=level if level in ("concern", "crisis") else "none",
        evidence=tuple(item for item in items if isinstance(item, Mapping)),
    )


def _help_first(
    *, sender_id: str, evidence: Sequence[Mapping[str, Any]], channel: str | None
) -> tuple[list[Reply], bool]:
    """Crisis resources first; the risk event after, and its failure never costs the help."""
    replies = [Reply.line(line) for line in safety.crisis_reply(get_settings().crisis_region)]
    try:
        with unit_of_work() as session:
            safety.record_risk(
                session,
                sender_id=sender_id,
                level="crisis",
                evidence=evidence or [CRISIS_INTENT_EVIDENCE],
                channel=channel,
            )
    except Exception as error:  # noqa: BLE001 - the person still gets help if the DB is down
        logger.error("crisis event not recorded: %s", type(error).__name__)
        return [*replies, Reply.of("utter_safety_not_recorded")], False
    return replies, True


def _concern(
    session: Session,
    *,
    sender_id: str,
    evidence: Sequence[Mapping[str, Any]],
    channel: str | None,
) -> list[Reply]:
    """Validation and an offer to pause; NLU's unconfirmed crisis cue also asks directly."""
    replies = [Reply.line(line) for line in safety.concern_reply()]
    if any(item.get("category") == "nlu" for item in evidence):
        replies.append(Reply.of("utter_safety_check_in"))
    safety.record_risk(
        session, sender_id=sender_id, level="concern", evidence=evidence, channel=channel
    )
    return replies


def crisis(*, sender_id: str, risk: object, channel: str | None = None) -> Turn:
    """Help first: resources, the exercise stopped, the event recorded."""
    replies, recorded = _help_first(
        sender_id=sender_id, evidence=read_risk(risk).evidence, channel=channel
    )
    # The reply ends with "are you safe right now?": the next message is its answer.
    slots = {**stopped_slots(), SAFETY_QUESTION_SLOT: "safe"}
    return Turn(tuple(replies), slots, risk_level="crisis", risk_recorded=recorded)


def concern(*, sender_id: str, risk: object, channel: str | None = None) -> Turn:
    """Distress without risk: validation and an offer to pause, no crisis numbers."""
    with unit_of_work() as session:
        replies = _concern(
            session, sender_id=sender_id, evidence=read_risk(risk).evidence, channel=channel
        )
    return Turn(tuple(replies), {}, risk_level="concern", risk_recorded=True)


def help_now() -> Turn:
    """The resources for the configured region, asked for directly: nothing is recorded."""
    text = safety.help_now_reply(get_settings().crisis_region)
    return Turn((Reply.line(text), Reply.of("utter_help_now_followup")), stopped_slots())


def stopped_slots() -> dict[str, Any]:
    """An exercise stopped for safety leaves no half-filled form and no open offer."""
    return module_reset({PENDING_OFFER_SLOT: None})


def answer(
    *,
    sender_id: str,
    reflection_id: int | None,
    value: object,
    intent: str | None,
    risk: object,
    channel: str | None = None,
) -> Turn:
    """A free-text answer: safety, then skip or record, score and feed back, in one unit.

    ``value`` is ``None`` when the form only reset the slot (not an answer). The
    slot keeps the text once the module's last prompt is done, so the form moves on.
    """
    if value is None or reflection_id is None:
        return Turn((), {ANSWER_SLOT: None})
    text = value if isinstance(value, str) else ""
    if not text.strip():
        return Turn((Reply.of("utter_empty_answer"),), {ANSWER_SLOT: None})
    signal = read_risk(risk)
    if signal.level == "crisis":
        # NLU routes crisis away from the form; this is the second lock on that door:
        # a cry for help is never stored as an answer or scored.
        replies, recorded = _help_first(
            sender_id=sender_id, evidence=signal.evidence, channel=channel
        )
        return Turn(tuple(replies), {ANSWER_SLOT: None}, "crisis", recorded)
    replies = []
    with unit_of_work() as session:
        if signal.level == "concern":
            replies += _concern(
                session, sender_id=sender_id, evidence=signal.evidence, channel=channel
            )
        not_an_answer = _not_an_answer(
            text,
            concern=signal.level == "concern",
            followup=reflection.answering_followup(session, reflection_id=reflection_id),
        )
        if not_an_answer is not None:
            replies.append(_instead_of_an_answer(session, not_an_answer, reflection_id))
            finished = False
        elif intent == "skip" and len(text.split()) <= SKIP_MAX_WORDS:
            finished = reflection.skip_prompt(session, reflection_id=reflection_id)
            replies.append(Reply.of("utter_prompt_skipped"))
        else:
            outcome = reflection.record_answer(session, reflection_id=reflection_id, text=text)
            finished = outcome.finished
            replies.append(Reply.line(outcome.acknowledgement))
    concern_met = signal.level == "concern"
    return Turn(
        tuple(replies),
        {ANSWER_SLOT: text if finished else None},
        risk_level="concern" if concern_met else None,
        risk_recorded=concern_met,
    )


def _not_an_answer(
    text: str, *, concern: bool, followup: bool
) -> non_answer.NonAnswer | None:
    """What the message is instead of an answer, if anything; asked only after safety.

    A message that raised concern keeps its weight: it is stored and answered as
    the person wrote it, unless it asks to stop, which the pause honours. While a
    follow-up is open, a short unclear reply ("idk", "3") is re-asked, not scored.
    """
    found = non_answer.classify(text, followup=followup)
    if found is None or (concern and found.does != "pause"):
        return None
    return found


def _instead_of_an_answer(
    session: Session, found: non_answer.NonAnswer, reflection_id: int
) -> Reply:
    """Nothing stored or quoted: a nudge back to the same prompt, or the module paused.

    A paused module needs no more slots, so the form ends and the person hears
    only where they stopped and that everything is saved.
    """
    if found.does == "pause":
        where = reflection.pause(session, reflection_id=reflection_id)
        return Reply.of(
            "utter_reflection_paused", title=where.title, number=where.number, total=where.total
        )
    return Reply.of(found.reply or "utter_reflection_nudge")


def mood(*, reflection_id: int | None, phase: str, value: object) -> Turn:
    """A 1-5 mood check-in, stored when readable; a decline or an unclear reply moves on."""
    slot = _MOOD_SLOTS[phase]
    if value is None:
        return Turn((), {slot: None})
    parsed = parse_mood(value if isinstance(value, str) else None)
    if isinstance(parsed, int) and reflection_id is not None:
        with unit_of_work() as session:
            reflection.record_mood(session, reflection_id=reflection_id, phase=phase, score=parsed)
        return Turn((Reply.of("utter_mood_noted"),), {slot: str(parsed)})
    if parsed is None:
        return Turn((Reply.of("utter_mood_unclear"),), {slot: SKIPPED})
    return Turn((), {slot: SKIPPED})
