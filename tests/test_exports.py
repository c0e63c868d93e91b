"""Exports: ICS (read back with icalendar, and with Mozilla's ical.js when node has it), CSV,
TimelineJS, HTML, the command line and the example scripts.

The texts are the example dispatches (our own) and short sentences written here; every date is
fixed. The seed article is read from ../shared when it is there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import zoneinfo
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import cli
from timeline._model import Interval, Mention
from timeline.events import Event, Source, Timeline, Trigger, build, merge
from timeline.exports import CSV_COLUMNS, Entry, entries, to_csv, to_html, to_ics, to_timelinejs

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
DISPATCH = EXAMPLES / "baghdad_dispatch.txt"
FOLLOWUP = EXAMPLES / "baghdad_followup.txt"
ICALJS = REPO / ".ci" / "js" / "node_modules" / "ical.js" / "dist" / "ical.js"
NODE_SCRIPT = REPO / "tests" / "js" / "instants.mjs"
UTC = dt.timezone.utc


# ------------------------------------------------------------------ helpers


def dispatch_items() -> list[Entry]:
    text = DISPATCH.read_text(encoding="utf-8")
    return entries(build(text, published="2020-01-05", document="dispatch"), {"dispatch": text})


def components(data: bytes) -> list[icalendar.cal.Component]:
    cal = icalendar.Calendar.from_ical(data)
    return [c for c in cal.walk() if c.name in ("VEVENT", "VTODO")]


def start_of(comp: icalendar.cal.Component, prop: str = "DTSTART") -> dt.date | dt.datetime:
    value = comp.decoded(prop)
    assert isinstance(value, dt.date)
    return value


def utc_or_date(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        assert value.tzinfo is not None, f"floating date-time {value!r}"
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def expected_start(e: Entry) -> str:
    return utc_or_date(e.start)


def make_entry(start: dt.datetime | dt.date, *, timing: str = "timed", n: int = 0, kind: str = "event",
               end: dt.datetime | dt.date | None = None, **extra: object) -> Entry:
    zone = getattr(getattr(start, "tzinfo", None), "key", None)
    return Entry(
        id=f"e{n}", kind=kind, event_kind="expected", title=f"Meeting {n}", description=f"meeting {n}",
        trigger="meet", time_text="at noon", time_value="", sentence="They meet at noon.",
        documents=("doc",), published="2020-01-05", timing=timing, start=start, end=end,  # type: ignore[arg-type]
        zone=zone, uid_key=f"doc\x1f{n}", **extra,  # type: ignore[arg-type]
    )


# ------------------------------------------------------------------ ICS: the example dispatch


def test_ics_reads_back_every_event_and_deadline_with_the_same_instants() -> None:
    items = dispatch_items()
    comps = {str(c["UID"]): c for c in components(to_ics(items, name="dispatch"))}
    assert len(comps) == len(items)
    for e in items:
        comp = comps[e.uid()]
        assert comp.name == "VEVENT"
        assert utc_or_date(start_of(comp)) == expected_start(e), e
        assert str(comp["SUMMARY"]).startswith("Deadline: ") == e.is_deadline
    kinds = {e.timing for e in items}
    assert {"timed", "allday", "approximate"} <= kinds


def test_ics_deadline_session_and_attacks_of_the_dispatch() -> None:
    comps = components(to_ics(dispatch_items()))
    by_summary = {str(c["SUMMARY"]): c for c in comps}
    deadline = next(c for s, c in by_summary.items() if s.startswith("Deadline:"))
    assert utc_or_date(start_of(deadline)) == "2020-01-05T14:00:00Z"
    meet = next(c for s, c in by_summary.items() if "meet" in s)
    assert utc_or_date(start_of(meet)) == "2020-01-05T10:00:00Z"
    assert meet["DTSTART"].params["TZID"] == "Asia/Baghdad"
    attacks = next(c for c in comps if "attacks" in str(c["SUMMARY"]) and start_of(c) == dt.date(2020, 1, 4))
    assert start_of(attacks, "DTEND") == dt.date(2020, 1, 5)


def test_ics_calendar_properties_and_byte_stability() -> None:
    data = to_ics(dispatch_items(), name="Baghdad")
    assert data == to_ics(dispatch_items(), name="Baghdad")
    text = data.decode()
    assert "\r\n" in text and "PRODID:-//timeline//" in text and "X-WR-CALNAME:Baghdad" in text
    assert "METHOD" not in text and "X-WR-TIMEZONE" not in text
    # DTSTAMP comes from the publication date, in UTC
    assert set(re.findall(r"DTSTAMP:(\S+)", text)) == {"20200105T000000Z"}
    # every description carries the source sentence
    for comp in components(data):
        assert "\u201c" in str(comp["DESCRIPTION"])


def test_ics_approximate_events_span_their_period_or_are_left_out() -> None:
    items = dispatch_items()
    year = next(e for e in items if e.time_text == "2014")
    comp = next(c for c in components(to_ics(items)) if str(c["UID"]) == year.uid())
    assert (start_of(comp), start_of(comp, "DTEND")) == (dt.date(2014, 1, 1), dt.date(2015, 1, 1))
    assert "approximate" in str(comp["SUMMARY"])
    omitted = {str(c["UID"]) for c in components(to_ics(items, approximate="omit"))}
    assert year.uid() not in omitted
    assert {e.uid() for e in items if e.timing != "approximate"} <= omitted


def test_ics_vague_durations_are_not_put_on_a_made_up_day() -> None:
    # "for months" dates the militia's opposition, but its start would be invented
    assert not any(e.time_text == "months" for e in dispatch_items())


def test_uids_depend_on_document_and_event_not_on_the_run_or_the_other_events() -> None:
    items = dispatch_items()
    text = FOLLOWUP.read_text(encoding="utf-8")
    # a merged entry may take the later report's words ("voted" after "expected to vote"): its UID stays
    alone = {e.uid() for e in items}
    merged = merge([build(DISPATCH.read_text(encoding="utf-8"), published="2020-01-05", document="dispatch"),
                    build(text, published="2020-01-06", document="followup")])
    for e in entries(merged, {"dispatch": DISPATCH.read_text(encoding="utf-8"), "followup": text}):
        if e.documents[0] == "dispatch":
            assert e.uid() in alone
    assert len({e.uid() for e in items}) == len(items)


def test_uids_never_collide_across_documents_that_share_a_name_or_have_none(tmp_path: Path) -> None:
    # the same name, the same day, the same trigger word at the same offsets: only the texts differ
    one = "The council told owners to register by Friday."
    two = "The council told owners to register by Monday."
    uids = [{e.uid() for e in entries(build(t, published="2020-01-06", document="stdin"), {"stdin": t})} for t in (one, two)]
    assert uids[0] and uids[1] and not uids[0] & uids[1]
    # stdin twice, the same file name in two folders, JSON Lines records without an id
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "notice.txt").write_text(one, encoding="utf-8")
    (tmp_path / "b" / "notice.txt").write_text(two, encoding="utf-8")
    (tmp_path / "a" / "w.jsonl").write_text(json.dumps({"text": one, "published": "2020-01-06"}) + "\n", encoding="utf-8")
    (tmp_path / "b" / "w.jsonl").write_text(json.dumps({"text": two, "published": "2020-01-06"}) + "\n", encoding="utf-8")
    runs = [_run("extract", "-f", "ics", "-p", "2020-01-06", "-", input=one),
            _run("extract", "-f", "ics", "-p", "2020-01-06", "-", input=two),
            _run("extract", "-f", "ics", "-p", "2020-01-06", str(tmp_path / "a" / "notice.txt")),
            _run("extract", "-f", "ics", "-p", "2020-01-06", str(tmp_path / "b" / "notice.txt")),
            _run("extract", "-f", "ics", str(tmp_path / "a" / "w.jsonl")),
            _run("extract", "-f", "ics", str(tmp_path / "b" / "w.jsonl"))]
    for pair in (runs[0:2], runs[2:4], runs[4:6]):
        found = [set(re.findall(r"^UID:(\S+)", r.output, re.MULTILINE)) for r in pair]  # type: ignore[attr-defined]
        assert found[0] and found[1] and not found[0] & found[1]
    # the same text under the same name keeps its UIDs from run to run
    assert runs[0].output == _run("extract", "-f", "ics", "-p", "2020-01-06", "-", input=one).output  # type: ignore[attr-defined]


# ------------------------------------------------------------------ ICS: client traps


BAGHDAD = zoneinfo.ZoneInfo("Asia/Baghdad")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def trap_items() -> list[Entry]:
    fixed = dt.timezone(dt.timedelta(hours=3))
    return [
        make_entry(dt.datetime(2020, 1, 5, 13, tzinfo=BAGHDAD), n=1),
        make_entry(dt.datetime(2020, 1, 5, 13, tzinfo=fixed), n=2),  # "+03:00": written in UTC
        make_entry(dt.datetime(2019, 11, 3, 1, 30, tzinfo=NEW_YORK), n=3),  # repeated at fall-back
        make_entry(dt.datetime(2019, 3, 10, 2, 30, tzinfo=NEW_YORK), n=4),  # skipped at spring-forward
        make_entry(dt.datetime(2021, 7, 5, 13, tzinfo=NEW_YORK), n=5),  # summer time, years later
        make_entry(dt.datetime(2019, 1, 15, 9, tzinfo=NEW_YORK), n=6),
        make_entry(dt.datetime(2020, 7, 5, 13, tzinfo=PARIS), n=7, kind="deadline"),
        make_entry(dt.datetime(2020, 1, 5, 17, 0), n=8, timing="floating"),
        make_entry(dt.datetime(2020, 1, 5, 9, 0, tzinfo=zoneinfo.ZoneInfo("UTC")), n=9),
    ]


def test_fixed_offsets_and_doubtful_wall_times_are_written_in_utc() -> None:
    text = to_ics(trap_items()).decode()
    comps = {str(c["UID"]): c for c in components(text.encode())}
    items = {e.id: e for e in trap_items()}
    for n in ("e2", "e3", "e4", "e9"):
        comp = comps[items[n].uid()]
        value = comp["DTSTART"]
        assert "TZID" not in value.params and value.to_ical().endswith(b"Z"), n
        assert utc_or_date(start_of(comp)) == expected_start(items[n])
    assert "UTC+03:00" not in text.split("BEGIN:VEVENT", 1)[1].split("DESCRIPTION")[0]
    assert comps[items["e5"].uid()]["DTSTART"].params["TZID"] == "America/New_York"


def test_every_tzid_has_its_vtimezone_sorted_and_one_rdate_a_line() -> None:
    data = to_ics(trap_items())
    cal = icalendar.Calendar.from_ical(data)
    zones = [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
    assert zones == sorted(zones) == ["America/New_York", "Asia/Baghdad", "Europe/Paris"]
    assert cal.get_missing_tzids() == set()
    text = data.decode()
    assert not re.search(r"^RDATE[^\r\n]*,", text, re.MULTILINE)
    # the first onset of each rule is repeated as an RDATE (ical.js ignores DTSTART once there are RDATEs)
    for tz in cal.walk("VTIMEZONE"):
        for sub in tz.subcomponents:
            if "RDATE" in sub:
                rdates = sub["RDATE"] if isinstance(sub["RDATE"], list) else [sub["RDATE"]]
                assert sub.decoded("DTSTART") in [r.dts[0].dt for r in rdates]


def test_a_time_with_no_known_zone_is_all_day_or_utc_never_floating() -> None:
    items = [make_entry(dt.datetime(2020, 1, 5, 17, 0), n=8, timing="floating")]
    (comp,) = components(to_ics(items))
    assert start_of(comp) == dt.date(2020, 1, 5) and not isinstance(start_of(comp), dt.datetime)
    assert "not known" in str(comp["DESCRIPTION"])
    (comp,) = components(to_ics(items, floating="utc"))
    assert start_of(comp) == dt.datetime(2020, 1, 5, 17, tzinfo=UTC)
    assert "written as UTC" in str(comp["DESCRIPTION"])
    deadline = [attrs_evolve_kind(items[0])]
    todo = next(c for c in components(to_ics(deadline, todos=True)) if c.name == "VTODO")
    assert start_of(todo, "DUE") == dt.date(2020, 1, 5)
    todo = next(c for c in components(to_ics(deadline, todos=True, floating="utc")) if c.name == "VTODO")
    assert start_of(todo, "DUE") == dt.datetime(2020, 1, 5, 17, tzinfo=UTC)


def attrs_evolve_kind(e: Entry) -> Entry:
    import attrs

    return attrs.evolve(e, kind="deadline", title="Deadline: " + e.title)


def test_deadlines_as_vtodo_with_due_and_an_alarm() -> None:
    items = [e for e in dispatch_items() if e.is_deadline]
    comps = components(to_ics(items, todos=True, alarm=dt.timedelta(minutes=90)))
    assert sorted(c.name for c in comps) == ["VEVENT", "VTODO"]
    todo = next(c for c in comps if c.name == "VTODO")
    assert utc_or_date(start_of(todo, "DUE")) == "2020-01-05T14:00:00Z"
    for comp in comps:
        (alarm,) = comp.walk("VALARM")
        assert alarm.decoded("TRIGGER") == -dt.timedelta(minutes=90)
    assert len({str(c["UID"]) for c in comps}) == 2


def _set_timeline(value: str, text: str, interval: Interval | None = None) -> Timeline:
    mention = Mention(0, len(text), text, "SET", value)
    event = Event(id="e1", description="crowds gather outside the embassy", trigger=Trigger(0, 6, "gather"),
                  kind="ongoing", relation=None, t0="INCLUDES", time=mention, interval=interval,
                  sources=(Source("doc", 0, 10, "2020-01-05"),))
    return Timeline(unplaced=(event,))


def test_sets_become_rrules() -> None:
    (e,) = entries(_set_timeline("XXXX-WXX-5", "every Friday"))
    (comp,) = components(to_ics([e]))
    assert comp["RRULE"]["FREQ"] == ["WEEKLY"] and comp["RRULE"]["BYDAY"] == ["FR"]
    assert start_of(comp) == dt.date(2020, 1, 10)  # the first Friday on or after publication
    assert entries(_set_timeline("P1W", "twice a week")) == []  # says how often, not when


def test_a_recurrence_never_starts_on_a_day_the_text_did_not_give() -> None:
    # "every two weeks", "every month": no day to start on (publication day would be made up)
    assert entries(_set_timeline("P2W", "every two weeks")) == []
    assert entries(_set_timeline("P1M", "every month")) == []
    (daily,) = entries(_set_timeline("XXXX-XX-XX", "every day"))
    assert daily.start == dt.date(2020, 1, 5)  # publication is one of "every day"
    # "every Friday in December 2019", told on 5 January 2020: over; no DTSTART on a made-up day
    december = Interval(dt.datetime(2019, 12, 1), dt.datetime(2020, 1, 1))
    assert entries(_set_timeline("XXXX-WXX-5", "every Friday", december)) == []
    # and a bounded one starts on its first Friday, ends on its last day
    march = Interval(dt.datetime(2020, 3, 1), dt.datetime(2020, 4, 1))
    (e,) = entries(_set_timeline("XXXX-WXX-5", "every Friday", march))
    (comp,) = components(to_ics([e]))
    assert start_of(comp) == dt.date(2020, 3, 6) and comp["RRULE"]["UNTIL"] == [dt.date(2020, 3, 31)]


def test_rrule_until_is_a_date_for_days_and_utc_for_clock_times() -> None:
    january = Interval(dt.datetime(2020, 1, 1), dt.datetime(2020, 2, 1))
    (e,) = entries(_set_timeline("XXXX-WXX-5", "every Friday", january))
    assert "UNTIL=20200131" in to_ics([e]).decode() and "UNTIL=20200131T" not in to_ics([e]).decode()
    timed = Entry(**{**{f.name: getattr(e, f.name) for f in e.__attrs_attrs__},  # type: ignore[attr-defined]
                     "start": dt.datetime(2020, 1, 10, 17, tzinfo=BAGHDAD)})
    text = to_ics([timed]).decode()
    assert "UNTIL=20200131T205959Z" in text  # 23:59:59 in Baghdad is 20:59:59 UTC
    (comp,) = components(text.encode())
    assert comp["DTSTART"].params["TZID"] == "Asia/Baghdad"


ZONES = [BAGHDAD, NEW_YORK, PARIS, zoneinfo.ZoneInfo("Australia/Sydney"), dt.timezone(dt.timedelta(hours=-5)), UTC]


@settings(max_examples=25)
@given(
    st.lists(
        st.tuples(
            st.datetimes(min_value=dt.datetime(2015, 1, 1), max_value=dt.datetime(2025, 12, 31)),
            st.sampled_from(ZONES),
            st.booleans(),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_property_any_calendar_reads_back_to_the_same_instants(times: list[tuple[dt.datetime, dt.tzinfo, bool]]) -> None:
    items = []
    for n, (when, zone, day) in enumerate(times):
        if day:
            items.append(make_entry(when.date(), timing="allday", n=n, end=when.date() + dt.timedelta(days=1)))
        else:
            items.append(make_entry(when.replace(second=0, microsecond=0, tzinfo=zone), n=n))
    data = to_ics(items)
    assert data == to_ics(items)
    comps = {str(c["UID"]): c for c in components(data)}
    for e in items:
        assert utc_or_date(start_of(comps[e.uid()])) == expected_start(e)


# ------------------------------------------------------------------ ICS: calendars that stay right


def test_no_comment_inside_vtimezone() -> None:
    text = to_ics(trap_items()).decode()
    zones = re.findall(r"BEGIN:VTIMEZONE.*?END:VTIMEZONE", text, re.DOTALL)
    assert len(zones) == 3 and not any("\r\nCOMMENT" in z for z in zones)


def test_alarms_on_tasks_are_related_to_their_end() -> None:
    items = [make_entry(dt.datetime(2020, 7, 5, 13, tzinfo=PARIS), n=7, kind="deadline")]
    comps = components(to_ics(items, todos=True, alarm=dt.timedelta(minutes=45)))
    todo = next(c for c in comps if c.name == "VTODO")
    event = next(c for c in comps if c.name == "VEVENT")
    (alarm,) = todo.walk("VALARM")
    assert alarm["TRIGGER"].params["RELATED"] == "END" and alarm.decoded("TRIGGER") == -dt.timedelta(minutes=45)
    (alarm,) = event.walk("VALARM")  # an event's deadline is its DTSTART: related to the start
    assert "RELATED" not in alarm["TRIGGER"].params
    assert "TRIGGER;RELATED=END:-PT45M" in to_ics(items, todos=True, alarm=dt.timedelta(minutes=45)).decode()


def test_a_moved_entry_keeps_its_uid_and_raises_its_sequence_a_cancelled_one_says_so() -> None:
    import attrs

    first = make_entry(dt.datetime(2020, 7, 5, 13, tzinfo=PARIS), n=7, kind="deadline")
    moved = attrs.evolve(first, start=dt.datetime(2020, 7, 9, 13, tzinfo=PARIS), sequence=1)
    cancelled = attrs.evolve(moved, sequence=2, status="cancelled")
    (a,) = components(to_ics([first]))
    assert "SEQUENCE" not in a and "STATUS" not in a  # an entry never changed writes neither
    for entry, seq in ((moved, 1), (cancelled, 2)):
        comps = components(to_ics([entry], todos=True))
        for comp in comps:
            assert comp["SEQUENCE"] == seq
        assert {str(c["UID"]) for c in comps if c.name == "VEVENT"} == {str(a["UID"])}
    comps = {c.name: c for c in components(to_ics([cancelled], todos=True))}
    assert comps["VEVENT"]["STATUS"] == "CANCELLED" and comps["VTODO"]["STATUS"] == "CANCELLED"
    assert components(to_ics([moved], todos=True))[1]["STATUS"] == "NEEDS-ACTION"


def _weekly(start: dt.datetime, until: dt.date | None = None) -> Entry:
    import attrs

    from timeline.exports._entries import Recurrence

    return attrs.evolve(make_entry(start, n=1), timing="recurring",
                        recurrence=Recurrence("WEEKLY", byday=_DAYS[start.weekday()], until=until))


_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _offsets_read_from_the_file(data: bytes, key: str, moments: list[dt.datetime]) -> list[dt.timedelta | None]:
    """The offsets the file's own VTIMEZONE gives (read by dateutil's tzical, not the tz database)."""
    import io

    from dateutil import tz

    text = data.decode()
    (vtz,) = [z for z in re.findall(r"BEGIN:VTIMEZONE.*?END:VTIMEZONE\r\n", text, re.DOTALL) if f"TZID:{key}" in z]
    zone = tz.tzical(io.StringIO(vtz)).get(key)
    return [m.replace(tzinfo=zone).utcoffset() for m in moments]


@pytest.mark.parametrize("key", ["America/New_York", "Australia/Sydney", "Asia/Jerusalem", "Asia/Baghdad"])
def test_a_timed_recurrence_has_a_vtimezone_that_covers_its_whole_series(key: str) -> None:
    zone = zoneinfo.ZoneInfo(key)
    start = dt.datetime(2020, 1, 10, 17, tzinfo=zone)
    moments = [dt.datetime(y, m, d, 17) for y in (2023, 2031, 2047) for m, d in ((1, 15), (4, 15), (7, 15), (10, 15))]
    want = [m.replace(tzinfo=zone).utcoffset() for m in moments]
    endless = to_ics([_weekly(start)])
    assert _offsets_read_from_the_file(endless, key, moments) == want
    bounded = to_ics([_weekly(start, until=dt.date(2031, 12, 31))])  # covered up to its UNTIL, no further
    assert _offsets_read_from_the_file(bounded, key, moments[:8]) == want[:8]


def test_icaljs_reads_an_endless_timed_recurrence_in_summer_years_on(tmp_path: Path) -> None:
    path = tmp_path / "weekly.ics"
    path.write_bytes(to_ics([_weekly(dt.datetime(2020, 1, 10, 17, tzinfo=NEW_YORK))]))
    (got,) = _icaljs(path, later="2030-07-01")
    assert got["occurrences"] == ["2020-01-10T22:00:00Z", "2020-01-17T22:00:00Z", "2020-01-24T22:00:00Z"]
    assert got["later"] == ["2030-07-05T21:00:00Z", "2030-07-12T21:00:00Z"]  # 17:00 EDT, ten years on


def test_icaljs_reads_sequence_status_and_the_task_alarm(tmp_path: Path) -> None:
    import attrs

    entry = attrs.evolve(make_entry(dt.datetime(2020, 7, 5, 13, tzinfo=PARIS), n=7, kind="deadline"),
                         sequence=3, status="cancelled")
    path = tmp_path / "moved.ics"
    path.write_bytes(to_ics([entry], todos=True, alarm=dt.timedelta(hours=2)))
    seen = {o["type"]: o for o in _icaljs(path)}
    assert seen["vevent"]["sequence"] == seen["vtodo"]["sequence"] == 3
    assert seen["vevent"]["status"] == seen["vtodo"]["status"] == "CANCELLED"
    assert seen["vtodo"]["related"] == ["END"] and seen["vtodo"]["alarms"] == ["-PT2H"]
    assert seen["vevent"]["related"] == ["START"]


# ------------------------------------------------------------------ ICS read by Mozilla ical.js


def _icaljs(path: Path, later: str | None = None) -> list[dict[str, object]]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed; CI installs it (see .ci/run)")
    if not ICALJS.is_file():
        pytest.skip(f"ical.js is not installed at {ICALJS.relative_to(REPO)}; run "
                    "'npm install --prefix .ci/js ical.js' (.ci/run does)")
    env = {**os.environ, "LATER": later} if later else None
    out = subprocess.run([node, str(NODE_SCRIPT), str(path), str(ICALJS)], capture_output=True, text=True,
                         check=True, timeout=60, env=env)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def test_icaljs_reads_the_same_instants_as_icalendar(tmp_path: Path) -> None:
    items = dispatch_items() + trap_items()
    set_entry = entries(_set_timeline("XXXX-WXX-5", "every Friday"))
    items += [attrs_evolve_id(e, "s1") for e in set_entry]
    path = tmp_path / "all.ics"
    path.write_bytes(to_ics(items, todos=True))
    seen = {(o["type"], o["uid"]): o for o in _icaljs(path)}
    comps = components(path.read_bytes())
    assert len(seen) == len(comps)
    for comp in comps:
        got = seen[(comp.name.lower(), str(comp["UID"]))]
        prop = "DUE" if comp.name == "VTODO" else "DTSTART"
        want = utc_or_date(start_of(comp, prop))
        assert got["due" if comp.name == "VTODO" else "start"] == want, (comp["SUMMARY"], got)
        if comp.name == "VEVENT" and "DTEND" in comp:
            assert got["end"] == utc_or_date(start_of(comp, "DTEND"))
    by_summary = {o["summary"]: o for o in seen.values() if o["type"] == "vevent"}
    assert by_summary["Meeting 5"]["start"] == "2021-07-05T17:00:00Z"  # summer time, two years on
    assert by_summary["Meeting 6"]["start"] == "2019-01-15T14:00:00Z"
    recurring = next(o for o in seen.values() if "occurrences" in o)
    assert recurring["occurrences"] == ["2020-01-10", "2020-01-17", "2020-01-24"]


def attrs_evolve_id(e: Entry, uid_key: str) -> Entry:
    import attrs

    return attrs.evolve(e, uid_key=uid_key)


def test_icaljs_reads_the_seed_calendar(tmp_path: Path, shared_dir: Path) -> None:
    out = tmp_path / "seed.ics"
    _calendar(shared_dir / "data" / "seed" / "000_773ab18c91812e5b.txt", "--published", "2020-01-05", "-o", str(out))
    got = _icaljs(out)
    starts = {(o["summary"].startswith("Deadline:"), o["start"]) for o in got}
    assert (True, "2020-01-05T14:00:00Z") in starts
    assert any(o["start"] == "2020-01-05T10:00:00Z" and "meet" in o["summary"] for o in got)
    assert any(o["start"] == "2020-01-04" and o["end"] == "2020-01-05" and "attacks" in o["summary"] for o in got)


# ------------------------------------------------------------------ CSV, TimelineJS, HTML


def test_csv_one_row_per_event_and_deadline() -> None:
    import csv
    import io

    items = dispatch_items()
    rows = list(csv.reader(io.StringIO(to_csv(items))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(items) + 1
    deadline = next(r for r in rows if r[1] == "deadline")
    assert deadline[2] == "2020-01-05T17:00:00+03:00" and deadline[4] == "2020-01-05T14:00:00Z"
    assert deadline[8] == "Sunday at 5:00 pm"


def test_timelinejs_follows_knight_labs_shape() -> None:
    items = dispatch_items()
    doc = to_timelinejs(items, title="Baghdad")
    assert doc["title"]["text"]["headline"] == "Baghdad"
    assert len(doc["events"]) == len(items)
    for ev in doc["events"]:
        assert set(ev) >= {"start_date", "text", "group"}
        assert isinstance(ev["start_date"]["year"], int)
        assert ev["text"]["headline"]
    deadline = next(ev for ev in doc["events"] if ev["group"] == "deadline")
    assert deadline["start_date"] == {"year": 2020, "month": 1, "day": 5, "hour": 17, "minute": 0}
    year = next(ev for ev in doc["events"] if ev["start_date"] == {"year": 2014})
    assert "end_date" not in year or year["end_date"] == {"year": 2014}


def test_html_is_self_contained_and_shows_every_event_and_deadline() -> None:
    import html

    items = dispatch_items()
    page = to_html(items, title="Baghdad <dispatch>", status={items[0].id: "overdue"})
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE)
    assert "<script" not in page.lower() and "<link" not in page.lower() and "@import" not in page
    assert "Baghdad &lt;dispatch&gt;" in page
    for e in items:
        assert html.escape(e.title) in page
        assert f'id="{e.id}"' in page
    assert page.count('class="deadline') == sum(e.is_deadline for e in items) >= 1


# ------------------------------------------------------------------ command line


def _run(*args: str, input: str | bytes | None = None) -> object:
    return CliRunner().invoke(cli.main, list(args), input=input, catch_exceptions=False)


def _calendar(*args: str) -> object:
    result = _run("calendar", *[str(a) for a in args])
    return result


@pytest.mark.parametrize("fmt", ["ics", "csv", "timelinejs", "html"])
def test_extract_writes_the_new_formats_to_stdout(fmt: str) -> None:
    result = _run("extract", str(DISPATCH), "--published", "2020-01-05", "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.output
    if fmt == "ics":
        assert len(components(out.encode())) == len(dispatch_items())
    elif fmt == "csv":
        assert out.startswith("id,kind,start") and out.count("\n") == len(dispatch_items()) + 1
    elif fmt == "timelinejs":
        assert len(json.loads(out)["events"]) == len(dispatch_items())
    else:
        assert out.startswith("<!DOCTYPE html>")


def test_extract_export_formats_with_output_dir(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for fmt in ("ics", "csv", "timelinejs", "html"):
        result = _run("extract", str(DISPATCH), str(FOLLOWUP), "--published", "2020-01-05", "-f", fmt, "-o", str(out))
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{stem}{suffix}" for stem in ("baghdad_dispatch", "baghdad_followup")
                           for suffix in (".ics", ".csv", ".timeline.json", ".html"))


def test_extract_ics_with_several_inputs_needs_output_dir() -> None:
    result = _run("extract", str(DISPATCH), str(FOLLOWUP), "--published", "2020-01-05", "-f", "ics")
    assert result.exit_code == 2 and "timeline calendar" in result.output


def test_csv_of_several_inputs_has_one_header() -> None:
    result = _run("extract", str(DISPATCH), str(FOLLOWUP), "--published", "2020-01-05", "-f", "csv")
    assert result.exit_code == 0
    assert result.output.count("id,kind,start") == 1
    assert "baghdad_followup" in result.output


def test_calendar_merges_documents_into_one_stable_file(tmp_path: Path) -> None:
    dispatch = tmp_path / "in" / "dispatch.txt"
    followup = tmp_path / "in" / "followup.jsonl"
    dispatch.parent.mkdir()
    shutil.copy(DISPATCH, dispatch)
    followup.write_text(json.dumps({"id": "followup", "published": "2020-01-06",
                                    "text": FOLLOWUP.read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    # dispatch.txt has no publication date: reported, and the follow-up still goes in
    out = tmp_path / "baghdad.ics"
    result = _run("calendar", str(dispatch), str(followup), "-o", str(out), "--todo", "--alarm", "60")
    assert result.exit_code == 1 and f"{dispatch}: no publication date" in result.output
    comps = components(out.read_bytes())
    assert {c.name for c in comps} == {"VEVENT", "VTODO"}
    assert "X-WR-CALNAME:baghdad" in out.read_text(encoding="utf-8")
    # both, twice: the same bytes; the vote both tell appears once, from both documents
    a, b = tmp_path / "a" / "baghdad.ics", tmp_path / "b" / "baghdad.ics"
    for path in (a, b):
        path.parent.mkdir()
        result = _run("calendar", str(dispatch), "-p", "2020-01-05", "-o", str(path))
        assert result.exit_code == 0, result.output
    assert a.read_bytes() == b.read_bytes()
    result = _run("calendar", str(dispatch), str(followup), "-o", str(a))
    assert result.exit_code == 1  # dispatch.txt still lacks --published
    result = _run("calendar", str(tmp_path / "in"), "-o", str(a), "-p", "2020-01-05")
    assert result.exit_code == 0, result.output
    titles = [str(c["SUMMARY"]) for c in components(a.read_bytes())]
    assert sum(t.startswith("Deadline:") for t in titles) == 2


def test_calendar_to_stdout_and_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    result = _run("calendar", str(DISPATCH), "-p", "2020-01-05", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("BEGIN:VCALENDAR")
    copy = tmp_path / "d.txt"
    shutil.copy(DISPATCH, copy)
    result = _run("calendar", str(copy), "-p", "2020-01-05", "-o", str(copy))
    assert result.exit_code == 2 and "refusing to overwrite" in result.output
    assert copy.read_bytes() == DISPATCH.read_bytes()


def test_calendar_reports_bad_inputs_and_writes_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    shutil.copy(DISPATCH, good)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\xe9 opened on Friday.".encode("latin-1"))
    records = tmp_path / "wires.jsonl"
    records.write_text('{"id": "a", "text": "The vote was on Friday."}\n{"id": "b"}\n', encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out.ics"
    result = _run("calendar", str(good), str(latin), str(records), str(empty), str(tmp_path / "missing.txt"),
                  "-p", "2020-01-05", "-o", str(out))
    assert result.exit_code == 1
    err = result.output
    assert f"{latin}:1: not UTF-8" in err
    assert f"{records}:2: 'text' is missing" in err
    assert f"{empty}: the directory is empty" in err
    assert "missing.txt: no such file" in err
    assert "4 of 5 inputs failed" in err
    summaries = [str(c["SUMMARY"]) for c in components(out.read_bytes())]
    assert any("vote" in s.lower() for s in summaries)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary files left


def test_calendar_with_nothing_readable_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe")
    out = tmp_path / "out.ics"
    out.write_text("old", encoding="utf-8")
    result = _run("calendar", str(bad), "-p", "2020-01-05", "-o", str(out))
    assert result.exit_code == 1 and "nothing written" in result.output
    assert out.read_text(encoding="utf-8") == "old"


def test_calendar_seed_acceptance(tmp_path: Path, shared_dir: Path) -> None:
    seed = shared_dir / "data" / "seed" / "000_773ab18c91812e5b.txt"
    out1, out2 = tmp_path / "1" / "seed.ics", tmp_path / "2" / "seed.ics"
    for out in (out1, out2):
        out.parent.mkdir()
        result = _run("calendar", str(seed), "--published", "2020-01-05", "-o", str(out))
        assert result.exit_code == 0, result.output
    assert out1.read_bytes() == out2.read_bytes()
    comps = components(out1.read_bytes())
    got = {(str(c["SUMMARY"]), utc_or_date(start_of(c))) for c in comps}
    assert any(d == "2020-01-04" and "attacks" in s for s, d in got)
    assert any(d == "2020-01-05T10:00:00Z" and "meet" in s for s, d in got)
    assert any(d == "2020-01-05T14:00:00Z" and s.startswith("Deadline:") for s, d in got)


# ------------------------------------------------------------------ examples and import cost


@pytest.mark.parametrize("script", ["dispatch_to_calendar.py", "merge_dispatches.py", "track_deadlines.py"])
def test_example_scripts_run(script: str, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(EXAMPLES / script), str(tmp_path)], capture_output=True,
                            text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout
    for ics in tmp_path.glob("*.ics"):
        assert components(ics.read_bytes())


def test_import_timeline_does_not_load_icalendar() -> None:
    """The import time itself is measured in benchmarks/ (speed.py, cost.py), not here."""
    code = "import sys, timeline; print('icalendar' in sys.modules, 'timeline.exports' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_readme_set_up_writes_a_calendar_and_ci_runs_the_readme_tests() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Set-up", 1)[1].split("```console\n", 1)[1].split("```", 1)[0]
    first, second = block.strip().splitlines()
    assert first.startswith("pip install . && timeline extract examples/baghdad_dispatch.txt")
    assert "&& timeline calendar examples/baghdad_dispatch.txt --published 2020-01-05 -o " in first
    assert second == 'pip install ".[test]" && python -m pytest'
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1] == second
    assert "npm install --prefix .ci/js" in ci


def test_the_dispatch_calendar_repeats_the_friday_crowds() -> None:
    """"Crowds ... have gathered outside the embassy walls every Friday": a recurring event, written
    as an RRULE (issue 5)."""
    items = dispatch_items()
    recurring = [e for e in items if e.timing == "recurring"]
    assert [(e.trigger, e.time_text) for e in recurring] == [("gathered", "every Friday")]
    comps = [c for c in components(to_ics(items)) if "RRULE" in c]
    assert len(comps) == 1
    rule = comps[0]["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["FR"]
    assert start_of(comps[0]) == dt.date(2020, 1, 10)  # the first Friday on or after publication
    assert "gathered outside the embassy walls" in str(comps[0]["SUMMARY"])


def test_the_dispatch_calendar_tells_each_event_once() -> None:
    summaries = [str(c["SUMMARY"]) for c in components(to_ics(dispatch_items()))]
    assert len(summaries) == len(set(summaries))


@pytest.mark.parametrize("published", ["9999-12-31T23:00:00+03:00", "9999-12-31T23:59:00-12:00", "9999-12-31"])
def test_a_calendar_at_the_edge_of_the_years_is_a_clear_error_or_a_file(published: str) -> None:
    from timeline.zones import CalendarRangeError

    text = "BAGHDAD (Wire) - The minister resigned on Friday at 5 pm local time. Talks resume next year."
    try:
        tl = build(text, published=published, document="edge")
    except CalendarRangeError:
        return
    try:
        data = to_ics(entries(tl, {"edge": text}), todos=True)
    except CalendarRangeError as exc:
        assert "outside the years 1 to 9999" in str(exc)
    else:
        assert data.startswith(b"BEGIN:VCALENDAR")
