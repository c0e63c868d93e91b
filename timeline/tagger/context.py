"""What the sentence around a time expression says: its tense.

"said Friday" looks back, "will meet Friday" looks ahead, "is scheduled for
Tuesday" looks ahead. The nearest cue in the same sentence wins: first looking
left from the expression, then right.
"""

from __future__ import annotations

from typing import Final, Literal

from timeline.tagger.lexicon import POSSESSIVES, REPORTING
from timeline.tagger.tokens import CAPWORD_TAG, WORD_TAG, Tokens

Tense = Literal["past", "future", "present"] | None

FUTURE_CUES: Final = frozenset(
    """will ll shall going scheduled schedule expected expects expect plans plan planned
    planning due upcoming intends intend intended aims aim slated tomorrow effective
    resume resumes meet meets begin begins start starts open opens payable expires expire
    ends closes runs leaves leave arrives arrive departs depart returns visits travels hosts
    launches go goes takes heads would could might should must starting beginning hope hopes hoping want wants
    seek seeks promises vows pledges""".split()
)
# present verbs of a schedule ("meets Friday") that, as an infinitive, take the tense of what governs them
_SCHEDULED_PRESENT: Final = frozenset("""meet begin start open close end run leave arrive depart return visit travel host
    launch go take head resume""".split())
# verbs of decision: what they commit to is ahead ("agreed to meet Friday", "voted to begin work in March")
_COMMITTED: Final = frozenset("""agreed agree agrees voted vote votes decided decide decides promised promise promises
    pledged vowed threatened asked urged ordered told invited approved offered proposed hoped wanted intends intended
    due set""".split())
# verbs that move a plan later: what they move it to is ahead, whatever their tense ("was pushed back to March")
_POSTPONED: Final = frozenset("postponed delayed deferred rescheduled adjourned".split())
_POSTPONED_WITH: Final = {"pushed": "back", "moved": "back", "put": "off", "set": "back"}
_TO_WORDS: Final = frozenset({"to", "until", "till", "into", "for"})


def _postponed(toks: Tokens, i: int, first: int) -> bool:
    """Token ``i`` moves a plan later and the time is where it moves it: "was postponed until March"."""
    w = toks.lower(i)
    if w not in _POSTPONED and not (w in _POSTPONED_WITH and i + 1 < first
                                    and toks.lower(i + 1) == _POSTPONED_WITH[w]):
        return False
    return any(toks.lower(k) in _TO_WORDS for k in range(i + 1, first))
PAST_CUES: Final = frozenset(
    """said was were had did ago told came went took made got began rose fell saw met won lost left gave
    held sold bought paid hit struck killed died wrote spoke ran fought found thought brought became
    stood kept sent led put set knew shot broke chose drove ate forgot grew hid hung read rode rang sang
    sank sat slept spent swam threw understood woke wore yesterday last earlier previously recently
    been arose bore built dealt drew felt fled flew froze heard laid lent meant overcame shook shrank
    slid sought stole swept swore taught underwent withdrew""".split()
)
# words ending in -ed that are not past verbs
_NOT_PAST_ED: Final = frozenset(
    """need indeed red bed speed seed feed shed hundred united limited based related proposed expected
    scheduled planned intended concerned interested alleged reported preferred estimated adjusted
    diluted combined restated unspecified supposed unchanged unidentified detailed advanced
    continued""".split()
)
_PAST_EED: Final = frozenset("agreed freed decreed guaranteed refereed".split())
_BOUNDARY: Final = frozenset(".;|\"")
# tags of tokens that are never a tense cue: numbers, dates, clock times, punctuation
_NO_CUE_TAGS: Final = frozenset("YDNBOCISEAPQp,-'$%:/()+")
# words after which a period does not end a sentence
_NOT_SENTENCE_END: Final = frozenset("mr mrs ms dr st inc co corp ltd jr sr gen gov sen rep col lt".split())


_DEADLINE_WORDS: Final = frozenset({"by", "until", "till", "to"})
_WORD_TAGS: Final = frozenset({WORD_TAG, CAPWORD_TAG})
_BE_NOW: Final = frozenset({"is", "are", "'s", "be", "now"})
# words after which a clause starts: a time right after them and before "is" is its subject
_CLAUSE_OPENERS: Final = REPORTING | {",", "that", "and", "but", "because"}
_MODALS: Final = frozenset({"will", "would", "shall", "could", "should", "may", "might", "must", "to"})


def _past_verb_before(toks: Tokens, i: int) -> bool:
    """Whether a past-tense cue stands in the few tokens before ``i`` ("was extended until")."""
    for k in range(i - 1, max(-1, i - 5), -1):
        if toks.tags[k] in _BOUNDARY:
            return False  # the sentence before is another clause
        if _cue(toks, k) == "past":
            return True
    return False


def _ends_sentence(toks: Tokens, i: int) -> bool:
    """Whether token ``i`` ends a sentence (a period after "Mr" or an initial does not)."""
    if toks.tags[i] not in _BOUNDARY:
        return False
    if toks.tags[i] == "." and i > 0:
        before = toks.lower(i - 1)
        if (len(before) == 1 and before.isalpha()) or before in _NOT_SENTENCE_END:
            return False
    return True


