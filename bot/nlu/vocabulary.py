"""Tell the intent classifier when a message uses the project's own vocabulary.

DIET sees only word and character n-grams, so "what's 2 plus 2" and "what's an
IWM" look alike: both start with "what's". What tells them apart is knowledge
the training data already holds: every way of naming a concept ("anxious
attachment", "the strange situation", "passed down") is listed as a synonym or
annotated as an entity. ``VocabularyFeaturizer`` is Rasa's ``RegexFeaturizer``
plus one pattern per configured entity, built from those surface forms at
training time, so the vocabulary lives in one place (the NLU data) and a new
synonym becomes a feature without another list to keep in sync.

Each pattern marks the tokens it covers (which helps entity extraction) and
sets one sentence-level flag (which helps the intent).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.regex_featurizer import RegexFeaturizer
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_TYPE, ENTITY_ATTRIBUTE_VALUE, TEXT
from rasa.shared.nlu.training_data.training_data import TrainingData

PATTERN_SUFFIX = "_vocabulary"


def entity_vocabulary(training_data: TrainingData, entity: str) -> set[str]:
    """Every surface form that names a value of ``entity``, lower-cased.

    Annotated spans give the forms used in examples; synonyms whose value is a
    value of this entity give the rest (explicit synonym blocks included).
    """
    forms: set[str] = set()
    values: set[str] = set()
    for message in training_data.training_examples:
        text = message.get(TEXT) or ""
        for annotation in message.get(ENTITIES) or []:
            if annotation.get(ENTITY_ATTRIBUTE_TYPE) != entity:
                continue
            values.add(str(annotation.get(ENTITY_ATTRIBUTE_VALUE)))
            # Story and rule steps name entities without a span; only NLU examples have one.
            if "start" in annotation and "end" in annotation and text:
                forms.add(text[annotation["start"] : annotation["end"]])
    for surface, value in training_data.entity_synonyms.items():
        if value in values:
            forms.add(surface)
    forms.update(value.replace("_", " ") for value in values)
    return {" ".join(form.lower().split()) for form in forms if form.strip()}


def vocabulary_pattern(forms: Iterable[str]) -> str:
    """One regex that matches any form as whole words, in any case; longest forms first."""
    ordered = sorted(set(forms), key=lambda form: (-len(form), form))
    alternatives = "|".join(r"\s+".join(map(re.escape, form.split())) for form in ordered)
    return rf"(?i:(?<!\w)(?:{alternatives})(?!\w))"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=True)
class VocabularyFeaturizer(RegexFeaturizer):
    """``RegexFeaturizer`` with a vocabulary pattern for each entity in ``entities``."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**RegexFeaturizer.get_default_config(), "entities": ["concept"]}

    def train(self, training_data: TrainingData) -> Resource:
        super().train(training_data)
        for entity in self._config["entities"]:
            forms = entity_vocabulary(training_data, entity)
            if forms:
                self.known_patterns.append(
                    {"name": f"{entity}{PATTERN_SUFFIX}", "pattern": vocabulary_pattern(forms)}
                )
        self._persist()
        return self._resource
