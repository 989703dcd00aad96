"""Word families shared by the rule families: plain regex strings, composed by rules.

A family is one idea with its spellings, typos and slang ("myself", "a wish",
"death or not existing"), so a rule reads as "wish near death" and a new typo
is added once, here, for every rule that uses it.
"""

from __future__ import annotations

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
# Places people go to end their life, as in "I'm on the bridge right now".
HIGH_PLACE = (
    r"(?:bridge|roof|rooftop|ledge|cliffs?|cliff\s+edge|railway\s+(?:line|tracks?|bridge)|"
    r"rail\s+(?:line|tracks?)|train\s+(?:tracks?|line)|tracks|parapet|overpass|viaduct|railing|"
    r"balcony\s+(?:railing|edge|ledge)|motorway\s+bridge|(?:top|roof|edge)\s+of\s+(?:the\s+|a\s+|my\s+)?"
    r"(?:\w+\s+)?(?:car\s*park|multi-?stor(?:e)?y|building|tower|block|flats|hotel|cliff|bridge|dam|quarry))"
)
DRUG = (
    r"(?:pills?|tablets?|meds|medications?|medicines?|painkillers?|paracetamol|acetaminophen|"
    r"tylenol|ibuprofen|aspirin|sleeping\s+pills|antidepressants?|insulin|opioids?|oxy\w*|"
    r"sertraline|fluoxetine|citalopram|xanax|valium|benzos?|prescriptions?|sleeping\s+tablets|"
    r"capsules|pain\s*killers|co-?codamol|codeine|tramadol|lithium|diazepam|zopiclone)"
)
BODY = r"(?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?|hands?|chest|body|knuckles?)"
ABUSER_NOUN = (
    r"(?:partner|husband|wife|boyfriend|girlfriend|bf|gf|fianc[eé]e?|ex|dad|father|mum|mom|"
    r"mother|step\s*-?(?:dad|father|mum|mom|mother)|brother|sister|uncle|aunt|parents?|family|"
    r"flatmate|roommate|housemate|son|daughter|carer|boss)"
)
ABUSER = rf"(?:he|she|they|hes|shes|(?:my\s+)?{ABUSER_NOUN})"
HARM_VERB = (
    r"(?:hits?|hitting|beats?|beat|beating|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|"
    r"slap(?:s|ped|ping)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|hurts|hurting|"
    r"threw|throws|push(?:es|ed)|shov(?:es|ed)|rap(?:es|ed)|assault(?:s|ed)|attack(?:s|ed)|"
    r"burn(?:s|ed|t)|grab(?:s|bed)|drag(?:s|ged)|smack(?:s|ed))"
)

