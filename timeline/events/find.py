"""Every event of a parsed text, with its TimeML attributes (TempEval-3 Task B).

`find_events` reads a spaCy `Doc` (tagger + parser + lemmatizer) and returns one
`EventWord` per trigger token, in text order::

    doc = nlp("Officials said the talks would resume on Monday.")
    [(e.text, e.cls, e.tense, e.t0) for e in find_events(doc)]
    # [('said', 'REPORTING', 'PAST', 'BEFORE'), ('talks', 'OCCURRENCE', 'NONE', 'AFTER'),
    #  ('resume', 'ASPECTUAL', 'NONE', 'AFTER')]

The triggers are main verbs (never auxiliaries, never a copula: the predicate
adjective or noun after it is the event, as TimeML annotates; never "have" of "have to" +
verb, a semi-modal looked through: its verb takes its governor and, as an infinitive,
its relation to publication), event nouns (a table,
gerunds, "-sion" nouns, "-tion"/"-ment" nouns with an "of" argument, and the object of
a light or aspectual verb) and predicate adjectives of state. Tense, aspect, polarity
and modality come from the verb group (the aux / auxpass / neg children, shared by a
second conjunct; a copula's for its predicate). The relation to publication (`t0`)
comes from tense and aspect (past and present perfect BEFORE, present INCLUDES, future
AFTER), from the modal (a modal looks ahead, so a clause reported by a past saying,
"said the talks would resume", is AFTER; "can" INCLUDES; a perfect modal BEFORE; a
negated "would"/"could" outside a reported clause is a past refusal, BEFORE); a
"to"-infinitive looks ahead (AFTER); an event noun takes its governor's, else BEFORE.
``governor`` links a reported clause to its reporting verb, an infinitive or clause to
the verb or event noun it completes, an argument noun to its verb. The word tables live
in `timeline.events.find_lexicon`.

The work is one pass over the tokens to pick triggers and read their verb groups,
then one pass over the triggers for governors and `t0`; all lookups are set lookups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import attrs

from timeline.events import find_lexicon as lex

if TYPE_CHECKING:  # spaCy is needed only by whoever parses the text
    from spacy.tokens import Doc, Token

__all__ = ["EventClass", "EventWord", "find_events"]

EventClass = Literal["OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"]
Pos = Literal["VERB", "NOUN", "ADJECTIVE", "PREPOSITION", "OTHER"]
_InfoPos = Literal["VERB", "NOUN", "ADJECTIVE", "PREPOSITION", "OTHER", "SEMI"]
Tense = Literal["PAST", "PRESENT", "FUTURE", "INFINITIVE", "PRESPART", "PASTPART", "NONE"]
Aspect = Literal["NONE", "PROGRESSIVE", "PERFECTIVE", "PERFECTIVE_PROGRESSIVE"]
T0 = Literal["BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED"]


@attrs.frozen
class EventWord:
    """One event trigger: a token of the Doc and its TimeML EVENT / MAKEINSTANCE attributes.

    ``doc.text[start:end] == text``. ``governor`` is the token index of the event this one
    is an argument or complement of (the reporting verb of a reported clause, "expected" of
    "expected to rise"), else None. ``t0`` is the relation to publication read from the verb
    group alone, None when it cannot say.
    """

    token: int
    start: int
    end: int
    text: str
    lemma: str
    cls: EventClass
    pos: Pos
    tense: Tense
    aspect: Aspect
    polarity: Literal["POS", "NEG"]
    modality: str | None
    t0: T0 | None
    governor: int | None


_CLASSES: dict[str, EventClass] = {
    "OCCURRENCE": "OCCURRENCE",
    "REPORTING": "REPORTING",
    "STATE": "STATE",
    "I_ACTION": "I_ACTION",
    "I_STATE": "I_STATE",
    "ASPECTUAL": "ASPECTUAL",
    "PERCEPTION": "PERCEPTION",
}
_VERB_TAGS = frozenset("VB VBD VBG VBN VBP VBZ".split())
_NOUN_TAGS = frozenset("NN NNS".split())
_ADJ_TAGS = frozenset("JJ JJR".split())
_CLAUSE_DEPS = frozenset("xcomp ccomp pcomp".split())
_BARE_TENSE: dict[str, Tense] = {
    "VBD": "PAST",
    "VBZ": "PRESENT",
    "VBP": "PRESENT",
    "VBG": "PRESPART",
    "VBN": "PASTPART",
    "VB": "INFINITIVE",
}
# the labels under which a dependent is an argument or complement of its head event
_ARGUMENT_DEPS = frozenset("ccomp xcomp dobj nsubj nsubjpass csubj attr oprd acomp".split())


@attrs.define
class _Group:
    tense: Tense
    aspect: Aspect
    polarity: Literal["POS", "NEG"]
    modality: str | None


def _verb_group(verb: Token, copula: Token | None) -> _Group:
    """Tense, aspect, polarity and modality of the verb group of ``verb`` (the copula's when
    ``verb`` is a predicate adjective or noun)."""
    head = copula if copula is not None else verb
    auxes: list[Token] = []
    neg = False
    for c in head.children:
        dep = c.dep_
        if dep == "aux" or dep == "auxpass":
            auxes.append(c)
        elif dep == "neg":
            neg = True
    if not auxes and head.dep_ == "conj" and head.tag_ in ("VBN", "VBG", "VB"):
        # "has risen and fallen": the second conjunct shares the first's auxiliaries
        for c in head.head.children:
            if c.dep_ == "aux" or c.dep_ == "auxpass":
                auxes.append(c)
    if copula is not None:
        auxes.append(copula)
    modality: str | None = None
    tense: Tense
    if not auxes:
        tag = head.tag_
        if tag == "VB":
            first_conjunct = head.head
            if head.dep_ == "conj" and first_conjunct.tag_ in _VERB_TAGS and first_conjunct.i < head.i:
                group = _verb_group(first_conjunct, None)
                group.polarity = "NEG" if neg else "POS"
                return group
            if any(c.dep_ == "nsubj" for c in head.children):
                # a finite present the tagger took for a base form ("they say")
                return _Group("PRESENT", "NONE", "NEG" if neg else "POS", None)
        tense = _BARE_TENSE.get(tag, "NONE")
        return _Group(tense, "NONE", "NEG" if neg else "POS", None)
    first = auxes[0]
    low = first.lower_
    if low in lex.FUTURE_AUX:
        tense = "FUTURE"
    elif first.tag_ == "MD":
        tense = "NONE"
        modality = lex.MODALS.get(low, low)
    elif first.tag_ == "TO":
        tense = "INFINITIVE"
        going = head.head
        if head.dep_ == "xcomp" and going.lemma_ == "go" and going.tag_ == "VBG":
            # "is going to rise" is the future of "rise"
            tense = "FUTURE"
    else:
        tense = _BARE_TENSE.get(first.tag_, "NONE")
    perfect = False
    progressive = False
    for a in auxes:
        lemma = a.lemma_
        if lemma == "have":
            perfect = True
        elif lemma == "be" and a.tag_ == "VBG":
            progressive = True  # "is being sold"
    if verb.tag_ == "VBG" and copula is None:
        for a in auxes:
            if a.lemma_ == "be" and a.dep_ == "aux":
                progressive = True
    aspect: Aspect
    if perfect and progressive:
        aspect = "PERFECTIVE_PROGRESSIVE"
    elif perfect:
        aspect = "PERFECTIVE"
    elif progressive:
        aspect = "PROGRESSIVE"
    else:
        aspect = "NONE"
    return _Group(tense, aspect, "NEG" if neg else "POS", modality)


def _going_to(tok: Token) -> Token | None:
    """The verb of "going to" + verb when ``tok`` is that "going", else None."""
    for c in tok.children:
        if c.dep_ == "xcomp" and c.tag_ == "VB":
            return c
    return None


def _semi_modal_of(tok: Token) -> Token | None:
    """The verb of "have to" + verb when ``tok`` is that "have" ("the mill had to close"), else None."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    verb = doc[tok.i + 1].head
    if verb.dep_ == "xcomp" and verb.head.i == tok.i and verb.tag_ == "VB":
        return verb
    return None


