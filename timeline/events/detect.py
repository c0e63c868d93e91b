"""Mentions -> events: for each DATE, TIME or DURATION mention, the event it dates.

The steps, each a plain function:

1. `link`: in the mention's sentence, the trigger (verb or event noun) with the
   lowest cost: distance in tokens, plus costs for crossing a comma, a clause
   word or another time expression, for being a noun rather than a verb; a
   possessive ("Saturday's attacks") or a fronted time ("Late Saturday,
   missiles slammed") is read first.
2. `relation_of`: the words before the mention ("by", "until", "starting on",
   "for") give the relation between event and time.
3. `tense_of`: the auxiliaries and the verb form ("was expected to", "has
   opposed", "will") give past, present, perfect or future.
4. `describe`: a short description from the trigger's clause, without the
   time expression and the auxiliaries.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Container, Sequence
from itertools import accumulate
from operator import itemgetter
from typing import Final, Literal

import attrs
from dateutil.relativedelta import relativedelta

from timeline._model import Interval, Mention
from timeline.events import lexicon as lx
from timeline.events.model import Kind, Relation, T0Relation
from timeline.events.text import (
    AUX,
    NUMBER,
    CLAUSE,
    DET,
    NOUN,
    PREP,
    PUNCT,
    TIME,
    VERB,
    Sentence,
    sentences,
    tokenize,
)

Tense = Literal["past", "perfect", "present", "future", "none"]

_COMMA: Final = frozenset(",;:()\"“”")
_QUOTES: Final = frozenset("\"“”")
#: what ends a clause for a description: the commas and dashes ("NAIROBI (Wire) — the commission said")
_BREAKS: Final = _COMMA | {"—", "–"}
#: grains of a time an event can be set for ("a strike for Monday", "talks for next week")
_DAY_GRAINS: Final = frozenset(("minute", "partofday", "day", "week", "weekend"))
_CLOSING: Final = frozenset((".", ",", '"', "”", "''", "!", "?", ";", ":"))
_PARTICLES: Final = frozenset("up down out off in on over back away through".split())
_PERIOD_VERBS: Final = frozenset("ended ending began beginning".split())
_JOINS: Final = frozenset(("and", "or"))
_RANGE_WORDS: Final = frozenset("to and until through -".split())
_BOUND_CUES: Final = frozenset("by until till than since starting beginning".split())
_DEMANDS: Final = frozenset(
    """ask asks asked told tell tells urge urged urges order ordered orders demand demanded demands
    gave give gives warned warn warns instructed called""".split()
)
#: verbs that commit their subject to what the infinitive after them says
_HAVE_UNTIL: Final = frozenset(("have", "has", "had"))
_COMMITMENTS: Final = frozenset("""agreed agree agrees promised promise promises pledged pledge pledges vowed vow
    vows undertook undertake undertakes committed""".split())
_DEADLINE_WORDS: Final = frozenset("deadline deadlines ultimatum expires expire expired expiry".split())
_RELATION_WORDS: Final[dict[str, Relation]] = {
    "by": "by", "until": "until", "till": "until", "through": "until", "since": "starting",
    "from": "starting", "starting": "starting", "beginning": "starting", "effective": "starting",
    "before": "before", "after": "after", "following": "after", "during": "during",
    "throughout": "during", "for": "during", "over": "during", "within": "by",
}
# cue words that order two events: "retaliation for X" (X comes first), "after X"
_EARLIER_CUES: Final = frozenset("retaliation revenge response reprisal".split())
_ORDER_CUES: Final = ("retaliation", "revenge", "reprisal", "in response to", "after", "following")
_ORDER_RE: Final = re.compile(r"\b(?:" + "|".join(_ORDER_CUES) + r")\b", re.I)


@attrs.frozen
class Link:
    """A time mention (index into the mentions) and the trigger token it dates."""

    mention: int
    sentence: int
    token: int
    cost: float


@attrs.frozen
class Found:
    """One detected event before it becomes an `Event` (see `timeline.events.build`)."""

    sentence: tuple[int, int]
    trigger: tuple[int, int]
    trigger_text: str
    description: str
    mention: int | None
    relation: Relation | None
    tense: Tense
    kind: Kind
    t0: T0Relation
    interval: Interval | None
    deadline: bool
    demanded_by: str | None = None
    due_what: str | None = None
    #: index (in the found list) of events this one comes before
    before: tuple[int, ...] = ()
    #: index of the event this one is a second word of (same clause, same time: "reported a
    #: fourth-quarter loss"); the timeline keeps that event only, with this trigger in its ``also``
    same_as: int | None = None


# ------------------------------------------------------------------ linking


#: Costs of the link features (lower total = better link). Tuned on TimeBank with
#: ``benchmarks/tlinks.py --gold-timexes`` by changing one weight at a time; each is a
#: general cue, none names a word of the corpus.
WEIGHTS: Final[dict[str, float]] = {
    "word": 1.0,          # each word between the time and the trigger (up to 4)
    "far_word": 1.0,      # each further word
    "right": 0.8,         # the trigger follows the time ...
    "right_fronted": -2.5,  # ... a time at the head of the sentence dates the verb after it
    "comma": 9.0,          # a comma, colon, bracket between them
    "comma_fronted": 0.8,  # the comma after a fronted time
    "quote": 8.0,         # a quote mark between them
    "clause": 2.5,        # a clause word between them ("that", "which", "and")
    "time": 4.0,          # another time expression between them
    "verb_between": 2.25,  # a verb between a trigger on the left and the time: it is closer
    "verb_between_right": 2.5,
    "noun": 0.95,          # an event noun rather than a verb
    "noun_bound": 1.0,    # "must file their offers no later than May 1": a bound limits the verb
    "noun_duration": 1.0,  # "has opposed the merger for months": a duration measures the verb
    "noun_adjacent": -1.0,  # "the Jan. 5 meeting", "a fourth-quarter loss"
    "future_to": 5.5,     # "expected to vote": the event is the vote
    "report": -0.5,       # "said Monday"
    "purpose": 3.5,       # "in 2014 to help": a purpose, not the dated event
    "infinitive": 0.0,    # "to" before the trigger
    "gerund": 3.5,        # a verb in -ing
    "ing_phrase": 8.0,    # ... that qualifies a noun ("in revolving loans", "of operating profit")
    "modified": -3.0,     # the noun the time modifies ("Saturday's attacks", "a fourth-quarter loss")
    "clause_fronted": 0.0,  # (a switch) a time at the head of a clause counts as fronted
    "second": 0.5,        # a second trigger that goes with the first (see `choose_links`)
    "second_margin": 4.0,  # ... at most this much dearer than the first
    "object_noun": 8.0,   # a noun on the left that is the object of a verb: the time dates the verb
    "attribution": 4.0,   # "..., police said.": the time dates the reported event, not the saying
    "tense": 8.0,         # "two weeks ago" and a verb in the future, "next year" and a past verb
    "conjunct": 8.0,      # a trigger after "and" right after the time: "left on Friday and returned"
    "duration_of": -6.0,  # "two decades of war", "a pause of a month": what the length measures
}


# The counts the link costs look at, packed in one int per token (a field of `_BITS` bits each),
# so that one running sum gives them all and one subtraction the counts between two tokens.
_BITS: Final = 32
_MASK: Final = (1 << _BITS) - 1
_WORD, _COMMA_F, _QUOTE_F, _CLAUSE_F, _VERB_F, _TIME_F, _PURPOSE_F = (1 << (_BITS * k) for k in range(7))
_KIND_CODE: Final[dict[str, int]] = {
    VERB: _WORD | _VERB_F, NOUN: _WORD, AUX: _WORD, DET: 0, PREP: _WORD, PUNCT: 0, CLAUSE: _WORD | _CLAUSE_F,
    "w": _WORD, NUMBER: _WORD, TIME: _WORD | _TIME_F,
}
_PUNCT_CODE: Final[dict[str, int]] = {w: (_QUOTE_F if w in _QUOTES else _COMMA_F) for w in _COMMA}


def _prefix(s: Sentence) -> list[int]:
    """Running sums (``c[i]``: over tokens ``< i``) of the packed counts of the tokens: words (not
    punctuation or determiners), commas, quotes, clause words, verbs, times, and "to" + verb."""
    kinds, lows = s.kinds, s.lows
    kc, pc = _KIND_CODE, _PUNCT_CODE
    codes = [pc.get(w, 0) if k == PUNCT else kc[k] for k, w in zip(kinds, lows)]
    if "to" in lows:
        last = len(lows) - 1
        for i in [i for i, w in enumerate(lows) if w == "to"]:
            if i < last and kinds[i + 1] == VERB:
                codes[i] += _PURPOSE_F
    return list(accumulate(codes, initial=0))


def _span(s: Sentence, mention: int) -> tuple[int, int]:
    """The first and last token of a mention."""
    times = s.times
    first = times.index(mention)
    last = first
    n = len(times)
    while last + 1 < n and times[last + 1] == mention:
        last += 1
    return first, last


#: the weights `candidates` reads whatever the time, in one call
_WEIGHTS_OF: Final = itemgetter("word", "far_word", "quote", "clause", "time", "comma", "verb_between",
                                "verb_between_right", "purpose", "noun", "infinitive", "gerund", "noun_adjacent",
                                "future_to", "report", "attribution", "object_noun", "tense")


def candidates(s: Sentence, mention: int, duration: bool = False, pre: list[int] | None = None,
               wt: dict[str, float] = WEIGHTS, triggers: Sequence[int] | None = None, day: bool = False,
               ) -> tuple[int, int, list[tuple[float, int]]]:
    """The mention's first and last token and every trigger of ``s`` with its cost, cheapest first.

    The cost of a trigger is the sum of the weighted features of `WEIGHTS`; ``pre`` is
    `_prefix` of ``s`` and ``triggers`` the indices of its verbs and event nouns, when the
    caller has them already.
    """
    first, last = _span(s, mention)
    kinds, lows = s.kinds, s.lows
    n = len(lows)
    if pre is None:
        pre = _prefix(s)
    if triggers is None:
        triggers = [j for j, k in enumerate(kinds) if k == VERB or k == NOUN]
    head = _modified(s, first, last)
    if head is not None:
        head = _figure_verb(s, head)
    # fronted: at the head of the sentence, or of the clause that "that" opens after a verb, after
    # at most a preposition and an adverb ("Late Saturday, missiles slammed", "said that last week
    # a customer discovered"), or at the end of an opening phrase ("In heavy trading Friday, the
    # shares fell")
    k = first - 1
    while k >= 0 and first - k <= 3 and kinds[k] in (PREP, DET, "w") and lows[k] != "that":
        k -= 1
    fronted = k < 0 or (wt["clause_fronted"] > 0 and (kinds[k] == CLAUSE or lows[k] == ",")) or \
        _opening(s, first, last) or (k > 0 and lows[k] == "that" and kinds[k - 1] == VERB)
    (w_word, w_far, w_quote, w_clause, w_time, w_comma, w_verb, w_verb_right, w_purpose, w_noun, w_infinitive,
     w_gerund, w_noun_adjacent, w_future_to, w_report, w_attribution, w_object_noun, w_tense) = _WEIGHTS_OF(wt)
    w_comma_right = wt["comma_fronted"] if fronted else w_comma
    w_right = wt["right_fronted"] if fronted else wt["right"]
    # "will begin pulling out on Friday and release prisoners": the time closes the first of two joined
    # phrases and dates nothing after the "and"
    if not fronted and last + 2 < n and lows[last + 1] in _JOINS and s.times[last + 2] < 0:
        w_right += wt["conjunct"]
    noun_bound = first and lows[first - 1] in _BOUND_CUES
    # "a loss of $5 million for the quarter": a figure over a period is what the period dates
    measured = first > 0 and lows[first - 1] == "for"
    at_first, after_last = pre[first], pre[last + 1]
    side = _time_side(lows, first, last)
    mask, bits = _MASK, _BITS
    zero_far = 0 * w_far
    out: list[tuple[float, int]] = []
    figures, future_words, reporting = lx.FIGURES, lx.FUTURE_WORDS, lx.REPORTING
    after = last + 1
    for j in triggers:
        right = j > last
        if right:
            if j == after and lows[j] in _PERIOD_VERBS:
                continue  # "the quarter ended Sept. 30": the date dates the end, the period does not
            d = pre[j] - after_last
        else:
            d = at_first - pre[j + 1]
        words = d & mask
        # the same sums in the same order as the features are listed, so that ties break alike
        # (with the words up to 4 and the further ones apart: min(words, 4) * w_word + max(0, words - 4)
        # * w_far, times 0.9 on the right)
        cost = words * w_word + zero_far if words <= 4 else 4 * w_word + (words - 4) * w_far
        if right:
            cost *= 0.9
        if d >> bits:
            commas = (d >> bits) & mask
            if commas:
                cost += commas * (w_comma_right if right else w_comma)
            cost += ((d >> 2 * bits) & mask) * w_quote
            cost += ((d >> 3 * bits) & mask) * w_clause
            cost += ((d >> 5 * bits) & mask) * w_time
            verbs = (d >> 4 * bits) & mask
            if verbs:
                cost += verbs * (w_verb_right if right else w_verb)
            if right:
                cost += w_right
                if d >> 6 * bits:
                    cost += w_purpose
        elif right:
            cost += w_right
        lw = lows[j]
        if kinds[j] == NOUN:
            cost += w_noun
            # "called a strike for Monday": a day set for the event the noun names (not "expectations
            # for 1989", a period something is measured over)
            if day and measured and j == first - 2 and lw not in figures:
                cost += w_noun_adjacent
            elif not right and not (measured and lw in figures) and _object_of_verb(s, j):
                cost += w_object_noun
            if noun_bound:
                cost += wt["noun_bound"]
            if duration:
                cost += wt["noun_duration"]
            if right and words == 0:
                cost += w_noun_adjacent
            elif duration and (j == after + 1 and lows[after] == "of" or j == first - 2 and lows[first - 1] == "of"):
                cost += wt["duration_of"]  # "two decades of war", "a pause of nearly a month"
        else:
            if lw in future_words and j + 1 < n and lows[j + 1] == "to":
                cost += w_future_to
            report = lw in reporting
            if report and not right and words == 0:
                cost += w_report
            if lw.endswith("ing"):
                cost += w_gerund
                if _ing_in_phrase(s, j):
                    cost += wt["ing_phrase"]
            if report and right and _attribution(s, j):
                cost += w_attribution
            if side:
                tense = tense_of(s, j)
                if (tense == "future" and lows[j - 1] != "to") if side < 0 else (tense in ("past", "perfect")):
                    cost += w_tense
        if j and lows[j - 1] == "to":
            cost += w_infinitive
        out.append((cost, j))
    if head is not None:
        out = [(wt["modified"], head)] + [x for x in out if x[1] != head]
    out.sort()
    return first, last, out


def _ing_in_phrase(s: Sentence, j: int) -> bool:
    """Whether the verb form in -ing ``j`` qualifies the noun after it inside a noun phrase that a
    preposition or a determiner opens: "in revolving loans", "of operating profit", "its bank
    holding company" (but "of blowing up a jet": a particle follows a verb)."""
    kinds, lows, words = s.kinds, s.lows, s.words
    n = len(kinds)
    if not j or j + 1 >= n or kinds[j + 1] not in ("w", NOUN) or not words[j + 1][:1].islower() \
            or lows[j + 1] in _PARTICLES:
        return False
    k = j - 1
    while k > 0 and j - k < 4 and kinds[k] in ("w", NOUN, NUMBER) and words[k][:1].islower():
        k -= 1
    return kinds[k] in (PREP, DET) and lows[k] != "to"


