"""Family 1, suicidal thoughts: explicit statements, then "a wish near death".

The explicit rules name the act ("kill myself", "suicidal", "end my life").
The family rules are built from ``words``: a wish, intent, relief or
rumination cue close to a death or non-existence concept, so "hoping my heart
just stops", "death sounds like a relief" and "I think about dying all the
time" are one idea each, not three sentences.
"""

from __future__ import annotations

from bot.safety.lookalikes import OTHERS_DEATH, RESEARCH
from bot.safety.rules import SUICIDAL_IDEATION, Rule, near, rx, then
from bot.safety.words import (
    DEATH_NOUN,
    FIRST_PERSON,
    INTENT,
    KILL,
    LIFE_TAIL,
    MYSELF,
    RELIEF,
    RUMINATION,
    SELF_DEATH,
    WISH_CUE,
)

_SI = SUICIDAL_IDEATION
_DIE_IDIOM = (
    r"(?!\s*(?:of|from|laughing|with\s+laughter|young|happy|old|for\s+(?:a|some|this)|"
    r"in\s+peace\s+at))"
)
_FRAME = r"(?:sounds?|seems?|feels?|would\s+be|'d\s+be|is|looks?|must\s+be|could\s+be|will\s+be)"
_RELIEF_FRAME = (
    rf"{_FRAME}\s+(?:like\s+)?(?:kinda\s+|kind\s+of\s+|pretty\s+|quite\s+|almost\s+|actually\s+)?"
    rf"(?:a\s+|such\s+a\s+|so\s+|the\s+|more\s+|much\s+|really\s+)?{RELIEF}"
)
_STRONG_DEATH = (
    r"(?:dying\b(?!\s+(?:my|your|her|his|the)\s+hair)|my\s+(?:own\s+)?(?:death|funeral)|suicide|"
    r"myself\s+(?:dead|gone|in\s+a\s+coffin|not\s+(?:being\s+)?(?:here|alive|around))|"
    r"killing\s+myself|ending\s+(?:it|it\s+all|things|my\s+life)|not\s+(?:existing|being\s+"
    r"(?:alive|here|around))|(?:not|never)\s+waking\s+up|being\s+dead|un-?aliving)"
)
_WAY_OUT = (
    r"(?:only|one|last|best|easiest|real)\s+(?:way\s+out|option|solution|answer|escape|choice|"
    r"thing\s+left|way\s+to\s+(?:stop|end|escape)\s+(?:this|it|the\s+pain))"
)
_DEATHLIKE = (
    rf"(?:{SELF_DEATH}|death|dying|die|dead|not\s+(?:be\s+|being\s+)?(?:alive|here|around)|be\s+gone|"
    r"end\s+it|end\s+my\s+life|suicide)"
)
_EVENT = (
    r"i\s+(?:\w+\s+){0,2}?(?:get|got|be|am|'m)\s+(?:hit|run\s+over|killed|struck|in\s+(?:a|an)\s+"
    r"(?:crash|accident)|cancer)|(?:car|bus|plane|train|truck|lorry|something|someone)\s+"
    r"(?:would\s+|will\s+|just\s+)*(?:hit|hits|kill|kills|crash(?:es)?\s+into)\s+me|"
    r"something\s+(?:bad\s+)?happens\s+to\s+me|i\s+die\s+in\s+my\s+sleep"
)

