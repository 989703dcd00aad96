"""The load bench's pieces that need no servers: scripts, statistics, the report."""

from __future__ import annotations

import os
from pathlib import Path

from bot.evaluation import bench_load
from bot.evaluation.load_client import Turn, percentile, summarise, summarise_long
from bot.evaluation.load_report import markdown_table, ratios


def test_securebase_script__is_a_real_journey_greeting_module_mood_answers_concept_progress() -> (
    None
):
    script = bench_load.securebase_script(20, first_module=1)
    assert script[0] == "hi"
    assert script[1].startswith('/choose_module{"takeaway": "relationship_patterns"')
    assert script[2] == "3" and script[3] == script[4] == script[5] and len(script[3]) > 100
    assert "internal working model" in script[7] and "done so far" in script[8]
    assert script[9].startswith("/choose_module") and len(script) == 20


def test_percentile__nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.95) == 95 and percentile(values, 0.5) == 50
    assert percentile([7.0], 0.95) == 7


def test_summarise__counts_errors_empty_and_technical_problem_replies() -> None:
    turns = [
        Turn(0, 0, 10, 200, ["Hello"]),
        Turn(0, 1, 30, 200, []),
        Turn(1, 0, 20, 500, []),
        Turn(1, 1, 40, 200, ["Sorry, I'm having a technical problem and couldn't answer"]),
    ]
    block = summarise(turns, seconds=2)
    assert block["messages_per_s"] == 2 and block["max_ms"] == 40
    assert (block["errors"], block["empty_replies"], block["technical_problem_replies"]) == (
        1,
        1,
        1,
    )


def _system(ms_per_turn: float, rasa_mb: float) -> dict:
    turns = [Turn(0, i, ms_per_turn * (1 + i / 300), 200, ["ok"]) for i in range(300)]
    crowd = summarise(turns[:40], seconds=40 * ms_per_turn / 1000)
    return {
        "cold_start_s": 30.0,
        "concurrent": {"people": 20, "turns_each": 20, **crowd, "cpu_ms_per_message": {}},
        "one_person": summarise_long(turns),
        "peak_rss_mb": {"rasa": rasa_mb},
    }


def test_report__ratios_are_securebase_over_stock_and_every_target_has_a_row() -> None:
    stock, ours = _system(40, 1000), _system(60, 1200)
    result = {"systems": {"stock": stock, "securebase": ours}, "ratios": ratios(stock, ours)}
    assert result["ratios"]["p50"] == 1.5 and result["ratios"]["rasa_rss"] == 1.2
    assert result["ratios"]["throughput"] == round(1 / 1.5, 2)
    table = markdown_table(result)
    for target in ("≥ 0.8×", "≤ 1.3×", "≤ 1.5×", "≤ 1.2×", "last ≤ 1.2× first", "0 / 0 / 0"):
        assert target in table
    assert "— (no custom actions)" in table


def test_ensure_stock_model__reuses_a_trained_model(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    model = tmp_path / "models" / "20260101-000000-stock.tar.gz"
    model.write_bytes(b"")
    assert bench_load.ensure_stock_model(tmp_path) == model


def test_process_tree_memory_and_cpu_are_read_from_proc() -> None:
    assert bench_load.tree_rss_kb(os.getpid()) > 1000
    assert bench_load.tree_cpu_s(os.getpid()) > 0
