"""Which dated events are deadlines or ultimatums, and what is due (read from the parse).

When each falls due and where it stands at a moment is `timeline.events.due`.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from timeline._model import Mention
from timeline.events import deadline_lexicon as L
from timeline.events.deadline_lexicon import COMMITMENTS, DEADLINE_WORDS, DEMANDS
from timeline.events.describe import describe
from timeline.events.find_lexicon import REPORTING
from timeline.syntax.sentences import sentence, span_root, story_start


@attrs.frozen
class Due:
    """Why a dated event is a deadline, and what is due: ``due_token`` is the event that is due
    when it is not the dated word itself (the infinitive of "gave them until Friday to register"),
    ``what`` how the deadline reads, ``who`` who demands it when the text says."""

    demanding: bool
    due_token: int | None = None
    what: str | None = None
    who: str | None = None


#: the dependencies by which an infinitive completes a verb ("gave them until Friday to register")
#: and a noun ("a deadline to comply", "14 days to respond", "the last day to register")
_VERB_INFINITIVE: Final = ("xcomp", "advcl", "acl", "ccomp")
_NOUN_INFINITIVE: Final = ("acl", "relcl", "xcomp", "advcl")


def _infinitive(tok: Any, deps: tuple[str, ...] = _VERB_INFINITIVE) -> Any:
    """The "to" infinitive that completes ``tok`` by one of ``deps``, or None."""
    for c in tok.children:
        if c.dep_ in deps and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
            return c
    return None


def _infinitive_noun(tok: Any) -> Any:
    """"a deadline to comply", "14 days to respond", "the last day to register"."""
    return _infinitive(tok, _NOUN_INFINITIVE)


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _phrase(tok: Any) -> str | None:
    """The words of ``tok``'s subtree as written, when short enough to name a participant."""
    words = list(tok.subtree)
    if not words or len(words) > 8:
        return None if not words else tok.text
    return str(tok.doc[words[0].i : words[-1].i + 1].text)


def _argument(verb: Any, deps: tuple[str, ...]) -> Any:
    return next((c for c in verb.children if c.dep_ in deps), None)


def _due_what(doc: Any, inf: Any, doer: Any, skip: list[tuple[int, int]]) -> str:
    """"households to register for vouchers": who must act (``doer``, as written) and the
    infinitive's own phrase."""
    text = describe(doc, inf.i, skip, chain=False).text
    phrase = text if text.startswith("to ") else f"to {text}"
    who = None if doer is None else _phrase(doer)
    return f"{who} {phrase}" if who else phrase


def _demander(verb: Any) -> str | None:
    """Who makes a demand: the subject of ``verb``; for "we", "they" in a quote, who says it
    ("'We ask security forces to ...,' said the Kataeb Hezbollah faction")."""
    subject = _argument(verb, ("nsubj",))
    if subject is not None and subject.tag_ != "PRP":
        return _phrase(subject)
    if verb.dep_ == "ccomp" and _lemma(verb.head) in REPORTING:
        speaker = _argument(verb.head, ("nsubj",))
        if speaker is not None and speaker.tag_ != "PRP":
            return _phrase(speaker)
    return None if subject is None else _phrase(subject)


def deadline_of(doc: Any, token: int, m: Mention, relation: str | None, kind: str) -> Due | None:
    """Whether the event word ``token`` of the spaCy ``doc``, dated by ``m`` with ``relation``, is a
    deadline or an ultimatum, and what is due (None when it is not one).

    A demand dated by its limit ("ordered them to leave by Sunday", "gave households until
    Friday to register"), a commitment ("agreed to exchange prisoners by Friday"), the time given
    to someone ("banks have until June 30 to submit"), and an event still to come that must
    happen "by" or "until" a time, or that a deadline word bears on ("the ultimatum expires at
    midnight"). A span's end ("from May 2 to June 9") is no limit, and an uncounted length
    ("within weeks") makes no due instant.
    """
    if m.type == "DURATION" and "X" in (m.value or ""):
        return None  # "will decide within weeks": nothing is due at any instant
    tok = doc[token]
    before = doc.char_span(m.start, m.end, alignment_mode="expand")
    span_end = before is not None and before.start > 0 and doc[before.start - 1].lower_ in ("to", "-") and any(
        t.lower_ in ("from", "between") for t in doc[max(before.start - 8, sentence(doc, token).start) : before.start - 1])
    skip = [(m.start, m.end)]
    limit = relation in ("by", "until") and not span_end
    lemma = _lemma(tok)
    head = tok.head if tok.head is not tok else None
    demand_head = head is not None and tok.tag_ == "VB" and tok.dep_ in ("xcomp", "advcl", "ccomp") and (
        _lemma(head) in DEMANDS or (_lemma(head) in COMMITMENTS and relation == "by"))
    if limit or relation == "starting":
        if lemma in DEMANDS and (lemma != "call" or any(c.lower_ in ("on", "for") for c in tok.children)):
            inf = _infinitive(tok)
            if inf is not None:  # "gave households until Friday to register"
                doer = _argument(tok, ("dative", "dobj")) or _argument(
                    next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), tok), ("pobj",))
                return Due(True, inf.i, _due_what(doc, inf, doer, skip), _demander(tok))
        if lemma == "have" and relation == "until":
            inf = _infinitive(tok)
            if inf is not None:  # "banks have until June 30 to submit their results"
                return Due(True, inf.i, _due_what(doc, inf, _argument(tok, ("nsubj",)), skip), None)
        if demand_head and head is not None:
            # "ordered troops to leave by Sunday", "agreed to exchange prisoners by Friday"
            if _lemma(head) in DEMANDS:
                doer = _argument(head, ("dative", "dobj"))
                return Due(True, token, _due_what(doc, tok, doer, skip), _demander(head))
            return Due(True, token, _due_what(doc, tok, None, skip).removeprefix("to "), None)
        if lemma in COMMITMENTS and relation == "by":
            inf = _infinitive(tok)
            if inf is not None:
                return Due(True, inf.i, _due_what(doc, inf, None, skip).removeprefix("to "), None)
    if kind == "occurred":
        return None
    near = [tok, *tok.children] + ([head] if head is not None else [])
    worded = any(_lemma(t) in DEADLINE_WORDS for t in near)
    if limit or worded:
        inf = _infinitive(tok) if worded else None
        if inf is None and worded:
            inf = next((t for t in near if _lemma(t) in DEADLINE_WORDS and _infinitive(t) is not None), None)
            inf = None if inf is None else _infinitive(inf)
        return Due(False, None if inf is None else inf.i,
                   None if inf is None else _due_what(doc, inf, _argument(inf, ("nsubj",)), skip), None)
    return None


