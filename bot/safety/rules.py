"""The rule type and the shared word families the rule set is built from.

Every rule is a regular expression over folded text (see ``normalize``), tagged
with a category and a base level. Modifiers decide the final level: a weak rule
needs a hopelessness or loss context to reach ``crisis``; negation ("I'm not
suicidal") and a resolved distant past ("years ago ..., now I'm well") lower a
crisis hit to ``concern``; a guard (``unless``) drops a hit in a known
look-alike setting ("bungee jumping off a bridge", "burnt myself on the oven").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Level = Literal["none", "concern", "crisis"]

SUICIDAL_IDEATION = "suicidal_ideation"
SELF_HARM = "self_harm"
METHOD_OR_MEANS = "method_or_means"
BURDEN_OR_GOODBYE = "burden_or_goodbye"
DANGER_FROM_OTHERS = "danger_from_others"
DISTRESS = "distress"

_FLAGS = re.IGNORECASE


def rx(pattern: str) -> re.Pattern[str]:
    """Compile a verbose pattern once, at import time."""
    return re.compile(pattern, _FLAGS | re.VERBOSE)


@dataclass(frozen=True)
class Rule:
    """One explainable pattern: what it matches, what it means, how sure it is.

    ``weak`` rules are crisis only when the message also carries hopelessness or
    loss; alone they are concern. ``unless`` is searched in the hit's sentence and
    drops the hit (a look-alike); ``unless_impersonal`` drops it only when the
    sentence has no "I"/"me" ("research on self-harm"). ``requires`` must match in
    the hit's sentence.
    ``subject`` asks the detector to check who the clause is about: a third-person
    subject ("my friend wants to die") turns the hit into concern.
    """

    name: str
    category: str
    level: Level
    pattern: re.Pattern[str]
    weak: bool = False
    unless: re.Pattern[str] | None = None
    unless_impersonal: re.Pattern[str] | None = None
    requires: re.Pattern[str] | None = None
    subject: bool = False
    modifiable: bool = True  # negation and resolved-past can lower the level


# ---- Word families used inside patterns (plain strings, composed below) ----
# "myself" with common typos and spacing: my self, myslef, mysef, my-self, meself.
MYSELF = r"(?:m[yi]\s*-?\s*(?:self|sefl?|slef|selv|selfe?|slf)|meself|myseld|mysel\b)"
# kill with leet and typos: kill, kil, k1ll, kiil, killin.
KILL = r"(?:k[i1!l]{1,2}l{1,2}|kil)"
FIRST_PERSON = r"(?:i|i'?m|im|i\s+am|i'?ve|ive|i'?d|i'?ll|ill|me|my)"
INTENT = (
    r"(?:want(?:s|ed|ing)?\s+to|wanna|wana|going\s+to|gonna|gunna|finna|plan(?:ning)?\s+to|"
    r"ready\s+to|need\s+to|decided\s+to|(?:my\s+)?plan\s+is\s+to|have\s+to|(?:'?ll|will)|should(?:\s+just)?|might(?:\s+just)?|"
    r"could(?:\s+just)?|tempted\s+to|urge\s+to|trying\s+to|tried\s+to|try\s+to|"
    r"(?:thinking|thought|think)\s+(?:about|of|abt)|considering|feel\s+like|"
    r"keep\s+(?:thinking\s+(?:about|of))?)"
)
STRUCTURE = (
    r"(?:bridges?|buildings?|towers?|roofs?|rooftops?|cliffs?|car\s*parks?|parking\s+"
    r"(?:garages?|structures?|decks?)|skyscrapers?|balcon(?:y|ies)|overpass(?:es)?|viaducts?|dams?)"
)
DRUG = (
    r"(?:pills?|tablets?|meds|medications?|medicines?|painkillers?|paracetamol|acetaminophen|"
    r"tylenol|ibuprofen|aspirin|sleeping\s+pills|antidepressants?|insulin|opioids?|oxy\w*|"
    r"sertraline|fluoxetine|citalopram|xanax|valium|benzos?|prescriptions?)"
)
BODY = r"(?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?|hands?|chest|body)"
ABUSER_NOUN = (
    r"(?:partner|husband|wife|boyfriend|girlfriend|bf|gf|fianc[eé]e?|ex|dad|father|mum|mom|"
    r"mother|step\s*-?(?:dad|father|mum|mom|mother)|brother|sister|uncle|aunt|parents?|family|"
    r"flatmate|roommate|housemate|son|daughter|carer|boss)"
)
ABUSER = rf"(?:he|she|they|(?:my\s+)?{ABUSER_NOUN})"
HARM_VERB = (
    r"(?:hits?|hitting|beats?|beat|beating|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|"
    r"slap(?:s|ped|ping)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|hurts|hurting|"
    r"threw|throws|push(?:es|ed)|shov(?:es|ed)|rap(?:es|ed)|assault(?:s|ed)|attack(?:s|ed)|"
    r"burn(?:s|ed|t)|grab(?:s|bed)|drag(?:s|ged)|smack(?:s|ed))"
)

# ---- Sentence-level guards (look-alike settings) ----
# Clearly accidental injuries; ignored when the sentence also says it was deliberate.
ACCIDENT = rx(
    r"^(?!.*\b(?:on\s+purpose|deliberately|again|urges?|relaps\w*|to\s+cope|to\s+feel|punish\w*|"
    r"deserve\w*|want\s+to|wanted\s+to)\b).*\b(?:playing|football|soccer|rugby|gym|workout|"
    r"tripped|slipped|accident(?:ally)?|by\s+mistake|oven|stove|tray|iron|kettle|hob|pan|cooking|"
    r"shav\w*|chopping|paper|bike|skiing|training|match|hiking|climbing|sport\w*)\b"
)
LEISURE_JUMP = rx(
    r"\b(?:bungee|diving|dive|pool|swim\w*|cliff\s*jump\w*|parachut\w*|skydiv\w*|base\s+jump\w*|"
    r"holiday|vacation|for\s+fun|trampoline|zip\s*line)\b"
)
DECLUTTER = rx(
    r"\b(?:charity|charities|donat\w*|declutter\w*|moving|move\s+house|garage\s+sale|"
    r"car\s+boot|sell\w*|minimal\w*|spring\s+clean\w*|kondo|kittens?|puppies)\b"
)
FAREWELL_EVENT = rx(
    r"\b(?:party|leaving\s+do|last\s+day|moving|move|trip|holiday|vacation|airport|flight|"
    r"graduation|wedding|retir\w*|new\s+job|abroad|station|semester|camp)\b"
)
RESEARCH = rx(
    r"\b(?:research|studies|study|article|paper|statistics|stats|rates?|lecture|prevention|"
    r"awareness|book|documentary|course|module|textbook|teens|adolescents|patients|clients)\b"
)
ROPE_USE = rx(
    r"\b(?:climb\w*|camping|tent|boat|sail\w*|tow\w*|swing|hammock|skipping|jump\s+rope|"
    r"washing\s+line|clothes\s*line|dog|gym|knots?\s+class|garden|crafts?|macram\w*)\b"
)
PLAYFUL_HIT = rx(
    r"\b(?:pillow|snowball|ball|playful\w*|joking|joke|tickl\w*|game|accident\w*|by\s+mistake|"
    r"up\s+on|up\s+with|hit\s+me\s+up|feelings?|cheat\w*|lied|lying)\b"
)
PHARMACY = rx(r"\b(?:prescriptions?|pharmacy|pharmacist|chemist|doctor'?s?|gp|surgery|refill\w*|"
              r"pick(?:ing)?\s+up|from\s+the|dose\s+per|per\s+day|a\s+day|headache|vet)\b")
QUESTION = rx(r"\?|\b(?:which|what|where|how|any|is\s+there|are\s+there|list|name)\b")
