"""The load benchmark's client: many people talking to a Rasa REST webhook at once (tooling).

Why not Locust: installing it into the project's virtualenv upgrades
python-socketio past the project's pin (<5.10), and Rasa 3.6.21's socket.io
channel loses replies on 5.10+ (see DESIGN.md). A bench tool must not break the
thing it measures, so this is a small asyncio client on httpx (already a
dependency). Each person sends their script one message at a time, waiting for
the reply like someone typing; all people run at once. Only 127.0.0.1 is
contacted.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

# Phrases of the calm "technical problem" reply the no-silence guard sends.
TECHNICAL_PROBLEM = "technical problem"


@dataclass
class Turn:
    """One message and what came back."""

    person: int
    index: int
    ms: float
    status: int  # HTTP status, 0 when the request itself failed
    texts: list[str] = field(default_factory=list)

    @property
    def error(self) -> bool:
        return self.status != 200

    @property
    def empty(self) -> bool:
        return self.status == 200 and not self.texts

    @property
    def technical_problem(self) -> bool:
        return any(TECHNICAL_PROBLEM in text for text in self.texts)


async def _say(
    client: httpx.AsyncClient, url: str, sender: str, message: str
) -> tuple[int, list[str]]:
    try:
        response = await client.post(url, json={"sender": sender, "message": message})
    except httpx.HTTPError:
        return 0, []
    if response.status_code != 200:
        return response.status_code, []
    try:
        body: Any = response.json()
    except ValueError:
        return 0, []
    return 200, [str(m.get("text", "")) for m in body if isinstance(m, dict) and m]


async def _person(
    client: httpx.AsyncClient, url: str, sender: str, number: int, script: Sequence[str]
) -> list[Turn]:
    turns = []
    for index, message in enumerate(script):
        started = time.perf_counter()
        status, texts = await _say(client, url, sender, message)
        turns.append(Turn(number, index, (time.perf_counter() - started) * 1000, status, texts))
    return turns


async def _crowd(
    url: str, prefix: str, scripts: Sequence[Sequence[str]]
) -> tuple[list[Turn], float]:
    limits = httpx.Limits(max_connections=len(scripts) + 4, max_keepalive_connections=len(scripts))
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        started = time.perf_counter()
        people = await asyncio.gather(
            *(_person(client, url, f"{prefix}-{n}", n, s) for n, s in enumerate(scripts))
        )
        elapsed = time.perf_counter() - started
    return [turn for person in people for turn in person], elapsed


def run_crowd(url: str, prefix: str, scripts: Sequence[Sequence[str]]) -> tuple[list[Turn], float]:
    """Every script as one person, all at once; the turns and the wall time in seconds."""
    return asyncio.run(_crowd(url, prefix, scripts))


def say_once(url: str, sender: str, message: str, timeout: float = 5) -> list[str]:
    """One message, the reply texts ([] on any failure): for warm-up and start-up checks."""
    try:
        response = httpx.post(url, json={"sender": sender, "message": message}, timeout=timeout)
        body = response.json() if response.status_code == 200 else []
    except (httpx.HTTPError, ValueError):
        return []
    return [str(m.get("text", "")) for m in body if isinstance(m, dict)]


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1), as load tools report it."""
    ordered = sorted(values)
    rank = max(1, -(-int(share * 1000) * len(ordered) // 1000))
    return ordered[min(rank, len(ordered)) - 1]


def summarise(turns: Sequence[Turn], seconds: float) -> dict[str, Any]:
    """Throughput, latency percentiles and failures of one scenario."""
    ms = [t.ms for t in turns]
    return {
        "messages": len(turns),
        "seconds": round(seconds, 2),
        "messages_per_s": round(len(turns) / seconds, 2),
        "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(percentile(ms, 0.95), 1),
        "max_ms": round(max(ms), 1),
        "errors": sum(t.error for t in turns),
        "empty_replies": sum(t.empty for t in turns),
        "technical_problem_replies": sum(t.technical_problem for t in turns),
    }


# 48 turns hold whole cycles of both scripts (SecureBase: 8 turns a module, stock: 6), so the
# first and last 48 compare the same kinds of turns; turns 1-5 and 296-300 do not.
SAME_MIX = 48


def summarise_long(turns: Sequence[Turn], window: int = 5) -> dict[str, Any]:
    """One long conversation: its median, and the first and last ``window`` turns."""
    ms = [t.ms for t in turns]
    first, last = statistics.median(ms[:window]), statistics.median(ms[-window:])
    mix_first = statistics.median(ms[1 : 1 + SAME_MIX])  # after the greeting
    mix_last = statistics.median(ms[-SAME_MIX:])
    return {
        "same_mix_window": SAME_MIX,
        "same_mix_first_median_ms": round(mix_first, 1),
        "same_mix_last_median_ms": round(mix_last, 1),
        "same_mix_last_vs_first": round(mix_last / mix_first, 2),
        "turns": len(turns),
        "median_ms": round(statistics.median(ms), 1),
        "first_20_median_ms": round(statistics.median(ms[:20]), 1),
        "first_turns_median_ms": round(first, 1),
        "last_turns_median_ms": round(last, 1),
        "window": window,
        "last_vs_first": round(last / first, 2),
        "errors": sum(t.error for t in turns),
        "empty_replies": sum(t.empty for t in turns),
        "technical_problem_replies": sum(t.technical_problem for t in turns),
        "all_ms": [round(m, 1) for m in ms],
        # The bench's own scripted messages: shows the conversation went where it should.
        "first_replies": [t.texts for t in turns[:10]],
    }
