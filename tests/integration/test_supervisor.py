"""`make run`'s launcher under fire: kill -9 each process mid-module, Ctrl-C, a crash loop.

These start ``python -m bot.launcher`` itself on free ports with its own
databases and status file, as an operator would run it, and read the pids of
its children from that status file.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from bot.safety import technical_problem_message
from bot.settings import PROJECT_ROOT
from bot.storage.db import session_scope
from bot.storage.models import Answer, ReflectionSession, User
from tests.support.servers import free_port, texts, wait_until

pytestmark = pytest.mark.integration

# Three different answers with no risk cue, as a person would write them (the same
# sad answer sent again and again rightly makes the safety policy ask directly).
ANSWERS = (
    "When I was small my grandad taught me to fish, and I felt calm and proud when he trusted"
    " me with the rod. I think that is why I expect older people to be patient with me.",
    "With my partner I notice I go quiet after a disagreement, a pattern I learned at home"
    " because my parents never argued in front of us. Next time I want to say what I need.",
    "My dad was busy but he came to every school play. Maybe he showed care by turning up, and"
    " I do the same with my friends. This week I will call him and tell him I noticed.",
)
CHOOSE = '/choose_module{"takeaway": "early_experiences"}'


@dataclass
class Launched:
    """A running launcher, its ports and files."""

    process: subprocess.Popen[bytes]
    workdir: Path
    env: dict[str, str]

    @property
    def rasa(self) -> str:
        return f"http://127.0.0.1:{self.env['RASA_PORT']}"

    @property
    def web(self) -> str:
        return f"http://127.0.0.1:{self.env['WEB_PORT']}"

    @property
    def actions(self) -> str:
        return f"http://127.0.0.1:{self.env['ACTION_PORT']}"

    def status(self) -> dict[str, Any]:
        try:
            return dict(json.loads(Path(self.env["SECUREBASE_STATUS_FILE"]).read_text()))
        except (OSError, ValueError):
            return {}

    def pid(self, name: str) -> int | None:
        entry = self.status().get("processes", {}).get(name, {})
        return entry.get("pid") if entry.get("state") == "up" else None

    def output(self) -> str:
        return (self.workdir / "launcher.log").read_text(errors="replace")

    def post(self, sender: str, message: str) -> httpx.Response:
        return httpx.post(
            f"{self.rasa}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=60,
        )

    def say(self, sender: str, message: str) -> str:
        response = self.post(sender, message)
        response.raise_for_status()
        replies = list(response.json())
        assert replies, f"an empty reply to {message!r}"
        return texts(replies)

    def wait_serving(self, timeout: float = 240) -> None:
        """All three answer: action /health, a real Rasa reply, web /health."""
        for url, what in ((f"{self.actions}/health", "actions"), (f"{self.rasa}/", "Rasa")):
            wait_until(lambda u=url: httpx.get(u).status_code == 200, timeout, what)
        wait_until(lambda: self.post("__warmup__", "hello").json(), timeout, "Rasa model")
        wait_until(lambda: httpx.get(f"{self.web}/health").status_code == 200, timeout, "web")

    def kill_9(self, name: str) -> int:
        pid = self.pid(name)
        assert pid, f"{name} is not up: {self.status()}"
        os.kill(pid, signal.SIGKILL)
        wait_until(lambda: self.pid(name) != pid, 10, f"the launcher noticing {name} died")
        return pid


def start_launcher(workdir: Path, **overrides: str) -> Launched:
    env = dict(os.environ)
    env.pop("ACTION_ENDPOINT_URL", None)
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{workdir / 'app.db'}",
            "TRACKER_DB": str(workdir / "tracker.db"),
            "RASA_PORT": str(free_port()),
            "ACTION_PORT": str(free_port()),
            "WEB_PORT": str(free_port()),
            "SECUREBASE_STATUS_FILE": str(workdir / "processes.json"),
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "PYTHONPATH": str(PROJECT_ROOT),
            **overrides,
        }
    )
    log = (workdir / "launcher.log").open("ab")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.launcher"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return Launched(process, workdir, env)


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def finish(launched: Launched) -> None:
    """Whatever happened in the test, leave nothing running."""
    if launched.process.poll() is None:
        launched.process.send_signal(signal.SIGTERM)
        try:
            launched.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(launched.process.pid, signal.SIGKILL)
            launched.process.wait()


@pytest.fixture(scope="module")
def launched(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Launched]:
    running = start_launcher(tmp_path_factory.mktemp("launcher"))
    try:
        running.wait_serving()
        yield running
    finally:
        finish(running)


def answers_stored(launched: Launched, who: str) -> list[tuple[str, str, str]]:
    with session_scope(launched.env["DATABASE_URL"]) as session:
        user = session.execute(select(User).where(User.sender_id == who)).scalar_one()
        reflection = session.execute(
            select(ReflectionSession).where(ReflectionSession.user_id == user.id)
        ).scalar_one()
        rows = session.execute(
            select(Answer.prompt_id, Answer.kind, Answer.text)
            .where(Answer.session_id == reflection.id)
            .order_by(Answer.id)
        ).all()
        return [(r.prompt_id, r.kind, r.text) for r in rows]


def test_kill_9_of_each_process__it_comes_back_and_the_module_carries_on(
    launched: Launched,
) -> None:
    who = "supervised-person"
    assert "1 (very low) to 5" in launched.say(who, CHOOSE)
    assert "Prompt 1 of 3" in launched.say(who, "skip")  # no mood check-in

    # The action server: the guard answers calmly in the gap, then the module carries on.
    time.sleep(2.5)  # past the guard's cached "action server alive"
    launched.kill_9("actions")
    assert launched.say(who, ANSWERS[0]) == technical_problem_message()
    wait_until(lambda: httpx.get(f"{launched.actions}/health").status_code == 200, 60, "actions")
    assert "Prompt 2 of 3" in launched.say(who, ANSWERS[0])  # sent again, as the reply asked

    # Rasa: the others keep serving while it restarts; the tracker store remembers the module.
    launched.kill_9("rasa")
    assert httpx.get(f"{launched.web}/health").json()["processes"]["rasa"]["state"] in {
        "restarting",
        "up",
    }
    launched.wait_serving()
    assert "Prompt 3 of 3" in launched.say(who, ANSWERS[1])

    # The web process: the conversation does not depend on it, and it comes back.
    launched.kill_9("web")
    assert "how are you feeling now" in launched.say(who, ANSWERS[2])
    wait_until(lambda: httpx.get(f"{launched.web}/health").status_code == 200, 60, "web")
    assert "Thank you for reflecting" in launched.say(who, "5")

    # Every answer exactly once: the one the person sent into the gap was not half-stored.
    assert answers_stored(launched, who) == [
        ("ee_1", "prompt", ANSWERS[0]),
        ("ee_2", "prompt", ANSWERS[1]),
        ("ee_3", "prompt", ANSWERS[2]),
    ]
    health = httpx.get(f"{launched.web}/health").json()
    assert health["supervisor"] == "running"
    for name in ("actions", "rasa", "web"):
        assert health["processes"][name]["state"] == "up"
        assert health["processes"][name]["restarts_last_hour"] == 1
        assert health["processes"][name]["last_exit"] == "killed by SIGKILL"
    output = launched.output()
    assert "action server exited unexpectedly (killed by SIGKILL); restarting in 1 s" in output
    assert "Rasa server restarted · actions up · rasa up · web up" in output
    # no personal data in what it prints
    assert not any(a[:40] in output for a in ANSWERS) and who not in output


def test_ctrl_c__stops_every_process_and_exits_0(launched: Launched) -> None:
    pids = [launched.pid(name) for name in ("actions", "rasa", "web")]
    assert all(pids)
    launched.process.send_signal(signal.SIGINT)
    assert launched.process.wait(timeout=90) == 0
    assert all(gone(pid) for pid in pids if pid)
    states = {p["state"] for p in launched.status()["processes"].values()}
    assert states == {"stopped"}
    output = launched.output()
    assert "securebase: stopping: in-flight messages finish first" in output
    assert output.rstrip().endswith("securebase: all processes stopped")


def test_sigterm__while_starting_up_stops_every_process_and_exits_0(
    trained_model: Path, tmp_path: Path
) -> None:
    launched = start_launcher(tmp_path)
    try:
        wait_until(lambda: all(launched.pid(n) for n in ("actions", "rasa", "web")), 60, "pids")
        pids = [launched.pid(n) for n in ("actions", "rasa", "web")]
        time.sleep(3)  # children past their imports and into their own signal handling
        launched.process.send_signal(signal.SIGTERM)
        assert launched.process.wait(timeout=90) == 0
        assert all(gone(pid) for pid in pids if pid)
    finally:
        finish(launched)


def test_a_process_that_keeps_crashing__stops_the_launcher_with_a_plain_message(
    trained_model: Path, tmp_path: Path
) -> None:
    # A port already taken makes the web process exit at once, every time.
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        launched = start_launcher(tmp_path, WEB_PORT=str(taken.getsockname()[1]))
        seen: set[int] = set()
        try:
            deadline = time.monotonic() + 180
            while launched.process.poll() is None and time.monotonic() < deadline:
                seen.update(p for p in (launched.pid(n) for n in ("actions", "rasa")) if p)
                time.sleep(0.2)
            assert launched.process.poll() == 1, "the launcher did not give up"
        finally:
            finish(launched)
    output = launched.output()
    assert re.search(
        r"securebase: the web process crashed 5 times within 60 s \(last: exit code \d+\), so"
        r" SecureBase is stopping everything\.",
        output,
    )
    assert output.rstrip().endswith("securebase: all processes stopped")
    assert output.count("web process exited unexpectedly") == 4
    assert seen and all(gone(pid) for pid in seen)
