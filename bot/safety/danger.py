"""Family 6, danger from another person: violence, threats, control, fear at home.

Explicit forms ("he hits me", "threatened to kill me") plus the family: a
person who is going to beat or hurt me, conditional threats ("if I tell anyone
he'll hurt my family"), injuries someone caused, hiding or locked in while
someone bangs on the door, fear of going back or staying, stalking with a
threat, forced marriage. "My mum will kill me when she sees my grades" is an
idiom: "kill me" from a person needs a sign that it is meant.
"""

from __future__ import annotations

from bot.safety.lookalikes import PLAYFUL_HIT, RESEARCH
from bot.safety.rules import DANGER_FROM_OTHERS, Rule, near, rx
from bot.safety.words import ABUSER, ABUSER_NOUN, HARM_VERB

_DO = DANGER_FROM_OTHERS
_WILL = (
    r"(?:'s|s|is|are|'re|was|were)?\s*(?:going\s+to|gonna|gunna|gon|about\s+to|will|'ll|ll|wil|would|'d|"
    r"threaten\w*\s+to|trying\s+to|coming\s+(?:home\s+)?to|swore\s+(?:he|she|they)'?d?|said\s+(?:he|she|"
    r"they)\s*(?:'d|would|'ll|will|is\s+going\s+to|was\s+going\s+to))"
)
_VIOLENCE = (
    r"(?:beat|hit|hurt|stab|shoot|strangle|choke|attack|punch|kick|rape|break|smash|burn|batter|"
    r"harm|slap|knife|cut)"
)
_VICTIM = (
    r"(?:me|us|(?:my|the|our)\s+(?:family|kids|children|mum|mom|dad|sister|brother|baby|dog|cat|face|"
    r"legs?|arms?|neck|head|fingers?))"
)
_MEANT = (
    r"(?:means?\s+it|serious\w*|not\s+joking|for\s+real|knife|gun|weapon|scared|terrified|afraid|"
    r"frightened|hiding|locked|drunk|last\s+time|bruis\w*|police|threat\w*|swear\w*|swore|"
    r"really\s+will|hurt|beat|hit|choke)"
)
_INJURY = (
    r"(?:broke|broken|fractured|cracked|bruised|split|burn(?:ed|t)|cut|dislocated|blacked)\s+my\s+"
    r"(?:arm|wrist|nose|ribs?|jaw|lip|eye|finger|leg|hand|face|head|skull|tooth|teeth|collarbone)"
)