_PAST_CUES: Final = frozenset("ago last yesterday earlier previous past".split())
_FUTURE_CUES: Final = frozenset("next tomorrow coming".split())


def _time_side(lows: list[str], first: int, last: int) -> int:
    """-1 when the words of a time put it before publication ("two weeks ago", "last month",
    "yesterday"), 1 when after ("next year", "tomorrow"), else 0."""
    words = lows[first : last + 1]
    if not _PAST_CUES.isdisjoint(words):
        return -1
    if not _FUTURE_CUES.isdisjoint(words):
        return 1
    return 0


def _object_of_verb(s: Sentence, j: int) -> bool:
    """Whether noun ``j`` is the object of the verb before it: "announced the plan", "filed
    objections"."""
    kinds = s.kinds
    for k in range(j - 1, max(-1, j - 5), -1):
        kk = kinds[k]
        if kk == VERB:
            return True
        if kk not in (DET, "w", NUMBER):
            return False
    return False


def _attribution(s: Sentence, j: int) -> bool:
    """Whether the reporting verb ``j`` closes its sentence after a comma: "..., police said."."""
    lows = s.lows
    if j + 1 < len(lows) and lows[j + 1] not in _CLOSING:
        return False
    return any(lows[k] == "," for k in range(max(0, j - 4), j))


def _opening(s: Sentence, first: int, last: int) -> bool:
    """Whether the time ends an opening phrase that a comma closes: "In heavy trading Friday, the
    stock fell", "At a meeting in Paris on Monday, the ministers agreed"."""
    kinds, lows = s.kinds, s.lows
    if last + 1 >= len(lows) or lows[last + 1] != "," or kinds[0] != PREP:
        return False
    return all(kinds[k] not in (PUNCT, CLAUSE, AUX) and (kinds[k] != VERB or lows[k].endswith("ing"))
               for k in range(1, first))