# ------------------------------------------------------------------ the deadline grammar


@attrs.frozen
class Reading:
    """What the deadline grammar reads around one time expression.

    ``form`` names the form ("due", "deadline", "expires", "closes", "must-by", "have-until",
    "has-n-days", "n-day-deadline", "effective", "last-day", "within", "extended", ...);
    ``trigger`` is the token of the event that is due (or of the word that names the limit);
    ``what`` what is due, ``obliged`` who must act, ``who`` who demands it, as written.
    ``count`` says where a length counts from ("publication", or "event" when it counts from an
    event the text does not date: no instant); ``update`` is how the text moves an earlier limit
    to this one ("extended", "postponed", "moved up", ...) or "superseded" for the limit it moves
    from ("extended from Nov. 30 to ..."). ``negative`` is a reading that rules the time out as a
    deadline (a span's end, "two days after", a failed bill's terms, a schedule).
    """

    form: str
    trigger: int
    what: str | None = None
    obliged: str | None = None
    who: str | None = None
    count: str | None = None
    update: str | None = None
    negative: bool = False
    #: for a length counted from an event ("within 14 days of the Dec. 1 ruling"): the characters
    #: of the phrase that names the event; a date in it dates the count
    count_from: tuple[int, int] | None = None
    #: whether a date the text gives without its year or week ("Dec. 18", "Sunday") is read forward
    #: from publication: a limit is ahead, even when the act that set it is told in the past
    ahead: bool = True


def _words_before(doc: Any, start: int, n: int, floor: int) -> list[str]:
    return [t.lower_ for t in doc[max(floor, start - n) : start]]


def _relation(doc: Any, span: Any, floor: int) -> str | None:
    """How the time is introduced: "by" (by, before, no later than), "until", "to", "from", "of",
    "within", "on" (on, at, for, nothing)."""
    before = _words_before(doc, span.start, 3, floor)
    if before and before[-1] == ",":  # "no later than Election Day, May 17"
        wider = _words_before(doc, span.start, 7, floor)
        for k in range(len(wider) - 1, -1, -1):
            if wider[k] in L.BY_WORDS or wider[k] in L.UNTIL_WORDS or wider[k] == "than":
                before = wider[: k + 1]
                break
    first = span[0].lower_
    for seq in L.NO_LATER:
        if tuple(before[-len(seq):]) == seq:
            return "by"
    last = before[-1] if before else ""
    if first == "within" or last == "within":
        return "within"
    if first in L.BY_WORDS or last in L.BY_WORDS:
        return "by"
    if first in L.UNTIL_WORDS or last in L.UNTIL_WORDS:
        return "until"
    if last in ("to", "from", "of", "for"):
        return last
    if last in ("is", "was", "be", "are", "'s"):
        return "is"
    return "on"


def _chain(tok: Any, steps: int = 6) -> list[Any]:
    out = [tok]
    for _ in range(steps):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        out.append(tok)
    return out


def _subject(verb: Any) -> Any:
    """The subject of ``verb``; of two, the one after a dateline ("BOSTON--Applications ... are")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) > 1:
        start = story_start(sentence(verb.doc, verb.i))
        after = [c for c in subjects if c.i >= start]
        before_verb = [c for c in after if c.i < verb.i]
        return (before_verb or after or subjects)[-1]
    return subjects[0] if subjects else None


def _np(tok: Any) -> str | None:
    """A participant's noun phrase as written (at most 8 words; else its head word), without a
    dateline the parser joined to it ("BOSTON--Applications for the program")."""
    if tok is None:
        return None
    start = story_start(sentence(tok.doc, tok.i))
    if tok.left_edge.i < start <= tok.i:
        words = tok.doc[start : tok.right_edge.i + 1]
        return str(words.text) if len(words) <= 8 else str(tok.text)
    return _phrase(tok)


def _limit_noun(tok: Any) -> bool:
    lem = _lemma(tok)
    if lem in L.LIMIT_NOUNS or tok.lower_ in L.LIMIT_NOUNS:
        return True
    mods = L.DATE_NOUNS.get(lem)
    return mods is not None and any(c.lower_ in mods for c in tok.children if c.dep_ in ("amod", "compound"))


def _for_clause(noun: Any) -> tuple[Any, Any]:
    """"a deadline for the rebels to leave": (the rebels, leave); "deadline for bids": (None, bids)."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is None:
                continue
            inf = _infinitive_noun(obj)
            return (obj, inf) if inf is not None else (None, c)
    inf = _infinitive_noun(noun)
    if inf is not None:
        doer = next((c for c in inf.children if c.dep_ == "nsubj"), None)
        return doer, inf
    return None, None


def _what_of_verb(doc: Any, verb: Any, skip: list[tuple[int, int]]) -> str:
    return describe(doc, verb.i, skip, chain=False).text


def _modified_by_compound(noun: Any) -> str | None:
    """"the tax filing deadline": "tax filing"; "a strike deadline": "strike"."""
    words = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("NOUN", "PROPN", "VERB")
             and not c.like_num and c.lower_ not in ("day", "hour", "week", "month")]
    if not words:
        return None
    lo = min(w.left_edge.i for w in words)
    return str(noun.doc[lo : noun.i + 1].text)


