"""Reflection elements (after Ullmann 2019) and the moves of critical reflection.

Each element is a small family of cue patterns - word families and frames,
not whole sentences - and every hit is kept as evidence so feedback can quote
it. Feelings come from the emotion lexicon, not from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.scoring.result import Evidence
from bot.scoring.text import Analysis

_OTHER = (
    r"(?:he|she|they|people|others|everyone|everybody|nobody|no one|someone|men|women|"
    r"(?:my|our|her|his) (?:\w+ )?(?:mum|mom|mother|dad|father|parents?|partner|boyfriend|"
    r"girlfriend|husband|wife|friends?|boss|sister|brother|teacher|family|ex|nan|gran|grandma|"
    r"grandad|grandpa|aunt|uncle|colleagues?|coworkers?|manager|flatmate|therapist|gf|bf))"
)
_PAST_VERBS = (
    r"(?:said|told|asked|came|went|left|took|gave|got|yelled|shouted|cancel+ed|forgot|helped|"
    r"hugged|ignored|laughed|cried|argued|snapped|called|texted|messaged|moved|lost|found|sat|"
    r"brought|noticed|listened|nodded|picked|sent|fell|broke|walked|stopped|started|tried|"
    r"reached|booked|missed|dropped|replied|posted|saw|met|held|bought|died|fixed|drove|dated|"
    r"ran|hid|shut|screamed|kissed|apologi[sz]ed|waited|offered|invited|explained|answered|"
    r"refused|turned|made|did|spent|visited|phoned|shared|opened|froze|panicked|talked)"
)

_MENTAL = (
    r"(?:assum|realis|realiz|believ|notic|learn|wonder|expect|decid|imagin|hop|want|need|lik|lov|"
    r"hat|seem|suppos|deserv|tir|scar|worr|us|accept|conclud|recogni[sz]|pictur|figur|tri)ed\b"
)

_RAW: Mapping[str, tuple[str, ...]] = {
    "episode": (
        r"\bwhen i was (?:a |little|young|small|about|in|\d+)|\bas an? (?:kid|child|teen(?:ager)?|"
        r"boy|girl|little one)\b|\bgrowing up\b|\byesterday\b|\blast (?:week|night|month|year|"
        r"time|spring|summer|autumn|fall|winter|weekend|christmas)\b|\bthis (?:morning"
        r"|afternoon)\b|"
        r"\bthe other (?:day|night|week)\b|\bone (?:time|day|evening|night|morning)\b|"
        r"\b(?:at|in|after) school\b|\byears ago\b|\b(?:a few|two|three|some) (?:days|weeks|"
        r"months) ago\b|\bearlier today\b|\bwhen i (?:told|asked|said|got|came|lost|moved|"
        r"started|tried|called|reached|cried|fell|had|was)\b|\bonce\b(?! (?:a|i|you) )|"
        r"\bi (?:can )?remember\b|\b(?:at|during|after|before) the (?:funeral|meeting|party|"
        r"wedding|interview|presentation|match|weekend|holidays?)\b|\bin the meeting\b|"
        r"\b(?:today|this evening|last \w+day|on my birthday|at (?:the )?(?:party|funeral|"
        r"wedding))\b",
    ),
    "narrative": (
        rf"\b(?:i|we|it|{_OTHER}|(?:a|the|my|our|his|her) \w+) (?:\w+ly |just |then |finally |"
        rf"never |also |actually |once |would )?(?:{_PAST_VERBS}|(?!{_MENTAL})\w{{3,}}ed|used to|"
        r"(?:was|were) \w+ing)\b",
    ),
    "self_belief": (
        r"\bi(?:'m| am|m| was| must be| feel like i'?m| felt like i was| always felt| have always "
        r"been|'ve always been| become| became| see myself as| think of myself as)\s+(?:just "
        r"|such |"
        r"so |too |not |never |a |an |really |the |very |kind of |sort of |a bit |actually |"
        r"basically |always |still )*(?:burden|too much|needy|selfish|weak|strong|capable|stupid|"
        r"useless|worthless|unlovable|lovable|failure|enough|good enough|incompetent|competent|"
        r"broken|difficult|annoying|boring|clingy|independent|resilient|nuisance|unlikeable|"
        r"likeable|mess|hard to love|worthy|unworthy|deserving|problem|fixer|one who copes|"
        r"strong one|lazy|dramatic|pathetic|afterthought|hopeless|inadequate|unwanted|wanted|"
        r"(?:good|bad|terrible|horrible|awful|kind|decent) (?:person|friend|partner|parent|"
        r"mother|father|daughter|son)|idiot|loser|bad at \w+|good at \w+|sensitive|overreacting)\b",
        r"\bi (?:don'?t |do not |never )?deserve\b|\bi'?m not worth\b|\bsomething (?:is |was )?"
        r"wrong with me\b|\b(?:it'?s|it was|its) (?:all |always )?my fault\b|\bi hate myself\b|"
        r"\bi (?:don'?t |do not |can'?t )?(?:trust|like|believe in|respect) myself\b|"
        r"\bi (?:tell|told) myself\b|\bi'?m (?:the|a) (?:kind|sort|type) of person\b|"
        r"\bi can(?:'?t| not)? (?:handle|cope|manage) (?:it|things|this)\b|"
        r"\bi only feel (?:useful|worth|valued|okay|ok|good)\b|\bnot (?:good|smart|pretty|"
        r"interesting|clever) enough\b|\bpart of me (?:believes|thinks|feels)\b|\b(?:nobody|no one)"
        r" (?:would|could|will) (?:ever )?(?:love|want|like) me\b|\bproof (?:that )?i'?m\b|"
        r"\b(?:see|saw|think|thought) (?:of )?me as\b|\bproud of myself\b|\bmy self[- ]?worth\b",
    ),
    "other_belief": (
        r"\b(?:people|others|everyone|everybody|nobody|no one|men|women|partners|friends|adults|"
        r"grown ups|the world) (?:always |never |just |usually |eventually |really )?(?:will"
        r"|won'?t|"
        r"can'?t|can|don'?t|do|are|aren'?t|leave|tend|get|lose|take|make|seem|want|would|end|"
        r"turn|let|judge|think|see|care|help|come|stay|go|mean)\b",
        r"\byou can'?t (?:trust|rely on|count on|depend on)\b|\b(?:can|could|can'?t|couldn'?t) be "
        r"(?:trusted|relied on|counted on)\b|\b(?:will|would|'ll|'d) (?:eventually "
        r"|always )?(?:leave"
        r"|let me down|reject|abandon|get bored|lose interest|find someone better|judge|laugh)\b|"
        rf"\b{_OTHER} (?:is|was|are|were|'s|seems?|seemed) (?:always |so |really |very |just |"
        r"never |usually |quite )?(?:reliable|unreliable|kind|cold|distant|warm|steady|safe|"
        r"supportive|critical|dismissive|lovely|harsh|strict|absent|unpredictable|inconsistent|"
        r"caring|loving|patient|judgemental|judgmental|trustworthy|there for me|around|gentle|"
        r"generous|good about|not around|nothing like)\b|\b(?:there for me|has my back|had my back|"
        r"hold it over|comes? with strings|make things worse|take over|lose interest|"
        r"get bored of me|turns? up|shows? up|let(?:s)? me down)\b",
    ),
    "pattern": (
        r"\b(?:every ?time|whenever|each time|again and again|over and over|tend to|tends to|"
        r"patterns?|habits?|themes?|the same (?:thing|way|story|kind|pattern|with)|in every "
        r"(?:relationship|job|group)|every (?:relationship|single time|year)"
        r"|all my (?:relationships"
        r"|exes|friendships)|repeats?|repeating|cycle|as usual|like always|as always|goes like "
        r"this|most of the time|all the time|i do this|i do the same|i keep|i still \w+|"
        r"the moment (?:someone|anyone|people)|i end up|end up|keeps? happening|happen(?:s|ed)? "
        r"again|(?:do|did|does) (?:it|this|that) again|i notice i)\b",
        r"\bi(?:'m|'ve| am| have)? (?:\w+ )?(?:always|usually|often|constantly|never) (?!been\b)"
        r"\w+",
    ),
    "perspective": (
        r"\bfrom (?:his|her|their|(?:my )?\w+'s) (?:side|point of view|perspective|end)\b|\bin "
        r"(?:his|her|their) shoes\b|\b(?:maybe|perhaps|probably) (?:she|he|they|it)(?:'s| was| were"
        r"| had| just| didn'?t| felt| is| are| wasn'?t| needed| has| was)\b|\b(?:she|he|they) "
        r"(?:might|may|could|must) have (?:been|felt|had|thought|needed)\b|\b(?:she|he"
        r"|they) (?:was|"
        r"were|is|'s) (?:probably |just |really )?(?:struggling|dealing|under|busy|stressed|"
        r"exhausted|tired|scared|overwhelmed|swamped|doing (?:her|his|their) best|a single|"
        r"a quiet)\b|\b(?:she|he|they) (?:had|has|have) (?:her|his|their) own\b|\b(?:her|his|their)"
        r" own (?:stuff|struggles|problems|issues|fears|history|childhood|worries|pain)\b|"
        r"\banother (?:way|reading|explanation)\b|\bi wonder (?:if|whether|what|how) (?:she|he|"
        r"they|it)\b|\bif a friend\b|\bflip it\b|\b(?:feel|felt) the same (?:way )?about me\b|"
        r"\b(?:she|he|they) (?:just )?needs?\b|\b(?:it was|it's|it is|its|was) (?:never|not) "
        r"(?:about|because of) me\b|\b(?:isn'?t|wasn'?t) about me\b|\b(?:her|his|their) (?:side|"
        r"reasons|perspective|point of view)\b|\bfor (?:her|him|them),? (?:it|that|this)\b|"
        r"\b(?:she|he|they) (?:probably|might|may) (?:didn'?t|did|not|have|felt|feel|was|be)\b",
        r"\b(?:she|he|they)(?:\s+(?:was|were|is|are|had|has)|'s|'re)? (?:probably|maybe|perhaps|"
        r"likely|trying|doing (?:her|his|their) best|under|dealing|struggling|frightened|scared|"
        r"afraid|worried)\b|\b(?:maybe|perhaps|probably) (?:she|he|they|my \w+|it meant)\b|"
        r"\b(?:his|her) own\b|\b(?:not|wasn'?t|isn'?t|weren'?t) (?:his|her|their) fault\b|"
        r"\b(?:like that|the same) with everyone\b|\bnot just (?:with |to |about )?me\b|"
        r"\b(?:she|he|they) (?:had )?"
        r"(?:grown up|grew up)\b|\b(?:she|he|they) (?:seemed|seems|looked) (?!like)\w+|"
        r"\bdoing (?:her|his|their) best\b|\b(?:weren'?t|wasn'?t|isn'?t|aren'?t) (?:about|against|"
        r"because of) me\b|\bprobably means\b",
    ),
    "lesson": (
        r"\bi (?:now |can |have |'ve |slowly )?(?:realise|realize|realised|realized|learn(?:ed|t)|"
        r"noticed|see now|now see|understand now|now understand|recogni[sz]ed?|get it now|"
        r"can see)\b|\bi'?ve (?:come to|noticed|learned|learnt|realised|realized)\b|\bit (?:makes|"
        r"made) sense\b|\bnow i (?:know|see|understand)\b|\b(?:taught|teaches|showed|shows|"
        r"reminded|tells) me\b|\bmakes? me think\b|\bthat'?s (?:probably |maybe )?(?:why|where|"
        r"how)\b|\bwhich (?:is )?why\b|\bexplains?\b|\bhelps? me understand\b|\bi'?m (?:starting|"
        r"beginning) to (?:see|understand|realise|realize|think|question|notice)\b|\bi think "
        r"(?:that'?s|this is|its|it'?s) (?:where|why)\b|\blooking back\b|\bin hindsight\b|\bi "
        r"figured out\b|\bturns? out\b|\bturned out\b|\bi notice\b|\bnot everyone\b|"
        r"\bwriting it (?:down|out)\b|\bi(?:'ve| have)? (?:worked out|understood)\b",
    ),
    "future_intention": (
        r"\b(?:next time|from now on|going forward|in (?:the )?future|this (?:week|weekend|"
        r"evening|month)|tomorrow|tonight|on (?:monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday))\b|\bi(?:'ll| will| am going to|'m going to|m going to|'m gonna| am "
        r"gonna|m gonna| want to| plan to| intend to| could try| can try|'d like to| would like "
        r"to| hope to| need to| might try| will try|'ll try| aim to| am planning| 'm planning|"
        r"'m planning)\b|\bmy (?:next|first|small) step\b|\bone small (?:step|thing)\b",
        r"^\W*(?:maybe |probably |i guess |to |just )?(?:call|text|ask|tell|invite|go to|join|"
        r"book|message|try|write|say|spend|reach out|meet|talk|visit|send|start|stop|practi[cs]e"
        r"|share|plan|ring|email|sign up|see)\b",
    ),
    "assumption": (
        r"\bi (?:had |always )?assum(?:e|ed|ing)\b|\bassumption\b|\bi used to (?:think|believe|"
        r"take|call|see|read|assume|feel)\b|\bi'?m not sure (?:that'?s|it'?s|this is|it was|if "
        r"that'?s|if it'?s|that) (?:true|fair|right|accurate|the case|really)\b|\b(?:is|was) "
        r"that (?:really|actually|even) true\b|\b(?:maybe|perhaps) i(?:'m| am| was| could be| "
        r"might be) wrong\b|\bi (?:might|could) be wrong\b|\bdoesn'?t (?:fit|match)\b|\b(?:the|"
        r"my|that|this) (?:story|belief|assumption|interpretation|reading)\b|\bi (?:read|took|"
        r"take|interpret(?:ed)?) (?:it|that|this|her \w+|his \w+|their \w+) as\b|\bjump(?:ed)? to "
        r"(?:conclusions|the worst)\b|\bthe evidence\b|\bnot necessarily\b|\bdoesn'?t (?:mean|"
        r"have to mean)\b|\bquestion(?:ing)? (?:that|this|it|the|whether|if)\b|\bnothing to do "
        r"with me\b|\b(?:maybe|perhaps) it'?s not\b|\bisn'?t (?:true|fair)\b|\bany ?more\b|"
        r"\bfor the first time\b|\bnot (?:as|so) (?:bad|scary|true)\b|\bwas(?:n'?t| not) (?:true|"
        r"fair)\b|\bi'?m not sure that\b|\bwithout (?:the|checking)\b",
    ),
    "link": (
        r"\breminds? me of\b|\breminded me of\b|\b(?:like|just like) (?:when i was|a kid|a child"
        r"|my "
        r"(?:mum|mom|dad|father|mother|parents))\b|\b(?:older|goes back further) than\b|"
        r"\bsince (?:i was|childhood|then)\b|\bthe same (?:as|way) (?:my|when)\b",
    ),
    "past": (
        r"\b(?:child|children|childhood|kid|little|growing up|grew up|young|younger|teen|teenager|"
        r"school|parents?|mum|mom|mother|dad|father|nan|gran|grandma|grandad|grandpa|caregivers?|"
        r"back then|years ago|early|earlier|as a kid|when i was|family|home)\b",
    ),
    "present": (
        r"\b(?:now|still|today|these days|nowadays|as an adult|at work|(?:my|our) (?:partner|"
        r"boyfriend|girlfriend|husband|wife|gf|bf|boss|manager|colleagues?|kids|job|friends)|in my "
        r"relationships?|this job|anymore|any more|currently|lately)\b",
    ),
}

PATTERNS: Mapping[str, tuple[re.Pattern[str], ...]] = {
    label: tuple(re.compile(p, re.IGNORECASE) for p in raws) for label, raws in _RAW.items()
}
NON_NEGATABLE = frozenset({"self_belief", "other_belief", "past", "present", "assumption"})


@dataclass(frozen=True)
class Hit:
    label: str
    start: int
    end: int


def find(label: str, analysis: Analysis) -> list[Hit]:
    """Cue hits for one label; most cues do not count inside a negation scope."""
    hits: list[Hit] = []
    for pattern in PATTERNS[label]:
        for match in pattern.finditer(analysis.lower):
            start, end = match.span()
            if end == start:
                continue
            if label not in NON_NEGATABLE and analysis.span_negated(start, end):
                continue
            if label == "self_belief" and analysis.span_reported(start, end):
                continue
            hits.append(Hit(label, start, end))
    return hits


def to_evidence(dimension: str, hits: Iterable[Hit], text: str) -> list[Evidence]:
    return [Evidence(dimension, h.label, h.start, h.end, text[h.start : h.end]) for h in hits]