def _modified(s: Sentence, first: int, last: int) -> int | None:
    """The noun a time modifies: "Saturday's attacks", "a fourth-quarter loss", "the 1987 crash"."""
    kinds, lows, words = s.kinds, s.lows, s.words
    n = len(lows)
    if last + 1 < n and lows[last + 1] in ("'s", "’s"):
        for j in range(last + 2, min(n, last + 5)):
            if kinds[j] in (NOUN, VERB):
                return j
            if kinds[j] in (PUNCT, PREP, CLAUSE):
                break
        return None
    if last + 1 >= n or kinds[last + 1] not in (NOUN, "w") or not words[last + 1][0].islower():
        return None
    if not ("-" in words[last] or (first > 0 and kinds[first - 1] == DET)):
        return None
    j = last + 1
    while j + 1 < n and j - last < 3 and kinds[j + 1] in (NOUN, "w") and words[j + 1][0].islower() \
            and not lows[j + 1].endswith("ly"):
        j += 1
    if j + 1 < n and kinds[j + 1] not in (PREP, PUNCT, VERB, AUX, CLAUSE) and not lows[j + 1].endswith("ly"):
        return None
    if lows[j] in lx.PERIOD_NOUNS:
        return None  # "the year-ago quarter": a time, no event
    return j


def _figure_verb(s: Sentence, head: int) -> int:
    """The verb of change a figure or another noun ``head`` is the subject of ("third-quarter net
    income rose", "third-quarter loan originations dropped"): the time dates the change; else the
    noun itself ("reported a third-quarter loss")."""
    kinds, lows = s.kinds, s.lows
    for j in range(head + 1, min(len(kinds), head + 4)):
        if kinds[j] == VERB:
            return j if lx.VERB_FORMS.get(lows[j], lows[j]) in lx.CHANGE_VERBS else head
        if not (kinds[j] == AUX or lows[j] in lx.ADVERB_OK or lows[j].endswith("ly")):
            break
    return head


def _head_of(s: Sentence, j: int) -> int:
    """"the conclusion of a session on Sunday": the head noun is the event."""
    kinds, lows = s.kinds, s.lows
    if kinds[j] == NOUN:
        for k in range(j - 1, max(-1, j - 4), -1):
            if lows[k] == "of":
                if k > 0 and kinds[k - 1] == NOUN:
                    return k - 1
                break
            if kinds[k] not in (DET, "w"):
                break
    return j


def choose_links(s: Sentence, idxs: Sequence[int], durations: Sequence[bool],
                 wt: dict[str, float] = WEIGHTS, days: Sequence[bool] = ()) -> list[tuple[int, int, float]]:
    """(mention, trigger token, cost) of every link of the sentence, cheapest first.

    Each mention dates its cheapest trigger, and also a second one when the two
    go together (`_together`): the noun the time modifies and the verb that takes
    it ("called a Monday strike"; not a figure: "reported a fourth-quarter loss"
    dates the loss alone); and the first event of a clause that "when" opens after
    the time ("since May, when they traded at $30"). A trigger is dated once, by
    the cheapest link, unless a time would date nothing else and the trigger is a
    verb, or a noun dated by the other end of a range: then the trigger has both
    times ("bought from May 2 to June 9", "took the stand for four hours Friday",
    "the sale of his shares between 1985 and 1987"). An aspectual verb and the verb
    it governs ("began selling", see `_partner`) are both dated whatever their costs.
    """
    pre = _prefix(s)
    triggers = [j for j, k in enumerate(s.kinds) if k == VERB or k == NOUN]
    links: list[tuple[float, int, int]] = []
    chosen: dict[int, tuple[float, int]] = {}  # mention -> its cheapest link
    for k, (i, duration) in enumerate(zip(idxs, durations)):
        if i not in s.times:
            continue
        start = None
        for i0 in chosen:
            if _range(s, i0, i):
                start = i0
                break
        if start is not None:  # "from May 2 to June 9, the museum said": the end dates what the start dates
            c0, j0 = chosen[start]
            links.append((c0 + wt["second"], i, j0))
            continue
        first, last, got = candidates(s, i, duration, pre, wt, triggers, day=k < len(days) and days[k])
        if not got:
            continue
        c0, j0 = got[0]
        j0 = _head_of(s, j0)
        links.append((c0, i, j0))
        chosen[i] = (c0, j0)
        told = _when_clause(s, last)
        if told is not None and told != j0:
            links.append((c0 + wt["second"], i, told))
        partner = _partner(s, j0)
        if partner is not None:
            links.append((c0 + wt["second"], i, partner))
            continue
        free: bool | None = None
        for c1, j1 in got[1:3]:
            if c1 - c0 > wt["second_margin"]:
                break
            if free is None:
                free = _modified(s, first, last) == j0 or not (first and s.lows[first - 1] in _BOUND_CUES)
            if _together(s, j0, j1, first, last, free):
                links.append((c1 + wt["second"], i, _head_of(s, j1)))
                break
    links.sort()
    out: list[tuple[int, int, float]] = []
    taken: dict[int, int] = {}
    dated: set[int] = set()
    for c, i, j in links:
        if j in taken and (i in dated or (s.kinds[j] != VERB and not _range(s, taken[j], i))):
            continue
        taken.setdefault(j, i)
        dated.add(i)
        out.append((i, j, c))
    return out


def _range(s: Sentence, a: int, b: int) -> bool:
    """Whether the times ``a`` and ``b`` are the two ends of one range that "from" or "between"
    opens: "between 1985 and 1987", "from Sept. 14 to Thursday"."""
    if a not in s.times or b not in s.times:
        return False
    a0, a1 = _span(s, a)
    b0, b1 = _span(s, b)
    (f0, f1), (l0, _) = sorted(((a0, a1), (b0, b1)))
    return l0 - f1 == 2 and s.lows[f1 + 1] in _RANGE_WORDS and f0 > 0 and s.lows[f0 - 1] in ("from", "between")


def _when_clause(s: Sentence, last: int) -> int | None:
    """The first trigger of a clause that tells what happened at the time ending at token ``last``:
    "since August, when they traded at $10", "until 1990, when each will adopt the name", "was hurt
    on Friday when a wall collapsed" (with a comma or without)."""
    kinds, lows = s.kinds, s.lows
    n = len(lows)
    at = last + 2 if last + 1 < n and lows[last + 1] == "," else last + 1
    if at >= n or lows[at] != "when":
        return None
    for k in range(at + 1, min(n, at + 8)):
        if kinds[k] in (VERB, NOUN):
            return k
        if kinds[k] in (PUNCT, CLAUSE, TIME):
            return None
    return None


def _coordinated(s: Sentence, j: int) -> int | None:
    """The past verb joined to the past verb ``j`` by "and" across its object: "killed three soldiers
    and wounded six others", "sold its stake and bought bonds"."""
    kinds, lows = s.kinds, s.lows
    n = len(lows)
    for k in range(j + 1, min(n, j + 10)):
        if lows[k] == "and":
            x = k + 1
            while x < n and (lows[x] in lx.ADVERB_OK or (lows[x].endswith("ly") and kinds[x] != VERB)):
                x += 1
            if x < n and kinds[x] == VERB and lows[x] in lx.PAST_FORMS:
                return x
            return None
        if kinds[k] in (VERB, AUX, CLAUSE, PUNCT, TIME):
            return None
    return None


#: the forms of the aspectual verbs ("began", "resumes", "continuing")
_ASPECTUAL_FORMS: Final = frozenset(w for w, base in lx.VERB_FORMS.items() if base in lx.ASPECTUAL)


def _partner(s: Sentence, j: int) -> int | None:
    """The second trigger that the time of trigger ``j`` dates, whatever its cost: the verb an
    aspectual verb governs ("began selling Monday", "started to fall"), and the other way round; the
    past verb joined to it by "and" across its object ("killed two soldiers and wounded six"); an
    event noun and the aspectual verb it is the subject of ("the talks resumed Monday"). (A
    reporting verb and the event it reports, "said Monday that its troops would leave", are mostly
    not both dated.)"""
    kinds, lows = s.kinds, s.lows
    n = len(lows)
    if kinds[j] == NOUN:
        k = j + 1
        while k < n and kinds[k] == AUX:
            k += 1
        if k < n and kinds[k] == VERB and lows[k] in _ASPECTUAL_FORMS:
            return k
        return None
    if kinds[j] != VERB:
        return None
    if lows[j] in _ASPECTUAL_FORMS:
        k = j - 1
        while k >= 0 and kinds[k] == AUX:
            k -= 1
        if k >= 0 and kinds[k] == NOUN:
            return k
    lw = lows[j]
    if j > 1 and lows[j - 1] == "to" and kinds[j - 2] == VERB and lows[j - 2] in _ASPECTUAL_FORMS:
        return j - 2  # "began to fall"
    if lw in lx.PAST_FORMS:
        other = _coordinated(s, j)
        if other is not None:
            return other
    if lw in _ASPECTUAL_FORMS and j + 1 < n:
        if kinds[j + 1] == VERB and lows[j + 1].endswith("ing"):
            return j + 1
        if lows[j + 1] == "to" and j + 2 < n and kinds[j + 2] == VERB:
            return j + 2  # "began to arrive"
    if lw.endswith("ing") and j and kinds[j - 1] == VERB and lows[j - 1] in _ASPECTUAL_FORMS:
        return j - 1
    return None


