"""How an answer views the self and other people - content, never a label.

A clause that speaks about the speaker ("I'm a burden") informs the self
view; a clause about someone else ("she was always there for me") informs
the other view. Negation flips polarity ("I'm not a burden", "he wasn't
there"). A judgement someone else voiced ("my mum said I was selfish") is
evidence about that person, and only becomes a self view when the speaker
adopts it ("... and I believed her").

Worth and trust are often said without those words (issue 12): "I'm too
much", "I always feel like the backup option", "people go, so I leave first",
"I'm fine on my own, I don't need anyone", "nobody came". Implicit trust cues
are read in every clause whoever its subject; a fear ("so I wouldn't be in
the way", "I don't want to be a burden") keeps its view instead of being
read as a denial; a cue only wondered about ("wait to see if they notice") is
no view. Every vote keeps its evidence span, and no cue means "unclear".
"""

from __future__ import annotations

import re

from bot.scoring.result import Evidence
from bot.scoring.text import Analysis

SELF_TOKENS = frozenset({"i", "i'm", "im", "me", "myself", "i've", "i'd", "i'll", "ive"})
OTHER_TOKENS = frozenset(
    """he she they him them people others everyone everybody nobody someone men women mum mom
    mother dad father parents parent partner boyfriend girlfriend husband wife friend friends
    boss sister brother teacher colleague colleagues coworker manager nan gran grandma grandad
    grandpa aunt uncle therapist counsellor counselor gp neighbour neighbor flatmate family
    adults ex gf bf he's she's they're they'll she'd he'd they'd they've theyre theyll theyd
    anyone anybody noone ppl mate mates team bosses professionals lads nan sisters brothers
    cousin cousins everyone's someone's people's grandmother grandfather partners exes
    boyfriends girlfriends nurse doctor stepdad stepmum stepmom stepfather stepmother grandparents
    classmate roommate housemate workmate stranger staff carer""".split()  # noqa: SIM905
)
OTHER_TOKENS = OTHER_TOKENS | frozenset(f"{word}s" for word in OTHER_TOKENS if word.isalpha())


Lexicons = tuple[tuple[re.Pattern[str], bool, bool], ...]  # cue, positive, speaker acts skipped


def _compile(words: str) -> re.Pattern[str]:
    """One regex from a whitespace-separated cue list; "_" inside a cue means a space."""
    cues = sorted(words.split(), key=len, reverse=True)
    body = "|".join(w.replace("_", r"\s+") for w in cues)
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


