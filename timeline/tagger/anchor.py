"""Re-anchoring from the parse: a time takes its direction from the verb that governs it.

The tagger reads words, not the sentence: in "The company announced plans on Monday
to cut 500 jobs" the nearest tense cue of "Monday" is "plans", so the words alone put the
announcement on the coming Monday. With a dependency parse of the text the time's
governing verb group is known ("announced": past), and `reanchor` resolves the
mention again with that direction.

Only expressions the tagger itself resolves by tense are touched (a weekday, a month or a
date without a year, "the weekend", ...: `timeline.tagger._needs_tense`), and only when the
verb group is clear:

* a past verb (VBD), a perfect ("has met", "had left") or a past passive ("was seen") -> past;
* "will"/"shall", a modal without "have", "going to" -> future;
* "would" in a reported clause ("said the talks would resume Monday") -> future;
* a to-infinitive takes the direction of what governs it: a plan or a commitment
  ("agreed to meet in March", "plans to cut jobs in March") looks ahead, a future
  governor looks ahead;
* the present, a verb of another kind, no verb reached, or a preposition that sets a
  deadline ("until", "by", "for") on the way: the tagger's own choice stays.

Every rule below is a row of a table; the tests run an example sentence for each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

import attrs

from timeline._model import Mention
from timeline._reference import Reference, as_reference
from timeline.syntax.sentences import span_root
from timeline.tagger import tag
from timeline.tagger.context import Tense

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["governing_tense", "reanchor"]

# ------------------------------------------------------------------ tables

#: relations of a time hanging on its verb without a preposition ("said Monday", "arrested two men Friday night":
#: the root of the time is "night")
BARE_DEPS: Final = frozenset({"npadvmod", "tmod"})
#: relations of a time joined to another time, whose place it takes ("on Monday and Tuesday")
JOINED_DEPS: Final = frozenset({"conj", "appos"})
#: relations of a noun that a time phrase hangs on, through which the climb goes on to the verb:
#: the parser often hangs "on Monday" on the object ("announced plans on Monday to cut jobs")
NOUN_HOP_DEPS: Final = frozenset({"dobj"})
#: prepositions that set a deadline or a target, whatever the verb's tense: the tagger knows them
#: ("was postponed until Monday", "set a vote for March", "extended to Friday")
DEADLINE_PREPS: Final = frozenset({"until", "till", "til", "by", "through", "thru", "to", "for", "into",
                                   "toward", "towards", "than", "ahead", "before"})
#: auxiliaries that put the verb group ahead
FUTURE_AUX: Final = frozenset({"will", "'ll", "ll", "shall", "wo"})
#: modals that put the verb group ahead unless a perfect follows ("might resume Monday", not
#: "may have died on Monday"); "could" is also the past of "can" and says nothing by itself
MODAL_AHEAD: Final = frozenset({"might", "may", "should", "must", "can", "ca"})
#: modals that, negated, tell what failed in the past ("could not be reached for comment Tuesday")
MODAL_PAST_NEGATED: Final = frozenset({"could"})
_NEGATIONS: Final = frozenset({"not", "n't", "never"})
#: auxiliaries of the perfect: with a participle the verb group is past ("has met", "had left")
PERFECT_AUX: Final = frozenset({"have", "has", "had", "'ve", "'d", "having"})
#: past forms of "be" before a participle: "was seen", "were meeting"
PAST_BE: Final = frozenset({"was", "were"})
#: lemmas that govern an infinitive as a plan, a commitment or a schedule: what they govern is ahead
#: ("agreed to meet in March", "plans to cut jobs in March", "is expected to resume Monday")
PLAN_LEMMAS: Final = frozenset("""agree vote decide plan promise pledge vow threaten ask urge order tell invite
    approve offer propose hope want intend aim expect schedule set slate due prepare seek need
    plan""".split())
#: participles of a schedule: "was scheduled on Monday" may still be ahead; the tagger decides
SCHEDULE_PARTICIPLES: Final = frozenset({"scheduled", "expected", "planned", "set", "slated", "due", "supposed",
                                         "postponed", "delayed", "deferred", "rescheduled", "adjourned", "moved",
                                         "pushed"})
#: verbs whose clause is reported speech: "would" under them is a future told in the past
REPORTING_LEMMAS: Final = frozenset("""say tell announce add report state predict warn insist claim believe
    think expect indicate confirm note estimate argue promise pledge vow agree decide hope fear know
    suggest assure forecast write disclose reveal""".split())
#: relations by which a clause hangs under a reporting verb
_REPORTED_DEPS: Final = frozenset({"ccomp", "conj"})
#: relations by which an infinitive hangs under what governs it
_INFINITIVE_DEPS: Final = frozenset({"xcomp", "advcl", "acl", "ccomp", "relcl", "conj", "dobj", "oprd"})
_MAX_CLIMB: Final = 8


# ------------------------------------------------------------------ the verb group


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.tag_ == "MD"


def governor(doc: Doc, start: int, end: int) -> Token | None:
    """The verb that governs the characters ``[start, end)``, or None (no verb reached, the time
    modifies a noun, or a deadline preposition stands before it)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span_root(span)
    for _ in range(_MAX_CLIMB):
        dep, head = tok.dep_, tok.head
        if head is tok:
            return None
        if dep in JOINED_DEPS and not _is_verb(head):
            tok = head  # "on Monday and Tuesday", "Friday, Oct. 13": the time it is joined to
            continue
        if dep in BARE_DEPS:  # "said Monday"
            return head if _is_verb(head) else None
        if dep != "pobj" or head.dep_ != "prep" or head.lower_ in DEADLINE_PREPS:
            return None
        holder = head.head
        if _is_verb(holder):
            return holder  # "met on Monday"
        if holder.dep_ in NOUN_HOP_DEPS and _is_verb(holder.head):
            return holder.head  # "announced plans on Monday": the object's verb
        return None  # "a cutback in September": the time modifies a noun
    return None


