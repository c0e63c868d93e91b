"""Linked event words -> the events of the timeline (`Found`), before they get their ids.

For each link (a time and the event word it dates, from `timeline.events.link`) this stage reads
the event word's verb group (`timeline.events.find`), places it (`timeline.events.place`),
decides whether it is a deadline (`timeline.events.deadlines`), and describes it
(`timeline.events.describe`). Events that the text only orders ("retaliation for the strike")
come from `timeline.events.order`. Nothing here reads words again: it reads the parse and what
the earlier stages decided.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from timeline._model import Interval, Mention
from timeline.events.deadline_lexicon import IMPOSING, SETTING
from timeline.events.deadlines import Due, Reading, deadline_of, read
from timeline.events.due import due_after, due_of
from timeline.events.describe import TimeSpans, describe
from timeline.events.find_lexicon import PLANNED_MODIFIERS
from timeline.events.found import Found, sentence_of
from timeline.events.model import Kind, Relation, T0Relation
from timeline.events.order import ordered
from timeline.events.place import (
    Tense,
    duration_of,
    event_interval,
    kind_and_t0,
    naive_like,
    narrow,
)
from timeline.syntax.sentences import span_root

if TYPE_CHECKING:
    from timeline.document import Document
    from timeline.events.find import EventWord

#: the timeline's tense of a verb group whose relation to publication the event finder decided
_TENSE_OF_T0: Final[dict[str, Tense]] = {"AFTER": "future", "BEFORE": "past", "INCLUDES": "present",
                                         "IS_INCLUDED": "present"}


def tense_of(word: EventWord) -> Tense:
    """The tense the timeline needs, from the event word's TimeML tense and aspect; for a modal
    verb group ("would resume", "could not be reached") and a form with no tense of its own (an
    infinitive, a participle), from its relation to publication as the event finder read it
    (`EventWord.t0`: the modal, its negation, its governor)."""
    if word.tense == "FUTURE":
        return "future"
    if word.modality is not None:
        return _TENSE_OF_T0.get(word.t0 or "", "none")
    if word.tense == "PAST":
        return "past"
    if word.tense == "PRESENT":
        if word.aspect in ("PERFECTIVE", "PERFECTIVE_PROGRESSIVE"):
            return "present" if word.aspect == "PERFECTIVE_PROGRESSIVE" else "perfect"
        return "present"
    if word.pos == "VERB":
        return _TENSE_OF_T0.get(word.t0 or "", "none")
    # a noun looks ahead with the verb group it is an argument of ("will hold a vote"); else its
    # time decides
    return "future" if word.t0 == "AFTER" else "none"


def _planned(tok: Any) -> bool:
    """An event noun a plan word modifies: "the planned conclusion", "the proposed merger"."""
    return any(c.dep_ == "amod" and c.lemma_.lower() in PLANNED_MODIFIERS for c in tok.children)


def find_all(document: Document) -> list[Found]:
    """The events of the timeline of ``document``: one per link, then the ordered ones."""
    doc = document.syntax
    mentions = document.mentions
    ref = document.reference
    published = ref.when
    pub_end = published if ref.has_time or published.date() == dt.date.max else published + dt.timedelta(days=1)
    words = {w.token: w for w in document.words}
    # the time expressions of each sentence, left out of its descriptions (one pass over them)
    listed: dict[tuple[int, int], list[tuple[int, int]]] = {}
    # a possessive time names the thing it dates ("no group claimed Saturday's attacks"): it is
    # left out of its own event's description only
    possessive: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for x in mentions:
        token = doc.char_span(x.start, x.end, alignment_mode="expand")
        if token is not None:
            bounds = sentence_of(doc, token.start)
            listed.setdefault(bounds, []).append((x.start, x.end))
            if token.end < len(doc) and doc[token.end].tag_ == "POS":
                possessive.setdefault(bounds, []).append((x.start, x.end))
    spans_in = {bounds: TimeSpans(spans) for bounds, spans in listed.items()}
    no_spans = TimeSpans(())
    found: list[Found] = []
    also: list[tuple[Any, int]] = []  # (verb, index of the event it tells) for `Event.also`
    dated = {ln.token for ln in document.links}
    readings: dict[int, Reading | None | object] = {}
    zone = _deadline_zone(document)
    for link in document.links:
        m = mentions[link.mention]
        # nothing said: a date or a time is "on", a length "during"
        link = attrs.evolve(link, relation=link.relation or ("during" if m.type == "DURATION" else "on"))
        word = words.get(link.token)
        tok = doc[link.token]
        sentence = sentence_of(doc, link.token)
        skip = spans_in.get(sentence, no_spans)
        others = [p for p in possessive.get(sentence, ()) if p != (m.start, m.end)]
        if others:
            skip = TimeSpans(p for p in listed[sentence] if p not in others)
        tense: Tense = "none" if word is None else tense_of(word)
        if word is not None and word.pos == "NOUN" and _planned(tok):
            tense = "future"
        if m.type == "SET":
            kind, t0 = _recurring(tense)
            desc = describe(doc, link.token, skip)
            found.append(Found(sentence, (tok.idx, tok.idx + len(tok.text)), tok.text, desc.text, link.mention,
                               link.relation, tense, kind, t0, None, False, word=word,
                               subject=desc.subject, object=desc.object))
            continue
        iv0 = narrow(m) if m.type != "DURATION" else None
        ahead = iv0 is not None and naive_like(iv0.start, published) >= pub_end
        if word is not None and word.tense == "INFINITIVE":
            # an infinitive looks ahead of what governs it ("told police to stay away starting on
            # Sunday", "had agreed to exchange prisoners by the end of the week"), unless its time
            # is over before publication
            over = iv0 is not None and naive_like(iv0.end, published) <= published
            tense = "past" if over and not ahead else "future"
        kind, t0 = kind_and_t0(tense, link.relation, m, iv0, published, pub_end)
        reading = readings.get(link.mention, _MISSING)
        if reading is _MISSING:
            reading = readings[link.mention] = read(doc, m)
        due, reading, instant = _deadline(doc, link.token, m, link.relation, kind, reading, published, zone, ref.has_time, mentions)
        if due is not None:
            kind = "deadline"
            setting = tok.lemma_.lower() in SETTING and due.due_token in (None, link.token)
            if (due.due_token is not None and due.due_token != link.token) or (not setting and (
                    t0 != "BEFORE" or (due.demanding and ahead))):
                t0 = "AFTER"  # what is due lies ahead; the act that set or moved it keeps its tense
        iv = _interval(doc, link.token, m, kind, link.relation, iv0, published)
        if instant is not None:
            iv = _deadline_interval(m, instant, published) if instant.moved_ahead or iv is None else iv
        token = link.token if due is None or due.due_token is None else due.due_token
        t = doc[token]
        taker = _taker(doc, t, m, words) if due is None else None
        if taker is not None and taker.i in dated:
            taker = None  # the verb has a time of its own: two events ("claimed Saturday's attacks" by Sunday)
        # "the union called a Monday strike": the strike, told by the clause that takes it
        desc = describe(doc, token if taker is None else taker.i, skip)
        if taker is not None and words[taker.i].cls != "REPORTING" and t.dep_ == "dobj":
            also.append((taker, len(found)))
        found.append(Found(
            sentence=sentence,
            trigger=(t.idx, t.idx + len(t.text)),
            trigger_text=t.text,
            description=desc.text,
            mention=link.mention,
            relation=link.relation,
            tense=tense,
            kind=kind,
            t0=t0,
            interval=iv,
            deadline=due is not None,
            demanded_by=None if due is None else due.who,
            due_what=None if due is None else due.what,
            word=words.get(token, word),
            subject=desc.subject,
            object=desc.object,
            reading=None if due is None else reading,
            instant=instant,
        ))
    linked = {ln.mention for ln in document.links}
    for n_m, m in enumerate(mentions):
        if n_m in linked or m.type == "SET":
            continue
        got = readings.get(n_m, _MISSING)
        reading = read(doc, m) if got is _MISSING else got
        if not isinstance(reading, Reading) or reading.negative:
            continue
        due, reading, instant = _deadline(doc, reading.trigger, m, None, "deadline", reading, published, zone, ref.has_time, mentions)
        if due is None or reading is None:
            continue
        t = doc[reading.trigger]
        sentence = sentence_of(doc, t.i)
        desc = describe(doc, t.i, spans_in.get(sentence, no_spans))
        iv = None if instant is None else _deadline_interval(m, instant, published)
        found.append(Found(sentence, (t.idx, t.idx + len(t.text)), t.text, desc.text, n_m, "by", "future", "deadline",
                           "AFTER", iv, True, demanded_by=reading.who, due_what=reading.what, word=words.get(t.i),
                           subject=desc.subject, object=desc.object, reading=reading, instant=instant))
    for verb, n in also:
        f = found[n]
        found.append(attrs.evolve(f, trigger=(verb.idx, verb.idx + len(verb.text)), trigger_text=verb.text,
                                  word=words.get(verb.i), same_as=n))
    ordered(document, found)
    return found


#: arcs by which a time before a noun sets it for a day ("called a Monday strike", "reported a
#: fourth-quarter loss"); not a possessive, which dates the noun alone ("condemned Saturday's bombing")
_MODIFIER_ARCS: Final = frozenset(("compound", "amod", "nmod", "npadvmod"))


def _taker(doc: Any, noun: Any, m: Mention, words: dict[int, EventWord]) -> Any:
    """The verb whose object is the event noun ``noun`` that the time ``m`` modifies ("called a
    Monday strike", "reported a fourth-quarter loss") or measures ("to end two decades of war"),
    when that verb is an event word too: the noun is told by the verb's clause."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        length = noun.head.head  # "to end two decades of war": the war, told by the verb
        inside = m.start <= length.idx < m.end
        verb = length.head
        return verb if inside and verb.i in words and words[verb.i].pos == "VERB" else None
    if noun.dep_ != "dobj" or noun.head.i not in words or words[noun.head.i].pos != "VERB":
        return None
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not any(t.head.i == noun.i and t.dep_ in _MODIFIER_ARCS for t in span):
        return None
    return noun.head


def _interval(doc: Any, token: int, m: Mention, kind: Kind, relation: Relation | None, iv0: Interval | None,
              published: dt.datetime) -> Interval | None:
    if m.type == "DURATION":
        head = doc[token]
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and any(c.dep_ == "prep" and c.lower_ == "of" for c in span_root(span).children) \
                and not (head.i >= span.start and head.i < span.end):
            return None  # "within 14 days of a petition being filed": counted from an event
        if head.lemma_.lower() in IMPOSING and relation == "during":
            return None  # "has declared a state of calamity for 60 days": runs from the decree, not back
        iv = event_interval(m, kind, relation, published)
        if kind == "deadline" and iv is None:
            step = duration_of(m.value)
            try:
                iv = None if step is None or "X" in m.value else Interval(published, published + step)
            except (ValueError, OverflowError):
                iv = None
        return iv
    iv = iv0
    if kind == "ongoing" and relation == "starting" and iv is not None:
        now = naive_like(published, iv.start)  # "has continued since September": up to publication
        if iv.start < now:
            iv = Interval(iv.start, now)
    return iv


_MISSING: Final = object()
#: forms of the deadline grammar that demand something of someone
_DEMAND_FORMS: Final = frozenset(("must-by", "have-until", "has-n-days", "n-day deadline", "set a deadline",
                                  "ultimatum", "apply-by", "rsvp"))


def _deadline_zone(document: Document) -> dt.tzinfo | None:
    """The zone a day deadline is due in: the one given, else the document's (dateline, "local
    time", a zone the text gives with a clock time); None when unknown."""
    from timeline.zones import get_zone  # noqa: PLC0415

    name = document.timezone or (None if document.zone is None else document.zone.name)
    return None if name is None else get_zone(name).tzinfo


def _deadline(doc: Any, token: int, m: Mention, relation: Relation | None, kind: Kind, reading: Any,
              published: dt.datetime, zone: dt.tzinfo | None, has_time: bool = True,
              others: Sequence[Mention] = ()) -> tuple[Due | None, Reading | None, Any]:
    """Whether the event word ``token`` dated by ``m`` is a deadline: by the deadline grammar's
    ``reading`` when it has one (`timeline.events.deadlines.read`), else by `deadline_of`; with
    its due instant (`timeline.events.due.due_of`). A limit over before publication, that no
    update moved, is background: no deadline."""
    if isinstance(reading, Reading):
        if reading.negative:
            return None, None, None
        # the event stays the word the time dates ("closes", "extended"), unless what is due is an
        # infinitive of its own ("gave them until Friday to register": the registering)
        trig = doc[reading.trigger]
        infinitive = trig.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in trig.children)
        due: Due | None = Due(reading.form in _DEMAND_FORMS, reading.trigger if infinitive else None,
                              reading.what, reading.who)
        if reading.form in ("must-by", "have-until") and reading.who is None:
            # a demand's own reading names who must act and who demands ("told police to leave")
            old = deadline_of(doc, token, m, relation, "deadline")
            if old is not None and old.what:
                trigger = old.due_token if old.due_token is not None else reading.trigger
                due = Due(True, trigger, old.what, old.who or reading.who)
                reading = attrs.evolve(reading, trigger=trigger, what=old.what, who=due.who)
    else:
        due = deadline_of(doc, token, m, relation, kind)
        if due is None:
            return None, None, None
        form = {"by": "must-by", "until": "until", "starting": "starting"}.get(relation or "", "limit")
        if m.type == "DURATION":
            form = "within"
        reading = Reading(form, token if due.due_token is None else due.due_token, due.what, None, due.who)
        if m.type == "DURATION":
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and any(c.dep_ == "prep" and c.lower_ == "of" for c in span_root(span).children):
                reading = attrs.evolve(reading, count="event")
    instant = due_of(m, published, count=reading.count, zone=zone, has_time=has_time, ahead=reading.ahead)
    if instant is None and reading.count == "event" and reading.count_from is not None:
        a, b = reading.count_from
        start = next((x for x in others if a <= x.start and x.end <= b and x.type in ("DATE", "TIME")), None)
        if start is not None:  # "within 14 days of the Dec. 1 ruling": counted from Dec. 1
            instant = due_after(m, start, zone=zone)
    if instant is None and reading.count != "event":
        return None, None, None  # "within weeks": nothing is due at any instant
    if instant is not None and reading.update is None:
        pub_day = dt.datetime.combine(published.date(), dt.time())
        if instant.due.replace(tzinfo=None) < pub_day:
            return None, None, None  # a limit told as background: over before publication
    return due, reading, instant


