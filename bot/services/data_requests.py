"""When an export or a deletion may go ahead: guards that do not trust the sender id alone.

A sender id can leak (a shared screen, a log elsewhere) or, over the REST
webhook, be typed by anyone who has the token. So an export or a deletion only
goes ahead when

* it answers the confirmation question asked in the turn just before: a "yes"
  sent later, after anything else was said, or a replayed or typed ``/affirm``
  out of turn, never confirms (:func:`answers_question_just_asked`);
* it comes from the channel the person's data was created on: an integration
  on the REST webhook cannot ask for a widget person's data by their id
  (:func:`from_own_channel`);
* exports are not asked for more often than a person plausibly needs
  (:func:`export_wait_seconds`).

The export itself is only ever a reply to the request that asked, on that
request's channel session; nothing is sent anywhere else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.limits import RateLimiter
from bot.services.unit_of_work import unit_of_work
from bot.storage import repositories as repo

ACTION_LISTEN = "action_listen"
EXPORTS_PER_HOUR = 3
# In memory, per action-server process: a bound, not an account of every export ever made.
_exports = RateLimiter(EXPORTS_PER_HOUR / 60, burst=EXPORTS_PER_HOUR)


def answers_question_just_asked(events: Sequence[Mapping[str, Any]], question_action: str) -> bool:
    """True when the latest user message directly follows ``question_action``.

    Walks back from the latest user message: the first action other than
    listening must be the question. Another user message, or any other action
    (an answer to something else, a fallback) in between, means the question was
    not "just asked", and the message confirms nothing.
    """
    seen_user = False
    for event in reversed(events):
        kind = event.get("event")
        if kind == "user":
            if seen_user:
                return False
            seen_user = True
        elif kind == "action" and seen_user:
            name = event.get("name")
            if name == ACTION_LISTEN:
                continue
            return bool(name == question_action)
        elif kind in {"user_utterance_reverted", "action_reverted", "restart"} and seen_user:
            return False
    return False


def from_own_channel(
    *, sender_id: str, channel: str, events: Sequence[Mapping[str, Any]] = ()
) -> bool:
    """Whether this request comes from the channel the person has been talking on.

    Two records say which channel that is: the app database (where their answers
    were first kept) and the conversation itself (every earlier message names its
    input channel), so a person with no stored answers yet is covered too.
    """
    if channel in ("", "unknown"):
        return True
    earlier = {e.get("input_channel") for e in events if e.get("event") == "user"}
    if earlier - {None, "", "unknown", channel}:
        return False
    with unit_of_work() as session:
        user = repo.get_user(session=session, sender_id=sender_id)
        if user is None or user.channel in ("", "unknown"):
            return True
        return bool(user.channel == channel)


def export_wait_seconds(*, sender_id: str) -> float:
    """0.0 when an export may be sent now, else how long until the next one is allowed."""
    return _exports.take(sender_id)
