"""The pure half of the typed-message evaluation: set loading, judging a turn, figures.

``typed_eval`` drives the real servers; everything here takes plain values
(JSONL rows, tracker events, bot messages) so the scoring rules can be tested
without a server. The rules are documented in docs/blind-evaluation.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.content.concepts import CONCEPT_IDS
from bot.ids import TAKEAWAY_IDS, TAKEAWAY_SLOT

VIEW_LABELS: tuple[str, ...] = ("positive", "negative", "mixed", "unclear")
MODULE_CONTEXTS = ("start", "menu")
CONCEPT_CONTEXTS = ("start", "in_prompt")
# A module has started when this turn shows its mood check-in or its introduction.
MODULE_OPENERS = frozenset({"utter_ask_mood_before", "utter_reflection_intro"})
REFLECTION_FORM = "reflection_form"
CONCEPT_SLOT = "last_concept"
_TAKEAWAY_IN_PAYLOAD = re.compile("|".join(TAKEAWAY_IDS))

Event = Mapping[str, Any]


class SetError(ValueError):
    """A line of an evaluation set does not follow its schema."""


def _check(ok: bool, where: str, what: str) -> None:
    if not ok:
        raise SetError(f"{where}: {what}")


def load_set(path: Path, kind: str) -> list[dict[str, Any]]:
    """Read one JSONL set of ``kind`` ("module", "views" or "concept"); a bad line names itself."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        row = json.loads(line)
        _check(
            isinstance(row.get("id"), str) and row["id"] not in seen,
            where,
            "missing or repeated id",
        )
        _check(isinstance(row.get("text"), str) and bool(row["text"].strip()), where, "empty text")
        seen.add(row["id"])
        if kind == "module":
            expected = row.get("expected")
            _check(row.get("context") in MODULE_CONTEXTS, where, "context must be start or menu")
            _check(
                isinstance(expected, list)
                and len(expected) in (1, 2)
                and len(set(expected)) == len(expected)
                and all(e in TAKEAWAY_IDS for e in expected),
                where,
                "expected must be one or two module ids",
            )
        elif kind == "views":
            _check(row.get("takeaway") in TAKEAWAY_IDS, where, "unknown takeaway")
            for view in ("self_view", "other_view"):
                _check(row.get(view) in VIEW_LABELS, where, f"{view} must be one of {VIEW_LABELS}")
        elif kind == "concept":
            _check(
                row.get("context") in CONCEPT_CONTEXTS, where, "context must be start or in_prompt"
            )
            _check(row.get("concept") in CONCEPT_IDS, where, "unknown concept")
        else:
            raise ValueError(kind)
        rows.append(row)
    return rows


# --- one turn -------------------------------------------------------------------


def this_turn(events: Sequence[Event]) -> list[Event]:
    """The events after the latest user message: what the bot did with it."""
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    return list(events[last_user + 1 :])


def utterances(turn: Iterable[Event]) -> list[str]:
    """Names of the responses the bot sent in ``turn`` ("" for free text)."""
    return [
        str((e.get("metadata") or {}).get("utter_action") or "")
        for e in turn
        if e.get("event") == "bot"
    ]


def slot_values(turn: Iterable[Event], slot: str) -> list[Any]:
    return [e.get("value") for e in turn if e.get("event") == "slot" and e.get("name") == slot]


def started_module(turn: Sequence[Event]) -> str | None:
    """The module this turn started, or None.

    Started means all three in the same turn: the ``takeaway`` slot was set to a
    module id, the reflection form became the active loop, and the bot showed
    that module's mood check-in or introduction.
    """
    chosen = [v for v in slot_values(turn, TAKEAWAY_SLOT) if v in TAKEAWAY_IDS]
    form_on = any(
        e.get("event") == "active_loop" and e.get("name") == REFLECTION_FORM for e in turn
    )
    opened = bool(MODULE_OPENERS & set(utterances(turn)))
    return str(chosen[-1]) if chosen and form_on and opened else None


def button_modules(messages: Iterable[Mapping[str, Any]]) -> list[str]:
    """Module ids named in the payloads of the buttons the bot offered, in order, once each."""
    found: list[str] = []
    for message in messages:
        for button in message.get("buttons") or []:
            for match in _TAKEAWAY_IN_PAYLOAD.findall(str(button.get("payload", ""))):
                if match not in found:
                    found.append(match)
    return found


