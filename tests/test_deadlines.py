"""Deadlines and ultimatums: detection, due instant, status against a caller's now."""

from __future__ import annotations

import datetime as dt

import pytest

import timeline
from timeline.events.due import status

PUB = "2020-01-05"


def _deadlines(text: str, published: str = PUB, **kw: object) -> list[timeline.Deadline]:
    return timeline.build(text, published=published).deadlines(**kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("The rebels must hand over their weapons by Friday, the army said.", dt.datetime(2020, 1, 10, 23, 59)),
        ("Bidders must file their offers no later than January 20.", dt.datetime(2020, 1, 20, 23, 59)),
        ("The army set a deadline for the rebels to leave the town on January 7.", dt.datetime(2020, 1, 7, 23, 59)),
        ("The strikers issued an ultimatum: pay rises by next Monday.", dt.datetime(2020, 1, 6, 23, 59)),
        ("The ceasefire expires at 6:00 pm on Monday.", dt.datetime(2020, 1, 6, 18)),
        ("The government ordered all foreign staff to leave starting on Sunday at 5:00 pm.",
         dt.datetime(2020, 1, 5, 17)),
    ],
)
def test_deadline_due(text: str, due: dt.datetime) -> None:
    [d] = _deadlines(text)
    assert d.due.replace(tzinfo=None) == due
    assert d.event.kind == "deadline" and d.event.t0 == "AFTER"
    assert d.sentence in text


def test_within_hours_counts_from_publication() -> None:
    [d] = _deadlines("Protesters must leave the square within 48 hours, police said.", published="2020-01-05T09:00")
    assert d.due == dt.datetime(2020, 1, 7, 9, 0)


def test_within_an_uncounted_span_is_expected_not_due() -> None:
    # "within weeks" says no count: no due instant is made up, the decision is an expected event
    tl = timeline.build("The ministry said it will decide on the appeal within weeks.", published="2020-01-05")
    assert tl.deadlines() == []
    assert [e.kind for e in tl if e.trigger.text == "decide"] == ["expected"]


def test_what_and_who() -> None:
    text = "In a statement, the militia told police to stay away from the bases starting on Sunday at 5:00 pm."
    [d] = _deadlines(text)
    assert d.who == "the militia"
    assert d.what == "police to stay away from the bases"


def test_past_by_is_not_a_deadline() -> None:
    assert _deadlines("By Sunday morning no group claimed the attacks.") == []


def test_status_and_order() -> None:
    text = ("The army must withdraw by Friday, the treaty says. "
            "Voters must register no later than January 7.")
    ds = _deadlines(text, now="2020-01-06")
    assert [d.due for d in ds] == [dt.datetime(2020, 1, 7, 23, 59), dt.datetime(2020, 1, 10, 23, 59)]
    assert [d.status for d in ds] == ["upcoming", "upcoming"]
    ds = _deadlines(text, now="2020-01-09")
    assert [d.status for d in ds] == ["overdue", "upcoming"]
    ds = _deadlines(text, now=dt.datetime(2020, 1, 9, 12), window=dt.timedelta(days=2))
    assert [d.status for d in ds] == ["overdue", "due-soon"]
    assert [d.status for d in _deadlines(text)] == [None, None]