def _failed_bill(sent: Any) -> bool:
    lemmas = {_lemma(t) for t in sent}
    if not (lemmas & L.BILL_NOUNS):
        return False
    return bool(lemmas & L.FAILED) or any(t.lower_ == "would" and t.nbor(1).lower_ == "have"
                                          for t in sent[:-1])


def _recurring(doc: Any, sent: Any) -> bool:
    """A schedule: "every day", "each week", "daily", "on weekdays"."""
    return any(t.lower_ in L.RECURRING or (t.lower_ in ("every", "each") and t.i + 1 < sent.end
                                           and doc[t.i + 1].lower_ in L.RECURRING_AFTER_EVERY) for t in sent)


def _past_verb(tok: Any) -> bool:
    """A verb group in the past: "expired", "was due", "had to register", a bare participle
    the small parser tags VBN ("the first round lapsed on Nov. 1")."""
    if tok.tag_ == "VBD" or any(c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in tok.children):
        return True
    if tok.tag_ == "VBN" and tok.dep_ in ("ROOT", "conj", "acl") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and tok.head.tag_ == "VBD" and _lemma(tok.head) in ("have", "need")


def _modal_words(verb: Any) -> set[str]:
    """The auxiliaries of a verb group, lower case ("must", "be", "have", "to", "would")."""
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}


def _obliged_verb(verb: Any) -> bool:
    """A verb group that puts an obligation: "must register", "are required to file", "need to
    return", "have to pick up", "will have to install", or an infinitive a demand governs
    ("ordered the bank to repay", "asked schools to report"), or an imperative ("Apply by ...")."""
    words = _modal_words(verb)
    if words & {"must", "should", "shall", "ought"}:
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        if _lemma(head) in L.OBLIGING or _lemma(head) in DEMANDS or _lemma(head) in COMMITMENTS or _lemma(head) == "need":
            return True
        if head.lower_ in ("required", "told", "asked", "ordered"):
            return True
    if verb.tag_ == "VB" and _subject(verb) is None and verb.dep_ == "ROOT":
        return True  # an imperative
    return False


def _obliging(verb: Any) -> bool:
    """An obligation, a commitment, a demand or a window to act: "must register", "agreed to pay",
    "ordered the bank to repay", "Families can apply", "supposed to conclude"; not a plan or a
    forecast ("will double its flights by August", "the goal is to put troops there by ...")."""
    if _obliged_verb(verb):
        return True
    if (_lemma(verb) in DEMANDS or _lemma(verb) in L.OBLIGING) and any(c.dep_ == "auxpass" for c in verb.children):
        return True  # "Guests are asked to RSVP by", "all staff are required to ... by"
    if _modal_words(verb) & L.PERMITTING and _lemma(verb) in L.IMPERATIVES:
        return True
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.i != verb.i:
        return _obliging(verb.head)  # "must obtain approval and complete the deal by"
    return False


def _predicted(verb: Any) -> bool:
    """A verb group that says what may happen, not what must: "would pass", "could end"."""
    words = _modal_words(verb)
    return bool(words & {"would", "could", "may", "might"}) and not (words & {"have", "must"}) and verb.dep_ != "xcomp"


def _lexical_close(doc: Any, sent: Any, span: Any) -> Reading | None:
    """"Applications close at 5 p.m.", "The insurance cover lapses on Feb. 28": a closable noun or
    any noun before "close(s)", "lapse(s)", "expire(s)" just before the time (the small parser
    reads these verbs as nouns or adjectives)."""
    words = [t for t in doc[max(sent.start, span.start - 4) : span.start]]
    for k, t in enumerate(words):
        low = t.lower_
        if low in ("close", "closes", "lapse", "lapses", "expire", "expires") and t.i > sent.start:
            prev = doc[t.i - 1]
            rest = words[k + 1:]
            if any(w.pos_ == "VERB" for w in rest) or prev.pos_ not in ("NOUN", "PROPN", "VERB"):
                continue
            if low.startswith("close") and prev.lemma_.lower() not in L.CLOSABLE and prev.lower_ not in L.CLOSABLE:
                continue
            lo = prev.left_edge.i if prev.left_edge.i >= sent.start else prev.i
            subj = str(doc[max(lo, sent.start) : t.i].text)
            form = "closes" if low.startswith("close") else low.rstrip("s") + "s"
            if subj.lower().startswith("polls"):
                form = "polls close"
            return Reading(form, t.i, f"{subj} {low}", None, None)
    return None


def read(doc: Any, m: Mention) -> Reading | None:
    """What the deadline grammar reads around the time expression ``m`` of the parsed ``doc``:
    a `Reading` of a deadline, a negative `Reading` (not a deadline), or None (no opinion).

    A date without its year or week is read forward from publication when a limit is set or
    stated ("The board set a deadline of Dec. 18": the next Dec. 18), not when an obligation is
    told in the past ("voters had to register by Sept. 10")."""
    r = _read(doc, m)
    if r is None or r.negative:
        return r
    # what the whole sentence says, read only for a deadline found (a sentence scan per time is dear)
    sent = sentence(doc, r.trigger)
    if _recurring(doc, sent):
        return Reading("schedule", r.trigger, negative=True)  # "closes at 8 p.m. on weekdays"
    if _failed_bill(sent):
        return Reading("failed-bill", r.trigger, negative=True)  # "the bill, which failed, would have required"
    if r.form not in _VERB_FORMS:
        if r.form in _SETTING_FORMS or r.update is not None:
            return r
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        told = None if span is None else next((t for t in _chain(span_root(span))[1:8] if t.pos_ in ("VERB", "AUX")
                                                and (t.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
                                                    c.dep_ in ("aux", "auxpass") for c in t.children))), None)
        return attrs.evolve(r, ahead=False) if told is not None and _past_verb(told) else r
    verb = doc[r.trigger]
    if _past_verb(verb) and not any(c.lower_ in ("must", "will", "shall") for c in verb.children):
        return attrs.evolve(r, ahead=False)
    return r


