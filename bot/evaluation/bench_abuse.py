"""How the running bot holds up against floods and bad input (``make bench-abuse``).

Starts the real action server and Rasa server on free loopback ports with
throw-away databases (as ``bench-conversation`` does) and sends, over REST and
socket.io, what abusers and broken integrations send: no sender, odd senders,
non-text messages, broken JSON, oversized bodies, deep nesting, typed and
replayed payloads, a guessed id asking for an export, and floods. For every case
it records what was tried, what came back, and whether anything was lost: a
message let in must be answered and stored; a message refused must be answered
calmly and not stored. Writes ``var/bench/abuse.json`` and prints a Markdown
table for the README. The flood case reports the other senders' reply times
with and without one flooding sender (reported, not judged).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from bot.evaluation.abuse_clients import Rest, Widget, reply_text, texts, user_messages_stored
from bot.evaluation.conversation import throwaway_stack, write_result
from bot.launcher import MODEL_PATH
from bot.settings import PROJECT_ROOT

ANSWER = (
    "When my friend cancelled I felt disappointed and a bit lonely. I used to think it meant"
    " I wasn't important, but maybe she was overwhelmed."
)
# Limits for the bench run: the defaults for a sender; per address lower than the default
# (300/min) so that the address flood shows the limit within a bounded number of messages.
SENDER_PER_MINUTE = 30
ADDRESS_PER_MINUTE = 60


class Bench:
    def __init__(self, rasa_url: str, tracker_db: str) -> None:
        self.rasa_url = rasa_url
        self.tracker_db = tracker_db
        self.rest = Rest(rasa_url)
        self.rows: list[dict[str, Any]] = []

    def stored(self, sender: str) -> int:
        return user_messages_stored(self.tracker_db, sender)

    def record(
        self, case: str, channel: str, tried: str, status: Any, answer: str, *, stored: int,
        expected_stored: int,
    ) -> None:
        lost = not answer.strip() or stored != expected_stored
        self.rows.append({
            "case": case, "channel": channel, "tried": tried, "status": status,
            "answered": " ".join(answer.split())[:160], "stored": stored,
            "expected_stored": expected_stored, "lost": lost,
        })

    def rest_case(self, case: str, tried: str, send: Callable[[], httpx.Response],
                  sender: str, *, let_in: bool) -> httpx.Response:
        before = self.stored(sender) if sender else 0
        response = send()
        after = self.stored(sender) if sender else 0
        self.record(case, "rest", tried, response.status_code, reply_text(response),
                    stored=after - before, expected_stored=1 if let_in else 0)
        return response


def rest_bad_input(bench: Bench) -> None:
    rest = bench.rest
    cases: list[tuple[str, str, Callable[[], httpx.Response], str, bool]] = [
        ("missing sender", '{"message": "hi"}', lambda: rest.post({"message": "hi"}),
         "default", False),
        ("empty sender", '{"sender": ""}', lambda: rest.say("", "hi"), "default", False),
        ("10,000-character sender", "sender of 10,000 x", lambda: rest.say("x" * 10_000, "hi"),
         "x" * 10_000, False),
        ("control characters in sender", "sender 'a\\x00\\x1b[31m'",
         lambda: rest.say("a\x00\x1b[31m", "hi"), "a\x00\x1b[31m", False),
        ("path characters in sender", "sender '../../etc/passwd'",
         lambda: rest.say("../../etc/passwd", "hi"), "../../etc/passwd", False),
        ("message null", '"message": null', lambda: rest.say("bad-null", None), "bad-null", False),
        ("message object", '"message": {...}', lambda: rest.say("bad-obj", {"a": 1}),
         "bad-obj", False),
        ("message list", '"message": [...]', lambda: rest.say("bad-list", ["a"]),
         "bad-list", False),
        ("malformed JSON", "a cut-off JSON body",
         lambda: rest.raw(b'{"sender": "bad-json", "message": "hi'), "bad-json", False),
        ("wrong content type", "text/plain body",
         lambda: rest.raw(b'{"sender": "bad-ct", "message": "hi"}', "text/plain"),
         "bad-ct", False),
        ("1 MB message", "1,000,000 characters", lambda: rest.say("big", "a" * 1_000_000),
         "big", False),
        ("30,000-character message", "just over the 25,000 cap",
         lambda: rest.say("long", "I feel " * 4300), "long", False),
        ("deeply nested body", "50,000 nested lists",
         lambda: rest.raw(b"[" * 50_000 + b"]" * 50_000), "", False),
        ("nested metadata", "metadata nested 12 deep",
         lambda: rest.post({"sender": "meta", "message": "hi", "metadata": _nested(12)}),
         "meta", False),
        ("long allowed answer", "20,000 characters of reflection",
         lambda: rest.say("long-ok", ANSWER * 120), "long-ok", True),
        ("typed payload", 'a person types "/delete_data"',
         lambda: rest.say("typed", "/delete_data"), "typed", True),
    ]
    for case, tried, send, sender, let_in in cases:
        bench.rest_case(case, tried, send, sender, let_in=let_in)


def _nested(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = {"a": value}
    return value


def replayed_affirm(bench: Bench) -> None:
    """A stray "yes" after another message never deletes; one right after the question does."""
    who = "replay-affirm"
    for message in (ANSWER, "delete my data", "what is an internal working model"):
        bench.rest.say(who, message)
    before = bench.stored(who)
    answer = reply_text(bench.rest.say(who, "/affirm"))
    kept = bench.stored(who) == before + 1
    bench.record("replayed /affirm", "rest", "/affirm after an unrelated message", 200,
                 answer + ("" if kept else " [DELETED]"), stored=int(kept), expected_stored=1)


async def widget_cases(bench: Bench) -> None:
    owner = Widget(bench.rasa_url)
    session = await owner.open(None)
    await owner.say("hi")
    await owner.say(ANSWER)
    bench.rest.say(session, "export my data")
    confirm = bench.rest.say(session, "yes")
    leaked = "securebase_export" in confirm.text
    bench.record("guessed id asks for an export", "rest", "a widget id over REST, then yes",
                 confirm.status_code, reply_text(confirm), stored=int(leaked), expected_stored=0)
    cases: tuple[tuple[str, str, Any], ...] = (
        ("message not an object", "a list instead of an object", ["a", "list"]),
        ("message null", "no data at all", None),
        ("text is an object", '"message": {...}', {"message": {"a": 1}, "session_id": session}),
        ("another session's id", "a session id this socket was not given",
         {"message": "hi", "session_id": "f" * 32}),
        ("oversized text", "30,000 characters", {"message": "a" * 30_000, "session_id": session}),
    )
    for case, tried, data in cases:
        before = bench.stored(session)
        replies = await owner.send(data)
        bench.record(case, "socketio", tried, "emit", texts(replies),
                     stored=bench.stored(session) - before, expected_stored=0)
    chosen = Widget(bench.rasa_url)
    got = await chosen.open("alice")
    bench.record("chosen session id", "socketio", 'session_request "alice"', "emit",
                 f"given {len(got)}-character id instead", stored=int(got == "alice"),
                 expected_stored=0)
    await chosen.close()
    await owner.close()


def flood(bench: Bench, seconds: float) -> dict[str, Any]:
    """Other senders' reply times alone, then while one sender floods as fast as it can."""
    calm = [f"calm-{n}" for n in range(3)]

    def calm_round(tag: str) -> list[float]:
        timings = []
        for number in range(6):
            for who in calm:
                start = time.perf_counter()
                message = "what is a secure base" if number else "hi"
                response = bench.rest.say(f"{who}-{tag}", message)
                timings.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    timings[-1] = float("nan")
        return timings

    alone = calm_round("alone")
    counts = {"sent": 0, "let_in": 0, "refused": 0, "no_answer": 0}
    stop = threading.Event()
    lock = threading.Lock()

    def flooder() -> None:
        # The flooder has its own address, as it would in the wild; the address flood is below.
        rest = Rest(bench.rasa_url, local_address="127.0.0.4", timeout=60)
        while not stop.is_set():
            response = rest.say("flooder", "spam")
            if response.status_code == 200 and reply_text(response):
                outcome = "let_in"
            elif response.status_code == 429 and reply_text(response):
                outcome = "refused"
            else:
                outcome = "no_answer"
            with lock:
                counts["sent"] += 1
                counts[outcome] += 1
        rest.close()

    threads = [threading.Thread(target=flooder) for _ in range(4)]
    for thread in threads:
        thread.start()
    during = calm_round("flood")
    time.sleep(max(0.0, seconds - 1))
    stop.set()
    for thread in threads:
        thread.join()
    stored = bench.stored("flooder")
    answer = f"{counts['let_in']} answered, {counts['refused']} refused calmly"
    bench.record("one sender floods", "rest", f"{counts['sent']} messages from 4 threads", 429,
                 "" if counts["no_answer"] else answer,
                 stored=stored, expected_stored=counts["let_in"])
    return {
        "flood_messages": counts,
        "others_alone_ms": _summary(alone),
        "others_during_flood_ms": _summary(during),
    }


