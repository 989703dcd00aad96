"""Families 4 and 5, burden and goodbye: others better off, and acts of finality.

Burden is "better, happier, fine, relieved ... near my absence" ("better off
with me gone", "everyone would cope fine if I wasn't around", "kinder to
everyone if I was dead"). Finality is what people do when they have decided:
goodbye letters, a will with who gets the dog, giving things away "I won't
need", a plan with a date, "goodbye everyone", "you won't hear from me again".
Ordinary sign-offs, holidays and decluttering are excluded by their setting.
"""

from __future__ import annotations

from bot.safety.lookalikes import (
    ABSENCE_SETTING,
    AWAY_REASON,
    DECLUTTER,
    EVENT_PLAN,
    FAREWELL_EVENT,
    MOVING_OR_SPLIT,
    REPLACED,
    SIGN_OFF,
    WILL_ROUTINE,
)
from bot.safety.rules import BURDEN_OR_GOODBYE, Rule, near, rx, then
from bot.safety.words import TIME_SOON

_BG = BURDEN_OR_GOODBYE
_BETTER = (
    r"(?:better(?:\s+off)?|happier|easier|fine|okay|ok|alright|all\s+right|"
    r"relieved|relief|free|freer|"
    r"lighter|kinder|cope|manage|move\s+on|get\s+over\s+it|best|"
    r"better\s+served|richer|safer|calmer)"
)
_MODAL = r"(?:would|'d|d|wld|will|'ll|might|could|be|is|are|'s|it'?s|seems?|were|was)"
_ABSENT = (
    r"(?:without\s+me|w/o\s+me|w/out\s+me|with\s+me\s+(?:gone|dead|"
    r"out\s+of\s+the\s+(?:way|picture))|"
    r"if\s+i\s+(?:(?:was|were|am|'m)\s+)?(?:just\s+|simply\s+)?(?:gone|dead|"
    r"died|disappeared|vanished|"
    r"stopped\s+existing|didn'?t\s+exist|never\s+existed|killed\s+myself|"
    r"ended\s+it|didn'?t\s+wake\s+up|"
    r"never\s+woke\s+up)|if\s+i\s+(?:just\s+|simply\s+)?(?:wasn'?t|weren'?t|"
    r"wasnt|werent|was\s+not|were\s+not|am\s+not|'m\s+not|"
    r"was\s+no\s+longer)\s+(?:even\s+|just\s+)?(?:here|around|alive|"
    r"in\s+the\s+picture|in\s+(?:their|his|her|"
    r"your)\s+li(?:fe|ves))|my\s+absence|me\s+not\s+(?:being\s+)?(?:here|around|alive)|"
    r"(?:once|when|after)\s+i'?m\s+(?:gone|dead)|me\s+(?:being\s+)?(?:gone|dead))"
)
_LEISURE_ABSENCE = (
    r"(?!.{0,25}\b(?:for\s+a\s+(?:bit|while|week|day|few|couple)|"
    r"this\s+weekend|on\s+holiday|while\s+i'?m\s+"
    r"away|at\s+the\s+(?:party|meeting|office)|tonight\s+at|for\s+(?:the|"
    r"a)\s+(?:trip|holiday|weekend)|"
    r"in\s+the\s+(?:meeting|team|project|group)|on\s+the\s+team)\b)"
)
_WRITE = (
    r"(?:written|wrote|writing|write|left|leaving|sent|sending|recorded|recording|prepared|"
    r"drafted|finished|made|typed)"
)
_LETTER = r"(?:letters?|notes?|messages?|texts?|e-?mails?|videos?|voice\s*notes?|cards?)"
_FINAL = (
    r"(?:good\s*-?\s*byes?|farewell|to\s+find|explaining\s+(?:everything|"
    r"why)|(?:not|isn'?t|wasn'?t)\s+"
    r"(?:your|their|anyone'?s|his|her)\s+fault|sorry\s+for\s+everything|after\s+i'?m\s+gone|"
    r"when\s+i'?m\s+gone|last\s+words|final\s+words|love\s+(?:them|you)\s+(?:all|so\s+much))"
)
_PICKED = (
    r"(?:picked|chosen|chose|decided\s+on|set|planned|fixed|"
    r"worked\s+out)\s+(?:out\s+)?(?:a|the|my)\s+"
    r"(?:date|day|time|spot|place|method|way)"
)
_FINALITY_DEED = (
    r"(?:will\b(?!\s+(?:be|do|go|have|try|get|see|need|make))|affairs|passwords|life\s+insurance|"
    r"funeral\s+(?:plans?|wishes|songs?)|who\s+(?:gets|will\s+get|should\s+get|will\s+have)\s+my|"
    r"look(?:ed|s)?\s+after\s+(?:my|the)\s+(?:cat|dog|pets?|kids|children)|rehom\w*\s+my|"
    r"arrangements\s+for\s+my|bank\s+details|letters?\s+for)"
)