# ---- Family 1: a wish, intent, relief or rumination cue ... near death ----
WANNA = r"(?:wanna|wana|wnna|wan\s+to|want(?:s|ed|ing)?\s+to|wantto)"
WISH_CUE = (
    r"(?:want(?:s|ed|ing)?|wanna|wana|wnna|wish(?:ed|ing)?|hop(?:e|ed|ing)|pray(?:ed|ing)?|"
    r"long(?:ing)?\s+(?:to|for)|crav(?:e|ing)|ready|rather|tempted|plan(?:ning)?|decided|"
    r"going\s+to|gonna|gunna|finna|need|deserve|would\s+like|'d\s+like|make\s+sure|welcom\w*|"
    r"(?:relieved|glad|happy|content|okay|ok)\s+(?:to|if)|waiting|can'?t\s+wait|"
    r"looking\s+forward\s+to|counting\s+down|"
    r"(?:day)?dream(?:ing|t)?\s+(?:of|about|abt)|fantasi[sz]\w*\s+(?:of|about|abt)|"
    r"think(?:ing|in)?\s+(?:to|of|about|abt|bout)|thought\s+(?:of|about)|thoughts\s+(?:of|about))"
)
# Infinitives and clauses that mean "I die / I no longer exist", with the
# idioms ("die of embarrassment", "die laughing", "rather die than") excluded.
_DIE_IDIOM = (
    r"(?!\s*(?:of|from|laughing|with\s+laughter|happy|young|old|alone|than|if|without|before|when|"
    r"trying|for\s+(?:a|an|some|this|that|my|the|it|your|our)|in\s+peace\s+at|on\s+stage|"
    r"someday|some\s+day|eventually|one\s+day|inside|waiting))"
)
_WAKE_TAIL = (
    r"(?!(?:\s+up)?\s+(?:late|early|in\s+time|on\s+time|before|at\s+\d|too|with|for|"
    r"to\s+(?:the|my|an?)\b))"
)
SELF_DEATH = (
    r"(?:(?:to|just|wanna|wana|gonna|i|i'?d|i\s+(?:would|could|will|can|might|just)|i'?ll|me)\s+"
    rf"(?:just\s+|simply\s+|finally\s+)?(?:die|dy|d\s+i\s+e|dieee?|be\s+dead){_DIE_IDIOM}\b"
    r"|(?:to|just|i'?d|i\s+would|me)\s+(?:just\s+)?be\s+gone\b(?!\s+(?:by|for|from|till|until|on|at|over|"
    r"after|during|in\s+\d|before|when))"
    r"|(?:not|never|n'?t|no\s+longer)\s+(?:to\s+)?(?:be\s+|being\s+)?(?:alive|exist|existing)\b"
    r"|stop(?:ped)?\s+(?:existing|living|breathing)|cease\s+to\s+exist"
    r"|(?:not|never|n'?t|dont|don'?t)\s+(?:to\s+|have\s+to\s+|ever\s+)?(?:wake|waking|woke)\b"
    + _WAKE_TAIL
    + r"(?:\s+up)?"
    + r"|heart\s+(?:would\s+|will\s+|to\s+|could\s+)?(?:just\s+)?"
    r"(?:stops?|stopping|gives?\s+out|giving\s+out|gives?\s+up|stop\s+beating)"
    r"|(?:sleep|asleep)\w*\s+(?:and\s+)?(?:forever|permanently|and\s+never)|eternal\s+sleep"
    r"|end(?:ing)?\s+(?:it|it\s+all|things|everything|my\s+(?:own\s+)?life|myself|my\s+existence)\b"
    r"(?!\s+(?:with|between|off|for\s+(?:the|today|now)|here|there|early|on\s+a))"
    r"|finish\w*\s+(?:my\s+(?:own\s+)?life|myself)|take\s+my\s+(?:own\s+)?life"
    r"|my\s+life\s+(?:would\s+|to\s+|could\s+|will\s+)?(?:just\s+|simply\s+|finally\s+)?(?:end|be\s+over|"
    r"come\s+to\s+an\s+end|stop)\b"
    r"|never\s+see\s+(?:daylight|the\s+light\s+of\s+day|another\s+day|the\s+sun(?:rise)?|tomorrow)"
    r"|(?:won'?t|wont|will\s+not|not|never|don'?t|dont)\s+(?:\w+\s+)?(?:see|make\s+it\s+to|live\s+to\s+see|"
    r"survive)\s+(?:the\s+|another\s+|next\s+)?(?:morning|tomorrow|day|week|year|daylight|sunrise|christmas)"
    r"|(?:god|he|the\s+lord|the\s+universe|death)\s+(?:would\s+|will\s+|to\s+|just\s+)*takes?\s+me"
    r"|(?:un-?aliv\w*|kill\w*\s+myself|off\s+myself|end\s+myself|suicide|sewer\s*slide)"
    r"|(?:dis+ap+ea?r|disapear|vanish)\w*\s+(?:forever|for\s+good|permanently|and\s+never))"
)
# "death" as a thing someone thinks about or longs for; never another person's.
DEATH_NOUN = (
    r"(?:death\b(?!\s+(?:metal|star|stranding|row|toll|penalty|stare|trap|note\s+(?:anime|manga)))"
    r"|dying\b(?!\s+(?:to|for|of|inside|laughing|light|art|breed|language|species|embers|battery))"
    r"|being\s+dead|(?:not|never)\s+(?:existing|being\s+(?:alive|here|around)|waking\s+up)"
    r"|my\s+(?:own\s+)?(?:funeral|death|grave)|ending\s+(?:it|it\s+all|things|my\s+life)|suicide|"
    r"killing\s+myself|un-?aliving\s+myself|the\s+void)"
)
RELIEF = (
    r"(?:relief|relieving|peace(?:ful)?|better|easier|welcom\w+|comfort\w*|appeal\w*|tempting|"
    r"freedom|free|release|rest|escape|the\s+answer|calm\w*|glad|nice|mercy|a\s+gift|lovely|"
    r"only\s+(?:way|option|solution|answer|escape|choice|thing)|way\s+out)"
)
RUMINATION = (
    r"(?:all\s+the\s+time|constantly|every\s+(?:single\s+)?(?:day|night|hour|minute|morning)|everyday|"
    r"non-?stop|24/7|a\s+lot|so\s+much|so\s+often|more\s+and\s+more|getting\s+(?:louder|worse|"
    r"stronger)|can'?t\s+stop|cant\s+stop|keep|kept|always|obsess\w*|on\s+my\s+mind|in\s+my\s+head|"
    r"won'?t\s+(?:go\s+away|leave\s+me)|lately|again)"
)
TIME_SOON = (
    r"(?:tomorrow|tmrw|tmr|tmrow|2moro|2morrow|tomoz|tonight|tonite|2nite|today|this\s+(?:week|"
    r"weekend|morning|evening)|soon|by\s+(?:monday|friday|the\s+weekend|morning|christmas)|"
    r"much\s+longer|for\s+(?:much\s+)?long(?:er)?|any\s*more|next\s+(?:week|month|year))"
)
# Endings that make "I don't want to live / be alive" a statement about life itself.
LIFE_TAIL = (
    r"(?=\s*(?:anymore|any\s*more|any\s+longer|no\s+more|on\s+(?:this\s+)?earth|in\s+this\s+world|"
    r"like\s+this|rn|right\s+now|now|tbh|honestly|lol|ngl|fr|tonight|today|tomorrow|tmrw|tmr|"
    r"again|ever|at\s+all|$|[.!,;?]))"
)
