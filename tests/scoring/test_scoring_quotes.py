"""Feedback quotes whole phrases or clauses, from edge to edge, never cut mid-phrase."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.content import load_catalog
from bot.ids import TAKEAWAY_IDS
from bot.scoring import compose_feedback, score_answer
from bot.scoring.quotes import ELLIPSIS, MAX_WORDS, Edges, is_clean_quote, quote_around
from bot.settings import PROJECT_ROOT

EVAL = PROJECT_ROOT / "data" / "eval"
# labelled answers, scored under their own module
LABELLED = ("scoring_dev.jsonl", "scoring_holdout.jsonl", "views_dev.jsonl", "views_sealed_a.jsonl")
# other dev sets: messages without a module, scored under every module
UNLABELLED_DEV = ("module_choice_dev.jsonl", "concept_dev.jsonl", "risk_dev.jsonl")
EARLY = (
    "When I was six my dad moved out and I think I decided then that people go. "
    "Maybe I could tell my next partner when I feel scared, instead of going quiet."
)


def _quote(text: str, phrase: str) -> str:
    start = text.index(phrase)
    return quote_around(text, start, start + len(phrase))


def _words(quote: str) -> int:
    return len(re.findall(r"[A-Za-z0-9']+", quote))


# the edges, one kind at a time ---------------------------------------------
def test_edges__sentence_start_and_end() -> None:
    text = "I was fine. Then my mum left and nobody said why."
    assert is_clean_quote(text, "I was fine")
    assert is_clean_quote(text, "Then my mum left")
    assert not is_clean_quote(text, "was fine")  # mid-clause start
    assert not is_clean_quote(text, "fine. Then")  # crosses a sentence edge mid-clause


def test_edges__clause_punctuation_but_not_a_hyphen_inside_a_word() -> None:
    text = "honestly, my self-worth was low; I hid it (mostly) from everyone"
    assert is_clean_quote(text, "my self-worth was low")
    assert is_clean_quote(text, "I hid it")
    assert not is_clean_quote(text, "worth was low")  # "self-worth" is one word


def test_edges__coordinating_conjunction_joining_clauses() -> None:
    text = "I reached out but she never replied and I stopped trying"
    assert is_clean_quote(text, "she never replied")
    assert is_clean_quote(text, "I stopped trying")
    assert not is_clean_quote(text, "but she never replied")  # never starts on the conjunction
    assert not is_clean_quote(text, "I reached out but")  # never ends on it


def test_edges__and_between_two_nouns_is_not_a_clause_edge() -> None:
    text = "mum and dad argued a lot"
    assert not is_clean_quote(text, "dad argued a lot")
    assert is_clean_quote(text, "mum and dad argued a lot")


def test_edges__subordinating_conjunction_may_open_a_quote() -> None:
    text = "I go quiet when I'm hurt because asking feels risky"
    assert is_clean_quote(text, "I go quiet")
    assert is_clean_quote(text, "when I'm hurt")
    assert is_clean_quote(text, "because asking feels risky")
    assert not is_clean_quote(text, "I go quiet when")


def test_edges__a_subordinator_that_ends_a_sentence_is_just_a_word() -> None:
    assert is_clean_quote("it all hits me at once.", "it all hits me at once")
    assert is_clean_quote("I don't remember much from before I was ten.",
                          "I don't remember much from before I was ten")  # fmt: skip


def test_edges__phrase_edges_only_with_an_ellipsis() -> None:
    text = "i keep thinking that everyone will eventually get bored of me and move on"
    assert is_clean_quote(text, f"{ELLIPSIS}that everyone will eventually get bored{ELLIPSIS}")
    assert not is_clean_quote(text, "that everyone will eventually get bored")
    assert not is_clean_quote(text, f"{ELLIPSIS}everyone will eventually get bored{ELLIPSIS}")


# the quotes the feedback makes ----------------------------------------------
def test_quote__the_issues_examples_now_read_as_whole_clauses() -> None:
    assert _quote(EARLY, "people go") == "I think I decided then that people go"
    assert _quote(EARLY, "tell") == "Maybe I could tell my next partner"


def test_quote__a_short_clause_grows_by_whole_clauses_within_its_sentence() -> None:
    text = "friends are nice but when things get real they go quiet. so a professional"
    quote = _quote(text, "nice")
    assert quote.startswith("friends are nice") and is_clean_quote(text, quote)
    assert "professional" not in quote


def test_quote__a_long_clause_is_capped_with_an_ellipsis_where_it_trims() -> None:
    text = (
        "i guess the thing i keep coming back to is the feeling that whatever i do for the"
        " people around me it will never quite be enough for them to stay"
    )
    quote = _quote(text, "never quite be enough")
    assert ELLIPSIS in quote and _words(quote) <= MAX_WORDS
    assert "never quite be enough" in quote and is_clean_quote(text, quote)


def test_edges__every_word_index_is_consistent() -> None:
    edges = Edges("I was fine, and then I wasn't.")
    assert edges.starts <= edges.soft_starts and edges.ends <= edges.soft_ends


def _rows(name: str) -> list[dict[str, object]]:
    lines = Path(EVAL / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _cases() -> list[tuple[str, str]]:
    cases = [(str(r["takeaway"]), str(r["text"])) for name in LABELLED for r in _rows(name)]
    for name in UNLABELLED_DEV:
        texts = [str(r["text"]) for r in _rows(name)]
        cases += [(takeaway, text) for takeaway in TAKEAWAY_IDS for text in texts]
    return cases


def test_quotes_on_every_labelled_and_dev_set__start_and_end_on_an_edge() -> None:
    checked = 0
    bad: list[str] = []
    for takeaway, text in _cases():
        result = score_answer(text, takeaway)
        followups = load_catalog().takeaway(takeaway).followups
        feedback = compose_feedback(text, result, takeaway, followups)
        quote = feedback.quote
        if quote is None:
            continue
        checked += 1
        if feedback.quote_kind == "feeling":
            # one feeling word they named: a whole word of their text
            ok = re.search(rf"(?<![\w']){re.escape(quote)}(?![\w'])", text, re.IGNORECASE)
        else:
            ok = is_clean_quote(text, quote) and _words(quote) <= MAX_WORDS  # type: ignore[assignment]
        if not ok:
            bad.append(quote)
    assert checked > 2000
    assert not bad, bad[:5]


@pytest.mark.parametrize(
    "quote",
    ["six and I think I decided then that people go",
     "Maybe I could tell my next partner when I feel"],
)  # fmt: skip
def test_is_clean_quote__rejects_the_cuts_the_issue_reported(quote: str) -> None:
    text = EARLY.replace("When I was six my dad moved out and", "When I was six and")
    assert quote in text and not is_clean_quote(text, quote)
