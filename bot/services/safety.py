"""Acting on a risk signal: record it, pause any exercise, and say the right thing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from bot.safety import concern_messages, crisis_messages, resources_for
from bot.safety.messages import resources_message
from bot.storage import repositories as repo
from bot.storage.models import RiskEvent


def _evidence_without_text(evidence: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Keep which rule fired and where, never the words themselves."""
    return [
        {key: item.get(key) for key in ("category", "rule", "start", "end")} for item in evidence
    ]


def record_risk(
    session: Session,
    *,
    sender_id: str,
    level: str,
    evidence: Sequence[Mapping[str, Any]],
    channel: str | None = None,
) -> RiskEvent:
    """Store a risk event and pause the person's open exercise so it is not continued."""
    if level not in {"concern", "ask", "crisis"}:
        raise ValueError(f"not a risk level worth recording: {level!r}")
    user = repo.get_or_create_user(session=session, sender_id=sender_id, channel=channel)
    open_module = repo.latest_unfinished(session=session, user_id=user.id)
    if level == "crisis" and open_module is not None and open_module.status == "active":
        open_module.status = "paused"
    categories = sorted({str(item.get("category")) for item in evidence if item.get("category")})
    event = RiskEvent(
        user_id=user.id,
        session_id=open_module.id if open_module is not None else None,
        level=level,
        categories=categories,
        evidence=_evidence_without_text(evidence),
    )
    session.add(event)
    session.flush()
    return event


def crisis_reply(region: str) -> list[str]:
    return crisis_messages(region)


def concern_reply() -> list[str]:
    return concern_messages()


def help_now_reply(region: str) -> str:
    return resources_message(resources_for(region))
