"""Family 3, method and means: having, taking, researching or standing at them.

Explicit forms (rope, noose, lethal dose, jumping from a structure) plus the
family: an ingestion fact with a quantity ("took like 20 of my sleeping
tablets"), collecting or keeping medicine with a purpose or a quantity
("enough pills saved", "instead of taking them", "just in case"), being at a
high place now ("on the bridge right now"), lethality questions ("high enough
to die", "how long does it take to drown") and known means (charcoal and
tape). A height question alone is weak: crisis only with hopelessness or loss.
"""

from __future__ import annotations

from bot.safety.lookalikes import (
    HEIGHT_LEISURE,
    LEISURE_JUMP,
    MED_ROUTINE,
    PHARMACY,
    QUESTION,
    RESEARCH,
    ROPE_USE,
)
from bot.safety.rules import METHOD_OR_MEANS, Rule, near, rx, then
from bot.safety.words import DRUG, HIGH_PLACE, INTENT, MYSELF, STRUCTURE

_MM = METHOD_OR_MEANS
_MANY = (
    r"(?:like\s+|about\s+|around\s+|over\s+|nearly\s+|almost\s+|maybe\s+|at\s+least\s+|"
    r"(?:more\s+than|at\s+least)\s+)?(?:[89]|[1-9]\d{1,2}|ten|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|"
    r"a\s+dozen|dozens|loads|all|every|heaps|lots|a\s+lot|the\s+(?:whole|"
    r"rest|entire)|a\s+(?:whole|full|"
    r"bunch|handful|load)|handfuls|too\s+many|way\s+too\s+many|double|triple)"
)
_HOARD = (
    r"(?:sav(?:e|ed|ing)|stockpil\w*|hoard\w*|stash\w*|collect(?:ed|ing)|"
    r"squirrel\w*|hold(?:ing)?\s+"
    r"on\s+to|held\s+on\s+to|build(?:ing)?\s+up|built\s+up|amass\w*|gather\w*|hid(?:e|ing|den)?|"
    r"keep(?:ing)?\s+(?:back|aside)|put(?:ting)?\s+aside|set(?:ting)?\s+aside)"
)
_PURPOSE = (
    r"(?:enough|sufficient|whole\s+(?:bottle|box|pack\w*|strip|supply)|all\s+of\s+them|lined\s+up|"
    r"laid\s+out|counted\s+(?:out|them)|in\s+front\s+of\s+me|"
    r"just\s+in\s+case|instead\s+of\s+taking|"
    r"months?\s+(?:of|worth)|weeks?\s+(?:of|worth)|for\s+when|to\s+(?:end|"
    r"die|overdose|od|not\s+wake|"
    r"make\s+sure|do\s+it|finish))"
)
_NOW = (
    r"(?:now|rn|right\s+now|atm|at\s+the\s+moment|tonight|again|looking\s+down|staring\s+down|"
    r"thinking\s+about\s+(?:it|jumping|ending\s+it|dying)|for\s+(?:an?\s+|"
    r"over\s+an?\s+)?hours?|staring|"
    r"looking\s+over|want(?:ed|ing)?\s+to\s+jump|last\s+night|every\s+night|at\s+night|"
    r"it'?s\s+(?:really\s+|so\s+)?(?:high|far|a\s+long\s+way)|high\s+up|alone|edge)"
)
_LETHAL = (
    r"(?:enough\s+to\s+(?:die|kill|be\s+fatal)|to\s+(?:die|not\s+survive)|(?:fatal|lethal|deadly)|"
    r"not\s+survive|without\s+surviving|guarantee\w*|instant\w*\s+death|"
    r"certain\s+death|kill\s+(?:you|me|"
    r"a\s+person|someone))"
)
_HEIGHT = (
    r"(?:high|height|tall|far|floors?|storeys?|stories|metres?|meters?|feet|ft|\d+\s*m\b|drop|"
    r"fall|jump)"
)

