"""The status file the launcher writes and /health reads."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from bot.supervision.status import ProcessStatus, read_status, write_status


def test_status__round_trips_state_and_counts_restarts_of_the_last_hour(tmp_path: Path) -> None:
    path = tmp_path / "var" / "processes.json"
    now = time.time()
    processes = {
        "rasa": ProcessStatus(state="up", pid=11),
        "actions": ProcessStatus(
            state="restarting", restart_times=[now - 7200, now - 60], last_exit="killed by SIGKILL"
        ),
    }
    write_status(path, processes, pid=os.getpid())
    assert read_status(path) == {
        "supervisor": "running",
        "processes": {
            "rasa": {"state": "up", "restarts_last_hour": 0, "last_exit": None},
            "actions": {
                "state": "restarting",
                "restarts_last_hour": 1,
                "last_exit": "killed by SIGKILL",
            },
        },
    }
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind


def test_status__left_by_a_launcher_that_is_gone_is_reported_as_such(tmp_path: Path) -> None:
    path = tmp_path / "processes.json"
    path.write_text(json.dumps({"supervisor_pid": 2**22 + 1, "processes": {}}))
    assert read_status(path) == {"supervisor": "not running", "processes": {}}


def test_status__missing_or_broken_file_means_no_launcher(tmp_path: Path) -> None:
    assert read_status(tmp_path / "absent.json") is None
    broken = tmp_path / "broken.json"
    broken.write_text("{half")
    assert read_status(broken) is None
