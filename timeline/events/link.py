"""Event-time links read from a dependency parse.

An event is dated by the time expression its clause holds. `link` maps each time
mention onto the tokens of a parsed spaCy ``Doc``, takes the root of that span and
climbs the dependency tree ("on Monday" -> the verb the preposition hangs on,
"Saturday's attacks" -> the noun the time modifies, "two years ago" -> the verb
"ago" modifies) to the first token the caller's ``is_event`` accepts.

The words that steer the climb are data (the tables below), each row with its
meaning; the functions only read them. The model is never loaded here: the caller
passes the document's parse.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

import attrs
from spacy.tokens import Doc, Span, Token

from timeline._model import Mention
from timeline.events.model import Relation
from timeline.syntax.sentences import sentence, span_root, story_start

#: the most arcs a climb follows from the time to its event (a tree path, so linear in the sentence)
MAX_STEPS: Final = 12

#: the word before a time (its preposition, or a cue inside the phrase) -> how the event stands to it
RELATION_WORDS: Final[dict[str, Relation]] = {
    "on": "on",  # "resumed on Monday"
    "at": "on",  # "met at noon"
    "in": "on",  # "was elected in 1990": the event lies within the period
    "of": "on",  # "the vote of March 3"
    "by": "by",  # "will decide by Friday"
    "within": "by",  # "will leave within two weeks"
    "until": "until",  # "will stay until June"
    "till": "until",
    "through": "until",  # "runs through March"
    "to": "until",  # "from May 2 to June 9": the far end (only after "from": `_far_end`)
    "since": "starting",  # "has risen since 1990"
    "from": "starting",  # "from May 2"
    "starting": "starting",  # "starting Monday"
    "beginning": "starting",
    "effective": "starting",  # "effective Jan. 1"
    "before": "before",  # "before Monday"
    "prior": "before",  # "prior to Monday"
    "ahead": "before",  # "ahead of Monday's vote"
    "after": "after",  # "after Monday"
    "following": "after",
    "during": "during",  # "during the war"
    "throughout": "during",
    "for": "during",  # "for three weeks"
    "over": "during",  # "over the past year"
}

#: verbs that say something was said: a time right beside them dates the saying ("said Monday"),
#: but a time after the clause they report dates the reported event ("said it had a loss for
#: the quarter": the parser often hangs the time on "said")
REPORTING: Final = frozenset(
    "say tell report announce state note declare claim add disclose confirm estimate predict".split()
)
#: verbs of a phase of another event: "began withdrawing troops on Friday" dates the beginning
ASPECTUAL: Final = frozenset("begin start stop resume continue keep finish quit cease halt".split())
#: arcs from a copula to the word that names its state ("was independent since 1901")
PREDICATE_ARCS: Final = ("acomp", "attr", "oprd")
#: arcs that tie an event noun to the verb the time hangs on, when the time follows the noun's
#: phrase at once: "spoke at a news conference Friday" dates the conference
NOUN_BEFORE_ARCS: Final = frozenset(("pobj",))
#: the arcs of a verb's object, and the prepositions of a time that dates the verb through it
OBJECT_ARCS: Final = frozenset(("dobj",))
OBJECT_PREPS: Final = frozenset(("on", "at"))
#: nouns of a figure that a period dates rather than the verb that reports it ("posted a loss for
#: the quarter", "had earnings of $5 million in the period")
FIGURE_NOUNS: Final = frozenset(
    """income profit loss earnings sale revenue result output volume shipment order gain charge
    decline increase rise drop growth deficit surplus dividend""".split()
)
#: nouns of a phase of another event: "the planned conclusion of a session on Sunday" dates the
#: conclusion, as an aspectual verb takes the time from the verb it governs
PHASE_NOUNS: Final = frozenset(
    "conclusion end start beginning opening close completion resumption onset outset expiry expiration".split()
)
#: relations of a limit, which bounds the verb, not the noun before the time ("will decide on the
#: appeal within weeks", "must file their offers by May 1")
BOUND_RELATIONS: Final = frozenset(("by", "until"))
#: verbs of little meaning of their own: "remarks made last week" dates the remarks
LIGHT_VERBS: Final = frozenset("make give hold take have issue deliver".split())
#: the word of a clause that the time dates by its own time: "in 1979, when the troops invaded"
WHEN_WORDS: Final = frozenset(("when",))
#: verbs whose event-noun object a time that dates the verb dates too: a light verb ("held talks
#: on Monday") or an aspectual one ("resumed work in Iraq Friday")
OBJECT_EVENT_VERBS: Final = frozenset("hold conduct stage launch begin start continue resume finish complete halt suspend carry".split())
#: verbs whose infinitive a time dates together with them ("is expected to meet later today")
RAISING: Final = frozenset("expect due schedule set plan".split())
#: nouns of a reporting period and the participles after them that end or open it: "the quarter
#: ended Sept. 30", "the year ending June 30"
PERIOD_NOUNS: Final = frozenset("quarter year period month months week weeks half".split())
PERIOD_PARTICIPLES: Final = frozenset("end begin".split())

@attrs.frozen
class ParseLink:
    """A time mention (index into the mentions) and the token of the event it dates."""

    mention: int
    token: int
    relation: Relation | None
    #: the main link of this mention (False for the further events the phrase dates)
    primary: bool


def _span(doc: Doc, m: Mention) -> Span | None:
    return doc.char_span(m.start, m.end, alignment_mode="expand")


#: words before "on", "at", "in" that make the time a start: "starting on Sunday"
STARTING_WORDS: Final = frozenset("starting beginning effective from since".split())
#: a mention's mod -> the relation it says ("before noon", "after 1990")
MOD_RELATIONS: Final[dict[str, Relation]] = {
    "BEFORE": "before", "ON_OR_BEFORE": "before", "AFTER": "after", "ON_OR_AFTER": "after",
}
#: how a length that looks back from publication begins: "the past two weeks", "last year"
LOOKING_BACK: Final = ("the past", "the last", "past", "last")


def relation_of(span: Span, m: Mention | None = None) -> Relation | None:
    """How the event stands to the time: from the preposition that governs it or the words just
    before it ("starting on Sunday", "no later than May 1"; "for" before a date is "on": "a strike
    for Monday"), else from the mention ``m`` (its mod, a length looking back); None when nothing
    says."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 3) : span.start]]
    if before[-3:] == ["no", "later", "than"]:
        return "by"
    if len(before) >= 2 and before[-2] in STARTING_WORDS and before[-1] in ("on", "at", "in"):
        return "starting"
    rel = _preposition_relation(span)
    duration = m is not None and m.type == "DURATION"
    if rel == "during" and m is not None and not duration and before[-1:] not in (["during"], ["throughout"]):
        rel = "on"
    if rel is not None and rel != "on" or m is None:
        return rel
    if duration and m.text.lower().startswith(LOOKING_BACK):
        return "during"
    return MOD_RELATIONS.get(m.mod or "", rel)


def _preposition_relation(span: Span) -> Relation | None:
    root = span_root(span)
    if root.dep_ == "pobj" and root.head.i < span.start:
        rel = RELATION_WORDS.get(root.head.lower_)
        if rel is not None:
            if root.head.lower_ == "to" and root.head.head.lower_ in ("prior",):
                return "before"
            return rel if root.head.lower_ != "to" or _far_end(root.head) else None
    if span.start > 0:
        prev = span.doc[span.start - 1]
        rel = RELATION_WORDS.get(prev.lower_)
        if rel is not None:
            return rel if prev.lower_ != "to" or _far_end(prev) else None
    first = span[0].lower_
    if first in RELATION_WORDS and len(span) > 1:
        return RELATION_WORDS[first]
    return None


def _far_end(to: Token) -> bool:
    """Whether "to" closes a span ("from May 2 to June 9"), not a move ("slip to next week")."""
    sent_start = sentence(to.doc, to.i).start
    return any(t.lower_ in ("from", "between") for t in to.doc[max(sent_start, to.i - 8) : to.i])


def _state(tok: Token, is_event: Callable[[Token], bool]) -> Token | None:
    """The word that names the state of a copula ("has been independent"), if the caller takes it."""
    for c in tok.children:
        if c.dep_ in PREDICATE_ARCS and is_event(c):
            return c
    return None


def _accept(tok: Token, is_event: Callable[[Token], bool]) -> Token | None:
    """``tok`` itself, or for a copula the word of its state, when it names an event."""
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_ == "be":
        got = _state(tok, is_event)
        if got is not None:
            return got
    if is_event(tok):
        return tok
    return None


def _climb(root: Token, inside: range, is_event: Callable[[Token], bool]) -> Token | None:
    """The first token above ``root`` (outside the time phrase) that names an event."""
    cur = root
    for _ in range(MAX_STEPS):
        if cur.head is cur:
            return None
        cur = cur.head
        if cur.i in inside:
            continue
        got = _accept(cur, is_event)
        if got is not None:
            return got
    return None


def _measured(root: Token, is_event: Callable[[Token], bool]) -> Token | None:
    """The event a length measures through "of": "two decades [of war]", "18 months [of talks]"."""
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and is_event(obj):
                return obj
    return None


def _phase_noun(tok: Token, is_event: Callable[[Token], bool]) -> Token | None:
    """The phase noun whose "of" phrase ``tok`` is: "the conclusion [of a session]"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    noun = prep.head
    return noun if noun.lemma_.lower() in PHASE_NOUNS and is_event(noun) else None


def _reported(verb: Token, first: int, is_event: Callable[[Token], bool]) -> Token | None:
    """The event a reporting verb reports, when its clause stands between the verb and the time."""
    if verb.lemma_ not in REPORTING or verb.i > first:
        return None
    for c in verb.children:
        if c.dep_ == "ccomp" and verb.i < c.i < first:
            return _accept(c, is_event)
    return None


def _noun_before(verb: Token, first: int, is_event: Callable[[Token], bool]) -> Token | None:
    """An event noun whose phrase ends right before the time phrase, inside the verb's phrase."""
    if first == 0:
        return None
    tok = verb.doc[first - 1]
    for _ in range(MAX_STEPS):  # up from the last word before the time to the head of its phrase
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in NOUN_BEFORE_ARCS and tok.right_edge.i == first - 1:
            break
        if tok.head is tok or tok.head.i == verb.i:
            return None
        tok = tok.head
    else:
        return None
    if OPTIONS["of_head"] and not (tok.pos_ == "NOUN" and is_event(tok)) and tok.dep_ == "pobj" \
            and tok.head.lower_ == "of" and tok.head.head.i != verb.i:
        tok = tok.head.head  # "condemned the invasion of the port on May 2": the invasion
    if (tok.i <= verb.i and not OPTIONS["noun_left"]) or tok.pos_ != "NOUN" or not is_event(tok):
        return None
    return tok


def _set_for(verb: Token, first: int, is_event: Callable[[Token], bool]) -> Token | None:
    """The event noun object of ``verb`` that ends right before "for" and a day ("set a vote for
    Friday")."""
    for c in verb.children:
        if c.dep_ == "dobj" and c.right_edge.i == first - 1 and c.pos_ == "NOUN" and is_event(c):
            return c
    return None


def _governing_verb(noun: Token, root: Token, is_event: Callable[[Token], bool]) -> Token | None:
    """The verb that takes as its object the noun a time hangs on, when an infinitive follows the
    time ("announced plans on Monday to cut jobs": the announcing is dated, not the plans)."""
    if noun.pos_ != "NOUN" or noun.dep_ not in OBJECT_ARCS or noun.head.pos_ != "VERB":
        return None
    if not any(c.dep_ == "acl" and c.i > root.i and any(a.lower_ == "to" for a in c.children)
               for c in noun.children):
        return None
    if root.head.i == noun.i and root.dep_ in ("npadvmod", "tmod"):
        pass
    elif not (root.dep_ == "pobj" and root.head.head.i == noun.i and root.head.lower_ in OBJECT_PREPS):
        return None
    return _accept(noun.head, is_event)


def _figure(verb: Token, is_event: Callable[[Token], bool]) -> Token | None:
    """The figure a verb reports for a period ("reported a loss for the quarter": the loss)."""
    for c in verb.children:
        if c.dep_ in ("dobj", "attr") and c.lemma_.lower() in FIGURE_NOUNS and is_event(c):
            return c
    return None


def _when_clause(root: Token, is_event: Callable[[Token], bool]) -> Token | None:
    """The event of a "when" clause that qualifies the time ("in 1979, when the troops invaded")."""
    for c in root.children:
        if c.dep_ in ("relcl", "advcl", "acl") and any(g.lower_ in WHEN_WORDS for g in c.children):
            return _accept(c, is_event)
    return None


def _subject_of_aspectual(verb: Token, is_event: Callable[[Token], bool]) -> Token | None:
    """The event noun an aspectual verb has for its subject ("the negotiations resumed")."""
    if verb.lemma_ not in ASPECTUAL or verb.pos_ != "VERB":
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and is_event(c):
            return c
    return None


def _event_object(verb: Token, is_event: Callable[[Token], bool]) -> Token | None:
    """The event noun object of a light or aspectual verb ("resumed work", "held talks")."""
    if verb.lemma_ not in OBJECT_EVENT_VERBS or verb.pos_ != "VERB":
        return None
    for c in verb.children:
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and is_event(c):
            return c
    return None


def _raising(verb: Token, is_event: Callable[[Token], bool]) -> Token | None:
    """The verb of expectation whose infinitive ``verb`` is ("expected to meet")."""
    if verb.dep_ == "xcomp" and verb.head.lemma_ in RAISING and is_event(verb.head):
        return verb.head
    return None


def _period_end(root: Token, inside: range) -> Token | None:
    """The participle that closes a reporting period with the time ("the quarter ended Sept. 30"),
    if the time hangs on one."""
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if (head.i not in inside and head.dep_ == "acl" and head.lemma_ in PERIOD_PARTICIPLES
            and head.head.lemma_.lower() in PERIOD_NOUNS):
        return head
    return None


def _shared_subject_conjunct(verb: Token, first: int, is_event: Callable[[Token], bool]) -> Token | None:
    """The verb before ``verb`` that it is conjoined to and shares its subject with, when the time
    follows them both ("the index rose and closed higher on Monday")."""
    if verb.dep_ != "conj" or first < verb.i or verb.head.pos_ != "VERB":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return _accept(verb.head, is_event)


def _reported_too(verb: Token, first: int, is_event: Callable[[Token], bool]) -> Token | None:
    """The event a reporting verb reports, when the time stands right beside the reporting verb
    ("said Monday that it would close the plant")."""
    if verb.lemma_ not in REPORTING or verb.i > first:
        return None
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > first:
            return _accept(c, is_event)
    return None


def _when_after(verb: Token, span_end: int, is_event: Callable[[Token], bool]) -> Token | None:
    """The event of a "when" clause of ``verb`` that begins right after the time phrase ("was
    injured on Friday when a crane collapsed")."""
    doc = verb.doc
    k = span_end
    if k < len(doc) and doc[k].lower_ == ",":
        k += 1
    if k >= len(doc) or doc[k].lower_ not in WHEN_WORDS:
        return None
    clause = doc[k].head
    if clause.dep_ in ("advcl", "relcl", "acl") and clause.i > k:
        return _accept(clause, is_event)
    return None


def _conjoined(verb: Token, first: int, is_event: Callable[[Token], bool]) -> list[Token]:
    """The verbs conjoined to ``verb`` that a time before them all dates too
    ("On Monday, the index rose and bonds fell")."""
    if first > verb.i:
        return []
    out = []
    for c in verb.conjuncts:
        if c.i > verb.i and c.pos_ == "VERB":
            got = _accept(c, is_event)
            if got is not None:
                out.append(got)
    return out


def link(doc: Doc, mentions: Sequence[Mention], is_event: Callable[[Token], bool]) -> list[ParseLink]:
    """The event each mention dates, read from the parse ``doc`` of the text the mentions
    come from. ``is_event`` says which tokens name events.

    For each mention: climb from the root of its tokens to the first event word (a copula gives
    the word of its state); then, in order, a reporting verb whose reported clause stands between
    it and the time gives that clause's event; an event noun whose phrase (or whose "of" phrase:
    "condemned the seizure of the harbour on Tuesday") ends right where the time phrase begins
    takes the time from the verb; a figure reported for a period ("a loss for the
    quarter") takes it too; a light verb in a clause on an event noun gives the noun; an object
    noun with an infinitive after the time gives its verb ("announced plans on Monday to cut");
    an aspectual verb takes the time from its complement. Further links (``primary=False``): the
    complement of that aspectual verb, the event of a "when" clause on the time, and the verbs
    conjoined after the event when the time comes before them all. Each climb is at most
    `MAX_STEPS` arcs, so the work is linear in the number of mentions and sentence length."""
    out: list[ParseLink] = []
    for k, m in enumerate(mentions):
        span = _span(doc, m)
        if span is None or len(span) == 0:
            continue
        if span.start < story_start(sentence(doc, span.start)):
            continue  # the date of a dateline ("HALDEN BAY, March 4 (Wire) -") dates no event
        inside = range(span.start, span.end)
        root = span_root(span)
        # the first word of the time phrase: its preposition if it has one ("on Monday")
        first = span.start
        if root.dep_ == "pobj" and root.head.i < span.start:
            first = min(first, root.head.i)
        target = _measured(root, is_event) if m.type == "DURATION" and OPTIONS["measured"] else None
        measured = target is not None
        if target is None and OPTIONS["period_end"]:
            ended = _period_end(root, inside)
            if ended is not None and not is_event(ended):
                continue  # "for the quarter ended Sept. 30": the date of the period, no event of it
        if target is None:
            target = _climb(root, inside, is_event)
        if target is None:
            continue
        relation: Relation | None = "during" if measured else relation_of(span, m)
        extra: list[Token] = []
        verb = target
        reported = _reported(verb, first, is_event) if OPTIONS["reported"] else None
        if reported is not None:
            target = reported
        elif target.pos_ in ("VERB", "AUX") and OPTIONS["noun_before"] and relation not in BOUND_RELATIONS:
            noun = _noun_before(target, first, is_event)
            if noun is not None:
                target = noun
        if OPTIONS["set_for"] and target.pos_ in ("VERB", "AUX") and m.type in ("DATE", "TIME") \
                and doc[first].lower_ == "for":
            noun = _set_for(target, first, is_event)
            if noun is not None:
                target = noun  # "called a strike for Monday": the day the strike is set for
        if OPTIONS["figure"] and target.pos_ in ("VERB", "AUX") and relation in ("during", "on"):
            figure = _figure(target, is_event)
            if figure is not None:
                target = figure
        if OPTIONS["light"] and target.dep_ == "acl" and target.lemma_ in LIGHT_VERBS and is_event(target.head):
            target = target.head
        if OPTIONS["object"]:
            governor = _governing_verb(target, root, is_event)
            if governor is not None:
                target = governor
        if (OPTIONS["aspectual"] and target.dep_ == "xcomp" and target.head.lemma_ in ASPECTUAL
                and is_event(target.head)):
            extra.append(target)
            target = target.head
        elif OPTIONS["phase"]:
            phase = _phase_noun(target, is_event)
            if phase is not None:
                target = phase
        if OPTIONS["when"]:
            told = _when_clause(root, is_event)
            if told is not None and told.i != target.i:
                extra.append(told)
        if OPTIONS["when_after"]:
            told = _when_after(target, span.end, is_event)
            if told is not None and told.i != target.i:
                extra.append(told)
        if OPTIONS["conj"] and target.pos_ == "VERB":
            extra.extend(_conjoined(target, first, is_event))
        for name, further in _FURTHER:
            if OPTIONS[name]:
                got = further(target, first, is_event, reported)
                if got is not None:
                    extra.append(got)
        out.append(ParseLink(mention=k, token=target.i, relation=relation, primary=True))
        seen = {target.i}
        for e in extra:
            if e.i not in seen:
                seen.add(e.i)
                out.append(ParseLink(mention=k, token=e.i, relation=relation, primary=False))
    return out


#: the measured second links that each take one further event, in the order they are tried:
#: (name in `OPTIONS`, the rule given the dated word, the first word of its sentence, the event
#: test and the reporting verb the time dates, if any)
_FURTHER: Final[tuple[tuple[str, Callable[[Token, int, Callable[[Token], bool], Token | None], Token | None]], ...]] = (
    ("subject_aspectual", lambda t, first, is_event, reported: _subject_of_aspectual(t, is_event)),
    ("event_object", lambda t, first, is_event, reported: _event_object(t, is_event)),
    ("shared_subject", lambda t, first, is_event, reported:
        _shared_subject_conjunct(t, first, is_event) if t.pos_ == "VERB" else None),
    ("reported_too", lambda t, first, is_event, reported:
        _reported_too(t, first, is_event) if reported is None else None),
    ("raising", lambda t, first, is_event, reported: _raising(t, is_event)),
)

#: the rules after the climb, each of which can be switched to measure it
#: (``benchmarks/parse_links.py --ablate``). The rules that are off were measured on TimeBank (gold
#: times, the event finder's words; links right / links added, even + odd documents) and left off
#: because they lower precision (TimeBank annotates each pattern both ways): "event_object" (a
#: light or aspectual verb's event-noun object, 6/11), "subject_aspectual" (1/3), "raising" (the
#: verb of expectation over an infinitive, 3/25), "shared_subject" (the first of two verbs that share
#: a subject, 0/12), "reported_too" (the reported clause beside a dated reporting verb, 3/29),
#: "period_end" (no link for the date that closes a period, when its participle is no event word:
#: 5 wrong links and 3 right ones dropped), "when_after" (the event of a "when" clause of the verb
#: right after the time, 5/8: TimeBank's even half +4 of 4, its odd half +1 of 4, F1 -0.001;
#: AQUAINT 4/5). docs/benchmarks.md has the figures.
OPTIONS: dict[str, bool] = {"reported": True, "noun_before": True, "aspectual": True, "when": True, "conj": True, "object": True, "noun_left": True, "figure": True, "light": True,
                            "phase": True, "measured": True, "set_for": True, "of_head": True,
                            "period_end": False, "subject_aspectual": False, "event_object": False, "raising": False,
                            "shared_subject": False, "reported_too": False, "when_after": False}
