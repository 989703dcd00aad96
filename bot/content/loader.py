"""The one way content is read: a named file from one folder, checked field by field.

Every parser of a ``bot/content/*.yml`` file reads it through :func:`read_content`
and reports problems with :class:`ContentError`, whose message starts with the
file name and then names the field (``concepts.yml: concepts.secure.short: ...``),
so a writer knows where to look. The folder is ``SECUREBASE_CONTENT_DIR`` when
set (tests and start-up checks point it at a copy), else this package.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.settings import get_settings


class ContentError(ValueError):
    """A content file is missing, unreadable or has a field of the wrong shape."""


def content_dir() -> Path:
    """The folder this process reads content from (settings decide, once)."""
    return get_settings().content_dir


def read_content(name: str, directory: Path | None = None) -> Any:
    """Parse the content file ``name``, naming the file in any error."""
    path = (directory or content_dir()) / name
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except OSError as exc:
        raise ContentError(f"{name}: cannot read file ({exc})") from exc
    except yaml.YAMLError as exc:
        raise ContentError(f"{name}: not valid YAML ({exc})") from exc


def require_text(value: Any, where: str) -> str:
    """Return a non-empty, whitespace-normalised string or fail naming the field."""
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{where}: expected non-empty text")
    return " ".join(value.split())


def mapping(value: Any, where: str) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise ContentError(f"{where}: expected a mapping")
    return value


def texts(value: Any, where: str, minimum: int = 1) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) < minimum:
        raise ContentError(f"{where}: expected a list of at least {minimum} text(s)")
    return tuple(require_text(item, f"{where}[{i}]") for i, item in enumerate(value))


def one_of(value: Any, allowed: tuple[str, ...], where: str) -> str:
    if value not in allowed:
        raise ContentError(f"{where}: expected one of {', '.join(allowed)}, got {value!r}")
    return str(value)


def bands(value: Any, key: str, where: str) -> tuple[tuple[float, str], ...]:
    """Threshold bands, highest first; a value falls into the first band it reaches."""
    if not isinstance(value, list) or not value:
        raise ContentError(f"{where}: expected a non-empty list")
    rows = []
    for i, row in enumerate(value):
        row = mapping(row, f"{where}[{i}]")
        if not isinstance(row.get(key), (int, float)):
            raise ContentError(f"{where}[{i}].{key}: expected a number")
        rows.append((float(row[key]), require_text(row.get("text"), f"{where}[{i}].text")))
    return tuple(sorted(rows, key=lambda band: -band[0]))