def is_menu(message: Mapping[str, Any]) -> bool:
    """True when ``message`` offers exactly the five modules, in the fixed order."""
    buttons = message.get("buttons") or []
    return len(buttons) == len(TAKEAWAY_IDS) and button_modules([message]) == list(TAKEAWAY_IDS)


@dataclass(frozen=True)
class ModuleOutcome:
    correct: bool  # the headline: the one module started, or exactly the two offered
    started: str | None
    offered: tuple[str, ...]
    started_one_of_two: bool  # a two-module case where the bot started one of them
    shown: tuple[str, ...] = ()  # the responses the turn sent, by name, for the miss list


def judge_module(
    expected: Sequence[str], turn: Sequence[Event], messages: Sequence[Mapping[str, Any]]
) -> ModuleOutcome:
    started = started_module(turn)
    offered = tuple(button_modules(messages))
    shown = tuple(utterances(turn))
    if len(expected) == 1:
        return ModuleOutcome(started == expected[0], started, offered, False, shown)
    exact_offer = started is None and set(offered) == set(expected) and len(offered) == 2
    return ModuleOutcome(exact_offer, started, offered, started in expected, shown)


def explained_concept(turn: Sequence[Event]) -> str | None:
    """The concept the bot explained for this message: the ``last_concept`` value it set."""
    values = [v for v in slot_values(turn, CONCEPT_SLOT) if v]
    return str(values[-1]) if values else None


# --- figures --------------------------------------------------------------------


def share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def module_figures(
    cases: Sequence[Mapping[str, Any]], outcomes: Sequence[ModuleOutcome]
) -> dict[str, Any]:
    """Headline accuracy, then by number of expected modules, context and kind."""
    pairs = [(c, o) for c, o in zip(cases, outcomes, strict=True)]
    singles = [o for c, o in pairs if len(c["expected"]) == 1]
    doubles = [o for c, o in pairs if len(c["expected"]) == 2]

    def acc(selected: list[ModuleOutcome]) -> dict[str, Any]:
        return {
            "n": len(selected),
            "accuracy": share(sum(o.correct for o in selected), len(selected)),
        }

    by: dict[str, dict[str, Any]] = {"context": {}, "kind": {}}
    for key in by:
        for value in sorted({str(c.get(key, "")) for c in cases}):
            by[key][value] = acc([o for c, o in pairs if str(c.get(key, "")) == value])
    return {
        **acc(list(outcomes)),
        "one_expected": acc(singles),
        "two_expected_offered_both": acc(doubles),
        "two_expected_started_one": {
            "n": len(doubles),
            "share": share(sum(o.started_one_of_two for o in doubles), len(doubles)),
        },
        "lenient_accuracy": share(
            sum(o.correct or o.started_one_of_two for o in outcomes), len(outcomes)
        ),
        "by_context": by["context"],
        "by_kind": by["kind"],
    }


def _lenient(label: str) -> str:
    return "negative" if label == "mixed" else label


def view_figures(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Accuracy where gold is not "unclear" (exact and mixed≈negative), precision, confusion.

    Precision: of the predictions that are not "unclear", the share equal to gold
    (a label given where gold is "unclear" counts against it).
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    labelled = [(g, p) for g, p in zip(gold, predicted, strict=True) if g != "unclear"]
    committed = [(g, p) for g, p in zip(gold, predicted, strict=True) if p != "unclear"]
    confusion = {g: {p: 0 for p in VIEW_LABELS} for g in VIEW_LABELS}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    return {
        "n": len(gold),
        "n_gold_not_unclear": len(labelled),
        "accuracy": share(sum(g == p for g, p in labelled), len(labelled)),
        "lenient_accuracy": share(
            sum(_lenient(g) == _lenient(p) for g, p in labelled), len(labelled)
        ),
        "n_predicted_not_unclear": len(committed),
        "precision": share(sum(g == p for g, p in committed), len(committed)),
        "confusion_gold_by_predicted": confusion,
    }


def concept_figures(
    cases: Sequence[Mapping[str, Any]], got: Sequence[str | None]
) -> dict[str, Any]:
    right = [c["concept"] == g for c, g in zip(cases, got, strict=True)]
    by_context = {
        context: {
            "n": sum(c["context"] == context for c in cases),
            "accuracy": share(
                sum(r for c, r in zip(cases, right, strict=True) if c["context"] == context),
                sum(c["context"] == context for c in cases),
            ),
        }
        for context in CONCEPT_CONTEXTS
    }
    return {"n": len(cases), "accuracy": share(sum(right), len(right)), "by_context": by_context}