def _verb_class(tok: Token, lemma: str) -> EventClass:
    if lemma in lex.REPORTING and (
        lemma not in lex.REPORTING_ONLY_WITH_CLAUSE or any(c.dep_ == "ccomp" for c in tok.children)
    ):
        return "REPORTING"
    if lemma in lex.PERCEPTION:
        return "PERCEPTION"
    if lemma in lex.ASPECTUAL:
        return "ASPECTUAL"
    if lemma in lex.I_STATE:
        return "I_STATE"
    if lemma in lex.I_ACTION:
        return "I_ACTION"
    if lemma in lex.I_ACTION_WITH_COMPLEMENT:
        for c in tok.children:
            dep = c.dep_
            if dep in _CLAUSE_DEPS:
                return "I_ACTION"
            if dep == "dobj" or dep == "prep":
                obj = c if dep == "dobj" else next((x for x in c.children if x.dep_ == "pobj"), None)
                if obj is not None and obj.tag_ in _NOUN_TAGS and _is_event_noun(obj, obj.lemma_.lower()):
                    return "I_ACTION"
        return "OCCURRENCE"
    if lemma in lex.STATE_VERBS:
        return "STATE"
    return "OCCURRENCE"


def _noun_class(lemma: str) -> EventClass:
    return _CLASSES[lex.NOUN_CLASSES.get(lemma, "OCCURRENCE")]


