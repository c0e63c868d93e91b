"""Readable event descriptions from a dependency parse.

``describe(doc, i, skip)`` names the event whose trigger is token ``i`` of a
parsed spaCy ``Doc`` with a short phrase built from the parse rather than a
window of words: for a verb, its subject, its verb group (auxiliaries,
negation and modal kept) and its object or complement; for an event noun, its
noun phrase. Time expressions (character spans in ``skip``) are left out with
the preposition that introduces them.

The parts are put together in subject - verb - object order, each part in the
order of the text, so that a subject found elsewhere (the noun a relative
clause hangs on, the controller of an infinitive, the subject shared by two
verbs joined by "and") reads before its verb.

Which dependents go into which part is data: the tables below. The model is
never loaded here; the caller passes the document's parse.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, Final

import attrs

from timeline.events.find_lexicon import REPORTING
from timeline.syntax.sentences import sentence, story_start

if TYPE_CHECKING:  # pragma: no cover - spaCy is needed only by the caller
    from spacy.tokens import Doc, Span, Token

__all__ = ["MAX_WORDS", "Description", "describe"]

#: a description longer than this many words is trimmed (see `describe`)
MAX_WORDS: Final = 12


@attrs.frozen
class Description:
    """A short phrase naming an event, with its subject and object as written."""

    text: str  #: the readable phrase: "the bridge would reopen"
    subject: str | None  #: the event's subject: "the prime minister", "Iraq's parliament"
    object: str | None  #: its direct object or complement: "the budget", "500 jobs"


# --- tables ------------------------------------------------------------------------------
#: dependents that make a subject
SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
#: dependents of a verb kept in its verb group: "may be broken", "did not sign", "called off"
VERB_GROUP_DEPS: Final = frozenset({"aux", "auxpass", "neg", "prt"})
#: dependents that make the object or complement, in order of preference
OBJECT_DEPS: Final = ("dobj", "attr", "acomp", "oprd", "npadvmod")  # npadvmod: a figure, "fell 8%"
#: a second object kept before the first: "gave the union an offer"
DATIVE_DEPS: Final = frozenset({"dative"})
#: dependents kept in a noun phrase: determiner, possessor, modifiers, the parts of a name or figure
NP_DEPS: Final = frozenset({"det", "predet", "poss", "compound", "amod", "nummod", "quantmod", "nmod", "case"})
#: dependents of an adjective or a number kept with it: "very large", "about 500"
MODIFIER_DEPS: Final = frozenset({"advmod", "npadvmod", "compound", "quantmod", "nummod", "amod", "nmod", "det"})
#: prepositions whose phrase stays with a subject or object noun when short ("the head of the bank",
#: "130 km per hour")
NP_PREPS: Final = frozenset({"of", "per"})
#: prepositions that make one unit with a figure's noun, kept even in a lean phrase: "130 km per hour"
UNIT_PREPS: Final = frozenset({"per"})
#: words that say how much of something, kept with their "of" phrase even in a lean phrase:
#: "destroyed much of the harvest", "half of the fleet"
QUANTITY_WORDS: Final = frozenset("much most many some all half part none any each both few several rest".split())
#: prepositions after a number that make one figure with it: "nine in ten", "41 to 38"
NUMBER_PREPS: Final = frozenset("in to out".split())
#: prepositions whose phrase stays with an event noun when short ("the vote on the budget")
EVENT_NOUN_PREPS: Final = frozenset(
    "of on over against with between for by to in into from about among".split()
)
#: prepositions after an event noun that the parser hangs on the verb ("held a vote [on the budget]")
#: and that still say what the event is about
VERB_HELD_NOUN_PREPS: Final = frozenset("on over against with between about".split())
#: verbs whose object is a length of time, kept though it is a time expression: "lasted eleven days",
#: "gave Ovind 14 days to appeal", "faces up to ten years in prison"
TIME_ARGUMENT_VERBS: Final = frozenset("last take spend span give face serve".split())
#: adverbs that are the predicate of "be": "the race was not over", "the power was back"
PREDICATE_ADVERBS: Final = frozenset("over back out off up down away home".split())
#: verbs with an object and a participle saying its state: "left hundreds of trucks stranded"
OBJECT_STATE_VERBS: Final = frozenset("leave keep find make get hold render".split())
#: prepositions that start an adjunct, not the argument a verb is about ("after the vote", "despite")
ADJUNCT_PREPS: Final = frozenset(
    """after before during since until till despite amid amidst following because as like than while
    throughout within without including except""".split()
)
#: relative words resolved to the noun their clause hangs on
RELATIVE_TAGS: Final = frozenset({"WDT", "WP"})
#: punctuation kept inside a word ("cease-fire", "$5", "3.5%"); every other mark is dropped
WORD_MARKS: Final = frozenset({"-", "–", "/", "&", "%", "$", "£", "€", "'s", "'"})
#: tags of quotation marks: always dropped, so quotes never come unbalanced
QUOTE_TAGS: Final = frozenset({"``", "''"})
#: words a description may not end with, nor start with ("and", "of", "to", an article)
DANGLING_END: Final = frozenset(
    "and or but nor of to the a an in on at for with by from that which who whose as than".split()
)
DANGLING_START: Final = frozenset("and or but nor that which".split())
#: short forms written onto the word before ("we've", "didn't")
CLITICS: Final = frozenset("n't 's 're 've 'll 'd 'm".split())
#: tags of proper nouns: their case is kept at the start of a sentence
PROPER_TAGS: Final = frozenset({"NNP", "NNPS"})
#: the longest prepositional phrase (in words) kept with a noun or as a verb's argument
SHORT_PP: Final = 5
#: prepositions whose phrase after a verb's object says where the object goes, part of the
#: event: "sent the euro [to a high]", "sold the unit [to a rival]", "cut rates [to 2%]"
GOAL_PREPS: Final = frozenset("to into onto above below".split())
#: nouns that measure an adjective or participle without a number: "[a little] slower", "[a bit] late"
MEASURE_WORDS: Final = frozenset("little bit lot".split())
#: adverbs of direction that complete a verb with their own phrase: "get [1,000 meters away from
#: the bases]", "pull [back from the border]"
DIRECTION_ADVERBS: Final = frozenset("away back out off home down up aside".split())


# --- parts ---------------------------------------------------------------------------------
@attrs.define
class _Ctx:
    doc: Doc
    start: int  # sentence bounds
    end: int
    skipped: _Skipped
    first: int  # the sentence's first word (after an opening quote)
    the_before: set[int] = attrs.Factory(set)  # tokens that get "the" before them (a removed time)


class TimeSpans:
    """Character spans of time expressions, sorted once, so that whether a token falls in one is
    a bisection (a sentence may hold thousands of them)."""

    __slots__ = ("ends", "spans")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        # the furthest end of the spans up to each one
        self.ends = list(accumulate((e for _, e in self.spans), max))

    def __bool__(self) -> bool:
        return bool(self.spans)

    def overlaps(self, a: int, b: int) -> bool:
        """Whether ``[a, b)`` overlaps one of the spans."""
        k = bisect.bisect_left(self.spans, (b, -1))  # the spans that start before ``b`` ...
        return bool(k) and self.ends[k - 1] > a  # ... one of which ends after ``a``


class _Skipped:
    """The tokens inside a time expression, with what is left hanging without it: the possessive
    mark of a time ("Saturday 's"), a preposition whose object was the time ("on Monday").
    Worked out for the tokens a description visits only (``i in skipped``)."""

    __slots__ = ("doc", "memo", "spans")

    def __init__(self, doc: Doc, spans: TimeSpans) -> None:
        self.doc = doc
        self.spans = spans
        self.memo: dict[int, bool] = {}

    def __contains__(self, i: object) -> bool:
        if not self.spans or not isinstance(i, int):
            return False
        hit = self.memo.get(i)
        if hit is None:
            self.memo[i] = False  # a guard against cycles
            hit = self.memo[i] = self._test(i)
        return hit

    def _test(self, i: int) -> bool:
        t = self.doc[i]
        a = t.idx
        if self.spans.overlaps(a, a + len(t)):
            return True
        dep = t.dep_
        if dep == "case" and t.head.i != i:
            return t.head.i in self
        if dep in ("prep", "agent") or t.pos_ == "ADP":
            kids = [c.i for c in t.children if c.dep_ != "punct"]
            return bool(kids) and all(k in self for k in kids)
        return False


def _np(ctx: _Ctx, head: Token, full: bool, preps: frozenset[str] = NP_PREPS) -> list[int]:
    """A noun phrase: ``head`` with its determiner and modifiers, plus a short prepositional phrase
    (one whose preposition is in ``preps``) when ``full``."""
    out = [head.i]
    has_det = lost_det = False
    pp_done = not full
    skipped = ctx.skipped
    for c in head.children:
        dep = c.dep_
        if c.i in skipped and not (dep == "prep" and c.lower_ in UNIT_PREPS and c.i > head.i):
            lost_det = lost_det or dep in ("det", "poss")
            continue
        if dep in NP_DEPS:
            out.extend(_modifier(ctx, c))
            has_det = has_det or dep in ("det", "poss", "predet")
        elif dep == "punct" and c.text in WORD_MARKS:
            out.append(c.i)
        elif dep in ("advmod", "quantmod") and head.pos_ == "NUM":
            out.extend(_modifier(ctx, c))  # "nearly nine", "about 500"
        elif (not pp_done or c.lower_ in UNIT_PREPS or (c.lower_ == "of" and head.lower_ in QUANTITY_WORDS)) \
                and dep == "prep" and c.i > head.i and (
                c.lower_ in preps or c.lower_ in UNIT_PREPS or (head.pos_ == "NUM" and c.lower_ in NUMBER_PREPS)):
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp") and g.i not in skipped), None)
            if obj is None and c.lower_ in UNIT_PREPS:
                # "130 km per hour": a unit, though the tagger reads "per hour" as a time (a SET)
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    for t in (c, *obj.subtree):
                        skipped.memo[t.i] = False
            if obj is not None:
                pp = _np(ctx, obj, full=False)
                if len(pp) <= SHORT_PP:
                    out.append(c.i)
                    out.extend(pp)
                    pp_done = True
    if lost_det and not has_det and head.tag_ not in PROPER_TAGS:
        ctx.the_before.add(min(out))
    if head.tag_ in PROPER_TAGS:
        out.extend(_name_rest(ctx, head))
    return out


def _name_rest(ctx: _Ctx, head: Token) -> list[int]:
    """The rest of a name the parser split into two arguments of one verb ("beat [Kesslau]
    [Athletic]": two objects): the proper nouns right after ``head`` with its head and label."""
    out: list[int] = []
    j = head.i + 1
    while j < ctx.end and j - head.i <= 3:
        t = ctx.doc[j]
        if t.tag_ not in PROPER_TAGS or t.head.i != head.head.i or t.dep_ != head.dep_ or j in ctx.skipped:
            break
        out.append(j)
        j += 1
    return out


def _modifier(ctx: _Ctx, tok: Token) -> list[int]:
    """A modifier inside a noun phrase with its own modifiers: "Iraq 's", "about 500", "long-awaited"."""
    if tok.dep_ == "poss":
        return _np(ctx, tok, full=False)
    out = [tok.i]
    for c in tok.children:
        if c.i in ctx.skipped:
            continue
        if c.dep_ in MODIFIER_DEPS or c.dep_ == "case":
            out.extend(_modifier(ctx, c))
        elif c.dep_ == "punct" and c.text in WORD_MARKS:
            out.append(c.i)
    return out


def _verb_group(ctx: _Ctx, verb: Token) -> list[int]:
    out = [verb.i]
    for c in verb.children:
        if c.dep_ in VERB_GROUP_DEPS and c.i not in ctx.skipped:
            out.append(c.i)
    return out


def _shared_modal(ctx: _Ctx, verb: Token) -> list[int]:
    """The modal a bare verb after "and" shares with the verb before it ("would keep ... and continue")."""
    if verb.dep_ != "conj" or verb.tag_ != "VB" or any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return []
    return [c.i for c in verb.head.children if c.dep_ in ("aux", "neg") and c.tag_ in ("MD", "RB")
            and c.i not in ctx.skipped]


def _is_relative(tok: Token) -> bool:
    """A relative word: "which", "who", and "that" when it stands for a noun ("projects that the city needed")."""
    return tok.tag_ in RELATIVE_TAGS or (tok.lower_ == "that" and tok.dep_ in ("nsubj", "nsubjpass", "dobj")
                                         and tok.head.dep_ == "relcl")  # not "cannot do that"


def _noun_of_relative(verb: Token) -> Token | None:
    """The noun a relative clause hangs on ("the deal that the board approved" -> deal)."""
    v = verb
    for _ in range(3):  # "the storm, which forecasters said had strengthened": up through "said"
        if v.dep_ == "relcl":
            return v.head if v.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") else None
        if v.head.i == v.i:
            return None
        v = v.head
    return None


def _subject(ctx: _Ctx, verb: Token) -> Token | None:
    """The subject of ``verb``: its own, the one it shares through "and", the noun it modifies."""
    v = verb
    for _ in range(4):
        # the subject nearest the verb, inside the sentence ("PORT HALDEN, May 20 - Dock workers ... will walk")
        subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS and c.i not in ctx.skipped and c.i >= ctx.start]
        if subjects:
            c = min(subjects, key=lambda c: abs(c.i - v.i))
            if _is_relative(c):
                return _noun_of_relative(v)
            return c
        if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
            v = v.head
            continue
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.i > 0 and v.doc[v.i - 1].text == ",":
            # "approved the extradition of an executive, rejecting his argument": set off by a
            # comma, the participle tells more of the clause; its subject is the clause's
            up = v.head
            for _ in range(4):
                if up.pos_ in ("VERB", "AUX"):
                    subj = _subject(ctx, up) if up.i != verb.i else None
                    return None if subj is None or subj.dep_ == "expl" else subj
                if up.head.i == up.i:
                    return None
                up = up.head
            return None
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN") and v.tag_ in ("VBN", "VBG"):
            return v.head  # "the bridge closed by the storm", "workers demanding higher pay"
        return None
    return None


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _controller(verb: Token) -> list[Token]:
    """What an infinitive or a gerund hangs from, up to the verb that gives it its subject:
    [expected] for "is expected to vote", [plans, announced] for "announced plans to cut",
    [ready, was] for "was ready to appoint", [of, accused] for "accused Kolar of mismanaging",
    [meet] for "would meet to discuss". Empty when there is none."""
    head, dep = verb.head, verb.dep_
    if head.i == verb.i:
        return []
    if dep == "xcomp" and head.pos_ in ("VERB", "AUX"):
        return [head]
    if dep == "advcl" and _has_to(verb) and head.pos_ in ("VERB", "AUX"):
        return [head]
    if dep in ("xcomp", "acl") and head.pos_ == "ADJ" and head.dep_ in ("acomp", "attr") \
            and head.head.pos_ in ("VERB", "AUX"):
        return [head, head.head]
    if dep in ("acl", "relcl") and _has_to(verb) and head.pos_ == "NOUN" and head.dep_ in ("dobj", "attr") \
            and head.head.pos_ in ("VERB", "AUX"):
        return [head, head.head]
    if dep == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.lower_ not in ADJUNCT_PREPS \
            and head.head.pos_ in ("VERB", "AUX"):
        return [head, head.head]
    return []


