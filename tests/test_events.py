"""Event detection: triggers, relations, kinds, descriptions (timeline.events)."""

from __future__ import annotations

import datetime as dt

import pytest

import timeline
from timeline.events.place import duration_of

PUB = "2020-01-05"


def _events(text: str, published: str = PUB) -> dict[str, timeline.Event]:
    return {e.trigger.text: e for e in (*timeline.build(text, published=published).events,)}


def test_past_event_on_a_day() -> None:
    ev = _events("The council voted on Friday to close the plant.")["voted"]
    assert ev.kind == "occurred" and ev.relation == "on" and ev.t0 == "BEFORE"
    assert ev.interval == timeline.Interval(dt.datetime(2020, 1, 3), dt.datetime(2020, 1, 4))
    assert ev.time is not None and ev.time.text == "Friday"
    assert ev.time_id == "t1"


def test_expected_event_and_description() -> None:
    text = "Kyiv: the city council was expected to vote Tuesday on raising bus fares from March."
    ev = _events(text)["vote"]
    assert ev.kind == "expected" and ev.t0 == "AFTER"
    assert text[ev.trigger.start : ev.trigger.end] == "vote"
    assert "vote on raising bus fares" in ev.description
    assert "Tuesday" not in ev.description
    assert ev.description == "the city council was expected to vote on raising bus fares"  # the whole verb group


def test_will_makes_an_event_expected() -> None:
    assert _events("The minister will visit the port next week.")["visit"].kind == "expected"


def test_possessive_time_dates_the_noun() -> None:
    ev = _events("Nobody claimed Thursday's bombing near the market.")["bombing"]
    assert ev.kind == "occurred" and ev.time is not None and ev.time.text == "Thursday"


def test_fronted_time_dates_the_following_verb() -> None:
    ev = _events("Early on Saturday, shells struck a school in the north.")
    assert "struck" in ev


def test_ongoing_state_over_a_duration_runs_up_to_publication() -> None:
    ev = _events("The union has opposed the merger for months.")["opposed"]
    assert ev.kind == "ongoing" and ev.relation == "during" and ev.t0 == "INCLUDES"
    assert ev.interval is not None
    assert ev.interval.end == dt.datetime(2020, 1, 5)
    assert ev.interval.start <= dt.datetime(2019, 12, 5)


@pytest.mark.parametrize(
    ("text", "trigger", "relation"),
    [
        ("The talks must end by Friday, the envoy said.", "end", "by"),
        ("The curfew lasts until Monday, officials said.", "lasts", "until"),
        ("Prices have risen since March, the bank said.", "risen", "starting"),
        ("The ministers met before the summit on Friday.", "summit", "on"),
    ],
)
def test_relation_words(text: str, trigger: str, relation: str) -> None:
    assert _events(text)[trigger].relation == relation


def test_the_text_orders_an_event_without_a_time() -> None:
    text = (
        "On Friday, gunmen attacked a police post. "
        "The raids were revenge for the arrest of a local leader."
    )
    # "the raids" has no time of its own; the arrest is placed before the attack it answered only
    # when the raids are told with a time too
    text2 = text + " Nobody claimed Friday's raids."
    tl = timeline.build(text2, published=PUB)
    triggers = [e.trigger.text for e in tl]
    assert "arrest" in triggers
    arrest = next(e for e in tl if e.trigger.text == "arrest")
    raids = next(e for e in tl if e.trigger.text == "raids")
    assert arrest.interval is None and arrest.before == (raids.id,)
    assert triggers.index("arrest") < triggers.index("raids")


def test_no_time_no_events() -> None:
    tl = timeline.build("The committee discussed the budget and adjourned.", published=PUB)
    assert list(tl) == [] and tl.deadlines() == [] and len(tl) == 0


def test_empty_text() -> None:
    assert list(timeline.build("", published=PUB)) == []


