"""``timeline track``: documents (text, TimeML, JSON Lines, stdin) parsed and kept, listed,
shown, exported and removed, with sentences of our own and fixed dates."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
from click.testing import CliRunner

from timeline import cli
from timeline.track import Tracker

FIRST = "The ministry told households to register for vouchers by Friday."
MOVED = "The ministry told households to register for vouchers by Monday, January 20."
TIMED = "The agency ordered airlines to file their safety plans by 5 p.m. EST on Friday."


def run(*args: str, input: str | None = None) -> object:
    return CliRunner().invoke(cli.main, list(args), input=input)


def tml(doc_id: str, dct: str, text: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n<DOCID>{doc_id}</DOCID>\n'
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
            f"<TEXT>{text}</TEXT>\n</TimeML>\n")


def test_track_add_list_show_calendar_and_remove(tmp_path: Path) -> None:
    db = str(tmp_path / "d.sqlite3")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "notice.txt").write_text(FIRST, encoding="utf-8")
    r = run("track", "add", "--db", db, "-p", "2020-01-06", str(tmp_path / "a" / "notice.txt"))
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    assert "1 new, 0 moved, 0 confirmed" in r.output  # type: ignore[attr-defined]
    ics = tmp_path / "deadlines.ics"
    assert run("track", "calendar", "--db", db, "-o", str(ics)).exit_code == 0  # type: ignore[attr-defined]
    uid = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")[0]["UID"]

    # a JSON Lines record without an id moves it; a TimeML file and stdin confirm or add
    (tmp_path / "wires.jsonl").write_text(json.dumps({"text": MOVED, "published": "2020-01-08"}) + "\n", encoding="utf-8")
    (tmp_path / "order.tml").write_text(tml("order", "2020-01-06", TIMED), encoding="utf-8")
    r = run("track", "add", "--db", db, str(tmp_path / "wires.jsonl"), str(tmp_path / "order.tml"))
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    assert "wires.jsonl (id wires-1): 0 new, 1 moved" in r.output  # type: ignore[attr-defined]
    assert "order.tml: 1 new" in r.output  # type: ignore[attr-defined]
    r = run("track", "add", "--db", db, "-p", "2020-01-07", "-", input=FIRST)
    assert "<stdin>: 0 new, 0 moved, 1 confirmed" in r.output  # type: ignore[attr-defined]

    # re-adding changes nothing (and is not parsed again)
    with Tracker(db) as t:
        before = t.counts()
    r = run("track", "add", "--db", db, "-p", "2020-01-06", str(tmp_path / "a" / "notice.txt"))
    assert "already added; nothing changed" in r.output and r.exit_code == 0  # type: ignore[attr-defined]
    with Tracker(db) as t:
        assert t.counts() == before

    r = run("track", "list", "--db", db, "--now", "2020-01-12", "-f", "json")
    items = json.loads(r.output)  # type: ignore[attr-defined]
    assert [(i["what"], i["standing"]) for i in items] == [
        ("airlines to file their safety plans", "overdue"), ("households to register for vouchers", "upcoming")]
    vouchers = items[1]
    assert vouchers["due_text"] == "2020-01-20, end of day (zone unknown)" and vouchers["sequence"] == 1
    r = run("track", "list", "--db", db, "--now", "2020-01-20T12:00+00:00", "--window", "24")
    assert "due-soon" in r.output  # type: ignore[attr-defined]
    r = run("track", "list", "--db", db, "--now", "2020-01-12", "--upcoming", "--about", "ministry")
    assert "households to register for vouchers" in r.output and "airlines" not in r.output  # type: ignore[attr-defined]
    r = run("track", "list", "--db", db, "--now", "2020-01-12", "--since", "2020-01-08")
    assert "vouchers" in r.output and "airlines" not in r.output  # type: ignore[attr-defined]

    r = run("track", "show", "--db", db, "--now", "2020-01-12", str(vouchers["id"]))
    out = r.output  # type: ignore[attr-defined]
    assert "moved: due 2020-01-20T23:59:00" in out and "sources (3)" in out and "wires-1" in out and "stdin" in out

    assert run("track", "calendar", "--db", db, "-o", str(ics)).exit_code == 0  # type: ignore[attr-defined]
    events = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")}
    moved = events["Deadline: Households to register for vouchers"]
    assert moved["UID"] == uid and moved["SEQUENCE"] == 1 and moved.decoded("DTSTART").isoformat() == "2020-01-20"

    r = run("track", "remove", "--db", db, str(vouchers["id"]))
    assert r.exit_code == 0 and "removed" in r.output  # type: ignore[attr-defined]
    r = run("track", "list", "--db", db, "--now", "2020-01-12")
    assert "vouchers" not in r.output  # type: ignore[attr-defined]
    r = run("track", "show", "--db", db, "99")
    assert r.exit_code == 1 and "no tracked deadline has the id 99" in r.output  # type: ignore[attr-defined]


def test_track_refuses_a_file_that_is_not_a_tracker_and_leaves_it(tmp_path: Path) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("my notes\n" * 100, encoding="utf-8")
    for args in (["list"], ["add", "-p", "2020-01-06", "-"], ["calendar", "-o", str(tmp_path / "x.ics")]):
        r = run("track", *args, "--db", str(db), input=FIRST)
        assert r.exit_code == 1 and "not a tracker database" in r.output and str(db) in r.output, r.output  # type: ignore[attr-defined]
    assert db.read_text(encoding="utf-8") == "my notes\n" * 100
    assert not (tmp_path / "x.ics").exists()


def test_track_calendar_never_overwrites_its_database(tmp_path: Path) -> None:
    db = tmp_path / "d.ics"
    Tracker(db).close()
    r = run("track", "calendar", "--db", str(db), "-o", str(db))
    assert r.exit_code == 2 and "refusing to overwrite" in r.output  # type: ignore[attr-defined]
    with Tracker(db) as t:
        assert t.counts()["documents"] == 0
