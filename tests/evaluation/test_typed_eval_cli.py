"""The typed-message evaluation's command line, on the views set (no servers needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.evaluation.typed_eval import main

TEXT = "people go, so I leave first and honestly I'm fine on my own"


def _views_file(directory: Path, name: str) -> Path:
    path = directory / name
    row = {"id": "private-case-7", "takeaway": "relationship_patterns", "text": TEXT,
           "self_view": "positive", "other_view": "negative"}  # fmt: skip
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return path


def test_no_misses__prints_and_writes_figures_but_no_text_and_no_case_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "typed.json"
    views = _views_file(tmp_path, "views_x.jsonl")
    argv = ["--sets", "views", "--views-file", str(views), "--out", str(out)]

    assert main([*argv, "--no-misses"]) == 0

    shown = capsys.readouterr().out + out.read_text(encoding="utf-8")
    assert '"combined"' in shown
    assert "leave first" not in shown and "private-case-7" not in shown
    assert "misses" not in json.loads(out.read_text(encoding="utf-8"))


def test_without_no_misses__lists_each_miss_by_id_expected_and_got(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "typed.json"
    views = _views_file(tmp_path, "views_x.jsonl")
    assert main(["--sets", "views", "--views-file", str(views), "--out", str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    gold = {"self_view": "positive", "other_view": "negative"}
    predicted = {m["view"]: m["got"] for m in written["misses"]["views"]}
    assert all(predicted[v] != gold[v] for v in predicted)
    assert "leave first" not in capsys.readouterr().out


def test_a_sealed_file__is_refused_without_no_misses(tmp_path: Path) -> None:
    views = _views_file(tmp_path, "views_sealed_z.jsonl")
    argv = ["--sets", "views", "--views-file", str(views), "--out", str(tmp_path / "o.json")]
    assert main(argv) == 2
    assert main([*argv, "--no-misses"]) == 0


def test_a_malformed_set__stops_with_a_message_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "views_bad.jsonl"
    bad.write_text('{"id": "a", "takeaway": "nowhere", "text": "x"}\n', encoding="utf-8")
    assert main(["--sets", "views", "--views-file", str(bad), "--out", str(tmp_path / "o")]) == 2
    assert "views_bad.jsonl:1" in capsys.readouterr().err
