"""Keep the three processes of ``make run`` serving: restart on a crash, stop on request.

``policy`` decides (pure, fake-clock testable), ``status`` is the JSON file the
web process reads for ``/health``, ``supervisor`` starts, watches and stops.
"""

from bot.supervision.policy import CrashHistory, Decision, RestartPolicy
from bot.supervision.supervisor import ProcessSpec, Supervisor

__all__ = ["CrashHistory", "Decision", "ProcessSpec", "RestartPolicy", "Supervisor"]
