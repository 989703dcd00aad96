"""The harness shared by the conversation bench and profile: scripts, windows, servers."""

from __future__ import annotations

import httpx

from bot.content import TAKEAWAY_IDS
from bot.evaluation.conversation import journey_script, throwaway_stack, window
from bot.evaluation.profile_conversation import varied_script


def test_journey_script__works_through_every_module_in_turn() -> None:
    messages = journey_script(7 * len(TAKEAWAY_IDS))
    chosen = [m for m in messages if m.startswith("/choose_module")]
    assert [c.split('"')[3] for c in chosen] == list(TAKEAWAY_IDS)


def test_journey_script__stops_at_the_number_of_turns_asked_for() -> None:
    assert len(journey_script(12)) == 12


def test_varied_script__sends_the_same_conversation_every_run() -> None:
    assert varied_script(60) == varied_script(60)
    assert len(varied_script(60)) == 60


def test_window__is_a_tenth_of_the_turns_but_at_least_five() -> None:
    assert (window(20), window(140)) == (5, 14)


def test_throwaway_stack__serves_an_action_server_and_stops_it_afterwards() -> None:
    with throwaway_stack(model=None, prefix="securebase-test-") as stack:
        health = f"http://127.0.0.1:{stack.settings.action_port}/health"
        assert httpx.get(health, timeout=5).status_code == 200
        assert (stack.workdir / "app.db").exists()
    try:
        httpx.get(health, timeout=2)
        still_up = True
    except httpx.HTTPError:
        still_up = False
    assert not still_up