EXPLICIT_RULES: tuple[Rule, ...] = (
    Rule("stockpiled_drugs", _MM, "crisis",
         rx(rf"\b(?:sav(?:ed|ing)|stockpil\w*|hoard\w*|stash\w*|collect(?:ed|ing))\s+(?:up\s+)?"
            rf"(?:[\w']+\s+){{0,3}}{DRUG}(?!\s*(?:box|boxes|organi[sz]ers?|cases?|"
            rf"bottles?\s+for))"),
         unless=PHARMACY),
    Rule("took_many_drugs", _MM, "crisis",
         rx(rf"\b(?:took|taken|swallow\w*|downed|take)\s+(?:all|every|a\s+whole|"
            rf"the\s+whole|a\s+bunch|"
            rf"a\s+handful|too\s+many|loads|a\s+load|an?\s+(?:entire|"
            rf"full))\b(?:\s+\w+){{0,3}}\s+{DRUG}|"
            r"\b(?:took|taken|swallow\w*)\s+(?:a|the)\s+(?:whole|full|entire)\s+(?:bottle|pack|box|"
            r"packet|strip)")),
    Rule("lethal_quantity", _MM, "crisis",
         rx(rf"\b(?:lethal|fatal|deadly|toxic)\s+(?:dose|amount|quantity|level)|\bhow\s+many\s+"
            rf"(?:[\w']+\s+){{0,3}}(?:{DRUG}\s+)?(?:would|does|will|"
            rf"to)\s+(?:it\s+)?(?:take\s+)?(?:to\s+)?"
            r"(?:die|kill|be\s+(?:fatal|lethal|enough)|overdose|od|not\s+wake)|"
            rf"\bhow\s+many\s+(?:of\s+)?(?:my\s+|these\s+|"
            rf"the\s+)?(?:\w+\s+)?{DRUG}\b[^.!?\n]{{0,25}}"
            r"\b(?:would|does|will)\s+it\s+take\b|\bhow\s+many\s+(?:of\s+)?(?:my\s+)?(?:\w+\s+)?"
            rf"{DRUG}\b[^.!?\n]{{0,20}}\bit\s+would\s+take\b"), unless=PHARMACY,
         unless_message=rx(r"\b(?:caffeine|coffee|energy\s+drinks?|vitamins?|chocolate|dog|cat|"
                           r"pet|puppy|kitten|toddler|teenager|my\s+(?:son|daughter|kid|child))\b")),
    Rule("overdose_intent", _MM, "crisis",
         rx(rf"(?:\b(?:{INTENT}|i)\s+(?:to\s+)?(?:just\s+)?(?:overdos\w*|od)\b|"
            rf"\b(?:took|take)\s+an\s+"
            rf"overdose\b|\bi\s+(?:overdosed|od'?d)\b)(?!\s+on\s+(?!(?:my\s+)?{DRUG}|drugs|heroin|"
            r"fentanyl|something|them|those|these))")),
    Rule("researching_method", _MM, "crisis",
         rx(r"\b(?:research\w*|look\w*\s+up|looked\s+up|googl\w*|search\w*|"
            r"read\w*\s+(?:about|up\s+on)|"
            r"watch\w*\s+videos\s+(?:about|on))\s+(?:[\w']+\s+){0,2}(?:overdos\w*|lethal\s+\w+|"
            r"ways\s+to\s+(?:die|kill|end)|how\s+to\s+(?:die|kill\s+myself|"
            r"end\s+it)|suicide\s+methods?|"
            r"painless\s+(?:ways?|death|methods?))|\b(?:painless|easiest|quickest|best)\s+"
            r"(?:way|ways|method)\s+to\s+(?:die|kill\s+myself|end\s+it)\b|\bways\s+to\s+die\b")),
    Rule("hanging", _MM, "crisis", rx(rf"\bhang(?:ing)?\s+{MYSELF}|\bnoose\b")),
    Rule("rope_bought", _MM, "crisis",
         rx(r"\b(?:bought|buy|buying|got|get|ordered)\s+(?:a|some|the)\s+(?:[\w']+\s+)?rope\b"),
         unless=ROPE_USE),
    Rule("jump_from_height", _MM, "crisis",
         rx(rf"\b(?:jump(?:ed|ing)?|throw(?:ing)?\s+{MYSELF}|step(?:ping)?|leap\w*|fall(?:ing)?)\s+"
            rf"(?:off|from|in\s+front\s+of|under|into)\s+(?:a\s+|the\s+|my\s+|an\s+)?(?:[\w']+\s+)?"
            rf"(?:{STRUCTURE}|trains?|bus(?:es)?|cars?|trucks?|lorr(?:y|ies)|traffic|windows?|"
            r"platforms?|tracks?)\b"), unless=LEISURE_JUMP),
    Rule("vehicle_crash", _MM, "crisis",
         rx(r"\b(?:driv\w+|crash\w*|steer\w*|swerv\w*|ram\w*)\s+(?:my\s+car\s+|"
            r"it\s+)?(?:into|off)\s+"
            r"(?:a\s+|the\s+|an\s+)?(?:tree|wall|bridge|cliff|oncoming|traffic|lorry|truck|river|"
            r"barrier|pillar)")),
    Rule("firearm_self", _MM, "crisis",
         rx(rf"\bshoot(?:ing)?\s+{MYSELF}|\bgun\s+(?:to|in)\s+my\s+(?:head|mouth)|\b(?:gun|pistol|"
            r"rifle|firearm)\b[^.!?\n]{0,40}\b(?:looking\s+at\s+it|"
            r"thinking\s+about\s+(?:using\s+)?it|"
            r"in\s+my\s+hand|loaded)")),
    Rule("other_means", _MM, "crisis",
         rx(rf"\b(?:drown(?:ing)?|poison(?:ing)?|gas(?:sing)?|suffocat\w*|"
            rf"electrocut\w*|starv\w*)\s+"
            rf"{MYSELF}|\bslit\s+my\s+(?:wrists?|throat)|\bbleed\s+out\b|\bcarbon\s+monoxide\b")),
    Rule("lethal_fall", _MM, "crisis",
         rx(r"\bhow\s+(?:high|far|tall)\b[^.!?\n]{0,60}\b(?:fatal|lethal|deadly|die|"
            r"kill|survive)\b|"
            r"\b(?:fatal|lethal|deadly)\s+(?:fall|height|jump)s?\b")),
    Rule("height_query", _MM, "crisis",
         rx(rf"\b{STRUCTURE}\b[^.!?\n]{{0,40}}\b(?:taller|higher)\s+than|\b(?:tallest|highest|"
            rf"high\s+enough|tall\s+enough)\b[^.!?\n]{{0,25}}\b{STRUCTURE}\b|\b{STRUCTURE}\b"
            r"[^.!?\n]{0,40}\b(?:high\s+enough|tall\s+enough|over\s+\d+\s*(?:m|"
            r"metres|meters|ft|feet|"
            r"storeys|stories|floors))\b"), weak=True, requires=QUESTION),
)