#: forms that set or give a limit: a date without its year is read forward even when the act is past
_SETTING_FORMS: Final = frozenset(("set a deadline", "ultimatum", "n-day deadline", "has-n-days", "have-until"))
#: forms read from the verb that is due: a past tense tells a past obligation
_VERB_FORMS: Final = frozenset(("must-by", "apply-by", "submissions until", "within"))


def _read(doc: Any, m: Mention) -> Reading | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    sent = sentence(doc, span.start)
    floor = sent.start
    root = span_root(span)
    skip = [(m.start, m.end)]
    if m.type == "SET":
        return Reading("schedule", root.i, negative=True)
    rel = _relation(doc, span, floor)
    after = doc[span.end] if span.end < sent.end else None
    if m.type == "DURATION" and after is not None and after.lower_ in L.AFTER_WORDS:
        return Reading("after", root.i, negative=True)  # "two days after the vote"
    if rel == "to" and any(t.lower_ in ("from", "between") for t in doc[max(floor, span.start - 8) : span.start - 1]) \
            and not any(_lemma(t) in L.MOVING for t in doc[max(floor, span.start - 8) : span.start]):
        return Reading("span", root.i, negative=True)  # "from May 2 to June 9"
    if rel == "until" and any(t.lower_ == "from" for t in doc[max(floor, span.start - 8) : span.start - 1]):
        return Reading("span", root.i, negative=True)
    chain = _chain(root)
    near = list(chain)
    for t in chain[1:4]:
        near += [c for c in t.children if c.i not in {x.i for x in near}]
    verb0 = next((t for t in chain[1:5] if t.pos_ in ("VERB", "AUX")), None)
    # a moved limit: "was extended to Dec. 15", "pushed back to March", "moved up to Monday"
    mover = next((t for t in chain[1:6] if _lemma(t) in L.MOVING and t.pos_ in ("VERB",)), None)
    if mover is not None and not (chain[1].i == mover.i or chain[1].head.i == mover.i or (
            len(chain) > 2 and chain[2].i == mover.i and chain[1].dep_ == "pobj")):
        mover = None  # the time is another verb's ("extended the offer ... that it mailed last Friday")
    if mover is not None and rel in ("to", "until", "for", "from") and _limitish(mover):
        lem = _lemma(mover)
        update = L.MOVING[lem]
        if lem == "push" and not any(c.lower_ in ("back", "out") for c in mover.children):
            update = "moved"
        if lem == "move" and any(c.lower_ in ("up", "forward") for c in mover.children):
            update = "moved up"
        if not (lem == "set" and rel not in ("to", "for")):
            what = _limit_what(doc, mover, m)
            if rel == "from":
                return Reading(update, mover.i, what, update="superseded")
            return Reading(update, mover.i, what, update=update)
    if any(t.lower_ == "would" for t in near) and any(t.lower_ == "have" and t.dep_ == "aux" for t in near):
        return Reading("counterfactual", root.i, negative=True)
    past = verb0 is not None and _past_verb(verb0)
    # "the ultimatum expires at midnight", "the permit lapses", "funding runs out on Friday"
    expiring = next((t for t in chain[1:4] if t.pos_ == "VERB" and t.i < span.start and (_lemma(t) in L.EXPIRING or (
        _lemma(t) == L.RUN_OUT[0] and any(c.lower_ == L.RUN_OUT[1] for c in t.children)))), None)
    if expiring is not None:
        governors = [expiring, *(t for t in _chain(expiring, 3)[1:] if t.pos_ in ("VERB", "AUX", "ADJ"))]
        if _past_verb(expiring) or any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for g in governors
                                       for c in g.children):
            return Reading("expired", expiring.i, negative=True)  # "had been due to expire Friday"
        form = "runs out" if _lemma(expiring) == "run" else ("set to expire" if _lemma(expiring.head) == "set"
                                                           else _lemma(expiring) + "s")
        subj = _subject(expiring) or (_subject(expiring.head) if expiring.dep_ == "xcomp" else None)
        what = f"{_np(subj)} {expiring.lower_}" if subj is not None else _what_of_verb(doc, expiring, skip)
        if form == "set to expire" and subj is not None:
            what = f"{_np(subj)} expires"
        return Reading(form, expiring.i, what, None, None)
    # a limit noun on the way up: "a deadline of 11:59 p.m.", "Friday's deadline", "a 60-day deadline"
    k_noun = next((k for k, t in enumerate(chain) if _limit_noun(t)), None)
    noun = None if k_noun is None else chain[k_noun]
    below = None
    if noun is not None:
        inf = _infinitive_noun(noun)
        if inf is not None and any(t.i == inf.i for t in chain[:k_noun]):
            return None  # the time dates what is due, not the limit ("the last day to register for the spring term")
        below = next((t for t in chain[1:k_noun] if t.pos_ == "VERB"), None)
    if noun is None:
        # "the deadline is Friday", "Friday is the deadline to file", "set Dec. 9 as the deadline"
        for t in chain[1:4]:
            if t.pos_ not in ("VERB", "AUX"):
                continue
            cands = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")]
            cands += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
            noun = next((c for c in cands if _limit_noun(c)), None)
            if noun is not None:
                below = next((v for v in chain[1:chain.index(t)] if v.pos_ == "VERB"), None)
                break
    if noun is not None:
        # "set a deadline for the rebels to leave the town on January 7": the parser hangs the
        # "for ... to" clause on the verb
        clause = next((t for t in chain[1:3] if t.tag_ == "VB" and t.dep_ in ("advcl", "xcomp", "ccomp")
                       and t.head.i == noun.head.i and any(c.dep_ == "mark" and c.lower_ == "for" for c in t.children)), None)
        if clause is None and noun.head.pos_ == "VERB":
            clause = next((c for c in noun.head.children if c.pos_ == "VERB" and c.dep_ in ("advcl", "xcomp")
                           and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)), None)
        if clause is None and below is not None and below.i != noun.head.i and below.tag_ == "VB":
            clause = below  # "issued an ultimatum: the troops must leave by Sunday"
        return _from_limit_noun(doc, noun, m, rel, clause, past)
    # "Bids are due Dec. 15", "payment is due by Friday"
    due = next((t for t in near if t.lower_ == "due" and t.pos_ in ("ADJ", "ADP", "ADV")
                and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to")), None)
    if due is not None:
        verb = due.head if due.dep_ in ("acomp", "amod", "advmod", "prep") else due
        if _past_verb(verb):
            return Reading("was-due", due.i, negative=True)
        subj = _subject(verb) if verb.pos_ in ("AUX", "VERB") else (
            due.head if due.dep_ in ("amod", "advmod", "acl") and due.head.pos_ in ("NOUN", "PROPN") else None)
        if subj is not None and subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
            subj = verb.head  # "the notes, which will be due on Nov. 1, 2004"
        if subj is not None and (_lemma(subj) in L.MATURING or subj.lower_ in L.MATURING):
            return Reading("maturity", due.i, negative=True)  # "debentures due March 1, 2011"
        if subj is not None and (_lemma(subj) in L.EXPECTED_DUE or subj.lower_ in L.EXPECTED_DUE):
            return Reading("expected", due.i, negative=True)  # "the general election due this September"
        what = _np(subj)
        return Reading("due-by" if rel == "by" else "due", due.i, None if what is None else f"{what} due",
                       None, None)
    # "registration closes on Dec. 5", "polls close at 8 p.m.", "applications are open until Friday"
    closing = next((t for t in (*chain[1:4], *near) if t.pos_ in ("VERB", "AUX", "ADJ") and t.i < span.start and (
        (_lemma(t) in L.CLOSING and t in chain) or (t.lower_ == "open" and rel == "until"))), None)
    if closing is not None:
        verb = closing if closing.pos_ != "ADJ" else closing.head
        subj = _subject(verb) or next((c for c in verb.children if c.dep_ == "compound" and c.i < verb.i), None)
        if subj is not None and (_lemma(subj) in L.CLOSABLE or subj.lower_ in L.CLOSABLE):
            if _past_verb(verb):
                return Reading("closed", closing.i, negative=True)
            form = "polls close" if _lemma(subj) in ("poll", "polls") else "closes"
            return Reading(form, closing.i, f"{_np(subj)} {'close' if form == 'polls close' else 'closes'}", None, None)
        if closing.lower_ == "open":
            return Reading("state", closing.i, negative=True)  # "the museum is open until 6pm"
    lexical = _lexical_close(doc, sent, span)
    if lexical is not None:
        return lexical
    # "the curfew takes effect at 10 p.m.", "effective Jan. 1, all staff must ..."
    effect = next((t for t in chain[1:4] if _lemma(t) in L.EFFECT_VERBS and any(
        g.lower_ in L.EFFECT_NOUNS for c in t.children for g in (c, *c.children))), None)
    if effect is not None and not _past_verb(effect):
        subj = _subject(effect)
        if subj is None or not (_lemma(subj) in L.ORDER_NOUNS or subj.lower_ in L.ORDER_NOUNS):
            return Reading("in-effect", effect.i, negative=True)  # "the appointment takes effect Nov. 13"
        what = f"{_np(subj)} takes effect" if subj is not None else _what_of_verb(doc, effect, skip)
        return Reading("effective", effect.i, what, None, None)
    if any(t.lower_ == "effective" for t in doc[max(floor, span.start - 2) : span.start]):
        eff = next(t for t in doc[max(floor, span.start - 2) : span.start] if t.lower_ == "effective")
        owner = eff.head if eff.head.pos_ in ("NOUN", "PROPN") else None
        if owner is None or not (_lemma(owner) in L.ORDER_NOUNS or owner.lower_ in L.ORDER_NOUNS):
            return Reading("in-effect", eff.i, negative=True)  # "a new office of the chairman, effective Feb. 1"
        return Reading("effective", eff.i, f"{_np(owner)} effective", None, None)
    # "have until Dec. 31 to submit", "gave households until Friday to register"
    if rel == "until":
        have = next((t for t in chain[1:4] if _lemma(t) in ("have", "give", "get", "grant", "allow")), None)
        if have is not None:
            inf = _infinitive_noun(have) if have.pos_ == "VERB" else (have.head if have.dep_ == "aux" and have.head.tag_ == "VB" else None)
            if inf is None and have.pos_ == "VERB":
                inf = _infinitive_noun(root)  # "have until Feb. 11, 2016 to file": the parser hangs it on the date
            if inf is not None:
                doer = next((c for c in have.children if c.dep_ in ("dative", "dobj", "nsubjpass")), None)
                if doer is None and _lemma(have) in ("have", "get"):
                    doer = _subject(have) or _subject(inf)
                words = doc[inf.i : inf.right_edge.i + 1]
                text = "to " + str(words.text).rstrip(" .,;") if len(words) <= 10 else _to(_what_of_verb(doc, inf, skip))
                if doer is not None and not text.lower().startswith(str(doer.text).lower()):
                    text = f"{_np(doer)} {text}"
                who = _demander(have) if _lemma(have) in ("give", "grant", "allow") else None
                if past and inf.i > 0 and _lemma(have) == "have":
                    return Reading("had-until", inf.i, negative=True)
                return Reading("have-until", inf.i, text, _np(doer), who)
    # "RSVP by Dec. 1", "Apply by Feb. 3": an imperative (no subject) or RSVP before "by"
    if rel in ("by", "until"):
        verb = next((t for t in chain[1:8] if t.pos_ == "VERB" or t.lower_ == "rsvp"), None)
        if verb is None and any(t.lower_ == "rsvp" for t in doc[max(floor, span.start - 3) : span.start]):
            verb = next(t for t in doc[max(floor, span.start - 3) : span.start] if t.lower_ == "rsvp")
        first = doc[story_start(sent)]
        if (verb is None or verb.i != first.i) and first.lower_ in L.IMPERATIVES and rel == "by" \
                and first.i < span.start and span.start - first.i <= 6 and first.i + 1 < len(doc) and \
                doc[first.i + 1].lower_ not in ("'s", "of"):
            verb = first  # "Register by April 22 to vote": the small parser reads a name
            return Reading("apply-by", verb.i, _what_of_verb(doc, verb, skip) if verb.pos_ == "VERB"
                           else str(doc[verb.i : span.start - 1].text), None, None)
        if verb is not None and (verb.lower_ == "rsvp" or (verb.tag_ == "VB" and _subject(verb) is None
                                                           and verb.i == sent.start)):
            return Reading("rsvp" if verb.lower_ == "rsvp" else "apply-by", verb.i,
                           "RSVP" if verb.lower_ == "rsvp" else _what_of_verb(doc, verb, skip), None, None)
        if verb is not None and rel == "until" and _lemma(verb) in L.ACCEPTING and _subject(verb) is not None \
                and any(c.dep_ == "auxpass" for c in verb.children):
            return Reading("submissions until", verb.i, _what_of_verb(doc, verb, skip), None, None)
        if verb is not None and rel == "until":
            if _lemma(verb) in L.STATE_SPANS or not _obliged_verb(verb) or any(c.dep_ == "auxpass" for c in verb.children):
                return Reading("state", verb.i, negative=True)  # "schools will remain closed until Monday"
        if verb is not None and rel == "by":
            if _past_verb(verb) and not _obliged_verb(verb):
                return Reading("past-by", verb.i, negative=True)
            if _predicted(verb):
                return Reading("predicted", verb.i, negative=True)  # "the storm would pass by Friday"
            if verb.dep_ in ("xcomp", "ccomp") and _lemma(verb.head) in L.EXPECTING:
                return Reading("expected", verb.i, negative=True)  # "expects to close the deal by June"
            if not _obliging(verb):
                return Reading("plan", verb.i, negative=True)  # "will double its flights by August"
            if True:
                head = verb.head
                if verb.dep_ == "xcomp" and _lemma(head) in DEMANDS:
                    # "called on members to return to work by Friday", "ordered the bank to repay"
                    doer = _argument(head, ("dative", "dobj")) or _argument(
                        next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), head),
                        ("pobj",))
                    if doer is not None:
                        text = _to(_what_of_verb(doc, verb, skip))
                        return Reading("must-by", verb.i, f"{_np(doer)} {text}", _np(doer), _demander(head))
                subj = _subject(verb) or (_subject(head) if verb.dep_ == "xcomp" else None)
                return Reading("must-by", verb.i, _what_of_verb(doc, verb, skip), _np(subj), None)
    # "has 14 days to respond", "were given 30 days to leave", "within 30 days"
    if m.type == "DURATION":
        return _from_length(doc, span, root, chain, m, rel)
    return None