#: dashes that set off an aside: "collapsed on Friday -- the third failure in a month --"
ASIDE_DASHES: Final = frozenset({"--", "—", "–"})


def _aside(ctx: _Ctx, verb: Token, obj: Token) -> bool:
    """Whether a dash stands between the verb and its object: the "object" is an aside the
    parser took for one."""
    a, b = sorted((verb.i, obj.i))
    return any(t.text in ASIDE_DASHES for t in ctx.doc[a + 1 : b])


def _first_object(ctx: _Ctx, verb: Token) -> Token | None:
    for dep in OBJECT_DEPS:
        for c in verb.children:
            if c.dep_ == dep and c.i in ctx.skipped and dep == "dobj":
                # "to end [two decades of] war": the length is left out, what it measures stays
                of = next((g for g in c.children if g.dep_ == "prep" and g.lower_ == "of"), None)
                obj = None if of is None else next((g for g in of.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.i not in ctx.skipped:
                    return obj
            if c.dep_ == dep and c.i not in ctx.skipped and not _aside(ctx, verb, c) and (
                    dep != "npadvmod" or c.i > verb.i and (c.like_num or any(g.like_num for g in c.children))):
                if _is_relative(c):
                    return _noun_of_relative(verb)
                return c
    if verb.lemma_ in TIME_ARGUMENT_VERBS:
        span = next((c for c in verb.children if c.dep_ in ("npadvmod", "dobj") and c.i > verb.i
                     and c.i in ctx.skipped), None)
        if span is not None:  # "lasted [eleven days]", "gave Ovind [14 days]": the time is what the verb is about
            for t in span.subtree:
                ctx.skipped.memo[t.i] = False
            return span
    if verb.lemma_ == "be":
        # "the race was not [over]": an adverb for predicate
        return next((c for c in verb.children if c.dep_ == "advmod" and c.i > verb.i
                     and c.lower_ in PREDICATE_ADVERBS and c.i not in ctx.skipped), None)
    return None


def _argument_pp(ctx: _Ctx, verb: Token) -> list[int]:
    """A short prepositional argument after the verb: "voted on the budget", "resigned from the board"."""
    for c in verb.children:
        if c.dep_ in ("prep", "agent") and c.i > verb.i and c.i not in ctx.skipped \
                and c.lower_ not in ADJUNCT_PREPS:
            obj = next((g for g in c.children if g.dep_ == "pobj" and g.i not in ctx.skipped), None)
            head = [c.i]
            gerund = next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
                           and g.i not in ctx.skipped), None)
            if obj is None and gerund is not None:  # "vote [on ousting US troops]"
                inner_obj = _first_object(ctx, gerund)
                pp = [gerund.i, *(_np(ctx, inner_obj, full=False) if inner_obj is not None else [])]
                return [*head, *pp] if len(pp) <= SHORT_PP else []
            if obj is None:  # "ran out [of water]"
                inner = next((g for g in c.children if g.dep_ == "prep" and g.i not in ctx.skipped), None)
                if inner is None:
                    return []
                obj = next((g for g in inner.children if g.dep_ == "pobj" and g.i not in ctx.skipped), None)
                if obj is None:
                    return []
                head.append(inner.i)
            pp = _np(ctx, obj, full=False)
            return [*head, *pp] if len(pp) <= SHORT_PP else []
    return []


