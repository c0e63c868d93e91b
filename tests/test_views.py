"""Views of the ordered timeline: what is dated and what is only ordered, grouped by day; the
calendar gets only what has a date. And the command line's --about."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from timeline import build, cli
from timeline.exports import entries, to_csv, to_html, to_ics, to_timelinejs

TEXT = "Militants fired rockets at the base on Saturday in retaliation for the drone strike."


def ordered_items() -> list:  # type: ignore[type-arg]
    tl = build(TEXT, published="2020-01-06", document="d")
    return entries(tl, {"d": TEXT})


def test_an_event_only_ordered_is_an_entry_placed_before_what_it_precedes() -> None:
    items = ordered_items()
    assert [(e.trigger, e.timing, e.dated) for e in items] == [("strike", "ordered", False), ("fired", "allday", True)]
    strike = items[0]
    assert strike.when_text() == "no date"
    assert strike.day.isoformat() == "2020-01-04"  # drawn on the day of what it is told before
    assert "before" in strike.note and "Militants fired rockets" in strike.note


def test_the_calendar_gets_only_what_has_a_date() -> None:
    ics = to_ics(ordered_items()).decode()
    assert ics.count("BEGIN:VEVENT") == 1 and "strike" not in ics.lower().split("summary:")[1].split("\n")[0]


def test_table_views_mark_what_is_only_ordered() -> None:
    rows = to_csv(ordered_items()).splitlines()
    assert rows[1].split(",")[2] == "" and ",ordered," in rows[1]
    js = to_timelinejs(ordered_items())
    assert [(e["group"], e["display_date"][:8]) for e in js["events"]] == [("no date", "no date:"), ("occurred", "2020-01-")]


def test_the_html_page_groups_by_day() -> None:
    tl = build("The council voted on Friday. The mayor resigned on Friday. It will meet again on Monday.",
               published="2020-01-05", document="d")
    page = to_html(entries(tl))
    assert page.count('<h2 class="day">') == 2
    assert page.index("2020-01-03</h2>") < page.index("the council voted".capitalize()) < page.index("2020-01-06</h2>")


def test_cli_about_keeps_the_events_of_one_entity(tmp_path: Path) -> None:
    doc = tmp_path / "d.txt"
    doc.write_text("Kestrel Motors Inc. cut 300 jobs on Monday. It will hire engineers on Friday. "
                   "Airbus hired 200 on Tuesday.", encoding="utf-8")
    out = CliRunner().invoke(cli.main, ["extract", str(doc), "-p", "2021-03-10", "--format", "json",
                                        "--about", "Kestrel Motors"], catch_exceptions=False)
    assert out.exit_code == 0
    events = json.loads(out.output)["events"]
    assert [e["trigger"]["text"] for e in events] == ["cut", "hire"]
    assert events[1]["participants"][0] == {"role": "subject", "text": "It", "refers_to": "Kestrel Motors Inc."}
    bad = CliRunner().invoke(cli.main, ["extract", str(doc), "-p", "2021-03-10", "--about", " "])
    assert bad.exit_code == 2 and "--about" in bad.output


def test_cli_merge_makes_one_timeline_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "mon.txt").write_text("Farmers plan a tractor rally in the capital on Saturday. "
                                      "The harbour council is expected to vote on the tariffs on Thursday.",
                                      encoding="utf-8")
    (tmp_path / "tue.txt").write_text("Farmers plan a tractor rally in the capital on Sunday. "
                                      "The harbour council will vote on the tariffs on Thursday.", encoding="utf-8")
    out = CliRunner().invoke(cli.main, ["extract", str(tmp_path), "-p", "2021-03-08", "--merge", "-f", "json"],
                             catch_exceptions=False)
    assert out.exit_code == 0
    got = json.loads(out.output)
    assert got["documents"] == ["mon", "tue"]
    votes = [e for e in got["events"] if e["lemma"] == "vote"]
    assert len(votes) == 1 and [s["document"] for s in votes[0]["sources"]] == ["mon", "tue"]
    rallies = [e for e in got["events"] if e["lemma"] == "rally"]
    assert len(rallies) == 2 and all(len(e["conflicts"]) == 1 for e in rallies)
    table = CliRunner().invoke(cli.main, ["extract", str(tmp_path), "-p", "2021-03-08", "--merge"],
                               catch_exceptions=False).output
    assert "mon, tue" in table and "conflict: " in table
    bad = CliRunner().invoke(cli.main, ["extract", str(tmp_path), "-p", "2021-03-08", "--merge", "-f", "timeml"])
    assert bad.exit_code == 2 and "--merge" in bad.output
