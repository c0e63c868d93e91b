"""One analyzed document -> its `Timeline` (the ``timeline`` stage of `timeline.pipeline`).

The found events (`timeline.events.make`) are folded (a trigger dated twice is one event with
``more_times``), given their intervals in the document's zone, ids in timeline order, and the
deadlines among them. An event without a time that the text orders ("retaliation for the
strike": the strike came before) is placed just before the event it precedes.

Zones. When a document has a zone (an aware TIME interval, or ``timezone=``), its naive
day-and-longer intervals are put in that zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from timeline._model import Interval, Mention
from timeline.document import Document
from timeline.events.deadlines import settle
from timeline.events.found import Found
from timeline.events.make import find_all, intervals_in_zone
from timeline.events.due import Closed
from timeline.events.model import Deadline, Event, Source, TimeLink, Trigger
from timeline.events.order import Fact, OrderGraph, word_graph
from timeline.events.order.lexicon import STRENGTH
from timeline.events.timeline import Timeline, sort_key


def _event_zone(doc: Document) -> dt.tzinfo | None:
    """The zone for the document's day-long intervals: the one given, else the document's zone
    when a clock time is aware. A zone written next to one clock time ("at 1030 GMT") is that
    time's, not the document's: the days stay floating."""
    from timeline.zones import get_zone  # noqa: PLC0415

    if doc.timezone is not None:
        return get_zone(doc.timezone).tzinfo
    if doc.zone is None or not any(m.interval is not None and m.interval.start.tzinfo is not None
                                   for m in doc.mentions):
        return None
    return get_zone(doc.zone.name).tzinfo


def _found_of(doc: Document) -> tuple[list[Found], list[Interval | None]]:
    """The events of one document (`timeline.events.make`) and each one's interval in its zone."""
    found = find_all(doc)
    return found, intervals_in_zone(found, _event_zone(doc))


def _event(f: Found, event_id: str, before: tuple[str, ...], interval: Interval | None, text: str,
           doc_id: str, pub_text: str, mentions: Sequence[Mention], also: tuple[Trigger, ...] = (),
           more: tuple[Found, ...] = ()) -> Event:
    a, b = f.trigger
    return Event(
        id=event_id,
        description=f.due_what if f.deadline and f.due_what else f.description,
        trigger=Trigger(a, b, text[a:b]),
        kind=f.kind,
        relation=f.relation,
        t0=f.t0,
        time=None if f.mention is None else mentions[f.mention],
        time_id=None if f.mention is None else f"t{f.mention + 1}",
        interval=interval,
        sources=(Source(doc_id, f.sentence[0], f.sentence[1], pub_text),),
        before=before,
        also=also,
        more_times=tuple(TimeLink(mentions[g.mention], f"t{g.mention + 1}", g.relation)
                         for g in more if g.mention is not None) if more else (),
        cls=None if f.word is None else f.word.cls,
        tense=None if f.word is None else f.word.tense,
        aspect=None if f.word is None else f.word.aspect,
        polarity=None if f.word is None else f.word.polarity,
        modality=None if f.word is None else f.word.modality,
        subject=f.subject,
        object=f.object,
    )


@attrs.frozen
class _Folded:
    """The found events that become events (`keep`), and what each takes from the others."""

    keep: list[int]
    also: dict[int, tuple[Trigger, ...]]
    #: keeper -> the found events (indices) whose times it takes in ``more_times``
    more: dict[int, tuple[int, ...]]
    before: list[tuple[int, ...]]


def _fold(found: list[Found], text: str) -> _Folded:
    """The events to build, the triggers each takes from the ones folded into it (`Found.same_as`),
    the further times of a trigger dated twice, and each event's ``before`` with folded events
    replaced.

    A trigger dated by two times (`choose_links`) is one event: the first that is a deadline (not
    the limit it was moved from: "extended from Nov. 30 to Dec. 15" keeps Dec. 15), else
    the first with an interval, else the first, keeps; the others' times go to its ``more_times``.
    """
    by_trigger: dict[tuple[int, int], list[int]] = {}
    for n, f in enumerate(found):
        if f.same_as is None:
            by_trigger.setdefault(f.trigger, []).append(n)
    home: dict[int, int] = {}  # folded -> keeper
    more: dict[int, tuple[int, ...]] = {}
    for group in by_trigger.values():
        if len(group) > 1:
            current = [n for n in group if found[n].deadline and not (
                found[n].reading is not None and found[n].reading.update == "superseded")]
            keeper = next(iter(current), next((n for n in group if found[n].deadline),
                                              next((n for n in group if found[n].interval is not None), group[0])))
            more[keeper] = tuple(n for n in group if n != keeper)
            home.update((n, keeper) for n in group if n != keeper)
    keep = [n for n, f in enumerate(found) if f.same_as is None and n not in home]
    also: dict[int, tuple[Trigger, ...]] = {}
    for f in found:
        if f.same_as is not None:
            a, b = f.trigger
            also[f.same_as] = (*also.get(f.same_as, ()), Trigger(a, b, text[a:b]))

    def root(i: int) -> int:
        while True:
            j = found[i].same_as
            if j is None:
                return home.get(i, i)
            i = j

    before = [tuple(dict.fromkeys(root(i) for i in f.before)) if f.before else () for f in found]
    for folded, keeper in home.items():
        before[keeper] = tuple(dict.fromkeys((*before[keeper], *before[folded])))
    return _Folded(keep, also, more, before)