def _together(s: Sentence, a: int, b: int, first: int, last: int, modified: bool) -> bool:
    """Whether trigger ``b`` goes with the cheaper trigger ``a`` (``modified``: the verb and its noun
    may both be dated: the time modifies the noun, or is no bound such as "no later than"): ``a`` is
    the noun the time modifies and ``b`` the verb that takes it ("called a Monday strike"). (Two verbs
    joined by "and" or an infinitive, "rose and fell Friday", "planned to acquire", and a verb with
    the noun after it are mostly not both dated; nor is the verb when the time is a possessive:
    "condemned Saturday's bombing" happened after the bombing.)"""
    kinds, lows = s.kinds, s.lows
    if not (kinds[a] == NOUN and kinds[b] == VERB and b < a and modified and lows[a] not in lx.FIGURES):
        return False
    between = range(b + 1, a)
    if any(kinds[k] == PUNCT and lows[k] in _QUOTES for k in between) or \
            (last + 1 < len(lows) and lows[last + 1] in ("'s", "’s")):
        return False
    gap = [k for k in between if not (first <= k <= last)]
    return len(gap) <= 4 and all(kinds[k] in (DET, "w", NUMBER, TIME) or lows[k] in ("'s",) for k in gap)


# ------------------------------------------------------------------ relation, tense


def relation_of(s: Sentence, first: int, m: Mention) -> Relation:
    """How the event stands to the mention, from the words before it (and its mod)."""
    lows = s.lows
    # the word before the time and the one before it ("" for none: no word is empty)
    p1 = lows[first - 1] if first > 0 else ""
    p2 = lows[first - 2] if first > 1 else ""
    if (p1 == "than" and p2 == "later" and first > 2 and lows[first - 3] == "no") or (p1 == "of" and p2 == "ahead"):
        return "by" if p1 == "than" else "before"
    if p1 == "to" and p2 == "prior":
        return "before"
    if p1 == "to" and "from" in lows[max(0, first - 8) : first - 1]:
        return "until"  # "from May 2 to June 9": the end of a span
    for w in (p1, p2) if first > 1 else (p1,) if first else ():
        rel = _RELATION_WORDS.get(w)
        if rel is not None:
            if rel == "during" and m.type != "DURATION":
                if w == "for":
                    return "on"
                return "during" if w in ("during", "throughout") else "on"
            return rel
        if w not in ("on", "at", "in", "the", "of"):
            break
    if m.type == "DURATION" and m.text.lower().startswith(("the past", "the last", "past", "last")):
        return "during"
    mod = m.mod or ""
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return "before"
    if mod in ("AFTER", "ON_OR_AFTER"):
        return "after"
    return "during" if m.type == "DURATION" else "on"


_HAVE_FORMS: Final = frozenset(("has", "have", "'ve"))
#: verbs of a state before a participle: "will stay closed", "remained shut"
_COPULAS: Final = frozenset("stay stays stayed remain remains remained".split())
_PAST_AUX: Final = frozenset(("had", "was", "were", "did", "'d"))
_MODAL_FORMS: Final = frozenset(("would", "could", "might", "should", "may", "must", "can"))
_PRESENT_AUX: Final = frozenset(("is", "are", "am", "'re", "does", "do"))


def tense_of(s: Sentence, tok: int) -> Tense:
    """Tense and aspect of the trigger from its verb group."""
    lows, kinds = s.lows, s.kinds
    if kinds[tok] != VERB:  # an event noun, or a plain word a time modifies ("a two-week pause")
        if not lx.ATTRIBUTIVE.isdisjoint(lows[max(0, tok - 2) : tok]):
            return "future"  # "the planned conclusion"
        return "none"
    w = lows[tok]
    j = tok - 1
    group: list[str] = []
    adverbs, negations, future_words = lx.ADVERB_OK, lx.NEGATIONS, lx.FUTURE_WORDS
    if j >= 0 and lows[j] in _COPULAS and (w.endswith("ed") or w in lx.PAST_FORMS):
        # "will stay closed", "remain shut": the state is told by the verb before it, not by the -ed
        w = lows[j]
        j -= 1
    while j >= 0 and len(group) < 5:
        lw = lows[j]
        if kinds[j] == AUX or lw in adverbs or (lw.endswith("ly") and len(lw) > 4) or lw in negations or lw == "to" \
                or lw in future_words:
            group.append(lw)
            j -= 1
            continue
        if kinds[j] == VERB and group and group[-1] == "to":
            group.append(lw)  # "expected to vote", "agreed to sell"
            j -= 1
            continue
        break
    past = w in lx.PAST_FORMS or (w.endswith("ed") and len(w) > 4)
    if not group:  # the verb alone
        return "past" if past else "present"
    gset = set(group)
    if not gset.isdisjoint(lx.FUTURE_AUX) or "going" in gset:
        return "future"
    if "to" in gset and not gset.isdisjoint(future_words):
        # "was expected to vote", "is set to meet" (but "had planned to" looked ahead in the past)
        return "future" if "had" not in gset else "past"
    if "being" in gset or (not gset.isdisjoint(_HAVE_FORMS) and "been" in gset and w.endswith("ing")):
        return "present"  # "goods being blocked", "prices have been falling": still going on
    if not gset.isdisjoint(_HAVE_FORMS):
        return "perfect"
    if not gset.isdisjoint(_PAST_AUX):
        return "past"
    if not gset.isdisjoint(_MODAL_FORMS):
        return "future"
    if not gset.isdisjoint(_PRESENT_AUX):
        return "present"
    if past:
        return "past"
    if "to" in gset:
        # "told the police to stay", "agreed to sell", "the ability to deliver": an infinitive looks
        # ahead of what governs it
        return "future"
    return "present"


# ------------------------------------------------------------------ description


def _spaced_dash(s: Sentence, i: int) -> bool:
    """Whether token ``i`` is a hyphen standing for a dash: one of "--", or "-" with space on both
    sides (not the hyphen of "U.N.-run" or "$45-a-share")."""
    lows, starts, ends = s.lows, s.starts, s.ends
    if lows[i] != "-":
        return False
    n = len(lows)
    if (i + 1 < n and lows[i + 1] == "-" and ends[i] == starts[i + 1]) or \
            (i > 0 and lows[i - 1] == "-" and ends[i - 1] == starts[i]):
        return True  # "--"
    return (i == 0 or ends[i - 1] < starts[i]) and (i + 1 >= n or starts[i + 1] > ends[i])


def _clause_bounds(s: Sentence, tok: int, skip: tuple[int, int]) -> tuple[int, int]:
    lows, kinds = s.lows, s.kinds
    n = len(lows)
    s0, s1 = skip
    a = tok
    while a > 0:
        k = kinds[a - 1]
        if (k == PUNCT or k == CLAUSE) and not s0 <= a - 1 <= s1:
            w = lows[a - 1]
            if (w not in ("and", "or")) if k == CLAUSE else (w in _BREAKS or _spaced_dash(s, a - 1)):
                break
        a -= 1
    b = tok
    preps = 0
    while b + 1 < n:
        k, w = kinds[b + 1], lows[b + 1]
        if s0 <= b + 1 <= s1:
            b += 1
            continue
        if (k == PUNCT and (w in _BREAKS or w in ".!?" or _spaced_dash(s, b + 1))) or k == CLAUSE:
            break
        if k == VERB and b > tok and kinds[b] not in (AUX, VERB, PREP, DET) and w.endswith(("ing", "ed")) \
                and not (kinds[b] == "w" and kinds[b - 1] == DET) and lows[b] not in lx.PRONOUNS:
            # (not "a new voting system", not "said they hoped": a subject and its verb)
            break  # "a motion asking ...": a reduced relative clause
        if k == PREP and w != "of":
            if w == "to" and b + 2 < n and kinds[b + 2] == VERB:
                pass
            elif b + 1 < n - 1 and s.times[b + 2] >= 0:
                pass
            else:
                preps += 1
                if preps >= 2 or b - tok > 6:
                    break
        if b - tok >= 10:
            break
        b += 1
    return a, b


def _chain_start(s: Sentence, group: int, a: int) -> int:
    """The first word of the verbs that govern the verb group at ``group`` through "to": "are
    expected to take", "was set to begin" (``group`` itself when there are none)."""
    kinds, lows = s.kinds, s.lows
    start = group
    while start - 2 >= a and lows[start - 1] == "to" and kinds[start - 2] == VERB:
        start -= 2
        while start > a and (kinds[start - 1] == AUX or lows[start - 1] in lx.ADVERB_OK):
            start -= 1
    return start


