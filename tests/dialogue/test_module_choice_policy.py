"""When a typed message outside a module is read as a module choice, and when never."""

from __future__ import annotations

import pytest

from bot.dialogue.module_choice import wants_choice
from bot.ids import TAKEAWAY_IDS

MENU = TAKEAWAY_IDS


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("out_of_scope", "2"),
        ("nlu_fallback", "the first one"),
        ("get_help_now", "number one please"),  # only a position: no request for help in it
        ("ask_change_over_time", "the last one"),
        ("ask_concept", "my childhood"),
        ("ask_concept", "could we look at the childhood one?"),
        ("ask_concept", "why do I keep picking the same kind of partner"),
        ("ask_concept", "let's talk about my childhood"),
        ("share", "I always pull away when someone gets close"),
        ("out_of_scope", "honestly my boyfriend and I fight all the time"),
    ],
)
def test_module_choices__whatever_nlu_made_of_them(intent: str, text: str) -> None:
    assert wants_choice(intent, text, MENU)


@pytest.mark.parametrize(
    ("intent", "text", "menu"),
    [
        ("out_of_scope", "2", ()),  # no list shown: a number is not a position
        ("crisis", "the first one", MENU),
        ("safety_check", "my childhood", MENU),
        ("ask_concept", "what is a secure base", MENU),
        ("ask_concept", "how does therapy help with attachment", MENU),
        ("pause", "let's stop here", MENU),
        ("get_help_now", "I need help now", MENU),
        ("out_of_scope", "what's the capital of France", MENU),
        ("share", '/choose_module{"takeaway": "seek_support"}', MENU),
    ],
)
def test_never_over_safety_commands_concepts_or_payloads(
    intent: str, text: str, menu: tuple[str, ...]
) -> None:
    assert not wants_choice(intent, text, menu)


@pytest.mark.parametrize("pending", ["delete", "export", "consent", "alerts"])
def test_an_open_yes_no_or_sharing_question__is_never_taken_for_a_module_choice(
    pending: str,
) -> None:
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.dialogue.module_choice import ModuleChoicePolicy
    from bot.settings import PROJECT_ROOT

    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    share = UserUttered(
        "I always pull away when someone gets close",
        intent={"name": "share", "confidence": 0.9},
    )

    def tracker(offer: str | None) -> DialogueStateTracker:
        return DialogueStateTracker.from_events(
            "person",
            [SlotSet("pending_offer", offer), ActionExecuted("action_listen"), share],
            domain.slots,
        )

    # the same share with nothing pending is a module choice, so the test can fail
    assert ModuleChoicePolicy._next_action(None, tracker(None)) == "action_choose_module"  # type: ignore[arg-type]
    assert ModuleChoicePolicy._next_action(None, tracker(pending)) is None  # type: ignore[arg-type]