SELF_NEG = _compile(
    r"""burden
    (?:i'?m|im|i_am|i_was|being|am_i|i'?ve_been|i_felt|i_feel|me)_(?:just_|always_|way_|simply_|so_)?too_much
    needy selfish weak stupid useless worthless unlovable failure not_good_enough not_enough
    incompetent broken difficult annoying boring clingy nuisance unlikeable a_mess hard_to_love
    unworthy the_problem lazy dramatic pathetic afterthought inadequate terrible_person
    bad_person horrible_person my_fault hate_myself something_(?:is_|was_)?wrong_with_me
    (?:don'?t|do_not|never)_deserve not_worth can'?t_cope unwanted bad_at idiot loser
    overreacting too_sensitive not_wanted not_(?:smart|pretty|clever|interesting)_enough
    doesn'?t_(?:actually_)?like_me
    (?:nobody|no_one)_(?:would|could|will)_(?:ever_)?(?:love|want|like)_me
    only_feel_(?:useful|worth|valued|okay|ok|good)_when not_important unimportant
    (?:terrible|hopeless|rubbish|useless|awful)_at bother(?:ing)?_(?:them|people|anyone|you)
    (?:don'?t|do_not)_matter come_second an_inconvenience in_the_way a_disappointment not_useful
    (?:look|looking|seem|seen_as|being)_weak too_needy better_off_without_me awkward a_fraud
    not_lovable what_kind_of_person_am_i am_i_(?:too_much|enough|lovable)
    something(?:'s|_is|_was|_must_be|_must_have_been)?_wrong_(?:with|w)_me
    (?:did|do|done|doing)_something_wrong (?:i'?m|i_am|i_was)_failing failing_(?:him|her|them)
    (?:tried|try|trying|worked)_(?:so_|really_)?(?:hard_)?(?:to_be|at_being)_(?:good|perfect|impressive|helpful|easy|invisible|no_trouble|the_good_one|useful)
    so_(?:they|people|she|he|someone|anyone)(?:'d|_would|_will)?_(?:finally_)?(?:notice|love|like|want|see|stay)_me
    getting_noticed be_invisible prove_(?:i'?m|i_am|myself|that_i'?m)
    win_(?:them_|people_|him_|her_)?over earn_(?:it|their|his|her|love|a_place)
    have_to_(?:earn|prove|keep_everyone_happy) keep_everyone_happy
    worth_(?:staying|keeping)_(?:for|around)
    (?:is|means|meant)_(?:weak|weakness|i'?ve_failed|i_failed|failing)
    (?:feels?|felt|is|was)_weak needing_(?:people_|help_|anyone_)?is_(?:weak|weakness|pathetic)
    ashamed_(?:when|that|of)_i_need
    (?:not|aren'?t|isn'?t)_(?:big|bad|serious|important)_enough_to_deserve
    bothering_(?:her|him|everyone) felt_like_disappearing
    not_sure_i'?m_(?:worth|enough|good_enough|lovable|likeable)
    (?:don'?t|do_not)_(?:think|know_if|feel_like)_(?:i'?m|i_am|my_problems_are)_(?:\w+_){0,2}(?:worth|enough|lovable)
    not_worth_(?:anyone'?s_time|the_effort|the_trouble) the_real_me_is silly stupid_for
    pathetic_for a_lot_to_(?:deal_with|handle|take)
    (?:too|so)_(?:difficult|complicated|broken|damaged|intense|sensitive)
    waste_(?:anyone'?s|people'?s|your|their|everyone'?s)_time
    (?:apologis|apologiz)\w*_for_(?:existing|being_here|myself|everything) the_easy_one
    (?:stay|be|keep_people)_liked never_asked_for_anything wrong_with_them_for
    (?:hate|can'?t_stand)_(?:myself|who_i_am|being_me)
    (?:i'?m|i_am|i_was)_(?:just_)?(?:a_)?(?:lot|hassle|problem|pain|drain|letdown|disappointment)
    (?:i'?m|i_am|i_was)_(?:never|not)_(?:good|smart|pretty|interesting|fun|enough)
    (?:nobody|no_one|noone)_(?:could|would)_(?:ever_)?(?:really_)?(?:love|want|choose|pick)_(?:me|someone_like_me)
    (?:i|i'?m)_(?:always_)?(?:mess|messing|screw|screwing)_(?:it_|things_|everything_)?up
    ruin_everything ruin_things (?:i'?m|i_am)_(?:the_)?(?:problem|issue) unlovable unloveable
    replaceable (?:easy|easily)_(?:replaced|forgotten|left) backup backup_option
    second_(?:choice|best|place) plan_b first_choice spare_part odd_one_out black_sheep
    afterthought an_outsider the_outsider a_mistake the_wrong_thing
    (?:always|keep)_(?:saying|doing|getting)_(?:the_)?(?:wrong|it_wrong) as_long_as_i
    only_(?:when|if)_i_(?:was|did|got|made|kept)
    if_i_(?:was|were)_(?:quieter|better|good|perfect|smaller|easier|nicer|thinner|prettier)
    (?:a|such_a)_(?:nuisance|pest|bother|drag|hassle|pain)"""
)
SELF_POS = _compile(
    r"""capable strong worthy lovable good_enough deserve_(?:better|good|care|support|love)
    competent resilient good_friend good_person proud_of_myself trust_myself can_handle can_cope
    brave valuable okay_as_i_am ok_as_i_am like_myself good_at worth_it
    worth_(?:loving|caring)_about clever smart kind_to_myself enough_as_i_am independent
    i_matter allowed_to_(?:ask|need|rest|feel|take|say|be|have|want|cry) i_mattered
    i_matter(?:ed)? like_i_(?:mattered|matter|belonged) (?:i'?m|i_am|i_was)_worth
    (?:felt|feel|was|am|i'?m)_(?:really_|so_|pretty_|very_)?(?:loved|wanted|valued|accepted|cared_for)
    (?:loved|happy|wanted)_kid take_up_space
    deserve_(?:someone|proper|help|it|this|to|more|kindness|respect)
    good_(?:partner|listener|mum|mom|dad|parent) decent_(?:partner|friend|person|parent)
    (?:feel|am|i'?m)_(?:ok|okay|good|fine|alright|at_peace)_(?:about|with)_(?:who_i_am|myself|me)
    (?:i'?m|i_am)_(?:ok|okay|good|better|getting_better)_at braver make_sense
    can_(?:actually_)?(?:do_it|do_this|do_hard_things|get_through) capable_of
    (?:do|doing|am|i'?m|i_am)_(?:better|fine|ok|okay|good)_(?:alone|on_my_own|by_myself)
    managed_fine i_handle_(?:things|it|stuff) a_catch easy_to_(?:love|like|be_with|talk_to)
    proud_i handled_it (?:feelings|needs)_are_(?:valid|okay|ok|allowed)
    (?:i'?m|i_am)_(?:valid|enough|lovable|likeable|a_good_\w+|good_company|doing_my_best|not_a_burden)
    deserve_\w+_as_much_as (?:i|i'?m|i_can)_(?:actually_)?(?:cope|manage|handle|trust_my)\w*
    (?:i_)?(?:like|love|respect|believe_in)_(?:myself|who_i_am|me)
    i_(?:did|can_do)_(?:it|that|this|hard_things)
    i'?m_(?:getting_)?(?:better|stronger|braver|more_confident) stood_up_for_myself confident
    held_my_own bring_a_lot have_a_lot_to_offer good_company
    (?:my_needs|my_feelings|i)_(?:matter|count)
    (?:happy|confident|secure)_(?:little_)?(?:kid|child|girl|boy)
    (?:i'?m|i_am)_getting_(?:good|better)_at"""
)
OTHER_NEG = _compile(
    r"""let_(?:me|you|us)_down let_down reject\w* abandon\w* ignor\w* cold distant unreliable
    dismissive dismissed critical harsh strict yell\w* shout\w* scream\w* laugh\w*_(?:it_)?off
    laughed_at mock\w* teas\w* judg\w* mean absent not_around unavailable
    (?:can'?t|cannot|couldn'?t)_(?:be_)?(?:trust(?:ed)?|rely|relied_on|count_on) unpredictable
    inconsistent took_over take_over make_things_worse lectur\w* drama lose_interest
    lost_interest get_bored went_cold go_cold find_someone_better hold_it_over strings punish\w*
    hit blam\w* criticis\w* criticiz\w* silent_treatment leave leaves left_me betray\w* cheated
    toughen_up stop_(?:crying|complaining|being|moaning) snap\w* corrected_me took_credit
    think_less_of_me in_return only_(?:want|help|call|like|care|need|turn_up)\w* when_it_suits
    (?:no|won'?t_have|don'?t_have|doesn'?t_have)_(?:room|space|time)_for
    sees?_me_as_(?:weak|needy|a_burden|a_mess|stupid|useless|too_much)
    (?:people|they|everyone|he|she|partners|friends)_(?:always_|just_|eventually_)?(?:go|leave|bail|vanish|disappear|flake)
    bail\w* vanish\w* flak\w* checked_out checking_out check_out tired_of_me bored_of_me
    go_quiet gone_(?:soon|anyway) lets?_(?:you|people|everyone)_down use_it_against
    waiting_for_me_to_(?:slip|fail|mess) changed_the_subject
    (?:get|gets|are|is)_(?:too_|so_)?(?:needy|clingy|demanding)
    (?:don'?t|doesn'?t|didn'?t)_(?:really_)?(?:see|get|hear|notice)_me
    (?:don'?t|doesn'?t|didn'?t)_text_back (?:don'?t|doesn'?t)_want_mine
    their_own_(?:problems|stuff) own_stuff_going_on busy just_a_job won'?t_come never_around
    weren'?t_around made_things_worse makes_things_worse disappear\w* ghost\w*
    end(?:s|ed)?_up_(?:leaving|disappearing|going|cheating|pulling_away|losing_interest)
    make_it_about_(?:her|him|them|themselves|herself|himself)
    never_(?:asks?|asked|checks?|checked|calls?|called|texts?|texted|came|comes|visits?|visited)
    pull(?:s|ed)?_away walk(?:s|ed)?_away moved_on turn(?:s|ed)?_on_me
    (?:can'?t|couldn'?t|don'?t|never)_(?:really_)?(?:trust|rely_on|count_on|depend_on) selfish
    lie[ds]? lying two-faced fake only_out_for_themselves
    (?:aren'?t|weren'?t|isn'?t|wasn'?t)_ready walk(?:s|ed)?_out true_colou?rs
    (?:don'?t|doesn'?t|didn'?t)_(?:really_)?get_it judgy judgmental judgemental controlling
    cruel flaky unkind dismissive distracted self-absorbed
    (?:they'?ll|they_will|people_will|people'?ll|she'?ll|he'?ll)_think_i'?m annoyed_with_me
    angry_with_me mad_at_me fed_up_with_me just_said_everyone brushed_(?:it_|me_)?off shrugged"""
)
OTHER_POS = _compile(
    r"""reliable kind(?!_of) kindly warm steady safe supportive lovely caring loving patient
    there_for_me listen(?!er)\w* help\w* comfort\w* hug\w* held_my_hand turn(?:s|ed)?_up
    show(?:s|ed)?_up took_me_seriously trustworthy can_be_trusted gentle generous had_time
    looking_out_for_me looked_out_for_me understanding nodded has_my_back had_my_back glad
    checked_in checks_in notic\w* remember\w* rall(?:y|ied)_round covered_for_me drove
    made_me_tea picked_me_up stayed came_(?:over|looking|round|straight|to_help) found_me
    thank\w* welcom\w* invit\w* nice fair pleased_to said_yes cared care_about_me cares
    good_about great_friend lovely wanted_me_there want_me_there has_(?:room|space|time)_for
    showing_up show_up be_there been_there (?:she|he|they)_was_there
    (?:they|she|he)(?:'d|_would)_be_there pick(?:s|ed)?_(?:me_)?up repl(?:y|ies|ied)
    text(?:s|ed)?_back happy_to_(?:hear|see|help) back(?:s|ed)?_me_up c[oa]me?_through amazing
    brilliant solid wonderful incredible (?:always_)?gets?_it got_it apologis\w* apologiz\w*
    say(?:s)?_yes can_rely_on rely_on lucky_(?:with|to_have) there'?s_(?:usually|always)_someone
    loved_me love_me made_me_feel_(?:safe|loved|wanted|welcome|like_i_mattered|seen)
    reach(?:ed|es)?_out the_one_(?:i_call|who_(?:always_)?(?:showed_up|came|listened))
    i_(?:really_)?trust reliable want_to_hear made_room made_time
    (?:was|were|is|are)_(?:totally_|completely_|really_)?(?:fine|cool|okay|ok|great|good)_(?:about|with)_it
    of_course any_time come_back_to_each_other answers?_when answered were_around_(?:me|us)
    took_the_time (?:always|still)_(?:answers?|picks?_up|calls?_back|comes?|turns?_up|there)
    no_questions_asked stuck_by stand(?:s)?_by_me stood_by_me look(?:s|ed)?_after_(?:me|us)
    put_me_first on_my_side in_my_corner encouraging reassuring thoughtful dependable loyal
    accepting sweet make(?:s)?_time_for drop_everything sorted_(?:it|everything|things)
    safe_with read_to_me stuck_up_for_me stood_up_for_me believed_in_me proud_of_me"""
)
# Trust said without naming anyone: needing nobody, leaving first, nobody coming.
# Read in every clause, whoever is its subject; evidence about other people.
IMPLICIT_OTHER_NEG = _compile(
    r"""(?:don'?t|do_not|never|dont)_need_(?:anyone|anybody|people|nobody|others|help|to_(?:talk|lean|rely|ask))
    (?:fine|better|ok|okay|good|best|happier|safer)_(?:alone|on_my_own|by_myself)
    good_at_being_alone managed_(?:fine_)?without i_leave_first
    leave_(?:them_)?(?:first|before_they) before_they_(?:can_)?(?:leave|go|hurt|see|get_bored)
    push_(?:people|them|everyone|him|her)_away made_things_worse
    (?:no_one|nobody|noone)_i'?d_(?:really_|ever_)?(?:call|ask|tell|turn_to)
    (?:no_one|nobody|noone)_(?:\w+_){0,2}(?:wants?|cares?|had_time|has_time|gonna|going_to|listens?)
    stopped_expecting learned_not_to_(?:need|cry|ask|rely|expect)
    not_to_need_(?:much|anything|anyone)
    keep_(?:people|everyone)_at_(?:arm'?s_length|a_distance)
    expect_(?:people|them|everyone)_to_(?:bail|leave|go) stopped_bothering_to_make_friends
    handle_things_myself
    (?:there'?s|there_is|there_was|i_have|i'?ve_got|i_had)_(?:nobody|no_one|noone|not_one_person|no_friends|no-one)
    (?:nobody|no_one|noone)_(?:\w+_){0,2}(?:came|comes|come|asks?|asked|knows?|knew|rang|rings?|calls?|called|visits?|visited|notices?|noticed|checks?|checked|cared|listened|helped|helps?|stayed|understands?|understood|sees|saw|remembers?|remembered|turned_up|showed_up|bothered|picks?|picked|reached|texts?|texted|gets?|got|i_could|i_can|to_(?:call|ring|talk|turn_to|ask))
    got_(?:me_)?(?:shouted|yelled|screamed|laughed)_at got_told_(?:off|to_stop|to_get_over)
    (?:let|letting)_(?:anyone|anybody|people|them|nobody)_(?:in|close|get_close)
    owe_(?:anyone|anybody|people|them) (?:get|got|getting)_out_before
    safer_(?:that_way|alone|to_not|not_to)
    (?:rather|better_to)_(?:sort|deal_with|handle|do)_(?:it|things|everything)_(?:myself|alone|on_my_own)
    (?:people|everyone|they)_(?:always_|eventually_|just_)?(?:let_you_down|leave|go|move_on|get_bored|lose_interest)
    raised_myself (?:had_to_)?(?:fend|look_after)_(?:for_)?myself
    so_(?:they|he|she|people)_(?:won'?t|wouldn'?t|don'?t|didn'?t)_(?:get_)?(?:annoyed|angry|upset|mad|leave|go|shout|yell)"""
)
IMPLICIT_OTHER_POS = _compile(
    r"""someone_i_can_(?:rely_on|trust|count_on|call|turn_to|talk_to)
    (?:knew|know)_(?:they|she|he)(?:'d|_would)_be_there c[oa]me?_through_for_me
    (?:felt|was)_(?:really_|so_|pretty_|very_)?(?:loved|wanted|cared_for|looked_after) loved_kid
    (?:people|everyone|folk|they)_(?:are|were)_(?:usually_|mostly_|generally_|actually_)?(?:glad|happy|kind|willing|lovely|nice)"""
)
IMPLICIT_OTHER: Lexicons = ((IMPLICIT_OTHER_NEG, False, False), (IMPLICIT_OTHER_POS, True, False))
# a cue after these, in its clause, is only wondered about ("wait to see if they notice")
HYPOTHETICAL = frozenset({"if", "whether", "when", "whenever"})
# "so I wouldn't be in the way", "I don't want to be a burden": the fear, not its denial
FEAR_WORDS = frozenset({"want", "wanna", "wouldnt", "wont", "like"})  # apostrophes folded
REPORTING = frozenset({"told", "tells", "tell", "asked", "wanted", "expected"})
OTHER_LEXICONS: Lexicons = ((OTHER_NEG, False, True), (OTHER_POS, True, True))
SELF_LEXICONS: Lexicons = ((SELF_NEG, False, False), (SELF_POS, True, False))


