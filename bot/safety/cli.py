"""Command line: ``python -m bot risk --text TEXT`` or ``--jsonl FILE``.

Prints one JSON object ``{"level", "ask", "score", "evidence"}`` per message, in input
order: ``ask`` says whether the bot would ask directly, ``score`` is the learned net's
probability.
Unreadable input is reported on stderr with exit code 2, so a script can tell
"could not check" apart from "checked, nothing found".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from bot.safety.detector import assess_risk

EXIT_BAD_INPUT = 2


class InputError(Exception):
    """The input could not be read or a line is not a {"text": ...} object."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot risk", description="Assess messages for crisis risk."
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="one message to assess")
    source.add_argument(
        "--jsonl", type=Path, help='file with one {"text": ...} object per line ("-" for stdin)'
    )
    return parser


def _texts(path: Path) -> Iterator[str]:
    try:
        handle: TextIO = (
            sys.stdin if str(path) == "-" else path.open(encoding="utf-8")
        )
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise InputError(f'{path}:{number}: expected an object with a "text" string')
            yield record["text"]
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    finally:
        if handle is not sys.stdin:
            handle.close()


def _emit(text: str) -> None:
    print(json.dumps(assess_risk(text).to_dict(), ensure_ascii=False), flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the risk CLI; returns the process exit code."""
    args = _parser().parse_args(argv)
    if args.text is not None:
        _emit(args.text)
        return 0
    try:
        for text in _texts(args.jsonl):
            _emit(text)
    except InputError as exc:
        print(f"risk: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
