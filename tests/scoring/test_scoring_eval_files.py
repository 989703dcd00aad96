"""The labelled eval sets, the QWK implementation and the eval report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.evaluation.scoring_eval import DATASETS, load_rows, main, quadratic_weighted_kappa
from bot.ids import TAKEAWAY_IDS
from bot.scoring import ELEMENT_KEYS
from bot.scoring.emotions import load_lexicon


@pytest.mark.parametrize(("name", "minimum"), [("dev", 220), ("holdout", 80)])
def test_eval_files__have_enough_valid_rows(name: str, minimum: int) -> None:
    rows = load_rows(DATASETS[name])
    assert len(rows) >= minimum
    assert len({r["id"] for r in rows}) == len(rows)
    assert set(r["takeaway"] for r in rows) == set(TAKEAWAY_IDS)
    assert {r["depth"] for r in rows} == {0, 1, 2, 3}
    assert all(set(r["elements"]) == set(ELEMENT_KEYS) for r in rows)


@pytest.mark.parametrize("name", ["dev", "holdout"])
def test_eval_files__emotion_labels_are_canonical_lexicon_forms(name: str) -> None:
    canonicals = set(load_lexicon().canonicals)
    for row in load_rows(DATASETS[name]):
        assert set(row["emotions"]) <= canonicals, row["id"]


def test_eval_files__dev_and_holdout_do_not_share_answers() -> None:
    dev = {r["text"].strip().lower() for r in load_rows(DATASETS["dev"])}
    holdout = {r["text"].strip().lower() for r in load_rows(DATASETS["holdout"])} - {""}
    assert not dev & holdout


def test_eval_files__dev_covers_hard_cases() -> None:
    texts = [r["text"] for r in load_rows(DATASETS["dev"])]
    assert any(len(t.split()) > 150 for t in texts)
    assert sum(len(t.split()) <= 3 for t in texts) >= 15
    assert any("n't feel" in t or "wasn't" in t for t in texts)
    assert len({e for r in load_rows(DATASETS["dev"]) for e in r["emotions"]}) > 50


def test_qwk__perfect_agreement_is_1() -> None:
    assert quadratic_weighted_kappa([0, 1, 2, 3], [0, 1, 2, 3]) == pytest.approx(1.0)


def test_qwk__near_misses_cost_less_than_far_misses() -> None:
    gold = [0, 1, 2, 3, 0, 1, 2, 3]
    near = quadratic_weighted_kappa(gold, [1, 1, 2, 3, 0, 1, 2, 2])
    far = quadratic_weighted_kappa(gold, [3, 1, 2, 3, 0, 1, 2, 0])
    assert far < near < 1.0


def test_qwk__matches_a_hand_computed_value() -> None:
    # gold [0,0,1,1], pred [0,1,1,1]: O = [[1,1],[0,2]], E = [[0.5,1.5],[0.5,1.5]] over 2 levels
    assert quadratic_weighted_kappa([0, 0, 1, 1], [0, 1, 1, 1], levels=2) == pytest.approx(0.5)


def test_eval_report__meets_the_dev_targets_and_is_written(tmp_path: Path) -> None:
    out = tmp_path / "scoring.json"
    assert main(["--out", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["dev"]["depth_qwk"] >= 0.7
    assert report["dev"]["emotions"]["recall"] >= 0.8
    assert "holdout" in report
