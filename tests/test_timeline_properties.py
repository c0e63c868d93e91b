"""Properties every timeline has, whatever the text: `timeline.build` and its TimeML and JSON forms.

Publication dates are generated or fixed, never today's.
"""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings

import timeline
import strategies as s
from timeline.timeml import read_timeml_string, to_timeml


def _naive(d: dt.datetime) -> dt.datetime:
    return d.replace(tzinfo=None) if d.tzinfo is None else d.astimezone(dt.timezone.utc).replace(tzinfo=None)


def check_timeline(text: str, published: object, tl: timeline.Timeline) -> None:
    mentions = timeline.extract(text, published=published)  # type: ignore[arg-type]
    spans = {(m.start, m.end) for m in mentions}
    events = [*tl.events, *tl.unplaced]
    ids = [e.id for e in events]
    assert len(set(ids)) == len(ids), "event ids repeat"
    for e in events:
        for t in (e.trigger, *e.also):
            assert text[t.start : t.end] == t.text, e
        for m in (e.time, *(x.time for x in e.more_times)):
            assert m is None or (m.start, m.end) in spans, f"{e.id}: its time is no mention of the text"
        if e.interval is not None:
            assert e.interval.start <= e.interval.end, e
        assert set(e.before) <= set(ids) and set(e.conflicts) <= set(ids)
        json.dumps(e.as_dict())
    # placed events in time order: an event whose interval ends before another's starts comes first
    # (the text may order events whose intervals overlap, "yesterday" before a later part of "this
    # year", and those it places before another event)
    placed = [e.interval for e in tl.events if e.interval is not None]
    aware = {iv.start.tzinfo is not None for iv in placed}
    if len(aware) <= 1:
        for i, a in enumerate(placed):
            for b in placed[i + 1:]:
                assert not _naive(b.end) <= _naive(a.start) or b.end == b.start or a.end == a.start, (a, b)
    # deadlines soonest first, each the deadline of an event of the timeline
    dues = [d.due for d in tl.deadlines()]
    if len({d.tzinfo is not None for d in dues}) <= 1:
        assert dues == sorted(dues)
    assert {d.event.id for d in tl.deadlines()} <= set(ids)


@settings(deadline=None, max_examples=60)
@given(text=s.news_paragraphs(), published=s.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)))
def test_news_text_gives_a_well_formed_timeline(text: str, published: dt.date) -> None:
    check_timeline(text, published, timeline.build(text, published=published))


@settings(deadline=None, max_examples=40)
@given(text=s.any_text())
def test_any_text_gives_a_well_formed_timeline(text: str) -> None:
    check_timeline(text, dt.date(2020, 1, 5), timeline.build(text, published=dt.date(2020, 1, 5)))


@settings(deadline=None, max_examples=40)
@given(text=s.news_paragraphs(), published=s.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)))
def test_timeml_of_a_timeline_reads_back(text: str, published: dt.date) -> None:
    """The text comes back exactly; every TLINK names an event instance and a time of the document."""
    doc = timeline.analyze(text, published=published)
    mentions = list(doc.mentions)
    tl = doc.timeline
    events = [*tl.events, *tl.unplaced]
    taken = {t.start for e in events for t in (e.trigger, *e.also)}
    xml = to_timeml(text, mentions, doc_id="d", published=published, invalid="replace", events=events,
                    other_events=[w for w in doc.words if w.start not in taken])
    doc = read_timeml_string(xml)
    assert doc.text == text
    eiids = {i.eiid for i in doc.instances}
    tids = {t.tid for t in doc.timexes} | {"t0"}
    assert {i.eid for i in doc.instances} == {e.eid for e in doc.events}
    for link in doc.tlinks:
        assert {link.source, link.target} <= eiids | tids, link
        assert link.rel_type in {"IS_INCLUDED", "DURING", "BEFORE", "AFTER", "BEGINS", "ENDS", "INCLUDES"}


@given(published=s.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 24)))
def test_a_week_later_publication_moves_every_day_a_week(published: dt.date) -> None:
    """Only the publication anchors the days: published a week later, the same story's weekday
    events all move by a week (a timeline that read today's date would not move)."""
    text = "Talks resumed on Monday and will end by Friday, officials said on Wednesday."
    week = dt.timedelta(days=7)
    a = timeline.build(text, published=published)
    b = timeline.build(text, published=published + week)
    assert [e.trigger.text for e in a] == [e.trigger.text for e in b] and len(a) == 3
    for x, y in zip(a, b):
        assert x.interval is not None and y.interval is not None
        assert (y.interval.start - x.interval.start, y.interval.end - x.interval.end) == (week, week)
