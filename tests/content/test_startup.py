"""A broken content file stops every process at start-up, naming the file and the field.

Each test breaks a copy of ``bot/content`` in a temporary folder and points
``SECUREBASE_CONTENT_DIR`` at it; the real files are never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content import CONTENT_DIR, ContentError, validate_all
from bot.settings import PROJECT_ROOT, Settings, SettingsError

RASA = Path(sys.executable).with_name("rasa")
Change = Callable[[Any], None]

# One missing or wrong field per content file, and what the error must name.
BREAKAGES: dict[str, tuple[Change, str]] = {
    "takeaways.yml": (
        lambda d: d["takeaways"]["seek_support"].pop("title"),
        "takeaways.seek_support.title",
    ),
    "concepts.yml": (lambda d: d["concepts"]["secure"].pop("short"), "concepts.secure.short"),
    "quiz.yml": (lambda d: d["questions"][0].pop("explanation"), "questions[0].explanation"),
    "self_assessment.yml": (lambda d: d["scale"]["labels"].pop(4), "scale.labels.4"),
    "crisis_resources.yml": (lambda d: d["uk"].pop("emergency_number"), "uk.emergency_number"),
    "safety_messages.yml": (lambda d: d["crisis"].pop("safety_check"), "crisis.safety_check"),
    "emotions.yml": (
        lambda d: d["families"]["fear"]["emotions"]["scared"].pop("intensity"),
        "families.fear.emotions.scared.intensity",
    ),
    "feedback.yml": (lambda d: d["summary"]["concepts"].pop("myths"), "summary.concepts.myths"),
}


def broken_copy(folder: Path, name: str, change: Change) -> Path:
    """Every content file copied to ``folder``, with ``change`` applied to ``name``."""
    for path in CONTENT_DIR.glob("*.yml"):
        shutil.copy(path, folder / path.name)
    target = folder / name
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    change(data)
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def run_with_content(folder: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SECUREBASE_CONTENT_DIR": str(folder),
        "RASA_TELEMETRY_ENABLED": "false",
    }
    return subprocess.run(
        command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=180
    )


def test_validate_all__accepts_the_shipped_content() -> None:
    validate_all(CONTENT_DIR)


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_validate_all__names_the_file_and_field_of_every_content_file(
    tmp_path: Path, name: str
) -> None:
    change, field = BREAKAGES[name]
    with pytest.raises(ContentError) as error:
        validate_all(broken_copy(tmp_path, name, change))
    assert str(error.value).startswith(f"{name}: ")
    assert field in str(error.value)


def test_validate_all__names_a_missing_file(tmp_path: Path) -> None:
    broken_copy(tmp_path, "quiz.yml", lambda d: None)
    (tmp_path / "safety_messages.yml").unlink()
    with pytest.raises(ContentError, match=r"^safety_messages\.yml: cannot read file"):
        validate_all(tmp_path)


def test_action_server__refuses_to_start_and_names_the_file_and_field(tmp_path: Path) -> None:
    change, field = BREAKAGES["concepts.yml"]
    folder = broken_copy(tmp_path, "concepts.yml", change)
    done = run_with_content(folder, str(RASA), "run", "actions", "--actions", "actions",
                            "--port", "5999")  # fmt: skip
    assert done.returncode != 0
    assert f"concepts.yml: {field}" in done.stderr


def test_rasa_process__refuses_to_load_its_channels_and_names_the_file_and_field(
    tmp_path: Path,
) -> None:
    change, field = BREAKAGES["safety_messages.yml"]
    folder = broken_copy(tmp_path, "safety_messages.yml", change)
    done = run_with_content(folder, sys.executable, "-c", "import bot.channels.rest")
    assert done.returncode != 0
    assert f"safety_messages.yml: {field}" in done.stderr


def test_launcher__refuses_before_migrating_or_starting_any_process(tmp_path: Path) -> None:
    change, field = BREAKAGES["takeaways.yml"]
    folder = broken_copy(tmp_path, "takeaways.yml", change)
    # Should the check ever pass, the launcher would migrate and start children: fail loudly.
    script = (
        "import subprocess, bot.launcher as launcher\n"
        "def started(*args, **kwargs): raise SystemExit('STARTED ' + repr(args))\n"
        "subprocess.Popen = started\n"
        "launcher.upgrade = started\n"
        "raise SystemExit(launcher.main())\n"
    )
    done = run_with_content(folder, sys.executable, "-c", script)
    assert done.returncode == 1
    assert f"takeaways.yml: {field}" in done.stderr
    assert "STARTED" not in done.stderr + done.stdout


def test_settings__read_content_from_secure_base_content_dir(tmp_path: Path) -> None:
    assert Settings.from_env({}).content_dir == CONTENT_DIR
    assert Settings.from_env({"SECUREBASE_CONTENT_DIR": str(tmp_path)}).content_dir == tmp_path


def test_settings__refuse_a_content_dir_that_is_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="SECUREBASE_CONTENT_DIR"):
        Settings.from_env({"SECUREBASE_CONTENT_DIR": str(tmp_path / "missing")})
