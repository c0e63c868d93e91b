"""The ordered timeline: order, grouping, on/between, merging documents, the acceptance article."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import timeline
from timeline.events import Timeline

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "data" / "seed" / "000_773ab18c91812e5b.txt"
DISPATCH = REPO / "examples" / "baghdad_dispatch.txt"
PUB = "2020-01-05"


def _find(tl: Timeline, trigger: str) -> timeline.Event:
    return next(e for e in tl if e.trigger.text == trigger)


def _index(tl: Timeline, trigger: str) -> int:
    return [e.trigger.text for e in tl].index(trigger)


def _check_baghdad(tl: Timeline, *, invited: str, attack: str, order_cue: bool) -> None:
    """The acceptance order of the Baghdad story (published 2020-01-05)."""
    invite, opposed = _find(tl, invited), _find(tl, "opposed")
    strike_hit, attacks = _find(tl, attack), _find(tl, "attacks")
    vote, conclusion, meet = _find(tl, "vote"), _find(tl, "conclusion"), _find(tl, "meet")
    deadline = next(e for e in tl if e.kind == "deadline")
    assert invite.interval is not None and invite.interval.start.year == 2014 and invite.kind == "occurred"
    assert opposed.kind == "ongoing" and opposed.interval is not None
    assert opposed.interval.end.date() == dt.date(2020, 1, 5) and opposed.interval.start.date() < dt.date(2019, 12, 6)
    for late in (strike_hit, attacks):
        assert late.interval is not None and late.interval.start.date() == dt.date(2020, 1, 4)
        assert late.kind == "occurred"
    assert strike_hit.interval is not None and strike_hit.interval.start.hour >= 12  # "late" Saturday
    assert meet.kind == "expected" and meet.interval is not None
    assert (meet.interval.start.hour, meet.interval.start.minute) == (13, 0)
    for e in (vote, conclusion):
        assert e.kind == "expected" and e.interval is not None
        assert e.interval.start.date() == dt.date(2020, 1, 5) and e.interval.end.date() == dt.date(2020, 1, 6)
    assert "vote" in vote.description and "troops" in vote.description or "motion" in vote.description
    assert deadline.interval is not None and (deadline.interval.start.hour, deadline.interval.start.minute) == (17, 0)
    # order: 2014, for months, late Saturday, Sunday (the day, its 13:00 and its 17:00)
    order = [_index(tl, t) for t in (invited, "opposed", "attacks", attack)]
    assert order[0] < order[1] < min(order[2:])
    sunday = [_index(tl, t) for t in ("vote", "conclusion", "meet")] + [list(tl).index(deadline)]
    assert max(order[2:]) < min(sunday)
    assert _index(tl, "meet") < list(tl).index(deadline)
    assert {e.trigger.text for e in tl.on("2020-01-05")} >= {"vote", "conclusion", "meet"}
    if order_cue:
        strike = _find(tl, "strike")
        assert strike.interval is None and strike.before == (attacks.id,)
        assert _index(tl, "strike") < _index(tl, "attacks")
    # numbers are not times
    for e in tl:
        assert e.time is None or not any(n in e.time.text for n in ("5,200", "329", "1,000"))


def test_the_example_dispatch() -> None:
    tl = timeline.build(DISPATCH.read_text(encoding="utf-8"), published=PUB, document="dispatch")
    _check_baghdad(tl, invited="invited", attack="hit", order_cue=False)


def test_the_seed_article(shared_dir: Path) -> None:
    if not SEED.exists():
        pytest.skip(f"the seed article {SEED} is absent")
    tl = timeline.build(SEED.read_text(encoding="utf-8"), published=PUB, document="seed")
    _check_baghdad(tl, invited="invited", attack="slammed", order_cue=True)
    vote = _find(tl, "vote")
    assert vote.description == "Iraq's parliament was expected to vote on ousting US troops"
    [d] = tl.deadlines(now="2020-01-06")
    assert d.status == "overdue" and d.who == "the Kataeb Hezbollah faction"
    assert "1,000 meters away from US bases" in d.what
    [d] = tl.deadlines(now="2020-01-05T12:00+03:00")
    assert d.status == "upcoming"


@pytest.mark.xfail(strict=True, reason="a day-long event is listed before the clock times of that day "
                   "(calendar convention), not between 13:00 and 17:00 as the acceptance narrative has it")
def test_day_events_between_clock_times() -> None:
    tl = timeline.build(DISPATCH.read_text(encoding="utf-8"), published=PUB)
    assert _index(tl, "meet") < _index(tl, "vote")


def test_order_groups_on_between() -> None:
    text = ("The plant closed in 2019. Workers marched on Friday. The union voted on Friday too. "
            "A new owner will take over next month.")
    tl = timeline.build(text, published=PUB)
    assert [e.trigger.text for e in tl] == ["closed", "marched", "voted", "take"]
    assert [e.id for e in tl] == ["e1", "e2", "e3", "e4"]
    groups = tl.groups()
    assert [len(g) for _, g in groups] == [1, 2, 1]
    assert [e.trigger.text for e in tl.on(dt.date(2020, 1, 3))] == ["marched", "voted"]
    assert [e.trigger.text for e in tl.between("2020-01-01", "2020-01-31")] == ["marched", "voted"]
    assert [e.trigger.text for e in tl.between("2019-06-01", "2020-01-04")] == ["closed", "marched", "voted"]
    with pytest.raises(ValueError, match="zone"):
        tl.between(dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc), "2020-02-01")


def test_merge_the_same_event_told_twice() -> None:
    a = ("wire-a", "Rebels seized the airport on Friday, officials said.", "2020-01-05")
    b = ("wire-b", "Rebels seized the airport on Friday after a battle.", "2020-01-06")
    tl = timeline.build_many([a, b])
    seized = [e for e in tl if e.trigger.text == "seized"]
    assert len(seized) == 1
    assert [s.document for s in seized[0].sources] == ["wire-a", "wire-b"]
    assert seized[0].conflicts == ()


def test_merge_keeps_contradicting_dates_flagged() -> None:
    a = ("wire-a", "Rebels seized the airport on Friday.", "2020-01-05")  # 2020-01-03
    b = ("wire-b", "Rebels seized the airport on Thursday.", "2020-01-05")  # 2020-01-02
    tl = timeline.merge([timeline.build(a[1], published=a[2], document=a[0]),
                         timeline.build(b[1], published=b[2], document=b[0])])
    seized = [e for e in tl if e.trigger.text == "seized"]
    assert len(seized) == 2
    assert seized[0].conflicts == (seized[1].id,) and seized[1].conflicts == (seized[0].id,)
    assert seized[0].sources[0].document == "wire-b"  # Thursday first


def test_merge_drops_nothing() -> None:
    docs = [("a", "The council voted on Friday.", "2020-01-05"),
            ("b", "The mayor resigned on Monday. Talks will resume next week.", "2020-01-08")]
    singles = sum(len(timeline.build(t, published=p)) for _, t, p in docs)
    assert len(timeline.build_many(docs)) == singles


def test_duplicate_document_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        timeline.build_many([("a", "x", PUB), ("a", "y", PUB)])


def test_import_stays_lazy() -> None:
    import subprocess
    import sys

    code = "import sys, timeline; print('timeline.events' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------------ command line


def _cli(*args: str) -> "object":
    from click.testing import CliRunner

    from timeline import cli

    return CliRunner().invoke(cli.main, list(args), catch_exceptions=False)


def test_cli_json_events_and_deadlines() -> None:
    import json

    result = _cli("extract", str(DISPATCH), "-p", PUB, "-f", "json", "--now", "2020-01-06")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    doc = json.loads(result.stdout)  # type: ignore[attr-defined]
    ids = {m["id"] for m in doc["mentions"]}
    assert doc["events"] and all(set(e) >= {"id", "description", "trigger", "kind", "relation", "time",
                                            "interval", "sources"} for e in doc["events"])
    assert all(e["time"] is None or e["time"] in ids for e in doc["events"])
    [d] = doc["deadlines"]
    assert d["status"] == "overdue" and d["due"] == "2020-01-05T17:00:00+03:00"
    assert d["event"] in {e["id"] for e in doc["events"]}


def test_cli_timeml_events_and_tlinks() -> None:
    from timeline.timeml import read_timeml_string

    result = _cli("extract", str(DISPATCH), "-p", PUB, "-f", "timeml")
    assert result.exit_code == 0
    doc = read_timeml_string(result.stdout)  # type: ignore[attr-defined]
    assert doc.text == DISPATCH.read_text(encoding="utf-8")
    assert "vote" in [e.text for e in doc.events]
    assert len(doc.instances) == len(doc.events)
    rels = {(link.rel_type, link.target) for link in doc.tlinks if link.target == "t0"}
    assert {r for r, _ in rels} >= {"BEFORE", "AFTER", "INCLUDES"}
    kinds = {link.rel_type for link in doc.tlinks if link.target != "t0"}
    assert kinds >= {"IS_INCLUDED", "BEGINS", "DURING"}


def test_timeml_relates_every_event_word_to_publication(tmp_path: Path) -> None:
    """Undated verbs and event nouns get an EVENT and a TLINK to t0 by their tense; the second
    word of a dated event ("called" a Monday strike) gets its time link too."""
    from timeline.timeml import read_timeml_string

    story = tmp_path / "story.txt"
    story.write_text("The union called a Monday strike at the airline. Analysts had warned of weak "
                     "demand, and the board will review the fleet plan.\n", encoding="utf-8")
    result = _cli("extract", str(story), "-p", "2021-10-21", "-f", "timeml")
    assert result.exit_code == 0
    doc = read_timeml_string(result.stdout)  # type: ignore[attr-defined]
    text_of = {i.eiid: next(e for e in doc.events if e.eid == i.eid).text for i in doc.instances}
    t0 = {text_of[link.source]: link.rel_type for link in doc.tlinks if link.target == "t0"}
    assert t0["warned"] == "BEFORE" and t0["review"] == "AFTER" and t0["called"] == "BEFORE"
    assert {text_of[link.source] for link in doc.tlinks if link.target == "t1"} == {"called", "strike"}
    assert [e.eid for e in doc.events] == [f"e{k}" for k in range(1, len(doc.events) + 1)]  # text order


def test_cli_deadlines_command() -> None:
    result = _cli("deadlines", str(DISPATCH), "-p", PUB, "--now", "2020-01-05T12:00+03:00")
    assert result.exit_code == 0
    out = result.stdout  # type: ignore[attr-defined]
    assert out.startswith("upcoming:") and "2020-01-05T17:00:00+03:00" in out and "demanded by the militia" in out
    bad = _cli("deadlines", str(DISPATCH), "-p", PUB, "--now", "2020-01-05T12:00")
    assert bad.exit_code == 1 and "no zone" in bad.stderr  # type: ignore[attr-defined]


def test_timezone_argument_makes_day_events_aware() -> None:
    """A document zone given by the caller applies to events dated by whole days."""
    tl = timeline.build("Talks end on Sunday. The strike happened on Friday.", published="2020-01-05",
                        timezone="Asia/Baghdad")
    starts = [e.interval.start for e in tl if e.interval is not None]
    assert starts and all(s.utcoffset() == dt.timedelta(hours=3) for s in starts)


def test_a_whole_timeline_moves_to_the_readers_zone() -> None:
    text = ("Baghdad: The militia told troops to pull back starting on Sunday at 5:00 pm. "
            "Parliament meets at 1:00 pm local time.")
    tl = timeline.build(text, published="2020-01-05")
    paris = tl.in_zone("Europe/Paris")
    (deadline,) = paris.deadlines()
    assert deadline.due.isoformat() == "2020-01-05T15:00:00+01:00"
    assert deadline.due == tl.deadlines()[0].due  # the same instant
    assert [e.description for e in paris] == [e.description for e in tl]
    with pytest.raises(ValueError, match="Mars/Olympus"):
        tl.in_zone("Mars/Olympus")


def test_an_event_from_one_day_to_another_lies_over_both() -> None:
    tl = timeline.build("The exhibition opens to visitors from May 2 to June 9.", published="2021-04-01")
    (event,) = tl
    assert event.interval is not None
    assert (event.interval.start, event.interval.end) == (dt.datetime(2021, 5, 2), dt.datetime(2021, 6, 10))
    assert [e.trigger.text for e in tl.on(dt.date(2021, 5, 20))] == ["opens"]


def test_a_zone_written_next_to_one_clock_time_is_not_the_documents() -> None:
    """'at 1030 GMT' makes that time aware; the days of a story with no dateline stay floating."""
    tl = timeline.build("Shares fell on Tuesday. Trading resumed at 1030 GMT on Wednesday.",
                        published="2023-11-09")
    days = [e.interval for e in tl if e.time is not None and e.time.type == "DATE" and e.interval is not None]
    assert days and all(iv.start.tzinfo is None for iv in days)
    clocks = [e.interval for e in tl if e.time is not None and e.time.type == "TIME" and e.interval is not None]
    assert clocks and all(iv.start.utcoffset() == dt.timedelta(0) for iv in clocks)


def test_a_state_since_a_date_runs_up_to_publication() -> None:
    tl = timeline.build("Fighting has continued since September.", published="2023-11-21")
    (event,) = tl
    assert event.kind == "ongoing" and event.interval is not None
    assert (event.interval.start, event.interval.end) == (dt.datetime(2023, 9, 1), dt.datetime(2023, 11, 21))


def test_a_duration_that_modifies_a_noun_is_not_placed_from_publication() -> None:
    """'after a two-week pause': the pause has a length, not a place; nothing is made up."""
    tl = timeline.build("Talks resumed on Monday after a two-week pause, and mediators said so.",
                        published="2023-11-21")
    # the pause comes before the resuming ("after"), with no interval of its own; "said" is not ordered by "after"
    assert [e.trigger.text for e in tl.events] == ["pause", "resumed"]
    assert tl.events[0].interval is None
    assert all(e.interval is None for e in tl.unplaced)


def test_the_table_says_which_time_has_no_date() -> None:
    from timeline.cli import _when

    tl = timeline.build("Crowds have gathered outside the embassy every Friday.", published=PUB)
    (event,) = tl.unplaced
    assert _when(event) == "(every Friday: no date)"
