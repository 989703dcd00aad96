"""What is not an answer to a reflection prompt, read against non_answers.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.content import validate_all
from bot.content.loader import ContentError
from bot.content.non_answers import load_non_answers, parse_non_answers
from bot.services.non_answer import classify
from bot.settings import CONTENT_DIR


@pytest.mark.parametrize(
    "text",
    ["thanks", "Thanks!", "thank you", "thank you so much", "ok thanks", "Thanks guys",
     "cheers", "thx", "ty", "ok thank you", "thanks for that"],
)  # fmt: skip
def test_classify__thanks_is_a_warm_nudge(text: str) -> None:
    found = classify(text)
    assert found is not None and (found.kind, found.does) == ("thanks", "nudge")
    assert found.reply == "utter_reflection_nudge_thanks"


@pytest.mark.parametrize(
    "text", ["ok", "OK.", "okay", "k", "alright", "got it", "cool", "sure", "i see", "hmm", "mhm"]
)
def test_classify__acknowledgements_are_nudges(text: str) -> None:
    found = classify(text)
    assert found is not None and found.does == "nudge"


@pytest.mark.parametrize(
    ("text", "kind"),
    [("3", "number"), ("10.", "number"), ("4/5", "number"), ("#2", "number"),
     ("🙂", "symbols"), ("👍👍", "symbols"), ("...", "symbols"), ("?!", "symbols"),
     ("/affirm", "payload"), ('/choose_module{"takeaway": "seek_support"}', "payload"),
     ("/deny", "payload")],
)  # fmt: skip
def test_classify__shapes_that_are_never_answers(text: str, kind: str) -> None:
    found = classify(text)
    assert found is not None and (found.kind, found.does) == (kind, "nudge")


@pytest.mark.parametrize(
    "text",
    ["I don't want to do this anymore", "I really don't want to do this any more",
     "i dont want to do this", "I want to stop", "I'd like to stop now please",
     "can we stop?", "stop", "Stop.", "I'm done", "I've had enough", "that's enough for today",
     "I don't want to continue", "I quit", "let's stop", "not now", "take a break",
     "ok I want to stop", "sorry, I can't do this"],
)  # fmt: skip
def test_classify__wanting_to_stop_in_plain_words_pauses(text: str) -> None:
    found = classify(text)
    assert found is not None and (found.kind, found.does) == ("stop", "pause")


@pytest.mark.parametrize("text", ["bye", "thanks, bye", "ok gotta go", "good night", "see you"])
def test_classify__leaving_pauses(text: str) -> None:
    found = classify(text)
    assert found is not None and found.does == "pause"


@pytest.mark.parametrize(
    "text",
    ["I want to stop feeling like this", "Thanks to my sister I felt less alone",
     "ok so when I was nine my dad left", "I felt lonely", "no", "yes", "fine", "good",
     "I don't know", "3 years ago my mum moved away", "stop being so hard on myself",
     "I'm done pretending everything is fine", "/ I felt like a slash through my chest",
     "sad 😢"],
)  # fmt: skip
def test_classify__real_answers_are_answers(text: str) -> None:
    assert classify(text) is None


def test_non_answers__a_broken_pattern_stops_start_up(tmp_path: Path) -> None:
    for source in CONTENT_DIR.glob("*.yml"):
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    raw = yaml.safe_load((tmp_path / "non_answers.yml").read_text(encoding="utf-8"))
    raw["shapes"]["number"]["pattern"] = "^(\\d+$"
    (tmp_path / "non_answers.yml").write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(ContentError, match=r"non_answers.yml: shapes.number.pattern"):
        validate_all(tmp_path)


@pytest.mark.parametrize(
    ("change", "field"),
    [(lambda raw: raw["kinds"]["thanks"].pop("reply"), "kinds.thanks.reply"),
     (lambda raw: raw["kinds"]["stop"].update(does="ignore"), "kinds.stop.does"),
     (lambda raw: raw["kinds"]["stop"].update(phrases=["please"]), "kinds.stop.phrases"),
     (lambda raw: raw["shapes"]["payload"].pop("pattern"), "shapes")],
)  # fmt: skip
def test_parse__names_the_broken_field(change: object, field: str) -> None:
    raw = yaml.safe_load((CONTENT_DIR / "non_answers.yml").read_text(encoding="utf-8"))
    change(raw)  # type: ignore[operator]
    with pytest.raises(ContentError, match=field):
        parse_non_answers(raw)


def test_every_nudge_reply__is_a_domain_response(domain_dict: dict[str, object]) -> None:
    rules = load_non_answers()
    replies = {k.reply for k in (*rules.kinds, *rules.shapes) if k.does == "nudge"}
    assert replies and replies <= set(domain_dict["responses"])  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "text",
    ["3", "a 3", "about 5", "3 i guess", "7/10", "idk", "IDK.", "dunno", "I don't know",
     "not sure", "maybe", "yes", "no", "nope", "yeah idk", "ok", "nothing", "same as before",
     "🤷", "?", "ok idk"],
)  # fmt: skip
def test_classify__short_replies_to_a_follow_up_are_re_asked(text: str) -> None:
    found = classify(text, followup=True)
    assert found is not None and found.does == "nudge"
    assert found.reply == "utter_followup_unclear"


@pytest.mark.parametrize(
    "text",
    ["sad", "lonely and a bit scared", "my sister", "when I was 7", "3 years ago my mum left",
     "no, I felt ashamed", "yes, my dad told me to toughen up", "I don't know why I felt so angry",
     "maybe I was scared of being left"],
)  # fmt: skip
def test_classify__real_replies_to_a_follow_up_are_answers(text: str) -> None:
    assert classify(text, followup=True) is None


@pytest.mark.parametrize("text", ["idk", "yes", "a 3", "dunno"])
def test_classify__short_replies_to_a_prompt_are_still_read_as_answers(text: str) -> None:
    assert classify(text) is None


def test_classify__a_follow_up_still_honours_stop_leave_and_thanks() -> None:
    assert classify("I want to stop", followup=True).does == "pause"  # type: ignore[union-attr]
    assert classify("bye", followup=True).does == "pause"  # type: ignore[union-attr]
    thanks = classify("thanks", followup=True)
    assert thanks is not None and thanks.reply == "utter_reflection_nudge_thanks"


def test_parse__a_follow_up_re_ask_of_an_unknown_kind_stops_start_up() -> None:
    raw = yaml.safe_load((CONTENT_DIR / "non_answers.yml").read_text(encoding="utf-8"))
    raw["followup"]["also"] = ["acknowledgment"]
    with pytest.raises(ContentError, match=r"followup.also"):
        parse_non_answers(raw)


def test_follow_up_re_ask__is_a_domain_response(domain_dict: dict[str, object]) -> None:
    rules = load_non_answers()
    assert rules.followup is not None
    assert rules.followup.reply in domain_dict["responses"]  # type: ignore[operator]
