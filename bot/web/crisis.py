"""Crisis resources as the widget needs them, straight from ``bot.safety``.

The web process hands these to the page itself (``/help`` and
``/crisis-resources.json``) so that "Get help now" works when the Rasa server
is down, slow or unreachable.
"""

from __future__ import annotations

from typing import Any

from bot.safety import REGIONS, resources_for


def crisis_payload(region: str | None) -> dict[str, Any]:
    """Resources for ``region`` (unknown -> international) as plain JSON-ready data."""
    found = resources_for(region)
    return {
        "region": found.region,
        "name": found.name,
        "emergency_number": found.emergency_number,
        "helplines": [
            {"name": h.name, "contact": h.contact, "url": h.url, "hours": h.hours}
            for h in found.helplines
        ],
        "source": found.source,
        "last_checked": found.last_checked.isoformat(),
    }


def pick_region(requested: str | None, configured: str) -> str:
    """A region asked for by an embedding page, if we know it; else the configured one."""
    wanted = (requested or "").strip().lower()
    return wanted if wanted in REGIONS else configured