def _limitish(mover: Any) -> bool:
    """Whether a moving verb moves a limit: its subject or object is one ("the deadline was
    extended", "extended the deadline"), or it is the filing or the registration a limit binds
    ("registration was extended to Friday"; not for "set": "set a vote for Friday" is no limit)."""
    args = [c for c in mover.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(_limit_noun(a) or (_lemma(a) in L.CLOSABLE and _lemma(mover) != "set") for a in args)


def _limit_what(doc: Any, mover: Any, m: Mention) -> str | None:
    arg = next((c for c in mover.children if c.dep_ in ("nsubjpass", "dobj") and _limit_noun(c)), None)
    if arg is None:
        arg = next((c for c in mover.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")), None)
    if arg is None:
        return None
    if _limit_noun(arg):
        return _modified_by_compound(arg) or _noun_what(doc, arg, m)
    return _np(arg)


def _noun_what(doc: Any, noun: Any, m: Mention) -> str | None:
    doer, thing = _for_clause(noun)
    if thing is not None:
        if thing.pos_ == "VERB" and thing.tag_ != "VBG":
            text = _what_of_verb(doc, thing, [(m.start, m.end)])
            text = text if text.startswith("to ") or doer is not None else f"to {text}"
            if doer is not None and not text.lower().startswith(str(doer.text).lower()):
                return f"{_np(doer)} {text}" if not text.startswith("to ") else f"{_np(doer)} {text}"
            return text
        if thing.lower_ == "for":  # "the deadline for filing claims": the words after "for", up to the time
            end = min([thing.right_edge.i + 1, *(t.i for t in thing.subtree if m.start <= t.idx < m.end)])
            words = noun.doc[thing.i + 1 : end]
            text = str(words.text).strip(" ,")
            return text if 0 < len(words) <= 8 else _np(thing)
        return _np(thing)
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    if verb is not None:  # "set a deadline of Dec. 18 for a decision": "for" hangs on the verb
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        obj = None if prep is None else next((g for g in prep.children if g.dep_ == "pobj"), None)
        if obj is not None and not (m.start <= obj.idx < m.end):
            inf = _infinitive_noun(obj)
            if inf is not None:
                return f"{_np(obj)} {_to(_what_of_verb(noun.doc, inf, [(m.start, m.end)]))}"
            return _np(obj)
    return _modified_by_compound(noun)


def _to(text: str) -> str:
    return text if text.startswith("to ") else f"to {text}"


def _giver(noun: Any) -> tuple[Any, Any]:
    """The verb that sets or gives a limit noun, and who is given it ("Iran was given a deadline":
    Iran; "gave Iran a deadline": Iran), and who sets it."""
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass", "attr", "pobj") else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None, None
    return verb, next((c for c in verb.children if c.dep_ in ("dative", "nsubjpass")), None)


def _from_limit_noun(doc: Any, noun: Any, m: Mention, rel: str | None, clause: Any = None,
                     past: bool = False) -> Reading:
    if noun.dep_ == "nsubj" and _lemma(noun.head) in L.PASSING and _past_verb(noun.head):
        return Reading("passed", noun.i, negative=True)  # "the deadline passed on Monday"
    if any(c.dep_ == "acl" and _lemma(c) in L.PASSING and c.tag_ in ("VBD", "VBN") for c in noun.children):
        return Reading("passed", noun.i, negative=True)  # "the deadline passed on Monday" (read as a noun phrase)
    if noun.dep_ == "dobj" and _lemma(noun.head) in ("miss", "meet") and (
            _past_verb(noun.head) or (noun.head.dep_ == "xcomp" and _past_verb(noun.head.head))):
        return Reading("missed", noun.i, negative=True)  # "missed a Nov. 15 deadline"
    if past and any(c.lower_ in ("previous", "earlier", "original", "old") for c in noun.children):
        return Reading("previous", noun.i, negative=True)  # "the previous deadline was Nov. 20"
    verb, given = _giver(noun)
    what: str | None
    if clause is not None:
        doer, inf = _subject(clause), clause
        what = _what_of_verb(doc, clause, [(m.start, m.end)])
        if not what.startswith(("to ", str(doer.text) if doer is not None else "\0")) and clause.dep_ != "ROOT" \
                and any(c.lower_ == "to" for c in clause.children):
            what = f"to {what}"
        if doer is not None and not what.lower().startswith(str(doer.text).lower()):
            what = f"{_np(doer)} {what}"
    else:
        what = _noun_what(doc, noun, m)
        doer, inf = _for_clause(noun)
    obliged = _np(doer) if doer is not None else _np(given)
    who = None
    form = "ultimatum" if _lemma(noun) == "ultimatum" else "deadline"
    if verb is not None and _lemma(verb) in L.GIVING:
        form = "set a deadline" if _lemma(verb) in ("set", "impose", "issue") and form == "deadline" else form
        setter = _subject(verb)
        if setter is not None and setter.dep_ == "nsubj":
            who = _demander(verb)
    if m.type == "DURATION":
        form = "n-day deadline"
    if what and obliged and inf is not None and not what.startswith(obliged) and doer is None:
        what = f"{obliged} {what}" if what.startswith("to ") else what
    if verb is not None and _past_verb(verb) and _lemma(verb) in L.PASSING and _lemma(verb) != "set":
        return Reading("passed", noun.i, what, obliged, who, negative=True)
    trigger = inf if inf is not None else noun
    return Reading(form, trigger.i, what, obliged, who, count="publication" if m.type == "DURATION" else None)


def _from_length(doc: Any, span: Any, root: Any, chain: list[Any], m: Mention, rel: str | None) -> Reading | None:
    """"has 14 days to respond", "were given 30 days to leave", "must leave within 48 hours"."""
    head = root.head
    if root.dep_ in ("dobj", "npadvmod", "attr") and _lemma(head) in L.GIVING:
        inf = _infinitive_noun(root) or _infinitive_noun(head)
        if inf is not None:
            doer = next((c for c in head.children if c.dep_ in ("dative", "nsubjpass")), None)
            if doer is None and _lemma(head) in ("have", "get"):
                doer = _subject(head)
            text = _what_of_verb(doc, inf, [(m.start, m.end)])
            text = text if text.startswith("to ") else f"to {text}"
            return Reading("has-n-days", inf.i, f"{_np(doer)} {text}" if doer is not None else text,
                           _np(doer), _demander(head) if _lemma(head) in ("give", "grant", "allow") else None,
                           count="publication")
    if rel == "within":
        verb = next((t for t in chain[1:4] if t.pos_ == "VERB"), None)
        if verb is None or _past_verb(verb) or any(c.lower_ == "had" for c in verb.children):
            return None  # "within a week, the army had crossed the border": told, not due
        if not _obliging(verb) and not (verb.dep_ in ("advcl", "xcomp", "ccomp") and _lemma(verb.head) in DEMANDS):
            return Reading("plan", verb.i, negative=True)  # "will finish its investigation within a year"
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ in ("of", "after", "from")), None)
        if of is None:
            of = next((c for c in span if c.dep_ == "prep" and c.lower_ in ("of", "after", "from")), None)
        count = "event" if of is not None else "publication"
        after = None if of is None else (of.idx, of.right_edge.idx + len(of.right_edge.text))
        return Reading("within", verb.i, _what_of_verb(doc, verb, [(m.start, m.end)]), None, None, count=count,
                       count_from=after)
    return None


# ------------------------------------------------------------------ updates: superseded, met, cancelled

_GENERIC: Final = frozenset((
    "the a an of to for and or its their his her is was be been has have had will would must by on at "
    "deadline deadlines date due cutoff ultimatum extended extend postponed pushed back moved up until "
    "new final last day this that it they he she which who"
).split())
_MOVES: Final = frozenset(L.MOVING.values())


def _content(text: str | None) -> set[str]:
    if not text:
        return set()
    words = {w.strip(".,:;'\"()").lower() for w in text.split()}
    return {w for w in words if len(w) > 2 and w.isalpha() and w not in _GENERIC}


def _position(d: Any) -> int:
    return int(d.event.trigger.start)


def _same(earlier: Any, later: Any) -> bool:
    """Whether two deadlines of one text bind the same obligation, by the words of what is due."""
    a, b = _content(earlier.what) | _content(earlier.event.description), _content(later.what)
    return bool(a & b)


def _target(candidates: list[Any], words: set[str]) -> Any:
    """Of the deadlines told before an update, the latest that shares a word with it; else, for
    an update about a limit ("met the deadline") or a strong one ("called off"), the latest."""
    if not candidates:
        return None
    sharing = [d for d in candidates if (_content(d.what) | _content(d.event.description)) & words]
    if sharing:
        return sharing[-1]
    return candidates[-1] if words & {"\0limit", "\0strong"} else None


def _closing_updates(doc: Any) -> list[tuple[int, str, set[str]]]:
    """The statements of a parsed text that close an obligation: (character offset, status, the
    words of the clause): "the strike was called off", "a strike was averted", "met the deadline"."""
    out = []
    for t in doc:
        lem = str(t.lemma_).lower()
        if lem not in _CLOSING_LEMMAS or t.pos_ != "VERB":
            continue
        key = "call off" if lem == "call" and any(c.lower_ == "off" and c.dep_ == "prt" for c in t.children) else lem
        state = L.CLOSING_UPDATES.get(key)
        if state is None or key == "call":
            continue
        aux = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass", "neg")}
        if aux & {"not", "n't", "never", "must", "will", "would", "could", "should", "may", "might", "to"}:
            continue
        if not (t.tag_ == "VBD" or (t.tag_ == "VBN" and aux & {"was", "were", "has", "have", "had", "been"})):
            continue
        words = {w.lower_ for w in t.subtree if w.is_alpha and len(w) > 2} - _GENERIC
        limit = any(_limit_noun(c) or _lemma(c) in ("demand", "condition", "order", "ultimatum")
                    for c in t.children if c.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj", "prep"))
        if limit:
            words.add("\0limit")
        if key in _STRONG_CLOSERS:
            words.add("\0strong")
        out.append((t.idx, state, words))
    return out


#: updates that close the latest deadline told before them even when they share no word with it
#: ("The traders were given until Friday to leave. The governor called off the eviction.")
_STRONG_CLOSERS: Final = frozenset(("call off", "cancel", "avert", "scrap"))
_CLOSING_LEMMAS: Final = frozenset({"call", *(k for k in L.CLOSING_UPDATES if " " not in k)})


def settle(deadlines: list[Any], doc: Any = None) -> list[Any]:
    """The deadlines of one text, with what its later statements say of them: a limit moved
    ("was extended to Dec. 15", "pushed back", "moved up", "postponed") supersedes the earlier
    limit of the same obligation (by the words of what is due; a bare "the deadline was
    extended" the latest one told before); a statement that calls it off, averts it or meets it
    ("the strike was called off", "met the deadline") closes the latest deadline told before it
    that shares a word with it, else the latest one. ``doc`` is the text's parse."""
    ordered = sorted(deadlines, key=_position)
    out = {id(d): d for d in ordered}
    for n, d in enumerate(ordered):
        if d.update not in _MOVES:
            continue
        before = [out[id(e)] for e in ordered[:n] if out[id(e)].closed is None and e.due != d.due]
        same = [e for e in before if _same(e, d)]
        generic = not (_content(d.what) - {"filing", "registration"}) or not same
        chosen = same or (before[-1:] if generic else [])
        for e in chosen:
            out[id(e)] = attrs.evolve(e, closed="superseded", superseded_by=d.event.id)
    if doc is not None and ordered:
        for at, state, words in _closing_updates(doc):
            open_before = [out[id(d)] for d in ordered if _position(d) < at and out[id(d)].closed is None]
            target = _target(open_before, words)
            if target is not None:
                out[id(next(d for d in ordered if d.event.id == target.event.id))] = attrs.evolve(target, closed=state)
    return [out[id(d)] for d in deadlines]


def supersede_across(deadlines: list[Any]) -> list[Any]:
    """Deadlines of several texts: of two that bind the same obligation (most of the words of
    what is due alike) with different due instants, the one told in the later-published text
    supersedes the other."""
    from timeline._reference import as_reference  # noqa: PLC0415

    def published(d: Any) -> Any:
        pub = next((s.published for s in d.event.sources if s.published), None)
        if not pub:
            return None
        try:
            return as_reference(pub).when.replace(tzinfo=None)
        except (TypeError, ValueError):
            return None

    out = list(deadlines)
    for i, a in enumerate(out):
        for j, b in enumerate(out):
            if i == j or a.closed is not None or b.closed == "superseded":
                continue
            if {s.document for s in a.event.sources} & {s.document for s in b.event.sources}:
                continue
            wa, wb = _content(a.what), _content(b.what)
            if not wa or not wb or len(wa & wb) / len(wa | wb) < 0.5:
                continue
            pa, pb = published(a), published(b)
            if pa is None or pb is None or not pa < pb:
                continue
            try:
                differ = a.due != b.due
            except TypeError:
                differ = True
            if differ:
                out[i] = a = attrs.evolve(a, closed="superseded", superseded_by=b.event.id)
    return out


def closing_updates_of(doc: Any, document: str, published: Any) -> list[tuple[Any, str, str, set[str]]]:
    """A text's statements that close an obligation, for other texts: (published, document id,
    status, words)."""
    return [(published, document, state, words) for _at, state, words in _closing_updates(doc)]


def close_across(deadlines: list[Any], updates: list[tuple[Any, str, str, set[str]]]) -> list[Any]:
    """Deadlines of several texts closed by a later-published text that calls them off, averts or
    meets them ("the strike was called off"), when it shares a word of what is due (never by
    position alone, across texts)."""
    from timeline._reference import as_reference  # noqa: PLC0415

    def when(d: Any) -> Any:
        pub = next((x.published for x in d.event.sources if x.published), None)
        try:
            return None if not pub else as_reference(pub).when.replace(tzinfo=None)
        except (TypeError, ValueError):
            return None

    out = list(deadlines)
    for published, document, state, words in updates:
        later = as_reference(published).when.replace(tzinfo=None)
        for i, d in enumerate(out):
            told = when(d)
            if d.closed is not None or told is None or not told < later \
                    or document in {x.document for x in d.event.sources}:
                continue
            if (_content(d.what) | _content(d.event.description)) & words:
                out[i] = attrs.evolve(d, closed=state)
    return out
