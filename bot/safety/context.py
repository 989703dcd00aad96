"""Distress rules (concern) and the context cues that modify crisis hits.

``concern`` is distress without risk: hopelessness, exhaustion, not coping,
panic, crying all day. The same vocabulary, plus loss events ("I lost my job",
"she left me"), is the context that turns a weak method hit such as "which
bridges are taller than 25 m?" into a crisis.
"""

from __future__ import annotations

import re

from bot.safety.lookalikes import RESEARCH
from bot.safety.rules import DISTRESS, Rule, rx

_D = DISTRESS
_FICTION = rx(r"\b(?:film|movie|episode|series|show|novel|book|story|play|song|lyrics|character|"
              r"plot|villain|hero|heroine|protagonist|documentary|game|anime|manga|comic|scene|"
              r"poem|poetry|fairy\s*tale|myth|opera|musical|podcast|sitcom|tv|netflix)\b")

DISTRESS_RULES: tuple[Rule, ...] = (
    Rule("hopeless", _D, "concern",
         rx(r"\bhopeless\w*|\bno\s+hope\b|\blost\s+(?:all\s+)?hope\b|\bwhat'?s\s+the\s+point\b|"
            r"\bnothing\s+matters\b|\bpointless\b|\bno\s+point\s+(?:in\s+)?(?:anything|trying)\b|"
            r"\b(?:give|giving|gave)\s+up\s+on\s+(?:myself|everything|life)|"
            r"\b(?:feel\s+like|want\s+to)"
            r"\s+(?:give|giving)\s+up\b|\bi\s+give\s+up\b")),
    Rule("not_coping", _D, "concern",
         rx(r"\b(?:can'?t|cannot|can\s+not|unable\s+to|not|difficult\s+to|hard\s+to|"
            r"struggling\s+to)\s+"
            r"(?:\w+\s+)?cop(?:e|ing)\b|"
            r"\bhow\s+much\s+longer\s+i\s+can\s+cope|\bcan'?t\s+(?:take|handle|bear|stand)\s+"
            r"(?:it|this|much\s+more|any\s*more|anything)|\bcan'?t\s+do\s+(?:this|it|life)\s+"
            r"(?:anymore|any\s+more)|\bcan'?t\s+go\s+on\b|\b(?:at|"
            r"reached)\s+(?:my\s+)?breaking\s+point|"
            r"\bbarely\s+(?:holding\s+on|hanging\s+on|surviving|functioning)|"
            r"\bcan'?t\s+hold\s+it\s+"
            r"together|\bend\s+of\s+my\s+(?:rope|tether)|\bstruggling\s+to\s+(?:get\s+through|cope|"
            r"function|keep\s+going|get\s+out\s+of\s+bed)")),
    Rule("exhausted", _D, "concern",
         rx(r"\b(?:exhausted|drained|burn(?:ed|t)\s+out|worn\s+out|so\s+tired\s+of\s+(?:everything|"
            r"it\s+all|this)|(?:tired|sick)\s+of\s+(?:everything|it\s+all)|"
            r"barely\s+get\s+out\s+of\s+"
            r"bed|haven'?t\s+slept\s+in\s+days|can'?t\s+think\s+straight)\b")),
    Rule("panic", _D, "concern",
         rx(r"\bpanic\s+attacks?\b|\bi\s+(?:panic|am\s+panicking|'?m\s+panicking)\b|"
            r"\bpanick?(?:ing|ed)\b|"
            r"\bcan'?t\s+breathe\b|\bknot\s+of\s+dread\b|\bconstant\s+dread\b|"
            r"\bterrified\s+all\s+the")),
    Rule("crying", _D, "concern",
         rx(r"\bcr(?:y|ying|ied)\s+(?:all\s+day|all\s+night|every\s+(?:day|night)|"
            r"non-?stop|constantly|"
            r"myself\s+to\s+sleep)|\b(?:can'?t|cannot|can\s+not)\s+stop\s+crying\b|"
            r"\bcried\s+(?:all|every)\b|"
            r"\b(?:keep|kept|been|started)\s+crying\b|\bcrying\s+for\s+no\s+reason\b")),
    Rule("self_worth", _D, "concern",
         rx(r"\bworthless\b|\bi\s+hate\s+(?:myself|who\s+i\s+am|my\s+life)\b|"
            r"\b(?:complete|total|such\s+a)"
            r"\s+failure\b|\b(?:i'?m|i\s+am|i\s+feel|feel|feeling|so|completely|"
            r"totally)\s+(?:so\s+)?"
            r"(?:unloved|unlovable)\b|\bnobody\s+(?:loves|cares\s+about|would\s+choose)\s+me|"
            r"\b(?:no\s*one|nobody)\s+(?:really\s+)?cares\b|\bi'?m\s+(?:just\s+|"
            r"such\s+)?a\s+burden\b|"
            r"\bfeel\s+like\s+a\s+burden\b")),
    Rule("breaking_down", _D, "concern",
         rx(r"\bfalling\s+apart\b|\bbreaking\s+down\b|\b(?:i'?m|i\s+am|i\s+feel|feel|feeling)\s+"
            r"(?:so\s+|completely\s+|totally\s+|just\s+|really\s+)?(?:broken|empty|numb|trapped|"
            r"hopeless|lost|low)\b|\bdead\s+inside\b|\bdon'?t\s+feel\s+anything\b|"
            r"\blosing\s+my\s+mind\b|\bgoing\s+crazy\b|\boverwhelm(?:ed|ing)\b|"
            r"\b(?:in\s+so\s+much|unbearable)\s+pain\b|\bso\s+much\s+pain\b")),
    Rule("drowning", _D, "concern",
         rx(r"\b(?:i'?m|i\s+am|feel\s+like\s+i'?m|feels?\s+like|"
            r"i\s+feel)\s+(?:\w+\s+)?drowning\b(?!\s+in\s+(?:e-?mails?|work|"
            r"paperwork|laundry|homework|assignments|deadlines|"
            r"admin|messages|notifications|washing|dishes|marking))")),
    Rule("depressed_lonely", _D, "concern",
         rx(r"\bdepressed\b|\bdepression\b(?![^.!?\n]{0,20}\b(?:era|era's|great))|"
            r"\b(?:so|really|very|incredibly|feel|feeling|i'?m)\s+(?:\w+\s+)?(?:lonely|alone)\b|"
            r"\b(?:scared|terrified|frightened|desperate)\b[^.!?\n]{0,25}\b(?:don'?t|no\s+idea)\s+"
            r"(?:know\s+)?what\s+to\s+do\b")),
    Rule("wish_to_disappear", _D, "concern",
         rx(r"\b(?:want|wish|like)\s+(?:i\s+could\s+)?(?:to\s+)?(?:just\s+)?(?:disappear|vanish)\b|"
            r"\bwant\s+the\s+pain\s+to\s+stop\b|\bdo\s+anything\s+stupid\b")),
    Rule("unseen_or_sinking", _D, "concern",
         rx(r"\b(?:i'?m|i\s+am|feel\s+like\s+i'?m|feels?\s+like|"
            r"i\s+feel\s+like)\s+(?:\w+\s+)?(?:sinking|"
            r"suffocating|disappearing|a\s+ghost|invisible)\b|\b(?:no\s*one|"
            r"nobody)\s+(?:\w+\s+)?(?:notices|"
            r"sees\s+(?:me|it)|understands|listens)\b")),
    Rule("no_way_forward", _D, "concern",
         rx(r"\b(?:can'?t|cant|don'?t|dont|cannot)\s+see\s+(?:a|"
            r"any)\s+(?:way\s+(?:forward|out)|future|"
            r"light|end\s+to)|\bno\s+(?:way\s+(?:forward|out)|future\s+for\s+me)\b|"
            r"\bnothing\s+(?:helps|"
            r"works\s+anymore|will\s+(?:ever\s+)?(?:get\s+better|change|"
            r"be\s+different)|ever\s+gets\s+better)\b")),
    Rule("low_all_the_time", _D, "concern",
         rx(r"\b(?:tired|exhausted|sad|low|down|miserable|"
            r"anxious)\s+all\s+the\s+time\b|\blow\s+mood\b|"
            r"\bfeel(?:ing)?\s+(?:really\s+|so\s+|very\s+|just\s+)*(?:low|miserable|awful|dreadful|"
            r"terrible)\b(?!\s+(?:about|for|that|after|because))|"
            r"\bcan'?t\s+(?:sleep|eat)\b.{0,20}\bcan'?t\s+"
            r"(?:sleep|eat|think|function)\b")),
    Rule("too_much", _D, "concern",
         rx(r"\b(?:everything|it'?s\s+all|it\s+is\s+all|it\s+all|life|"
            r"its\s+all)\s+(?:\w+\s+)?(?:is\s+|"
            r"feels\s+|'s\s+)?(?:all\s+)?(?:just\s+)?too\s+much\b|\b(?:a|"
            r"such\s+a)\s+(?:disappointment|"
            r"let\s*-?down)\s+to\s+(?:everyone|everybody|my\s+\w+)\b|\bholding\s+it\s+together\b|"
            r"\bcr(?:y|ying|ied)\s+(?:in|at)\s+(?:the\s+)?(?:toilets?|bathroom|work|"
            r"school|my\s+car|bed)\b|"
            r"\b(?:such\s+|a\s+|just\s+)+burden\s+(?:to|on)\b")),
    Rule("someone_else_at_risk", _D, "concern",
         rx(r"\b(?:kill(?:s|ed|ing)?|hurt(?:s|ing)?|cut(?:s|ting)?|burn(?:s|ing|ed|"
            r"t)?|harm(?:s|ing|ed)?|"
            r"starv(?:es|ing|ed))\s+(?:him|her|them)sel(?:f|ves)\b|"
            r"\b(?:committed|died\s+by|death\s+by|lost\s+\w+\s+to)\s+suicide\b|"
            r"\btook\s+(?:his|her|their)"
            r"\s+(?:own\s+)?life\b"), unless=_FICTION, modifiable=False),
)