# words that give a clause a subject of its own
SUBJECTS = frozenset({"it", "it's", "its", "this", "that", "there", "there's", "you", "we"})
NOBODY = re.compile(r"\b(?:nobody|no one|noone|never)\b", re.IGNORECASE)
NO_ONE = re.compile(r"\bno\s+one\b", re.IGNORECASE)


def _clause_spans(analysis: Analysis) -> list[tuple[int, int, frozenset[str]]]:
    spans: list[tuple[int, int, frozenset[str]]] = []
    tokens = analysis.tokens
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and tokens[j + 1].clause == tokens[i].clause:
            j += 1
        words = frozenset(t.text for t in tokens[i : j + 1])
        spans.append((tokens[i].start, tokens[j].end, words))
        i = j + 1
    return spans


SPEAKER_LED = frozenset(
    {"i", "i'd", "i'll", "i'm", "i've", "im", "id", "ive", "we", "to", "could", "can", "will",
     "should", "might"}
)


def _polarity(analysis: Analysis, start: int, positive: bool, fear: bool = False) -> bool:
    """Negation in front of a cue flips it; a negator inside the cue is part of its meaning.

    With ``fear``, a negation that only wards the cue off ("so I wouldn't be in
    the way", "I don't want to be a burden") keeps it: the fear is the view.
    """
    index = analysis.token_at(start)
    if index not in analysis.negated:
        return positive
    if fear:
        clause = analysis.tokens[index].clause
        before = range(index - 1, max(index - 7, -1), -1)
        words = [analysis.words[i] for i in before if analysis.tokens[i].clause == clause]
        if any(w.replace("'", "") in FEAR_WORDS for w in words):
            return positive
    return not positive


