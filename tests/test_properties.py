"""Properties every answer of `timeline.extract` has, whatever the text.

Expected values are computed from fixed or generated reference dates, never
from today's date.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import timeline
import strategies as s

TIMEX3_TYPES = {"DATE", "TIME", "DURATION", "SET"}
PUBLISHED = dt.date(2020, 1, 5)  # a Sunday


def check_mentions(text: str, mentions: object) -> None:
    """The structural promises of `timeline.extract`."""
    assert isinstance(mentions, list)
    previous_end = 0
    previous_start = -1
    for m in mentions:
        assert isinstance(m, timeline.Mention)
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start : m.end] == m.text, m
        assert m.start >= previous_start, "mentions are not in text order"
        assert m.start >= previous_end, f"{m!r} overlaps the mention before it"
        previous_start, previous_end = m.start, m.end
        assert m.type in TIMEX3_TYPES, m
        assert isinstance(m.value, str) and m.value, m
        assert m.mod is None or (isinstance(m.mod, str) and m.mod), m
        if m.interval is not None:
            assert m.interval.start <= m.interval.end, m
        json.dumps(m.as_dict())  # serializable as it stands


# --------------------------------------------------------------------------- any text


@given(text=s.any_text(), published=s.published_values())
def test_any_text_gives_well_formed_mentions(text: str, published: object) -> None:
    check_mentions(text, timeline.extract(text, published=published))


@pytest.mark.parametrize("text", s.ODD_STRINGS, ids=lambda t: repr(t[:30]))
def test_odd_strings(text: str) -> None:
    check_mentions(text, timeline.extract(text, published=PUBLISHED))


@given(text=s.news_paragraphs(), published=s.dates())
def test_news_text_gives_well_formed_mentions(text: str, published: dt.date) -> None:
    check_mentions(text, timeline.extract(text, published=published))


@given(text=s.unicode_text())
def test_random_unicode(text: str) -> None:
    check_mentions(text, timeline.extract(text, published="2020-01-05T09:00+03:00"))


@pytest.mark.parametrize(
    "published",
    [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59)],
    ids=str,
)
@pytest.mark.parametrize(
    "text", ["yesterday", "tomorrow", "two days ago", "next week", "last year", "in 99999 years", "Friday"]
)
def test_extreme_reference_dates_do_not_crash(text: str, published: dt.date) -> None:
    check_mentions(text, timeline.extract(text, published=published))
    timeline.build(f"The council said it will vote {text}.", published=published)


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31)], ids=str)
def test_text_with_no_times_gives_an_empty_timeline_on_any_date(published: dt.date) -> None:
    assert len(timeline.build("the", published=published)) == 0


def test_whole_text_of_repeated_tokens() -> None:
    text = "Friday, " * 400 + "yesterday"
    mentions = timeline.extract(text, published=PUBLISHED)
    check_mentions(text, mentions)
    assert mentions[-1].text == "yesterday"
    assert mentions[-1].value == "2020-01-04"


def test_empty_text() -> None:
    assert timeline.extract("", published=PUBLISHED) == []


# --------------------------------------------------------------------------- relative days

RELATIVE_DAYS = [
    ("Officials met yesterday.", "yesterday", -1),
    ("Officials will meet tomorrow.", "tomorrow", 1),
    ("Officials met two days ago.", "two days ago", -2),
]


def _value_of(sentence: str, phrase: str, published: dt.date) -> dt.date:
    mentions = timeline.extract(sentence, published=published)
    found = [m for m in mentions if phrase in m.text]
    assert len(found) == 1, (sentence, published, mentions)
    return dt.date.fromisoformat(found[0].value)


@pytest.mark.parametrize(("sentence", "phrase", "days"), RELATIVE_DAYS, ids=[r[1] for r in RELATIVE_DAYS])
@given(published=s.dates(), shift=st.integers(min_value=-4000, max_value=4000))
@example(published=dt.date(2020, 1, 5), shift=0)
@example(published=dt.date(2020, 2, 28), shift=1)  # leap day
@example(published=dt.date(1999, 12, 31), shift=1)  # year end
def test_shifting_the_reference_shifts_relative_days(
    sentence: str, phrase: str, days: int, published: dt.date, shift: int
) -> None:
    moved = published + dt.timedelta(days=shift)
    assume(s.MIN_DATE <= moved <= s.MAX_DATE)
    before = _value_of(sentence, phrase, published)
    after = _value_of(sentence, phrase, moved)
    assert after - before == dt.timedelta(days=shift)
    assert before == published + dt.timedelta(days=days)


@pytest.mark.parametrize(("sentence", "phrase", "days"), RELATIVE_DAYS, ids=[r[1] for r in RELATIVE_DAYS])
@given(published=s.datetimes())
def test_relative_days_from_a_datetime(sentence: str, phrase: str, days: int, published: dt.datetime) -> None:
    # The day is the publication day on the document's own clock.
    assert _value_of(sentence, phrase, published) == published.date() + dt.timedelta(days=days)


# --------------------------------------------------------------------------- values any tagger gives


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The minister resigned yesterday.", "yesterday", "2020-01-04"),
        ("He said Friday that talks would resume.", "Friday", "2020-01-03"),
        ("The talks resume tomorrow.", "tomorrow", "2020-01-06"),
        ("They were invited by the government in 2014.", "2014", "2014"),
        ("The deal was signed on January 3, 2020.", "January 3, 2020", "2020-01-03"),
    ],
)
def test_known_values(text: str, phrase: str, value: str) -> None:
    mentions = timeline.extract(text, published=PUBLISHED)
    check_mentions(text, mentions)
    found = [m for m in mentions if phrase in m.text]
    assert found, mentions
    assert found[0].value == value
    assert found[0].type == "DATE"


def test_same_answer_for_every_form_of_published() -> None:
    text = "The minister resigned yesterday and will speak on Friday."
    answers = [
        [m.value for m in timeline.extract(text, published=p)]
        for p in (dt.date(2020, 1, 5), "2020-01-05", "20200105")
    ]
    assert answers[0] == answers[1] == answers[2]


# --------------------------------------------------------------------------- bad arguments


@pytest.mark.parametrize("text", [None, b"yesterday", 12345, ["yesterday"]], ids=repr)
def test_text_must_be_str(text: object) -> None:
    with pytest.raises(TypeError, match="text"):
        timeline.extract(text, published=PUBLISHED)  # type: ignore[arg-type]


@pytest.mark.parametrize("published", [None, 12345, 2020.0, ["2020-01-05"]], ids=repr)
def test_published_of_the_wrong_type(published: object) -> None:
    with pytest.raises(TypeError, match="published"):
        timeline.extract("yesterday", published=published)  # type: ignore[arg-type]


@pytest.mark.parametrize("published", ["not a date", "", "2020-13-01", "2020-02-30", "Jan 5, 2020"])
def test_published_that_is_not_a_date(published: str) -> None:
    with pytest.raises(ValueError, match="published"):
        timeline.extract("yesterday", published=published)


def test_published_is_keyword_only() -> None:
    with pytest.raises(TypeError):
        timeline.extract("yesterday", "2020-01-05")  # type: ignore[misc]


def test_the_day_before_in_the_past_perfect_is_not_in_the_future() -> None:
    text = "Crowds will march in three weeks. The minister had met the speaker the day before."
    found = [m for m in timeline.extract(text, published=PUBLISHED) if m.text == "the day before"]
    assert found
    assert dt.date.fromisoformat(found[0].value) <= PUBLISHED


# --------------------------------------------------------------------------- regressions
# Tagger bugs found while writing these tests, since fixed.


@pytest.mark.parametrize(("text", "value"), [("Q3 2019", "2019-Q3"), ("H1 2019", "2019-H1")])
def test_quarter_or_half_followed_by_its_year(text: str, value: str) -> None:
    mentions = timeline.extract(f"Profits fell in {text}.", published=PUBLISHED)
    assert [(m.text, m.value) for m in mentions] == [(text, value)]


@pytest.mark.parametrize("text", ["February 29, 2019", "June 31, 2019", "2020-02-30"])
def test_impossible_dates_get_no_full_date_value(text: str) -> None:
    for m in timeline.extract(f"It happened on {text}.", published=PUBLISHED):
        if re.fullmatch(r"\d{4}-\d\d-\d\d", m.value):
            dt.date.fromisoformat(m.value)  # raises for 2019-02-29


def test_year_outside_the_usual_range_is_not_dropped() -> None:
    mentions = timeline.extract("The lease runs until December 31, 2500.", published=PUBLISHED)
    assert all(m.value != "2019-12-31" for m in mentions), mentions


@pytest.mark.parametrize("text", ["December 31, 3500", "31 December 3000", "31 December 9999"])
def test_year_from_3000_on_is_not_replaced_by_the_reference_year(text: str) -> None:
    mentions = timeline.extract(f"The lease runs until {text}.", published=PUBLISHED)
    assert all(m.value != "2019-12-31" for m in mentions), mentions
