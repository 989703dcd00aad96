"""What the conversation bench and the conversation profile share (tooling).

Both start the real action server (and, for the bench, the Rasa server) on
free loopback ports with throw-away databases, send one long conversation
scripted here, and summarise the first and last turns. Only 127.0.0.1 is
contacted.
"""

from __future__ import annotations

import json
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx

from bot.content import TAKEAWAY_IDS
from bot.ids import intent_payload
from bot.launcher import action_command, child_env, rasa_command
from bot.settings import PROJECT_ROOT, Settings
from bot.storage.migrate import upgrade

ANSWER = (
    "When my friend cancelled I felt disappointed and a bit lonely. I used to think it meant"
    " I wasn't important, but maybe she was overwhelmed. Next time I want to tell her how I feel."
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(url)


def journey_script(turns: int) -> list[str]:
    """Module after module: choose, mood, three deep answers, mood, ask for progress."""
    messages: list[str] = []
    index = 0
    while len(messages) < turns:
        module = TAKEAWAY_IDS[index % len(TAKEAWAY_IDS)]
        messages += [
            intent_payload("choose_module", {"takeaway": module}),
            "3",
            ANSWER,
            ANSWER,
            ANSWER,
            "4",
            "what have I done so far",
        ]
        index += 1
    return messages[:turns]


def window(turns: int) -> int:
    """How many turns count as "first" and as "last" in a summary."""
    return max(5, turns // 10)


@dataclass(frozen=True)
class Stack:
    settings: Settings
    env: dict[str, str]
    action_pid: int
    workdir: Path


@contextmanager
def throwaway_stack(
    *, model: Path | None, prefix: str, api_token: str = "", **overrides: Any
) -> Iterator[Stack]:
    """The action server, plus Rasa with ``model`` when given, on throw-away databases.

    With ``api_token`` Rasa also serves its HTTP API (trackers) behind that token;
    ``overrides`` replace further settings (e.g. rate limits). Yields once both
    answer on loopback; stops them on the way out.
    """
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    settings = replace(
        Settings(),
        database_url=f"sqlite:///{workdir / 'app.db'}",
        tracker_db=str(workdir / "tracker.db"),
        rasa_port=free_port(),
        action_port=free_port(),
        rasa_api_token=api_token,
        **overrides,
    )
    upgrade(settings.database_url)
    env = child_env(settings)
    commands = [action_command(settings)]
    if model is not None:
        commands.append(rasa_command(settings, model))
    with (workdir / "servers.log").open("ab") as logs:
        processes = [
            subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=logs, stderr=logs)
            for cmd in commands
        ]
        try:
            wait_until_up(f"http://127.0.0.1:{settings.action_port}/health", 60)
            if model is not None:
                wait_until_up(f"{settings.rasa_url}/", 180)
            yield Stack(settings=settings, env=env, action_pid=processes[0].pid, workdir=workdir)
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=30)


def write_result(out: Path, result: dict[str, Any], left_out: str) -> None:
    """Write the whole result to ``out`` and print it without the per-turn list."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != left_out}, indent=2))