EXPLICIT_RULES: tuple[Rule, ...] = (
    Rule("better_off_without_me", _BG, "crisis",
         rx(r"\b(?:better|happier|easier|better\s+place)\s+(?:off\s+)?without\s+me\b|"
            r"\b(?:better|happier|easier)\s+(?:off\s+)?if\s+i\s+(?:was|were|"
            r"'?m)?\s*(?:n'?t|not|never)?\s*"
            r"(?:here|around|alive|gone|dead|died|existed|born)\b"), unless=ABSENCE_SETTING),
    Rule("relieved_if_i_was_gone", _BG, "crisis",
         rx(r"\b(?:be|feel|get|all|would|'d)\s+(?:\w+\s+){0,2}(?:relieved|fine|okay|"
            r"ok|better|happier|"
            r"cope|manage|move\s+on|get\s+over\s+it)\b[^.!?\n]{0,30}\bif\s+i\s+(?:was|were|'?m)?\s*"
            r"(?:gone|dead|died|disappeared|vanished|wasn'?t\s+(?:here|around|alive)|"
            r"weren'?t\s+(?:here|around|alive)|didn'?t\s+exist|killed\s+myself)")),
    Rule("nobody_would_miss_me", _BG, "crisis",
         rx(r"\b(?:no\s*-?\s*one|nobody|noone|no\s+body)\b[^.!?\n]{0,25}\b(?:miss|notice|care)\w*"
            r"[^.!?\n]{0,25}\bif\s+i\s+(?:just\s+|simply\s+)?(?:was|were|"
            r"'?m)?\s*(?:just\s+)?(?:gone|dead|"
            r"died|disappeared|vanished|left|wasn'?t|weren'?t|killed|ended|stopped\s+existing|"
            r"didn'?t\s+(?:exist|wake))")),
    Rule("goodbye_letters", _BG, "crisis",
         rx(r"\b(?:written|wrote|writing|write|left|"
            r"leaving)\s+(?:[\w']+\s+){0,2}(?:goodbye|farewell|"
            r"suicide|last|final)\s+(?:letters?|notes?|messages?|texts?)|"
            r"\bsuicide\s+(?:note|letter)s?\b|"
            r"\b(?:wrote|written|writing|left)\s+(?:a\s+)?(?:note|letters?)\s+(?:to|"
            r"for)\s+(?:my\s+)?"
            r"(?:family|parents|kids|children|mum|mom|dad|wife|husband|partner|friends|everyone)"),
         unless=rx(r"\b(?:film|movie|book|novel|story|character|soldier|episode|series|"
                   r"play|poem|song|"
                   r"in\s+the\s+(?:film|book|show))\b")),
    Rule("last_message", _BG, "crisis",
         rx(r"\bthis\s+is\s+(?:my\s+)?(?:goodbye|last\s+message|final\s+message)|"
            r"\bmy\s+(?:last|final)"
            r"\s+(?:message|goodbye|words)\b|\bgoodbye\s+(?:forever|world|for\s+good)\b|"
            r"\b(?:final|last)\s+goodbye\b"),
         unless_message=rx(r"\b(?:until|till|til|tomorrow|see\s+(?:you|ya|u)|for\s+(?:now|today|"
                           r"tonight)|"
                           r"next\s+(?:week|time))\b")),
    Rule("disappear_for_good", _BG, "crisis",
         rx(r"\b(?:disappear|vanish)\w*\s+(?:forever|for\s+good|permanently|and\s+never\s+"
            r"(?:come|coming)\s+back)")),
    Rule("giving_things_away", _BG, "crisis",
         rx(r"\b(?:giv(?:e|ing)|gave|"
            r"given)\s+(?:away\s+)?(?:all\s+)?(?:of\s+)?my\s+(?:things|stuff|"
            r"belongings|possessions|pets?|cat|dog|savings)\s*(?:away)?|\b(?:giv(?:e|ing)|gave)\s+"
            r"(?:away\s+)?everything\s+i\s+own"), unless=DECLUTTER),
    Rule("affairs_in_order", _BG, "crisis",
         rx(r"\b(?:put|putting|got|getting)\s+(?:all\s+)?my\s+affairs\s+in\s+order|"
            r"\b(?:said|saying|say)"
            r"\s+my\s+goodbyes|\bsaid\s+goodbye\s+to\s+(?:everyone|everybody|my\s+(?:family|kids|"
            r"friends|loved\s+ones))"), unless=FAREWELL_EVENT),
    Rule("not_around_much_longer", _BG, "crisis",
         rx(r"\b(?:won'?t|will\s+not|not\s+going\s+to|"
            r"am\s+not\s+gonna)\s+be\s+(?:here|around|alive)\s+"
            r"(?:much\s+longer|for\s+(?:much\s+)?(?:longer|long)|anymore|any\s+more|tomorrow|by\s+"
            r"(?:tomorrow|morning|monday|the\s+weekend))|\b(?:when|after|"
            r"once)\s+i'?m\s+(?:gone|dead)\b|"
            r"\b(?:don'?t\s+think|not\s+sure|doubt)\s+i(?:'ll|"
            r"\s+will)\s+(?:still\s+)?be\s+(?:here|around|alive)"
            r"\s+(?:by\s+\w+|for\s+(?:much\s+)?long(?:er)?|much\s+longer|at\s+christmas)|"
            r"\bwon'?t\s+(?:be\s+)?need(?:ing)?\s+(?:it|them|these|this|"
            r"my\s+\w+)\s+(?:anymore|any\s+more|"
            r"where\s+i'?m\s+going)")),
)

