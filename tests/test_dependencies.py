"""Every package the code imports is one pyproject.toml promises to install.

A package that only arrives as somebody else's dependency (aiohttp and sanic
come with rasa) works until that somebody drops or moves it; a package that
only the dev extra installs (httpx, pytest) is missing in production. So each
third-party import under bot/ and actions/ must name a distribution in
[project].dependencies, and under tests/ one in dependencies or the dev extra.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from functools import cache
from importlib import metadata
from pathlib import Path

import tomli

ROOT = Path(__file__).resolve().parents[1]
FIRST_PARTY = {"bot", "actions", "tests"}


def _normalise(distribution: str) -> str:
    """PEP 503 names, so "PyYAML" in metadata matches "pyyaml" in a requirement."""
    return re.sub(r"[-_.]+", "-", distribution).lower()


def _names(requirements: list[str]) -> set[str]:
    found = set()
    for requirement in requirements:
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        assert match, f"cannot read the requirement {requirement!r}"
        found.add(_normalise(match.group(1)))
    return found


@cache
def _declared() -> tuple[set[str], set[str]]:
    """(runtime, dev) distribution names from pyproject.toml."""
    project = tomli.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return _names(project["dependencies"]), _names(project["optional-dependencies"]["dev"])


@cache
def _distributions_of() -> dict[str, frozenset[str]]:
    """Import name -> the installed distributions that provide it.

    Python 3.10's packages_distributions() only reads top_level.txt, which
    wheels built by poetry or hatch (rasa, rasa-sdk, httpx, starlette, uvicorn)
    do not ship; for those the top-level names come from the installed file list.
    """
    found: dict[str, set[str]] = {
        name: {_normalise(d) for d in dists}
        for name, dists in metadata.packages_distributions().items()
    }
    for dist in metadata.distributions():
        if dist.read_text("top_level.txt") is not None:
            continue
        distribution = _normalise(dist.metadata["Name"])
        for file in dist.files or ():
            top = file.parts[0]
            if len(file.parts) == 1:
                if file.suffix not in {".py", ".so", ".pyd"}:
                    continue
                top = top.split(".")[0]
            if top.isidentifier():
                found.setdefault(top, set()).add(distribution)
    return {name: frozenset(dists) for name, dists in found.items()}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(node: ast.AST) -> Iterator[tuple[str, int]]:
    """Top-level names imported anywhere in ``node`` (also inside functions),
    except under ``if TYPE_CHECKING:``, which never runs."""
    if isinstance(node, ast.If) and _is_type_checking(node.test):
        children: list[ast.AST] = list(node.orelse)
    else:
        children = list(ast.iter_child_nodes(node))
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name.split(".")[0], node.lineno
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        yield node.module.split(".")[0], node.lineno
    for child in children:
        yield from _imports(child)


def _undeclared(folders: tuple[str, ...], allowed: set[str]) -> list[str]:
    """One line per third-party import that no allowed distribution provides."""
    _, dev = _declared()
    problems = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for name, line in _imports(tree):
                if name in FIRST_PARTY or name in sys.stdlib_module_names:
                    continue
                dists = _distributions_of().get(name, frozenset())
                if dists & allowed:
                    continue
                where = f"{path.relative_to(ROOT)}:{line} imports {name}"
                if not dists:
                    problems.append(f"{where}, which no installed distribution provides")
                elif dists & dev:
                    problems.append(f"{where} ({', '.join(sorted(dists))}): only a dev dependency")
                else:
                    problems.append(f"{where} ({', '.join(sorted(dists))}): not declared")
    return problems


def test_distributions_of__resolves_wheels_without_top_level_txt() -> None:
    # Without the file-list fallback these map to nothing and every check below
    # would report them as missing, or (worse) a broken lookup would hide a gap.
    assert "rasa-sdk" in _distributions_of()["rasa_sdk"]
    assert "rasa" in _distributions_of()["rasa"]
    assert "pyyaml" in _distributions_of()["yaml"]


def test_runtime_code__imports_only_declared_runtime_dependencies() -> None:
    runtime, _ = _declared()
    problems = _undeclared(("bot", "actions"), runtime)
    assert not problems, "add to [project].dependencies:\n" + "\n".join(problems)


def test_tests__import_only_declared_runtime_or_dev_dependencies() -> None:
    runtime, dev = _declared()
    problems = _undeclared(("tests",), runtime | dev)
    assert not problems, "add to the dev extra:\n" + "\n".join(problems)
