"""Command line: ``python -m bot score ...``, ``risk ...`` and ``therapist ...``.

``score`` and ``risk`` print one JSON object per answer or message; ``therapist``
manages portal accounts. See ``--help`` of each.
"""

from __future__ import annotations

import sys

USAGE = """usage: python -m bot {score,risk,therapist} [options]

  score --takeaway ID --text TEXT | --jsonl FILE   rubric scores and feedback, one JSON a line
  risk  --text TEXT | --jsonl FILE                 risk level and evidence, one JSON a line
  therapist {add,list,disable,enable,reset-password} ...   portal accounts (operator only)
"""


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print(USAGE, end="", file=sys.stdout if args else sys.stderr)
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command == "score":
        from bot.scoring.cli import main as score_main

        return score_main(rest)
    if command == "risk":
        from bot.safety.cli import main as risk_main

        return risk_main(rest)
    if command == "therapist":
        from bot.portal.cli import main as therapist_main

        return therapist_main(rest)
    print(f"unknown command {command!r}\n{USAGE}", end="", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
