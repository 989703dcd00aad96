"""Close a module: what the person explored, in words, and where to go next.

The summary names depth in words rather than numbers, repeats the feelings
the person named, picks one thing they did well and one small next step, and
suggests the concept that best fits what they wrote. Style labels are never
inferred from answers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bot.ids import FOLLOWUP_KEYS
from bot.scoring.result import ELEMENT_KEYS, ScoreResult
from bot.scoring.templates import section

STRENGTH_ORDER = (
    "perspective",
    "assumption",
    "past_present",
    "lesson",
    "pattern",
    "granularity",
    "future_intention",
    "feelings",
    "experience",
)


@dataclass(frozen=True)
class Summary:
    """Chat-sized closing lines plus the concept worth offering next."""

    lines: list[str]
    concept_id: str


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def suggest_concept(results: Sequence[ScoreResult]) -> str:
    """The DESIGN concept that best fits what was written; deterministic."""
    answered = [r for r in results if r.depth > 0]
    if not answered:
        return "internal_working_model"
    negative_self = sum(r.self_view in ("negative", "mixed") for r in answered)
    negative_other = sum(r.other_view in ("negative", "mixed") for r in answered)
    changing = any(
        r.elements["future_intention"] or "assumption" in r.moves for r in answered
    )
    if negative_self and negative_self >= negative_other:
        return "self_model"
    if negative_other:
        return "plasticity" if changing else "other_model"
    mean_granularity = sum(r.granularity for r in answered) / len(answered)
    past = any(r.past_link or r.takeaway == "early_experiences" for r in answered)
    if mean_granularity < 2:
        return "attunement" if past else "internal_working_model"
    if any(r.past_link for r in answered):
        return "formation"
    if any(r.other_view == "positive" for r in answered):
        return "secure_base"
    return "internal_working_model"


def _strength(results: Sequence[ScoreResult]) -> str:
    present: set[str] = set()
    for r in results:
        present.update(k for k in ELEMENT_KEYS if r.elements[k])
        present.update(r.moves)
        if r.granularity >= 3:
            present.add("granularity")
    for key in STRENGTH_ORDER:
        if key in present:
            return key
    return "showing_up"


def _next_step(results: Sequence[ScoreResult]) -> str:
    counts = Counter(key for r in results for key in r.missing)
    if not counts:
        return "keep_going"
    return max(FOLLOWUP_KEYS, key=lambda k: (counts[k], -FOLLOWUP_KEYS.index(k)))


def _answered(words: dict[str, str], prompts: int, followups: int) -> str:
    """"3 prompts and 2 follow-up questions": each kind counted on its own."""
    count = words["answers_one"] if prompts == 1 else words["answers_many"].format(n=prompts)
    if followups <= 0:
        return count
    extra = (
        words["followups_one"] if followups == 1 else words["followups_many"].format(n=followups)
    )
    return words["answers_with_followups"].format(prompts=count, followups=extra)


def compose_summary(
    takeaway_title: str, answers: Sequence[tuple[str, ScoreResult]], *, followups: int = 0
) -> Summary:
    """Closing lines for one module; skipped prompts are simply absent.

    ``answers`` holds every stored answer, prompts and follow-ups alike, so the
    rubric reads all of it; ``followups`` says how many of them answered a
    follow-up question, so the count a person reads matches what they were asked.
    """
    words = section("summary")
    results = [result for _, result in answers]
    concept = suggest_concept(results)
    invite = words["invite"].format(concept=words["concepts"][concept])
    if not results:
        return Summary([words["skipped"].format(title=takeaway_title), invite], concept)

    followups = min(max(followups, 0), len(results) - 1)
    count = _answered(words, len(results) - followups, followups)
    topics = [words["topics"][k] for k in ELEMENT_KEYS if any(r.elements[k] for r in results)]
    if topics:
        explored = words["explored"].format(title=takeaway_title, count=count, topics=_join(topics))
    else:
        explored = words["explored_little"].format(title=takeaway_title, count=count)

    depth_words = words["depth_words"]
    low, high = min(r.depth for r in results), max(r.depth for r in results)
    if low == high:
        depth_line = words["depth_same"].format(deepest=depth_words[high])
    else:
        depth_line = words["depth_range"].format(
            shallowest=depth_words[low], deepest=depth_words[high]
        )

    feelings: list[str] = []
    for result in results:
        for name in result.named_emotions:
            if name not in feelings:
                feelings.append(name)
    if feelings:
        feeling_line = words["feelings"].format(feelings=_join([f'"{f}"' for f in feelings]))
    else:
        feeling_line = words["no_feelings"]

    lines = [
        explored,
        depth_line,
        feeling_line,
        words["strengths"][_strength(results)],
        words["next_steps"][_next_step(results)],
        invite,
    ]
    return Summary(lines=lines, concept_id=concept)
