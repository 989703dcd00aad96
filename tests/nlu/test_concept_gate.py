"""The concept gate: a concept question names something we know or points back at it."""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.concept_gate import GATE_KEY, ConceptGate
from bot.nlu.vocabulary import VocabularyFeaturizer

ROOT = Path(__file__).resolve().parents[2]

NLU = """
version: "3.1"
nlu:
  - intent: ask_concept
    examples: |
      - what is a [secure base]{"entity": "concept", "value": "secure_base"}
      - what is an [IWM]{"entity": "concept", "value": "internal_working_model"}?
  - intent: out_of_scope
    examples: |
      - what's the capital of france
  - lookup: attachment_word
    examples: |
      - attachment
"""

RELATED_TOPIC = """
  - lookup: related_topic
    examples: |
      - limerence
"""

Ranking = list[tuple[str, float]]
CONCEPT_FIRST: Ranking = [("ask_concept", 1.0), ("out_of_scope", 0.05), ("greet", 0.01)]


def _featurizer(tmp_path: Path, nlu: str) -> VocabularyFeaturizer:
    config = {**VocabularyFeaturizer.get_default_config(), "entities": ["concept"]}
    featurizer = VocabularyFeaturizer.create(
        config,
        LocalModelStorage(tmp_path),
        Resource("vocabulary"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    featurizer.train(RasaYAMLReader().reads(nlu))
    return featurizer


@pytest.fixture
def featurizer(tmp_path: Path) -> VocabularyFeaturizer:
    return _featurizer(tmp_path, NLU + RELATED_TOPIC)


def _classified(
    text: str, ranking: Ranking, featurizer: VocabularyFeaturizer | None = None
) -> Message:
    """A message as DIET leaves it: tokenised, featurised, ranked (highest first)."""
    message = Message(data={TEXT: text})
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([message])
    if featurizer is not None:
        featurizer.process([message])
    entries = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message.set(INTENT, dict(entries[0]))
    message.set(INTENT_RANKING_KEY, entries)
    return message


def _gated(message: Message) -> Message:
    (gated,) = ConceptGate(ConceptGate.get_default_config()).process([message])
    return gated


def _intent(message: Message) -> tuple[str, float]:
    intent = message.get(INTENT)
    return intent["name"], intent["confidence"]


def _ranking(message: Message) -> list[str]:
    return [entry["name"] for entry in message.get(INTENT_RANKING_KEY)]


def test_gate__arithmetic_read_as_a_concept_is_out_of_scope(
    featurizer: VocabularyFeaturizer,
) -> None:
    message = _gated(_classified("what's 2 plus 2", CONCEPT_FIRST, featurizer))
    assert _intent(message) == ("out_of_scope", 1.0)
    assert _ranking(message) == ["out_of_scope", "greet"]
    assert message.get(GATE_KEY)["demoted_from"] == "ask_concept"
    assert message.get(GATE_KEY)["to"] == "out_of_scope"


def test_gate__definitely_falls_back_to_a_believable_runner_up(
    featurizer: VocabularyFeaturizer,
) -> None:
    ranking = [("ask_concept", 0.6), ("affirm", 0.3), ("deny", 0.1)]
    message = _gated(_classified("definitely", ranking, featurizer))
    assert _intent(message) == ("affirm", 0.3)
    assert _ranking(message) == ["affirm", "deny"]
    assert message.get(GATE_KEY)["to"] == "affirm"


def test_gate__an_unbelievable_runner_up_is_not_chosen(featurizer: VocabularyFeaturizer) -> None:
    ranking = [("ask_concept", 0.9), ("affirm", 0.1)]
    message = _gated(_classified("tell me a fun fact about sharks", ranking, featurizer))
    assert _intent(message) == ("out_of_scope", 0.9)
    assert _ranking(message) == ["out_of_scope", "affirm"]


def test_gate__a_question_naming_a_concept_stays_a_concept_question(
    featurizer: VocabularyFeaturizer,
) -> None:
    message = _gated(_classified("what is a Secure Base", CONCEPT_FIRST, featurizer))
    assert _intent(message) == ("ask_concept", 1.0)
    assert _ranking(message) == ["ask_concept", "out_of_scope", "greet"]
    assert message.get(GATE_KEY) is None


def test_gate__an_attachment_word_is_enough(featurizer: VocabularyFeaturizer) -> None:
    message = _gated(_classified("is there a test for my attachment", CONCEPT_FIRST, featurizer))
    assert _intent(message) == ("ask_concept", 1.0)


@pytest.mark.parametrize("text", ["can it change", "What does THAT mean?", "it's confusing"])
def test_gate__a_question_pointing_back_stays_a_concept_question(
    featurizer: VocabularyFeaturizer, text: str
) -> None:
    message = _gated(_classified(text, CONCEPT_FIRST, featurizer))
    assert _intent(message) == ("ask_concept", 1.0)


def test_gate__anaphors_are_whole_words_only(featurizer: VocabularyFeaturizer) -> None:
    # "itself", "thesis" and "theme" contain anaphors but are none.
    message = _gated(_classified("explain thesis theme itself", CONCEPT_FIRST, featurizer))
    assert _intent(message)[0] == "out_of_scope"


def test_gate__a_related_topic_stays_a_concept_question(featurizer: VocabularyFeaturizer) -> None:
    message = _gated(_classified("what is limerence", CONCEPT_FIRST, featurizer))
    assert _intent(message) == ("ask_concept", 1.0)


def test_gate__without_the_related_topic_table_limerence_is_out_of_scope(tmp_path: Path) -> None:
    message = _gated(_classified("what is limerence", CONCEPT_FIRST, _featurizer(tmp_path, NLU)))
    assert _intent(message)[0] == "out_of_scope"


def test_gate__leaves_other_intents_alone(featurizer: VocabularyFeaturizer) -> None:
    ranking = [("out_of_scope", 0.7), ("ask_concept", 0.2)]
    message = _gated(_classified("what's 2 plus 2", ranking, featurizer))
    assert _intent(message) == ("out_of_scope", 0.7)
    assert _ranking(message) == ["out_of_scope", "ask_concept"]
    assert message.get(GATE_KEY) is None


def test_gate__without_token_patterns_demotes_and_warns_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    gate = ConceptGate(ConceptGate.get_default_config())
    general = [_classified("what's 2 plus 2", CONCEPT_FIRST) for _ in range(3)]
    pointing_back = _classified("can it change", CONCEPT_FIRST)
    with caplog.at_level(logging.WARNING, logger="bot.nlu.concept_gate"):
        gate.process([*general, pointing_back])
    assert [_intent(m)[0] for m in general] == ["out_of_scope"] * 3
    assert general[0].get(GATE_KEY)["had_pattern_info"] is False
    assert _intent(pointing_back)[0] == "ask_concept"
    assert len([r for r in caplog.records if "ConceptGate" in r.getMessage()]) == 1


def test_gate__copes_with_no_tokens_and_no_ranking() -> None:
    message = Message(data={TEXT: "what's 2 plus 2"})
    message.set(INTENT, {"name": "ask_concept", "confidence": 0.8})
    assert _intent(_gated(message)) == ("out_of_scope", 0.8)
    assert _ranking(message) == ["out_of_scope"]


def test_gate__is_registered_after_the_classifier_and_before_the_fallback() -> None:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    names = [component["name"] for component in config["pipeline"]]
    gate = names.index("bot.nlu.concept_gate.ConceptGate")
    assert names.index("DIETClassifier") < gate < names.index("FallbackClassifier")
    assert names.index("bot.nlu.vocabulary.VocabularyFeaturizer") < gate


def test_lookup_tables__entries_are_unique_and_lower_case() -> None:
    data = load_data(str(ROOT / "data" / "nlu" / "vocabulary.yml"))
    for table in data.lookup_tables:
        entries = table["elements"]
        duplicates = [entry for entry, count in Counter(entries).items() if count > 1]
        assert not duplicates, f"{table['name']} repeats {duplicates}"
        assert all(entry == entry.lower().strip() for entry in entries), table["name"]


def test_lookup_tables__related_topics_cover_the_unknown_concept_questions() -> None:
    data = load_data(str(ROOT / "data" / "nlu" / "vocabulary.yml"))
    (related,) = [t["elements"] for t in data.lookup_tables if t["name"] == "related_topic"]
    assert {"codependency", "limerence", "gaslighting", "hyper-independence"} <= set(related)
    assert len(related) >= 40


def _held_out_concept_questions() -> list[str]:
    questions: list[str] = []
    for name in ("concept_phrasings.yml", "concept_phrasings_second.yml"):
        path = ROOT / "tests" / "data" / name
        for wordings in yaml.safe_load(path.read_text(encoding="utf-8")).values():
            questions += wordings
    return questions


def test_gate__passes_every_taught_and_held_out_concept_question(tmp_path: Path) -> None:
    """Were DIET right about every concept question, the gate must not undo it."""
    data = load_data(str(ROOT / "data" / "nlu"))
    config = {**VocabularyFeaturizer.get_default_config(), "entities": ["concept", "takeaway"]}
    featurizer = VocabularyFeaturizer.create(
        config,
        LocalModelStorage(tmp_path),
        Resource("vocabulary"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    featurizer.train(data)
    taught = [m.get(TEXT) for m in data.intent_examples if m.get(INTENT) == "ask_concept"]
    questions = taught + _held_out_concept_questions()
    demoted = [
        text
        for text in questions
        if _intent(_gated(_classified(text, CONCEPT_FIRST, featurizer)))[0] != "ask_concept"
    ]
    assert len(questions) > 500
    assert not demoted
