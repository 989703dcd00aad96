"""Who sees what: isolation between therapists, consent scopes, revocation, audit."""

from __future__ import annotations

import json

import httpx
from sqlalchemy import select

from bot.storage.db import session_scope
from bot.storage.models import Assignment, AuditEvent, TherapistLink
from tests.portal.conftest import Running, post_form, sign_in
from tests.support.portal import ANSWERS, SECRET_WORDS, revoke


def _audit(running: Running) -> list[tuple[int, int, str, str]]:
    with session_scope(running.db_url) as db:
        rows = db.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars().all()
        return [(r.therapist_id, r.user_id, r.action, r.what) for r in rows]


def _user_of(running: Running, link_id: int) -> int:
    with session_scope(running.db_url) as db:
        link = db.get(TherapistLink, link_id)
        assert link is not None
        return int(link.user_id)


def _client_urls(link_id: int | str) -> list[str]:
    return [f"/portal/clients/{link_id}", f"/portal/clients/{link_id}/export.json",
            f"/portal/clients/{link_id}/assign"]


def _reveals_answer_text(text: str) -> list[str]:
    found = [w for w in SECRET_WORDS if w.lower() in text.lower()]
    return found + [a[:40] for a in ANSWERS if a[:40] in text]


def test_isolation__therapist_b_gets_404_for_every_url_of_a_client_of_a(portal: Running) -> None:
    a_links = [v for k, v in portal.seeded.links.items() if k != "B-client"]
    before = _audit(portal)
    with portal.client() as b:
        sign_in(b, portal.seeded.email_b)
        own = b.get(f"/portal/clients/{portal.seeded.links['B-client']}")
        assert own.status_code == 200
        for link_id in a_links:
            for url in _client_urls(link_id):
                response = b.get(url)
                assert response.status_code == 404, url
                assert "There is no such client" in response.text
                assert not _reveals_answer_text(response.text), url
                for label in ("A.W.", "S.M.", "N.C."):
                    assert label not in response.text
            posted = post_form(b, "/portal/invites", f"/portal/clients/{link_id}/assign",
                               {"what": "quiz", "note": "sneaky", "due": ""})
            assert posted.status_code == 404
        # Ids that exist for nobody answer exactly the same way.
        for url in _client_urls(99999) + _client_urls("abc") + _client_urls(-1):
            assert b.get(url).status_code == 404, url
        listing = b.get("/portal/clients").text
        assert "B-client" in listing and "A.W." not in listing and "S.M." not in listing
    after = _audit(portal)
    # Only B's own page was audited; the 404s left no trace and no assignment was added.
    assert after[len(before):] == [
        (portal.seeded.therapist_b, _user_of(portal, portal.seeded.links["B-client"]),
         "view", "client page")
    ]


def test_scope_answers__shows_the_written_answers_with_their_prompts(portal: Running) -> None:
    with portal.client() as a:
        sign_in(a, portal.seeded.email_a)
        page = a.get(f"/portal/clients/{portal.seeded.links['A.W.']}").text
    for answer in ANSWERS:
        assert httpx_escape(answer) in page
    assert "Who did you turn to" in page  # the prompt it answered
    assert "before 2, after 4" in page and "4 of 5" in page
    assert "view of self: clearly positive; view of others: fairly negative" in page


def httpx_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&#34;")


def test_scope_summaries__never_reveals_answer_text_on_any_page_or_export(
    portal: Running,
) -> None:
    link_id = portal.seeded.links["S.M."]
    with portal.client() as a:
        sign_in(a, portal.seeded.email_a)
        responses: list[httpx.Response] = [
            a.get("/portal/clients"),
            a.get(f"/portal/clients/{link_id}"),
            a.get(f"/portal/clients/{link_id}/export.json"),
            a.get(f"/portal/clients/{link_id}/assign"),
        ]
    for response in responses:
        assert response.status_code == 200, response.url
        assert not _reveals_answer_text(response.text), response.url
    page, export = responses[1].text, responses[2].json()
    # What summaries do show: the module, its date, depth and feelings in words, mood, results.
    assert "Reflect on early experiences" in page and "before 2, after 4" in page
    assert "lonely" in page and "critical reflection" in page and "4 of 5" in page
    assert "Written answers" not in page
    assert export["scope"] == "summaries"
    assert all(module["answers"] == [] for module in export["modules"])
    assert export["modules"][0]["mood_before"] == 2


def test_scope_none__shows_that_nothing_is_shared_yet_and_reads_nothing(portal: Running) -> None:
    link_id = portal.seeded.links["N.C."]
    before = _audit(portal)
    with portal.client() as a:
        sign_in(a, portal.seeded.email_a)
        page = a.get(f"/portal/clients/{link_id}").text
        export = a.get(f"/portal/clients/{link_id}/export.json").json()
    assert "has not chosen what to share yet" in page
    assert not _reveals_answer_text(page)
    assert "Completed modules" not in page and "4 of 5" not in page and "lonely" not in page
    assert export["modules"] == [] and export["quizzes"] == [] and export["last_activity"] is None
    assert _audit(portal) == before  # nothing was read, so nothing to audit


