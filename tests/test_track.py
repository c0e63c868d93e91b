"""The deadline tracker's store (timeline/track): one item per obligation with every source,
moves and cancellations with their history, re-adding, the schema and its migrations, files
that are not ours, and the calendar of tracked items.

Reports are built here (no parse) with fixed dates and sentences of our own; tests/test_track_cli.py
runs the parse and the command line.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import zoneinfo
from pathlib import Path

import attrs
import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events import Event, Source, Timeline, Trigger
from timeline.events.model import Deadline
from timeline.track import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Report,
    Tracker,
    TrackerError,
    UnknownItemError,
    content_hash,
    default_path,
    normalise,
    obligation_key,
    reports_of,
)
from timeline.track.match import EXAMPLES
from timeline.track.store import APPLICATION_ID

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
UTC = dt.timezone.utc


def report(what: str = "bidders to file their offers", due: dt.datetime = dt.datetime(2021, 3, 12, 14, tzinfo=NEW_YORK),
           *, who: str | None = "the port authority", form: str = "file", grain: str = "minute",
           status: str | None = None, sentence: str = "") -> Report:
    return Report(key=obligation_key(who, what, form), who=who, what=what, form=form, due=due, grain=grain,
                  sentence=sentence or f"{who} told {what} by then.", time_text="then",
                  status=status)  # type: ignore[arg-type]


@pytest.fixture
def tracker(tmp_path: Path) -> Tracker:
    t = Tracker(tmp_path / "deadlines.sqlite3")
    yield t  # type: ignore[misc]
    t.close()


# ------------------------------------------------------------------ the matching rule


@pytest.mark.parametrize(("written", "normalised"), EXAMPLES)
def test_normalise_examples(written: str, normalised: str) -> None:
    assert normalise(written) == normalised


def test_the_obligation_is_who_what_and_form_not_the_due_instant() -> None:
    a = obligation_key("The Port Authority", "Bidders to file their offers.", "file")
    assert a == obligation_key("the port authority", "bidders to file offers", "files")
    assert a != obligation_key("the city", "bidders to file their offers", "file")
    assert a != obligation_key("the port authority", "bidders to withdraw their offers", "withdraw")


# ------------------------------------------------------------------ adding


def test_the_same_deadline_from_several_documents_is_one_item_with_every_source(tracker: Tracker) -> None:
    first = tracker.add_reports([report()], text="notice one", published="2021-03-01", document="one",
                                source="a/one.txt")
    second = tracker.add_reports([report(what="Bidders to file their offers")], text="notice two",
                                 published="2021-03-02", document="two", source="b/two.txt")
    assert first.new == second.confirmed == (1,) and second.moved == ()
    (item,) = tracker.items()
    assert item.sequence == 0 and item.status == "open" and item.due == dt.datetime(2021, 3, 12, 14, tzinfo=NEW_YORK)
    detail = tracker.item(item.id)
    assert [(s.document, s.source) for s in detail.sources] == [("one", "a/one.txt"), ("two", "b/two.txt")]
    assert [s.change for s in detail.history] == ["reported"]


def test_a_later_document_moves_the_deadline_and_keeps_the_history(tracker: Tracker) -> None:
    tracker.add_reports([report()], text="one", published="2021-03-01")
    moved = tracker.add_reports([report(due=dt.datetime(2021, 3, 19, 14, tzinfo=NEW_YORK))], text="two",
                                published="2021-03-05")
    assert moved.moved == (1,)
    item = tracker.item(1)
    assert item.item.due == dt.datetime(2021, 3, 19, 14, tzinfo=NEW_YORK) and item.item.sequence == 1
    assert [(s.change, s.due.day, s.by.published) for s in item.history] == [
        ("reported", 12, "2021-03-01"), ("moved", 19, "2021-03-05")]
    assert item.item.zone == "America/New_York"


def test_an_older_document_added_later_does_not_move_it_back(tracker: Tracker) -> None:
    tracker.add_reports([report(due=dt.datetime(2021, 3, 19, 14, tzinfo=NEW_YORK))], text="new", published="2021-03-05")
    late = tracker.add_reports([report()], text="old", published="2021-03-01")
    assert late.moved == () and late.confirmed == (1,)
    detail = tracker.item(1)
    assert detail.item.due.day == 19
    assert [s.change for s in detail.history] == ["reported", "moved"]  # told in publication order


def test_re_adding_a_document_changes_nothing(tracker: Tracker) -> None:
    tracker.add_reports([report()], text="one", published="2021-03-01")
    before = tracker.counts()
    again = tracker.add_reports([report(due=dt.datetime(2030, 1, 1, tzinfo=UTC))], text="one",
                                published="2021-03-01", document="renamed")
    assert not again.added and tracker.counts() == before
    assert tracker.has_document("one", "2021-03-01") and not tracker.has_document("one", "2021-03-02")
    assert content_hash("one", "2021-03-01") == content_hash("one", dt.date(2021, 3, 1))


def test_a_cancelled_deadline_keeps_its_uid_and_raises_its_sequence(tracker: Tracker) -> None:
    tracker.add_reports([report()], text="one", published="2021-03-01")
    uid = _calendar(tracker)[0]["UID"]
    done = tracker.add_reports([report(status="cancelled")], text="two", published="2021-03-02")
    assert done.status_changed == (1,)
    (item,) = tracker.items()
    assert item.status == "cancelled" and item.standing("2021-03-01") == "cancelled"
    (event,) = _calendar(tracker)
    assert event["UID"] == uid and event["SEQUENCE"] == 1 and event["STATUS"] == "CANCELLED"
    assert tracker.items("upcoming", now="2021-03-01") == []
    tracker.add_reports([report(what="tenants to renew leases", who=None, form="renew", due=dt.datetime(2021, 4, 1),
                                grain="day", status="met")], text="three", published="2021-03-03")
    todos = {str(c["SUMMARY"]): c for c in _calendar(tracker, todos=True) if c.name == "VTODO"}
    assert todos["Deadline: Tenants to renew leases"]["STATUS"] == "COMPLETED"
    assert todos["Deadline: Bidders to file their offers"]["STATUS"] == "CANCELLED"


def test_a_superseded_report_comes_before_the_new_one_of_the_same_document(tracker: Tracker) -> None:
    old, new = report(status="superseded"), report(due=dt.datetime(2021, 3, 26, 14, tzinfo=NEW_YORK))
    tracker.add_reports([new, old], text="one", published="2021-03-01")
    detail = tracker.item(1)
    assert detail.item.status == "open" and detail.item.due.day == 26
    assert [s.change for s in detail.history] == ["reported", "moved"]  # superseded, then the new due


def _state(t: Tracker) -> list[tuple[str, str, str, int]]:
    return [(i.key, i.due.isoformat(), i.status, i.sequence) for i in t.items()]


NOTICES = [
    ("2021-03-01", [report()]),
    ("2021-03-03", [report(due=dt.datetime(2021, 3, 19, 14, tzinfo=NEW_YORK))]),
    ("2021-03-04", [report(what="tenants to renew their leases", who=None, form="renew",
                           due=dt.datetime(2021, 4, 1), grain="day")]),
    ("2021-03-06", [report(what="tenants to renew leases", who=None, form="renew",
                           due=dt.datetime(2021, 4, 16), grain="day")]),
    ("2021-03-08", [report(status="cancelled", due=dt.datetime(2021, 3, 19, 14, tzinfo=NEW_YORK))]),
]


@settings(max_examples=20)
@given(st.permutations(range(len(NOTICES))))
def test_property_the_state_does_not_depend_on_the_order_documents_are_added(tmp_path_factory: pytest.TempPathFactory,
                                                                              order: list[int]) -> None:
    path = tmp_path_factory.mktemp("order") / "d.sqlite3"
    with Tracker(path) as t:
        for k in order:
            published, reports = NOTICES[k]
            t.add_reports(reports, text=f"notice {k}", published=published)
        state = _state(t)
    assert [(s[1], s[2], s[3]) for s in state] == [
        ("2021-03-19T14:00:00-04:00", "cancelled", 2), ("2021-04-16T00:00:00", "open", 1)]


# ------------------------------------------------------------------ reading


def test_lists_upcoming_overdue_since_and_about(tracker: Tracker) -> None:
    tracker.add_reports([report()], text="one", published="2021-03-01")
    tracker.add_reports([report(what="tenants to renew their leases", who=None, form="renew",
                                due=dt.datetime(2021, 4, 1), grain="day")], text="two", published="2021-03-10")
    now = dt.datetime(2021, 3, 20, tzinfo=UTC)
    assert [i.what for i in tracker.items("overdue", now=now)] == ["bidders to file their offers"]
    assert [i.what for i in tracker.items("upcoming", now=now)] == ["tenants to renew their leases"]
    assert [i.id for i in tracker.items()] == [1, 2]  # soonest first
    assert [i.id for i in tracker.items(since="2021-03-05")] == [2]
    assert [i.id for i in tracker.items(about="PORT authority")] == [1]
    assert [i.id for i in tracker.items(about="leases")] == [2]
    # a deadline whose zone is unknown is judged on the wall clock of now; a day one at its end
    assert [i.id for i in tracker.items("overdue", now="2021-03-31T23:59+00:00")] == [1]
    assert len(tracker.items("overdue", now="2021-04-01")) == 2 and tracker.item(2).item.due_text() == \
        "2021-03-31, end of day (zone unknown)"
    lease = tracker.item(2).item
    assert lease.standing("2021-03-31T01:00+00:00", dt.timedelta(hours=24)) == "due-soon"
    assert lease.standing("2021-03-29T01:00+00:00", dt.timedelta(hours=24)) == "upcoming"
    with pytest.raises(ValueError, match="needs now"):
        tracker.items("upcoming")
    with pytest.raises(ValueError, match="has no zone"):
        tracker.items("upcoming", now=dt.datetime(2021, 3, 20))


def test_remove_hides_an_item_for_good_and_unknown_ids_are_clear_errors(tracker: Tracker) -> None:
    tracker.add_reports([report()], text="one", published="2021-03-01")
    tracker.remove(1)
    assert tracker.items() == [] and _calendar(tracker) == []
    tracker.add_reports([report(due=dt.datetime(2021, 3, 26, 14, tzinfo=NEW_YORK))], text="two", published="2021-03-02")
    assert tracker.items() == [] and tracker.item(1).item.removed and tracker.item(1).item.due.day == 26
    assert [i.id for i in tracker.items(removed=True)] == [1]
    with pytest.raises(UnknownItemError, match="no tracked deadline has the id 9"):
        tracker.remove(9)
    with pytest.raises(UnknownItemError):
        tracker.item(9)


# ------------------------------------------------------------------ the calendar


def _calendar(t: Tracker, **kw: object) -> list[icalendar.cal.Component]:
    cal = icalendar.Calendar.from_ical(t.calendar(**kw))  # type: ignore[arg-type]
    return [c for c in cal.walk() if c.name in ("VEVENT", "VTODO")]


def test_the_calendar_keeps_uids_across_moves_and_databases(tmp_path: Path, tracker: Tracker) -> None:
    tracker.add_reports([report(), report(what="tenants to renew their leases", who=None, form="renew",
                                          due=dt.datetime(2021, 4, 1), grain="day")], text="one", published="2021-03-01")
    before = {str(c["SUMMARY"]): c for c in _calendar(tracker)}
    tracker.add_reports([report(due=dt.datetime(2021, 3, 19, 14, tzinfo=NEW_YORK))], text="two", published="2021-03-02")
    after = {str(c["SUMMARY"]): c for c in _calendar(tracker)}
    bids = "Deadline: Bidders to file their offers"
    assert after[bids]["UID"] == before[bids]["UID"] and after[bids]["SEQUENCE"] == 1
    assert "SEQUENCE" not in before[bids] and "STATUS" not in after[bids]
    assert after[bids].decoded("DTSTART") == dt.datetime(2021, 3, 19, 14, tzinfo=NEW_YORK)
    lease = after["Deadline: Tenants to renew their leases"]
    assert lease.decoded("DTSTART") == dt.date(2021, 3, 31)  # due by the end of the 31st: that day, all day
    with Tracker(tmp_path / "other.sqlite3") as other:
        other.add_reports([report()], text="elsewhere", published="2021-03-04")
        assert _calendar(other)[0]["UID"] == before[bids]["UID"]
    assert tracker.calendar() == tracker.calendar()  # the same bytes every time (DTSTAMP from the documents)
    todo = next(c for c in _calendar(tracker, todos=True, alarm=dt.timedelta(hours=1)) if c.name == "VTODO")
    assert todo["SEQUENCE"] == 1 and todo.walk("VALARM")[0]["TRIGGER"].params["RELATED"] == "END"


# ------------------------------------------------------------------ the adapter


def test_the_adapter_reads_todays_deadlines_and_new_fields_when_present() -> None:
    event = Event(id="e1", description="bidders file offers", trigger=Trigger(10, 14, "file"), kind="deadline",
                  relation="by", t0="AFTER", sources=(Source("doc", 0, 40, "2021-03-01"),))
    due = dt.datetime(2021, 3, 12, 14, tzinfo=NEW_YORK)
    plain = Deadline(event=event, due=due, what="bidders to file offers", who="the port authority", sentence=" A  b. ")
    (r,) = reports_of(Timeline(events=(event,), all_deadlines=(plain,)))
    assert (r.form, r.status, r.sentence, r.grain, r.timed) == ("file", None, "A b.", None, True)
    assert r.key == obligation_key("the port authority", "bidders to file offers", "file")

    @attrs.frozen
    class Later(Deadline):  # the deadline layer may add fields with defaults
        form: str = "due"

    later = Later(event=event, due=due, what="bidders to file offers", who=None, sentence="",
                  status="cancelled")  # type: ignore[arg-type]
    (r,) = reports_of(Timeline(all_deadlines=(later,)))
    assert (r.form, r.status) == ("due", "cancelled")
    upcoming = attrs.evolve(plain, status="upcoming")
    assert reports_of(Timeline(all_deadlines=(upcoming,)))[0].status is None


# ------------------------------------------------------------------ schema, migrations, files not ours


def test_a_new_database_is_marked_ours_at_the_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with Tracker(path) as t:
        assert t.schema_version == SCHEMA_VERSION == MIGRATIONS[-1][0]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_a_version_1_database_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[0][2]:
        step(conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    r = report()
    conn.execute("INSERT INTO documents VALUES (1, 'h1', 'one', 'one.txt', '2021-03-01', '2021-03-01T00:00:00')")
    conn.execute("INSERT INTO items (id, key, who, what, form, due, zone, grain, timed, status, sequence, updated_key) "
                 "VALUES (1, ?, ?, ?, ?, ?, 'America/New_York', 'minute', 1, 'open', 0, '2021-03-01T00:00:00')",
                 (r.key, r.who, r.what, r.form, r.due.isoformat()))
    conn.execute("INSERT INTO reports VALUES (1, 1, 1, ?, ?, ?, 'America/New_York', 'minute', 1, NULL, 's.', 'then')",
                 (r.who, r.what, r.due.isoformat()))
    conn.close()
    with Tracker(path) as t:
        assert t.schema_version == SCHEMA_VERSION
        (item,) = t.items("upcoming", now="2021-03-01")
        assert item.due == r.due and not item.removed
        t.add_reports([report(due=dt.datetime(2021, 3, 19, 14, tzinfo=NEW_YORK))], text="two", published="2021-03-02")
        assert t.item(1).item.sequence == 1 and t.counts() == {"documents": 2, "items": 1, "reports": 2}
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT due_utc FROM items").fetchone()[0] == "2021-03-19T18:00:00"
    conn.close()


def _untouched(path: Path, match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(TrackerError, match=match) as info:
        Tracker(path)
    assert str(path) in str(info.value) and "left as it is" in str(info.value)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def test_a_file_that_is_not_sqlite_is_an_error_and_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"Meeting notes, not a database.\n" * 200)
    _untouched(path, "not an SQLite file")


def test_another_programs_database_is_an_error_and_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    _untouched(path, "another program.*recipes")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.close()
    _untouched(path, "another program")


def test_a_newer_schema_is_an_error_and_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    Tracker(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    _untouched(path, f"version {SCHEMA_VERSION + 1}, newer")


def test_a_damaged_database_is_an_error_and_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    with Tracker(path) as t:
        for k in range(60):
            t.add_reports([report(what=f"bidders to file offer number {k}", sentence="x" * 300)], text=f"doc {k}",
                          published="2021-03-01")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")  # checkpoint the WAL into the file
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for k in range(2 * page, len(data), 7):  # scribble over the tables' pages, keep the header
        data[k] = 0xA5
    path.write_bytes(bytes(data))
    _untouched(path, "damaged")
    path.write_bytes(bytes(data[: 3 * page + 100]))  # and cut short
    _untouched(path, "damaged|not a tracker")


def test_a_folder_or_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TrackerError, match="is not a file"):
        Tracker(tmp_path)
    with pytest.raises(TrackerError, match="does not exist"):
        Tracker(tmp_path / "nowhere" / "d.sqlite3")
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    with Tracker(tmp_path / "empty.sqlite3") as t:  # an empty file is a new database
        assert t.counts()["items"] == 0


def test_the_default_path_follows_each_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert str(default_path({"XDG_DATA_HOME": "/x"}, "linux", "/home/a")) == "/x/timeline/deadlines.sqlite3"
    assert str(default_path({}, "linux", "/home/a")) == "/home/a/.local/share/timeline/deadlines.sqlite3"
    assert str(default_path({"TIMELINE_TRACKER_DB": "/tmp/t.db"}, "darwin", "/Users/a")) == "/tmp/t.db"
    assert str(default_path({"APPDATA": "C:\\Users\\a\\AppData\\Roaming"}, "win32", "C:\\Users\\a")) == \
        "C:\\Users\\a\\AppData\\Roaming\\timeline\\deadlines.sqlite3"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("TIMELINE_TRACKER_DB", raising=False)
    if not str(default_path()).startswith(str(tmp_path)):
        pytest.skip("not a Unix platform")
    with Tracker() as t:  # its folder is made
        assert t.path == tmp_path / "data" / "timeline" / "deadlines.sqlite3" and t.path.is_file()


# ------------------------------------------------------------------ two writers at once

WRITER = r"""
import datetime as dt, sys, time, zoneinfo
from pathlib import Path
from timeline.track import Tracker, Report, obligation_key

path, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
ready, other = Path(f"{path}.{name}.ready"), Path(f"{path}.{'b' if name == 'a' else 'a'}.ready")
ready.touch()
while not other.exists():
    time.sleep(0.01)
with Tracker(path, timeout=60) as t:
    for k in range(n):
        what = f"contractors to submit bid number {k % 40}"
        due = dt.datetime(2021, 5, 1 + k % 20, 17, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))
        r = Report(key=obligation_key("the city", what, "submit"), who="the city", what=what, form="submit",
                   due=due, grain="minute", sentence=f"{name} {k}", time_text="then")
        t.add_reports([r], text=f"{name} notice {k}", published=f"2021-04-{1 + k % 28:02d}", document=f"{name}{k}")
print("done")
"""


def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    path = tmp_path / "shared.sqlite3"  # made by the two writers at once
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    n = 150
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(n)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in ("a", "b")]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0 and out.strip() == "done", err
    with Tracker(path) as t:
        assert t.counts() == {"documents": 2 * n, "items": 40, "reports": 2 * n}
        for item in t.items():
            names = {s.document[0] for s in t.item(item.id).sources}
            assert names == {"a", "b"}  # every item has its sources from both writers


def test_import_timeline_loads_neither_the_tracker_nor_sqlite3() -> None:
    import subprocess
    import sys

    code = ("import sys, timeline, timeline.cli; "
            "print(sorted(m for m in ('sqlite3', 'timeline.track.store') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert out.stdout.strip() == "[]"


def test_a_read_only_database_is_a_clear_error(tmp_path: Path) -> None:
    import os

    path = tmp_path / "ro.sqlite3"
    with Tracker(path) as t:
        t.add_reports([report()], text="one", published="2021-03-01")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    os.chmod(path, 0o444)
    os.chmod(tmp_path, 0o555)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("running as a user that can write a read-only file")
        with Tracker(path) as t:  # reading works
            assert len(t.items()) == 1
            with pytest.raises(TrackerError, match="cannot write"):
                t.add_reports([report()], text="two", published="2021-03-02")
    finally:
        os.chmod(tmp_path, 0o755)
        os.chmod(path, 0o644)