# Loss events: context for weak method rules, never evidence on their own.
LOSS = rx(
    r"\blost\s+(?:my\s+|the\s+|our\s+)?(?:job|house|home|flat|partner|wife|"
    r"husband|kids|children|everything|"
    r"custody|business|savings|baby)\b|\b(?:he|she|they)\s+left\s+me\b|\b(?:wife|husband|partner|"
    r"girlfriend|boyfriend)\s+(?:left|walked\s+out|moved\s+out)\b|"
    r"\b(?:walked|moved)\s+out\s+on\s+me\b|"
    r"\btook\s+the\s+kids\b|\bbroke\s+up\b|\bdumped\b|\bdivorc\w*|\b(?:got|been|was)\s+"
    r"(?:fired|sacked|laid\s+off|made\s+redundant)|\bevict\w*|\bbankrupt\w*|\bhave\s+nothing\b|"
    r"\b(?:doesn'?t|does\s+not)\s+matter\s+(?:anymore|any\s+more)|\bnothing\s+does\b|\bruined\b|"
    r"\b(?:my\s+)?life\s+is\s+(?:over|ruined|a\s+mess|finished|pointless)|\bnothing\s+left\b|"
    r"\bno\s+(?:way\s+out|future)\b"
)

# Negation just before a hit, in the same clause: "I'm not", "I would never".
NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|don'?t|dont|do\s+not|didn'?t|did\s+not|won'?t|will\s+not|"
    r"wouldn'?t|would\s+not|ain'?t|isn'?t|nothing\s+like|no\s+intention\s+of|no\s+plans?\s+to)\b"
    r"((?:\s+[\w']+){0,3})\s*$"
)
# Words between a negation and the hit that show the negation is about something
# else ("I don't know if I want to die", "I'm not okay and I want to die").
NEGATION_BREAKERS = frozenset(
    {"know", "sure", "if", "whether", "why", "okay", "ok", "fine", "care", "matter", "mind",
     "stop", "help", "think", "even", "understand", "see", "anymore"}
)
CLAUSE_BREAK = re.compile(
    r"[,.;:!?\n()\"]|\b(?:but|and|so|because|cause|cuz|though|although|yet|however|except)\b"
)
# Distant past and recovery: "years ago", "when I was 16", "as a teenager".
DISTANT_PAST = rx(
    r"\b(?:years?\s+ago|long\s+(?:time\s+)?ago|decades?\s+ago|(?:back\s+)?when\s+i\s+was\s+"
    r"(?:a\s+|an\s+)?(?:kid|child|teen\w*|little|young\w*|small|\d+|in\s+(?:school|high\s+school|"
    r"college|uni\w*))|when\s+we\s+were\s+(?:kids|little|young)|as\s+a\s+(?:kid|child|teen\w*|"
    r"young\s+\w+)|in\s+(?:high\s+school|school|college|uni|university|my\s+(?:teens|twenties))|"
    r"used\s+to|in\s+the\s+past|childhood|growing\s+up|(?:left|escaped)\s+(?:him|her|them)\s+"
    r"\w+\s+(?:years?|months?)\s+ago|at\s+(?:1[0-9]|2[0-9]|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty)|in\s+my\s+(?:early\s+|mid\s+|late\s+)?(?:teens|"
    r"twenties|thirties|forties|20s|30s)|back\s+in\s+(?:uni|school|college|the\s+day|\d{4})|"
    r"(?:ten|twenty|\d+)\s+years?\s+(?:ago|back)|before\s+(?:\d+|one|two|"
    r"three|four|five|ten)\s+years|"
    r"(?:back\s+)?in\s+the\s+(?:sixties|seventies|eighties|nineties|\d0s|"
    r"'\d0s)|teenage\s+\w+\s+era|"
    r"(?:my|a)\s+teenage\s+(?:self|years)|in\s+(?:19|20)\d\d|year\s+\d+\s+me|"
    r"when\s+i\s+was\s+(?:twenty|thirty|forty)(?:-\w+)?)\b"
)
# The person says it is over: stopped, resolved, well now.
RESOLVED = rx(
    r"\b(?:stopped\s+(?:since|years\s+ago|a\s+long\s+time)|"
    r"haven'?t\s+(?:since|in\s+(?:yrs|years|ages))|"
    r"havent\s+(?:since|in\s+(?:yrs|years|ages))|resolved|recovered|"
    r"in\s+a\s+(?:good|better)\s+place|"
    r"doing\s+(?:well|better|ok(?:ay)?)\s+now|(?:married|happy|safe|better)\s+now|"
    r"(?:don'?t|dont|do\s+not)\s+feel\s+(?:like\s+)?(?:that|this)\s+(?:now|anymore|any\s+more)|"
    r"(?:i'?m|i\s+am)\s+(?:\w+-?)?(?:twenty|thirty|forty|fifty|sixty|\d{2})(?:-\w+)?\s+now|"
    r"today\s+i\s+am\s+(?:married|happy|well|fine|safe)|still\s+here|(?:\w+\s+)?years?\s+clean|"
    r"(?:well\s+)?behind\s+me|(?:now\s+)?i\s+am\s+in\s+(?:a\s+)?safe\s+place|much\s+better\s+now|"
    r"(?:i'?ve|i\s+have)\s+had\s+a\s+good\s+life\s+since|a\s+long\s+time\s+ago|"
    r"doing\s+(?:much\s+|so\s+much\s+)?(?:okay|ok|well|better|fine)\b|glad\s+(?:he|she|they|i)\s+did|"
    r"i'?m\s+(?:genuinely\s+|really\s+|very\s+)?happy|not\s+in\s+my\s+life\s+(?:now|anymore|any\s+more)|"
    r"working\s+on\s+it\s+with\s+my\s+(?:counsell?or|therapist))\b"
)
# Someone writing a story, a script or a poem about a character.
WRITING_FICTION = rx(
    r"\b(?:protagonist|main\s+character|my\s+character|short\s+story|(?:writing|write|wrote)\s+"
    r"(?:a|my)\s+(?:story|novel|script|screenplay|poem|play|scene|chapter)|"
    r"in\s+my\s+(?:novel|story|script))\b"
)
STRONG_CURRENT = rx(
    r"\b(?:again|lately|recently|these\s+days|right\s+now|tonight|this\s+(?:week|morning|evening)|"
    r"last\s+(?:night|week)|yesterday|starting\s+to|coming\s+back|relaps\w*)\b"
)
# Signs the risk is current even though a past marker is present.
CURRENT = rx(
    r"\b(?:again|still(?!\s+(?:affects?|affecting|haunts?|shapes?|impacts?|influences?|remember|"
    r"think\s+about\s+(?:it|that|him|her|them)|have\s+(?:scars|nightmares|"
    r"flashbacks)|miss))|lately|recently|these\s+days|right\s+now|tonight|"
    r"today|this\s+(?:week|"
    r"morning|evening)|last\s+(?:night|week)|yesterday|anymore|any\s+more|starting\s+to|"
    r"coming\s+back)\b"
)
# Subjects that mark a clause as being about someone else.
THIRD_PERSON = frozenset(
    {"he", "she", "they", "who", "character", "guy", "girl", "boy", "man", "woman", "friend",
     "brother", "sister", "mum", "mom", "dad", "father", "mother", "son", "daughter", "uncle",
     "aunt", "cousin", "partner", "husband", "wife", "boyfriend", "girlfriend", "people",
     "someone", "somebody", "person", "patients", "kids", "children", "teens", "students",
     "colleague", "classmate", "bf", "gf", "ex", "him", "her", "them", "you", "u", "we",
     "everyone", "everybody", "she's", "he's", "they're", "she'd", "he'd", "they'd", "shes",
     "hes", "theyre", "toddler", "baby", "teenager", "grandson", "granddaughter",
     "mufasa", "nephew", "niece"}
)
FIRST_PERSON_WORDS = frozenset(
    {"i", "i'm", "im", "me", "my", "myself", "i've", "ive", "i'd", "id", "i'll", "mine"}
)
QUOTED_FICTION = _FICTION
RESEARCH_CONTEXT = RESEARCH
