"""score_answer: one free-text answer in, one explainable ScoreResult out."""

from __future__ import annotations

from bot.scoring import depth as depth_rules
from bot.scoring.elements import find, to_evidence
from bot.scoring.emotions import find_emotions, granularity
from bot.scoring.result import ELEMENT_KEYS, Evidence, ScoreResult, check_takeaway
from bot.scoring.text import Analysis
from bot.scoring.views import assess

CRITICAL_MOVES = ("assumption", "perspective", "past_present", "future_intention")


def _has(evidence: list[Evidence], dimension: str) -> bool:
    return any(e.dimension == dimension for e in evidence)


def score_answer(text: str, takeaway: str) -> ScoreResult:
    """Score one answer against the rubric; pure apart from the cached lexicon."""
    check_takeaway(takeaway)
    text = text if isinstance(text, str) else ""
    analysis = Analysis(text)
    mentions = find_emotions(analysis)
    named = [m for m in mentions if not m.negated]
    level = granularity(mentions)

    hits = {label: find(label, analysis) for label in (
        "episode", "narrative", "self_belief", "other_belief", "pattern", "perspective",
        "lesson", "future_intention", "assumption", "link", "past", "present",
    )}
    narrative_strong = len(hits["narrative"]) >= 1
    self_view, other_view, view_evidence = assess(analysis)
    elements = {
        "experience": bool(hits["episode"]) or narrative_strong,
        "feelings": bool(named),
        "self_belief": bool(hits["self_belief"]) or _has(view_evidence, "self_view"),
        "other_belief": bool(hits["other_belief"]) or _has(view_evidence, "other_view"),
        "pattern": bool(hits["pattern"]),
        "perspective": bool(hits["perspective"]),
        "lesson": bool(hits["lesson"]),
        "future_intention": bool(hits["future_intention"]),
    }
    if other_view == "negative" and elements["perspective"]:
        other_view = "mixed"  # weighing another reading softens a one-sided view
    past_link = bool(hits["link"]) or (bool(hits["past"]) and bool(hits["present"]))
    moves = tuple(
        move
        for move, present in (
            ("assumption", bool(hits["assumption"])),
            ("perspective", elements["perspective"]),
            ("past_present", past_link),
            ("future_intention", elements["future_intention"]),
        )
        if present
    )
    dont_know = depth_rules.is_dont_know(text)
    any_cue = bool(mentions) or any(elements[k] for k in ELEMENT_KEYS if k != "experience")
    on_topic = depth_rules.is_on_topic(analysis, any_cue)
    depth = depth_rules.score_depth(
        depth_rules.DepthInputs(
            elements=elements,
            granularity=level,
            moves=moves,
            past_link=past_link,
            dont_know=dont_know,
            on_topic=on_topic,
            token_count=len(analysis.tokens),
            causal=depth_rules.has_causal_link(text),
        )
    )

    evidence: list[Evidence] = [
        Evidence("emotion", m.canonical, m.start, m.end, m.word) for m in named
    ]
    for key, label in (("episode", "experience"), ("narrative", "experience")):
        evidence += to_evidence(label, hits[key][:2], text)
    for key in ELEMENT_KEYS[2:]:
        evidence += to_evidence(key, hits[key], text)
    evidence += to_evidence("assumption", hits["assumption"], text)
    if past_link:
        evidence += to_evidence("past_present", hits["link"] or hits["past"][:1], text)
    evidence += view_evidence
    evidence.sort(key=lambda e: (e.start, e.end))

    past = bool(hits["past"]) or bool(hits["link"])
    return ScoreResult(
        takeaway=takeaway,
        depth=depth,
        elements=elements,
        emotions=mentions,
        granularity=level,
        self_view=self_view,
        other_view=other_view,
        evidence=tuple(evidence),
        missing=depth_rules.missing_followups(takeaway, elements, level, past),
        moves=moves,
        past_link=past_link,
        dont_know=dont_know,
        on_topic=on_topic,
    )