def _goal_pp(ctx: _Ctx, verb: Token, obj: Token) -> list[int]:
    """Where the object goes, short: "sent the euro [to a high]" (`GOAL_PREPS`)."""
    for c in verb.children:
        if c.dep_ == "prep" and c.i > obj.i and c.lower_ in GOAL_PREPS and c.i not in ctx.skipped:
            pobj = next((g for g in c.children if g.dep_ == "pobj" and g.i not in ctx.skipped), None)
            if pobj is None:
                return []
            pp = _np(ctx, pobj, full=False)
            return [c.i, *pp] if len(pp) <= SHORT_PP else []
    return []


def _adverb_argument(ctx: _Ctx, verb: Token) -> list[int]:
    """An adverb of direction with its phrase: "get [at least 1,000 meters away from US bases]"."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.i > verb.i and c.lower_ in DIRECTION_ADVERBS and c.i not in ctx.skipped:
            out = [c.i]
            for g in c.children:
                if g.dep_ == "npadvmod" and g.i < c.i and g.i not in ctx.skipped:
                    out.extend(t.i for t in g.subtree if t.i not in ctx.skipped)  # "at least 1,000 meters"
            return out + _argument_pp(ctx, c)
    return []


def _clause(ctx: _Ctx, verb: Token) -> list[int]:
    """A reported clause, short: its "that", subject, verb group and object ("they hoped to reach a
    deal", "it would publish the count")."""
    out = [c.i for c in verb.children if c.dep_ == "mark" and c.lower_ == "that" and c.i not in ctx.skipped]
    subj = _subject(ctx, verb)
    if subj is not None:
        out.extend(_np(ctx, subj, full=False))
    out.extend(_verb_group(ctx, verb))
    obj = _first_object(ctx, verb)
    if obj is not None:
        out.extend(_np(ctx, obj, full=False))
    out.extend(_xcomp_down(ctx, verb))
    return out


def _bare_clause(ctx: _Ctx, verb: Token) -> list[int]:
    """A bare infinitive clause as the verb's complement: "helping [two companies win contracts]"."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.tag_ in ("VB", "VBP") and c.i > verb.i \
                and not any(g.dep_ in ("mark", "aux") for g in c.children):
            subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
            obj = _first_object(ctx, c)
            out = [c.i]
            for part in (subj, obj):
                if part is not None:
                    out.extend(_np(ctx, part, full=False))
            return out
    return []


def _xcomp_down(ctx: _Ctx, verb: Token) -> list[int]:
    """An infinitive the verb governs, with its object: "threatened [to strike]", "agreed [to meet]"."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.i > verb.i and c.i not in ctx.skipped:
            out = _verb_group(ctx, c)
            obj = _first_object(ctx, c)
            if obj is not None:
                out.extend(_np(ctx, obj, full=False))
            return out
    return []


# --- rendering -----------------------------------------------------------------------------
class _Whole(str):
    """A word that may end a description though it is in `DANGLING_END`: a particle ("the
    visitors held [on]") or a demonstrative object ("cannot do [that]")."""

    __slots__ = ()


def _whole(t: Token) -> bool:
    return t.dep_ == "prt" or (t.dep_ in ("dobj", "pobj") and t.tag_ == "DT")


def _words(ctx: _Ctx, idx: Iterable[int]) -> list[tuple[str, bool]]:
    """(word, joined to the word before) for the tokens ``idx`` in text order."""
    doc = ctx.doc
    out: list[tuple[str, bool]] = []
    prev = -2
    for i in sorted(set(idx)):
        if i in ctx.skipped or not ctx.start <= i < ctx.end:
            continue
        t = doc[i]
        if t.tag_ in QUOTE_TAGS or (t.is_punct and t.text not in WORD_MARKS):
            continue
        text = t.text
        if i == ctx.first and t.tag_ not in PROPER_TAGS and text != "I":
            text = text.lower()
        if i in ctx.the_before:
            out.append(("the", False))
            prev = -2
        glued = bool(out) and (
            (prev == i - 1 and not doc[prev].whitespace_) or t.tag_ == "POS" or t.lower_ in CLITICS
        )
        out.append((_Whole(text) if _whole(t) else text, glued))
        prev = i
    # a word mark left without its word on one side ("cease -" when "fire" was dropped)
    while out and out[-1][0] in WORD_MARKS and out[-1][0] not in ("%", "'s"):
        out.pop()
    return out


def _join(words: list[tuple[str, bool]]) -> str:
    return "".join(w if glued or k == 0 else " " + w for k, (w, glued) in enumerate(words))


def _count(words: list[tuple[str, bool]]) -> int:
    return sum(1 for _, glued in words if not glued)


def _phrase(parts: list[list[tuple[str, bool]]]) -> str:
    words = [w for p in parts for w in p]
    while words and words[-1][0].lower() in DANGLING_END and not isinstance(words[-1][0], _Whole):
        words.pop()
    while words and words[0][0].lower() in DANGLING_START:
        words.pop(0)
    if words:
        words[0] = (words[0][0], False)
    return _join(words)


def _text_or_none(words: list[tuple[str, bool]]) -> str | None:
    return _join(words) or None


# --- describe --------------------------------------------------------------------------------
def describe(doc: Doc, token: int, skip: Sequence[tuple[int, int]] | TimeSpans = (), *,
             chain: bool = True) -> Description:
    """Describe the event whose trigger is ``doc[token]``, leaving out the time spans ``skip``.
    Without ``chain``, an infinitive or a gerund is described alone ("get away from the bases"),
    not from the verb it hangs from ("we ask security forces to get away ...").

    A verb gives subject + verb group + object or complement ("the bridge would reopen",
    "the union did not sign the deal"); a noun gives its noun phrase ("the vote on the budget").
    Long parts are trimmed to their head noun phrase so that the phrase stays near `MAX_WORDS`.
    ``skip`` may be a `TimeSpans` prepared once for many calls on one sentence.
    """
    tok = doc[token]
    sent = sentence(doc, token)
    start = story_start(sent) if token >= sent.start + 2 else sent.start
    if token < start:
        start = sent.start
    first = next((t.i for t in doc[start:sent.end] if not (t.is_punct or t.is_space)), start)
    spans = skip if isinstance(skip, TimeSpans) else TimeSpans(skip)
    ctx = _Ctx(doc, start, sent.end, _Skipped(doc, spans), first)
    if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "a revised plan", "repeated warnings": the participle names its noun's event
    state_of_head = _measure_state(tok.head) if tok.dep_ == "acl" else None
    if state_of_head is not None and state_of_head.i == tok.i:
        tok = tok.head.head  # "the count was 60 percent done": the copula's clause, the participle its state
    if (tok.dep_ == "acomp" or (tok.dep_ == "oprd" and tok.pos_ == "ADJ")) and tok.head.pos_ in ("AUX", "VERB") \
            and not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        # "the bridge remained closed", "schools were closed", "the appeal was pending", "was found guilty"
        tok = tok.head
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        return _describe_verb(ctx, tok, chain)
    return _describe_noun(ctx, tok)


def _measure_state(noun: Token) -> Token | None:
    """The participle right after a measure a copula predicates ("the count was [60 percent]
    [done]": the parser hangs "done" on "percent"), else None."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be" or not any(c.dep_ == "nummod" for c in noun.children):
        return None
    doc = noun.doc
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if nxt is not None and nxt.head.i == noun.i and nxt.dep_ == "acl" and nxt.tag_ == "VBN":
        return nxt
    return None


def _describe_noun(ctx: _Ctx, noun: Token) -> Description:
    subject: Token | None = next(
        (c for c in noun.children if c.dep_ == "poss" and c.i not in ctx.skipped), None
    )
    best: list[tuple[str, bool]] = []
    for full in (True, False):
        ctx.the_before.clear()
        idx = _np(ctx, noun, full=full, preps=EVENT_NOUN_PREPS)
        if full:
            # "a plan to cut 500 jobs": the infinitive says what the plan is
            for c in noun.children:
                if c.dep_ == "acl" and c.i > noun.i and any(g.lower_ == "to" for g in c.children):
                    idx.extend(_verb_group(ctx, c))
                    obj = _first_object(ctx, c)
                    if obj is not None:
                        idx.extend(_np(ctx, obj, full=False))
                    break
            # "held a vote on the budget": the parser hangs the topic on the verb
            if not any(ctx.doc[i].dep_ == "prep" for i in idx) and noun.dep_ == "dobj":
                nxt = max(idx) + 1
                if nxt < ctx.end and ctx.doc[nxt].head.i == noun.head.i and ctx.doc[nxt].dep_ == "prep" \
                        and ctx.doc[nxt].lower_ in VERB_HELD_NOUN_PREPS and nxt not in ctx.skipped:
                    topic = next((g for g in ctx.doc[nxt].children if g.dep_ == "pobj" and g.i not in ctx.skipped), None)
                    if topic is not None:
                        pp = _np(ctx, topic, full=False)
                        if len(pp) <= SHORT_PP:
                            idx.extend([nxt, *pp])
        if noun.dep_ == "compound" and not any(c.dep_ in ("det", "poss") for c in noun.children):
            ctx.the_before.add(min(idx))  # "a strike deadline" -> "the strike"
        best = _words(ctx, idx)
        if _count(best) <= MAX_WORDS:
            break
    pobj: Token | None = None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "against") and c.i not in ctx.skipped:
            pobj = next((g for g in c.children if g.dep_ == "pobj" and g.i not in ctx.skipped), None)
            break
    ctx.the_before.clear()
    subj_text = None
    if subject is not None:
        subj_text = _text_or_none(_words(ctx, [i for i in _np(ctx, subject, full=False) if ctx.doc[i].tag_ != "POS"]))
    obj_text = _text_or_none(_words(ctx, _np(ctx, pobj, full=False))) if pobj is not None else None
    return Description(_phrase([best]), subj_text, obj_text)


def _chain_node(ctx: _Ctx, node: Token, below: Token) -> list[int]:
    """A link of the chain above the trigger, as it is written: "is expected", "announced plans",
    "urged workers", "appealed to both sides", "was ready", "of"."""
    if node.pos_ in ("VERB", "AUX"):
        length = _first_object(ctx, node) if node.lemma_ in TIME_ARGUMENT_VERBS else None
        group = _verb_group(ctx, node)
        # object control: "urged workers [to strike]"; "appealed to both sides [to avoid]"
        ctrl = next((c for c in node.children if c.dep_ in ("dobj", "dative", "attr") and c.i < below.i
                     and c.i not in ctx.skipped and not _is_relative(c)), None)
        if ctrl is not None:
            group.extend(_np(ctx, ctrl, full=False))
        elif below.dep_ == "advcl" or below.dep_ == "xcomp":
            pp = _argument_pp(ctx, node)
            if pp and max(pp) < below.i:
                group.extend(pp)
        if length is not None and length.i < below.i and length.dep_ in ("npadvmod", "dobj") \
                and (ctrl is None or length.i != ctrl.i):
            # "had spent [three years] tracing money", "gave the union [ten days] to reply": the length stays
            group.extend(_np(ctx, length, full=False))
        return group
    if node.pos_ == "ADJ":
        return [node.i, *(c.i for c in node.children if c.dep_ in ("advmod", "neg") and c.i < node.i)]
    if node.pos_ == "ADP":
        return [node.i]
    if node.i in ctx.skipped and node.head.lemma_ in TIME_ARGUMENT_VERBS:
        for t in node.subtree:  # "gave Ovind [14 days] to appeal": the length stays
            if t.i < below.i:
                ctx.skipped.memo[t.i] = False
    return _np(ctx, node, full=False)


def _describe_verb(ctx: _Ctx, verb: Token, climb: bool = True) -> Description:
    # the chain of verbs (and nouns, adjectives, prepositions) the trigger hangs from
    chain: list[Token] = [verb]
    for _ in range(3 if climb else 0):
        up = _controller(chain[-1])
        if not up:
            break
        chain.extend(up)
    top = chain[-1]
    subj = _subject(ctx, top)
    obj = _first_object(ctx, verb)
    state: list[int] = []
    measured = _measure_state(obj) if obj is not None and verb.lemma_ == "be" else None
    if measured is not None:
        state = [measured.i]
    elif obj is not None and verb.lemma_ in OBJECT_STATE_VERBS:
        for n in (obj, *(g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)):
            state = [c.i for c in n.children if c.dep_ in ("acl", "amod") and c.i > n.i
                     and c.tag_ in ("VBN", "JJ") and c.i not in ctx.skipped][:1]
            if state:
                break
        if not state:  # the parser may hang the participle on the verb: "left dozens of ferries [stranded]"
            state = [c.i for c in verb.children if c.dep_ in ("advcl", "xcomp", "oprd", "ccomp", "acomp")
                     and c.i > obj.i and c.tag_ in ("VBN", "JJ") and c.i not in ctx.skipped][:1]
    dative = [c for c in verb.children if c.dep_ in DATIVE_DEPS and c.i not in ctx.skipped]
    passive_agent = [c for c in verb.children if c.dep_ == "agent" and c.i not in ctx.skipped]
    # a participle after its noun reads as a clause: "the vote [was] held", "trucks [were] stranded"
    be = ""
    # (not when the noun is left as the root: then the parser missed that the participle is the verb)
    # (nor with a particle: "the visitors held on" is a finite verb the parser took for a participle)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and subj is not None and subj.i == verb.head.i \
            and subj.dep_ != "ROOT" and not any(c.dep_ == "prt" for c in verb.children):
        be = "were" if verb.head.tag_ in ("NNS", "NNPS") else "was"

    # what a verb of saying reports (its clause after it), said in the description when short
    said = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and c.i not in ctx.skipped),
                None) if verb.lemma_.lower() in REPORTING and obj is None else None
    # settings from the fullest to the leanest: (subject full, object full, argument, chain)
    settings = ((True, True, True, True), (True, False, True, True), (False, False, True, True),
                (False, False, False, True), (False, False, False, False))
    result: tuple[str, list[tuple[str, bool]], list[tuple[str, bool]]] = ("", [], [])
    for subj_full, obj_full, with_arg, with_chain in settings:
        ctx.the_before.clear()
        subj_idx = _np(ctx, subj, full=subj_full) if subj is not None else []
        if subj is not None and subj.pos_ == "PRON" and subj.i < top.i:
            # "those who voted": a pronoun keeps its relative word
            subj_idx += [c.i for c in top.children if c.dep_ in SUBJECT_DEPS and _is_relative(c)]
        subj_words = _words(ctx, subj_idx)
        parts: list[list[tuple[str, bool]]] = [subj_words]
        if with_chain:
            for k in range(len(chain) - 1, 0, -1):
                parts.append(_words(ctx, _chain_node(ctx, chain[k], chain[k - 1])))
        if be:
            parts.append([(be, False)])
        modal = _shared_modal(ctx, verb)
        if modal:
            parts.append(_words(ctx, modal))
        parts.append(_words(ctx, _verb_group(ctx, verb)))
        if dative:
            parts.append(_words(ctx, _np(ctx, dative[0], full=False)))
        obj_words: list[tuple[str, bool]] = []
        if obj is not None:
            if obj.pos_ in ("VERB", "AUX", "ADJ", "ADV") and obj.dep_ != "dobj":  # ("destroyed much of the harvest")
                # with its measure before it: "[80 percent] finished", "[two weeks] late"
                measure = [i for c in obj.children if c.dep_ == "npadvmod" and c.i < obj.i and c.i not in ctx.skipped
                           and (c.lower_ in MEASURE_WORDS or any(g.dep_ == "nummod" for g in c.children))
                           for i in _np(ctx, c, full=False)]
                obj_words = _words(ctx, [obj.i, *measure] + [c.i for c in obj.children if c.dep_ in ("neg", "advmod", "aux")])
            else:
                # "called the deal [a threat to safety]": what the object is made or called
                pred = next((c for c in verb.children if c.dep_ == "oprd" and c.i > obj.i and obj.dep_ == "dobj"
                             and c.pos_ in ("NOUN", "PROPN", "ADJ") and c.i not in ctx.skipped), None)
                named = (_np(ctx, pred, full=obj_full) if pred.pos_ != "ADJ" else _modifier(ctx, pred)) \
                    if pred is not None else []
                obj_words = _words(ctx, _np(ctx, obj, full=obj_full or bool(state)) + state + named)
            parts.append(obj_words)
        if with_arg and said is not None:
            # "negotiators said they hoped to reach a deal": what was said, when it is short
            parts.append(_words(ctx, _clause(ctx, said)))
        elif with_arg:
            if passive_agent:
                parts.append(_words(ctx, _argument_pp(ctx, verb)))
            else:
                down = _xcomp_down(ctx, verb)
                if down:
                    parts.append(_words(ctx, down))
                elif obj is not None and obj.i > verb.i:
                    parts.append(_words(ctx, _goal_pp(ctx, verb, obj)))
                elif obj is None:
                    bare = _bare_clause(ctx, verb) or _adverb_argument(ctx, verb)
                    if bare:
                        parts.append(_words(ctx, bare))
                    elif not any(c.dep_ == "ccomp" for c in verb.children):
                        # (a verb of saying has its clause for argument: "said [at a news conference]" is an adjunct)
                        parts.append(_words(ctx, _argument_pp(ctx, verb)))
        text = _phrase(parts)
        result = (text, subj_words, obj_words)
        if len(text.split()) <= MAX_WORDS:
            break
    text, subj_words, obj_words = result
    return Description(text, _text_or_none(subj_words), _text_or_none(obj_words))
