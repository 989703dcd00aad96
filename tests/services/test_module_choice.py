"""The typed module choice: positions on the list just shown, words, and two-module offers."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentError
from bot.ids import TAKEAWAY_IDS
from bot.services.module_choice import (
    by_position,
    by_words,
    modules_in_buttons,
    parse_choice_data,
    resolve,
)
from bot.services.module_offer import fitting_modules, personal, plan, use_carried

TWO = ("relationship_patterns", "seek_support")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", "early_experiences"),
        ("the first one", "early_experiences"),
        ("uhh 1 i guess", "early_experiences"),
        ("number 2", "relationship_patterns"),
        ("the 2nd one pls", "relationship_patterns"),
        ("third one", "constructive_exposure"),
        ("the middle one", "constructive_exposure"),
        ("option 4", "emotional_literacy"),
        ("i'll take the fourth", "emotional_literacy"),
        ("no. 5", "seek_support"),
        ("the last one", "seek_support"),
    ],
)
def test_position__after_the_menu_picks_that_place(text: str, expected: str) -> None:
    assert resolve(text, after_menu=True).chosen == expected


def test_position__two_positions_offer_both_in_menu_order() -> None:
    assert resolve("4 or 5 maybe?", after_menu=True).offered == (
        "emotional_literacy",
        "seek_support",
    )
    assert resolve("either 2 or 1 idk", after_menu=True).offered == (
        "early_experiences",
        "relationship_patterns",
    )


def test_position__refers_to_the_list_shown_even_when_it_had_two() -> None:
    assert by_position("the last one", TWO).chosen == "seek_support"
    assert by_position("the first one", TWO).chosen == "relationship_patterns"
    assert by_position("3", TWO).modules == ()


def test_position__not_read_without_a_menu_or_inside_a_sentence() -> None:
    assert resolve("3", after_menu=False).modules == ()
    assert by_position("I was 3 when my parents split up and it changed everything").modules == ()
    assert by_position("no").modules == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my childhood", "early_experiences"),
        ("let's talk about how I was raised", "early_experiences"),
        ("patterns", "relationship_patterns"),
        ("I always pull away when someone gets too close", "relationship_patterns"),
        ("baby steps", "constructive_exposure"),
        ("I want to practise asking for what I need", "constructive_exposure"),
        ("naming feelings", "emotional_literacy"),
        ("I never know what I'm feeling", "emotional_literacy"),
        ("support", "seek_support"),
        ("thinking about finding a therapist", "seek_support"),
    ],
)
def test_words__everyday_descriptions_choose_one_module(text: str, expected: str) -> None:
    choice = by_words(text)
    assert choice.chosen == expected
    assert any(e.startswith(f"{expected}:") for e in choice.evidence)


def test_words__a_message_naming_two_themes_offers_those_two() -> None:
    choice = by_words("feel like my childhood explains how I date")
    assert choice.offered == ("early_experiences", "relationship_patterns")
    assert choice.chosen is None


def test_words__nothing_about_modules_chooses_nothing() -> None:
    assert by_words("what's the weather like tomorrow").modules == ()
    assert by_words("").modules == ()


def test_buttons__module_payloads_in_order_or_nothing() -> None:
    buttons = [
        {"title": "a", "payload": '/choose_module{"takeaway": "seek_support"}'},
        {"title": "b", "payload": '/choose_module{"takeaway": "early_experiences"}'},
    ]
    assert modules_in_buttons(buttons) == ("seek_support", "early_experiences")
    assert modules_in_buttons(buttons[:1]) == ()
    assert modules_in_buttons([{"title": "Help", "payload": "/help"}]) == ()


def test_data__every_module_needs_cues() -> None:
    with pytest.raises(ContentError):
        parse_choice_data({"modules": {"early_experiences": {"cues": []}}, "ordinals": {}})
    raw = {
        "modules": {t: {"cues": [{"pattern": "x(", "weight": 1}]} for t in TAKEAWAY_IDS},
        "ordinals": {},
        "filler": [],
    }
    with pytest.raises(ContentError):
        parse_choice_data(raw)


def test_plan__a_share_naming_a_module_starts_it_and_is_carried() -> None:
    result = plan(
        "my dad was never really around and i think about that a lot lately",
        menu=TAKEAWAY_IDS,
        shared=True,
    )
    assert result.start == "early_experiences"
    assert result.carry and result.personal
    assert result.theme == "never really around"


def test_plan__a_share_naming_none_is_reflected_with_two_fitting_modules() -> None:
    result = plan("I feel so lonely these days", menu=(), shared=True)
    assert result.start is None
    assert len(result.offer) == 2 and "emotional_literacy" in result.offer
    assert result.feeling == "lonely"


def test_plan__a_position_is_never_carried() -> None:
    result = plan("the first one", menu=TAKEAWAY_IDS, shared=False)
    assert result.start == "early_experiences" and not result.carry


def test_personal__feelings_and_relationships_but_not_trivia() -> None:
    assert personal("my girlfriend and I argue a lot")
    assert personal("I've been feeling ashamed")
    assert not personal("what's the capital of France")
    assert fitting_modules("I've been feeling ashamed")[0] in TAKEAWAY_IDS


def test_use_carried__only_the_whole_request() -> None:
    assert use_carried("Use what I wrote")
    assert use_carried("use that!")
    assert not use_carried("I used to write a diary")


def test_plan__reflects_the_clause_that_named_the_module_in_their_words() -> None:
    result = plan(
        "honestly whenever someone gets close I start finding faults and then I leave. "
        "My last partner said I was cold.",
        menu=TAKEAWAY_IDS,
        shared=True,
    )
    assert result.start == "relationship_patterns"
    assert result.theme == "whenever someone gets close I start finding faults"
