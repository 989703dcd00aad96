"""The concept aliases in bot/content/concepts.yml and the NLU synonyms in data/nlu stay in step.

NLU maps what a person typed to a concept id with ``EntitySynonymMapper``; the
action server finds the concept in the words with the aliases. When one list
learns a name the other lacks, the bot answers the same question differently
depending on which path won.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data

from bot.content.knowledge import Knowledge, load_knowledge
from bot.content.resolver import normalise
from bot.services.concepts import pick_concept

NLU_DIR = Path(__file__).resolve().parents[2] / "data" / "nlu"
TYPO_SIMILARITY = 0.8  # "secure bass" is a misspelt "secure base", not a new name


@lru_cache(maxsize=1)
def _concept_synonyms() -> dict[str, str]:
    """Normalised synonym text -> concept id, for the synonyms that name a concept."""
    concepts = load_knowledge().concepts
    synonyms = load_data(str(NLU_DIR)).entity_synonyms
    return {normalise(text): value for text, value in synonyms.items() if value in concepts}


def _owner(knowledge: Knowledge, text: str) -> str | None:
    return knowledge.resolver.alias_index.get(tuple(normalise(text).split()))


def test_every_concept_alias__is_an_nlu_synonym_of_the_same_concept() -> None:
    synonyms = _concept_synonyms()
    out_of_step = [
        (alias, concept.id, synonyms.get(normalise(alias)))
        for concept in load_knowledge().concepts.values()
        for alias in concept.aliases
        if normalise(alias) != normalise(concept.id.replace("_", " "))
        and synonyms.get(normalise(alias)) != concept.id
    ]
    assert out_of_step == []


def test_no_nlu_synonym__names_another_concept_than_the_aliases_do() -> None:
    knowledge = load_knowledge()
    conflicts = [
        (text, value, _owner(knowledge, text))
        for text, value in _concept_synonyms().items()
        if _owner(knowledge, text) not in (None, value)
    ]
    assert conflicts == []


def test_every_nlu_synonym_beyond_the_aliases__is_a_typo_or_a_question_the_bot_reads() -> None:
    knowledge = load_knowledge()
    unexplained = []
    for text, value in _concept_synonyms().items():
        if _owner(knowledge, text) == value or pick_concept([], text) == value:
            continue
        names = [normalise(name) for name in knowledge.concepts[value].names]
        if max(SequenceMatcher(None, text, name).ratio() for name in names) < TYPO_SIMILARITY:
            unexplained.append((text, value))
    assert unexplained == []
