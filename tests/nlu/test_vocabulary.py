"""The vocabulary featurizer: concept names become a feature, arithmetic does not."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.vocabulary import VocabularyFeaturizer, entity_vocabulary, vocabulary_pattern

NLU = """
version: "3.1"
nlu:
  - intent: ask_concept
    examples: |
      - what is an [IWM]{"entity": "concept", "value": "internal_working_model"}?
      - explain [anxious attachment]{"entity": "concept", "value": "preoccupied"}
      - what is [plasticity](concept)
  - intent: choose_module
    examples: |
      - the [feelings]{"entity": "takeaway", "value": "emotional_literacy"} one
  - intent: out_of_scope
    examples: |
      - what's the capital of france
  - synonym: internal_working_model
    examples: |
      - working model
      - mental map
"""


def _training_data() -> TrainingData:
    return RasaYAMLReader().reads(NLU)


def test_vocabulary__collects_spans_synonyms_and_values_of_one_entity() -> None:
    forms = entity_vocabulary(_training_data(), "concept")
    assert {"iwm", "anxious attachment", "working model", "mental map"} <= forms
    assert {"internal working model", "preoccupied", "plasticity"} <= forms
    assert "feelings" not in forms


def test_vocabulary__story_entities_without_a_span_add_their_value() -> None:
    data = _training_data().merge(
        TrainingData(
            [
                Message(
                    data={
                        "intent": "ask_concept",
                        ENTITIES: [{"entity": "concept", "value": "secure_base"}],
                    }
                )
            ]
        )
    )
    assert "secure base" in entity_vocabulary(data, "concept")


def test_pattern__matches_whole_words_in_any_case_and_spacing() -> None:
    pattern = re.compile(vocabulary_pattern({"working model", "iwm"}))
    assert pattern.search("What's a Working   Model?")
    assert pattern.search("IWM?")
    assert not pattern.search("networking models")
    assert not pattern.search("what's 2 plus 2")


def test_pattern__escapes_regex_characters_in_forms() -> None:
    pattern = re.compile(vocabulary_pattern({"self-image (view)"}))
    assert pattern.search("my self-image (view) again")
    assert not pattern.search("self-image view")


def _featurizer(tmp_path: Path) -> tuple[VocabularyFeaturizer, LocalModelStorage, Resource]:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("vocabulary")
    context = ExecutionContext(GraphSchema({}), "test")
    config = {**VocabularyFeaturizer.get_default_config(), "entities": ["concept", "takeaway"]}
    return VocabularyFeaturizer.create(config, storage, resource, context), storage, resource


def _sentence_flags(featurizer: VocabularyFeaturizer, text: str) -> dict[str, float]:
    message = Message(data={TEXT: text})
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    tokenizer.process([message])
    featurizer.process([message])
    (sentence,) = message.get_sparse_features(TEXT)[1:]
    flags = np.asarray(sentence.features.todense()).ravel()
    return {p["name"]: flags[i] for i, p in enumerate(featurizer.known_patterns)}


def test_featurizer__flags_concept_questions_and_not_general_ones(tmp_path: Path) -> None:
    featurizer, _, _ = _featurizer(tmp_path)
    featurizer.train(_training_data())
    assert _sentence_flags(featurizer, "what is a mental map")["concept_vocabulary"] == 1.0
    assert _sentence_flags(featurizer, "what's 2 plus 2")["concept_vocabulary"] == 0.0
    assert _sentence_flags(featurizer, "can we do the feelings one")["takeaway_vocabulary"] == 1.0


def test_featurizer__persists_the_vocabulary_with_the_model(tmp_path: Path) -> None:
    featurizer, storage, resource = _featurizer(tmp_path)
    featurizer.train(_training_data())
    loaded = VocabularyFeaturizer.load(
        featurizer._config, storage, resource, ExecutionContext(GraphSchema({}), "test")
    )
    assert loaded.known_patterns == featurizer.known_patterns
    assert _sentence_flags(loaded, "tell me about the IWM")["concept_vocabulary"] == 1.0


def test_featurizer__without_annotations_adds_no_empty_pattern(tmp_path: Path) -> None:
    featurizer, _, _ = _featurizer(tmp_path)
    featurizer.train(
        RasaYAMLReader().reads(
            'version: "3.1"\nnlu:\n  - intent: greet\n    examples: |\n      - hi\n'
        )
    )
    assert featurizer.known_patterns == []


def test_featurizer__as_configured_matches_capitalised_lookup_words(tmp_path: Path) -> None:
    """Phones capitalise the first word; "Limerence?" must still be a known topic."""
    import yaml

    from bot.settings import PROJECT_ROOT

    pipeline = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]
    (configured,) = [c for c in pipeline if c["name"].endswith("VocabularyFeaturizer")]
    settings = {k: v for k, v in configured.items() if k != "name"}
    storage = LocalModelStorage(tmp_path)
    featurizer = VocabularyFeaturizer.create(
        {**VocabularyFeaturizer.get_default_config(), **settings},
        storage,
        Resource("vocabulary"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    featurizer.train(
        RasaYAMLReader().reads(
            NLU + "  - lookup: related_topic\n    examples: |\n      - limerence\n"
        )
    )
    assert _sentence_flags(featurizer, "What is Limerence?")["related_topic"] == 1.0
    assert _sentence_flags(featurizer, "What is a Mental Map?")["concept_vocabulary"] == 1.0