def address_flood(bench: Bench) -> dict[str, Any]:
    """Many senders from one other address: the address limit turns the surplus away."""
    rest = Rest(bench.rasa_url, local_address="127.0.0.2")
    statuses: dict[int, int] = {}
    stored_wrongly = 0
    for number in range(ADDRESS_PER_MINUTE + 20):
        who = f"same-address-{number}"
        response = rest.say(who, "hi")
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if (response.status_code == 200) != (bench.stored(who) == 1) or not reply_text(response):
            stored_wrongly += 1
    rest.close()
    other = bench.rest.say("other-address", "hi")
    shown = ", ".join(f"{count}× {status}" for status, count in sorted(statuses.items()))
    bench.record("one address, many senders", "rest",
                 f"{ADDRESS_PER_MINUTE + 20} senders from 127.0.0.2", shown,
                 f"another address still answered: {other.status_code}",
                 stored=stored_wrongly, expected_stored=0)
    return {"statuses": statuses}


def _summary(timings: list[float]) -> dict[str, float]:
    ok = sorted(t for t in timings if t == t)
    return {
        "median": round(statistics.median(ok), 1) if ok else -1.0,
        "p90": round(ok[int(0.9 * (len(ok) - 1))], 1) if ok else -1.0,
        "failed": len(timings) - len(ok),
    }