EXPLICIT_RULES: tuple[Rule, ...] = (
    Rule("kill_myself", _SI, "crisis",
         rx(rf"\b{KILL}(?:s|ed|ing|in'?)?\s*{MYSELF}(?!\s+(?:laugh\w*|with\s+laughter))")),
    Rule("kms_slang", _SI, "crisis", rx(r"\bkms\b")),
    Rule("kys_aimed_at_self", _SI, "crisis",
         rx(rf"\b(?:{FIRST_PERSON}|gonna|finna|ima|i'?ma|should|might|will|wanna)\s+(?:[\w']+\s+){{0,2}}kys\b")),
    Rule("unalive_myself", _SI, "crisis",
         rx(rf"\bun-?aliv(?:e|ing|ed)\s*{MYSELF}|\b(?:want|wanna|going|gonna)\s+(?:to\s+)?(?:be\s+)?un-?alive\b")),
    Rule("suicidal", _SI, "crisis", rx(r"\bsu[ie]?[cs]{1,2}i?d(?:i?a|e)l+\b"), subject=True,
         unless_impersonal=RESEARCH),
    Rule("suicide_act", _SI, "crisis",
         rx(r"\b(?:commit(?:ting)?|attempt(?:ed|ing|s)?|tr(?:y|ied|ying)|plan(?:ning|ned)?|"
            r"contemplat\w*|consider\w*|thinking\s+(?:about|of|abt)|think\s+about|thought\s+"
            r"(?:about|of)|thoughts\s+of|into)\s+(?:[\w']+\s+){0,2}su[ie]?[cs]{1,2}ide?\b"),
         subject=True, unless_impersonal=RESEARCH),
    Rule("want_to_die", _SI, "crisis",
         rx(rf"\b(?:want(?:s|ed|ing)?\s+to|wanna|wana|wan\s+to|ready\s+to|deserve\s+to|wish\s+to|"
            rf"would\s+like\s+to|'?d\s+like\s+to|just\s+want\s+to)\s+(?:just\s+)?"
            rf"(?:die|d\s+i\s+e|dy|die\s+already)\b{_DIE_IDIOM}"),
         subject=True),
    Rule("want_to_dye_typo", _SI, "crisis",
         rx(r"\b(?:want\s+to|wanna|wana|ready\s+to)\s+dye\s*(?=$|[.!?,]|\s+(?:tbh|lol|rn|ngl|fr|"
            r"tonight|right\s+now|now|already|so\s+bad|honestly)\b)"), subject=True),
    Rule("wish_dead", _SI, "crisis",
         rx(r"\b(?:wish|wished|hope|hoping)\s+(?:that\s+)?i(?:\s+was|\s+were|'?d\s+be|\s+would\s+be|\s+could\s+be)"
            r"\s+dead|\b(?:better\s+off|rather\s+be)\s+dead|\bwant\s+to\s+be\s+dead|"
            r"\brather\s+die\b(?!\s+than)|\b(?:hope|wish|pray)\s+(?:that\s+)?i\s+(?:die|just\s+die)\b")),
    Rule("end_my_life", _SI, "crisis",
         rx(r"\b(?:end(?:ing|ed)?|take|taking|took)\s+my\s+(?:own\s+)?life\b|\bend\s+it\s+all\b|"
            rf"\b{INTENT}\s+(?:to\s+)?end\s+(?:it|things|everything|this\s+life)\b"
            r"(?!\s+(?:with|between|off|for\s+(?:the|today|now)))")),
    Rule("not_want_to_live", _SI, "crisis",
         rx(r"\b(?:don'?t|do\s+not|dont|no\s+longer)\s+(?:really\s+)?(?:want|wanna|wish)\s+(?:to\s+)?"
            r"(?:be\s+alive|exist|live|go\s+on|wake\s+up|be\s+here)"
            r"(?!\s+(?:in|at|with|near|there|here|abroad|on|by|together|alone|somewhere|next|close|"
            r"far|under|for|without|if|when|until))"
            r"(?=\s*(?:anymore|any\s+more|any\s+longer|no\s+more|on\s+(?:this\s+)?earth|in\s+this\s+"
            r"world|like\s+this|$|[.!,;]))")),
    Rule("want_to_live_anymore", _SI, "crisis",
         rx(r"\b(?:want|wanna|wish)\s+(?:to\s+)?(?:be\s+alive|exist|live|go\s+on|be\s+here)\s+"
            r"(?:anymore|any\s+more|any\s+longer)\b"), modifiable=False),
    Rule("wish_not_to_exist", _SI, "crisis",
         rx(r"\b(?:want|wanna|wish|wishing|\w*dream\w*|fantasi[sz]\w*|think\w*|thought|long\w*|crave\w*)\s+"
            r"(?:to\s+|about\s+|of\s+)?(?:just\s+)?(?:stop(?:ping)?|not|never|no\s+longer|cease\s+to)\s+"
            r"(?:existing|exist|being\s+alive|be\s+alive|living|live|being\s+here|be\s+here)\b"
            r"(?!\s+(?:in|with|at|near|there|like\s+that|together|alone|abroad|paycheck))")),
    Rule("nothing_to_live_for", _SI, "crisis",
         rx(r"\b(?:nothing|no\s*one|nobody|no\s+reason)\s+(?:left\s+)?to\s+live\s+for\b|"
            r"\bno\s+(?:reason|point)\s+(?:to|in|for)\s+(?:me\s+)?(?:live|living|being\s+alive|"
            r"going\s+on|keep\s+going|existing)\b|\bnot\s+worth\s+living\b|"
            r"\b(?:life|living)\s+(?:is\s*n'?t|is\s+not|isnt|ain'?t)\s+worth\s+(?:it|living)\b|"
            r"\bdon'?t\s+see\s+(?:the|any|a)\s+(?:point|reason)\s+(?:in|of|to)\s+(?:living|live|life|"
            r"being\s+alive|going\s+on|keep\s+going)\b")),
    Rule("cannot_go_on_living", _SI, "crisis",
         rx(r"\bcan'?t\s+(?:go\s+on|keep|carry\s+on|continue)\s+(?:living|existing|being\s+alive)\b|"
            r"\b(?:tired|sick|weary)\s+of\s+(?:living|being\s+alive|life|existing|my\s+life|"
            r"being\s+here)\b|\b(?:done|finished)\s+(?:with\s+)?(?:living|life|being\s+alive|"
            r"existing)\b")),
    Rule("never_wake_up", _SI, "crisis",
         rx(r"\b(?:wish|want|hope|hoping|pray|just\s+want)\w*\s+(?:[\w']+\s+){0,6}?"
            r"(?:not|never|[\w]*n'?t)\s+(?:to\s+)?wake\s+up\b(?!\s+(?:late|early|in\s+time|on\s+time|before|too))|\b(?:want|wish|wanna)\s+(?:to\s+)?"
            r"(?:go\s+to\s+)?sleep\s+(?:forever|permanently|and\s+never)\b")),
    Rule("never_been_born", _SI, "crisis",
         rx(r"\bwish\s+i(?:\s+had|'?d|\s+was|\s+were)\s+never\s+(?:been\s+)?born\b")),
    Rule("indifferent_to_death", _SI, "crisis",
         rx(r"\b(?:don'?t|do\s+not|wouldn'?t)\s+care\s+if\s+i\s+(?:die|died|live|lived|was\s+dead)\b|"
            r"\bwouldn'?t\s+mind\s+(?:dying|being\s+dead|if\s+i\s+died|not\s+waking)\b")),
    Rule("hit_by_vehicle_wish", _SI, "crisis",
         rx(r"\b(?:hope|hoping|wish|pray|wouldn'?t\s+mind)\w*\s+(?:[\w']+\s+){0,4}?(?:get|getting|be|got)"
            r"\s+hit\s+by\s+a\s+(?:bus|car|truck|train|lorry)|\b(?:bus|car|truck|train|lorry)\s+"
            r"would\s+(?:just\s+)?hit\s+me\b")),
    Rule("join_the_dead", _SI, "crisis",
         rx(r"\bready\s+to\s+join\s+(?:her|him|them)\b|\bjoin\s+(?:her|him|them|my\s+\w+)\s+"
            r"(?:in\s+heaven|on\s+the\s+other\s+side|wherever)")),
    Rule("make_it_stop_forever", _SI, "crisis",
         rx(r"\b(?:want|need|wish)\s+(?:it|it\s+all|everything|this|the\s+pain|life)\s+(?:all\s+)?"
            r"to\s+(?:stop|end)\s+(?:permanently|forever|for\s+good)")),
)

