"""`python -m bot score`: score answers from the command line, one JSON object each.

    score --takeaway ID --text TEXT
    score --jsonl FILE        (one {"takeaway": ..., "text": ...} a line; "-" reads stdin)

Exit status 2 with a message on stderr for an unknown takeaway or input that
cannot be read or parsed; nothing is printed for a file with a bad line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from bot.ids import TAKEAWAY_IDS
from bot.scoring.feedback import compose_feedback
from bot.scoring.scorer import score_answer

EXIT_USAGE = 2


class InputError(ValueError):
    """The input cannot be scored; the message says where and why."""


def _followups(takeaway: str) -> Mapping[str, str]:
    from bot.content import load_catalog  # content loads lazily: scoring stays import-light

    return load_catalog().takeaways[takeaway].followups


def score_one(takeaway: str, text: str) -> dict[str, Any]:
    """The tool-facing record for one answer: the score plus the feedback text."""
    if takeaway not in TAKEAWAY_IDS:
        known = ", ".join(TAKEAWAY_IDS)
        raise InputError(f"unknown takeaway {takeaway!r}; expected one of {known}")
    if not isinstance(text, str):
        raise InputError("text must be a string")
    result = score_answer(text, takeaway)
    feedback = compose_feedback(text, result, takeaway, _followups(takeaway))
    record = result.to_dict()
    record["feedback"] = feedback.text
    record["followup_key"] = feedback.followup_key
    return record


def _read_jsonl(handle: TextIO, name: str) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{number}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise InputError(f"{name}:{number}: expected an object with a string 'text'")
        takeaway = row.get("takeaway")
        if takeaway not in TAKEAWAY_IDS:
            raise InputError(f"{name}:{number}: unknown takeaway {takeaway!r}")
        items.append((str(takeaway), row["text"]))
    return items


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot score", description="Score reflection answers with the rubric."
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="one answer to score (needs --takeaway)")
    source.add_argument("--jsonl", help='file of {"takeaway": ..., "text": ...} lines, or -')
    parser.add_argument("--takeaway", help=f"module id: {', '.join(TAKEAWAY_IDS)}")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point for `python -m bot score`; returns the process exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage message
        return int(exc.code or 0) and EXIT_USAGE
    try:
        if args.text is not None:
            if not args.takeaway:
                raise InputError("--text needs --takeaway")
            records = [score_one(args.takeaway, args.text)]
        else:
            if args.jsonl == "-":
                items = _read_jsonl(sys.stdin, "<stdin>")
            else:
                try:
                    with Path(args.jsonl).open(encoding="utf-8") as handle:
                        items = _read_jsonl(handle, args.jsonl)
                except (OSError, UnicodeDecodeError) as exc:
                    raise InputError(f"cannot read {args.jsonl}: {exc}") from None
            records = [score_one(takeaway, text) for takeaway, text in items]
    except InputError as exc:
        print(f"score: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for record in records:
        print(json.dumps(record, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
