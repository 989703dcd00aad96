"""How the bot handles people who type: module choice, views and concept questions.

Three measurements over JSONL sets in ``data/eval`` (schemas and scoring rules in
docs/blind-evaluation.md, "Typed-message sets"):

* ``module``: free-word module choices, sent to the real Rasa and action
  servers after "hi" (context ``start``) or with the five-module menu just
  shown (``menu``); right when that module started, or for two expected
  modules when exactly those two were offered as buttons;
* ``views``: the rubric's self and other views (``bot.scoring.score_answer``)
  against hand labels;
* ``concept``: concept questions after "hi" or with a reflection prompt open;
  right when the bot explained that concept for the message.

One server pair on free loopback ports with throw-away databases serves all
cases, each case under a fresh sender. Only 127.0.0.1 is contacted.

    python -m bot.evaluation.typed_eval [--sets module views concept] [--no-misses]

``--no-misses`` prints and writes figures only, never a message text or a
case id: the first, blind run of a new set uses it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import httpx

from bot.evaluation import typed_metrics as m
from bot.evaluation.conversation import throwaway_stack
from bot.ids import TAKEAWAY_IDS, intent_payload
from bot.launcher import MODEL_PATH
from bot.scoring import score_answer
from bot.settings import PROJECT_ROOT

EVAL_DIR = PROJECT_ROOT / "data" / "eval"
SETS = ("module", "views", "concept")
MOOD = "3"
T = TypeVar("T")
R = TypeVar("R")


class SetupFailed(RuntimeError):
    """A case could not be put in the state it asks for: the run stops, nothing is scored."""


class Bot:
    """One running Rasa server, spoken to over the REST webhook and the tracker API."""

    def __init__(self, client: httpx.Client, base: str, token: str) -> None:
        self.client, self.base, self.token = client, base, token

    def send(self, sender: str, text: str) -> list[dict[str, Any]]:
        response = self.client.post(
            f"{self.base}/webhooks/rest/webhook", json={"sender": sender, "message": text}
        )
        response.raise_for_status()
        return list(response.json())

    def tracker(self, sender: str) -> dict[str, Any]:
        response = self.client.get(
            f"{self.base}/conversations/{sender}/tracker", params={"token": self.token}
        )
        response.raise_for_status()
        return dict(response.json())

    def turn(self, sender: str) -> list[Mapping[str, Any]]:
        return m.this_turn(self.tracker(sender)["events"])


def fresh_sender() -> str:
    return f"typed-eval-{uuid.uuid4().hex[:16]}"


def greet(bot: Bot, sender: str, case_id: str) -> list[dict[str, Any]]:
    reply = bot.send(sender, "hi")
    if not reply:
        raise SetupFailed(f"{case_id}: no reply to 'hi'")
    return reply


def show_menu(bot: Bot, sender: str, case_id: str) -> None:
    """Make the five-module menu the last thing shown, or stop the run."""
    reply = greet(bot, sender, case_id)
    if not m.is_menu(reply[-1]):
        reply = bot.send(sender, intent_payload("start_reflection"))
    if not reply or not m.is_menu(reply[-1]):
        raise SetupFailed(f"{case_id}: the five-module menu was not the last thing shown")


def open_prompt(bot: Bot, sender: str, case_id: str, takeaway: str) -> None:
    """Choose ``takeaway`` by payload and answer the mood check-in, so a prompt is open."""
    greet(bot, sender, case_id)
    bot.send(sender, intent_payload("choose_module", {"takeaway": takeaway}))
    bot.send(sender, MOOD)
    tracker = bot.tracker(sender)
    shown = m.utterances(m.this_turn(tracker["events"]))
    loop = (tracker.get("active_loop") or {}).get("name")
    asked = (tracker.get("slots") or {}).get("requested_slot")
    if "utter_reflection_prompt" not in shown or loop != m.REFLECTION_FORM:
        raise SetupFailed(f"{case_id}: no reflection prompt open after the mood check-in")
    if asked != "reflection_answer":
        raise SetupFailed(f"{case_id}: the open form asks for {asked}, not an answer")


def module_case(bot: Bot, case: Mapping[str, Any]) -> m.ModuleOutcome:
    sender = fresh_sender()
    if case["context"] == "menu":
        show_menu(bot, sender, case["id"])
    else:
        greet(bot, sender, case["id"])
    reply = bot.send(sender, case["text"])
    return m.judge_module(case["expected"], bot.turn(sender), reply)


def concept_case(
    bot: Bot, case: Mapping[str, Any], index: int
) -> tuple[str | None, tuple[str, ...]]:
    """The concept explained for the case's message, and the responses shown, by name."""
    sender = fresh_sender()
    if case["context"] == "in_prompt":
        # The module rotates with the case's position so no one module's prompt decides.
        open_prompt(bot, sender, case["id"], TAKEAWAY_IDS[index % len(TAKEAWAY_IDS)])
    else:
        greet(bot, sender, case["id"])
    bot.send(sender, case["text"])
    turn = bot.turn(sender)
    return m.explained_concept(turn), tuple(m.utterances(turn))


def in_parallel(work: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(work, items))


def describe(outcome: m.ModuleOutcome) -> str:
    """What the bot did instead, by module ids and response names (never its text)."""
    if outcome.started:
        return f"started {outcome.started}"
    what = f"offered {list(outcome.offered)}" if outcome.offered else "no module started or offered"
    return f"{what}; showed {[s or '(free text)' for s in outcome.shown]}"