def _spans(found: list[Found], fold: _Folded, intervals: list[Interval | None]) -> None:
    """An event dated "starting" one time and "until" another ("runs from May 2 to June 9") lies
    over both: its interval runs from the start of the first to the end of the second; an event
    dated by two times, one within the other ("declared war in the summer of 1914 ... on 28 July"),
    lies on the narrower (in place)."""
    for keeper, others in fold.more.items():
        iv = intervals[keeper]
        if iv is None:
            continue
        if found[keeper].relation == "on":
            inner = [intervals[n] for n in others if found[n].relation == "on"]
            within = [x for x in inner if x is not None and (x.start.tzinfo is None) == (iv.start.tzinfo is None)
                      and iv.start <= x.start and x.end <= iv.end and x != iv]
            if within:
                intervals[keeper] = min(within, key=lambda x: x.end - x.start)
            continue
        if found[keeper].relation != "starting":
            continue
        n_end = next((n for n in others if found[n].relation == "until" and found[n].interval is not None), None)
        end = None if n_end is None else intervals[n_end]
        if end is not None and end.end > iv.start and (end.end.tzinfo is None) == (iv.start.tzinfo is None):
            intervals[keeper] = Interval(iv.start, end.end)


def _deadline(f: Found, ev: Event, text: str) -> Deadline | None:
    """The deadline of a found event, when the deadline grammar gave it a due instant."""
    if not f.deadline or f.instant is None or f.reading is None:
        return None
    r, due = f.reading, f.instant.due
    closed: Closed | None = "superseded" if r.update == "superseded" else None
    return Deadline(ev, due, r.what or f.due_what or f.description, r.who or f.demanded_by,
                    text[f.sentence[0] : f.sentence[1]], form=r.form, end_of_day=f.instant.end_of_day,
                    zone=_zone_name(due), obliged=r.obliged, update=None if closed else r.update, closed=closed)