def tense_at(toks: Tokens, first: int, last: int, *, day: bool = True) -> Tense:
    """'past', 'future', 'present' or None for the expression spanning tokens ``first..last``.

    ``day`` says the expression names a day ("Nov. 16", "Friday"): only then is "to" before it a
    deadline ("extended to Nov. 16"); before a month it is a preposition ("a revision to December's").
    """
    before = toks.lower(first - 1) if first > 0 else ""
    if before == "of" and first > 1 and toks.lower(first - 2) == "ahead":
        return "future"  # "ahead of the weekend"
    if before == "than" and first > 1 and toks.lower(first - 2) == "later":
        return "future"  # "no later than Friday": a deadline
    if before == "for" and day and first > 1 and toks.tags[first - 2] in _WORD_TAGS \
            and (last + 1 == len(toks) or toks.lower(last + 1) not in ("'", "'s")) and _cue(toks, first - 2) is None:
        return "future"  # "called a strike for Monday", "a meeting for Nov. 16": the day set is ahead
    if before == "for" and first > 2 and toks.lower(first - 2) == "set" and toks.lower(first - 3) in _BE_NOW:
        return "future"  # "the vote is set for Jan. 12": a date set is ahead
    if before in _DEADLINE_WORDS and (before != "by" or not _past_verb_before(toks, first - 1)) and not (
            before == "to" and (not day or any(toks.lower(k) == "from" for k in range(max(0, first - 8), first - 1)))):
        return "future"  # "by February", "gave them until Monday"; not "from Sept. 14 to Thursday"
    if last + 1 < len(toks) and toks.lower(last + 1) in PRESENT_CUES and (
            first == 0 or toks.tags[first - 1] in _BOUNDARY or before in _CLAUSE_OPENERS):
        return "present"  # "Friday is the deadline", "said Friday is the deadline": the time is the subject
    i, seen = first - 1, 0
    while i >= 0 and seen < 12:
        boundary, t, after_be = _read(toks, i)
        if boundary:
            break
        if t == "past" and after_be:
            t = None  # "will be signed": a participle, the auxiliary before it tells
        if t == "future" and _perfect_before(toks, i) and not _reported_commitment(toks, i):
            return "past"  # "had been scheduled to expire", "as previously planned"
        if t == "past" and _postponed(toks, i, first):
            return "future"
        if t == "past" and i + 1 < first and toks.lower(i + 1) == "to" and toks.lower(i) in _COMMITTED:
            return "future"  # "agreed to purchase the line in February": what was agreed is ahead
        if t == "future" and i > 1 and toks.lower(i - 1) == "to" and toks.lower(i) in _SCHEDULED_PRESENT \
                and toks.lower(i - 2) not in _COMMITTED:
            t = None  # "difficult to meet demand into the summer": the verb that governs the infinitive tells
        if t:
            return t
        i -= 1
        seen += 1
    i, seen, n = last + 1, 0, len(toks)
    while i < n and seen < 8:
        boundary, t, _ = _read(toks, i)
        if boundary:
            break
        if t and t != "present":  # "Friday's purchases is far below": the verb of another clause
            return t
        i += 1
        seen += 1
    return None


_NO_CUE: Final = (False, None, False)


def _perfect_before(toks: Tokens, i: int) -> bool:
    """A plan told as already past: "had (been) scheduled", "previously planned"."""
    return any(toks.lower(k) in ("had", "previously") for k in range(max(0, i - 4), i))



def _reported_commitment(toks: Tokens, i: int) -> bool:
    """A commitment in the past perfect of reported speech: "said the sides had agreed to meet
    Saturday" is their "have agreed", and what was agreed is still ahead (not "had been
    scheduled for Friday", a plan told as changed)."""
    if not (i > 1 and toks.lower(i - 1) == "to" and toks.lower(i - 2) in _COMMITTED):
        return False
    for k in range(i - 1, max(-1, i - 14), -1):
        if toks.tags[k] in _BOUNDARY:
            return False
        if toks.lower(k) in REPORTING:
            return True
    return False


def _read(toks: Tokens, i: int) -> tuple[bool, Tense, bool]:
    """Token ``i`` as tense_at sees it: (ends a sentence, its cue, follows "be"), worked out once."""
    memo = toks.memo
    got = memo.get(i)
    if got is None:
        if toks.tags[i] in _BOUNDARY:
            got = (_ends_sentence(toks, i), None, False)
        elif toks.tags[i] in _NO_CUE_TAGS:
            got = _NO_CUE
        else:
            got = (False, _cue(toks, i), i > 0 and toks.lower(i - 1) == "be")
        memo[i] = got
    return got


PRESENT_CUES: Final = frozenset({"is", "are", "am"})
# after these a cue word is a noun, not a verb: "announced the plan Aug. 21", "a start Monday"
_DETERMINERS: Final = POSSESSIVES | frozenset("the a an this these those each every no".split())


def _cue(toks: Tokens, i: int) -> Tense:
    w = toks.lower(i)
    if w in PRESENT_CUES:
        return "present"
    if w == "date" and i + 1 < len(toks) and toks.lower(i + 1) in ("of", "for"):
        return "future"  # "set a trial date of Sept. 14": a date set is ahead
    if i > 0 and toks.lower(i - 1) in _DETERMINERS:
        return None
    if w in ("set", "supposed") and i + 1 < len(toks) and toks.lower(i + 1) == "to":
        return "future"  # "set to resume Monday"
    if w == "be" and i > 0 and toks.lower(i - 1) in _MODALS:
        return "future"  # "to be completed", "would be paid"
    if w == "effect" and i > 0:  # "takes effect Thursday", "took effect Monday"
        return "past" if toks.lower(i - 1) == "took" else "future"
    if w in FUTURE_CUES:
        return "future"
    if w in PAST_CUES:
        return "past"
    if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED:
        if w.endswith("eed") and w not in _PAST_EED:
            return None  # succeed, exceed, proceed
        return "past"
    return None
