"""Actions stay thin adapters: they import no database session and no storage."""

from __future__ import annotations

import ast
from pathlib import Path

import actions

ACTIONS_DIR = Path(actions.__file__).resolve().parent
# Sessions (app_session, session_scope), repositories and the unit of work belong to bot.services.
FORBIDDEN = ("bot.storage", "bot.services.unit_of_work")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_action_modules__import_nothing_from_storage_or_the_unit_of_work() -> None:
    offenders = {
        path.name: sorted(name for name in _imports(path) if name.startswith(FORBIDDEN))
        for path in sorted(ACTIONS_DIR.glob("*.py"))
    }
    assert {name: found for name, found in offenders.items() if found} == {}
