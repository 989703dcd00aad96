"""The closing summary and the concept it suggests."""

from __future__ import annotations

import re

from bot.scoring import ScoreResult, compose_summary, score_answer, suggest_concept

CONCEPT_IDS = {
    "internal_working_model", "self_model", "other_model", "four_category_model", "secure",
    "preoccupied", "fearful_avoidant", "dismissing_avoidant", "disorganised", "formation",
    "attunement", "secure_base", "romantic_relationships", "parenting",
    "intergenerational_transmission", "adult_attachment_interview", "strange_situation",
    "plasticity", "myths", "therapy",
}


def _scored(takeaway: str, *texts: str) -> list[tuple[str, ScoreResult]]:
    return [(text, score_answer(text, takeaway)) for text in texts]


def test_summary__has_the_five_parts_and_an_invitation() -> None:
    answers = _scored(
        "early_experiences",
        "When I cried my dad told me to toughen up and I felt ashamed.",
        "I still hide my tears from my partner now.",
    )
    summary = compose_summary("Reflect on early experiences", answers)
    assert len(summary.lines) == 6
    explored, depth, feelings, did_well, next_step, invite = summary.lines
    assert "Reflect on early experiences" in explored
    assert '"ashamed"' in feelings
    assert did_well.startswith("One thing you did well")
    assert next_step.startswith("A small next step")
    assert "tell you more" in invite


def test_summary__depth_is_in_words_not_numbers() -> None:
    texts = ("I don't know", "I asked my brother for help and felt relieved.")
    answers = _scored("seek_support", *texts)
    depth_line = compose_summary("Seek support", answers).lines[1]
    assert not re.search(r"\d", depth_line)
    assert "describing" in depth_line or "reflecting" in depth_line


def test_summary__skipped_prompts_are_simply_absent() -> None:
    summary = compose_summary("Seek support", [])
    assert "skipped" in summary.lines[0]
    assert summary.concept_id in CONCEPT_IDS


def test_summary__no_feelings_named_is_said_kindly() -> None:
    answers = _scored("relationship_patterns", "I keep dating people who go cold after a month.")
    assert "didn't name many feelings" in compose_summary("Patterns", answers).lines[2]


def test_concept__negative_self_views_suggest_the_self_model() -> None:
    results = [score_answer("I'm a burden and I'm not good enough.", "seek_support")]
    assert suggest_concept(results) == "self_model"


def test_concept__negative_other_views_suggest_the_other_model() -> None:
    text = "People always let me down and leave in the end."
    assert suggest_concept([score_answer(text, "relationship_patterns")]) == "other_model"


def test_concept__negative_other_views_with_a_plan_suggest_plasticity() -> None:
    text = "People always let me down. Next time I'll give my friend a chance to help."
    assert suggest_concept([score_answer(text, "relationship_patterns")]) == "plasticity"


def test_concept__few_feelings_about_childhood_suggest_attunement() -> None:
    text = "My grandparents raised me on a farm and we moved a lot."
    assert suggest_concept([score_answer(text, "early_experiences")]) == "attunement"


def test_concept__nothing_reflective_falls_back_to_the_core_idea() -> None:
    assert suggest_concept([score_answer("idk", "seek_support")]) == "internal_working_model"


def test_concept__is_deterministic_and_always_a_design_id() -> None:
    results = [score_answer(t, "emotional_literacy") for t in ("I felt calm.", "I felt proud.")]
    assert suggest_concept(results) == suggest_concept(list(results))
    assert suggest_concept(results) in CONCEPT_IDS


def test_summary__counts_prompts_and_followups_separately() -> None:
    answers = _scored(
        "seek_support",
        "I asked my sister for help.",
        "I felt relieved and a bit embarrassed.",
        "I texted a friend when I was low.",
        "She came over and I felt lighter.",
        "Next time I will ask sooner.",
    )
    explored = compose_summary("Seek support", answers, followups=2).lines[0]
    assert "3 prompts plus 2 follow-up questions" in explored
    assert "5 prompts" not in explored


def test_summary__one_prompt_and_one_followup_read_in_words() -> None:
    answers = _scored("seek_support", "I asked my sister for help.", "I felt relieved.")
    explored = compose_summary("Seek support", answers, followups=1).lines[0]
    assert "one prompt plus one follow-up question" in explored


def test_summary__without_followups_counts_only_prompts() -> None:
    answers = _scored("seek_support", "I asked my sister for help.", "I felt relieved.")
    explored = compose_summary("Seek support", answers).lines[0]
    assert "2 prompts" in explored and "follow-up" not in explored
