"""Asking directly, and acting on the answer.

A risk cue without a clear crisis (DESIGN.md, "Safety": a means, a place, a
goodbye, risk building over several messages) gets a plain, kind question:
"are you thinking about ending your life, or are you in danger right now?".
A yes or an unclear answer gets the crisis reply; "I'm okay" goes back to where
the person was. The crisis reply itself ends with "are you safe right now?",
and the answer to that is read here too ("no", "not sure", "why do you care").
"""

from __future__ import annotations

import logging
from typing import Any

from bot.ids import ANSWER_SLOT, SAFETY_QUESTION_SLOT, SAFETY_RESUME_SLOT
from bot.safety.answers import Question, read_answer
from bot.services import non_answer, reflection, safety, turn
from bot.services.unit_of_work import unit_of_work
from bot.settings import get_settings

logger = logging.getLogger(__name__)

# The "I'm okay" button under the direct question.
SAFE_INTENT = "safety_ok"
# Recorded when the person's own answer says they are not safe.
NOT_SAFE_EVIDENCE = {"category": "answer", "rule": "not_safe_answer", "start": 0, "end": 0}


def ask_directly(
    *,
    sender_id: str,
    risk: object,
    channel: str | None,
    resume: str | None,
    text: str = "",
    reflection_id: int | None = None,
) -> turn.Turn:
    """The direct question; the exercise waits, nothing is stored as an answer.

    When the message that raised the question also asked to stop the reflection
    ("I don't want to do this anymore"), the module is paused with everything
    saved and "I'm okay" will not lead back into it; the question still comes last,
    because the next message is its answer.
    """
    signal = turn.read_risk(risk)
    stop = non_answer.classify(text) if reflection_id is not None else None
    replies = []
    where = None
    if stop is not None and stop.does == "pause" and reflection_id is not None:
        try:
            with unit_of_work() as session:
                where = reflection.pause(session, reflection_id=reflection_id)
        except reflection.ReflectionNotFound:
            where = None
    if where is not None:
        replies.append(
            turn.Reply.of(
                "utter_reflection_paused",
                title=where.title,
                number=where.number,
                total=where.total,
            )
        )
        resume = None
    evidence = signal.evidence or ({"category": "context", "rule": "risk_building"},)
    try:
        with unit_of_work() as session:
            safety.record_risk(
                session, sender_id=sender_id, level="ask", evidence=evidence, channel=channel
            )
    except Exception as error:  # noqa: BLE001 - the question matters more than the record
        logger.error("ask-directly event not recorded: %s", type(error).__name__)
    slots: dict[str, Any] = {
        SAFETY_QUESTION_SLOT: "intent",
        SAFETY_RESUME_SLOT: resume,
        ANSWER_SLOT: None,
        "requested_slot": None,
    }
    replies.append(turn.Reply.of("utter_safety_ask_directly"))
    return turn.Turn(tuple(replies), slots, risk_level="ask")


def answer(
    *,
    sender_id: str,
    text: str,
    intent: str | None,
    question: str,
    risk: object,
    channel: str | None,
    resume: str | None,
) -> turn.Turn:
    """Act on the reply to a safety question: help when unsure, back to the exercise when okay."""
    asked: Question = "safe" if question == "safe" else "intent"
    reading = "safe" if intent == SAFE_INTENT else read_answer(text, asked)
    if turn.read_risk(risk).level == "crisis":
        reading = "unsafe"
    if asked == "intent":
        if reading == "safe":
            reply = "utter_safety_glad_back" if resume else "utter_safety_glad"
            slots = {SAFETY_QUESTION_SLOT: None, SAFETY_RESUME_SLOT: resume}
            return turn.Turn((turn.Reply.of(reply),), slots)
        help_first = turn.crisis(sender_id=sender_id, risk=risk, channel=channel)
        slots = {**help_first.slots, SAFETY_QUESTION_SLOT: "safe", SAFETY_RESUME_SLOT: None}
        return turn.Turn(help_first.replies, slots, "crisis", help_first.risk_recorded)
    # The answer to "are you safe right now?" after the crisis reply.
    done = {SAFETY_QUESTION_SLOT: None, SAFETY_RESUME_SLOT: None}
    if reading == "safe":
        return turn.Turn((turn.Reply.of("utter_safety_glad_after_crisis"),), done)
    resources = turn.Reply.line(safety.help_now_reply(get_settings().crisis_region))
    if reading == "unsafe":
        evidence = turn.read_risk(risk).evidence or (NOT_SAFE_EVIDENCE,)
        try:
            with unit_of_work() as session:
                safety.record_risk(
                    session, sender_id=sender_id, level="crisis", evidence=evidence,
                    channel=channel,
                )
        except Exception as error:  # noqa: BLE001 - help is shown whatever the database does
            logger.error("crisis event not recorded: %s", type(error).__name__)
        return turn.Turn((turn.Reply.of("utter_safety_urgent"), resources), done, "crisis")
    return turn.Turn((turn.Reply.of("utter_safety_unclear"), resources), done)