def run_views(rows: Sequence[Mapping[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    scored = [score_answer(r["text"], r["takeaway"]) for r in rows]
    figures: dict[str, Any] = {}
    misses: list[dict[str, Any]] = []
    for view in ("self_view", "other_view"):
        predicted = [getattr(s, view) for s in scored]
        figures[view] = m.view_figures([r[view] for r in rows], predicted)
        misses += [
            {"id": r["id"], "view": view, "expected": r[view], "got": p}
            for r, p in zip(rows, predicted, strict=True)
            if p != r[view]
        ]
    figures["combined"] = m.view_figures(
        [r[v] for v in ("self_view", "other_view") for r in rows],
        [getattr(s, v) for v in ("self_view", "other_view") for s in scored],
    )
    return figures, misses


def run_live(
    module_rows: Sequence[Mapping[str, Any]],
    concept_rows: Sequence[Mapping[str, Any]],
    model: Path,
    workers: int,
) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    token = uuid.uuid4().hex
    with (
        throwaway_stack(model=model, prefix="securebase-typed-", api_token=token) as stack,
        httpx.Client(timeout=120) as client,
    ):
        bot = Bot(client, stack.settings.rasa_url, token)
        warm_up(bot)
        return measure(bot, module_rows, concept_rows, workers)


def warm_up(bot: Bot, seconds: float = 120) -> None:
    """Wait until the model answers: Rasa's root is up before the model has loaded."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if bot.send("typed-eval-warm-up", "hi"):
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise SetupFailed("the Rasa server never answered 'hi'")


def measure(
    bot: Bot,
    module_rows: Sequence[Mapping[str, Any]],
    concept_rows: Sequence[Mapping[str, Any]],
    workers: int,
) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """Run the live cases against ``bot``, each under a fresh sender."""
    figures: dict[str, Any] = {}
    misses: dict[str, list[dict[str, Any]]] = {}
    if module_rows:
        outcomes = in_parallel(lambda c: module_case(bot, c), module_rows, workers)
        figures["module_choice"] = m.module_figures(module_rows, outcomes)
        misses["module_choice"] = [
            {"id": c["id"], "expected": c["expected"], "got": describe(o)}
            for c, o in zip(module_rows, outcomes, strict=True)
            if not o.correct
        ]
    if concept_rows:
        results = in_parallel(
            lambda pair: concept_case(bot, pair[1], pair[0]), list(enumerate(concept_rows)), workers
        )
        got = [concept for concept, _ in results]
        figures["concept"] = m.concept_figures(concept_rows, got)
        misses["concept"] = [
            {"id": c["id"], "context": c["context"], "expected": c["concept"], "got": g,
             "showed": [s or "(free text)" for s in shown]}
            for c, (g, shown) in zip(concept_rows, results, strict=True)
            if g != c["concept"]
        ]  # fmt: skip
    return figures, misses


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.typed_eval")
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--module-file", type=Path, default=EVAL_DIR / "module_choice_dev.jsonl")
    parser.add_argument("--views-file", type=Path, default=EVAL_DIR / "views_dev.jsonl")
    parser.add_argument("--concept-file", type=Path, default=EVAL_DIR / "concept_dev.jsonl")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "var/eval/typed.json")
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--workers", type=int, default=4, help="cases in flight at once")
    parser.add_argument(
        "--no-misses", action="store_true", help="figures only: no message text, no case id"
    )
    args = parser.parse_args(argv)

    files = {"module": args.module_file, "views": args.views_file, "concept": args.concept_file}
    chosen = {kind: files[kind] for kind in SETS if kind in args.sets}
    try:
        rows = {kind: m.load_set(path, kind) for kind, path in chosen.items()}
    except (OSError, ValueError) as error:
        print(f"typed_eval: {error}", file=sys.stderr)
        return 2
    sealed = [p.name for p in chosen.values() if "sealed" in p.name]
    if sealed and not args.no_misses:
        print(
            f"typed_eval: {', '.join(sealed)} is sealed: run it with --no-misses", file=sys.stderr
        )
        return 2

    started = time.monotonic()
    result: dict[str, Any] = {
        "files": {k: {"path": str(p), "sha256_16": digest(p)} for k, p in chosen.items()},
    }
    misses: dict[str, list[dict[str, Any]]] = {}
    if "views" in rows:
        result["views"], misses["views"] = run_views(rows["views"])
    if "module" in rows or "concept" in rows:
        result["model"] = str(args.model)
        try:
            live, live_misses = run_live(
                rows.get("module", []), rows.get("concept", []), args.model, args.workers
            )
        except SetupFailed as error:
            print(f"typed_eval: case setup failed, nothing scored: {error}", file=sys.stderr)
            return 3
        result.update(live)
        misses.update(live_misses)
    result["seconds"] = round(time.monotonic() - started, 1)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    written = result if args.no_misses else {**result, "misses": misses}
    args.out.write_text(json.dumps(written, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))
    if not args.no_misses:
        for kind, rows_missed in misses.items():
            print(f"\nmisses: {kind} ({len(rows_missed)})")
            for miss in rows_missed:
                print("  " + json.dumps(miss))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