_OTHERS_BETTER_OFF = then(rf'{_MODAL}\s+(?:[\w\']+\s+){{0,3}}?{_BETTER}', _ABSENT, 45)
_OTHERS_BETTER_OFF2 = then(_ABSENT, rf'{_MODAL}\s+(?:[\w\']+\s+){{0,3}}?{_BETTER}', 40)
_GOODBYE_WRITING = then(_LETTER, _FINAL, 50)
_NOT_HERE_SOON = near(
    r"(?:won.?t|wont|will\s+not|not\s+going\s+to|not\s+gonna|will\s+no\s+longer|"
    r"shan.?t)\s+be\s+(?:here|around|alive|on\s+this\s+earth)",
    TIME_SOON,
    30,
)
_PLAN_WITH_A_DATE = near(
    _PICKED,
    r"plan|ready|decided|do\s+it|it.?s\s+time|(?:the|a)\s+(?:date|day|spot|place|method|time)",
    40,
)

FAMILY_RULES: tuple[Rule, ...] = (
    Rule("others_better_off", _BG, "crisis",
         rx(rf"\b{_OTHERS_BETTER_OFF}{_LEISURE_ABSENCE}|"
            rf"\b{_OTHERS_BETTER_OFF2}{_LEISURE_ABSENCE}|"
            rf"\b{_BETTER}\s+(?:life|lives|time|future)\s+without\s+me\b"),
         unless=ABSENCE_SETTING),
    Rule("goodbye_everyone", _BG, "crisis",
         rx(r"\b(?:good\s*-?\s*bye|bye|farewell)\s+(?:to\s+)?(?:every\s*one|every1|"
            r"everybody|all|world|"
            r"all\s+of\s+you|you\s+all|y'?all|guys|friends|forever|for\s+good|"
            r"for\s+ever|cruel\s+world)\b"),
         unless=SIGN_OFF),
    Rule("done_and_goodbye", _BG, "crisis",
         rx(r"\b(?:i'?m|im|i\s+am)\s+(?:so\s+|"
            r"just\s+)?done\b.{0,40}\b(?:good\s*-?\s*bye|farewell|thank\s+you\s+for"
            r"\s+(?:everything|trying)|sorry\s+for\s+everything)\b|"
            r"\b(?:good\s*-?\s*bye|farewell)\b.{0,40}"
            r"\b(?:i'?m|im|i\s+am)\s+(?:so\s+|just\s+)?done\b|\b(?:good\s*-?\s*bye|"
            r"farewell)\b.{0,30}\b(?:sorry\s+for\s+"
            r"everything|forgive\s+me|it'?s\s+not\s+your\s+fault|"
            r"i\s+love\s+you\s+all)\b|\b(?:sorry\s+for\s+"
            r"everything|forgive\s+me)\b.{0,30}\b(?:good\s*-?\s*bye|farewell)\b"), unless=SIGN_OFF),
    Rule("wont_hear_from_me", _BG, "crisis",
         rx(r"\b(?:you'?ll|you\s+will|u\s+will|you|u|no\s*one|nobody|they'?ll|"
            r"they)\s+(?:won'?t|wont|will\s+not|"
            r"never|will\s+never)\s+(?:ever\s+)?(?:hear\s+from|see|"
            r"talk\s+to)\s+me\s+again\b|\b(?:last|final)\s+"
            r"time\s+(?:you'?ll|you\s+will|anyone\s+will)\s+(?:hear|see)\b|"
            r"\bby\s+the\s+time\s+(?:you|u|anyone)"
            r"\s+(?:read|see|get)s?\s+this\b"), unless=AWAY_REASON),
    Rule("goodbye_writing", _BG, "crisis",
         rx(rf"\b{_WRITE}\s+(?:[\w']+\s+){{0,3}}?{_GOODBYE_WRITING}"), unless=FAREWELL_EVENT),
    Rule("not_here_soon", _BG, "crisis",
         rx(rf"\b{_NOT_HERE_SOON}"),
         unless=AWAY_REASON, unless_message=AWAY_REASON),
    Rule("giving_away_wont_need", _BG, "crisis",
         rx(r"\b(?:gave|given|giving|give|gifted|handed)\b.{0,80}?\b(?:won'?t|wont|"
            r"will\s+not|not\s+going\s+to)"
            r"\s+(?:be\s+)?need(?:ing)?\b|\b(?:won'?t|wont|"
            r"will\s+not)\s+(?:be\s+)?need(?:ing)?\s+(?:it|them|these|"
            r"this|my\s+\w+|any\s+of\s+(?:it|this|them)|"
            r"anything)\s+(?:where\s+i'?m\s+going|after\s+(?:tonight|"
            r"tomorrow|this\s+week)|much\s+longer)"),
         unless=REPLACED),
    Rule("plan_with_a_date", _BG, "crisis",
         rx(rf"\b{_PLAN_WITH_A_DATE}"),
         subject=True, unless=EVENT_PLAN),
    Rule("decided_tonight", _BG, "crisis",
         rx(r"\b(?:i'?ve\s+decided|i\s+have\s+decided|i\s+decided|"
            r"made\s+(?:up\s+)?my\s+(?:mind|decision)|"
            r"i'?m\s+ready|i\s+am\s+ready|no\s+going\s+back|"
            r"it'?s\s+time)\b.{0,40}\b(?:tonight|today|tomorrow|"
            r"this\s+weekend)\s+(?:is|will\s+be|'s)\s+the\s+(?:night|day)\b|"
            r"\b(?:tonight|today)\s+is\s+the\s+"
            r"(?:night|day)\b.{0,40}\b(?:goodbye|i'?m\s+ready|decided|no\s+going\s+back)"),
         unless=EVENT_PLAN),
    Rule("finality_affairs", _BG, "crisis",
         rx(rf"\b(?:sorted|sorting|sort|written|wrote|writing|made|making|updated|"
            rf"updating|finished|settled|"
            rf"settling|done|did|organi[sz]ed|put|putting|"
            rf"got)\s+(?:out\s+)?(?:all\s+)?(?:my\s+|the\s+)?"
            rf"{_FINALITY_DEED}.{{0,60}}\b{_FINALITY_DEED}|\b(?:settled|sorted|"
            rf"settling)\s+(?:all\s+)?my\s+affairs\b"),
         unless=WILL_ROUTINE),
    Rule("who_gets_my_things", _BG, "crisis",
         rx(r"\bwho\s+(?:gets|will\s+get|should\s+get|will\s+have|can\s+have|"
            r"inherits)\s+(?:all\s+)?my\s+"
            r"(?:things|stuff|belongings|possessions|dog|cat|pets?|savings|money|"
            r"clothes|books|games)\b"),
         unless=MOVING_OR_SPLIT),
    Rule("will_written_weak", _BG, "crisis",
         rx(r"\b(?:sorted|written|wrote|writing|made|updated|finished|"
            r"done)\s+(?:out\s+)?(?:my\s+)?will\b"
            r"(?!\s+(?:be|do|go|have|try|get|see|need|make))"),
         weak=True, unless=WILL_ROUTINE),
)

BURDEN_RULES: tuple[Rule, ...] = EXPLICIT_RULES + FAMILY_RULES
