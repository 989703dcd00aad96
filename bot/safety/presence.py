"""Families added for issue 11, each a way people say it without the usual words.

* time-limited presence: "I won't be alive by the end of the week";
* losing the last reason to stay: "the only thing stopping me is my cat";
* being at a dangerous place with thoughts of stepping or jumping;
* command hallucinations: "the voices keep telling me to hurt myself";
* a child or young person at risk at home;
* preparatory acts and plans said sideways: "the rope is ready", "the date is
  picked", "if anyone reads this after";
* danger from someone else: a weapon, hands round the neck, a locked door.

Each rule is crisis-level and first-person by construction; look-alikes are
excluded by their setting (holidays, sightseeing, ordinary plans).
"""

from __future__ import annotations

from bot.safety.rules import (
    CHILD_AT_RISK,
    COMMAND_HALLUCINATIONS,
    DANGER_FROM_OTHERS,
    DANGEROUS_PLACE,
    LAST_REASON,
    METHOD_OR_MEANS,
    PREPARATORY_ACTS,
    SELF_HARM,
    TIME_LIMITED_PRESENCE,
    Rule,
    near,
    rx,
)

_NOT = (
    r"(?:won'?t|wont|will\s+not|am\s+not\s+going\s+to|"
    r"i'?m\s+not\s+going\s+to|not\s+gonna|don'?t\s+expect\s+to|"
    r"do\s+not\s+expect\s+to|dont\s+expect\s+to|not\s+expecting\s+to)"
)
_ALIVE = (
    r"(?:alive|living|breathing|in\s+this\s+world|on\s+this\s+earth|"
    r"on\s+earth|around\s+to\s+see|here\s+to\s+see|exist\w*)"
)
_PERIOD = r"(?:week|weekend|day|night|month|summer|winter|birthday|christmas|year)"
PLACE = (
    r"(?:bridge|footbridge|overpass|flyover|viaduct|platform|tracks|rails|railway|train\s+line|"
    r"cliffs?|cliff\s+edge|ledge|roof|rooftop|top\s+floor|car\s*park|carpark|multi-?storey|"
    r"parking\s+(?:garage|structure|deck)|balcony|pier|quarry|dam|motorway|dual\s+carriageway|"
    r"tower|crossing|river\s*bank|harbour|jetty)"
)
_AT = (
    r"(?:at|on|by|near|up\s+(?:on|at)|on\s+top\s+of|at\s+the\s+top\s+of|"
    r"on\s+the\s+edge\s+of|at\s+the\s+edge\s+of|at\s+the\s+end\s+of|over|"
    r"under|in\s+front\s+of)"
)
_ACT = (
    r"(?:step\w*|steping|jump\w*|leap\w*|lean\w*|go(?:ing)?\s+(?:down|over)|drop|fall\w*|"
    r"let\s+(?:go|myself)|end\s+(?:it|things)|do\s+it|finish\s+it|"
    r"one\s+step|think\w*\s+(?:about|abt)\s+it|"
    r"thinking\s+abt|climb\w*\s+over|over\s+the\s+(?:edge|railing|barrier|side)|into\s+the\s+water|"
    r"in\s+front\s+of|under\s+the\s+train|on\s+the\s+rails|not\s+(?:come|"
    r"coming|go)\s+(?:back|home))"
)
_SIGHTSEEING = rx(
    r"\b(?:view|photos?|pics?|picture|sunset|sunrise|selfie|picnic|fishing|"
    r"hike|hiking|walk(?:ing)?\s+the\s+dog|"
    r"tour|tourist|commut\w*|delayed|cancell?ed|late\s+again|"
    r"waiting\s+for\s+(?:the|my)\s+(?:train|bus)|"
    r"bungee|diving|swim\w*|zip\s*line|climbing\s+wall|parkour|game|film|"
    r"movie|show|episode|lyrics?|song|"
    r"story|character|scene|plot|novel|book|writing\s+(?:a|my)|chapter)\b"
)
_AWAY = rx(
    r"\b(?:holiday|vacation|trip|travel\w*|away\s+(?:for|on|at|with)|"
    r"off\s+grid|abroad|camping|festival|"
    r"visiting|conference|when\s+i'?m\s+back|i'?ll\s+be\s+back|back\s+(?:on|"
    r"in|next)|moving\s+(?:house|out|to)|"
    r"exams?|busy|offline|no\s+(?:signal|wifi|reception)|"
    r"hospital\s+for\s+(?:my|an?)\s+\w+|surgery|op(?:eration)?\b|"
    r"wedding|honeymoon|retreat|new\s+job|shift)\b"
)
_HARM_ORDER = (
    r"(?:hurt|harm|kill|die|do\s+it|jump|end\s+(?:it|things|my\s+life|"
    r"myself)|finish\s+(?:it|me|myself)|"
    r"cut|step|walk\s+into|drown|bleed|swallow|overdose|"
    r"go\s+to\s+the\s+(?:bridge|tracks|roof)|not\s+deserve\s+to\s+live|"
    r"should(?:n'?t)?\s+(?:be\s+dead|exist|live)|must\s+die|set\s+(?:fire|myself))"
)
_VOICE = r"(?:voices?|a\s+man'?s\s+voice|someone\s+in\s+my\s+head|the\s+one\s+who\s+talks)"
_ORDER = (
    r"(?:tell\w*|told|say\w*|said|say\s+i|instruct\w*|order\w*|command\w*|"
    r"want\w*\s+me|keeps?\s+(?:telling|saying)|whisper\w*)"
)

