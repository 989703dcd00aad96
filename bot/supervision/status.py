"""The launcher's view of its processes, shared with the web process as a JSON file.

The launcher (the only writer) replaces the file atomically on every change,
so ``/health`` never reads half a file. Restart times are wall-clock seconds,
so the reader counts "restarts in the last hour" with its own clock. A file
left behind by a launcher that is no longer running is reported as stale
rather than believed.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.supervision.policy import HOUR

STATES = ("starting", "up", "restarting", "stopping", "stopped")


@dataclass
class ProcessStatus:
    """What ``/health`` shows for one process (the pid stays in the file, not in /health)."""

    state: str = "starting"
    pid: int | None = None
    restart_times: list[float] = field(default_factory=list)
    last_exit: str | None = None


def write_status(path: Path, processes: dict[str, ProcessStatus], *, pid: int) -> None:
    """Replace ``path`` in one step: write a temporary file beside it, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "supervisor_pid": pid,
        "updated_at": time.time(),
        "processes": {
            name: {
                "state": status.state,
                "pid": status.pid,
                "restart_times": [t for t in status.restart_times if time.time() - t <= HOUR],
                "last_exit": status.last_exit,
            }
            for name, status in processes.items()
        },
    }
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_status(path: Path, now: float | None = None) -> dict[str, Any] | None:
    """Each process's state and restarts in the last hour, or ``None`` without a launcher.

    Returns ``{"supervisor": "running" | "not running", "processes": {...}}``.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("processes"), dict):
        return None
    now = time.time() if now is None else now
    processes: dict[str, Any] = {}
    for name, entry in raw["processes"].items():
        if not isinstance(entry, dict):
            continue
        times = [t for t in entry.get("restart_times") or [] if isinstance(t, (int, float))]
        processes[str(name)] = {
            "state": entry.get("state") if entry.get("state") in STATES else "unknown",
            "restarts_last_hour": sum(1 for t in times if 0 <= now - t <= HOUR),
            "last_exit": entry.get("last_exit"),
        }
    running = _alive(raw.get("supervisor_pid"))
    return {"supervisor": "running" if running else "not running", "processes": processes}