def _speaker_act(words: list[str], index: int) -> bool:
    """The speaker does this ("I helped", "I could invite her"), not someone else."""
    if index == 0 or words[index - 1] not in SPEAKER_LED:
        return False
    if index >= 3 and words[index - 3] in REPORTING and words[index - 2] == "me":
        return False  # "he told me to toughen up" is his demand, not my act
    # "before they can leave me", "expect people to bail": the act is theirs
    # (but "I asked my dad to help" is only my request)
    before = words[index - 1]
    theirs = index >= 2 and words[index - 2] in OTHER_TOKENS
    expected = index >= 3 and words[index - 3].startswith("expect")
    return not (theirs and (before in {"could", "can", "will", "might"} or expected))


def _matches(
    analysis: Analysis, start: int, end: int, lexicons: Lexicons, hypothetical_out: bool = False
) -> list[tuple[int, int, bool]]:
    """Cue matches in a span, longest first with overlaps dropped.

    For cues about others, an act the speaker does ("I helped", "I could
    invite her") says nothing about the other person and is skipped, and so
    is a cue the speaker only wonders about ("wait to see if they notice").
    """
    found = [
        (m.start(), m.end(), positive, skip)
        for lexicon, positive, skip in lexicons
        for m in lexicon.finditer(analysis.lower, start, end)
    ]
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    kept: list[tuple[int, int, bool]] = []
    words = analysis.words
    for s, e, positive, skip in found:
        if any(s < ke and ks < e for ks, ke, _ in kept):
            continue
        index = analysis.token_at(s)
        if skip and _speaker_act(words, index):
            continue
        if hypothetical_out and skip and _wondered(analysis, index):
            continue
        kept.append((s, e, positive))
    return sorted(kept)


