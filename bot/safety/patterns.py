"""The crisis rule set: word families and proximity patterns, not sentence lists.

Each rule names one idea ("intent verb + kill myself", "abuser + harm verb +
me"); spelling variants, typos and slang live in the shared families in
``rules``. Patterns are first-person by construction, so reports about other
people or fiction do not match them.
"""

from __future__ import annotations

from bot.safety.rules import (
    ABUSER,
    ABUSER_NOUN,
        ACCIDENT,
    BODY,
    BURDEN_OR_GOODBYE,
    DANGER_FROM_OTHERS,
    DECLUTTER,
    DRUG,
    FAREWELL_EVENT,
    FIRST_PERSON,
    HARM_VERB,
    INTENT,
    KILL,
    LEISURE_JUMP,
    METHOD_OR_MEANS,
    MYSELF,
    PHARMACY,
    PLAYFUL_HIT,
    QUESTION,
    RESEARCH,
    ROPE_USE,
    SELF_HARM,
    STRUCTURE,
    SUICIDAL_IDEATION,
    Rule,
    rx,
)

_SI, _SH, _MM = SUICIDAL_IDEATION, SELF_HARM, METHOD_OR_MEANS
_BG, _DO = BURDEN_OR_GOODBYE, DANGER_FROM_OTHERS
_DIE_IDIOM = (
    r"(?!\s*(?:of|from|laughing|with\s+laughter|young|happy|old|for\s+(?:a|some|this)|"
    r"in\s+peace\s+at))"
)

