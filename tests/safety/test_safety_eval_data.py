"""The labelled risk sets have the agreed shape and size, and the eval runs."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bot.evaluation.risk_eval import DATASETS, LEVELS, evaluate, load_rows, main


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_eval_data__every_line_has_id_text_level_category(name: str) -> None:
    path = DATASETS[name]
    ids = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert {"id", "text", "level", "category"} <= set(record)
        assert record["level"] in LEVELS
        assert record["text"].strip()
        ids.add(record["id"])
    assert len(ids) == len(path.read_text(encoding="utf-8").splitlines())


def test_eval_data__dev_set_meets_the_agreed_sizes() -> None:
    counts = Counter(row.level for row in load_rows(DATASETS["dev"]))
    assert sum(counts.values()) >= 260
    assert counts["crisis"] >= 105 and counts["none"] >= 105 and counts["concern"] >= 1


def test_eval_data__holdout_has_at_least_ninety_messages_not_in_dev() -> None:
    holdout = load_rows(DATASETS["holdout"])
    dev_texts = {row.text for row in load_rows(DATASETS["dev"])}
    assert len(holdout) >= 90
    assert not dev_texts & {row.text for row in holdout}


def test_eval_data__dev_targets_hold() -> None:
    result = evaluate(load_rows(DATASETS["dev"]))
    assert result["crisis_recall"] == 1.0
    assert result["lookalike_false_positive_rate"] <= 0.05


def test_eval_data__a_bad_label_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "x", "level": "maybe", "category": "c"}\n', "utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_rows(path)


def test_eval_data__main_prints_both_sets_and_writes_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "risk.json"
    assert main(["--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "== dev" in printed and "== holdout" in printed and "crisis recall" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"dev", "holdout"} <= set(data)
    assert data["dev"]["confusion"]["crisis"]["crisis"] == data["dev"]["counts"]["crisis"]
