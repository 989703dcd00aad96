"""Issue 3 as a person sees it: feedback quotes them, one follow-up only when shallow."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.storage.db import session_scope
from bot.storage.models import Answer, User
from tests.support.servers import Stack, texts

pytestmark = pytest.mark.integration

DEEP = (
    "When my partner went quiet last week I felt anxious and then resentful. I used to assume"
    " silence meant I'd done something wrong, like with my dad, but maybe she was just tired."
    " Next time I want to ask her gently instead of withdrawing."
)


def test_module__quotes_answers_follows_up_once_when_shallow_and_closes_with_a_summary(
    stack: Stack,
) -> None:
    who = "feedback-person"
    stack.say(who, '/choose_module{"takeaway": "relationship_patterns"}')
    stack.say(who, "skip")

    deep = texts(stack.say(who, DEEP))
    assert '"anxious"' in deep or '"resentful"' in deep
    assert "Prompt 2 of 3" in deep  # no follow-up for a deep answer

    shallow = texts(stack.say(who, "it was fine"))
    assert "Prompt 3 of 3" not in shallow and "?" in shallow  # exactly one follow-up
    # issue 12: a reply that answers nothing ("idk") is re-asked, never stored or quoted
    unclear = texts(stack.say(who, "idk"))
    assert "didn't quite catch" in unclear and '"idk"' not in unclear
    assert "Prompt 3 of 3" not in unclear
    after_followup = texts(stack.say(who, "I guess it felt a bit flat"))
    assert "Prompt 3 of 3" in after_followup  # never a second follow-up

    closing = texts(stack.say(who, DEEP))
    assert "how are you feeling now" in closing
    assert "anxious" in closing  # the summary names the feelings they wrote
    assert "3 prompts plus one follow-up question" in closing  # counted apart (issue 12)

    with session_scope(stack.settings.database_url) as session:
        user = session.execute(select(User).where(User.sender_id == who)).scalar_one()
        rows = session.execute(select(Answer).order_by(Answer.id)).scalars().all()
        mine = [a for a in rows if a.session.user_id == user.id]
        assert [a.kind for a in mine] == ["prompt", "prompt", "followup", "prompt"]
        scored = [a for a in mine if a.kind != "skipped"]
        assert all(a.depth is not None and a.scores and a.evidence is not None for a in scored)
        assert mine[0].depth >= 2 and mine[1].depth <= 1