def run(model: Path = MODEL_PATH, flood_seconds: float = 5.0) -> dict[str, Any]:
    with throwaway_stack(
        model=model, prefix="securebase-abuse-", sender_rate_per_minute=SENDER_PER_MINUTE,
        address_rate_per_minute=ADDRESS_PER_MINUTE,
    ) as stack:
        bench = Bench(stack.settings.rasa_url, stack.settings.tracker_db)
        bench.rest.say("warm-up", "hi")
        rest_bad_input(bench)
        replayed_affirm(bench)
        asyncio.run(widget_cases(bench))
        latency = flood(bench, flood_seconds)
        addresses = address_flood(bench)
        bench.rest.close()
    return {
        "limits": {"sender_per_minute": SENDER_PER_MINUTE,
                   "address_per_minute": ADDRESS_PER_MINUTE},
        "cases": bench.rows,
        "lost": sum(1 for row in bench.rows if row["lost"]),
        "flood": latency,
        "address_flood": addresses,
    }


def markdown(result: dict[str, Any]) -> str:
    lines = ["| case | channel | tried | status | answered | lost |", "|---|---|---|---|---|---|"]
    for row in result["cases"]:
        answered = row["answered"].replace("|", "/")
        answered = answered if len(answered) <= 72 else answered[:70].rstrip() + " …"
        tried = str(row["tried"]).replace("|", "/")
        lost = "**yes**" if row["lost"] else "no"
        cells = (row["case"], row["channel"], tried, row["status"], answered, lost)
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.bench_abuse")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "var/bench/abuse.json")
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--flood-seconds", type=float, default=5.0)
    args = parser.parse_args(argv)
    result = run(args.model, args.flood_seconds)
    write_result(args.out, result, left_out="cases")
    print(markdown(result))
    return 1 if result["lost"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
