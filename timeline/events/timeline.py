"""The ordered `Timeline`: events in time order with the deadlines among them, read on any clock.

Order. An event with an interval is placed by it: earlier start first, then
earlier end (so a day comes before the hours inside it, as a calendar puts
all-day entries at the top of the day), then text order. Events are compared in
UTC when every interval is aware, else on the clock times as written. Then the
order the text gives (``order_facts``, `timeline.events.order`) moves events the
dates leave free: two events of one day in the order the text tells them to
have happened. `Timeline.order` answers for any two events, with the evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import attrs

from timeline._model import Interval
from timeline.events.due import as_now
from timeline.events.model import Deadline, Event
from timeline.events.order.graph import Fact, OrderGraph, Relation


def sort_key(when: dt.datetime, all_aware: bool) -> dt.datetime:
    """``when`` on the line events are sorted on: UTC (naive) when ``all_aware``, else the clock
    reading as written."""
    if all_aware:
        return when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return when if when.tzinfo is None else when.replace(tzinfo=None)  # (replace is slow)


_T = TypeVar("_T")


def soonest_first(items: Iterable[_T], due: Callable[[_T], dt.datetime]) -> list[_T]:
    """``items`` by their ``due`` instant: in UTC when every one has a zone, else by the clock
    readings as written (a floating time cannot be put on the UTC line)."""
    items = list(items)
    aware = all(due(x).tzinfo is not None for x in items)
    return sorted(items, key=lambda x: sort_key(due(x), aware))


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
    #: the committed facts of order between the events (by id), each with its cue, strength and
    #: evidence; the iteration order respects every one (see `order`)
    order_facts: tuple[Fact[str], ...] = ()

    def order(self, a: Event | str, b: Event | str) -> Relation[str]:
        """How event ``a`` stands to event ``b`` (events or ids): BEFORE, AFTER, SAME (the text
        says they start together) or UNKNOWN, with the chain of facts that says so (``evidence``;
        ``cue`` and ``strength`` are its weakest link's). `KeyError` names an unknown id.

        >>> from timeline import build
        >>> tl = build("The talks collapsed on Monday. The envoy left on Tuesday.", published="2020-01-08")
        >>> tl.order(tl[1], tl[0]).relation
        'AFTER'
        """
        ids = [x if isinstance(x, str) else x.id for x in (a, b)]
        for i in ids:
            self.event(i)
        graph: OrderGraph[str] = OrderGraph(ids)
        graph.add_all(self.order_facts)
        return graph.relation(ids[0], ids[1])

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

    def about(self, name: str) -> Timeline:
        """The timeline of one entity: the events whose participants (from the parse) name
        ``name`` or an alias of it (a short form, "Boeing Co." / "Boeing"; an acronym,
        "International Monetary Fund" / "IMF"; a possessive, "Boeing's chief"; a family name;
        a pronoun resolved inside its sentence or the one before), in this timeline's order, with
        their deadlines (`timeline.events.entities`). `ValueError` for a name with no word in it.

        >>> from timeline import build
        >>> tl = build("Boeing Co. cut 500 jobs on Monday. Airbus hired 200 on Tuesday.", published="2020-01-08")
        >>> [e.description for e in tl.about("Boeing")]
        ['Boeing Co. cut 500 jobs']
        """
        from timeline.events.entities import EntityName, names_entity  # noqa: PLC0415

        entity = EntityName.of(name)
        events = tuple(e for e in self.events if names_entity(e, entity))
        unplaced = tuple(e for e in self.unplaced if names_entity(e, entity))
        ids = {e.id for e in (*events, *unplaced)}
        return attrs.evolve(self, events=events, unplaced=unplaced,
                            all_deadlines=tuple(d for d in self.all_deadlines if d.event.id in ids))

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
        due-soon within ``window``, overdue; or met, cancelled, superseded when a later statement
        closed it, which is its status without ``now`` too). A naive ``now`` against aware deadlines, or the
        reverse, raises `ValueError`; a bare date is the start of that day on each deadline's clock."""
        items = soonest_first(self.all_deadlines, lambda d: d.due)
        if now is None:
            return [d if d.closed is None else attrs.evolve(d, status=d.closed) for d in items]
        return [attrs.evolve(d, status=d.status_at(now, window=window)) for d in items]

    def in_zone(self, zone: str) -> Timeline:
        """The same timeline read on a reader's clock: aware intervals and due instants converted
        to ``zone`` (an IANA name or "UTC+03:00"); floating ones stay as they are. Raises
        `UnknownZoneError` (a `ValueError`) naming an unknown zone.

        >>> from timeline import build
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
                        unplaced=tuple(moved[e.id] for e in self.unplaced), all_deadlines=deadlines,
                        order_facts=self.order_facts)