def _clause_after_and(s: Sentence, a: int, group: int, tok: int) -> int:
    """Where the clause of verb ``tok`` starts when "and" or "or" joins it, with a subject of its
    own, to a clause before: "the union called a strike and members must return their ballots"."""
    kinds, lows = s.kinds, s.lows
    if kinds[tok] != VERB:
        return a
    for c in range(group - 2, a, -1):
        k = kinds[c]
        if k in (VERB, AUX):
            return a  # a verb between "and" and this one: not its subject
        if k == CLAUSE and lows[c] in ("and", "or"):
            # a subject starts after it (an article, a pronoun, a name, "that"), not the second
            # half of a noun phrase ("oil and gas revenue", "research and development costs")
            nxt, word = c + 1, s.words[c + 1]
            subject = kinds[nxt] in (DET, CLAUSE) or lows[nxt] in lx.PRONOUNS or word[0].isupper() \
                or (nxt + 1 == group and kinds[group] == AUX)  # "and members must return"
            return c + 1 if subject and any(kinds[i] in (VERB, AUX) for i in range(a, c)) else a
    return a


def _subject_before_and(s: Sentence, a: int, group: int, tok: int) -> int | None:
    """For a verb ``tok`` whose group starts at ``group`` right after "and" or "or" in a clause
    starting at ``a``, the end of the subject the two verbs share (the first verb of the clause),
    when there is one: "the chairman told reporters ... and urged candidates" -> "the chairman"."""
    kinds, lows = s.kinds, s.lows
    conj = group - 1
    if conj <= a or lows[conj] not in ("and", "or") or kinds[conj] != CLAUSE or kinds[tok] != VERB:
        return None
    first_verb = next((i for i in range(a, conj) if kinds[i] in (VERB, AUX)), conj)
    return first_verb if a < first_verb < conj else None


def describe(s: Sentence, tok: int, time_tokens: tuple[int, int]) -> str:
    """A short readable description of the event ``tok`` from its clause."""
    lows, kinds, words = s.lows, s.kinds, s.words
    a, b = _clause_bounds(s, tok, time_tokens)
    # a participle after a comma: take the noun it follows ("coalition, invited by ...")
    if a == tok and a > 0 and lows[a - 1] == "," and (lows[tok].endswith("ed") or lows[tok] in lx.PAST_FORMS):
        j = a - 2
        while j >= 0 and kinds[j] not in (DET, PREP, PUNCT, CLAUSE, AUX) and a - 2 - j < 3:
            j -= 1
        a = j + 1
    group = tok
    while group > a and (kinds[group - 1] == AUX or lows[group - 1] in lx.ADVERB_OK or lows[group - 1].endswith("ly")
                         or lows[group - 1] in lx.NEGATIONS):
        group -= 1
    chain = _chain_start(s, group, a)  # "are expected to take": the verbs that govern this one
    a = _clause_after_and(s, a, chain, tok)
    indices = list(range(a, b + 1))
    subject = _subject_before_and(s, a, chain, tok)
    if subject is not None:
        # "the chairman told reporters ... and urged candidates to wait": the subject, then this verb
        indices = list(range(a, subject)) + list(range(chain, b + 1))
    elif a > 1 and lows[a - 1] in ("whose", "who", "which") and any(kinds[i] in (VERB, AUX) for i in range(a, group)):
        j = a - 2
        while j >= 0 and kinds[j] not in (PUNCT, PREP, CLAUSE, VERB, AUX) and a - 2 - j < 4:
            j -= 1
        indices = list(range(j + 1, a - 1)) + list(range(group, b + 1))
    elif tok - a > 7:
        indices = list(range(tok - 7, b + 1))
    elif kinds[tok] == NOUN and a < tok and any(kinds[i] == PREP for i in range(a, tok)):
        j = tok
        while j - 1 >= a and kinds[j - 1] not in (PREP, VERB, AUX, PUNCT, CLAUSE) and tok - j < 4:
            j -= 1
        indices = list(range(j, b + 1))
    ft, lt = time_tokens
    n = len(lows)
    possessive = lt + 1 < n and lows[lt + 1] == "'s"
    # what a description does not start with: a preposition, an article, the time ("On Monday the firm")
    while indices and (kinds[indices[0]] in (PREP, CLAUSE) or lows[indices[0]] in ("the", "a", "an")
                       or (ft <= indices[0] <= lt and not possessive)):
        indices.pop(0)
    # nor with a saying cut from its speaker ("said the two sides agreed to meet": the two sides ...)
    said = next((k for k in range(len(indices) - 1, -1, -1) if indices[k] < chain - 1 and kinds[indices[k]] == VERB
                 and lows[indices[k]] in lx.REPORTING), None) if kinds[tok] == VERB else None
    if said is not None and (said == 0 or indices[0] > a):
        del indices[: said + 1]
        while indices and indices[0] < chain and (kinds[indices[0]] == CLAUSE or lows[indices[0]] in ("the", "a", "an")):
            indices.pop(0)
    # the time is a phrase of its own ("another 48 hours."), not a word inside one ("a fourth-quarter loss")
    time_alone = not possessive and (lt + 1 >= n or kinds[lt + 1] in (PUNCT, PREP, CLAUSE, VERB, AUX))
    keep: list[str] = []
    prev_end = -1
    times, starts, ends = s.times, s.starts, s.ends
    # a passive keeps its auxiliaries: "they were invited by the government", not "they invited"
    passive = kinds[tok] == VERB and (lows[tok].endswith("ed") or lows[tok] in lx.PAST_FORMS) \
        and any(lows[i] in _BE_FORMS for i in range(group, tok))
    participle = lows[tok] in lx.PARTICIPLES_ONLY  # "had frozen hiring", not "frozen hiring"
    # "within 14 days of a petition being filed": what the time counts from goes with the time
    of_end = lt
    if lt + 1 < n and lows[lt + 1] == "of" and ft > 0 and lows[ft - 1] in _COUNTED_FROM:
        of_end = lt + 1
        while of_end + 1 <= b and kinds[of_end + 1] not in (PUNCT, CLAUSE, PREP):
            of_end += 1
    if of_end > lt and not lt < tok <= of_end:  # (not when the event is what the span measures: "of talks")
        indices = [i for i in indices if not lt < i <= of_end]
    before_time = ft - 1
    for i in indices:
        k = kinds[i]
        if times[i] >= 0:  # a time: left out, but for "Saturday's attacks"
            if ft <= i <= lt:
                if not possessive:
                    continue
            elif lows[i + 1 if i + 1 < n else i] != "'s":
                continue
        elif k == PREP:
            if i + 1 < n and times[i + 1] >= 0 and lows[i + 1] != "'s" and not (ft <= i + 1 <= lt and possessive):
                continue  # "on Sunday"
            if lows[i] == "of" and i > 0 and times[i - 1] >= 0 and (i != lt + 1 or not possessive):
                continue  # "to end two decades of war": the length goes, and its "of"
            if ft == i + 1 and i + 1 <= b:
                continue
            if ft == i + 2 and i + 1 < n and lows[i + 1] in ("the", "a") and time_alone:
                continue  # "in the ..." (not "to a three-week high": the time is inside a phrase)
            if i == b:
                continue
        elif k == AUX:
            if i < tok and lows[i] not in lx.MODALS and lows[i] != "'s" and not passive and not participle \
                    and not (i + 1 < n and lows[i + 1] in lx.NEGATIONS):  # "talks do not resume"
                continue
        elif (k == DET or k == CLAUSE) and i == b:
            continue
        if before_time - 1 <= i <= before_time:  # the word or two before the time
            if i == before_time:
                if i + 1 <= b and lows[i] in _TIME_LEADS:
                    continue  # "starting Sunday", "late Saturday"
                if lows[i] in _TIME_DETERMINERS and time_alone:
                    continue  # "take another 48 hours": the word goes with the time left out
            elif lows[i] == "as" and lows[i + 1] == "of":
                continue  # "as of noon Wednesday"
            elif lows[i] in ("late", "early") and lows[i + 1] in ("on", "in"):
                continue  # "exploded late on Tuesday": the word goes with the time
        word = words[i]
        if keep and (word in _GLUE or word[0] == "'" or prev_end == starts[i]):
            keep[-1] += word
        else:
            keep.append(word)
        prev_end = ends[i]
    return " ".join(keep).strip(" ,;:\"“”")


#: words before a span of time that counts from an event: "within 14 days of the petition"
_COUNTED_FROM: Final = frozenset(("within", "after", "before"))
_TIME_DETERMINERS: Final = frozenset("another the a an some about nearly almost roughly".split())
_GLUE: Final = frozenset(("'s", "’s", ",", ".", ":", "%", ")"))
_BE_FORMS: Final = frozenset(("was", "were", "is", "are", "been", "being", "be", "am", "'re"))
_TIME_LEADS: Final = frozenset(("starting", "beginning", "late", "early"))


