"""Start the real action server and Rasa server on free loopback ports."""

from __future__ import annotations

import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bot.launcher import action_command, child_env, rasa_command
from bot.settings import PROJECT_ROOT, Settings
from bot.storage.migrate import upgrade


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(check: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{what} did not come up within {timeout:.0f}s")


@dataclass
class Stack:
    """A running Rasa + action server pair with its own databases."""

    workdir: Path
    model: Path
    settings: Settings = field(init=False)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.settings = Settings(
            database_url=f"sqlite:///{self.workdir / 'app.db'}",
            tracker_db=str(self.workdir / "tracker.db"),
            rasa_port=free_port(),
            action_port=free_port(),
            web_port=free_port(),
        )
        upgrade(self.settings.database_url)

    def _spawn(self, name: str, command: list[str]) -> None:
        log = (self.workdir / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=child_env(self.settings), stdout=log, stderr=log
        )

    def start_actions(self) -> None:
        self._spawn("actions", action_command(self.settings))
        url = f"http://127.0.0.1:{self.settings.action_port}/health"
        wait_until(lambda: httpx.get(url).status_code == 200, 60, "action server")

    def start_rasa(self) -> None:
        self._spawn("rasa", rasa_command(self.settings, self.model))
        url = f"{self.settings.rasa_url}/"
        wait_until(lambda: httpx.get(url).status_code == 200, 180, "Rasa server")
        # The root answers before the model is loaded; wait for a real reply.
        wait_until(lambda: self.say("__warmup__", "hello") is not None, 120, "Rasa model")

    def stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)

    def log(self, name: str) -> str:
        return (self.workdir / f"{name}.log").read_text(errors="replace")

    def post(self, sender: str, message: Any) -> httpx.Response:
        token = self.settings.rest_token
        return httpx.post(
            f"{self.settings.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            headers={"Authorization": f"Bearer {token}"} if token else None,
            timeout=60,
        )

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        response = self.post(sender, message)
        response.raise_for_status()
        return list(response.json())


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(str(r.get("text", "")) for r in replies)
