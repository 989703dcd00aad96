"""Risk cues: not a clear crisis, but enough that the bot should ask directly.

A means or a place mentioned without an act ("on the bridge now", "the pills in
my drawer keep looking at me"), a goodbye that sounds final, "I won't be around
next month", "nothing is holding me here", a decision announced with sudden
calm. Asking plainly whether someone is thinking of ending their life does not
raise risk, and missing a crisis does, so these rules make the bot *ask*
(``Rule.ask``); they never show crisis numbers on their own.
"""

from __future__ import annotations

from bot.safety.presence import PLACE
from bot.safety.rules import RISK_CUE, Rule, rx

_SIGHTSEEING = rx(
    r"\b(?:view|photos?|pics?|sunset|sunrise|selfie|picnic|fishing|hike|"
    r"hiking|tour|tourist|commut\w*|"
    r"delayed|cancell?ed|waiting\s+for\s+(?:the|my)\s+(?:train|bus|friend|"
    r"mate)|meeting\s+(?:a\s+)?(?:friend|mate)|"
    r"dog|lunch|coffee|game|film|movie|song|festival|gig|concert|"
    r"date\s+night|be\s+there|on\s+my\s+way|omw|"
    r"\d+\s*(?:min|mins|minutes)|pick\s+(?:you|me)\s+up|meet\s+(?:you|me)|traffic|queue)\b"
)
_AWAY = rx(
    r"\b(?:holiday|vacation|trip|travel\w*|away|off\s+grid|abroad|camping|"
    r"festival|visiting|conference|"
    r"when\s+i'?m\s+back|back\s+(?:on|in|next|after)|moving|exams?|busy|"
    r"offline|no\s+(?:signal|wifi)|surgery|"
    r"wedding|honeymoon|retreat|new\s+job|shifts?|work\w*|signal|break|"
    r"course|class|appointment|uni|"
    r"quit(?:ting)?\s+(?:the\s+)?(?:app|group|chat)|deleting\s+(?:the\s+)?app|see\s+you|tonight|"
    r"for\s+(?:now|today|tonight)|gn|good\s*night|night\s+night|phone|battery|\d+\s*%|ttyl|"
    r"going\s+to\s+(?:my|the|a)\b|nan'?s|gran'?s|mum'?s|mom'?s|parents'?)\b"
)
_ORDINARY_BYE = rx(
    r"\b(?:see\s+(?:you|ya|u)|talk\s+(?:to\s+you\s+)?(?:soon|later|"
    r"tomorrow)|tomorrow|later|next\s+(?:time|week)|"
    r"for\s+(?:now|today|tonight)|night\s+night|good\s*night|gn|ttyl|cya|"
    r"back\s+soon|bedtime|sleep\s+well|"
    r"have\s+a\s+(?:good|nice|great)|cheers|this\s+(?:session|module|exercise))\b"
)
_CHORES = rx(
    r"\b(?:homework|essay|assignment|laundry|washing|dishes|taxes|"
    r"tax\s+return|gym|run|workout|revision|"
    r"exam|application|cv|interview|call|email|presentation|haircut|"
    r"cleaning|shopping|chat\s+with|tell\s+(?:him|her|them))\b"
)

_C = RISK_CUE

