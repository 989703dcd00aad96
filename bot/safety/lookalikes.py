"""Sentence-level guards: the settings in which a risk word is a look-alike.

A guard is searched in the hit's sentence and drops the hit ("bungee jumping
off a bridge", "burnt myself on the oven tray", "goodbye everyone, see you
tomorrow"). Guards name settings, never whole sentences.
"""

from __future__ import annotations

from bot.safety.rules import rx

# Clearly accidental injuries; ignored when the sentence also says it was deliberate.
ACCIDENT = rx(
    r"^(?!.*\b(?:on\s+purpose|deliberately|again|urges?|relaps\w*|to\s+cope|to\s+feel|punish\w*|"
    r"deserve\w*|want\s+to|wanted\s+to)\b).*\b(?:playing|football|soccer|rugby|gym|workout|"
    r"tripped|slipped|accident(?:ally)?|by\s+mistake|oven|stove|tray|iron|kettle|hob|pan|cooking|"
    r"shav\w*|chopping|paper|bike|skiing|training|match|hiking|climbing|sport\w*|shelf|shelves|"
    r"cupboard|door|table|desk|ceiling|beam|ouch|oops|clumsy|slipped|fell|fall)\b"
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
# Ordinary sign-offs and events: "goodbye everyone, see you tomorrow".
SIGN_OFF = rx(
    r"\b(?:see\s+(?:you|u|ya|y'?all)|for\s+now|for\s+today|for\s+tonight|for\s+the\s+(?:day|night|"
    r"weekend|week)|log(?:ging|ged)?\s+(?:off|out)|talk\s+(?:later|soon|tomorrow)|gotta\s+go|"
    r"good\s*night|next\s+(?:time|week|session|class|lesson)|until\s+(?:next|tomorrow|monday)|"
    r"heading\s+(?:off|out|home)|party|leaving\s+do|last\s+day|moving|trip|holiday|vacation|"
    r"airport|flight|graduation|wedding|retir\w*|new\s+job|abroad|semester|camp|group\s+chat|"
    r"server|discord|stream|class|lol|haha|xx)\b"
)
# Being away for ordinary reasons: "I won't be here next week, I'm on holiday".
AWAY_REASON = rx(
    r"\b(?:holiday|vacation|trip|travel\w*|away|visiting|work|office|shift|school|class|meeting|"
    r"appointment|dentist|doctor|dinner|lunch|party|wedding|conference|busy|online|available|"
    r"in\s+town|offline|signal|wifi|camp\w*|festival|hospital\s+for|surgery|moving|abroad|off\s+grid|"
    r"when\s+i'?m\s+back|back\s+(?:on|in|next)|going\s+to\s+(?:my|the|a)\b|ttyl|see\s+you|"
    r"course|training|place\s+on|new\s+(?:job|flat|house|city|school)|relocat\w*|university|uni)\b"
)
# Someone else's death or illness: "his death", "my grandma is dying".
OTHERS_DEATH = rx(
    r"\b(?:his|her|their|its|[a-z]+'s)\s+(?:death|dying|funeral|passing|grave)\b|"
    r"\bdeath\s+of\s+(?:my|his|her|their|a|an|the|our)\b|\b(?:he|she|they|it|grand\w*|nan|nana|"
    r"mum|mom|dad|father|mother|dog|cat|pet|friend|uncle|aunt|brother|sister)\s+(?:is|was|'s|"
    r"were|are)\s+dying\b"
)
# Ordinary will-writing: "the lawyer said I should write a will now the baby is here".
WILL_ROUTINE = rx(
    r"\b(?:lawyer|solicitor|notary|baby|newborn|married|wedding|mortgage|property|house\s+purchase|"
    r"retir\w*|inherit\w*|estate\s+planning|financial\s+advis\w*|pregnan\w*|grandchild\w*)\b"
)
# Replacing things, not leaving: "I won't need my old laptop, I bought a new one".
REPLACED = rx(
    r"\b(?:new\s+one|bought\s+a\s+new|got\s+a\s+new|upgrad\w*|outgrew|outgrown|too\s+small|"
    r"summer|winter|spring|autumn|weather|warm|cold|moving|move|declutter\w*|charity|sell\w*|"
    r"since\s+i\s+(?:got|bought|have)|don'?t\s+(?:use|play|wear))\b"
)
# Blades and razors in ordinary use.
BLADE_USE = rx(
    r"\b(?:shav\w*|beard|stubble|legs\s+(?:smooth|hair)|blender|mower|lawn|skates?|fan|turbine|"
    r"wipers?|crafts?|art|diy|stanley|boxes|cardboard|kitchen|chef|cooking)\b"
)
# Being at a height for an ordinary reason: views, work, leisure.
HEIGHT_LEISURE = rx(
    r"\b(?:view|views|photos?|pictures?|selfie|picnic|party|bar|restaurant|cafe|terrace|garden|"
    r"fix\w*|repair\w*|working|work|job|tour|festival|fireworks?|sunset|sunrise|walk\w*|jog\w*|"
    r"run\w*|cycl\w*|bike|drinks?|date|friends|wedding|concert|gig|hik\w*|climb\w*|tourist\w*|"
    r"sightsee\w*|dizzy|vertigo|heights|bungee|diving|swim\w*|train\s+(?:is|was)\s+late|"
    r"waiting\s+for\s+(?:the|my)\s+train|commut\w*|game|film|movie|be\s+there|on\s+my\s+way|omw|"
    r"in\s+(?:a\s+)?(?:few|five|ten|\d+)\s+min\w*|coming|arriv\w*|meet\w*|bus|traffic|driv\w*|late|"
    r"(?:almost|nearly)\s+(?:there|home|at)|at\s+yours|see\s+you)\b"
)
# A plan that is an event: "I've picked the date for the wedding".
EVENT_PLAN = rx(
    r"\b(?:wedding|party|date\s+night|birthday|holiday|trip|meeting|interview|exam|launch|move|"
    r"moving|appointment|ceremony|gig|concert|match|game|dinner|lunch|picnic|camp\w*|tell\s+(?:him|"
    r"her|them)|propos\w*|ask\s+(?:him|her|them)|first\s+date|premiere|celebrat\w*|essay|project|"
    r"assignment|diet|workout|training|run|marathon|presentation|vote|surgery|operation)\b"
)
# Ordinary medicine logistics: "enough tablets for the holiday", "before I run out".
MED_ROUTINE = rx(
    r"\b(?:trip|holiday|vacation|travel\w*|to\s+last|run\s+out|running\s+out|refill\w*|repeat\s+"
    r"prescription|headaches?|migraines?|period\s+pain|hay\s*fever|allerg\w*|cold|flu|per\s+day|a\s+day|"
    r"pharmacy|pharmacist|chemist|vet|dog|cat|pet|recycl\w*|dispos\w*|expired|return\s+(?:them|it))\b"
)
# Absence from an activity, not from life: "the team did better without me".
ABSENCE_SETTING = rx(
    r"\b(?:team|project|match|game|squad|band|meeting|office|shift|rota|quiz|season|league|party|"
    r"leaving\s+do|last\s+day|moving|trip|holiday|vacation|airport|flight|graduation|wedding|"
    r"retir\w*|new\s+job|abroad|station|semester|camp|cinema|dinner|pub|night\s+out|weekend\s+away)\b"
)
# Dividing things for a move or a split, not a death: "who gets my stuff in the divorce".
MOVING_OR_SPLIT = rx(
    r"\b(?:divorc\w*|split|break\s*-?up|broke\s+up|custody|mov(?:e|ing)|abroad|emigrat\w*|flat\s*mates?|"
    r"house\s*mates?|room\s*mates?|holiday|trip|away|travel\w*|hospital\s+stay|while\s+i'?m)\b"
)
