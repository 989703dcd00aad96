"""The detector, one rule family per test, read as sentences."""

from __future__ import annotations

import pytest

from bot.safety import RiskAssessment, assess_risk


def level(text: str) -> str:
    return assess_risk(text).level


def categories(text: str) -> tuple[str, ...]:
    return assess_risk(text).categories


@pytest.mark.parametrize(
    "text",
    ["I want to kill myself", "I've been thinking about suicide", "I want to end my life",
     "I'm going to take my own life", "I feel suicidal tonight"],
)
def test_detector__explicit_suicidal_thoughts_are_crisis(text: str) -> None:
    assert level(text) == "crisis"
    assert "suicidal_ideation" in categories(text)


@pytest.mark.parametrize(
    "text",
    ["I don't want to be here anymore", "I wish I could sleep and not wake up",
     "there's nothing left to live for", "I'm so tired of being alive",
     "I wish I'd never been born", "I daydream about not existing"],
)
def test_detector__indirect_suicidal_thoughts_are_crisis(text: str) -> None:
    assert level(text) == "crisis"


@pytest.mark.parametrize(
    "text", ["I've been cutting again", "I want to hurt myself", "I burned myself on purpose",
             "the urge to self-harm is back"],
)
def test_detector__self_harm_is_crisis(text: str) -> None:
    assert level(text) == "crisis"
    assert "self_harm" in categories(text)


@pytest.mark.parametrize(
    "text", ["I've saved up pills", "I've been researching overdose",
             "what's a lethal dose of paracetamol", "I bought a rope today"],
)
def test_detector__method_and_means_are_crisis(text: str) -> None:
    assert level(text) == "crisis"
    assert "method_or_means" in categories(text)


def test_detector__method_words_with_hopelessness_is_crisis() -> None:
    a = assess_risk("I lost my job, which bridges are taller than 25 m?")
    assert a.level == "crisis"
    assert [e.rule for e in a.evidence if e.category == "method_or_means"] == [
        "height_query:with_context"
    ]


def test_detector__height_question_without_hopelessness_is_only_concern() -> None:
    assert level("Which bridges are taller than 25 m?") == "concern"


def test_detector__height_fact_that_is_not_a_question_is_none() -> None:
    assert level("The tallest bridge in the world is in France") == "none"


@pytest.mark.parametrize(
    "text", ["Everyone would be better off without me", "I've written goodbye letters",
             "I've been giving my things away", "nobody would miss me if I was gone",
             "my family would be relieved if I died"],
)
def test_detector__burden_and_goodbye_are_crisis(text: str) -> None:
    assert level(text) == "crisis"
    assert "burden_or_goodbye" in categories(text)


@pytest.mark.parametrize(
    "text", ["he hits me", "I'm scared to go home", "my husband threatened to kill me",
             "I'm not safe at home", "she slammed me against the wall", "I'm being abused"],
)
def test_detector__danger_from_another_person_is_crisis(text: str) -> None:
    assert level(text) == "crisis"
    assert "danger_from_others" in categories(text)


@pytest.mark.parametrize(
    "text", ["kms", "ngl i'm gonna kms", "i should just kys", "i wanna die", "i want to dye",
             "im suicdal", "i want to unalive myself", "wanna kill myslef", "i wanna dieee",
             "I want to k1ll myself"],
)
def test_detector__slang_and_typos_are_crisis(text: str) -> None:
    assert level(text) == "crisis"


def test_detector__kys_aimed_at_someone_else_is_not_self_risk() -> None:
    assert level("lol kys bro") == "none"


@pytest.mark.parametrize(
    "text",
    ["this homework is killing me", "I could die of embarrassment", "my grandmother died",
     "that joke killed me", "I want to end this session", "I'd kill for a coffee",
     "dying to see the film", "the battery is dead", "I shot a photo of the sunset",
     "In the film the main character kills himself at the end",
     "Attachment theory says early caregivers shape our internal working model",
     "I want to dye my hair blue", "I hurt myself playing football", "I'm cutting back on sugar",
     "My mom is going to kill me when she sees my grades", "I'd rather die than sing karaoke",
     "we are all going to die someday", "I cut myself shaving", "I overdosed on netflix"],
)
def test_detector__look_alikes_are_none(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text", ["I'm not suicidal, just tired", "I would never kill myself but I'm low",
             "I don't want to die, I want the pain to stop"],
)
def test_detector__negated_risk_is_concern_not_crisis(text: str) -> None:
    a = assess_risk(text)
    assert a.level == "concern"
    assert any(e.rule.endswith(":negated") for e in a.evidence)


def test_detector__negation_about_something_else_does_not_hide_risk() -> None:
    assert level("I'm not okay and I want to die") == "crisis"
    assert level("I don't know if I want to die") == "crisis"


def test_detector__resolved_distant_past_attempt_is_concern() -> None:
    a = assess_risk("years ago I tried to kill myself, now I'm doing well")
    assert a.level == "concern"
    assert a.evidence[0].rule == "kill_myself:resolved_past"


def test_detector__past_marker_with_current_risk_stays_crisis() -> None:
    assert level("Years ago I was suicidal. Lately it's coming back.") == "crisis"
    assert level("I tried to kill myself last week") == "crisis"


def test_detector__risk_reported_about_someone_else_is_concern() -> None:
    assert level("my friend is suicidal") == "concern"
    assert level("My friend told me she wants to kill herself") == "concern"


@pytest.mark.parametrize(
    "text", ["I feel completely hopeless", "I can't cope anymore", "I keep having panic attacks",
             "I've been crying all day", "I'm exhausted"],
)
def test_detector__distress_without_risk_is_concern(text: str) -> None:
    a = assess_risk(text)
    assert a.level == "concern"
    assert a.categories == ("distress",)


def test_detector__ordinary_venting_is_none() -> None:
    assert level("I'm so stressed about my exams and my boss is annoying") == "none"


def test_detector__crisis_in_a_long_reflective_answer_is_found_with_its_span() -> None:
    text = ("When I think about my mother I remember waiting by the window. To be honest "
            "I don't want to be here anymore.")
    a = assess_risk(text)
    assert a.level == "crisis"
    assert [text[e.start : e.end] for e in a.evidence] == [e.text for e in a.evidence]
    assert "don't want to be here" in a.evidence[0].text


def test_detector__to_dict_has_level_and_evidence_fields() -> None:
    data = assess_risk("he hits me").to_dict()
    assert data["level"] == "crisis"
    assert data["evidence"] == [
        {"category": "danger_from_others", "rule": "abuser_harms_me", "start": 0, "end": 10,
         "text": "he hits me"}
    ]


def test_detector__none_has_no_evidence_and_no_categories() -> None:
    a = assess_risk("I had a nice walk today")
    assert a == RiskAssessment("none")
    assert a.categories == ()
    assert {k: v for k, v in a.to_dict().items() if k != "score"} == {
        "level": "none",
        "ask": False,
        "evidence": [],
    }