def _is_event_noun(tok: Token, lemma: str) -> bool:
    if tok.dep_ not in lex.NOUN_EVENT_DEPS or lemma in lex.NOT_EVENT_NOUNS:
        return False
    if lemma in lex.EVENT_NOUNS:
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_ in lex.LIGHT_VERBS:
        return True
    if lemma.endswith("ing") and len(lemma) > 5 and not lemma.endswith("thing"):
        # a gerund noun: "the bombing", "the shooting"
        return lemma not in lex.NOT_EVENT_ING_NOUNS
    if lemma.endswith(lex.EVENT_NOUN_SUFFIXES_ALONE):
        return True
    if lemma.endswith(lex.EVENT_NOUN_SUFFIXES):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return True
    return False


def find_events(doc: Doc) -> list[EventWord]:
    """Every event trigger of ``doc``, in text order, one per token, with its attributes."""
    picked: list[tuple[Token, EventClass, Pos, _Group]] = []
    semi_modals: list[tuple[Token, _Group]] = []  # "had" of "had to close": no event of its own
    copula_of: dict[int, int] = {}  # copula token index -> predicate token index
    for tok in doc:
        tag = tok.tag_
        dep = tok.dep_
        if tag in _VERB_TAGS:
            if dep in lex.VERB_NOT_EVENT_DEPS:
                prep_cls = lex.PREPOSITION_EVENTS.get(tok.lower_)
                if prep_cls is not None and dep == "prep":
                    picked.append((tok, _CLASSES[prep_cls], "VERB", _Group("PRESPART", "NONE", "POS", None)))
                continue
            lemma = tok.lemma_.lower()
            if lemma == "be" or lemma in lex.NOT_EVENT_VERBS:
                if lemma not in lex.VERBS_EVENT_WITH_SUBJECT or not any(c.dep_ == "nsubj" for c in tok.children):
                    continue
            if lemma in lex.SEMI_MODALS and _semi_modal_of(tok) is not None:
                semi_modals.append((tok, _verb_group(tok, None)))
                continue
            if tag == "VBN" or tag == "VBG":
                if dep != "ROOT" and tok.lower_ in lex.PARTICIPLE_PREPOSITIONS:
                    continue
                if dep == "acl" and tok.head.lemma_ in lex.PERIOD_NOUNS:
                    continue
                if lemma == "go" and _going_to(tok) is not None:
                    continue
            picked.append((tok, _verb_class(tok, lemma), "VERB", _verb_group(tok, None)))
        elif tag in _NOUN_TAGS:
            lemma = tok.lemma_.lower()
            if not _is_event_noun(tok, lemma):
                continue
            copula = tok.head if dep == "attr" and tok.head.lemma_ == "be" else None
            if copula is not None:
                copula_of[copula.i] = tok.i
            group = _verb_group(tok, copula) if copula is not None else _Group("NONE", "NONE", "POS", None)
            if copula is None and any(c.dep_ == "det" and c.lower_ in lex.NEGATING_DETERMINERS for c in tok.children):
                group.polarity = "NEG"
            picked.append((tok, _noun_class(lemma), "NOUN", group))
        elif tag in _ADJ_TAGS:
            if dep not in ("acomp", "oprd"):
                continue
            lemma = tok.lemma_.lower()
            if lemma not in lex.STATE_ADJECTIVES:
                continue
            copula = tok.head if tok.head.lemma_ == "be" else None
            if copula is not None:
                copula_of[copula.i] = tok.i
            group = _verb_group(tok, copula) if copula is not None else _Group("NONE", "NONE", "POS", None)
            cls: EventClass = "I_STATE" if lemma in lex.I_STATE_ADJECTIVES else "STATE"
            picked.append((tok, cls, "ADJECTIVE", group))
    trigger_at = {t.i for t, _, _, _ in picked}
    # a semi-modal is looked through: its verb's governor is the semi-modal's, and its verb's
    # relation to publication is the semi-modal's ("police had to use tear gas": BEFORE)
    semi_at = {t.i for t, _ in semi_modals}
    info: dict[int, tuple[_InfoPos, _Group, int | None]] = {}
    for tok, group in semi_modals:
        info[tok.i] = ("SEMI", group, _governor(tok, trigger_at | semi_at, copula_of))
    for tok, _, pos, group in picked:
        info[tok.i] = (pos, group, _governor(tok, trigger_at | semi_at, copula_of))
    memo: dict[int, T0 | None] = {}
    out: list[EventWord] = []
    for tok, cls, pos, group in picked:
        gov = info[tok.i][2]
        for _ in range(_CONJ_STEPS):
            if gov is None or gov not in semi_at:
                break
            gov = info[gov][2]
        t0 = _t0(tok.i, info, memo)
        out.append(
            EventWord(
                token=tok.i,
                start=tok.idx,
                end=tok.idx + len(tok.text),
                text=tok.text,
                lemma=tok.lemma_.lower(),
                cls=cls,
                pos=pos,
                tense=group.tense,
                aspect=group.aspect,
                polarity=group.polarity,
                modality=group.modality,
                t0=t0,
                governor=gov,
            )
        )
    return out