EXPLICIT_RULES: tuple[Rule, ...] = (
    Rule("abuser_harms_me", _DO, "crisis",
         rx(rf"\b{ABUSER}\s+(?:(?!not\b|never\b|[\w']*n't\b)[\w']+\s+){{0,2}}{HARM_VERB}"
            r"\s+(?:me|us)\b(?!\s+(?:up|at|in\s+(?:a|the)\s+\w+|to\s+it)\b)"), unless=PLAYFUL_HIT),
    Rule("threat_to_kill_me", _DO, "crisis",
         rx(r"\bthreat\w*\s+to\s+(?:kill|hurt|beat|hit|stab|shoot)\s+(?:me|us)\b|"
            r"\b(?:kill|hurt|beat)\s+me\s+if\s+i\s+(?:[\w']+\s+)?(?:leave|left|tell|told|go|went|call|"
            r"report|try|tried|speak|talk)\b")),
    Rule("violent_act_on_me", _DO, "crisis",
         rx(r"\b(?:threw|thrown|throws|shoved|pushed|slammed|dragged|pinned|kicked|punched|choked|"
            r"strangled|grabbed|hit|beat|smashed)\s+me\s+(?:against|into|down|across|onto|to\s+the\s+"
            r"(?:floor|ground|wall)|out\s+of|by\s+(?:my|the)\s+(?:hair|throat|neck|arm)|in\s+the\s+"
            r"(?:face|head|stomach|ribs))")),
    Rule("reported_threat", _DO, "crisis",
         rx(r"\b(?:saying|says|said|screaming|screams|screamed|shouting|shouts|yelling|yells|told\s+me|"
            r"tells\s+me|threatening|keeps\s+saying)\s+(?:that\s+)?(?:he|she|they)\s*(?:'ll|'d|will|"
            r"would|'s\s+going\s+to|is\s+going\s+to|was\s+going\s+to|'re\s+going\s+to|are\s+going\s+to|"
            r"gonna)\s+(?:kill|hurt|beat|stab|shoot|strangle)\s+(?:me|us)\b(?!\s+if\b)")),
    Rule("hiding_from_abuser", _DO, "crisis",
         rx(r"\bhiding\s+(?:in\s+(?:the|my)\s+\w+\s+)?from\s+(?:him|her|them|my\s+(?:partner|husband|wife|"
            r"boyfriend|girlfriend|dad|father|step\s*-?dad|mum|mom|mother|ex|parents?))\b|"
            r"\blocked\s+(?:myself\s+)?in\s+(?:the|my)\s+\w+\s+(?:because|since|cause|cuz)\s+(?:he|she|they)"),
         unless=PLAYFUL_HIT),
    Rule("sexual_abuse", _DO, "crisis",
         rx(r"\btouch(?:es|ed|ing)\s+me\s+(?:when\s+(?:nobody|no\s*one|i'?m\s+(?:alone|asleep)|i\s+(?:say|said)"
            r"\s+no)|at\s+night|inappropriately|without|down\s+there|even\s+(?:when|though)|where)|"
            r"\bforc(?:es|ed|ing)\s+me\s+to\s+(?:have\s+sex|do\s+(?:things|stuff)|sleep\s+with)|"
            r"\bcom(?:es|ing)\s+into\s+my\s+(?:room|bed)\s+at\s+night"), unless=PLAYFUL_HIT),
    Rule("scared_to_go_home", _DO, "crisis",
         rx(r"\b(?:scared|afraid|terrified|frightened|too\s+scared)\s+(?:to\s+go|of\s+going|to\s+be)\s+"
            r"(?:back\s+)?home\b|\b(?:not|don'?t\s+feel|never\s+feel|no\s+longer\s+feel)\s+safe\s+"
            r"(?:at\s+home|in\s+my\s+(?:own\s+)?(?:home|house|flat|room)|around\s+(?:him|her|them)|"
            r"with\s+(?:him|her|them))|\b(?:afraid|scared|fear\w*|terrified)\s+for\s+my\s+life\b")),
    Rule("afraid_they_will_hurt_me", _DO, "crisis",
         rx(rf"\b(?:afraid|scared|terrified|frightened|worried)\s+(?:that\s+)?{ABUSER}\s+(?:will|'?ll|"
            r"is\s+going\s+to|might|would|'?d|could)\s+(?:[\w']+\s+)?(?:hurt|kill|hit|beat|find)\s+me\b")),
    Rule("being_abused", _DO, "crisis",
         rx(r"\b(?:i'?m|i\s+am|im|been|i\s+was|i'?ve\s+been)\s+(?:being\s+)?(?:abused|beaten|assaulted|"
            r"raped|hit|hurt\s+at\s+home)\b|\b(?:i'?m|i\s+am|im)\s+in\s+an?\s+(?:abusive|violent)\b|"
            rf"\bmy\s+{ABUSER_NOUN}\s+(?:is|was|gets|"
            r"has\s+been)\s+(?:[\w']+\s+)?(?:abusive|violent)\b|\bviolence\s+(?:at|in\s+my)\s+home\b|"
            r"\b(?:experiencing|suffering|victim\s+of|living\s+with)\s+(?:domestic\s+)?(?:violence|abuse)"),
         unless_impersonal=RESEARCH),
    Rule("controlled_or_stalked", _DO, "crisis",
         rx(r"\block(?:s|ed|ing)?\s+me\s+(?:in|up|out)\b|\b(?:won'?t|not|doesn'?t|isn'?t|never)\s+"
            r"let(?:ting|s)?\s+me\s+(?:leave|go\s+out|out|see|eat|sleep)|"
            r"\b(?:stalking|following)\s+me\b|\bwaiting\s+outside\s+my\s+(?:flat|house|door|home|work|"
            r"school)")),
)

_DOOR_BEING_BANGED = near(
    r"(?:bang|pound|hammer|kick|smash|punch|thump)\w*\s+(?:on\s+)?(?:the|my)\s+(?:\w+\s+)?door|"
    r"trying\s+to\s+(?:break|get|kick)\s+(?:down|in|through)\s+(?:the|my)\s+(?:\w+\s+)?door|"
    r"break\w*\s+down\s+(?:the|my)\s+(?:\w+\s+)?door",
    r"scream\w*|shout\w*|yell\w*|locked|hiding|hid|scared|terrified|afraid|drunk|kill|hurt|"
    r"let\s+me\s+out|outside",
    60,
)
_STALKED_WITH_THREAT = near(
    r"(?:turn|show)(?:s|ed|ing)?\s+up\s+at\s+my|(?:follow|watch)(?:s|ed|ing)\s+me|"
    r"outside\s+my\s+(?:house|flat|home|door|work|school)",
    r"regret|threat\w*|kill|hurt|scared|terrified|afraid|police|won.?t\s+leave|warned",
    80,
)

