"""Ratios and the markdown table of ``make bench-load`` (tooling).

The targets are issue 13's, as ratios to the stock bot in the same run; they
are reported, not asserted: a busy machine moves both columns.
"""

from __future__ import annotations

from typing import Any


def _ratio(ours: float, theirs: float) -> float | None:
    return round(ours / theirs, 2) if theirs else None


def ratios(stock: dict[str, Any], ours: dict[str, Any]) -> dict[str, Any]:
    """SecureBase divided by stock for every compared figure (higher throughput is better)."""
    crowd_s, crowd_o = stock["concurrent"], ours["concurrent"]
    long_s, long_o = stock["one_person"], ours["one_person"]
    return {
        "throughput": _ratio(crowd_o["messages_per_s"], crowd_s["messages_per_s"]),
        "p50": _ratio(crowd_o["p50_ms"], crowd_s["p50_ms"]),
        "p95": _ratio(crowd_o["p95_ms"], crowd_s["p95_ms"]),
        "max": _ratio(crowd_o["max_ms"], crowd_s["max_ms"]),
        "one_person_median": _ratio(long_o["median_ms"], long_s["median_ms"]),
        "one_person_first_20_median": _ratio(
            long_o["first_20_median_ms"], long_s["first_20_median_ms"]
        ),
        "rasa_rss": _ratio(ours["peak_rss_mb"]["rasa"], stock["peak_rss_mb"]["rasa"]),
        "cold_start": _ratio(ours["cold_start_s"], stock["cold_start_s"]),
    }


def _failures(block: dict[str, Any]) -> str:
    return f"{block['errors']} / {block['empty_replies']} / {block['technical_problem_replies']}"


def _failures_all_rounds(system: dict[str, Any]) -> str:
    rounds = system.get("concurrent_rounds") or [system["concurrent"]]
    keys = ("errors", "empty_replies", "technical_problem_replies")
    return " / ".join(str(sum(block[key] for block in rounds)) for key in keys)


def _growth(block: dict[str, Any]) -> str:
    return (
        f"{block['first_turns_median_ms']:.0f} → {block['last_turns_median_ms']:.0f} ms"
        f" ({block['last_vs_first']}×)"
    )


def _mix(block: dict[str, Any]) -> str:
    return (
        f"{block['same_mix_first_median_ms']:.0f} → {block['same_mix_last_median_ms']:.0f} ms"
        f" ({block['same_mix_last_vs_first']}×)"
    )


def _x(value: float | None) -> str:
    return "—" if value is None else f"{value}×"


def markdown_table(result: dict[str, Any]) -> str:
    """One row per figure: stock, SecureBase, SecureBase ÷ stock, and the issue's target."""
    stock, ours = result["systems"]["stock"], result["systems"]["securebase"]
    r = result["ratios"]
    crowd_s, crowd_o = stock["concurrent"], ours["concurrent"]
    long_s, long_o = stock["one_person"], ours["one_person"]
    crowd = f"{crowd_s['people']} people × {crowd_s['turns_each']} turns"
    n = crowd + (", best round" if len(stock.get("concurrent_rounds", [])) > 1 else "")
    rows = [
        (f"{n}: messages/s", crowd_s["messages_per_s"], crowd_o["messages_per_s"],
         _x(r["throughput"]), "≥ 0.8×"),
        (f"{n}: p50", f"{crowd_s['p50_ms']:.0f} ms", f"{crowd_o['p50_ms']:.0f} ms",
         _x(r["p50"]), ""),
        (f"{n}: p95", f"{crowd_s['p95_ms']:.0f} ms", f"{crowd_o['p95_ms']:.0f} ms",
         _x(r["p95"]), "≤ 1.3×"),
        (f"{n}: max", f"{crowd_s['max_ms']:.0f} ms", f"{crowd_o['max_ms']:.0f} ms",
         _x(r["max"]), ""),
        (f"{crowd}, all rounds: errors / empty / technical-problem replies",
         _failures_all_rounds(stock), _failures_all_rounds(ours), "", "0 / 0 / 0"),
        (f"one person × {long_s['turns']} turns: median", f"{long_s['median_ms']:.0f} ms",
         f"{long_o['median_ms']:.0f} ms", _x(r["one_person_median"]), "≤ 1.5×"),
        ("one person: median of turns 1–20", f"{long_s['first_20_median_ms']:.0f} ms",
         f"{long_o['first_20_median_ms']:.0f} ms", _x(r["one_person_first_20_median"]), ""),
        (f"one person: turns 1–5 → last {long_s['window']}", _growth(long_s), _growth(long_o),
         "", "last ≤ 1.2× first"),
        (f"one person: turns 2–{long_s['same_mix_window'] + 1} → last"
         f" {long_s['same_mix_window']} (same mix of turns)", _mix(long_s), _mix(long_o),
         "", "last ≤ 1.2× first"),
        ("one person: errors / empty / technical-problem replies", _failures(long_s),
         _failures(long_o), "", "0 / 0 / 0"),
        ("Rasa peak RSS", f"{stock['peak_rss_mb']['rasa']:.0f} MB",
         f"{ours['peak_rss_mb']['rasa']:.0f} MB", _x(r["rasa_rss"]), "≤ 1.2×"),
        ("action server peak RSS", _mb(stock, "actions"), _mb(ours, "actions"), "", ""),
        (f"{n}: CPU ms per message (Rasa / action server)", _cpu(crowd_s), _cpu(crowd_o),
         "", ""),
        ("cold start to first reply", f"{stock['cold_start_s']:.1f} s",
         f"{ours['cold_start_s']:.1f} s", _x(r["cold_start"]), ""),
    ]  # fmt: skip
    lines = [
        "| | stock `rasa init` | SecureBase | SecureBase ÷ stock | target |",
        "|---|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _cpu(block: dict[str, Any]) -> str:
    cpu = block.get("cpu_ms_per_message", {})
    return " / ".join(f"{cpu[name]:.0f}" for name in ("rasa", "actions") if name in cpu) or "—"


def _mb(system: dict[str, Any], name: str) -> str:
    value = system["peak_rss_mb"].get(name)
    return "— (no custom actions)" if value is None else f"{value:.0f} MB"
