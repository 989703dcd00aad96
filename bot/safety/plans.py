"""Plans, means and last acts said plainly, in the words people use (issue 11).

"The tablets are counted", "the rope is already in my wardrobe", "I've worked
out how", "if anyone reads this after", "I'm going to go through with it",
"what I intend to be my final night", letters sealed "one for each of them".
Each rule is crisis-level and first-person by construction; look-alikes are
excluded by their setting (gardening, camping, a job, a birthday card).
"""

from __future__ import annotations

from bot.safety.rules import (
    BURDEN_OR_GOODBYE,
    METHOD_OR_MEANS,
    PREPARATORY_ACTS,
    SUICIDAL_IDEATION,
    TIME_LIMITED_PRESENCE,
    Rule,
    rx,
)

_PA = PREPARATORY_ACTS

# fmt: off
PLAN_RULES: tuple[Rule, ...] = (
    Rule("means_ready", _PA, "crisis",
         rx(r"\b(?:rope|noose|pills|tablets|meds|blade|razor|gun|ladder|hose|"
            r"charcoal|stool|chair)\s+"
            r"(?:is\s+|are\s+|'s\s+)?(?:all\s+)?(?:ready|sorted|set\s+up|in\s+place|"
            r"waiting|tied|prepared)\b|"
            r"\b(?:have|got|'ve\s+got|ve\s+got)\s+(?:the|a|my|"
            r"some)\s+(?:\w+\s+)?(?:rope|noose|pills|tablets|blade|razor|gun|hose|"
            r"charcoal)"
            r"\s+(?:ready|sorted|set\s+up|in\s+place|prepared|waiting)\b"),
         unless=rx(r"\b(?:climb\w*|camping|tent|boat|sail\w*|tow\w*|swing|hammock|garden|"
                   r"shav\w*|craft\w*|"
                   r"holiday|trip|packed|gym|dog)\b")),
    Rule("plan_in_place", _PA, "crisis",
         rx(r"\b(?:got|have|had|it'?s|its|everything'?s|everything\s+is|all|"
            r"i'?ve)\s+(?:it\s+)?(?:all\s+)?"
            r"(?:planned|mapped\s+out|worked\s+out|"
            r"figured\s+out)\b[^.!?\n]{0,80}\b(?:do(?:ing)?\s+it|"
            r"after\s+that|nobody|no\s+one|method|how\s+(?:and|i'?ll)|"
            r"the\s+\d+(?:st|nd|rd|th)?|worry\s+about\s+me)|"
            r"\bplanned\s+my\s+(?:exit|death|suicide|way\s+out|ending|end)\b|"
            r"\b(?:wrote|written|write|writing)\s+down\s+how\s+i'?m\s+going\s+to\s+do\s+it\b|"
            r"\b(?:date|day),?\s+time,?\s+(?:and\s+)?method\b|"
            r"\bim\s+doing\s+it\b|\bi'?m\s+doing\s+it\s+(?:on|when|after|tonight|tomorrow|this)\b"),
         subject=True),
    Rule("the_way_i_will", METHOD_OR_MEANS, "crisis",
         rx(r"\bthe\s+way\s+i\s+(?:will|'ll|would|am\s+going\s+to|plan\s+to|"
            r"want\s+to)\s+(?:do\s+it|go)\b|"
            r"\blet\s+go\s+of\s+the\s+(?:wheel|steering)\b|\bswallow\w*\s+everything\b|"
            r"\b(?:shotgun|gun|rifle|pistol)\b[^.!?\n]{0,60}\b(?:key|cabinet|hides?|"
            r"loaded|using\s+it|use\s+it)\b"),
         unless=rx(r"\b(?:game|film|movie|range|hunting\s+trip|clay|cod|fortnite)\b")),
    Rule("after_found", _PA, "crisis",
         rx(r"\bif\s+any(?:one|body)\s+(?:reads?|finds?)\s+this\s+(?:after|later|when|once)|"
            r"\b(?:the\s+one|first\s+one|person)\s+who\s+finds\s+me\b|"
            r"\bsearch\s+history\b[^.!?\n]{0,60}\b(?:painless|height|"
            r"lethal|dose|overdose|ways\s+to)\b|\bpainless\s+ways?\s+to\s+(?:go|die|end)\b")),
    Rule("final_signoff", BURDEN_OR_GOODBYE, "crisis",
         rx(r"\bsigning\s+off\s+(?:for\s+good|permanently|forever)|\blast\s+(?:msg|"
            r"message|mesage|words|post|text)\s+ever\b|"
            r"\bgo\s+to\s+(?:rest|sleep)\s+forever\b|\bi\s+(?:will|'ll|"
            r"am\s+going\s+to)\s+rest\s+forever\b|"
            r"\bremove\s+myself\b[^.!?\n]{0,40}\bpermanently\b|"
            r"\bbetter\s+off\s+with\s+the\s+(?:life\s+)?insurance\b|\bnot\s+staying\s+alive\b|"
            r"\bthis\s+is\s+my\s+last\s+(?:msg|message|"
            r"mesage)\b[\s\S]{0,80}?\b(?:love|lov|loved|fault|falt|sorry|bye)"),
         unless=rx(r"\b(?:tonight|for\s+(?:now|today)|gn|good\s*night|battery|phone|"
                   r"see\s+(?:you|ya|u)|tomorrow)\b")),
    Rule("thoughts_to_end", SUICIDAL_IDEATION, "crisis",
         rx(r"\bthoughts?\s+(?:to|of|about|abt)\s+(?:finish|end|take|"
            r"stop)\w*\s+my\s+(?:life|self|own\s+life)\b|"
            r"\b(?:wanna|want\s+to|wish\s+i\s+(?:was|were|could\s+be))\s+(?:be\s+)?dead\b|"
            r"\bbetter\s+served\s+if\s+i\s+(?:were|was)\s+no\s+longer\s+alive\b"), subject=True),
    Rule("going_through_with_it", SUICIDAL_IDEATION, "crisis",
         rx(r"\b(?:i'?m|im|i\s+am|i'?ll|ill|i\s+will)\s+(?:probably\s+|finally\s+|"
            r"really\s+)?(?:going\s+to\s+|gonna\s+)?"
            r"go\s+through\s+with\s+it\b|\bbefore\s+i\s+go\s+through\s+with\s+it\b|"
            r"\b(?:i'?m|im|i\s+am)\s+going\s+to\s+do\s+it\b[^.!?\n]{0,60}?(?:\.|,)?[^.!?\n]{0,60}?"
            r"\b(?:better\s+(?:off\s+)?with(?:out)?|made\s+(?:my\s+)?peace|"
            r"won'?t\s+be\s+here|goodbye)|"
            r"\b(?:made\s+my\s+peace\s+with\s+(?:it|dying|going))\b|\btonight\s+i\s+stop\b"),
         subject=True,
         unless=rx(r"\b(?:exam|job|interview|marathon|diet|course|surgery|operation|move|"
                   r"wedding|tattoo)\b")),
    Rule("final_night", TIME_LIMITED_PRESENCE, "crisis",
         rx(r"\bmy\s+(?:final|last)\s+(?:night|day|morning|evening|hours?|week(?:end)?)\s+"
            r"(?:alive|on\s+earth|on\s+this\s+earth|in\s+this\s+world)\b|"
            r"\b(?:intend|plan|going|meant)\s+to\s+be\s+my\s+(?:final|"
            r"last)\s+(?:night|day|hours?)\b|"
            r"\b(?:about\s+)?\w+\s+days\s+left\s+before\s+i\s+(?:go\s+through|"
            r"do\s+it|end|kill|go)\b")),
    Rule("secret_stockpile", METHOD_OR_MEANS, "crisis",
         rx(r"\b(?:chemists?|pharmac\w+|shops?|stores?)\s+so\s+(?:none|nobody|"
            r"no\s+one|they)\b[^.!?\n]{0,40}"
            r"\bnotice\b|\b(?:pills|tablets|packets|boxes)\b[^.!?\n]{0,30}\blined\s+up\b")),
    Rule("method_settled", METHOD_OR_MEANS, "crisis",
         rx(r"\bwould\s+kill\s+me\s+(?:fastest|quickest|quicker|faster)\b|"
            r"\b(?:know|worked\s+out|"
            r"figured\s+out)\s+exactly\s+which\b[^.!?\n]{0,40}\b(?:pills|tablets|"
            r"meds|floor|bridge)\b|"
            r"\b(?:tablets|pills|meds)\s+(?:are\s+)?(?:all\s+)?counted\b|"
            r"\bcounted\s+(?:them|the\s+(?:pills|tablets|meds))\b|"
            r"\b(?:i'?ll|i\s+will|i\s+shall|gonna|"
            r"going\s+to)\s+do\s+it\s+on\s+(?:the\s+anniversary|my\s+birthday|"
            r"\w+day)\b|"
            r"\b(?:worked|figured)\s+out\s+how\s*(?:[.!]|$)|"
            r"\bhose\b[^.!?\n]{0,40}\b(?:car|exhaust)\b|"
            r"\b(?:car|exhaust)\b[^.!?\n]{0,40}\bhose\b|"
            r"\b(?:rope|noose|pills|tablets|blade|razor|hose)\s+(?:is|"
            r"are)\s+(?:\w+\s+)?(?:in|under|hidden\s+in)\s+my\b|"
            r"\b(?:bought|buy|got)\s+(?:already\s+)?(?:a|the)\s+rope\b|"
            r"\bhow\s+high\b[^.!?\n]{0,40}\bto\s+(?:actually\s+|actualy\s+|really\s+)?work\b|"
            r"\b(?:i'?d|id|i\s+would|i'?ll|ill|i\s+will)\s+jump\s+(?:off|"
            r"from)\s+(?:the|a)\s+(?:top|roof|bridge|\w+\s+floor)"),
         unless=rx(r"\b(?:garden\w*|hosepipe\s+ban|wash\w*|climb\w*|camping|pool|bungee|"
                   r"diving|fix\w*|"
                   r"homework|recipe|puzzle|game|pet|dog|cat|film|story|novel|for\s+(?:joy|"
                   r"fun))\b")),
    Rule("letters_sealed", PREPARATORY_ACTS, "crisis",
         rx(r"\bletters?\s+(?:are|is)\s+(?:all\s+)?(?:written|sealed|done)\b[^.!?\n]{0,40}"
            r"(?:one\s+for\s+each|for\s+(?:each|all)\s+of\s+(?:them|you)|sealed)"),
         unless=rx(r"\b(?:christmas|birthday|thank\s*you|wedding|invitation|cover\s+letter|"
                   r"application|santa)\b")),
)
# fmt: on
