"""`python -m bot score` as tools call it (via bot.scoring.cli.main)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.scoring.cli import main

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {"depth", "elements", "emotions", "granularity", "self_view", "other_view", "evidence",
            "feedback"}


def test_cli__text_prints_one_json_object_with_the_required_fields(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["--takeaway", "emotional_literacy", "--text", "I felt lonely and hurt."])
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0 and len(out) == 1
    record = json.loads(out[0])
    assert set(record) >= REQUIRED
    assert record["emotions"] == ["lonely", "hurt"]
    assert '"lonely"' in record["feedback"]


def test_cli__jsonl_prints_one_line_per_answer_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "answers.jsonl"
    rows = [
        {"takeaway": "seek_support", "text": "I don't know"},
        {"takeaway": "early_experiences", "text": "My gran was always there for me."},
        {"takeaway": "emotional_literacy", "text": ""},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert main(["--jsonl", str(path)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["takeaway"] for r in records] == [r["takeaway"] for r in rows]
    assert all(set(r) >= REQUIRED for r in records)
    assert records[1]["other_view"] == "positive"


def test_cli__unknown_takeaway_exits_2_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--takeaway", "nope", "--text", "hello"]) == 2
    captured = capsys.readouterr()
    assert "unknown takeaway" in captured.err and captured.out == ""


def test_cli__unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--jsonl", str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_cli__invalid_line_exits_2_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"takeaway": "seek_support", "text": "ok"}\n{not json\n', encoding="utf-8")
    assert main(["--jsonl", str(path)]) == 2
    captured = capsys.readouterr()
    assert ":2:" in captured.err and captured.out == ""


def test_cli__missing_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["--text", "hi"]) == 2


def test_cli__runs_as_a_module_in_a_subprocess() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot.scoring.cli", "--takeaway", "seek_support", "--text", "idk"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["depth"] == 0
