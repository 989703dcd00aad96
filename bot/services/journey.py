"""The reflection journey as the action server asks for it: one unit of work a call.

``bot.services.reflection`` holds the rules and takes a session so that use
cases can combine them in one transaction; these functions take plain values,
open their own unit of work and return the frozen results actions render.
"""

from __future__ import annotations

from bot.services import reflection
from bot.services.reflection import ClosingSummary, ModulePosition, Started, Step
from bot.services.unit_of_work import unit_of_work


def start(*, sender_id: str, takeaway: str, channel: str | None = None) -> Started:
    """Begin a module, or continue it if this person left it unfinished."""
    with unit_of_work() as session:
        return reflection.start_module(
            session, sender_id=sender_id, takeaway=takeaway, channel=channel
        )


def resume(*, sender_id: str, channel: str | None = None) -> Started | None:
    """Continue the module this person left last, if any."""
    with unit_of_work() as session:
        return reflection.resume_latest(session, sender_id=sender_id, channel=channel)


def find_unfinished(*, sender_id: str) -> ModulePosition | None:
    """Where this person left off, for the offer to continue at session start."""
    with unit_of_work() as session:
        return reflection.find_unfinished(session, sender_id=sender_id)


def pause(*, reflection_id: int) -> ModulePosition:
    """Put the module on hold; raises ``ReflectionNotFound`` if it no longer exists."""
    with unit_of_work() as session:
        return reflection.pause(session, reflection_id=reflection_id)


def position(*, reflection_id: int) -> ModulePosition | None:
    with unit_of_work() as session:
        return reflection.position(session, reflection_id=reflection_id)


def status(*, reflection_id: int) -> str | None:
    """active, paused or completed: a form that ended on a pause closes without thanks."""
    with unit_of_work() as session:
        return reflection.status(session, reflection_id=reflection_id)


def next_step(*, reflection_id: int, introduced: bool = False) -> Step | None:
    """The open prompt or follow-up; the database, not the form, says which.

    ``introduced``: the conversation already showed this module's introduction,
    so a prompt asked again (after "help", a greeting, a nudge) comes alone.
    """
    with unit_of_work() as session:
        return reflection.current_step(
            session, reflection_id=reflection_id, introduced=introduced
        )


def required_slots(*, reflection_id: int) -> list[str]:
    """What the form still needs; nothing when the module is gone (data deleted)."""
    with unit_of_work() as session:
        try:
            return reflection.required_slots(session, reflection_id=reflection_id)
        except reflection.ReflectionNotFound:
            return []


def closing_summary(*, reflection_id: int) -> ClosingSummary:
    with unit_of_work() as session:
        return reflection.closing_summary(session, reflection_id=reflection_id)
