"""python -m bot risk --text / --jsonl prints one JSON object per message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.safety.cli import EXIT_BAD_INPUT, main


def test_cli__text_prints_level_and_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--text", "I want to die"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["level"] == "crisis"
    assert out["evidence"][0]["category"] == "suicidal_ideation"


def test_cli__jsonl_prints_one_line_per_message_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.jsonl"
    lines = [{"text": "he hits me"}, {"text": "hello"}, {"text": "I'm not suicidal, just tired"}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    assert main(["--jsonl", str(path)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["level"] for o in out] == ["crisis", "none", "concern"]


def test_cli__missing_file_is_a_clear_error_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--jsonl", str(tmp_path / "nope.jsonl")]) == EXIT_BAD_INPUT == 2
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [("not json\n", "not valid JSON"), ('{"txt": "x"}\n', '"text" string'),
     ('["a"]\n', '"text" string')],
)
def test_cli__malformed_lines_name_the_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    assert main(["--jsonl", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and ":1:" in err


def test_cli__non_utf8_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n')
    assert main(["--jsonl", str(path)]) == 2
    assert "UTF-8" in capsys.readouterr().err


def test_cli__needs_exactly_one_of_text_or_jsonl() -> None:
    with pytest.raises(SystemExit):
        main([])