def test_zones_are_never_mixed() -> None:
    aware = dt.datetime(2020, 1, 5, 17, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert status(aware, "2020-01-05T12:00+03:00") == "upcoming"
    assert status(aware, "2020-01-05T15:00+00:00") == "overdue"
    assert status(aware, dt.date(2020, 1, 6)) == "overdue"  # a bare date: that day on the deadline's clock
    with pytest.raises(ValueError, match="no zone"):
        status(aware, dt.datetime(2020, 1, 5, 12))
    with pytest.raises(ValueError, match="has a zone"):
        status(dt.datetime(2020, 1, 5, 17), "2020-01-05T12:00+03:00")
    with pytest.raises(ValueError, match="ISO 8601"):
        status(aware, "tomorrow")


def test_a_zone_makes_deadlines_aware() -> None:
    text = "Baghdad: the militia told police to stay away from the bases starting on Sunday at 5:00 pm."
    tl = timeline.build(text, published=PUB, timezone="Asia/Baghdad")
    [d] = tl.deadlines(now="2020-01-05T12:00+03:00")
    assert d.due.utcoffset() == dt.timedelta(hours=3) and d.status == "upcoming"
    with pytest.raises(ValueError, match="no zone"):
        tl.deadlines(now=dt.datetime(2020, 1, 5, 12))


def test_deadline_dict() -> None:
    [d] = _deadlines("The rebels must disarm by Friday.", now="2020-01-10")
    assert d.as_dict() == {
        "event": d.event.id, "due": "2020-01-10T23:59:00", "what": d.what, "who": None,
        "sentence": "The rebels must disarm by Friday.", "status": "upcoming", "form": "must-by",
        "end_of_day": True, "zone": None, "obliged": "The rebels", "update": None, "closed": None, "superseded_by": None,
    }


@pytest.mark.parametrize("text", ["The talks will run from Monday to Friday.",
                                  "The exhibition opens to visitors from May 2 to June 9."])
def test_the_end_of_a_span_is_no_deadline(text: str) -> None:
    """'from X to Y' bounds the event on both sides: one event, starting X, until Y, and nothing due."""
    tl = timeline.build(text, published="2021-04-01")
    (event,) = (*tl.events, *tl.unplaced)
    assert event.relation == "starting" and [t.relation for t in event.more_times] == ["until"]
    assert not tl.deadlines()


def test_a_span_counted_from_another_event_is_not_due_from_publication() -> None:
    """'within 14 days of a petition being filed' counts from the filing, which has no date: the
    event stays a deadline with no place on the calendar, and no due instant is made up."""
    tl = timeline.build("The court must rule within 14 days of a petition being filed.", published="2020-01-05")
    (event,) = tl.unplaced
    assert event.kind == "deadline" and event.interval is None
    assert not tl.deadlines()


def test_a_demand_dated_by_its_deadline_is_the_deadline() -> None:
    """'gave households until Friday to register': what is due is the registering, by the demander."""
    text = "The ministry gave households until midnight on Friday to register for fuel vouchers."
    [d] = timeline.build(text, published="2022-12-07").deadlines()
    assert d.what == "households to register for fuel vouchers" and d.who == "The ministry"
    assert d.due == dt.datetime(2022, 12, 9, 23, 59) and d.event.t0 == "AFTER"


def test_a_demand_of_another_clause_is_not_what_is_due() -> None:
    text = ("The ministry gave households until Friday to register, and warned that the scheme expires "
            "at the end of the month.")
    deadlines = timeline.build(text, published="2022-12-07").deadlines()
    assert [d.what for d in deadlines] == ["households to register", "the scheme expires"]


def test_a_commitment_dated_by_by_is_a_deadline_even_told_in_the_past_perfect() -> None:
    text = "Mediators said both sides had agreed to exchange prisoners by the end of the week."
    tl = timeline.build(text, published="2023-11-21")
    [d] = tl.deadlines()
    assert d.event.trigger.text == "exchange" and d.event.kind == "deadline" and d.event.t0 == "AFTER"
    assert d.due == dt.datetime(2023, 11, 26, 23, 59)


def test_an_expiry_after_a_plural_noun_is_a_verb() -> None:
    """'a deadline set by the mediators expires at noon on Friday': 'expires' is the verb."""
    tl = timeline.build("A deadline set by the mediators expires at noon on Friday.", published="2023-11-21")
    [d] = tl.deadlines()
    assert d.event.trigger.text == "expires" and d.due == dt.datetime(2023, 11, 24, 12)


def test_time_given_until_a_date_makes_the_infinitive_due() -> None:
    [d] = _deadlines("Banks have until June 30 to submit their stress-test results.", published="2026-06-04")
    assert d.what == "Banks to submit their stress-test results" and d.who is None
    assert d.event.trigger.text == "submit" and d.due == dt.datetime(2026, 6, 30, 23, 59)


@pytest.mark.parametrize(("text", "due", "form"), [
    ("Bids are due Dec. 15 at 2 p.m. EST.", "2015-12-15T14:00:00-05:00", "due"),
    ("Registration closes on Dec. 5.", "2015-12-05T23:59:00-05:00", "closes"),
    ("The tax filing deadline was extended to Dec. 15.", "2015-12-15T23:59:00-05:00", "extended"),
    ("The company has 14 days to respond.", "2015-12-15T23:59:00-05:00", "has-n-days"),
    ("Iran was given a 60-day deadline to comply.", "2016-01-30T23:59:00-05:00", "n-day deadline"),
    ("The union set a strike deadline of 11:59 p.m. Sunday.", "2015-12-06T23:59:00-05:00", "set a deadline"),
])
def test_the_probes_of_the_issue(text: str, due: str, form: str) -> None:
    [d] = timeline.build(text, published="2015-12-01", timezone="America/New_York").deadlines()
    assert d.due.isoformat() == due and d.form == form


def test_a_day_is_due_at_its_end_and_shown_as_that_day() -> None:
    [d] = _deadlines("Applications must be received by Feb. 17.", published="2016-02-10")
    assert d.due == dt.datetime(2016, 2, 17, 23, 59) and d.end_of_day
    assert d.when_text() == "Wed 17 Feb 2016, end of day (zone unknown)"
    [d] = _deadlines("The ultimatum expires at midnight Friday.", published="2016-02-10")
    assert d.due == dt.datetime(2016, 2, 12, 23, 59) and d.end_of_day  # the end of Friday, not Saturday


def test_a_moved_limit_supersedes_the_earlier_one_in_one_text() -> None:
    tl = timeline.build("Bids are due Dec. 4. The deadline was extended to Dec. 11.", published="2015-12-01")
    old, new = tl.deadlines(now="2015-12-02")
    assert (old.due.day, old.status, old.superseded_by) == (4, "superseded", new.event.id)
    assert (new.due.day, new.status, new.update) == (11, "upcoming", "extended")


def test_a_later_text_supersedes_an_earlier_deadline_of_the_same_obligation() -> None:
    first = timeline.build("Contractors must repair the bridge by March 1.", published="2016-02-01", document="a")
    later = timeline.build("Contractors must now repair the bridge by April 15.", published="2016-02-20", document="b")
    ds = timeline.merge([first, later]).deadlines(now="2016-02-21")
    assert [(d.due.month, d.status) for d in ds] == [(3, "superseded"), (4, "upcoming")]
    ds = timeline.merge([later, first]).deadlines()  # the order given does not matter: publication does
    assert [(d.due.month, d.closed) for d in ds] == [(3, "superseded"), (4, None)]


@pytest.mark.parametrize(("text", "closed"), [
    ("The union set a strike deadline of Friday. The strike was called off on Tuesday.", "cancelled"),
    ("Workers set a strike deadline of Dec. 4, but a strike was averted after a deal.", "cancelled"),
    ("The company must file its report by Dec. 4. The company met the deadline on Wednesday.", "met"),
])
def test_a_later_statement_closes_a_deadline(text: str, closed: str) -> None:
    [d] = timeline.build(text, published="2015-12-01").deadlines(now="2015-12-02")
    assert d.closed == closed and d.status == closed


def test_a_meeting_of_people_closes_no_deadline() -> None:
    text = "The rebels must leave by Friday. The prime minister had met the speaker the day before."
    [d] = timeline.build(text, published="2015-12-01").deadlines()
    assert d.closed is None


@pytest.mark.parametrize("text", [
    "The ceasefire will last until Friday.",
    "The results will be published two days after the vote.",
    "The bill, which failed in the Senate, would have required companies to report by Jan. 1.",
    "The library closes at 8 p.m. on weekdays.",
    "The previous deadline was Nov. 20.",
    "The company expects to close the deal by the end of June.",
])
def test_not_deadlines(text: str) -> None:
    assert timeline.build(text, published="2015-12-01").deadlines() == []


def test_a_length_counts_from_the_dated_event_it_follows() -> None:
    [d] = timeline.build("The company must respond within 14 days of the Dec. 1 ruling.", published="2015-11-20",
                         timezone="America/New_York").deadlines()
    assert d.due.isoformat() == "2015-12-15T23:59:00-05:00" and d.end_of_day


def test_a_later_text_that_calls_off_a_strike_closes_its_deadline() -> None:
    tl = timeline.build_many([
        ("a", "The dockers' union set a strike deadline of Friday.", "2015-12-01"),
        ("b", "The dockers' strike was called off on Wednesday after a pay deal.", "2015-12-03"),
        ("c", "Lawmakers must pass the budget by Dec. 11.", "2015-12-01"),
    ])
    assert [(d.what, d.closed) for d in tl.deadlines()] == [("strike deadline", "cancelled"),
                                                             ("lawmakers must pass the budget", None)]