_TL = TIME_LIMITED_PRESENCE
_LR = LAST_REASON
_DP = DANGEROUS_PLACE
_CH = COMMAND_HALLUCINATIONS
_CR = CHILD_AT_RISK
_PA = PREPARATORY_ACTS

# fmt: off
PRESENCE_RULES: tuple[Rule, ...] = (
    Rule("not_alive_by", _TL, "crisis",
         rx(rf"\b{_NOT}\s+(?:still\s+)?(?:be\s+)?{_ALIVE}|\b(?:last|"
            rf"final)\s+{_PERIOD}\s+(?:alive|on\s+earth|ever)\b|"
            rf"\bmy\s+last\s+{_PERIOD}\s+alive\b|\bnot\s+be\s+in\s+this\s+world\b"), subject=True),
    Rule("only_reason_still_here", _LR, "crisis",
         rx(r"\b(?:only|sole|one|main)\s+(?:\w+\s+)?(?:thing|reason|person|one|"
            r"things)\s+(?:\w+\s+){0,2}?"
            r"(?:stopping|stoping|keeping|holding|that\s+stops|that\s+keeps|"
            r"why\s+i'?m\s+still|i'?m\s+still|"
            r"im\s+still|i\s+haven'?t|i\s+havent|i\s+have\s+not|i\s+didn'?t|i\s+did\s+not)\b"
            r"(?!\s+(?:me\s+)?from\s+(?:quitting|leaving|buying|moving|"
            r"going\s+(?:out|home|back)|calling|"
            r"texting|eating|crying|screaming|telling|applying|dropping|booking|"
            r"selling|getting|having|"
            r"ordering|signing|joining|walking\s+out))"),
         unless=rx(r"\b(?:job|quit\w*|diet|gym|degree|course|smok\w*|vap\w*|drink\w*|divorc\w*|"
                   r"breaking\s+up|single|flat|rent|promotion|manager|boss|team|band|club|"
                   r"sugar)\b")),
    Rule("if_not_for_gone", _LR, "crisis",
         rx(r"\bif\s+it\s+(?:wasn'?t|weren'?t|wasnt|werent|was\s+not|were\s+not|"
            r"had\s*n'?t\s+been)\s+for\s+"
            r"[^.!?\n]{1,40}?\b(?:i'?d|i\s+would|"
            r"id)\s+(?:have\s+)?(?:be(?:en)?\s+gone|gone\s+through|done\s+it|"
            r"be\s+dead|not\s+be\s+here|have\s+ended|ended\s+it|killed\s+myself)|"
            r"\b(?:reason|why)\s+(?:i'?m|im|i\s+am)\s+still\s+(?:here|alive|breathing)\b"
            r"|\bwould\s+have\s+gone\s+through\s+with\s+it\b|"
            r"\bi'?d\s+have\s+gone\s+through\s+with\s+it\b"),
         subject=True),
    Rule("place_with_act", _DP, "crisis",
         rx(near(rf"\b{_AT}\s+(?:the\s+|a\s+|this\s+|"
                 rf"that\s+)?(?:\w+\s+){{0,2}}?{PLACE}\b", rf"\b{_ACT}", 90)),
         unless=_SIGHTSEEING, requires=rx(r"\b(?:i|i'?m|im|me|my)\b")),
    Rule("place_then_act", _DP, "crisis",
         rx(rf"(?:^|\b(?:i'?m|im|i\s+am|now|currently)\s+|^\W*)(?:at|on|up\s+(?:at|"
            rf"on))\s+(?:the\s+|a\s+)?(?:\w+\s+)?{PLACE}\b"
            r"[\s\S]{0,80}?\b(?:thinking\s+(?:about|abt)\s+it|do(?:ing)?\s+it|"
            r"one\s+step|decided|jump\w*|step\s+off)\b|"
            rf"\b{PLACE}\.\s*(?:decided|tonight|now)\b"),
         unless=_SIGHTSEEING),
    Rule("lethal_dose_typo", METHOD_OR_MEANS, "crisis",
         rx(r"\b(?:leathal|lethel|lethol|leathel|letal|fatel)\s+(?:dose|amount)\b|"
            r"\bhow\s+many\s+of\s+my\s+\w+\s+would\b"
            r"[^.!?\n]{0,30}\b(?:dose|kill|enough|fatal)\b")),
    Rule("voices_order_harm", _CH, "crisis",
         rx(rf"\b{_VOICE}\b[^.!?\n]{{0,70}}?\b{_ORDER}\b[^.!?\n]{{0,60}}?\b{_HARM_ORDER}|"
            rf"\b(?:hearing|hear)\s+(?:a\s+)?voices?\b[^.!?\n]{{0,60}}?\b{_HARM_ORDER}|"
            rf"\bvoice\s+in\s+my\s+head\b[^.!?\n]{{0,60}}?\b(?:must\s+die|kill|hurt|die)\b"),
         unless=rx(r"\b(?:inner\s+critic|game|film|movie|book|character|podcast\s+about|"
                   r"audiobook)\b")),
    Rule("voices_tonight", _CH, "crisis",
         rx(r"\bvoices?\b[^.!?\n]{0,40}\b(?:telling|tell|saying|"
            r"say)\s+(?:me\s+)?(?:to\s+)?(?:do\s+it|that\s+tonight|"
            r"tonight'?s\s+the\s+night|it'?s\s+time)|\b(?:he|it|"
            r"the\s+voice)\s+says\s+tonight'?s\s+the\s+night\b")),
    Rule("child_harmed_at_home", _CR, "crisis",
         rx(r"\bcomes?\s+(?:in(?:to)?|to)\s+my\s+(?:room|bed)\s+at\s+night\b|"
            r"\b(?:hear|heard|hearing|see|saw|seeing)\s+(?:him|her|them|"
            r"the\s+(?:kid|child|baby|boy|girl|little\s+\w+)|"
            r"my\s+(?:little\s+|baby\s+|younger\s+)?(?:brother|sister|siblings?)|"
            r"the\s+neighbou?rs?'?\s+(?:kid|child|son|daughter|boy|girl)s?)"
            r"\s+(?:being\s+)?(?:hit|beaten|smacked|punched|hurt|slapped|kicked|thrown)|"
            r"\b(?:leaves?|left)\s+(?:us|me|them|"
            r"my\s+(?:little\s+)?\w+)\s+(?:\w+\s+){0,2}?(?:alone\s+)?(?:all\s+(?:weekend|"
            r"week|night|day)|"
            r"for\s+days|overnight)\b[^.!?\n]{0,30}\b(?:no|without)\s+food|"
            r"\b(?:cover|hide|hiding|covering)\s+(?:a|the|my)\s+(?:black\s+eye|bruises?)|"
            r"\bbruises?\s+on\s+(?:his|her|my|their)\s+(?:face|neck|arms?|back|legs?)\b")),
    Rule("young_and_afraid_at_home", _CR, "crisis",
         rx(r"\b(?:i'?m|im|i\s+am)\s+(?:only\s+)?(?:1[0-7]|thirteen|fourteen|"
            r"fifteen|sixteen|seventeen|twelve|eleven)\b"
            r"[^.!?]{0,120}?\b(?:scared\s+of|afraid\s+of|hits?|hit\s+me|beats?|"
            r"hurts?\s+me|lock\w*|hide|hiding|"
            r"before\s+he\s+gets\s+home|comes\s+home\s+drunk|touch\w*\s+me)\b")),
    Rule("weapon_or_violence_at_home", DANGER_FROM_OTHERS, "crisis",
         rx(r"\b(?:he|she|they|dad|mum|mom|father|mother|stepdad|stepmum|partner|"
            r"husband|wife|boyfriend|girlfriend|bf|gf|ex)\s+"
            r"(?:has|'s\s+got|has\s+got|got|is\s+holding|is\s+waving|grabbed|"
            r"pulled)\s+(?:a|the|his|her)\s+"
            r"(?:knife|knives|gun|blade|machete|bat|hammer|axe)|"
            r"\bthrow\w*\s+(?:knives|knife|plates|bottles|glasses|things)\b[^.!?\n]{0,40}|"
            r"\bnobody\s+is\s+safe\s+(?:at\s+home|here|in\s+this\s+house)|"
            r"\bnot\s+safe\s+(?:at\s+home|in\s+this\s+house)\b|"
            r"\b(?:hands?|arm)\s+(?:round|around|on)\s+my\s+(?:neck|throat)|"
            r"\b(?:chok\w*|strangl\w*|throttl\w*)\s+me\b|\bsomeone'?s\s+choking\s+you\b|"
            r"\blocked\s+(?:the\s+|me\s+in\s+|"
            r"us\s+in\s+)?(?:front\s+)?(?:door\s+)?and\s+(?:taken|took|hidden|"
            r"hid)\s+(?:the|my)\s+(?:keys?|phone)"),
         unless=rx(r"\b(?:game|film|movie|show|episode|book|novel|character|match|boxing|"
                   r"wrestling|mma|"
                   r"juggl\w*|kitchen\s+knife\s+set|darts?)\b")),
    Rule("baby_shaken", CHILD_AT_RISK, "crisis",
         rx(r"\bshook\s+(?:the|my|our|her|his)\s+(?:baby|newborn|little\s+one)\b|"
            r"\b(?:gone|going|is|went)\s+(?:really\s+|very\s+|all\s+)?(?:quiet\s+and\s+)?floppy\b|"
            r"\blocks?\s+(?:my\s+)?(?:little\s+)?(?:sister|brother|son|daughter|kid|"
            r"child)\s+(?:in|out)\b|"
            r"\bthe\s+children\s+should\s+come\s+with\s+me\s+when\s+i\s+go\b")),
    Rule("violence_now", DANGER_FROM_OTHERS, "crisis",
         rx(r"\bby\s+(?:my|the)\s+(?:neck|throat)\b|"
            r"\bthreaten\w*\s+(?:me\s+)?(?:to\s+)?(?:kill|hurt|stab|shoot|take\s+(?:the|our|my)\s+"
            r"(?:kids?|children|daughter|son|baby))\b|"
            r"\b(?:he|she|husband|wife|partner|dad|father|boyfriend|"
            r"girlfriend)\s+(?:says?|said)?\s*(?:he|she)?\s*"
            r"(?:will|'ll|is\s+going\s+to|gonna)\s+kill\s+me\s+(?:tonight|"
            r"when\s+(?:he|she)\s+(?:comes?|gets?)|"
            r"if\s+i\s+(?:leave|tell|call|go\s+to))|"
            r"\b(?:beating|hitting|hurting|kicking|punching)\s+(?:his|her|their|the|"
            r"my)\s+(?:little\s+)?"
            r"(?:boy|girl|son|daughter|kid|child|baby|children)\b|"
            r"\b(?:smashed|broke|kicked\s+in)\s+the\s+(?:front\s+|"
            r"back\s+)?(?:window|door)\b[^.!?]{0,120}\block\w*\b"),
         unless=rx(r"\b(?:game|film|movie|show|book|novel|character|match|fortnite|episode)\b")),
    Rule("self_harm_again", SELF_HARM, "crisis",
         rx(r"\b(?:done|did|doing|cut|cutting)\s+my\s+(?:arms?|wrists?|legs?|"
            r"thighs?|stomach)\s+again\b|"
            r"\b(?:won'?t|wont|will\s+not)\s+(?:really\s+)?stop\s+bleeding\b"),
         unless=rx(r"\b(?:nose|nosebleed|period|tooth|gums?|cooking|shav\w*|paper\s+cut|"
                   r"accident)\b")),
)
# fmt: on
