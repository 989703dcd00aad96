"""The concept base, quiz and self-assessment load, match the seeds and resolve aliases."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.content import CONTENT_DIR, ContentError
from bot.content.concepts import CONCEPT_IDS, SEED_IDS, count_sentences
from bot.content.knowledge import Knowledge, load_knowledge, read_knowledge

SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"

# Five or more ways people name each concept; each must resolve to that concept.
PHRASINGS: dict[str, list[str]] = {
    "internal_working_model": [
        "What is an IWM?",
        "iwm?",
        "explain the internal working model",
        "what's a working model",
        "what are IWMs",
        "the mental map thing",
    ],
    "self_model": [
        "what is the self model",
        "view of self?",
        "what about my self-image",
        "how does self-worth fit in",
        "model of the self",
        "how I see myself",
    ],
    "other_model": [
        "what is the other model",
        "view of others?",
        "image of others",
        "explain the model of other people",
        "how I see other people",
    ],
    "four_category_model": [
        "what is the four-category model",
        "what are the four styles",
        "attachment styles?",
        "types of attachment",
        "the 4 styles",
        "Bartholomew and Horowitz",
    ],
    "secure": [
        "what is secure attachment",
        "secure?",
        "what does securely attached mean",
        "tell me about the secure style",
        "Secure Attachment",
    ],
    "preoccupied": [
        "what is anxious attachment",
        "preoccupied?",
        "anxiously attached",
        "what does preoccupied attachment mean",
        "why am I so clingy",
        "fear of abandonment",
    ],
    "fearful_avoidant": [
        "what is fearful avoidant",
        "fearful-avoidant?",
        "fearful attachment",
        "what about anxious-avoidant",
        "explain Fearful Avoidant attachment",
    ],
    "dismissing_avoidant": [
        "what is avoidant attachment",
        "dismissive?",
        "dismissing-avoidant",
        "what does dismissive avoidant mean",
        "avoidant?",
        "overly self-reliant",
    ],
    "disorganised": [
        "what's disorganised attachment",
        "disorganized?",
        "what is disorganized attachment",
        "disorganisation",
        "Disorganised style",
    ],
    "formation": [
        "how does it form",
        "where does it come from",
        "how is it formed?",
        "how does an IWM develop",
        "does it start in early childhood",
    ],
    "attunement": [
        "what is attunement",
        "attuned parents",
        "misattunement?",
        "what does responsiveness mean",
        "caregiver sensitivity",
    ],
    "secure_base": [
        "what is a secure base",
        "secure base?",
        "safe haven",
        "what's a safe base",
        "Secure-Base",
    ],
    "romantic_relationships": [
        "how does it affect romantic relationships",
        "my partner",
        "what about dating",
        "my love life",
        "romance?",
    ],
    "parenting": [
        "what about parenting",
        "as a parent what can I do",
        "raising kids",
        "how does it affect my children",
        "parenting?",
    ],
    "intergenerational_transmission": [
        "is it passed down from parents",
        "intergenerational?",
        "does it run in the family",
        "is it inherited",
        "can I pass it on to my kids",
    ],
    "adult_attachment_interview": [
        "how do researchers measure it",
        "what is the AAI",
        "adult attachment interview",
        "how is it measured?",
        "is there an attachment test",
    ],
    "strange_situation": [
        "what is the strange situation",
        "strange situation procedure",
        "how do they measure attachment in children",
        "SSP?",
        "separation and reunion",
    ],
    "plasticity": [
        "can it change?",
        "can my attachment style change",
        "is it permanent",
        "am I stuck with it",
        "can I become secure",
        "does my attachment style ever change",
    ],
    "myths": [
        "common myths",
        "is it a fixed trait",
        "is it my destiny",
        "misconceptions about IWMs",
        "does it only concern childhood",
    ],
    "therapy": [
        "can therapy help",
        "should I see a therapist",
        "counseling?",
        "does counselling work for this",
        "what about psychotherapy",
    ],
}


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge()


def _broken_copy(tmp_path: Path, name: str, change: object) -> Path:
    for path in CONTENT_DIR.glob("*.yml"):
        shutil.copy(path, tmp_path / path.name)
    target = tmp_path / name
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def test_concepts__every_design_id_is_present_with_all_fields(knowledge: Knowledge) -> None:
    assert set(knowledge.concepts) == set(CONCEPT_IDS) and len(CONCEPT_IDS) == 20
    for concept_id, concept in knowledge.concepts.items():
        assert concept.id == concept_id
        for text in (concept.title, concept.short, concept.more, concept.example):
            assert text.strip()
        assert concept.related and concept.source and concept.aliases


def test_concepts__short_is_chat_sized_and_more_is_longer(knowledge: Knowledge) -> None:
    for concept in knowledge.concepts.values():
        assert 2 <= count_sentences(concept.short) <= 4, concept.id
        assert 4 <= count_sentences(concept.more) <= 8, concept.id
        assert len(concept.short) < len(concept.more), concept.id


def test_concepts__related_ids_exist_and_sources_are_seed_files(knowledge: Knowledge) -> None:
    for concept in knowledge.concepts.values():
        assert set(concept.related) <= set(CONCEPT_IDS) - {concept.id}
        assert set(concept.source) <= set(SEED_IDS)


def test_four_category_table__matches_the_seed_exactly(knowledge: Knowledge) -> None:
    assert dict(knowledge.four_category_table) == {
        ("positive", "positive"): "secure",
        ("negative", "positive"): "preoccupied",
        ("negative", "negative"): "fearful_avoidant",
        ("positive", "negative"): "dismissing_avoidant",
    }


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="seed documents not available")
def test_four_category_table__agrees_with_the_table_in_seed_000(knowledge: Knowledge) -> None:
    seed = (SEEDS_DIR / "000_3ace45713d0872c6.txt").read_text(encoding="utf-8")
    rows = re.findall(
        r"^(Secure|Preoccupied|Fearful-avoidant|Dismissing-avoidant)"
        r"(Positive|Negative)(Positive|Negative)",
        seed,
        flags=re.M,
    )
    assert len(rows) == 4
    for style, self_view, other_view in rows:
        expected = style.lower().replace("-", "_")
        assert knowledge.four_category_table[(self_view.lower(), other_view.lower())] == expected


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="seed documents not available")
def test_content__copies_no_run_of_six_words_from_the_seeds() -> None:
    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))

    seed_words = words(" ".join(p.read_text(encoding="utf-8") for p in SEEDS_DIR.glob("*.txt")))
    seed_runs = {tuple(seed_words[i : i + 6]) for i in range(len(seed_words) - 5)}
    for name in ("concepts.yml", "quiz.yml", "self_assessment.yml"):
        ours = words((CONTENT_DIR / name).read_text(encoding="utf-8"))
        copied = [
            " ".join(ours[i : i + 6])
            for i in range(len(ours) - 5)
            if tuple(ours[i : i + 6]) in seed_runs
        ]
        assert copied == [], name


@pytest.mark.parametrize(
    ("concept_id", "phrase"),
    [(cid, phrase) for cid, phrases in PHRASINGS.items() for phrase in phrases],
)
def test_resolve__each_phrasing_names_its_concept(
    knowledge: Knowledge, concept_id: str, phrase: str
) -> None:
    assert knowledge.resolver.resolve_concept(phrase) == concept_id


def test_resolve__every_concept_has_five_tested_phrasings() -> None:
    assert set(PHRASINGS) == set(CONCEPT_IDS)
    assert all(len(phrases) >= 5 for phrases in PHRASINGS.values())


def test_resolve__anxious_attachment_means_preoccupied(knowledge: Knowledge) -> None:
    assert knowledge.resolver.resolve_concept("is anxious attachment bad?") == "preoccupied"


def test_resolve__american_spelling_disorganized_is_understood(knowledge: Knowledge) -> None:
    assert knowledge.resolver.resolve_concept("DISORGANIZED attachment") == "disorganised"


def test_resolve__longest_alias_wins_over_a_shorter_one_inside_it(knowledge: Knowledge) -> None:
    assert knowledge.resolver.resolve_concept("what is a secure base") == "secure_base"
    assert knowledge.resolver.resolve_concept("anxious avoidant") == "fearful_avoidant"


def test_resolve__insecure_is_not_read_as_secure(knowledge: Knowledge) -> None:
    assert knowledge.resolver.resolve_concept("insecure") != "secure"


@pytest.mark.parametrize(
    "phrase", ["hello there", "what's the weather like", "", "quantum physics", "sdfgh"]
)
def test_resolve__unknown_phrases_give_none(knowledge: Knowledge, phrase: str) -> None:
    assert knowledge.resolver.resolve_concept(phrase) is None
    assert knowledge.resolver.resolve_concepts(phrase) == []


def test_resolve_concepts__difference_question_lists_both_in_order(knowledge: Knowledge) -> None:
    text = "what's the difference between secure and preoccupied?"
    assert knowledge.resolver.resolve_concepts(text) == ["secure", "preoccupied"]
    assert knowledge.resolver.resolve_concepts("dismissive vs fearful-avoidant vs dismissing") == [
        "dismissing_avoidant",
        "fearful_avoidant",
    ]


def test_resolve_concepts__secure_base_and_secure_are_two_concepts(knowledge: Knowledge) -> None:
    found = knowledge.resolver.resolve_concepts("secure base versus secure")
    assert found == ["secure_base", "secure"]


def test_load_knowledge__is_cached(knowledge: Knowledge) -> None:
    assert load_knowledge() is knowledge


def test_load__missing_short_names_file_and_field(tmp_path: Path) -> None:
    folder = _broken_copy(tmp_path, "concepts.yml", lambda d: d["concepts"]["secure"].pop("short"))
    with pytest.raises(ContentError, match=r"concepts\.yml: concepts\.secure\.short"):
        read_knowledge(folder)


def test_load__too_many_sentences_in_short_is_refused(tmp_path: Path) -> None:
    def lengthen(data: dict) -> None:
        data["concepts"]["myths"]["short"] = "One. Two. Three. Four. Five."

    with pytest.raises(ContentError, match=r"concepts\.myths\.short: expected 2-4 sentences"):
        read_knowledge(_broken_copy(tmp_path, "concepts.yml", lengthen))


def test_load__unknown_related_id_names_the_field(tmp_path: Path) -> None:
    def relate(data: dict) -> None:
        data["concepts"]["therapy"]["related"] = ["attachment_magic"]

    with pytest.raises(ContentError, match=r"concepts\.therapy\.related\[0\]"):
        read_knowledge(_broken_copy(tmp_path, "concepts.yml", relate))


def test_load__swapped_table_cell_is_refused(tmp_path: Path) -> None:
    def swap(data: dict) -> None:
        data["four_category_table"][1]["self"] = "positive"

    with pytest.raises(ContentError, match=r"concepts\.yml: four_category_table\[1\]"):
        read_knowledge(_broken_copy(tmp_path, "concepts.yml", swap))


def test_load__alias_claimed_by_two_concepts_is_refused(tmp_path: Path) -> None:
    def claim(data: dict) -> None:
        data["concepts"]["secure"]["aliases"].append("Anxious attachment")

    with pytest.raises(ContentError, match=r"aliases: 'anxious attachment' already names"):
        read_knowledge(_broken_copy(tmp_path, "concepts.yml", claim))


def test_load__quiz_answer_outside_options_names_the_question(tmp_path: Path) -> None:
    def break_answer(data: dict) -> None:
        data["questions"][3]["answer"] = "z"

    with pytest.raises(ContentError, match=r"quiz\.yml: questions\[3\]\.answer"):
        read_knowledge(_broken_copy(tmp_path, "quiz.yml", break_answer))


def test_load__missing_scale_label_names_the_field(tmp_path: Path) -> None:
    folder = _broken_copy(tmp_path, "self_assessment.yml", lambda d: d["scale"]["labels"].pop(4))
    with pytest.raises(ContentError, match=r"self_assessment\.yml: scale\.labels\.4"):
        read_knowledge(folder)


def test_load__invalid_yaml_names_the_file(tmp_path: Path) -> None:
    for path in CONTENT_DIR.glob("*.yml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "concepts.yml").write_text("concepts: [unclosed", encoding="utf-8")
    with pytest.raises(ContentError, match=r"concepts\.yml: not valid YAML"):
        read_knowledge(tmp_path)


def test_quiz__has_ten_questions_each_linked_to_a_concept(knowledge: Knowledge) -> None:
    assert len(knowledge.quiz) >= 10
    assert all(q.concept in knowledge.concepts for q in knowledge.quiz)
    myth_ids = {"fixed_trait", "only_childhood", "destiny"}
    assert myth_ids <= {q.id for q in knowledge.quiz}


def test_self_assessment__has_five_items_per_axis_with_reverse_keys(knowledge: Knowledge) -> None:
    items = knowledge.self_assessment.items
    for axis in ("self", "other"):
        keyed = [item for item in items if item.axis == axis]
        assert len(keyed) >= 5
        assert any(item.reverse for item in keyed) and not all(item.reverse for item in keyed)
    assert set(knowledge.self_assessment.scale.labels) == set(range(1, 8))
    assert len(knowledge.self_assessment.caveats) >= 3


def test_self_assessment__items_avoid_published_questionnaire_wording(
    knowledge: Knowledge,
) -> None:
    # Signature phrases of the RQ and RSQ, which are not licensed for this use.
    published = [
        "emotionally close",
        "depend on",
        "depending on",
        "self-sufficient",
        "feel independent",
        "merge",
        "not accept me",
        "value me as much",
        "trust others completely",
        "comfortable without close",
        "being alone",
    ]
    for item in knowledge.self_assessment.items:
        for phrase in published:
            assert phrase not in item.text.lower(), (item.id, phrase)


NLU_FILE = Path(__file__).resolve().parents[2] / "data" / "nlu" / "concepts.yml"
ENTITY = re.compile(r'\[([^\]]+)\]\{"entity": "concept", "value": "([a-z_]+)"\}')
COMPARISON_WORD = re.compile(r"\b(difference|diff|vs|versus|compare|differ)", re.IGNORECASE)


def _nlu_block(kind: str, name: str) -> list[str]:
    data = yaml.safe_load(NLU_FILE.read_text(encoding="utf-8"))
    blocks = [entry for entry in data["nlu"] if entry.get(kind) == name]
    assert blocks, f"no {kind} {name!r} in {NLU_FILE.name}"
    return [
        line[2:] for block in blocks for line in block["examples"].splitlines()
        if line.startswith("- ")
    ]


def test_nlu__every_concept_is_asked_in_six_or_more_ways() -> None:
    counts = {cid: 0 for cid in CONCEPT_IDS}
    for example in _nlu_block("intent", "ask_concept"):
        for _, value in ENTITY.findall(example):
            counts[value] += 1
    assert min(counts.values()) >= 6, counts


def test_nlu__entity_values_and_synonyms_are_concept_ids() -> None:
    data = yaml.safe_load(NLU_FILE.read_text(encoding="utf-8"))
    assert data["version"] == "3.1"
    for entry in data["nlu"]:
        if "synonym" in entry:
            assert entry["synonym"] in CONCEPT_IDS
        for _, value in ENTITY.findall(entry.get("examples", "")):
            assert value in CONCEPT_IDS


def test_nlu__compare_examples_name_two_different_concepts() -> None:
    comparisons = [e for e in _nlu_block("intent", "ask_concept") if COMPARISON_WORD.search(e)]
    assert len(comparisons) >= 40
    for example in comparisons:
        values = [value for _, value in ENTITY.findall(example)]
        assert len(values) == 2 and values[0] != values[1], example


def test_nlu__only_this_flow_s_intents_are_defined() -> None:
    data = yaml.safe_load(NLU_FILE.read_text(encoding="utf-8"))
    intents = {entry["intent"] for entry in data["nlu"] if "intent" in entry}
    assert intents == {
        "ask_concept",
        "ask_concept_more",
        "start_quiz",
        "start_self_assessment",
        "ask_change_over_time",
    }


def test_load__unknown_starter_topic_names_the_field(tmp_path: Path) -> None:
    def rename(data: dict) -> None:
        data["starter_topics"][2] = "neuroplasticity"

    with pytest.raises(ContentError, match=r"concepts\.yml: starter_topics\[2\]"):
        read_knowledge(_broken_copy(tmp_path, "concepts.yml", rename))


def test_load__about_button_without_a_title_is_refused(tmp_path: Path) -> None:
    def untitle(data: dict) -> None:
        data["buttons"]["about"] = "Tell me about it"

    with pytest.raises(ContentError, match=r"concepts\.yml: buttons\.about"):
        read_knowledge(_broken_copy(tmp_path, "concepts.yml", untitle))


def test_button_labels__come_from_content(knowledge: Knowledge) -> None:
    assert knowledge.concept_buttons["more"] == "Tell me more"
    assert knowledge.quiz_texts.buttons == {"true": "True", "false": "False"}
    assert set(knowledge.starter_topics) <= set(knowledge.concepts)
