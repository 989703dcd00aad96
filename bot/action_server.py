"""The action server as ``make run`` starts it: rasa-sdk with worker processes that die with it.

rasa-sdk serves every request on one event loop and SecureBase's actions block
it (SQLite, scoring), so ``ACTION_WORKERS`` sanic workers share the port (set
through rasa-sdk's ``ACTION_SERVER_SANIC_WORKERS``; Rasa does not read it).
Sanic forks them and stops them on a normal shutdown, but when the server's
main process is killed outright its workers would be orphaned, keep the port
and keep answering, so the supervisor could neither see the failure nor start
a replacement. Every process forked here therefore asks Linux to kill it when
its parent dies.

    python -m bot.action_server --actions actions --port 5055
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError:  # not Linux: nothing to ask for
        pass


def main() -> None:
    if sys.platform.startswith("linux"):
        os.register_at_fork(after_in_child=_die_with_parent)
    from rasa_sdk.__main__ import main as rasa_sdk_main

    rasa_sdk_main()


if __name__ == "__main__":
    main()