def test_numbers_are_not_times() -> None:
    text = "Some 5,200 soldiers of the 329-member force stayed 1,000 meters away on Sunday."
    tl = timeline.build(text, published=PUB)
    assert [e.time.text for e in tl if e.time is not None] == ["Sunday"]


def test_duration_values() -> None:
    assert duration_of("P3M") is not None and dt.datetime(2020, 4, 1) - duration_of("P3M") == dt.datetime(2020, 1, 1)
    assert dt.datetime(2020, 1, 5) - duration_of("PXM") == dt.datetime(2019, 11, 5)
    assert duration_of("PT48H") is not None
    assert duration_of("XXXX") is None


def test_event_dict_fields() -> None:
    ev = timeline.build("The council voted on Friday.", published=PUB).events[0]
    d = ev.as_dict()
    assert set(d) >= {"id", "description", "trigger", "kind", "relation", "time", "interval", "sources"}
    assert d["trigger"] == {"start": 12, "end": 17, "text": "voted"}
    assert d["sources"] == [{"document": "doc", "start": 0, "end": 28, "published": PUB}]


def test_coordinated_verbs_share_the_time() -> None:
    """Two events, each described with the subject they share."""
    tl = timeline.build("On Monday the firm fired its chief and sold the unit.", published=PUB)
    assert {e.trigger.text: e.description for e in tl} == {"fired": "the firm fired its chief",
                                                             "sold": "the firm sold the unit"}


# ------------------------------------------------------------------ SET mentions: recurring events


def test_a_set_dates_a_recurring_event() -> None:
    text = "Crowds have gathered outside the embassy walls every Friday."
    tl = timeline.build(text, published=PUB)
    assert list(tl) == []  # no place on the calendar of its own ...
    (ev,) = tl.unplaced  # ... but an event with its SET as time
    assert ev.trigger.text == "gathered" and ev.time is not None and ev.time.type == "SET"
    assert (ev.kind, ev.relation, ev.t0, ev.interval) == ("ongoing", "on", "INCLUDES", None)
    assert ev.description == "crowds have gathered outside the embassy walls"


@pytest.mark.parametrize(
    ("text", "kind", "t0"),
    [
        ("The board will meet every Monday.", "expected", "AFTER"),
        ("The club met every Friday.", "occurred", "BEFORE"),
        ("Trains leave twice a week.", "ongoing", "INCLUDES"),
    ],
)
def test_the_tense_of_a_recurring_event(text: str, kind: str, t0: str) -> None:
    (ev,) = timeline.build(text, published=PUB).unplaced
    assert (ev.kind, ev.t0) == (kind, t0)


def test_a_set_does_not_take_the_event_of_a_date() -> None:
    text = "Flights will leave from March 30, with the third departing each Thursday from August 6."
    events = {e.trigger.text: e for e in (*timeline.build(text, published="1998-02-13").events,)}
    assert events["departing"].time is not None and events["departing"].time.text == "August 6"


# ------------------------------------------------------------------ one event per clause and time


def test_a_noun_and_its_verb_with_one_time_are_one_event() -> None:
    tl = timeline.build("The union called a Monday strike.", published="1990-02-01")
    (ev,) = [*tl.events, *tl.unplaced]
    assert ev.trigger.text == "strike" and [t.text for t in ev.also] == ["called"]
    assert ev.description == "the union called a strike"


def test_two_times_of_one_clause_give_two_events_that_read_differently() -> None:
    text = "Late Saturday, rockets hit an air base. By Sunday morning no group claimed Saturday's attacks."
    events = _events(text)
    # each leaves out its own time: the possessive time of the other event names the attacks
    assert events["attacks"].description == "the attacks"
    assert events["claimed"].description == "no group claimed Saturday's attacks"
    assert events["attacks"].time is not None and events["attacks"].time.text == "Saturday"


