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
    assert "== dev" in printed and "== holdout" in printed and "crisis -> crisis reply" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"dev", "holdout"} <= set(data)
    assert data["dev"]["confusion"]["crisis"]["crisis"] == data["dev"]["counts"]["crisis"]


def test_eval_data__every_holdout_file_is_discovered_as_its_own_set() -> None:
    names = set(DATASETS)
    assert {"dev", "holdout", "holdout_c", "holdout_d"} <= names
    assert all(name == "dev" or name.startswith("holdout") for name in names)


def test_eval_data__no_holdout_message_is_copied_into_dev() -> None:
    dev_texts = {row.text.strip().lower() for row in load_rows(DATASETS["dev"])}
    for name, path in DATASETS.items():
        if name != "dev":
            assert not dev_texts & {row.text.strip().lower() for row in load_rows(path)}, name


def test_eval_data__holdout_c_covers_every_family_in_new_voices() -> None:
    rows = load_rows(DATASETS["holdout_c"])
    counts = Counter(row.level for row in rows)
    assert len(rows) >= 120
    assert counts["crisis"] >= 60 and counts["none"] >= 40 and counts["concern"] >= 20
    crisis_categories = {row.category for row in rows if row.level == "crisis"}
    assert crisis_categories == {
        "suicidal_ideation", "self_harm", "method_or_means", "burden_or_goodbye",
        "danger_from_others",
    }


def test_eval_data__main_reports_each_holdout_and_writes_var_eval_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import bot.evaluation.risk_eval as risk_eval

    out = tmp_path / "var" / "eval" / "risk.json"
    monkeypatch.setattr(risk_eval, "DEFAULT_OUT", out)
    assert main([]) == 0
    printed = capsys.readouterr().out
    assert "== holdout_c" in printed and "== holdout_d" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"dev", "holdout", "holdout.A", "holdout.B", "holdout_c", "holdout_d"} <= set(data)