#: how far back along "and ... and ..." the first conjunct is looked for
_CONJ_STEPS = 16


def _governor(tok: Token, triggers: set[int], copula_of: dict[int, int]) -> int | None:
    """The event that ``tok`` is an argument or complement of, if the parse shows one."""
    dep = tok.dep_
    if dep == "attr" or dep == "acomp":
        # a predicate: the copula's own place in the sentence
        copula = tok.head
        if copula.lemma_ == "be":
            tok = copula
            dep = tok.dep_
    head = tok.head
    if dep == "pobj":
        head = head.head
    elif dep == "conj":
        # the first conjunct's place, at most `_CONJ_STEPS` back (a bound on work per word)
        for _ in range(_CONJ_STEPS):
            if tok.dep_ != "conj" or tok.head.i == tok.i:
                break
            tok = tok.head
        dep = tok.dep_
        head = tok.head
    elif dep == "acl":
        # "an attempt to flee": an infinitive completing an event noun
        if not any(c.tag_ == "TO" for c in tok.children):
            return None
    elif dep not in _ARGUMENT_DEPS:
        return None
    if head.i == tok.i:
        return None
    i = copula_of.get(head.i, head.i)
    return i if i in triggers and i != tok.i else None


def _t0(
    i: int,
    info: dict[int, tuple[_InfoPos, _Group, int | None]],
    memo: dict[int, T0 | None],
    depth: int = 0,
) -> T0 | None:
    """Relation to publication of the trigger at token ``i``: from its verb group when it is
    finite or modal, else from its governor's (an infinitive looks ahead of it)."""
    if i in memo:
        return memo[i]
    pos, group, gov = info[i]
    tense = group.tense
    rel: T0 | None
    if group.modality is not None:
        if group.aspect in ("PERFECTIVE", "PERFECTIVE_PROGRESSIVE"):
            rel = "BEFORE"
        elif group.aspect == "PROGRESSIVE":
            rel = "INCLUDES"
        elif group.polarity == "NEG" and gov is None and group.modality in lex.REFUSAL_MODALS:
            rel = "BEFORE"  # "he would not comment", "she could not be reached"
        else:
            rel = _as_t0(lex.T0_BY_MODAL.get(group.modality))
    elif (tense, group.aspect) in lex.T0_BY_TENSE_ASPECT:
        rel = _as_t0(lex.T0_BY_TENSE_ASPECT[(tense, group.aspect)])
    else:
        g = _t0(gov, info, memo, depth + 1) if gov is not None and depth < 20 else None
        if tense == "INFINITIVE" and gov is not None and g is not None and info[gov][0] == "SEMI":
            rel = g
        elif tense == "INFINITIVE":
            rel = _as_t0(lex.T0_INFINITIVE)
        elif g is not None:
            rel = g
        elif pos == "NOUN":
            rel = _as_t0(lex.T0_NOUN)
        else:
            rel = None
    memo[i] = rel
    return rel


_T0_VALUES: dict[str, T0] = {"BEFORE": "BEFORE", "AFTER": "AFTER", "INCLUDES": "INCLUDES", "IS_INCLUDED": "IS_INCLUDED"}


def _as_t0(value: str | None) -> T0 | None:
    return None if value is None else _T0_VALUES[value]
