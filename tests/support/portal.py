"""Seeding the therapist side for portal tests: accounts, links and a client's work.

The chat side (another part of the code base) creates links and consents; these
helpers write the same rows directly so the portal can be tested on its own.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy.orm import Session

from bot.launcher import web_command
from bot.portal import accounts
from bot.scoring import score_answer
from bot.settings import PROJECT_ROOT, Settings
from bot.storage import repositories as repo
from bot.storage.db import session_scope
from bot.storage.models import Assignment, ConsentRecord, TherapistLink, utcnow
from tests.support.servers import free_port, wait_until

PASSWORD = "correct horse battery staple"
SECRET = "portal-tests-secret-0123456789abcdefghij"
# Answer texts with words that appear nowhere else, so a page can be searched for them.
ANSWERS = (
    "When I was about eight my grandmother Wilhelmina was often too tired to listen, and I felt"
    " lonely and a bit ashamed for needing her.",
    "I still hide my needs with friends from the rowing club; I worry they will think I am"
    " too much, like the marmalade incident.",
    "Maybe she was overwhelmed rather than uninterested, so this week I want to ask my friend"
    " Ottoline for help with the move.",
)
SECRET_WORDS = ("Wilhelmina", "rowing club", "marmalade", "Ottoline", "overwhelmed rather")


@dataclass(frozen=True)
class Seeded:
    therapist_a: int
    therapist_b: int
    email_a: str
    email_b: str
    links: dict[str, int]  # label -> link id (all therapist A's, plus "B-client")


def add_therapist(session: Session, email: str, name: str) -> int:
    return int(
        accounts.create(session=session, email=email, name=name, password=PASSWORD).therapist.id
    )


def add_client_work(session: Session, sender_id: str, *, when: datetime | None = None) -> int:
    """A person who finished one module (three answers, mood 2 then 4), a quiz and the
    self-assessment; returns the user id."""
    when = when or utcnow() - timedelta(days=1)
    user = repo.get_or_create_user(session=session, sender_id=sender_id, channel="rest")
    reflection = repo.create_reflection(
        session=session, user_id=user.id, takeaway="early_experiences"
    )
    for index, text in enumerate(ANSWERS):
        scored = score_answer(text, takeaway="early_experiences").to_dict()
        repo.add_answer(
            session=session,
            reflection=reflection,
            prompt_id=f"ee_{index + 1}",
            kind="prompt",
            text=text,
            depth=scored["depth"],
            scores={k: v for k, v in scored.items() if k != "evidence"},
            evidence=scored["evidence"],
        )
    reflection.status, reflection.step, reflection.completed_at = "completed", 3, when
    repo.set_mood(session=session, user_id=user.id, reflection_id=reflection.id,
                  phase="before", score=2)
    repo.set_mood(session=session, user_id=user.id, reflection_id=reflection.id,
                  phase="after", score=4)
    repo.add_quiz_result(session=session, user_id=user.id, score=4, total=5, answers=["a"] * 5)
    repo.add_self_assessment(
        session=session, user_id=user.id, answers={"x": 1}, self_score=0.6,
        other_score=-0.3, nearest_style="dismissing_avoidant",
    )
    session.flush()
    return int(user.id)


def link(
    session: Session, *, therapist_id: int, user_id: int, label: str, scope: str
) -> int:
    row = TherapistLink(
        therapist_id=therapist_id, user_id=user_id, label=label, scope=scope,
        consent_version="v1" if scope != "none" else None,
        consented_at=utcnow() if scope != "none" else None,
    )
    session.add(row)
    session.flush()
    session.add(ConsentRecord(link_id=row.id, scope=scope, wording_version="v1"))
    session.add(Assignment(link_id=row.id, kind="module", takeaway="seek_support",
                           note="Try this before we meet"))
    session.flush()
    return int(row.id)


def seed(url: str) -> Seeded:
    """Therapist A with three clients (answers, summaries, not chosen yet), B with one."""
    with session_scope(url) as session:
        a = add_therapist(session, "ada@clinic.example", "Ada Therapist")
        b = add_therapist(session, "bo@clinic.example", "Bo Therapist")
        links = {
            "A.W.": link(session, therapist_id=a, user_id=add_client_work(session, "client-1"),
                         label="A.W.", scope="answers"),
            "S.M.": link(session, therapist_id=a, user_id=add_client_work(session, "client-2"),
                         label="S.M.", scope="summaries"),
            "N.C.": link(session, therapist_id=a, user_id=add_client_work(session, "client-3"),
                         label="N.C.", scope="none"),
            "B-client": link(session, therapist_id=b,
                             user_id=add_client_work(session, "client-4"),
                             label="B-client", scope="answers"),
        }
    return Seeded(a, b, "ada@clinic.example", "bo@clinic.example", links)


def revoke(url: str, link_id: int) -> None:
    """What the chat side does when the client says "stop sharing with my therapist"."""
    with session_scope(url) as session:
        row = session.get(TherapistLink, link_id)
        assert row is not None
        row.revoked_at = utcnow()
        session.add(ConsentRecord(link_id=link_id, scope="revoked", wording_version="v1"))


@dataclass
class PortalServer:
    workdir: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.workdir / 'app.db'}"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        settings = Settings(web_port=self.port, database_url=self.db_url)
        env = {
            **os.environ,
            "DATABASE_URL": self.db_url,
            "WEB_PORT": str(self.port),
            "RASA_PORT": str(free_port()),  # nothing listens: the portal never needs Rasa
            "SECRET_KEY": SECRET,
            "SECUREBASE_MODE": "local",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONPATH": str(PROJECT_ROOT),
            **self.extra_env,
        }
        log = (self.workdir / "web.log").open("ab")
        self.process = subprocess.Popen(
            web_command(settings), cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log
        )
        wait_until(
            lambda: httpx.get(f"{self.url}/portal/sign-in").status_code == 200, 60, "web process"
        )

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def log(self) -> str:
        return (self.workdir / "web.log").read_text(errors="replace")
