"""Family 2, self-harm: the act in first person, and the urge or the habit of it.

Explicit forms ("cut myself", "self-harm") plus the family: a self-harm verb
with an urge or recurrence cue ("keep wanting to cut", "the urge to burn"),
cutting as coping ("the only thing that helps"), deliberate injury, wanting
physical pain, and hidden blades. Everyday cutting (hair, ties, onions, back
on sugar) and accidents are excluded by the object or the setting.
"""

from __future__ import annotations

from bot.safety.lookalikes import ACCIDENT, BLADE_USE, RESEARCH
from bot.safety.rules import SELF_HARM, Rule, near, rx, then
from bot.safety.words import BODY, INTENT, MYSELF

_SH = SELF_HARM
# "cut" that is not cutting something else: hair, ties, corners, costs, onions.
_NOT_AN_OBJECT = (
    r"(?!\s+(?:back|down|ties|corners|out|off|class\w*|school|the|some|my\s+hair|hair|carbs|sugar|"
    r"costs?|it|in|through|onions|up|people|them|him|her|you|me\s+(?:off|out)|loose|a\s+|an\s+|"
    r"calories|fat|candles?|bridges|money|cds?|dvds?|incense|fuel|wood|rubber|class|lines?|queue|"
    r"deals?|board|boards|edge|grass|lawn|hedge|paper|fabric|patterns?|remarks?|words|"
    r"my\s+(?:losses|food|meat|nails|fringe|bangs|toenails|hair|hours|spending))\b)"
)
_CUT = (
    r"(?:cut|cutting|cuttin|cuts|slic(?:e|ing)|carv(?:e|ing)|sh|s/h|self[\s-]*harm\w*|burn|burning)\b"
    + _NOT_AN_OBJECT
)
_CUT_ONLY = r"(?:cut|cutting|cuttin)\b" + _NOT_AN_OBJECT
_URGE = (
    r"(?:urges?|want(?:s|ed|ing)?\s+to|wanna|wana|keep\s+wanting\s+to|need\s+to|itching\s+to|"
    r"crav\w*|tempted\s+to|trying\s+not\s+to|so\s+close\s+to|almost|nearly|thinking\s+(?:about|of|abt)|"
    r"think\s+about|fighting\s+the\s+urge\s+to|resist\w*\s+the\s+urge\s+to)"
)
_COPING = (
    r"(?:helps?|help\s+me|relief|releas\w*|cope|coping|numb\w*|only\s+thing|calms?\s+me|"
    r"feel\s+(?:better|something|real|alive|in\s+control)|punish\w*|deserve\w*|again|clean|relaps\w*|"
    r"scars?|deeper|blades?|razors?|bleed\w*|addict\w*)"
)
_INJURE = (
    r"(?:injur\w*|harm\w*|hurt\w*|cut\w*|burn\w*|hit\w*|punch\w*|scratch\w*|bruis\w*|starv\w*|"
    r"bang\w*|bit(?:e|ing))"
)
_BLADE = r"(?:razor\s*blades?|blades?|razors?|box\s*cutters?|scalpels?|sharpeners?\s+blades?)"