def _zone_name(due: dt.datetime) -> str | None:
    tz = due.tzinfo
    if tz is None:
        return None
    key = getattr(tz, "key", None)
    if isinstance(key, str):
        return key
    off = due.utcoffset()
    if off is None:
        return None
    if not off:
        return "UTC"
    minutes = int(off.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def events_of(doc: Document) -> tuple[list[Event], list[Deadline]]:
    """Unordered events of one analyzed document (ids ``doc#n``) and its deadlines."""
    found, intervals = _found_of(doc)
    text, mentions = doc.text, doc.mentions
    fold = _fold(found, text)
    _spans(found, fold, intervals)
    ids = [f"{doc.id}#{n}" for n in range(len(found))]
    events: list[Event] = []
    deadlines: list[Deadline] = []
    for n in fold.keep:
        f = found[n]
        ev = _event(f, ids[n], tuple(ids[i] for i in fold.before[n] if i != n), intervals[n], text, doc.id,
                    doc.published_text, mentions, fold.also.get(n, ()), tuple(found[i] for i in fold.more.get(n, ())))
        events.append(ev)
        dl = _deadline(f, ev, text)
        if dl is not None:
            deadlines.append(dl)
    return events, settle(deadlines, doc.syntax)


def timeline_of(doc: Document) -> Timeline:
    """One analyzed document's timeline (the ``timeline`` stage of `timeline.pipeline`): `_order`
    without merging, on the found events, so that each `Event` is built once, with its final id."""
    found, intervals = _found_of(doc)
    text, mentions, doc_id, pub_text = doc.text, doc.mentions, doc.id, doc.published_text
    fold = _fold(found, text)
    _spans(found, fold, intervals)
    keep, before = fold.keep, fold.before
    anchored = [n for n in keep if intervals[n] is not None]
    all_aware = all(iv.start.tzinfo is not None for iv in (intervals[n] for n in anchored) if iv is not None)

    def key(n: int) -> tuple[dt.datetime, dt.datetime, int]:
        iv = intervals[n]
        assert iv is not None
        return (sort_key(iv.start, all_aware), sort_key(iv.end, all_aware), n)

    ordered = sorted(anchored, key=key)
    # events the text orders, without a time: just before the event they precede
    placed = set(ordered)
    pending = [n for n in keep if intervals[n] is None]
    for _ in range(3):
        rest = []
        for n in pending:
            target = next((b for b in before[n] if b in placed), None)
            if target is None:
                rest.append(n)
                continue
            ordered.insert(ordered.index(target), n)
            placed.add(n)
        pending = rest
    unplaced = [n for n in pending if found[n].mention is not None]
    ordered, facts = _in_order(doc, found, intervals, ordered, before, all_aware)
    new_ids = {n: f"e{k}" for k, n in enumerate(ordered + unplaced, start=1)}
    built: dict[int, Event] = {}
    also, more = fold.also, fold.more
    for n in (*ordered, *unplaced):
        earlier = before[n]
        folded = more.get(n)
        built[n] = _event(found[n], new_ids[n],
                          tuple(new_ids[b] for b in earlier if b in new_ids and b != n) if earlier else (),
                          intervals[n], text, doc_id, pub_text, mentions, also.get(n, ()),
                          tuple(found[i] for i in folded) if folded else ())
    deadlines = settle([d for d in (_deadline(found[n], built[n], text) for n in sorted(built)) if d is not None],
                       doc.syntax)
    order_facts = tuple(Fact(new_ids[f.earlier], new_ids[f.later], f.relation, f.cue, f.strength, f.evidence)
                        for f in facts)
    return Timeline(tuple(built[n] for n in ordered), tuple(built[n] for n in unplaced), tuple(deadlines),
                    order_facts)


def _in_order(doc: Document, found: list[Found], intervals: list[Interval | None], ordered: list[int],
              before: list[tuple[int, ...]], all_aware: bool) -> tuple[list[int], list[Fact[int]]]:
    """The timeline's events (indices into ``found``, in date order) in a total order that respects
    every committed fact between them (`timeline.events.order`), and those facts: the facts
    between every event word of the document, closed, then read between the timeline's events
    (through the other words); events the order leaves free keep their date and text order."""
    if doc.syntax is None or len(ordered) < 2:
        return ordered, []
    at = {w.start: w.token for w in doc.words}
    token_of: dict[int, int] = {}  # token -> found index
    for n in ordered:
        tok = at.get(found[n].trigger[0])
        if tok is not None and tok not in token_of:
            token_of[tok] = n
    dated = {t: iv for t, n in token_of.items() if (iv := intervals[n]) is not None}
    told = {n: t for t, n in token_of.items()}
    # what the text orders without dating ("retaliation for the strike"), found by `ordered`
    cause = [Fact(told[n], told[b], "BEFORE", "cause", STRENGTH["cause"], f"{found[n].trigger_text} ... "
                  f"{found[b].trigger_text}") for n in ordered for b in before[n] if n in told and b in told]
    # an event "before Monday" lies before Monday's start, not on Monday
    ahead_of = {t for t, n in token_of.items() if found[n].relation == "before"}
    words = word_graph(doc, dated, cause, ahead_of)
    graph: OrderGraph[int] = OrderGraph(ordered)
    # the text orders two dated events only where their dates leave it free (the same start: two
    # events of one day); elsewhere the dates decide
    facts = []
    for f in words.project(token_of):
        iv_a, iv_b = intervals[f.earlier], intervals[f.later]
        if found[f.earlier].relation == "before" or found[f.later].relation == "before":
            iv_a = iv_b = None  # not placed on its interval: the text may order it
        if f.cue != "dates" and iv_a is not None and iv_b is not None and iv_a.start != iv_b.start and \
                (f.relation == "SAME" or sort_key(iv_b.start, all_aware) < sort_key(iv_a.start, all_aware)):
            continue
        facts.append(f)
    graph.add_all(facts)
    position = {n: k for k, n in enumerate(ordered)}
    return graph.sequence(ordered, key=position.__getitem__), graph.committed
