"""The six rule families generalise: one idea, many wordings, and its look-alikes stay calm.

Sentences here are written for the tests; none is copied from a holdout file.
"""

from __future__ import annotations

import time

import pytest

from bot.safety import assess_risk


def level(text: str) -> str:
    return assess_risk(text).level


def categories(text: str) -> tuple[str, ...]:
    return assess_risk(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "I'm hoping my heart gives out one of these nights",
        "being dead feels like it would be a relief",
        "i lowkey just want to be gone",
        "I pray I don't see another morning",
        "I think about not existing constantly",
        "suicide is on my mind every day",
        "it'd be easier to just stop existing",
        "the only way out I can see is to die",
        "idc whether i live or die honestly",
        "if I never woke up I'd be glad",
        "I keep hoping something happens to me on the motorway",
    ],
)
def test_family_death_wish__a_wish_or_relief_near_death_is_crisis(text: str) -> None:
    assert level(text) == "crisis"
    assert "suicidal_ideation" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm dying to see the new season",
        "I'd rather die than run a marathon",
        "I hope I don't wake up late for the interview",
        "his death was a relief after the pain",
        "I want to be gone by noon to beat the traffic",
        "we are all going to die someday",
        "my phone is dead, I need a charger",
        "my life would be easier with a bigger flat",
    ],
)
def test_family_death_wish__idioms_and_other_peoples_deaths_are_not_crisis(text: str) -> None:
    assert level(text) != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "the urge to burn is back tonight",
        "i keep wanting to cut",
        "cutting is what helps me cope",
        "I deliberately scratched my arm raw",
        "I hide a razor blade in my pencil case",
        "I want to feel physical pain",
        "I started harming myself again",
    ],
)
def test_family_self_harm__the_urge_or_habit_in_first_person_is_crisis(text: str) -> None:
    assert level(text) == "crisis"
    assert "self_harm" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I keep wanting to cut my hair short",
        "I'm cutting down on coffee again",
        "I cut my thumb chopping onions",
        "the cutting board is dirty again",
        "I used to sit in his shed while he fixed things",
        "she shed a few tears at the wedding",
    ],
)
def test_family_self_harm__everyday_cutting_is_not_crisis(text: str) -> None:
    assert level(text) != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "I swallowed about 25 of my sleeping pills",
        "I've been saving my tablets instead of taking them",
        "there are enough painkillers in my drawer to do it",
        "I'm standing at the edge of the cliff now",
        "is a ten storey drop high enough to die?",
        "how long does it take to bleed out",
        "I lost my job and she left me. Where is the tallest bridge?",
    ],
)
def test_family_means__ingestion_collection_heights_and_lethality_are_crisis(text: str) -> None:
    assert level(text) == "crisis"
    assert "method_or_means" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I took one paracetamol for my headache",
        "I'm on the bridge now, almost at yours",
        "the film is about a woman who plans to jump off a bridge",
        "in the game you can throw yourself off the tower",
        "Which bridge in Prague is the oldest?",
    ],
)
def test_family_means__ordinary_medicine_travel_and_fiction_are_not_crisis(text: str) -> None:
    assert level(text) != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "my kids would be happier with me gone",
        "they'd manage fine if I wasn't around",
        "everyone would be freer once I'm gone",
        "nobody would care if I just stopped existing",
    ],
)
def test_family_burden__others_better_off_near_my_absence_is_crisis(text: str) -> None:
    assert level(text) == "crisis"
    assert "burden_or_goodbye" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I've written letters to say goodbye to my brothers",
        "I've sorted my will and who gets my cat",
        "gave my bike to my cousin, I won't be needing it",
        "I've chosen the day and I have a plan",
        "I'm done. Goodbye everyone.",
        "you won't hear from me again after tonight",
    ],
)
def test_family_goodbye__acts_of_finality_are_crisis(text: str) -> None:
    assert level(text) == "crisis"
    assert "burden_or_goodbye" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "goodbye everyone, see you on Monday",
        "the team played better without me",
        "I picked a date for the party",
        "I'm writing a will now that the baby is here",
        "I gave my old laptop away since I bought a new one, won't need it",
    ],
)
def test_family_goodbye__sign_offs_events_and_routine_admin_are_not_crisis(text: str) -> None:
    assert level(text) != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "my brother is going to beat me when he gets home",
        "if I tell anyone she'll hurt my dog",
        "he broke my wrist last month",
        "he's pounding on the door and I'm hiding",
        "I'm too scared to go back to the flat with him",
        "my husband said he'll kill me and he means it",
    ],
)
def test_family_danger__threats_injuries_and_fear_at_home_are_crisis(text: str) -> None:
    assert level(text) == "crisis"
    assert "danger_from_others" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "my dad is going to kill me when he sees the dent",
        "my sister beat me at cards again",
        "she'll kill me if I'm late again",
        "he hit me up about the party",
    ],
)
def test_family_danger__idiomatic_kill_me_and_games_are_not_crisis(text: str) -> None:
    assert level(text) != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "i wanna dissapear forever",
        "dont wanna wake up tmrw",
        "thinkin abt dying all the time",
        "gonna unalive myself",
        "im suicdal",
        "ppl would be fine w/o me",
    ],
)
def test_family_typos__slang_and_misspellings_stay_crisis(text: str) -> None:
    assert level(text) == "crisis"


def test_fiction__a_plot_about_a_character_drops_the_method_hit() -> None:
    assert level("The novel is about a man who plans to jump off a bridge") == "none"


def test_fiction__i_in_the_clause_keeps_the_hit_even_near_a_film() -> None:
    assert level("I watched a film and now I want to jump off a bridge") == "crisis"


def test_third_person__someone_elses_self_harm_is_concern() -> None:
    assert level("My flatmate says she's been burning herself") == "concern"


def test_long_answer__a_risk_sentence_buried_in_reflection_is_found() -> None:
    text = (
        "My mum was warm but often away, and I learned to manage alone. These days I hope "
        "my heart just stops some night. Anyway, the prompt asked about comfort."
    )
    a = assess_risk(text)
    assert a.level == "crisis"
    assert all(text[e.start : e.end] == e.text for e in a.evidence)


def test_work_cap__many_repeated_hits_in_long_text_stay_fast_and_bounded() -> None:
    text = ("i want to be dead, everyone would be better off without me. " * 400)[:20_000]
    started = time.perf_counter()
    a = assess_risk(text)
    assert time.perf_counter() - started < 1.0
    assert a.level == "crisis"
    assert len(a.evidence) < 60
