"""Command line: ``python -m bot score|risk ...``, the stored-data commands and
``therapist``.

``score`` and ``risk`` print one JSON object per answer or message; see ``--help``
of each. ``keys``, ``purge``, ``backup`` and ``restore`` look after the stored
data (:mod:`bot.storage.cli`) and print counts, never content. ``therapist``
manages portal accounts (:mod:`bot.portal.cli`).
"""

from __future__ import annotations

import sys

USAGE = """usage: python -m bot {score,risk,keys,purge,backup,restore,therapist} [options]

  score --takeaway ID --text TEXT | --jsonl FILE   rubric scores and feedback, one JSON a line
  risk  --text TEXT | --jsonl FILE                 risk level and evidence, one JSON a line
  keys  new | check | rotate [--new-local-key]     the key that encrypts stored text
  purge [--dry-run]                                delete everyone inactive > RETENTION_DAYS
  backup DIR | restore DIR [--force]               copy both SQLite databases out and back
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
    if command in {"keys", "purge", "backup", "restore"}:
        from bot.storage.cli import main as data_main

        return data_main(command, rest)
    if command == "therapist":
        from bot.portal.cli import main as therapist_main

        return therapist_main(rest)
    print(f"unknown command {command!r}\n{USAGE}", end="", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