def _deadline_interval(m: Mention, instant: Any, published: dt.datetime) -> Interval | None:
    """Where a deadline lies on the timeline: from publication to its due instant for a length,
    its day (or its minute) otherwise."""
    due = instant.due
    try:
        if m.type == "DURATION":
            start = published if published.tzinfo is not None or due.tzinfo is None else published.replace(tzinfo=due.tzinfo)
            return Interval(start, due + dt.timedelta(minutes=1))
        if instant.end_of_day:
            day = due.replace(hour=0, minute=0)
            return Interval(day, day + dt.timedelta(days=1))
        return Interval(due, due)
    except (OverflowError, ValueError):  # at the edges of the calendar
        return None


def _recurring(tense: Tense) -> tuple[Kind, T0Relation]:
    """A recurring event ("every Friday") is ``ongoing`` unless its tense puts it after
    (``expected``) or before (``occurred``: "met every Friday until 1990")."""
    if tense == "future":
        return "expected", "AFTER"
    if tense == "past":
        return "occurred", "BEFORE"
    return "ongoing", "INCLUDES"


def intervals_in_zone(found: Sequence[Found], zone: dt.tzinfo | None) -> list[Interval | None]:
    """Each found event's interval, its naive day-long ones put in the document's ``zone``."""
    if zone is None:
        return [f.interval for f in found]
    out: list[Interval | None] = []
    for f in found:
        iv = f.interval
        if iv is not None and iv.start.tzinfo is None:
            iv = Interval(iv.start.replace(tzinfo=zone), iv.end.replace(tzinfo=zone))
        out.append(iv)
    return out
