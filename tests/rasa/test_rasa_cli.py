"""Rasa's own checks: data validation and the test stories, as `rasa` runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.ids import UNTRAINED_INTENTS
from bot.settings import PROJECT_ROOT
from tests.support.model import RASA_DATA, rasa_env

pytestmark = pytest.mark.integration


def _rasa(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rasa", *args],
        cwd=PROJECT_ROOT,
        env=rasa_env(),
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_rasa_data_validate__finds_no_errors_or_conflicts() -> None:
    result = _rasa(
        "data", "validate", "--data", *RASA_DATA, "--domain", "domain.yml", "--config", "config.yml"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "No story structure conflicts found" in output
    # The only warnings allowed are responses that custom actions send by name, and the
    # intents only the risk check or a button sets (never taught by examples).
    for line in output.splitlines():
        if "UserWarning" in line:
            untrained = any(f"'{n}' is listed in the domain" in line for n in UNTRAINED_INTENTS)
            assert "is not used in any story or rule" in line or untrained, line


def test_test_stories__pass_with_fail_on_prediction_errors(
    trained_model: Path, tmp_path: Path
) -> None:
    result = _rasa(
        "test",
        "core",
        "--stories",
        "tests/stories",
        "--model",
        str(trained_model),
        "--fail-on-prediction-errors",
        "--out",
        str(tmp_path),
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    failed = (tmp_path / "failed_test_stories.yml").read_text(encoding="utf-8")
    assert "None of the test stories failed" in failed