# ------------------------------------------------------------------ intervals


_UNIT: Final = {"Y": "years", "M": "months", "W": "weeks", "D": "days"}
_TUNIT: Final = {"H": 3600.0, "M": 60.0, "S": 1.0}
_DUR_RE: Final = re.compile(r"^P(?:T(?P<tn>\d+|X)(?P<tu>[HMS])|(?P<n>\d+(?:\.\d+)?|X)(?P<u>[YMWD]))$")


def duration_of(value: str) -> relativedelta | None:
    """A TIMEX3 duration value as a calendar step (an unknown count "X" as 2, the least a plural says)."""
    m = _DUR_RE.match(value)
    if m is None:
        return None
    if m.group("tu"):
        n = 2.0 if m.group("tn") == "X" else float(m.group("tn"))
        return relativedelta(seconds=int(n * _TUNIT[m.group("tu")]))
    n = 2.0 if m.group("n") == "X" else float(m.group("n"))
    unit = _UNIT[m.group("u")]
    if n != int(n):
        days = {"years": 365.25, "months": 30.44, "weeks": 7.0, "days": 1.0}[unit] * n
        return relativedelta(days=round(days))
    k = int(n)
    if unit == "years":
        return relativedelta(years=k)
    if unit == "months":
        return relativedelta(months=k)
    return relativedelta(weeks=k) if unit == "weeks" else relativedelta(days=k)


def _narrow(m: Mention) -> Interval | None:
    iv = m.interval
    if iv is None:
        return None
    if m.mod in ("END", "START", "MID") and iv.end - iv.start >= dt.timedelta(hours=2):
        third = (iv.end - iv.start) / 3
        # a third of a week or longer ends at a midnight: "the end of the year" from Sept. 1, not 08:00
        lo, hi = iv.start + third, iv.end - third
        if iv.end - iv.start >= dt.timedelta(days=3):
            lo, hi = _to_midnight(lo), _to_midnight(hi)
        if m.mod == "END":
            return Interval(hi, iv.end)
        if m.mod == "START":
            return Interval(iv.start, lo)
        return Interval(lo, hi)
    return iv


def _to_midnight(d: dt.datetime) -> dt.datetime:
    """The midnight nearest to ``d``."""
    day = d.replace(hour=0, minute=0, second=0, microsecond=0)
    return day + dt.timedelta(days=1) if d - day >= dt.timedelta(hours=12) else day


def event_interval(m: Mention, kind: Kind, relation: Relation, published: dt.datetime) -> Interval | None:
    """Where the event lies: the mention's interval; for an ongoing state over a duration,
    the duration up to publication; for "within 48 hours", publication plus the duration."""
    if m.type == "DURATION":
        span = duration_of(m.value)
        if span is None:
            return None
        if kind == "ongoing" or (relation == "during" and kind == "occurred" and m.text.lower().startswith(("the past", "the last", "past", "last"))):
            return Interval(published - span, published)
        if kind in ("expected", "deadline") and (relation == "by" or m.text.lower().startswith("within")):
            return Interval(published, published + span)
        return None  # (past: "Within a week, Germany had invaded Belgium" counts from the story, not publication)
    return _narrow(m)


# ------------------------------------------------------------------ the whole step


def _kind_and_t0(tense: Tense, relation: Relation, m: Mention, iv: Interval | None,
                 published: dt.datetime, pub_end: dt.datetime) -> tuple[Kind, T0Relation]:
    after = before = contains = False
    if iv is not None:
        start, end = _naive(iv.start, published), _naive(iv.end, published)
        after = start >= pub_end
        before = end <= published
        contains = not after and not before
    if m.type == "DURATION" and relation == "during" and tense in ("perfect", "present"):
        return "ongoing", "INCLUDES"
    if relation == "starting" and tense in ("perfect",):
        return "ongoing", "INCLUDES"
    if tense == "future":
        return "expected", "AFTER"
    if tense == "past":
        return "occurred", "BEFORE"
    if tense == "perfect":
        return "occurred", "BEFORE"
    if after:
        return "expected", "AFTER"
    if before:
        return "occurred", "BEFORE"
    if contains:
        if tense == "present":
            return "ongoing", "IS_INCLUDED"
        return "occurred", "BEFORE"
    return ("ongoing", "INCLUDES") if tense == "present" else ("occurred", "BEFORE")


def _naive(d: dt.datetime, ref: dt.datetime) -> dt.datetime:
    if d.tzinfo is not None and ref.tzinfo is None:
        return d.replace(tzinfo=None)
    if d.tzinfo is None and ref.tzinfo is not None:
        return d.replace(tzinfo=ref.tzinfo)
    return d


def _deadline_word(s: Sentence, tok: int, lo: int, hi: int) -> bool:
    """A deadline word in the clause that bears on the trigger: "gave a deadline to pull back",
    "the ultimatum expires" (not "the deadline coincides with the conclusion")."""
    for d in range(lo, hi + 1):
        if s.lows[d] not in _DEADLINE_WORDS:
            continue
        a, b = sorted((d, tok))
        if d == tok or not any(
            s.kinds[k] == VERB
            or (s.lows[k].endswith("s") and s.kinds[k] == "w" and s.kinds[k + 1] == PREP and s.lows[k + 1] not in ("to", "of", "for"))
            for k in range(a + 1, b)
        ):
            return True
    return False


def _who(s: Sentence, demand: int | None) -> str | None:
    lows, kinds, words = s.lows, s.kinds, s.words
    n = len(lows)
    for i in range(n):
        if lows[i] in ("said", "says", "warned", "added") and i > 0 and lows[i - 1] in (",", '"', "”", "'"):
            j = i + 1
            name: list[str] = []
            while j < n and kinds[j] != PUNCT and kinds[j] != CLAUSE and len(name) < 6:
                name.append(words[j])
                j += 1
            if name:
                return " ".join(name)
    if demand is not None:
        j = demand - 1
        while j >= 0 and kinds[j] == AUX:
            j -= 1
        end = j
        while j >= 0 and not (kinds[j] == PUNCT and lows[j] in _BREAKS) and kinds[j] != CLAUSE and end - j < 6:
            j -= 1
        subject = words[j + 1 : end + 1]
        if subject and subject[-1].lower() not in lx.PRONOUNS and subject[-1].lower() not in ("we", "i", "you"):
            return " ".join(subject)
    return None


def _noun_phrase(s: Sentence, a: int, head: int) -> str:
    """The noun phrase ``a..head`` and the relative clause after it ("the strike that killed X")."""
    while a < head and s.lows[a] in ("the", "a", "an"):
        a += 1
    b = head
    n = len(s.lows)
    if b + 1 < n and s.lows[b + 1] in ("that", "which", "who"):
        b += 1
        while b + 1 < n and b - head < 10 and not (s.kinds[b + 1] == PUNCT and s.lows[b + 1] in _COMMA) and s.lows[b + 1] != "and":
            b += 1
    return _join(s, a, b)


def _join(s: Sentence, a: int, b: int) -> str:
    return _words_text(s.words[a : b + 1]) if a <= b else ""


def _words_text(words: Sequence[str]) -> str:
    """Words as a phrase: no space before a comma or "'s", no punctuation at the ends."""
    return " ".join(words).replace(" ,", ",").replace(" 's", "'s").strip(" ,;:\"“”")


def detect(text: str, mentions: Sequence[Mention], published: dt.datetime, *,
           has_time: bool = False) -> list[Found]:
    """The events of ``text`` dated by ``mentions`` (tagged against ``published``),
    then the events the text only orders ("retaliation for the strike")."""
    bounds = sentences(text)
    pub_end = published if has_time or published.date() == dt.date.max else published + dt.timedelta(days=1)
    # mentions by sentence
    by_sentence: dict[int, list[int]] = {}
    si = 0
    nb = len(bounds)
    for idx, m in enumerate(mentions):
        while si < nb and bounds[si][1] <= m.start:
            si += 1
        if si < nb and bounds[si][0] <= m.start:
            by_sentence.setdefault(si, []).append(idx)
    found: list[Found] = []
    trigger_at: dict[int, int] = {}  # trigger start -> index in found
    tokenized: dict[int, Sentence] = {}
    for si, idxs in by_sentence.items():
        a, b = bounds[si]
        dated = [i for i in idxs if mentions[i].type != "SET"]
        s = tokenize(text, a, b, [(mentions[i].start, mentions[i].end, i) for i in dated])
        tokenized[si] = s
        links = [(s, *link) for link in choose_links(s, dated, [mentions[i].type == "DURATION" for i in dated],
                                                     days=[mentions[i].grain in _DAY_GRAINS for i in dated])]
        if len(dated) < len(idxs):
            # "every Friday": a recurring event, on the triggers left. The SET is no time for the
            # other links (it does not stand between a time and its event), so it has its own tokens.
            sets = [i for i in idxs if mentions[i].type == "SET"]
            s_set = tokenize(text, a, b, [(mentions[i].start, mentions[i].end, i) for i in idxs])
            links += [(s_set, *link) for link in choose_links(s_set, sets, [False] * len(sets))]
        facts: _Facts | None = None
        made: list[tuple[int, int]] = []  # (index in found, trigger token)
        for s_i, i, tok, _cost_ in links:
            start = s.starts[tok]
            if start in trigger_at and s_i is not s:
                continue  # a SET does not date a trigger a time dates (a time may: see `choose_links`)
            if facts is None:
                facts = _Facts(s)
            trigger_at.setdefault(start, len(found))
            made.append((len(found), tok))
            found.append(_make(s_i, facts, bounds[si], tok, i, mentions[i], published, pub_end))
        if len(made) > 1:
            _one_per_clause(s, found, made)
    _ordered_events(text, bounds, tokenized, found, trigger_at, mentions, published, pub_end)
    return found


