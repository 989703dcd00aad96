"""The concept knowledge base (``concepts.yml``): explanations and the four-category table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.content.loader import ContentError, mapping, one_of, require_text, texts

SOURCE = "concepts.yml"
# fmt: off
CONCEPT_IDS: tuple[str, ...] = (
    "internal_working_model", "self_model", "other_model", "four_category_model", "secure",
    "preoccupied", "fearful_avoidant", "dismissing_avoidant", "disorganised", "formation",
    "attunement", "secure_base", "romantic_relationships", "parenting",
    "intergenerational_transmission", "adult_attachment_interview", "strange_situation",
    "plasticity", "myths", "therapy",
)
# fmt: on
SEED_IDS: tuple[str, ...] = ("000_3ace45713d0872c6", "001_eefcbce728a7e883")
VIEWS: tuple[str, ...] = ("positive", "negative")
STYLE_IDS: tuple[str, ...] = ("secure", "preoccupied", "fearful_avoidant", "dismissing_avoidant")
SHORT_SENTENCES = (2, 4)
MORE_SENTENCES = (4, 8)


@dataclass(frozen=True)
class Concept:
    id: str
    title: str
    short: str
    more: str
    example: str
    related: tuple[str, ...]
    source: tuple[str, ...]
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Every way the content names this concept: id, title and aliases."""
        return (self.id.replace("_", " "), self.title, *self.aliases)


@dataclass(frozen=True)
class ConceptBase:
    concepts: dict[str, Concept]
    four_category_table: dict[tuple[str, str], str]
    style_closeness: dict[str, str]
    buttons: dict[str, str]  # "more", "about" (with {title})
    starter_topics: tuple[str, ...]


def count_sentences(text: str) -> int:
    """Count sentences by terminal punctuation; the content avoids abbreviations."""
    return len([part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part])


def _sentences(value: Any, bounds: tuple[int, int], where: str) -> str:
    text = require_text(value, where)
    count = count_sentences(text)
    if not bounds[0] <= count <= bounds[1]:
        raise ContentError(f"{where}: expected {bounds[0]}-{bounds[1]} sentences, got {count}")
    return text


def _parse_concept(concept_id: str, raw: Any, where: str) -> Concept:
    raw = mapping(raw, where)
    related = texts(raw.get("related"), f"{where}.related")
    for index, other in enumerate(related):
        one_of(other, tuple(c for c in CONCEPT_IDS if c != concept_id), f"{where}.related[{index}]")
    source = texts(raw.get("source"), f"{where}.source")
    for index, seed in enumerate(source):
        one_of(seed, SEED_IDS, f"{where}.source[{index}]")
    return Concept(
        id=concept_id,
        title=require_text(raw.get("title"), f"{where}.title"),
        short=_sentences(raw.get("short"), SHORT_SENTENCES, f"{where}.short"),
        more=_sentences(raw.get("more"), MORE_SENTENCES, f"{where}.more"),
        example=require_text(raw.get("example"), f"{where}.example"),
        related=related,
        source=source,
        aliases=texts(raw.get("aliases"), f"{where}.aliases"),
    )


def parse_concepts(raw: Any, source: str = SOURCE) -> ConceptBase:
    """Validate concepts and the four-category table; errors name ``source`` and field."""
    raw = mapping(raw, source)
    entries = mapping(raw.get("concepts"), f"{source}: concepts")
    missing = [cid for cid in CONCEPT_IDS if cid not in entries]
    unknown = sorted(set(entries) - set(CONCEPT_IDS))
    if missing or unknown:
        raise ContentError(f"{source}: concepts: missing {missing or 'none'}, unknown {unknown}")
    concepts = {
        cid: _parse_concept(cid, entries[cid], f"{source}: concepts.{cid}") for cid in CONCEPT_IDS
    }
    rows = raw.get("four_category_table")
    if not isinstance(rows, list) or len(rows) != 4:
        raise ContentError(f"{source}: four_category_table: expected exactly 4 rows")
    table: dict[tuple[str, str], str] = {}
    closeness: dict[str, str] = {}
    for index, row in enumerate(rows):
        where = f"{source}: four_category_table[{index}]"
        row = mapping(row, where)
        style = one_of(row.get("style"), STYLE_IDS, f"{where}.style")
        key = (
            one_of(row.get("self"), VIEWS, f"{where}.self"),
            one_of(row.get("others"), VIEWS, f"{where}.others"),
        )
        if key in table or style in closeness:
            raise ContentError(f"{where}: duplicate cell {key} or style {style}")
        table[key] = style
        closeness[style] = require_text(row.get("closeness"), f"{where}.closeness")
    buttons = mapping(raw.get("buttons"), f"{source}: buttons")
    more = require_text(buttons.get("more"), f"{source}: buttons.more")
    about = require_text(buttons.get("about"), f"{source}: buttons.about")
    if "{title}" not in about:
        raise ContentError(f"{source}: buttons.about: expected a {{title}} placeholder")
    starters = texts(raw.get("starter_topics"), f"{source}: starter_topics", minimum=2)
    for index, topic in enumerate(starters):
        one_of(topic, CONCEPT_IDS, f"{source}: starter_topics[{index}]")
    return ConceptBase(
        concepts=concepts,
        four_category_table=table,
        style_closeness=closeness,
        buttons={"more": more, "about": about},
        starter_topics=starters,
    )