EXPLICIT_RULES: tuple[Rule, ...] = (
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
         rx(rf"\b(?:{INTENT}|deserve\s+to|urge\s+to)\s+(?:to\s+)?(?:hurt|harm)(?:ing)?\s+"
            rf"(?:{MYSELF}|my\s+(?:own\s+)?{BODY})|"
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

_CUTTING_AS_COPING = near(_CUT_ONLY, _COPING, 30)
_DELIBERATE_INJURY = near(
    r"(?:deliberately|intentionally|purposely|on\s+purpose|to\s+punish\s+myself)",
    rf"{_INJURE}\s+(?:{MYSELF}|my\s+{BODY})",
    25,
)
_HIDDEN_BLADES = near(
    r"(?:hid|hide|hiding|hidden|stash\w*|secret\w*|so\s+(?:no\s*one|nobody|mum|mom|dad|they|"
    r"my\s+\w+)\s+(?:won.?t|can.?t|doesn.?t|don.?t)\s+(?:find|see))",
    _BLADE,
    40,
)
_HIDDEN_BLADES2 = then(_BLADE, rf'my\s+{BODY}', 30)

FAMILY_RULES: tuple[Rule, ...] = (
    Rule("urge_to_self_harm", _SH, "crisis",
         rx(rf"\b{_URGE}\s+(?:\w+\s+)?{_CUT}(?:\s+(?:{MYSELF}|my\s+{BODY}))?"
            r"(?=\s*(?:$|[.!?,;]|myself|my|so|really|tonight|rn|right\s+now|again|bad|badly|deeper|"
            r"today|is|are|was|but|and|every|all|lately|now|when|after|even|though|tbh|ngl|lol|fr))"),
         subject=True, unless=ACCIDENT),
    Rule("cutting_as_coping", _SH, "crisis",
         rx(rf"\b{_CUTTING_AS_COPING}"),
         subject=True, unless=ACCIDENT),
    Rule("deliberate_injury", _SH, "crisis",
         rx(rf"\b{_DELIBERATE_INJURY}"),
         subject=True),
    Rule("self_injury_habit", _SH, "crisis",
         rx(rf"\b(?:started|start|been|keep|kept|back\s+to|relaps\w*\s+(?:into|and)|still)\s+"
            rf"(?:harm|hurt|injur|burn|cutt?)(?:ing)?\s+(?:{MYSELF}|my\s+(?:own\s+)?{BODY})|"
            rf"\b(?:harm|hurt|injur|burn|cutt?)(?:ing|ed|s)?\s+(?:{MYSELF}|my\s+(?:own\s+)?{BODY})\s+"
            r"(?:again|with\s+(?:a|the|my)\s+(?:knife|blade|razor|lighter|scissors|glass|compass|pin|needle))"),
         subject=True, unless=ACCIDENT),
    Rule("making_cuts", _SH, "crisis",
         rx(rf"\b(?:make|made|making|do|did|doing|leave|left|leaving)\s+(?:\w+\s+)?(?:cuts?|marks|burns|"
            rf"scratches)\s+(?:on|in|into|across|along)\s+(?:my\s+)?{BODY}"), subject=True),
    Rule("until_it_bleeds", _SH, "crisis",
         rx(r"\b(?:until|till|til|so\s+hard)\s+(?:it|they|i|my\s+\w+|the\s+skin|blood)\s+"
            r"(?:bleeds?|bled|bleeding|bruises?|bruised|breaks?|broke|blister\w*|comes?)\b"),
         subject=True, unless=ACCIDENT),
    Rule("sh_slang", _SH, "crisis",
         rx(r"\bsh(?:-|')?ing\b|\bsh(?:'d|-ed|'ed)\b|\b(?:sh|s/h|self[\s-]*harm|cutting)\s+(?:free|clean)\b|"
            r"\bclean\s+from\s+(?:sh|s/h|self[\s-]*harm\w*|cutting)\b"), subject=True,
         unless_impersonal=RESEARCH),
    Rule("wants_physical_pain", _SH, "crisis",
         rx(r"\b(?:want|wanna|need|crave|craving|deserve)\w*\s+(?:to\s+)?(?:feel|cause|inflict)\s+"
            r"(?:myself\s+)?(?:some\s+|real\s+)?(?:physical\s+)?pain\b(?!\s*(?:relief|killers?|meds?|free))|"
            rf"\b(?:want|need|deserve)\w*\s+(?:to\s+)?(?:feel\s+)?pain\s+(?:on|in|to)\s+my\s+{BODY}"),
         subject=True),
    Rule("hidden_blades", _SH, "crisis",
         rx(rf"\b{_HIDDEN_BLADES}|"
            rf"\b{_HIDDEN_BLADES2}"),
         subject=True, unless=BLADE_USE),
)

SELF_HARM_RULES: tuple[Rule, ...] = EXPLICIT_RULES + FAMILY_RULES