class _Facts:
    """What `_make` asks of a sentence whatever the event: the first demand word, whether it
    has a deadline word."""

    __slots__ = ("demand", "deadline_word")

    def __init__(self, s: Sentence) -> None:
        lows = s.lows
        # "called on police to leave" is a demand, "called a strike" is not
        self.demand = None if _DEMANDS.isdisjoint(lows) else next(
            (j for j, w in enumerate(lows)
             if w in _DEMANDS and (w != "called" or lows[j + 1 : j + 2] in (["on"], ["for"]))), None)
        self.deadline_word = not _DEADLINE_WORDS.isdisjoint(lows)


def _make(s: Sentence, facts: _Facts, bound: tuple[int, int], tok: int, i: int, m: Mention,
          published: dt.datetime, pub_end: dt.datetime) -> Found:
    times, lows = s.times, s.lows
    first = times.index(i)
    last = len(times) - 1 - times[::-1].index(i)
    relation = relation_of(s, first, m)
    if m.type == "DURATION" and tok == last + 2 and lows[last + 1] == "of":
        relation = "during"  # "after 18 months of talks": the talks took the 18 months
    tense = tense_of(s, tok)
    if m.type == "SET":
        kind, t0 = _recurring(tense)
        return _found(s, bound, tok, i, (first, last), relation, tense, kind, t0, None, False)
    # kind, deadline
    iv0 = _narrow(m) if m.type != "DURATION" else None
    ahead = iv0 is not None and _naive(iv0.start, published) >= pub_end  # the time is after publication
    span_end = first > 0 and lows[first - 1] == "to"  # "from May 2 to June 9": the end of a span
    if tense == "past" and tok and lows[tok - 1] == "to" and ahead:
        tense = "future"  # "had agreed to exchange prisoners by the end of the week": the infinitive is ahead
    kind, t0 = _kind_and_t0(tense, relation, m, iv0, published, pub_end)
    demand = facts.demand if facts.demand is not None and facts.demand < tok else None
    if demand is not None and any(lows[k] in _BREAKS or (s.kinds[k] == CLAUSE and lows[k] not in ("and", "or"))
                                  for k in range(demand + 1, tok)):
        demand = None  # a demand of another clause ("gave them until Friday to register, and warned that ...")
    # "gave households until Friday to register": the demand itself is dated by what is due; so is
    # a commitment ("both sides agreed to exchange prisoners by Friday")
    # "banks have until June 30 to submit": time given, and what is due is the infinitive
    given = relation == "until" and lows[tok] in _HAVE_UNTIL and tok + 2 == first
    demanding = relation in ("by", "until") and not span_end and (
        tok == facts.demand or (relation == "by" and lows[tok] in _COMMITMENTS) or given)
    # "will decide within weeks": no count, so nothing is due at any instant; an expected event
    vague = m.type == "DURATION" and "X" in (m.value or "")
    deadline = not vague and (demanding or kind != "occurred" and (
        relation == "by" or (relation == "until" and not span_end)
        or (facts.deadline_word and _deadline_word(s, tok, *_deadline_clause(s, tok, first, last)))
        or (relation == "starting" and demand is not None)
        or "no later than" in " ".join(lows[max(0, first - 3) : first])
    ))
    if deadline:
        kind = "deadline"
        if t0 != "BEFORE" or (demanding and ahead):
            t0 = "AFTER"
    if m.type == "DURATION" and last + 1 < len(lows) and lows[last + 1] == "of":
        iv = None  # "within 14 days of a petition being filed": counted from an event, not publication
    elif m.type == "DURATION" and lows[tok] in lx.IMPOSING and relation == "during":
        iv = None  # "has declared a state of calamity for 60 days": the state runs from the decree, not back
    elif m.type == "DURATION":
        try:
            iv = event_interval(m, kind, relation, published)
            if kind == "deadline" and m.type == "DURATION" and iv is None:
                span = duration_of(m.value)
                iv = None if span is None else Interval(published, published + span)
        except (ValueError, OverflowError):  # a duration that leaves the calendar
            iv = None
    else:
        iv = iv0  # event_interval of a date or a time: the mention's, narrowed
        if kind == "ongoing" and relation == "starting" and iv is not None:
            # "has continued since September": from then up to publication, as "for months" is
            now = _naive(published, iv.start)
            if iv.start < now:
                iv = Interval(iv.start, now)
    who = what = None
    if deadline:
        who = _who(s, demand if not demanding else tok)
        if demanding:
            what, infinitive = _demanded(s, tok, first, last)
            if what is not None and lows[tok] in _COMMITMENTS:
                what = what.removeprefix("to ")  # "exchange prisoners", promised by the subject
            if given:
                # the subject has the time: "banks to submit their results", demanded by nobody named
                subject = who
                who = None
                if what is not None and subject:
                    what = f"{subject} {what}"
            if infinitive is not None:
                # the event is what is due ("to register"), not the demand ("gave"), a word of its own
                tok = infinitive
        elif demand is not None:
            cut = first - 1
            while cut > demand and lows[cut] in _DUE_CUT:
                cut -= 1
            start = demand + 2 if lows[demand + 1 : demand + 2] in (["on"], ["upon"]) else demand + 1
            what = _join(s, start, cut)  # "called on members to return": members to return
    return _found(s, bound, tok, i, (first, last), relation, tense, kind, t0, iv, deadline, who, what)


def _demanded(s: Sentence, demand: int, first: int, last: int) -> tuple[str | None, int | None]:
    """What a demand verb dated by its deadline asks for, and the verb of its infinitive: "gave
    households until midnight on Friday to register for vouchers" -> "households to register for
    vouchers" and "register" (None, None when its clause has no infinitive)."""
    lows, kinds = s.lows, s.kinds
    lead = first - 1 if first - 1 > demand and kinds[first - 1] == PREP else first
    end = demand
    n = len(lows)
    while end + 1 < n and not (lows[end + 1] in _BREAKS or lows[end + 1] in ".!?" or
                               (kinds[end + 1] == CLAUSE and lows[end + 1] not in ("and", "or"))):
        end += 1
    words = [k for k in range(demand + 1, end + 1) if not lead <= k <= last]
    infinitive = next((k + 1 for k in words if lows[k] == "to" and k + 1 <= end and kinds[k + 1] == VERB), None)
    if infinitive is None:
        return None, None  # no infinitive: nothing said to be due
    return _words_text([s.words[k] for k in words]), infinitive


def _found(s: Sentence, bound: tuple[int, int], tok: int, i: int, span: tuple[int, int], relation: Relation,
           tense: Tense, kind: Kind, t0: T0Relation, interval: Interval | None, deadline: bool,
           who: str | None = None, what: str | None = None) -> Found:
    """The event of trigger ``tok``, dated by mention ``i`` (tokens ``span`` of the sentence)."""
    return Found(
        sentence=bound,
        trigger=(s.starts[tok], s.ends[tok]),
        trigger_text=s.words[tok],
        description=describe(s, tok, span),
        mention=i,
        relation=relation,
        tense=tense,
        kind=kind,
        t0=t0,
        interval=interval,
        deadline=deadline,
        demanded_by=who,
        due_what=what,
    )


def _recurring(tense: Tense) -> tuple[Kind, T0Relation]:
    """The kind of an event that recurs ("have gathered outside the embassy every Friday"): it is
    dated by the SET mention, with no interval of its own (exports write its recurrence rule). It
    is ``ongoing`` (the series holds publication) unless the tense puts it after (``expected``)
    or before (``occurred``: "met every Friday until 1990")."""
    if tense == "future":
        return "expected", "AFTER"
    if tense == "past":
        return "occurred", "BEFORE"
    return "ongoing", "INCLUDES"