def _auxes(verb: Token) -> list[str]:
    found = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not found and verb.dep_ == "conj" and _is_verb(verb.head) and verb.tag_ in ("VB", "VBN", "VBG"):
        # "will meet on Monday and vote on Friday": the second verb shares the first one's auxiliaries
        found = [c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    return found


def _reported(verb: Token) -> bool:
    """Whether the clause of ``verb`` is told by a reporting verb in the past ("said ... would")."""
    tok = verb
    for _ in range(3):
        if tok.dep_ not in _REPORTED_DEPS or tok.head is tok:
            return False
        head = tok.head
        if head.lemma_.lower() in REPORTING_LEMMAS and head.tag_ in ("VBD", "VBN"):
            return True
        tok = head
    return False


def verb_tense(verb: Token, depth: int = 0) -> Tense:
    """'past', 'future' or None (the present, or nothing clear) for the verb group of ``verb``."""
    aux = _auxes(verb)
    if any(a in FUTURE_AUX for a in aux):
        return "future"
    perfect = any(a in PERFECT_AUX for a in aux)
    if "would" in aux:
        return "future" if _reported(verb) and not perfect else None
    if any(a in MODAL_PAST_NEGATED for a in aux) and any(c.dep_ == "neg" and c.lower_ in _NEGATIONS
                                                         for c in verb.children):
        return "past"
    if any(a in MODAL_AHEAD for a in aux):
        return "past" if perfect else "future"
    if "to" in aux:  # an infinitive: what governs it tells
        return _infinitive(verb, depth)
    if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children):
        return "future"  # "is going to report"
    if verb.lower_ in SCHEDULE_PARTICIPLES:
        return None  # "was scheduled on Monday": the tagger reads the plan
    if perfect and verb.tag_ in ("VBN", "VBG"):
        return "past"
    if any(a in PAST_BE for a in aux) and verb.tag_ in ("VBN", "VBG"):
        return "past"
    if verb.tag_ == "VBD" and not aux:
        return "past"
    return None


def _infinitive(verb: Token, depth: int) -> Tense:
    head = verb.head
    if verb.dep_ not in _INFINITIVE_DEPS or head is verb or depth > 3:
        return None
    if head.lemma_.lower() in PLAN_LEMMAS or head.lower_ in PLAN_LEMMAS:
        group = head if _is_verb(head) else head.head  # "had been due to": the adjective's "be"
        if _is_verb(group) and any(a in PERFECT_AUX for a in _auxes(group)):
            return None  # "had been due to expire Friday": a plan told as changed; the tagger reads it
        return "future"  # "agreed to meet in March", "plans to cut jobs in March"
    if not _is_verb(head):
        return None
    if verb_tense(head, depth + 1) == "future":
        return "future"
    return None


def governing_tense(doc: Doc, start: int, end: int) -> Tense:
    """The direction the parse gives the time at characters ``[start, end)``: 'past', 'future' or
    None when the verb group that governs it says nothing clear."""
    verb = governor(doc, start, end)
    if verb is None:
        return None
    return verb_tense(verb)


# ------------------------------------------------------------------ the public step


def reanchor(doc: Doc, mentions: Sequence[Mention], published: Reference | dt.date | dt.datetime | str,
             *, follow: bool = False) -> list[Mention]:
    """``mentions`` (of ``doc.text``, as `timeline.extract` or the tagger gave them) with the values
    of times the tagger resolves by tense re-resolved where the verb group that governs them says
    the other direction. Same order, same spans; everything else unchanged.

    ``published`` is what `timeline.extract` took (or a `Reference`). With ``follow`` the mentions
    that count from a re-resolved one ("the next day" after it) follow it; by default only the
    mentions the parse decided change.
    """
    ref = published if isinstance(published, Reference) else as_reference(published)
    text = doc.text

    def hint(start: int, end: int) -> Tense:
        return governing_tense(doc, start, end)

    hinted: set[tuple[int, int]] = set()
    fresh = tag(text, ref, tense_hint=hint, hinted=hinted)
    if not hinted:
        return list(mentions)
    by_span = {(m.start, m.end): m for m in fresh}
    out: list[Mention] = []
    for m in mentions:
        new = by_span.get((m.start, m.end))
        if new is None or new.type != m.type or text[m.start:m.end] != m.text or new.value == m.value \
                or (not follow and (m.start, m.end) not in hinted):
            out.append(m)
            continue
        out.append(_relocalized(m, attrs.evolve(m, value=new.value, grain=new.grain, interval=new.interval)))
    return out


def _relocalized(old: Mention, new: Mention) -> Mention:
    """A TIME mention keeps the zone the old one had been given (DATE mentions stay naive)."""
    if new.type != "TIME" or (old.tz is None and old.zone_note is None):
        return attrs.evolve(new, tz=None, zone_note=None) if new.type == "TIME" else new
    from timeline.zones import get_zone, localize  # noqa: PLC0415

    naive = attrs.evolve(new, tz=None, zone_note=None)
    return localize([naive], get_zone(old.tz) if old.tz is not None else None)[0]