def test_export__is_json_of_the_permitted_data_and_is_audited(portal: Running) -> None:
    link_id = portal.seeded.links["A.W."]
    with portal.client() as a:
        sign_in(a, portal.seeded.email_a)
        response = a.get(f"/portal/clients/{link_id}/export.json")
    assert response.headers["content-type"].startswith("application/json")
    assert "attachment" in response.headers["content-disposition"]
    data = json.loads(response.text)
    assert data["label"] == "A.W." and data["scope"] == "answers"
    assert [q["text"] for q in data["modules"][0]["answers"]] == list(ANSWERS)
    assert "sender_id" not in response.text and "client-1" not in response.text
    assert _audit(portal)[-1] == (
        portal.seeded.therapist_a, _user_of(portal, link_id), "export", "client export (JSON)"
    )


def test_audit__every_page_view_is_recorded_with_who_whose_what(portal: Running) -> None:
    link_id = portal.seeded.links["A.W."]
    with portal.client() as a:
        sign_in(a, portal.seeded.email_a)
        a.get(f"/portal/clients/{link_id}")
        a.get(f"/portal/clients/{link_id}")
    views = [e for e in _audit(portal) if e[2] == "view"]
    assert views == [(portal.seeded.therapist_a, _user_of(portal, link_id), "view",
                      "client page")] * 2


def test_revocation__hides_everything_at_the_next_request(portal: Running) -> None:
    link_id = portal.seeded.links["A.W."]
    with portal.client() as a:
        sign_in(a, portal.seeded.email_a)
        assert "Wilhelmina" in a.get(f"/portal/clients/{link_id}").text
        audited = len(_audit(portal))
        revoke(portal.db_url, link_id)
        page = a.get(f"/portal/clients/{link_id}")
        export = a.get(f"/portal/clients/{link_id}/export.json").json()
        listing = a.get("/portal/clients").text
        assign = post_form(a, f"/portal/clients/{link_id}/assign",
                           f"/portal/clients/{link_id}/assign", {"what": "quiz"})
    assert page.status_code == 200 and "withdrew consent on" in page.text
    for text in (page.text, json.dumps(export), listing):
        assert not _reveals_answer_text(text)
    assert "Completed modules" not in page.text and "Suggested exercises" not in page.text
    assert export["scope"] == "withdrawn" and export["withdrawn_at"]
    assert export["modules"] == [] and export["assignments"] == []
    assert "Consent withdrawn" in listing
    assert "nothing\n  new can be suggested" in assign.text
    assert len(_audit(portal)) == audited  # nothing shown, nothing audited


def test_assignment__form_creates_a_row_the_client_page_lists(portal: Running) -> None:
    link_id = portal.seeded.links["S.M."]
    with portal.client() as a:
        sign_in(a, portal.seeded.email_a)
        bad = post_form(a, f"/portal/clients/{link_id}/assign",
                        f"/portal/clients/{link_id}/assign",
                        {"what": "quiz", "note": "", "due": "2001-01-01"})
        assert bad.status_code == 400 and "in the past" in bad.text
        unknown = post_form(a, f"/portal/clients/{link_id}/assign",
                            f"/portal/clients/{link_id}/assign", {"what": "astrology"})
        assert unknown.status_code == 400
        done = post_form(a, f"/portal/clients/{link_id}/assign",
                         f"/portal/clients/{link_id}/assign",
                         {"what": "emotional_literacy", "note": "Notice one feeling a day",
                          "due": "2099-01-31"})
        assert done.status_code == 303
        page = a.get(done.headers["location"]).text
    assert "Reflection module: Develop emotional literacy" in page
    assert "Notice one feeling a day" in page and "31 Jan 2099" in page
    with session_scope(portal.db_url) as db:
        rows = db.execute(select(Assignment).where(Assignment.link_id == link_id)).scalars().all()
        made = [r for r in rows if r.takeaway == "emotional_literacy"]
        assert len(made) == 1 and made[0].kind == "module" and str(made[0].due_on) == "2099-01-31"
        assert len(rows) == 2  # the seeded one and this; the refused forms added nothing


def test_client_list__shows_label_scope_activity_and_open_assignments(portal: Running) -> None:
    with portal.client() as a:
        sign_in(a, portal.seeded.email_a)
        listing = a.get("/portal/clients").text
    rows = {label: listing.split(label, 2)[-1].split("</tr>")[0] for label in ("A.W.", "N.C.")}
    assert "Scores, summaries and written answers" in rows["A.W."] and "1 open" in rows["A.W."]
    assert "not shared" in rows["N.C."] and "1 set" in rows["N.C."]