def test_the_dispatch_has_one_event_per_clause() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "examples" / "baghdad_dispatch.txt").read_text(encoding="utf-8")
    tl = timeline.build(text, published=PUB)
    told = [(e.description, e.time_id) for e in (*tl.events, *tl.unplaced)]
    assert len(told) == len(set(told))
    assert len({d for d, _ in told}) == len(told)


@pytest.mark.parametrize(
    ("text", "word", "t0"),
    [("Prices have been falling, traders said.", "falling", "INCLUDES"),
     ("Goods are being blocked at the border.", "blocked", "INCLUDES"),
     ("The firm agreed to pay the fine.", "pay", "AFTER"),
     ("The army lacks the ability to deliver such weapons.", "deliver", "AFTER"),
     ("Shares rose before the proposed merger.", "merger", "AFTER"),
     ("The council voted on the plan.", "voted", "BEFORE")],
)
def test_every_event_word_is_related_to_the_publication_by_its_tense(text: str, word: str, t0: str) -> None:
    doc = timeline.analyze(text, published=PUB)
    rels = {w.text: w.t0 for w in doc.words}
    assert rels[word] == t0


def test_a_passive_description_keeps_its_auxiliary() -> None:
    text = "US troops are deployed in Iraq, where they were invited by the government in 2014 to help."
    ev = next(e for e in timeline.build(text, published=PUB) if e.trigger.text == "invited")
    assert ev.description.startswith("they were invited by the government")


@pytest.mark.parametrize(
    ("text", "trigger", "description"),
    [("NAIROBI (Wire) — The commission said on Tuesday it would publish the count.", "said",
      "the commission said it would publish the count"),
     ("The court must rule within 14 days of a petition being filed.", "rule", "the court must rule"),
     # "as of" dates the state of the reported clause, not the saying
     ("The chairman said the count was 60 percent done as of noon Wednesday.", "done",
      "the count was 60 percent done"),
     ("Talks collapsed on Friday -- the third failure in a month -- and both sides left.", "collapsed",
      "talks collapsed"),
     ("Negotiators said on Wednesday they hoped to reach a deal.", "said",
      "negotiators said they hoped to reach a deal")],
)
def test_descriptions_leave_out_datelines_dashes_and_what_a_time_counts_from(
        text: str, trigger: str, description: str) -> None:
    tl = timeline.build(text, published=PUB)
    assert {e.trigger.text: e.description for e in (*tl.events, *tl.unplaced)}[trigger] == description


@pytest.mark.parametrize(
    ("text", "trigger", "description"),
    [("The company had frozen hiring since July.", "frozen", "the company had frozen hiring"),
     ("Talks did not resume on Monday.", "resume", "talks did not resume")],
)
def test_descriptions_keep_the_auxiliary_a_participle_or_a_negation_needs(
        text: str, trigger: str, description: str) -> None:
    tl = timeline.build(text, published=PUB)
    assert {e.trigger.text: e.description for e in (*tl.events, *tl.unplaced)}[trigger] == description


def test_called_is_a_demand_only_when_it_calls_on_someone() -> None:
    tl = timeline.build("The union called on members to return to work by Friday.", published=PUB)
    [d] = tl.deadlines()
    assert d.what == "members to return to work"
    tl = timeline.build("The union called a strike and members must return their ballots by Friday.", published=PUB)
    [d] = tl.deadlines()
    assert "called" not in d.what


def test_a_length_dates_the_event_noun_it_measures() -> None:
    # "two decades of war": the war took the two decades; the description drops the length and its "of"
    tl = timeline.build("Envoys met in Doha to end two decades of war, after 18 months of talks.", published=PUB)
    by_time = {e.time.text: e for e in (*tl.events, *tl.unplaced) if e.time is not None}
    assert by_time["two decades"].trigger.text == "war" and by_time["two decades"].relation == "during"
    assert by_time["two decades"].description.endswith("to end war")
    assert by_time["18 months"].trigger.text == "talks" and by_time["18 months"].relation == "during"
    assert by_time["18 months"].description == "talks"