def _one_per_clause(s: Sentence, found: list[Found], made: list[tuple[int, int]]) -> None:
    """One event per clause and time. Two triggers that one time dates, where one's description
    holds the other's ("reported a fourth-quarter loss"; "told them to leave by Sunday"), are
    one event: the first (the deadline, if one is) keeps it, the other becomes its ``same_as``.
    Two events of one clause with different times ("By Sunday morning no group claimed Saturday's
    attacks") stay two, and the noun the other time modifies is described by its noun phrase
    ("Saturday's attacks"), so that they do not read alike."""
    for x, (a, tok_a) in enumerate(made):
        fa = found[a]
        if fa.same_as is not None:
            continue
        for b, tok_b in made[x + 1 :]:
            fb = found[b]
            if fb.same_as is not None:
                continue
            da, db = fa.due_what or fa.description, fb.due_what or fb.description
            if fa.mention == fb.mention:
                if da and db and (da in db or db in da):
                    keep, drop = (b, a) if fb.deadline and not fa.deadline else (a, b)
                    found[drop] = attrs.evolve(found[drop], same_as=keep)
                    fa = found[a]
                    if fa.same_as is not None:
                        break
            elif da == db:
                for n, tok in ((a, tok_a), (b, tok_b)):
                    f = found[n]
                    if s.kinds[tok] == NOUN and f.mention is not None and _modified_by(s, tok, f.mention):
                        found[n] = attrs.evolve(f, description=_noun_phrase(s, _phrase_start(s, tok), tok))
                        break
                fa = found[a]


def _modified_by(s: Sentence, tok: int, mention: int) -> bool:
    """Whether the time ``mention`` modifies the noun ``tok`` ("Saturday's attacks")."""
    if mention not in s.times:
        return False
    first, last = _span(s, mention)
    return _modified(s, first, last) == tok


def _phrase_start(s: Sentence, head: int) -> int:
    """The first word of the noun phrase of ``head``: "Saturday's attacks", "a fourth-quarter loss"."""
    a = head
    while a > 0 and head - a < 6 and (s.kinds[a - 1] in (DET, "w", NUMBER, TIME, NOUN) or s.lows[a - 1] in ("'s", "’s")):
        a -= 1
    return a


_DUE_CUT: Final = frozenset(("starting", "beginning", "on", "at", "by", "until", "from", "no", "later", "than",
                             "within", ",", "before"))


def _deadline_clause(s: Sentence, tok: int, first: int, last: int) -> tuple[int, int]:
    """The clause around the trigger and its time, where a deadline word bears on the event."""
    lo, hi = min(tok, first), max(tok, last)
    return _clause_bounds(s, lo, (first, last))[0], _clause_bounds(s, hi, (first, last))[1]


def _order_cues(text: str) -> list[int]:
    """Where the cues of `_ORDER_RE` start, in order. ASCII text (the common case) is searched
    with `str.find` on its lower case, which is several times faster than the regex."""
    if not text.isascii():
        return [m.start() for m in _ORDER_RE.finditer(text)]
    low = text.lower()
    out: list[int] = []
    for cue in _ORDER_CUES:
        k = len(cue)
        at = low.find(cue)
        while at >= 0:
            if (at == 0 or not _is_word_char(low[at - 1])) and (at + k == len(low) or not _is_word_char(low[at + k])):
                out.append(at)
            at = low.find(cue, at + k)
    out.sort()
    return out


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _ordered_events(text: str, bounds: list[tuple[int, int]], tokenized: dict[int, Sentence],
                    found: list[Found], trigger_at: dict[int, int], mentions: Sequence[Mention],
                    published: dt.datetime, pub_end: dt.datetime) -> None:
    """Events without a time that the text orders: "X, retaliation for Y" puts Y before X.

    X is the sentence's first event; when it has no time but its trigger word
    dates an event elsewhere ("the attacks" ... "Saturday's attacks"), that
    event stands for it.
    """
    by_word: dict[str, int] = {}
    for n, f in enumerate(found):
        by_word.setdefault(f.trigger_text.lower(), n)
    if not found:
        return
    starts = [a for a, _ in bounds]
    done: set[int] = set()
    for at in _order_cues(text):
        si = bisect.bisect_right(starts, at) - 1
        if si < 0 or si in done or at >= bounds[si][1]:
            continue
        done.add(si)
        a, b = bounds[si]
        s = tokenized.get(si) or tokenize(text, a, b, [])
        cue = bisect.bisect_left(s.starts, at)
        if cue == len(s.starts):
            continue
        # the earlier event: the first trigger after the cue (and its "for"/"to")
        earlier = None
        for j in range(cue + 1, min(len(s.lows), cue + 8)):
            if s.kinds[j] in (PUNCT, CLAUSE):
                break  # not past the phrase the cue opens ("after a pause, and mediators said")
            if s.kinds[j] in (VERB, NOUN) and s.lows[j] not in _EARLIER_CUES:
                earlier = j
                break
        if earlier is None:
            continue
        np_start = earlier
        while np_start > 0 and s.kinds[np_start - 1] not in (PREP, PUNCT, CLAUSE, VERB, AUX):
            np_start -= 1
        # the head of its noun phrase: "the US precision drone strike"
        while (earlier + 1 < len(s.kinds) and s.kinds[earlier + 1] in (NOUN, VERB, "w")
               and s.words[earlier + 1][0].islower() and s.lows[earlier + 1] not in ("that", "which", "who")):
            earlier += 1
        # the later event: the first trigger of the sentence before the cue
        later = next((j for j in range(0, cue) if s.kinds[j] in (VERB, NOUN)), None)
        if s.lows[cue] in _EARLIER_CUES and later is None:
            later = cue
        if later is None:
            continue
        later_idx = trigger_at.get(s.starts[later])
        if later_idx is None:
            later_idx = by_word.get(s.lows[later])
        if later_idx is None:
            continue
        if s.starts[earlier] in trigger_at:
            e_idx = trigger_at[s.starts[earlier]]
            found[e_idx] = attrs.evolve(found[e_idx], before=(*found[e_idx].before, later_idx))
            continue
        tense = tense_of(s, earlier)
        found.append(
            Found(
                sentence=(a, b),
                trigger=(s.starts[earlier], s.ends[earlier]),
                trigger_text=s.words[earlier],
                description=_noun_phrase(s, np_start, earlier),
                mention=None,
                relation=None,
                tense=tense,
                kind="occurred",
                t0="BEFORE",
                interval=None,
                deadline=False,
                before=(later_idx,),
            )
        )
        trigger_at[s.starts[earlier]] = len(found) - 1


# ------------------------------------------------------------------ every event to publication


def _t0_of_tense(tense: Tense, noun: bool) -> T0Relation:
    if tense == "future":
        return "AFTER"
    if tense in ("past", "perfect"):
        return "BEFORE"
    if tense == "present":
        return "INCLUDES"
    return "BEFORE" if noun else "INCLUDES"


def publication_relations(text: str, mentions: Sequence[Mention], published: dt.datetime, *,
                          has_time: bool = False) -> list[tuple[int, int, T0Relation]]:
    """(trigger start, trigger end, relation to publication) of every event word of ``text``.

    The events of the timeline keep their own relation (from their time and
    tense); every other verb or event noun is related by its tense alone
    (`tense_relations`).
    """
    found = detect(text, mentions, published, has_time=has_time)
    out: dict[int, tuple[int, int, T0Relation]] = {f.trigger[0]: (*f.trigger, f.t0) for f in found}
    return sorted([*out.values(), *tense_relations(text, skip=out.keys())])


def tense_relations(text: str, skip: Container[int] = ()) -> list[tuple[int, int, T0Relation]]:
    """(start, end, relation to publication) of every verb and event noun of ``text`` that does not
    start at an offset of ``skip``, by its tense alone.

    A future, a modal or an infinitive ("agreed to pay") is AFTER, a past or
    perfect BEFORE, a present, a progressive perfect ("have been falling") or
    "being" INCLUDES; a noun takes the tense of the verb before it in its
    sentence (BEFORE when there is none), unless "proposed", "planned" and the
    like put it ahead ("the proposed merger").
    """
    out: list[tuple[int, int, T0Relation]] = []
    for a, b in sentences(text):
        s = tokenize(text, a, b, [])
        kinds, starts, ends = s.kinds, s.starts, s.ends
        verb_tense: Tense = "none"
        for j, k in enumerate(kinds):
            if (k != VERB and k != NOUN) or starts[j] in skip:
                continue
            if k == VERB:
                tense = tense_of(s, j)
                if tense != "none":
                    verb_tense = tense
                out.append((starts[j], ends[j], _t0_of_tense(tense, False)))
            else:  # "the proposed merger" looks ahead whatever the verb; other nouns take the verb's tense
                own = tense_of(s, j)
                out.append((starts[j], ends[j], _t0_of_tense(own if own == "future" else verb_tense, True)))
    return out