FAMILY_RULES: tuple[Rule, ...] = (
    Rule("someone_who_hurts_me", _DO, "crisis",
         rx(rf"\b(?:who|that)\s+(?:often\s+|always\s+|sometimes\s+|regularly\s+|still\s+)?{HARM_VERB}\s+"
            r"(?:me|us)\b(?!\s+(?:up|at|in\s+(?:a|the)\s+\w+|to\s+it)\b)"),
         unless=PLAYFUL_HIT),
    Rule("going_to_hurt_me", _DO, "crisis",
         rx(rf"\b{ABUSER}\s*{_WILL}\s+(?:\w+\s+)?{_VIOLENCE}\s+{_VICTIM}\b"
            r"(?!\s+(?:at|in\s+(?:a|the)\s+(?:race|game|match)|to\s+it|up\b))"),
         unless=PLAYFUL_HIT),
    Rule("going_to_kill_me_meant", _DO, "crisis",
         rx(rf"\b{ABUSER}\s*{_WILL}\s+(?:\w+\s+)?(?:kill|murder|end)\s+{_VICTIM}\b(?=.{{0,80}}\b{_MEANT})|"
            rf"\b{_MEANT}\b.{{0,60}}\b{ABUSER}\s*{_WILL}\s+(?:\w+\s+)?(?:kill|murder)\s+{_VICTIM}\b"),
         unless=PLAYFUL_HIT),
    Rule("conditional_threat", _DO, "crisis",
         rx(rf"\b(?:hurt|beat|hit|harm|punish|stab|shoot)\s+{_VICTIM}\s+if\s+i\b|"
            rf"\bif\s+i\s+(?:ever\s+|even\s+)?(?:tell|told|leave|left|report|call|refuse|speak|talk|try\s+to\s+"
            rf"(?:leave|tell|get\s+help))\b.{{0,50}}?\b(?:he|she|they|hes|shes|{ABUSER_NOUN})\s*{_WILL}\s+"
            r"(?:\w+\s+)?(?:kill|hurt|beat|hit|"
            r"harm|ruin|come\s+after|make\s+me\s+pay|take\s+the\s+kids|find\s+me)|\bregret\s+it\s+if\s+i\s+"
            r"(?:ever\s+)?(?:tell|call|report|go|leave|speak|talk)|\bmake\s+sure\s+i\s+(?:never|don.?t)\s+"
            r"(?:see|wake|walk|leave|live)"),
         unless=PLAYFUL_HIT),
    Rule("injured_by_someone", _DO, "crisis",
         rx(rf"\b{ABUSER}\s+(?:[\w']+\s+){{0,3}}?{_INJURY}|\bgave\s+me\s+(?:a\s+)?(?:black\s+eye|concussion|"
            r"bruises|split\s+lip)|\bgets?\s+(?:really\s+)?(?:rough|physical|violent)\s+with\s+me|"
            r"\bbruises?\s+(?:from|that)\s+(?:him|her|them|he|she|my)\b"),
         unless=PLAYFUL_HIT),
    Rule("door_being_banged", _DO, "crisis",
         rx(rf"\b{_DOOR_BEING_BANGED}"),
         unless=PLAYFUL_HIT),
    Rule("hiding_from_someone", _DO, "crisis",
         rx(rf"\b(?:hiding|hid|locked\s+(?:myself\s+)?in|barricaded)\s+(?:myself\s+)?(?:in|inside|under)\s+"
            rf"(?:the|my)\s+\w+\s+(?:because|cause|cuz|coz|since|as|so|from|while)\s+(?:\w+\s+){{0,2}}?"
            rf"(?:he|she|they|hes|shes|him|her|them|{ABUSER_NOUN})\b"),
         unless=PLAYFUL_HIT),
    Rule("afraid_to_stay_or_return", _DO, "crisis",
         rx(r"\b(?:afraid|scared|terrified|frightened|too\s+scared|fear\w*)\s+(?:to|of)\s+(?:go(?:ing)?|stay(?:ing)?|"
            r"be(?:ing)?|return(?:ing)?|sleep(?:ing)?|come|coming|get(?:ting)?)\s+(?:back\s+)?(?:\w+\s+){0,3}?"
            r"(?:home|house|flat|apartment|with\s+(?:him|her|them))\b|\b(?:afraid|scared|fear\w*|terrified|"
            r"worried)\s+for\s+my\s+(?:life|safety)\b|\bi'?m\s+not\s+safe\s+(?:here|with\s+(?:him|her|them)|"
            r"right\s+now|tonight)\b")),
    Rule("stalked_with_threat", _DO, "crisis",
         rx(rf"\b{_STALKED_WITH_THREAT}")),
    Rule("forced_marriage", _DO, "crisis",
         rx(r"\b(?:forc\w*|mak(?:e|ing)\s+me|send\w*\s+me\s+(?:away|abroad|back))\b[^.!?\n]{0,30}\bmarr(?:y|ied|iage)\b"),
         unless_impersonal=RESEARCH),
)

DANGER_RULES: tuple[Rule, ...] = EXPLICIT_RULES + FAMILY_RULES