SUICIDAL_RULES: tuple[Rule, ...] = (
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
            r"(?:not|never|[\w]*n'?t)\s+(?:to\s+)?wake\s+up\b|\b(?:want|wish|wanna)\s+(?:to\s+)?"
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

SELF_HARM_RULES: tuple[Rule, ...] = (
    Rule("cut_myself", _SH, "crisis",
         rx(rf"\b(?:cut|cuts|cutting|slic\w+|slit\w*|carv\w+)\s+(?:{MYSELF}|my\s+{BODY})\b"
            r"(?!\s+(?:some\s+|a\s+little\s+)?slack)|\bcut(?:ting)?\s+again\b"), unless=ACCIDENT),
    Rule("started_cutting", _SH, "crisis",
         rx(r"\b(?:started|start|been|keep|kept|back\s+to|relaps\w*\s+(?:into|on|to)?|urge\s+to|"
            r"want\s+to|used\s+to|stop|stopped|quit)\s+cut(?:ting)?\b"
            r"(?!\s+(?:back|down|ties|corners|out|off|class\w*|school|the|some|my\s+hair|hair|carbs|"
            r"sugar|costs?|it|in|through|onions|up|people|them|him|her|a\s+|\w+\s+(?:out|off|back)))")),
    Rule("self_harm_words", _SH, "crisis",
         rx(r"\bself[\s-]*(?:harm\w*|injur\w*|mutilat\w*)|\b(?:relaps\w*\s+on|my|urges?\s+to)\s+sh\b|"
            r"\bsh\s+(?:relapse|urges?|again|scars?)\b"), subject=True,
         unless_impersonal=RESEARCH),
    Rule("hurt_myself_intent", _SH, "crisis",
         rx(rf"\b(?:{INTENT}|deserve\s+to|urge\s+to)\s+(?:to\s+)?hurt(?:ing)?\s+{MYSELF}|"
            rf"\bhurt(?:ing)?\s+{MYSELF}\s+(?:again|on\s+purpose|deliberately|badly)")),
    Rule("hurt_myself", _SH, "concern", rx(rf"\bhurt(?:ing)?\s+{MYSELF}"), unless=ACCIDENT),
    Rule("injure_myself", _SH, "crisis",
         rx(rf"\b(?:burn|burned|burnt|burning|hit|hitting|punch\w*|scratch\w*|bite|biting|"
            rf"starv\w+|bang\w*|bruis\w*|pinch\w*)\s+(?:{MYSELF}|my\s+{BODY})\b"), unless=ACCIDENT),
    Rule("until_i_bleed", _SH, "crisis",
         rx(r"\buntil\s+(?:it|i|they)\s+(?:bleeds?|bruises?|hurts)\b|\bbang(?:ing)?\s+my\s+head\s+"
            r"(?:against|on|into|until)"), unless=ACCIDENT),
    Rule("relapse_blade", _SH, "crisis",
         rx(r"\brelaps\w*\b[^.!?\n]{0,60}\b(?:blade|razor|cut\w*|sh|self[\s-]*harm\w*)\b|"
            r"\b(?:blade|razor)\b[^.!?\n]{0,30}\bmy\s+(?:arms?|wrists?|legs?|thighs?|skin)\b")),
)

METHOD_RULES: tuple[Rule, ...] = (
    Rule("stockpiled_drugs", _MM, "crisis",
         rx(rf"\b(?:sav(?:ed|ing)|stockpil\w*|hoard\w*|stash\w*|collect(?:ed|ing))\s+(?:up\s+)?"
            rf"(?:[\w']+\s+){{0,3}}{DRUG}(?!\s*(?:box|boxes|organi[sz]ers?|cases?|bottles?\s+for))"),
         unless=PHARMACY),
    Rule("took_many_drugs", _MM, "crisis",
         rx(rf"\b(?:took|taken|swallow\w*|downed|take)\s+(?:all|every|a\s+whole|the\s+whole|a\s+bunch|"
            rf"a\s+handful|too\s+many|loads|a\s+load|an?\s+(?:entire|full))\b(?:\s+\w+){{0,3}}\s+{DRUG}|"
            r"\b(?:took|taken|swallow\w*)\s+(?:a|the)\s+(?:whole|full|entire)\s+(?:bottle|pack|box|"
            r"packet|strip)")),
    Rule("lethal_quantity", _MM, "crisis",
         rx(rf"\b(?:lethal|fatal|deadly|toxic)\s+(?:dose|amount|quantity|level)|\bhow\s+many\s+"
            rf"(?:[\w']+\s+){{0,3}}(?:{DRUG}\s+)?(?:would|does|will|to)\s+(?:it\s+)?(?:take\s+)?(?:to\s+)?"
            r"(?:die|kill|be\s+(?:fatal|lethal|enough)|overdose|od|not\s+wake)|"
            rf"\bhow\s+many\s+(?:of\s+)?(?:my\s+|these\s+|the\s+)?(?:\w+\s+)?{DRUG}\b[^.!?\n]{{0,25}}"
            r"\b(?:would|does|will)\s+it\s+take\b|\bhow\s+many\s+(?:of\s+)?(?:my\s+)?(?:\w+\s+)?"
            rf"{DRUG}\b[^.!?\n]{{0,20}}\bit\s+would\s+take\b"), unless=PHARMACY),
    Rule("overdose_intent", _MM, "crisis",
         rx(rf"(?:\b(?:{INTENT}|i)\s+(?:to\s+)?(?:just\s+)?(?:overdos\w*|od)\b|\b(?:took|take)\s+an\s+"
            rf"overdose\b|\bi\s+(?:overdosed|od'?d)\b)(?!\s+on\s+(?!(?:my\s+)?{DRUG}|drugs|heroin|"
            r"fentanyl|something|them|those|these))")),
    Rule("researching_method", _MM, "crisis",
         rx(r"\b(?:research\w*|look\w*\s+up|looked\s+up|googl\w*|search\w*|read\w*\s+(?:about|up\s+on)|"
            r"watch\w*\s+videos\s+(?:about|on))\s+(?:[\w']+\s+){0,2}(?:overdos\w*|lethal\s+\w+|"
            r"ways\s+to\s+(?:die|kill|end)|how\s+to\s+(?:die|kill\s+myself|end\s+it)|suicide\s+methods?|"
            r"painless\s+(?:ways?|death|methods?))|\b(?:painless|easiest|quickest|best)\s+"
            r"(?:way|ways|method)\s+to\s+(?:die|kill\s+myself|end\s+it)\b|\bways\s+to\s+die\b")),
    Rule("hanging", _MM, "crisis", rx(rf"\bhang(?:ing)?\s+{MYSELF}|\bnoose\b")),
    Rule("rope_bought", _MM, "crisis",
         rx(r"\b(?:bought|buy|buying|got|get|ordered)\s+(?:a|some|the)\s+(?:[\w']+\s+)?rope\b"),
         unless=ROPE_USE),
    Rule("jump_from_height", _MM, "crisis",
         rx(rf"\b(?:jump(?:ed|ing)?|throw(?:ing)?\s+{MYSELF}|step(?:ping)?|leap\w*|fall(?:ing)?)\s+"
            rf"(?:off|from|in\s+front\s+of|under|into)\s+(?:a\s+|the\s+|my\s+|an\s+)?(?:[\w']+\s+)?"
            rf"(?:{STRUCTURE}|trains?|bus(?:es)?|cars?|trucks?|lorr(?:y|ies)|traffic|windows?|"
            r"platforms?|tracks?)\b"), unless=LEISURE_JUMP),
    Rule("vehicle_crash", _MM, "crisis",
         rx(r"\b(?:driv\w+|crash\w*|steer\w*|swerv\w*|ram\w*)\s+(?:my\s+car\s+|it\s+)?(?:into|off)\s+"
            r"(?:a\s+|the\s+|an\s+)?(?:tree|wall|bridge|cliff|oncoming|traffic|lorry|truck|river|"
            r"barrier|pillar)")),
    Rule("firearm_self", _MM, "crisis",
         rx(rf"\bshoot(?:ing)?\s+{MYSELF}|\bgun\s+(?:to|in)\s+my\s+(?:head|mouth)|\b(?:gun|pistol|"
            r"rifle|firearm)\b[^.!?\n]{0,40}\b(?:looking\s+at\s+it|thinking\s+about\s+(?:using\s+)?it|"
            r"in\s+my\s+hand|loaded)")),
    Rule("other_means", _MM, "crisis",
         rx(rf"\b(?:drown(?:ing)?|poison(?:ing)?|gas(?:sing)?|suffocat\w*|electrocut\w*|starv\w*)\s+"
            rf"{MYSELF}|\bslit\s+my\s+(?:wrists?|throat)|\bbleed\s+out\b|\bcarbon\s+monoxide\b")),
    Rule("lethal_fall", _MM, "crisis",
         rx(r"\bhow\s+(?:high|far|tall)\b[^.!?\n]{0,60}\b(?:fatal|lethal|deadly|die|kill|survive)\b|"
            r"\b(?:fatal|lethal|deadly)\s+(?:fall|height|jump)s?\b")),
    Rule("height_query", _MM, "crisis",
         rx(rf"\b{STRUCTURE}\b[^.!?\n]{{0,40}}\b(?:taller|higher)\s+than|\b(?:tallest|highest|"
            rf"high\s+enough|tall\s+enough)\b[^.!?\n]{{0,25}}\b{STRUCTURE}\b|\b{STRUCTURE}\b"
            r"[^.!?\n]{0,40}\b(?:high\s+enough|tall\s+enough|over\s+\d+\s*(?:m|metres|meters|ft|feet|"
            r"storeys|stories|floors))\b"), weak=True, requires=QUESTION),
)

BURDEN_RULES: tuple[Rule, ...] = (
    Rule("better_off_without_me", _BG, "crisis",
         rx(r"\b(?:better|happier|easier|better\s+place)\s+(?:off\s+)?without\s+me\b|"
            r"\b(?:better|happier|easier)\s+(?:off\s+)?if\s+i\s+(?:was|were|'?m)?\s*(?:n'?t|not|never)?\s*"
            r"(?:here|around|alive|gone|dead|died|existed|born)\b")),
    Rule("relieved_if_i_was_gone", _BG, "crisis",
         rx(r"\b(?:be|feel|get|all|would|'d)\s+(?:\w+\s+){0,2}(?:relieved|fine|okay|ok|better|happier|"
            r"cope|manage|move\s+on|get\s+over\s+it)\b[^.!?\n]{0,30}\bif\s+i\s+(?:was|were|'?m)?\s*"
            r"(?:gone|dead|died|disappeared|vanished|wasn'?t\s+(?:here|around|alive)|"
            r"weren'?t\s+(?:here|around|alive)|didn'?t\s+exist|killed\s+myself)")),
    Rule("nobody_would_miss_me", _BG, "crisis",
         rx(r"\b(?:no\s*-?\s*one|nobody|noone|no\s+body)\b[^.!?\n]{0,25}\b(?:miss|notice|care)\w*"
            r"[^.!?\n]{0,25}\bif\s+i\s+(?:was|were|'?m)?\s*(?:gone|dead|died|disappeared|vanished|"
            r"left|wasn'?t|weren'?t|killed|ended)")),
    Rule("goodbye_letters", _BG, "crisis",
         rx(r"\b(?:written|wrote|writing|write|left|leaving)\s+(?:[\w']+\s+){0,2}(?:goodbye|farewell|"
            r"suicide|last|final)\s+(?:letters?|notes?|messages?|texts?)|\bsuicide\s+(?:note|letter)s?\b|"
            r"\b(?:wrote|written|writing|left)\s+(?:a\s+)?(?:note|letters?)\s+(?:to|for)\s+(?:my\s+)?"
            r"(?:family|parents|kids|children|mum|mom|dad|wife|husband|partner|friends|everyone)")),
    Rule("last_message", _BG, "crisis",
         rx(r"\bthis\s+is\s+(?:my\s+)?(?:goodbye|last\s+message|final\s+message)|\bmy\s+(?:last|final)"
            r"\s+(?:message|goodbye|words)\b|\bgoodbye\s+(?:forever|world|for\s+good)\b|"
            r"\b(?:final|last)\s+goodbye\b")),
    Rule("disappear_for_good", _BG, "crisis",
         rx(r"\b(?:disappear|vanish)\w*\s+(?:forever|for\s+good|permanently|and\s+never\s+"
            r"(?:come|coming)\s+back)")),
    Rule("giving_things_away", _BG, "crisis",
         rx(r"\b(?:giv(?:e|ing)|gave|given)\s+(?:away\s+)?(?:all\s+)?(?:of\s+)?my\s+(?:things|stuff|"
            r"belongings|possessions|pets?|cat|dog|savings)\s*(?:away)?|\b(?:giv(?:e|ing)|gave)\s+"
            r"(?:away\s+)?everything\s+i\s+own"), unless=DECLUTTER),
    Rule("affairs_in_order", _BG, "crisis",
         rx(r"\b(?:put|putting|got|getting)\s+(?:all\s+)?my\s+affairs\s+in\s+order|\b(?:said|saying|say)"
            r"\s+my\s+goodbyes|\bsaid\s+goodbye\s+to\s+(?:everyone|everybody|my\s+(?:family|kids|"
            r"friends|loved\s+ones))"), unless=FAREWELL_EVENT),
    Rule("not_around_much_longer", _BG, "crisis",
         rx(r"\b(?:won'?t|will\s+not|not\s+going\s+to|am\s+not\s+gonna)\s+be\s+(?:here|around|alive)\s+"
            r"(?:much\s+longer|for\s+(?:much\s+)?(?:longer|long)|anymore|any\s+more|tomorrow|by\s+"
            r"(?:tomorrow|morning|monday|the\s+weekend))|\b(?:when|after|once)\s+i'?m\s+(?:gone|dead)\b|"
            r"\b(?:don'?t\s+think|not\s+sure|doubt)\s+i(?:'ll|\s+will)\s+(?:still\s+)?be\s+(?:here|around|alive)"
            r"\s+(?:by\s+\w+|for\s+(?:much\s+)?long(?:er)?|much\s+longer|at\s+christmas)|"
            r"\bwon'?t\s+(?:be\s+)?need(?:ing)?\s+(?:it|them|these|this|my\s+\w+)\s+(?:anymore|any\s+more|"
            r"where\s+i'?m\s+going)")),
)

DANGER_RULES: tuple[Rule, ...] = (
    Rule("abuser_harms_me", _DO, "crisis",
         rx(rf"\b{ABUSER}\s+(?:(?!not\b|never\b|[\w']*n't\b)[\w']+\s+){{0,2}}{HARM_VERB}"
            r"\s+(?:me|us)\b(?!\s+up\b)"), unless=PLAYFUL_HIT),
    Rule("threat_to_kill_me", _DO, "crisis",
         rx(r"\bthreat\w*\s+to\s+(?:kill|hurt|beat|hit|stab|shoot)\s+(?:me|us)\b|"
            r"\b(?:kill|hurt|beat)\s+me\s+if\s+i\s+(?:[\w']+\s+)?(?:leave|left|tell|told|go|went|call|"
            r"report|try|tried|speak|talk)")),
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
         rx(r"\blocks?\s+me\s+(?:in|up|out)\b|\bwon'?t\s+let\s+me\s+(?:leave|go\s+out|out|see|eat|sleep)|"
            r"\b(?:stalking|following)\s+me\b|\bwaiting\s+outside\s+my\s+(?:flat|house|door|home|work|"
            r"school)")),
)

CRISIS_RULES: tuple[Rule, ...] = (
    SUICIDAL_RULES + SELF_HARM_RULES + METHOD_RULES + BURDEN_RULES + DANGER_RULES
)
