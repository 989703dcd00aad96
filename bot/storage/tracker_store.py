"""Rasa's SQL tracker store, extended so a person can be forgotten.

Rasa's tracker store is append-only and has no delete API; worse, Rasa saves
the conversation *after* the action that deleted the person's data has run,
and it would write the whole history back. So deletion happens here, where
Rasa writes: when the events since the last user message contain the
``forget_me`` slot set by ``action_delete_data``, every stored event for that
sender is deleted instead of saved. Their next message starts a new
conversation, as for someone new.
"""

from __future__ import annotations

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.services.personal_data import FORGET_SLOT


def forget_requested(tracker: DialogueStateTracker) -> bool:
    """True when the latest turn asked to delete this person's conversation."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, SlotSet) and event.key == FORGET_SLOT and event.value:
            return True
    return False


class SecureBaseTrackerStore(SQLTrackerStore):
    async def save(self, tracker: DialogueStateTracker) -> None:
        if not forget_requested(tracker):
            await super().save(tracker)
            return
        with self.session_scope() as session:
            session.query(self.SQLEvent).filter(
                self.SQLEvent.sender_id == tracker.sender_id
            ).delete(synchronize_session=False)
            session.commit()
