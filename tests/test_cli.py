"""``python -m bot`` as tools outside the project call it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.settings import PROJECT_ROOT


def _bot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_score__prints_one_json_object_with_the_documented_fields() -> None:
    result = _bot(
        "score",
        "--takeaway",
        "emotional_literacy",
        "--text",
        "I felt let down and then lonely when she left early",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key in (
        "depth",
        "elements",
        "emotions",
        "granularity",
        "self_view",
        "other_view",
        "evidence",
        "feedback",
    ):
        assert key in data
    assert "lonely" in data["emotions"]


def test_score_jsonl__keeps_the_input_order(tmp_path: Path) -> None:
    lines = [
        {"takeaway": "seek_support", "text": "idk"},
        {"takeaway": "early_experiences", "text": "I felt scared when dad shouted"},
    ]
    path = tmp_path / "answers.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    result = _bot("score", "--jsonl", str(path))
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["depth"] for o in outputs][0] == 0 and "scared" in outputs[1]["emotions"]


def test_risk__flags_indirect_crisis_and_not_venting() -> None:
    crisis = json.loads(
        _bot("risk", "--text", "I lost my job, which bridges are taller than 25 m?").stdout
    )
    venting = json.loads(_bot("risk", "--text", "this homework is killing me").stdout)
    assert crisis["level"] == "crisis" and crisis["evidence"]
    assert (venting["level"], venting["ask"], venting["evidence"]) == ("none", False, [])


def test_risk__reports_whether_the_bot_would_ask_directly() -> None:
    cue = json.loads(_bot("risk", "--text", "I can't promise I'll still be here next week").stdout)
    assert cue["level"] == "concern" and cue["ask"] is True
    assert cue["evidence"][0]["category"] == "risk_cue"


def test_unknown_command__fails_with_usage() -> None:
    result = _bot("translate")
    assert result.returncode == 2 and "usage" in result.stderr


def test_keys_new__prints_a_fresh_key_that_settings_accept() -> None:
    from bot.settings import Settings

    first, second = _bot("keys", "new"), _bot("keys", "new")
    assert first.returncode == 0, first.stderr
    key = first.stdout.strip()
    assert key != second.stdout.strip()
    assert Settings.from_env({"SECUREBASE_DATA_KEY": key}).data_keys == (key,)


def test_data_commands__refuse_in_one_line_without_a_traceback(tmp_path: Path) -> None:
    done = _bot("restore", str(tmp_path / "no-backup-here"))
    assert done.returncode == 1
    assert done.stderr.startswith("securebase restore:") and "Traceback" not in done.stderr
