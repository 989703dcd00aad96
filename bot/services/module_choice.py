"""Which reflection module a person means when they type instead of tapping.

Design (issue 12). Most people never tap the menu: they write "my childhood",
"2", "the last one", "I always pull away when someone gets close" or "either
1 or 2". DIET alone learns this badly (a few examples per module cannot cover
how people describe their lives), so the choice is made here, transparently,
from data in ``bot/content/module_choice.yml``:

* **Positions.** Right after the five-module menu (its order is fixed in
  domain.yml ``utter_ask_module``), a short message made only of position
  words and filler ("1", "the first one", "number 2", "option 4", "the last
  one", "uhh 1 i guess") picks that module; two positions ("4 or 5 maybe?")
  offer those two. Positions are never read anywhere else, so "3" stays a
  mood rating inside a module.
* **Words.** Each module has weighted cues (regular expressions). A module's
  score is the sum of its cues that match; the best module wins when it
  reaches ``CHOOSE``; when the runner-up comes within ``TIE`` of it (and
  reaches ``SECOND``), the message could mean both and the bot offers exactly
  those two. Every match is kept as evidence, so a surprising choice can be
  explained.

The dialogue policy (``bot.dialogue.module_choice``) decides *when* to ask
(outside a module, never over safety) and the action asks this module *what*.
Pure: text in, a frozen result out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.content.loader import ContentError, mapping, read_content, require_text
from bot.ids import TAKEAWAY_IDS

SOURCE = "module_choice.yml"
CHOOSE = 2.0  # the best module's score needed to choose it
SECOND = 2.0  # the runner-up's score needed to be offered alongside
TIE = 0.65  # the runner-up within this share of the best: offer both
HINT = 1.0  # in a fragment of at most FRAGMENT_WORDS words, one hint chooses
FRAGMENT_WORDS = 3
MAX_POSITION_WORDS = 8  # "1" is a position; a long message with a "1" in it is not
LAST_WORDS = frozenset({"last", "final", "bottom"})  # the end of whichever list was shown


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    weight: float


@dataclass(frozen=True)
class ModuleCues:
    takeaway: str
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class ChoiceData:
    modules: tuple[ModuleCues, ...]
    positions: dict[str, int]  # word -> 1-based position on the menu
    filler: frozenset[str]


@dataclass(frozen=True)
class ModuleChoice:
    """What a message chose: one module, two to offer, or none (``modules`` empty)."""

    modules: tuple[str, ...]
    via: str  # "position" | "words" | "none"
    evidence: tuple[str, ...] = ()
    scores: tuple[tuple[str, float], ...] = ()

    @property
    def chosen(self) -> str | None:
        return self.modules[0] if len(self.modules) == 1 else None

    @property
    def offered(self) -> tuple[str, ...]:
        return self.modules if len(self.modules) == 2 else ()


NONE = ModuleChoice(modules=(), via="none")


def fold(text: str) -> str:
    """Lower case, apostrophes dropped ("don't" -> "dont"), runs of space made one."""
    folded = text.lower().replace("’", "'").replace("'", "")
    return re.sub(r"\s+", " ", folded).strip()


def _compile(raw: Any, where: str) -> Cue:
    entry = mapping(raw, where)
    pattern = require_text(entry.get("pattern"), f"{where}.pattern")
    weight = entry.get("weight")
    if not isinstance(weight, (int, float)) or weight <= 0:
        raise ContentError(f"{where}.weight: a positive number is required")
    try:
        compiled = re.compile(rf"(?<![\w#])(?:{pattern})(?!\w)", re.IGNORECASE)
    except re.error as error:
        raise ContentError(f"{where}.pattern: {error}") from error
    return Cue(pattern=compiled, weight=float(weight))


def parse_choice_data(raw: Any, source: str = SOURCE) -> ChoiceData:
    """Check and compile the cue file; every module id must be there, nothing else."""
    top = mapping(raw, source)
    modules_raw = mapping(top.get("modules"), f"{source}: modules")
    if set(modules_raw) != set(TAKEAWAY_IDS):
        raise ContentError(f"{source}: modules must be exactly {', '.join(TAKEAWAY_IDS)}")
    modules = []
    for takeaway in TAKEAWAY_IDS:
        where = f"{source}: modules.{takeaway}"
        entry = mapping(modules_raw[takeaway], where)
        cues_raw = entry.get("cues")
        if not isinstance(cues_raw, list) or not cues_raw:
            raise ContentError(f"{where}.cues: a non-empty list is required")
        cues = tuple(_compile(c, f"{where}.cues[{i}]") for i, c in enumerate(cues_raw))
        modules.append(ModuleCues(takeaway, cues))
    positions: dict[str, int] = {}
    for number, words in mapping(top.get("ordinals"), f"{source}: ordinals").items():
        if not isinstance(number, int) or not 1 <= number <= len(TAKEAWAY_IDS):
            raise ContentError(f"{source}: ordinals: {number!r} is not a menu position")
        for word in words:
            positions[fold(str(word))] = number
    filler = top.get("filler")
    if not isinstance(filler, list):
        raise ContentError(f"{source}: filler: a list is required")
    return ChoiceData(tuple(modules), positions, frozenset(fold(str(w)) for w in filler))


@lru_cache(maxsize=2)
def load_choice_data(directory: Path | None = None) -> ChoiceData:
    """The checked cue file; start-up calls this so a broken pattern refuses to start."""
    return parse_choice_data(read_content(SOURCE, directory))


def _position_words(text: str) -> list[str]:
    spaced = re.sub(r"[^\w#]+", " ", fold(text))
    return [w for w in spaced.split() if w]


def by_position(
    text: str, menu: tuple[str, ...] = TAKEAWAY_IDS, data: ChoiceData | None = None
) -> ModuleChoice:
    """A module (or two) named by its place in ``menu``, if the message is only that.

    "The last one" is the last of the list shown, whether five modules or two.
    """
    data = data or load_choice_data()
    words = _position_words(text)
    if not words or len(words) > MAX_POSITION_WORDS:
        return NONE
    found: list[int] = []
    for word in words:
        if word in data.positions:
            found.append(data.positions[word])
        elif word not in data.filler:
            return NONE
    # "one" is also filler: "the third one" is the third, "number one" the first.
    named = [w for w in words if w in data.positions]
    strong = [n for w, n in zip(named, found, strict=True) if w != "one"]
    picked = list(dict.fromkeys(strong or found))
    if not picked or len(picked) > 2:
        return NONE
    last = {w for w, n in data.positions.items() if n == len(TAKEAWAY_IDS)} & LAST_WORDS
    if any(w in last for w in words):
        picked = [len(menu) if n == len(TAKEAWAY_IDS) else n for n in picked]
    if any(n > len(menu) for n in picked):
        return NONE
    modules = tuple(dict.fromkeys(menu[n - 1] for n in sorted(picked)))
    return ModuleChoice(modules=modules, via="position", evidence=tuple(words))


def by_words(text: str, data: ChoiceData | None = None) -> ModuleChoice:
    """The module (or two) the message's words point at, with the cues that matched."""
    data = data or load_choice_data()
    folded = fold(text)
    scores: list[tuple[str, float]] = []
    evidence: list[str] = []
    for module in data.modules:
        score = 0.0
        for cue in module.cues:
            found = list(dict.fromkeys(m.group(0) for m in cue.pattern.finditer(folded)))
            if found:
                # Two different hints of one kind ("hungry, tired and sad") say more than
                # one; a faint hint (below 1) never adds up.
                score += cue.weight * (min(len(found), 2) if cue.weight >= 1 else 1)
                evidence.extend(f"{module.takeaway}:{word}" for word in found)
        scores.append((module.takeaway, score))
    ranked = sorted(scores, key=lambda pair: -pair[1])
    (best, top), (runner, second) = ranked[0], ranked[1]
    # A fragment ("parents", "relationship stuff") is all cue: a hint is enough.
    fragment = len(re.findall(r"\w+", folded)) <= FRAGMENT_WORDS
    choose, runner_needed = (HINT, HINT) if fragment else (CHOOSE, SECOND)
    if top < choose:
        return ModuleChoice(modules=(), via="none", evidence=tuple(evidence), scores=tuple(scores))
    if second >= runner_needed and second >= TIE * top:
        # The menu's order, so the two buttons read the way the menu does.
        pair = tuple(t for t in TAKEAWAY_IDS if t in (best, runner))
        return ModuleChoice(pair, "words", tuple(evidence), tuple(scores))
    return ModuleChoice((best,), "words", tuple(evidence), tuple(scores))


def resolve(
    text: str, *, after_menu: bool, menu: tuple[str, ...] = TAKEAWAY_IDS
) -> ModuleChoice:
    """The module(s) a typed message chooses: positions only right after a module list."""
    if after_menu:
        positioned = by_position(text, menu or TAKEAWAY_IDS)
        if positioned.modules:
            return positioned
    return by_words(text)


def modules_in_buttons(buttons: list[Any]) -> tuple[str, ...]:
    """Module ids named by button payloads, in order; () unless at least two are."""
    found: list[str] = []
    for button in buttons:
        payload = str(button.get("payload", "")) if isinstance(button, Mapping) else ""
        if not payload.startswith("/choose_module"):
            continue
        for takeaway in TAKEAWAY_IDS:
            if f'"{takeaway}"' in payload and takeaway not in found:
                found.append(takeaway)
    return tuple(found) if len(found) >= 2 else ()
