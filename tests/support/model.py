"""Train the Rasa model once per test session, reusing it when nothing changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.settings import PROJECT_ROOT

MODEL = PROJECT_ROOT / "models" / "securebase.tar.gz"
RASA_DATA = ["data/nlu", "data/rules", "data/stories"]


def training_inputs() -> list[Path]:
    files = [PROJECT_ROOT / "config.yml", PROJECT_ROOT / "domain.yml"]
    for folder in RASA_DATA:
        files += sorted((PROJECT_ROOT / folder).rglob("*.yml"))
    files += sorted((PROJECT_ROOT / "bot" / "nlu").glob("*.py"))
    files += sorted((PROJECT_ROOT / "bot" / "dialogue").glob("*.py"))
    return files


def model_is_fresh() -> bool:
    if not MODEL.exists():
        return False
    built = MODEL.stat().st_mtime
    return all(path.stat().st_mtime <= built for path in training_inputs())


def rasa_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"})
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH")) if p)
    return env


def ensure_model() -> Path:
    """Return the trained model, training it first when inputs are newer."""
    if model_is_fresh():
        return MODEL
    command = [
        sys.executable,
        "-m",
        "rasa",
        "train",
        "--data",
        *RASA_DATA,
        "--config",
        "config.yml",
        "--domain",
        "domain.yml",
        "--out",
        "models",
        "--fixed-model-name",
        "securebase",
    ]
    subprocess.run(
        command,
        cwd=PROJECT_ROOT,
        env=rasa_env(),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    MODEL.touch()
    return MODEL