# fmt: off
CUE_RULES: tuple[Rule, ...] = (
    Rule("not_around_soon", _C, "concern",
         rx(r"\b(?:won'?t|wont|will\s+not|not\s+gonna|not\s+going\s+to|might\s+not|"
            r"may\s+not|probably\s+won'?t)\s+"
            r"(?:still\s+)?(?:be\s+)?(?:around|here)\b(?!\s+(?:for|at|in|"
            r"on)\s+(?:the|a|my|your)\s+(?:meeting|party|"
            r"office|weekend|session|class|lesson|dinner))|"
            r"\bcan'?t\s+promise\s+(?:i'?ll|i\s+will|ill)\s+(?:still\s+)?be\s+(?:here|around)\b|"
            r"\b(?:dw|don'?t\s+worry|do\s+not\s+worry|"
            r"no\s+need\s+to\s+worry)\s+about\s+me\s+after\b|"
            r"\bwon'?t\s+be\s+needing\s+(?:it|them|that|any\s+of\s+(?:it|this))\b|"
            r"\b(?:this\s+is|this'?s|it'?s|its|prob(?:ably|ly)?)\s+(?:(?:probably|"
            r"probly|prob|likely|gonna\s+be)\s+)?"
            r"(?:my|the)\s+last\s+(?:msg|message|mesage|chat|conversation|session|"
            r"time\s+(?:you|we|i)|week\s+here|"
            r"weekend|week|post|text|day\s+here)\b|\bnone\s+of\s+(?:it|this)\s+will\s+matter\b"),
         unless=_AWAY, unless_message=_AWAY, ask=True, subject=True),
    Rule("nothing_holding_me", _C, "concern",
         rx(r"\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:stay\w*|stick\w*\s+around|"
            r"be\w*\s+here|exist\w*|living|live|"
            r"go\w*\s+on|carry\w*\s+on|keep\s+going|wake\s+up|be\w*\s+alive)\b|"
            r"\b(?:anything|nothing|no\s+one|nobody|"
            r"noone)\s+(?:left\s+)?(?:\w+\s+)?(?:holding|keeping)\s+me\s+(?:here|"
            r"alive|going)?\b|"
            r"\bonly\s+(?:my\s+)?\w+(?:\s+\w+)?\s+keeps?\s+me(?:\s+(?:alive|here))?\s*(?:[.!]|$)|"
            r"\bonly\s+(?:my\s+)?\w+(?:\s+\w+)?\s+keeps?\s+me\s+(?:alive|here)\b|"
            r"\bstaying\s+alive\s+(?:purely|only|just|mainly)\s+(?:because|for)\b"),
         unless=rx(r"\b(?:job|quit\w*|coffee|caffeine|gym|degree|course|relationship|"
                   r"marriage|flat|team|band|club|"
                   r"sane|sanity|fit|busy|awake|warm|grounded|honest|motivated|on\s+track)\b"),
         ask=True, subject=True),
    Rule("at_a_place_now", _C, "concern",
         rx(rf"\b(?:i'?m|im|i\s+am|currently|sat|sitting|standing|stood|up|at|on|"
            rf"been)\s+(?:\w+\s+){{0,3}}?"
            rf"(?:at|on|by|near|up\s+(?:on|at)|on\s+top\s+of|over)\s+(?:the\s+|a\s+|"
            rf"this\s+)?(?:\w+\s+)?{PLACE}\b"
            r"[^.!?\n]{0,30}?\b(?:now|rn|again|tonight|right\s+now|alone|by\s+myself)\b|"
            rf"^(?:on|at|up\s+at|up\s+on)\s+(?:the|a)\s+(?:\w+\s+)?{PLACE}\s+(?:now|"
            rf"rn|again|tonight)\b|"
            r"\bthe\s+drop\s+(?:is|looks)\b|\b(?:water|river|"
            r"sea)\s+looks?\s+(?:rly\s+|really\s+|so\s+)?(?:calm|inviting|cold)\b"),
         unless=_SIGHTSEEING, ask=True),
    Rule("height_research", _C, "concern",
         rx(rf"\b(?:look\w*\s+up|googl\w*|check\w*|search\w*|research\w*|measur\w*|"
            rf"work\w*\s+out)\s+how\s+"
            rf"(?:high|tall|far\s+down|deep|far\s+up)\b|"
            rf"\bkeep\s+(?:\w+\s+)?(?:looking|thinking)\s+(?:up\s+)?(?:at\s+)?"
            rf"(?:how\s+high|the\s+height)\b|"
            rf"\bheight\s+of\s+(?:the\s+)?(?:\w+\s+){{0,3}}{PLACE}\b"),
         unless=rx(r"\b(?:hike|hiking|climb\w*|build\w*\s+(?:a|the)\s+shed|"
                   r"school\s+project|homework|quiz|trivia|"
                   r"photograph\w*|drone|kite|bungee|ski\w*|for\s+(?:my|a)\s+(?:project|"
                   r"essay|class))\b"),
         ask=True),
    Rule("means_in_reach", _C, "concern",
         rx(r"\b(?:pills?|tablets?|meds|rope|razor|blade|gun|beam|hook|belt|cord|"
            r"knife)\b[^.!?\n]{0,40}"
            r"\b(?:keep\s+(?:looking|staring|calling)\s+at\s+me|looking\s+at\s+me|"
            r"calling\s+(?:to\s+)?me|staring\s+at\s+me|"
            r"keep\s+noticing|i\s+keep\s+noticing)\b|\b(?:good|"
            r"strong)\s+(?:strong\s+)?beam\b[^.!?\n]{0,40}\bnotic\w*|"
            r"\bme\s+and\s+the\s+(?:razor|blade|pills|rope)\b|\bthe\s+(?:razor|blade)\s+and\s+me\b|"
            r"\bnew\s+(?:marks|cuts|scars|burns)\b"), ask=True),
    Rule("final_goodbye", _C, "concern",
         rx(r"\b(?:goodbye|good\s*bye|farewell|"
            r"bye)\b[^.!?\n]{0,10}[.!,]?\s*(?:and\s+)?thank\s*(?:you|u|s)\s+for\s+"
            r"(?:everything|all\s+of\s+it|it\s+all|being\s+there)|"
            r"\bthank\s*(?:you|u|s)\s+for\s+(?:everything|"
            r"it\s+all)\b[^.!?\n]{0,20}\b(?:goodbye|bye|farewell)\b|"
            r"\b(?:i\s+)?(?:will\s+not|won'?t|wont)\s+(?:write|message|talk|"
            r"be\s+(?:back|writing|talking))\s+(?:to\s+you\s+)?"
            r"(?:again|anymore|any\s+more)\b|\byou\s+won'?t\s+(?:hear|"
            r"see)\s+(?:from\s+)?me\s+again\b|"
            r"\b(?:tell|say\s+to)\s+(?:everyone|them|"
            r"my\s+\w+)\s+(?:i\s+said\s+)?(?:bye|goodbye|i\s+lov\w*)\b|"
            r"\bsorry\s+for\s+(?:the\s+mess|everything)\b"),
         unless=_ORDINARY_BYE, ask=True),
    Rule("decision_made", _C, "concern",
         rx(r"\bmade\s+(?:my|the|a)\s+(?:final\s+)?(?:decision|"
            r"choice)\s+about\s+(?:everything|it\s+all|all\s+of\s+it)\b|"
            r"\b(?:gonna|going\s+to|gna)\s+do\s+it\s+(?:tonight|tomorrow|today|soon|"
            r"this\s+weekend)\b[^.!?\n]{0,20}"
            r"(?:sorry|bye|i\s+think|love\s+you)|\bsorted\s+(?:out\s+)?who\s+gets\b|"
            r"\b(?:left|leaving|put)\s+(?:the\s+|my\s+)?"
            r"passwords?\b|\b(?:date|day)\s+(?:picked|chosen|set)\b|"
            r"\bcalmer\s+than\s+i\s+have\s+(?:been\s+)?in\s+years\b"),
         unless=_CHORES, ask=True, subject=True),
    Rule("wish_not_to_wake", _C, "concern",
         rx(r"\bskip\s+tomorrow\b[^.!?\n]{0,40}\bevery\s+tomorrow\b|\b(?:anyone|"
            r"anybody)\s+would\s+(?:actually\s+|even\s+)?"
            r"notice\s+if\s+i\s+(?:stopped\s+existing|was\s+gone|were\s+gone|"
            r"disappeared|died|vanished)\b|"
            r"\bme\s+dying\s+would\b|\bif\s+a\s+\w+\s+(?:fell\s+on|"
            r"hit)\s+me\b[^.!?\n]{0,60}\b(?:win|relief|fine|grateful|thank)\b|"
            r"\bthought\s+i\s+(?:wasn'?t|was\s+not|won'?t)\s+(?:going\s+to\s+)?wake\s+up\b"),
         ask=True, subject=True),
    Rule("gone_too", _C, "concern",
         rx(r"\bnothing\s+(?:tethering|tying|anchoring|keeping)\s+me\b|\bfree\s+to\s+go\s+too\b|"
            r"\b(?:i'?ll|i\s+will)\s+go\s+(?:also|too)\b|\b(?:lord|"
            r"god)\s+(?:would\s+)?takes?\s+me\b|"
            r"\btake\s+me\s+in\s+my\s+sleep\b|\bif\s+a\s+(?:bus|car|truck|lorry|"
            r"train|van)\s+(?:hit|took|takes|hits)\s+me\b|"
            r"\bwon'?t\s+need\s+(?:these|this|it|them|you|the\s+\w+)\b[^.!?\n]{0,20}\blonger\b|"
            r"\bscared\s+(?:of\s+)?(?:myself|what\s+i(?:'ll|\s+will|\s+might)\s+do)\b|"
            r"\boverdose\w*\b[^.!?\n]{0,40}\b(?:painful|hurt|quick|peaceful)\b"),
         unless=rx(r"\b(?:holiday|course|job|new\s+(?:job|house|flat)|graduat\w*|moving)\b"),
         ask=True),
    Rule("voices_talking", _C, "concern",
         rx(r"\b(?:voices?|"
            r"a\s+voice)\s+(?:in\s+my\s+head\s+)?(?:keeps?\s+)?(?:tell\w*|say\w*|"
            r"talk\w*|whisper\w*)\b|"
            r"\bthe\s+one\s+who\s+talks\s+when\s+(?:nobody|no\s+one)\b"),
         unless=rx(r"\b(?:inner\s+critic|my\s+(?:mum|mom|dad|father|mother)'?s\s+voice|"
                   r"voice\s+(?:note|message|memo|actor|"
                   r"assistant|over)|singing|choir|podcast\s+about)\b"), ask=True),
    Rule("before_he_gets_home", "child_at_risk", "concern",
         rx(r"\bbefore\s+(?:he|she|my\s+\w+)\s+gets?\s+home\b[^.!?]{0,80}\block\b|"
            r"\bthe\s+lock\s+(?:on\s+my\s+door\s+)?"
            r"(?:doesn'?t|does\s+not|won'?t)\s+(?:really\s+)?(?:help|keep\s+(?:him|"
            r"her)\s+out)"), ask=True),
)
# fmt: on