_KEEPING_MEDICINE = near(_HOARD, DRUG, 40)
_MEDICINE_WITH_PURPOSE = near(DRUG, _PURPOSE, 40)
_LETHALITY_QUESTION = near(_HEIGHT, _LETHAL, 40)
_RESEARCHING_MEANS = then(
    r"(?:googl\w*|search\w*|look\w*\s+up|looked\s+up|research\w*|read\w*\s+(?:about|up\s+on)|"
    r"watch\w*\s+videos)",
    r"(?:how\s+to\s+(?:die|hang|drown|overdose)|overdos\w*|lethal|fatal|"
    r"(?:most\s+)?(?:dangerous|deadly|toxic)\s+(?:in\s+overdose|medications?|pills|dose)|"
    r"painless|suicide\s+methods?|ways\s+to\s+die)",
    40,
)
_ROPE_WITH_ANCHOR = near(
    r"rope|cord|belt|cable",
    r"tree|beam|banister|bannister|ceiling|hook|rafters?|noose|strong\s+enough|"
    r"hold\s+my\s+weight|which\s+(?:tree|beam|door)",
    40,
)

FAMILY_RULES: tuple[Rule, ...] = (
    Rule("took_a_quantity", _MM, "crisis",
         rx(rf"\b(?:took|taken|taking|swallow\w*|downed|necked|ate|chugged|popped|had)\s+{_MANY}\s+"
            rf"(?:of\s+)?(?:(?:my|the|his|her|mum'?s|mom'?s|"
            rf"dad'?s)\s+)?(?:[\w']+\s+){{0,2}}?{DRUG}|"
            r"\b(?:took|swallow\w*|downed|ate|taken)\s+(?:\w+\s+)?(?:everything|"
            r"all\s+the\s+\w+)\s+(?:in|from)\s+"
            r"the\s+(?:medicine|bathroom|first\s+aid)\s+(?:cabinet|cupboard|box|drawer|kit)"),
         subject=True, unless=PHARMACY),
    Rule("keeping_medicine", _MM, "crisis",
         rx(rf"\b{_KEEPING_MEDICINE}"), subject=True, unless=PHARMACY),
    Rule("medicine_with_purpose", _MM, "crisis",
         rx(rf"\b{_MEDICINE_WITH_PURPOSE}|\b{DRUG}\b.{{0,40}}\b(?:whole\s+(?:bottle|"
            rf"box|pack\w*)|all\s+of\s+them)"),
         subject=True, unless=MED_ROUTINE),
    Rule("at_a_high_place", _MM, "crisis",
         rx(rf"\b(?:i'?m|im|i\s+am|i'?ve\s+been|been|currently|sitting|standing|"
            rf"stood)\s+(?:\w+\s+){{0,2}}?"
            r"(?:on|at|up\s+on|on\s+top\s+of|at\s+the\s+top\s+of|"
            r"at\s+the\s+edge\s+of|on\s+the\s+edge\s+of|"
            rf"by|near|over|under)\s+(?:the\s+|a\s+|my\s+|this\s+|"
            rf"that\s+)?(?:\w+\s+)?{HIGH_PLACE}\b"
            rf"(?=.{{0,60}}\b{_NOW}\b)"),
         subject=True, unless=HEIGHT_LEISURE),
    Rule("at_a_high_place_weak", _MM, "crisis",
         rx(rf"\b(?:i'?m|im|i\s+am|i\s+keep|keep|kept)\s+(?:\w+\s+){{0,2}}?(?:on|at|"
            rf"to|up\s+on|on\s+top\s+of|"
            rf"at\s+the\s+edge\s+of|on\s+the\s+edge\s+of|by|near|over|walking\s+to|"
            rf"going\s+to)\s+(?:the\s+|a\s+|"
            rf"my\s+)?(?:\w+\s+)?{HIGH_PLACE}\b|"
            rf"\b{HIGH_PLACE}\b.{{0,60}}\bkeep\s+(?:walking|going|ending\s+up)"),
         weak=True, subject=True, unless=HEIGHT_LEISURE),
    Rule("lethality_question", _MM, "crisis", rx(rf"\b{_LETHALITY_QUESTION}"),
         requires=QUESTION, subject=True, unless=LEISURE_JUMP),
    Rule("method_question", _MM, "crisis",
         rx(r"\bhow\s+(?:long|much|many|quickly|fast|"
            r"painful)\b[^.!?\n]{0,40}\b(?:drown\w*|hang\w*|bleed\s+out|"
            r"suffocat\w*|overdos\w*|od|to\s+die|kill\s+(?:me|you|someone|"
            r"a\s+person)|be\s+fatal|not\s+wake)\b|"
            r"\b(?:fastest|quickest|easiest|painless|best|surest|most\s+(?:painless|"
            r"reliable|effective))\s+"
            r"(?:way|ways|method|methods|means)\s+(?:to|of)\s+(?:die|dying|"
            r"kill\s+(?:myself|yourself|oneself)|"
            r"end\s+(?:it|my\s+life|things)|suicide)\b"),
         subject=True, unless_impersonal=RESEARCH),
    Rule("researching_means", _MM, "crisis",
         rx(rf"\b{_RESEARCHING_MEANS}"),
         subject=True, unless=RESEARCH),
    Rule("sealed_room_means", _MM, "crisis",
         rx(r"\b(?:charcoal|bbq\s+coals?|barbecue\s+coals?)\b[^\n]{0,40}\b(?:tape|"
            r"seal\w*|vents?)\b|"
            r"\b(?:hose(?:pipe)?|tube)\b[^.!?\n]{0,40}\bexhaust\b"), subject=True),
    Rule("rope_with_anchor", _MM, "crisis",
         rx(rf"\b{_ROPE_WITH_ANCHOR}"),
         subject=True, unless=ROPE_USE),
)

METHOD_RULES: tuple[Rule, ...] = EXPLICIT_RULES + FAMILY_RULES