def test_descriptions_leave_out_a_cut_off_saying_and_the_words_of_the_time() -> None:
    text = ("The chief negotiator of the government said the two sides agreed to meet at 10 a.m. on Saturday. "
            "A bomb exploded near a university late on Tuesday, after a pause of nearly a month.")
    tl = timeline.build(text, published="2021-03-03")
    by_time = {e.time.text: e for e in (*tl.events, *tl.unplaced) if e.time is not None}
    assert by_time["10 a.m. on Saturday"].description == "the two sides agreed to meet"
    assert by_time["Tuesday"].description == "a bomb exploded near a university"
    assert by_time["nearly a month"].trigger.text == "pause"


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Schools in the province will stay closed until Monday.", "expected"),  # a state's span, no deadline
     ("Banks remained shut on Friday.", "occurred")],
)
def test_a_state_after_stay_or_remain_takes_their_tense(text: str, kind: str) -> None:
    (ev,) = timeline.build(text, published="2026-11-18").events
    assert ev.kind == kind


def test_a_length_after_a_decree_is_not_a_state_running_back_from_publication() -> None:
    # "for 60 days" is how long the state of calamity lasts from the decree: no interval is made up
    (ev,) = timeline.build("The government has declared a state of calamity for 60 days.", published="2026-11-18").unplaced
    assert ev.trigger.text == "declared" and ev.interval is None
    (held,) = timeline.build("The militia has opposed their presence for months.", published="2026-11-18").events
    assert held.interval == timeline.Interval(dt.datetime(2026, 9, 18), dt.datetime(2026, 11, 18))


def test_the_end_of_a_year_is_its_last_third_from_a_midnight() -> None:
    (ev,) = timeline.build("The bank will end its bond buying by the end of the year.", published="2026-06-04").events
    assert ev.interval == timeline.Interval(dt.datetime(2026, 9, 1), dt.datetime(2027, 1, 1))


def test_a_time_inside_a_phrase_keeps_the_words_before_it() -> None:
    (ev,) = [*timeline.build("The news sent the euro to a three-week high.", published="2026-06-04").unplaced]
    assert ev.description == "the news sent the euro to a high"


def test_a_history_places_events_on_their_narrowest_time_and_not_from_publication() -> None:
    text = ("The war began in the summer of 1914, when the empire declared war on its neighbour on 28 July. "
            "Within a week, the army had crossed the border.")
    tl = timeline.build(text, published="2014-06-28")
    by_trigger = {e.trigger.text: e for e in (*tl.events, *tl.unplaced)}
    # dated by the summer and by 28 July: it lies on 28 July
    assert by_trigger["declared"].interval == timeline.Interval(dt.datetime(1914, 7, 28), dt.datetime(1914, 7, 29))
    # "within a week" of a past event counts from the story, not from publication: no interval
    assert by_trigger["crossed"].interval is None


def test_a_lone_surrogate_does_not_stop_the_parse() -> None:
    """spaCy cannot store a lone surrogate; the parse reads U+FFFD in its place, offsets unchanged."""
    text = "\ud800 Talks resumed yesterday."
    [e] = timeline.build(text, published=PUB)
    assert (e.trigger.text, text[e.trigger.start : e.trigger.end]) == ("resumed", "resumed")


def test_the_date_of_a_dateline_dates_no_event() -> None:
    text = "PORT ALVER, May 20 (Wire) - Dock workers walked out on Monday."
    [e] = timeline.build(text, published="2026-05-20")
    assert (e.trigger.text, e.time.text if e.time else None) == ("walked", "Monday")
    assert e.interval is not None and e.interval.start.date().isoformat() == "2026-05-18"


def test_the_read_events_example_prints_a_readable_timeline() -> None:
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "examples" / "read_events.py"
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    assert "Mon 02 Mar 00:00    occurred   Dock workers walked off the job" in out
    assert "deadline 2026-03-05T12:00:00 (upcoming): the union to accept a revised offer" in out
