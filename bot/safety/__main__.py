"""``python -m bot.safety`` runs the same CLI as ``python -m bot risk``."""

from bot.safety.cli import main

raise SystemExit(main())
