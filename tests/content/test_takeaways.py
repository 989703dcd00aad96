from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.content import (
    CONTENT_DIR,
    ContentError,
    load_catalog,
    parse_catalog,
    read_content,
)
from bot.ids import FOLLOWUP_KEYS, TAKEAWAY_IDS


def _raw() -> dict:
    return yaml.safe_load((CONTENT_DIR / "takeaways.yml").read_text(encoding="utf-8"))


def test_catalog__has_exactly_the_five_fixed_modules() -> None:
    assert tuple(load_catalog().takeaways) == TAKEAWAY_IDS


@pytest.mark.parametrize("takeaway_id", TAKEAWAY_IDS)
def test_module__has_intro_three_prompts_and_every_followup(takeaway_id: str) -> None:
    module = load_catalog().takeaway(takeaway_id)
    assert 2 <= module.introduction.count(".") <= 5
    assert len(module.prompts) == 3
    assert all(p.text.endswith("?") or "?" in p.text for p in module.prompts)
    assert set(module.followups) == set(FOLLOWUP_KEYS)


def test_prompt_ids__are_unique_across_modules() -> None:
    ids = [p.id for t in load_catalog().takeaways.values() for p in t.prompts]
    assert len(ids) == len(set(ids)) == 15


def test_broken_module__names_the_file_and_field() -> None:
    raw = _raw()
    raw["takeaways"]["seek_support"]["prompts"][1]["text"] = "   "
    with pytest.raises(
        ContentError, match=r"takeaways.yml: takeaways.seek_support.prompts\[1\].text"
    ):
        parse_catalog(raw, source="takeaways.yml")


def test_missing_followup__names_what_is_missing() -> None:
    raw = _raw()
    del raw["takeaways"]["emotional_literacy"]["followups"]["past"]
    with pytest.raises(ContentError, match="emotional_literacy.followups: missing past"):
        parse_catalog(raw)


def test_renamed_module__is_rejected_because_ids_are_fixed() -> None:
    raw = _raw()
    raw["takeaways"]["childhood"] = raw["takeaways"].pop("early_experiences")
    with pytest.raises(ContentError, match="unknown: \\['childhood'\\]"):
        parse_catalog(raw)


def test_unparseable_yaml__names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "takeaways.yml"
    bad.write_text("takeaways: [unclosed", encoding="utf-8")
    with pytest.raises(ContentError, match="takeaways.yml: not valid YAML"):
        read_content("takeaways.yml", tmp_path)