def _wondered(analysis: Analysis, index: int) -> bool:
    clause = analysis.tokens[index].clause
    for i in range(index - 1, max(index - 4, -1), -1):
        if analysis.tokens[i].clause != clause:
            return False
        if analysis.words[i] in HYPOTHETICAL:
            return True
    return False


def _evidence(analysis: Analysis, dimension: str, label: str, s: int, e: int) -> Evidence:
    return Evidence(dimension, label, s, e, analysis.text[s:e])


def assess(analysis: Analysis) -> tuple[str, str, list[Evidence]]:
    """Return (self_view, other_view, evidence) for one answer."""
    text = analysis.lower
    evidence: list[Evidence] = []
    self_votes: list[bool] = []
    other_votes: list[bool] = []
    sentence_words: dict[int, set[str]] = {}
    for token in analysis.tokens:
        sentence_words.setdefault(token.sentence, set()).add(token.text)
    previous: tuple[int, bool] = (-1, False)  # sentence of the last clause, and was it mine
    for start, end, words in _clause_spans(analysis):
        sentence = analysis.tokens[analysis.token_at(start)].sentence
        # "I'm awkward, and so boring": a clause with no subject of its own keeps the last one's
        carried = previous == (sentence, True) and not words & (OTHER_TOKENS | SUBJECTS)
        about_self = bool(words & SELF_TOKENS) or carried
        previous = (sentence, about_self)
        about_other = bool(sentence_words[sentence] & OTHER_TOKENS)
        if about_self:
            for s, e, positive in _matches(analysis, start, end, SELF_LEXICONS):
                value = _polarity(analysis, s, positive, fear=True)
                if analysis.span_reported(s, e):
                    # someone else's judgement of the speaker: evidence about them
                    other_votes.append(value)
                    evidence.append(_evidence(analysis, "other_view", "reported judgement", s, e))
                    continue
                self_votes.append(value)
                label = "positive" if value else "negative"
                evidence.append(_evidence(analysis, "self_view", label, s, e))
        nobody = bool(NOBODY.search(text, start, end))
        someone = about_other or bool(NO_ONE.search(text, start, end))
        lexicons = (*IMPLICIT_OTHER, *OTHER_LEXICONS) if someone else IMPLICIT_OTHER
        for s, e, positive in _matches(analysis, start, end, lexicons, hypothetical_out=True):
            implicit = any(lex.match(text, s) for lex, _, _ in IMPLICIT_OTHER)
            if not implicit and about_self and (SELF_NEG.match(text, s) or SELF_POS.match(text, s)):
                continue
            value = _polarity(analysis, s, positive) and not (positive and nobody)
            other_votes.append(value)
            label = "positive" if value else "negative"
            evidence.append(_evidence(analysis, "other_view", label, s, e))
    return _verdict(self_votes), _verdict(other_votes), evidence


def _verdict(votes: list[bool]) -> str:
    if not votes:
        return "unclear"
    positives = sum(votes)
    negatives = len(votes) - positives
    if positives and negatives:
        return "mixed"
    return "positive" if positives else "negative"