_WISH_FOR_DEATH = then(WISH_CUE, SELF_DEATH, 40)
_DEATH_AS_RELIEF = near(DEATH_NOUN + '|' + r'(?<!\w)dead', _RELIEF_FRAME, 30)
_RUMINATING_ON_DEATH = near(
    r"(?:think\w*|thought\w*|imagin\w*|obsess\w*)\s+(?:about|of|abt|bout|on)\s+death",
    RUMINATION,
    30,
)
_PASSIVE_DEATH_WISH = then(
    r"(?:hop(?:e|ed|ing)|wish\w*|pray\w*|wouldn.?t\s+mind|want\w*)",
    _EVENT,
    30,
)
_ONLY_WAY_OUT = near(_WAY_OUT, _DEATHLIKE, 40)

FAMILY_RULES: tuple[Rule, ...] = (
    Rule("wish_for_death", _SI, "crisis", rx(rf"\b{_WISH_FOR_DEATH}"),
         subject=True, unless=OTHERS_DEATH),
    Rule("death_as_relief", _SI, "crisis",
         rx(rf"\b{_DEATH_AS_RELIEF}|"
            rf"\b(?:welcom\w*|embrac\w*|long(?:ing)?\s+for|pray\w*\s+for|wish\w*\s+for|hop\w*\s+for|"
            rf"crav\w*|await\w*|ready\s+for|look\w*\s+forward\s+to)\s+(?:my\s+)?(?:own\s+)?{DEATH_NOUN}|"
            r"\b(?:relief|peace|escape|freedom|rest)\s+(?:of|in|that)\s+(?:death|dying|not\s+existing|"
            r"being\s+dead)\b"),
         subject=True, unless=OTHERS_DEATH),
    Rule("ruminating_on_death", _SI, "crisis",
         rx(rf"\b(?:think\w*|thought\w*|imagin\w+|pictur\w+|dream\w*|fantasi[sz]\w*|obsess\w*|"
            rf"fixat\w*)\s+(?:(?:about|of|abt|bout|on)\s+)?(?:[\w']+\s+){{0,2}}?{_STRONG_DEATH}|"
            rf"\b{_RUMINATING_ON_DEATH}|"
            r"\b(?:death|dying|suicide|ending\s+it|killing\s+myself)\s+(?:is|has\s+been|'s\s+been|keeps?|was)"
            r"\s+(?:always\s+|constantly\s+|never\s+far\s+)?(?:on|in|from)\s+my\s+(?:mind|head|thoughts)|"
            r"\bcan'?t\s+stop\s+thinking\s+(?:about|of|abt)\s+(?:death|dying)"),
         subject=True, unless=OTHERS_DEATH, unless_impersonal=RESEARCH),
    Rule("unafraid_of_death", _SI, "crisis",
         rx(r"\b(?:death|dying|being\s+dead)\s+(?:doesn'?t|doesnt|does\s+not|no\s+longer|don'?t)\s+"
            r"(?:really\s+|even\s+)?(?:scare|frighten)s?\s+me\b|\bnot\s+(?:scared|afraid)\s+(?:of|to)\s+"
            r"(?:die|dying|death)\s+(?:anymore|any\s+more)\b"),
         subject=True, unless=OTHERS_DEATH),
    Rule("ease_of_not_existing", _SI, "crisis",
         rx(r"\b(?:(?:easy|easier|simple|simpler|peaceful|nice|better|good|tempting)\s+(?:it\s+)?(?:would|'d|"
            r"will|might)\s+be|(?:would|'d|will|might)\s+be\s+(?:so\s+|really\s+|much\s+)?(?:easy|easier|simple|"
            r"simpler|peaceful|nice|better|tempting))\s+(?:to\s+)?(?:just\s+|simply\s+)?(?:not\s+(?:be\s+)?(?:here|alive|around)|die|"
            r"disappear|end\s+it|stop\s+existing|not\s+wake\s+up|never\s+wake\s+up|be\s+gone)\b"),
         subject=True),
    Rule("glad_if_i_died", _SI, "crisis",
         rx(r"\bif\s+i\s+(?:just\s+)?(?:died|was\s+dead|were\s+dead|didn'?t\s+wake\s+up|never\s+woke\s+up|"
            r"stopped\s+existing)\b[^.!?\n]{0,40}\b(?:glad|relieved|relief|fine|happy|okay|ok|wouldn'?t\s+mind|"
            r"at\s+peace|grateful)\b|\b(?:glad|relieved|happy|grateful|wouldn'?t\s+mind)\b[^.!?\n]{0,25}\bif\s+"
            r"i\s+(?:just\s+)?(?:died|was\s+dead|didn'?t\s+wake\s+up|never\s+woke\s+up)\b"),
         subject=True),
    Rule("indifferent_to_living", _SI, "crisis",
         rx(r"\b(?:idc|idgaf|don'?t\s+care|dont\s+care|do\s+not\s+care|couldn'?t\s+care\s+less|"
            r"doesn'?t\s+matter)\s+(?:anymore\s+|any\s+more\s+)?(?:if|whether)\s+i\s+(?:live|die|wake|"
            r"survive|make\s+it|get\s+hit|am\s+alive|'m\s+alive|exist)|\b(?:whether|if)\s+i\s+live\s+"
            r"or\s+(?:die|not)\b")),
    Rule("passive_death_wish", _SI, "crisis",
         rx(rf"\b{_PASSIVE_DEATH_WISH}"),
         subject=True),
    Rule("only_way_out", _SI, "crisis", rx(rf"\b{_ONLY_WAY_OUT}"), subject=True),
    Rule("better_if_not_alive", _SI, "crisis",
         rx(r"\b(?:better|easier|best|kinder)\s+(?:for\s+(?:everyone|every1|me|all|them)\s+)?(?:that\s+|if\s+)?"
            r"i\s+(?:am|'m|was|were|be|wasn'?t|weren'?t)?\s*(?:not|n'?t)?\s*(?:alive|living|dead|die|died)\b"
            r"|\b(?:better|easier|best)\s+(?:if\s+)?i\s+(?:am|'m|was|were)\s+not\s+(?:here|around)\b")),
    Rule("take_me_now", _SI, "crisis",
         rx(r"\b(?:please|pls|plz|god|lord|jesus)\s*,?\s+(?:god\s+|lord\s+)?(?:just\s+)?take\s+me\s+"
            r"(?:already|now|away\s+from\s+(?:here|this\s+life|this\s+world)|home|in\s+my\s+sleep|tonight)\b"),
         subject=True),
    Rule("slang_suicide", _SI, "crisis",
         rx(rf"\bctb\b|\bsewer\s*slide\b|\b(?:off|end)\s+{MYSELF}\b|\byeet\s+{MYSELF}\s+(?:off|out)"),
         subject=True),
    Rule("life_should_stop_for_good", _SI, "crisis",
         rx(r"\b(?:want|need|wish)\w*\s+(?:it|it\s+all|everything|this|the\s+pain|life|things)\s+(?:all\s+)?"
            r"to\s+(?:just\s+)?(?:stop|end)[\s.,!-]{1,5}(?:[\w']+\s+){0,2}?(?:permanently|forever|for\s+good)")),
    Rule("had_enough_of_life", _SI, "crisis",
         rx(r"\b(?:had\s+enough|(?:tired|sick|weary)|done)\s+(?:of|with)\s+(?:this\s+)?(?:living|life|being\s+"
            r"alive|existing|this\s+world)\b(?!\s+(?:as\s+a|in\s+the|at|style))")),
    Rule("dont_want_to_live", _SI, "crisis",
         rx(r"\b(?:don'?t|dont|do\s+not|no\s+longer|never)\s+(?:really\s+|even\s+)?(?:want|wanna|wana|wish)\s+"
            rf"(?:to\s+)?(?:be\s+alive|exist|live|be\s+here|wake\s+up|be\s+living){LIFE_TAIL}"),
         subject=True),
)

SUICIDAL_RULES: tuple[Rule, ...] = EXPLICIT_RULES + FAMILY_RULES
