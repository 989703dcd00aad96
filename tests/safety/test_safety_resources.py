"""Every region has an emergency number, a helpline, a source and a check date."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from bot.content import CONTENT_DIR, ContentError
from bot.safety import REGIONS, resources_for
from bot.safety.resources import DEFAULT_REGION, load_resources

REQUIRED_REGIONS = ("international", "us", "uk", "ie", "ca", "au", "nz")


def test_resources__cover_at_least_eight_regions_plus_international() -> None:
    assert DEFAULT_REGION in REGIONS
    assert len([r for r in REGIONS if r != DEFAULT_REGION]) >= 8
    assert set(REQUIRED_REGIONS) <= set(REGIONS)


@pytest.mark.parametrize("region", REGIONS)
def test_resources__every_region_has_emergency_number_helpline_source_and_date(
    region: str,
) -> None:
    r = resources_for(region)
    assert r.region == region
    assert r.emergency_number.strip()
    assert r.helplines
    for helpline in r.helplines:
        assert helpline.name and helpline.contact and helpline.hours
        assert helpline.url.startswith("https://")
    assert r.source.startswith("https://")
    assert r.emergency_source.startswith("https://")
    assert isinstance(r.last_checked, date)
    assert r.last_checked <= date.today()


@pytest.mark.parametrize(
    ("region", "emergency", "number"),
    [("us", "911", "988"), ("uk", "999", "116 123"), ("ie", "112", "116 123"),
     ("ca", "911", "9-8-8"), ("au", "000", "13 11 14"), ("nz", "111", "1737")],
)
def test_resources__required_numbers_are_the_verified_ones(
    region: str, emergency: str, number: str
) -> None:
    r = resources_for(region)
    assert emergency in r.emergency_number
    assert any(number in h.contact for h in r.helplines)


def test_resources__us_lifeline_is_call_or_text_988() -> None:
    assert "call or text 988" in resources_for("us").helplines[0].contact


def test_resources__international_points_to_local_emergency_number_and_findahelpline() -> None:
    r = resources_for("international")
    assert "local emergency number" in r.emergency_number
    assert any("findahelpline.com" in h.contact for h in r.helplines)


@pytest.mark.parametrize("code", ["UK", " uk ", "Uk"])
def test_resources__region_code_is_case_insensitive(code: str) -> None:
    assert resources_for(code).region == "uk"


@pytest.mark.parametrize("code", [None, "", "xx", "atlantis"])
def test_resources__unknown_or_missing_region_falls_back_to_international(
    code: str | None,
) -> None:
    assert resources_for(code).region == DEFAULT_REGION


def test_resources__yaml_records_how_entries_were_checked() -> None:
    from bot.safety.resources import SOURCE

    header = (CONTENT_DIR / SOURCE).read_text(encoding="utf-8").split("\n\n")[0]
    assert re.search(r"How these were checked", header)


def test_resources__a_region_without_helplines_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "crisis_resources.yml"
    path.write_text(
        "international:\n  name: X\n  emergency_number: '1'\n  helplines: []\n"
        "  source: https://a\n  emergency_source: https://a\n  last_checked: 2026-11-21\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="helplines"):
        load_resources(tmp_path)


def test_resources__a_missing_check_date_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "crisis_resources.yml"
    path.write_text(
        "international:\n  name: X\n  emergency_number: '1'\n  helplines:\n"
        "    - {name: a, contact: b, url: 'https://c', hours: d}\n"
        "  source: https://a\n  emergency_source: https://a\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="last_checked"):
        load_resources(tmp_path)
