"""rasa-sdk only logs a duplicate action name, so the registry is checked here."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from typing import Any

from rasa_sdk import Action

import actions
from bot.settings import PROJECT_ROOT


def _action_classes() -> list[type[Action]]:
    found: list[type[Action]] = []
    for module_info in pkgutil.iter_modules(actions.__path__):
        module = importlib.import_module(f"actions.{module_info.name}")
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(obj, Action)
                and obj.__module__ == module.__name__
                and not inspect.isabstract(obj)
            ):
                found.append(obj)
    return found


def _names() -> list[str]:
    return [cls().name() for cls in _action_classes()]


def test_action_names__are_unique() -> None:
    names = _names()
    assert len(names) == len(set(names)), names


def test_every_action__is_listed_in_the_domain(domain_dict: dict[str, Any]) -> None:
    assert set(_names()) <= set(domain_dict["actions"])


def test_every_custom_action_in_the_domain__is_implemented(domain_dict: dict[str, Any]) -> None:
    assert set(domain_dict["actions"]) <= set(_names())


def test_action_class_names__mirror_their_action_names() -> None:
    for cls in _action_classes():
        expected = "".join(part.capitalize() for part in cls().name().split("_"))
        assert cls.__name__ == expected


def test_every_response_an_action_sends__exists_in_the_domain(domain_dict: dict[str, Any]) -> None:
    used: set[str] = set()
    for path in (PROJECT_ROOT / "actions").glob("*.py"):
        used |= set(re.findall(r'response="(utter_[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert used, "no responses found: the check itself is broken"
    assert used <= set(domain_dict["responses"]), used - set(domain_dict["responses"])


def test_every_response_a_rule_or_story_uses__exists(domain_dict: dict[str, Any]) -> None:
    used: set[str] = set()
    for path in [
        *(PROJECT_ROOT / "data").rglob("*.yml"),
        *(PROJECT_ROOT / "tests" / "stories").glob("*.yml"),
    ]:
        used |= set(re.findall(r"action: (utter_[a-z_]+)", path.read_text(encoding="utf-8")))
    assert used <= set(domain_dict["responses"]), used - set(domain_dict["responses"])
