"""Hypothesis strategies for the tests: dates, news-like sentences, arbitrary text."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

# Publication dates: wide enough to cross leap years, month and century ends, but
# far enough from date.min / date.max that "two days ago" or "next year" exists.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)


def dates(min_value: dt.date = MIN_DATE, max_value: dt.date = MAX_DATE) -> st.SearchStrategy[dt.date]:
    """Calendar dates (no time of day)."""
    return st.dates(min_value=min_value, max_value=max_value)


def datetimes() -> st.SearchStrategy[dt.datetime]:
    """Naive or fixed-offset datetimes, to the minute."""
    naive = st.datetimes(
        min_value=dt.datetime.combine(MIN_DATE, dt.time()),
        max_value=dt.datetime.combine(MAX_DATE, dt.time(23, 59)),
    ).map(lambda d: d.replace(second=0, microsecond=0))
    offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
        lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
    )
    aware = st.tuples(naive, offsets).map(lambda pair: pair[0].replace(tzinfo=pair[1]))
    return st.one_of(naive, aware)


def published_values() -> st.SearchStrategy[dt.date | dt.datetime | str]:
    """Every form ``published`` may take: date, datetime, ISO string."""
    return st.one_of(
        dates(),
        datetimes(),
        dates().map(dt.date.isoformat),
        datetimes().map(dt.datetime.isoformat),
    )


# --------------------------------------------------------------------------- sentences

SUBJECTS = (
    "The minister",
    "Parliament",
    "Protesters",
    "A spokesman for the army",
    "The central bank",
    "Rescue teams",
    "Officials",
    "The 329-member assembly",
)
VERBS = ("said", "met", "voted", "announced", "warned", "will meet", "is expected to vote", "had left")
TIME_EXPRESSIONS = (
    "yesterday",
    "tomorrow",
    "today",
    "on Friday",
    "Sunday",
    "late Saturday",
    "two days ago",
    "the day before",
    "next week",
    "last month",
    "this year",
    "in 2014",
    "on January 5, 2020",
    "on 5 Jan 2020",
    "2020-01-05",
    "at 5:00 pm",
    "at 1:00 pm local time",
    "on Sunday at 5:00 pm",
    "every Friday",
    "each morning",
    "for months",
    "for three weeks",
    "in three weeks",
    "within 48 hours",
    "in the 1990s",
    "in the spring",
    "at midnight",
    "this morning",
    "since March",
    "earlier this week",
    "the past decade",
    "now",
)
TAILS = (
    "",
    "after a long debate",
    "in a statement",
    "according to local media",
    "as rockets hit the capital",
    "at least 1,000 meters away",
    "with some 5,200 troops",
)
NOISE = ("99999", "year 0", "February 30", "No. 5", "Route 66", "3-2", "1,000", "5.5%", "4 x 100")


@st.composite
def news_sentences(draw: st.DrawFn) -> str:
    """A sentence assembled from fragments, with zero to three time expressions."""
    words = [draw(st.sampled_from(SUBJECTS)), draw(st.sampled_from(VERBS))]
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        words.append(draw(st.sampled_from(TIME_EXPRESSIONS)))
        tail = draw(st.sampled_from(TAILS + NOISE))
        if tail:
            words.append(tail)
    sentence = " ".join(words) + draw(st.sampled_from((".", "!", "?", ",", ";", "")))
    if draw(st.booleans()):
        sentence = sentence.upper() if draw(st.booleans()) else sentence.lower()
    return sentence


@st.composite
def news_paragraphs(draw: st.DrawFn) -> str:
    """A few sentences joined with spaces or newlines."""
    sentences = draw(st.lists(news_sentences(), min_size=1, max_size=5))
    joiner = draw(st.sampled_from((" ", "\n", "\n\n", "  ", "\r\n")))
    return joiner.join(sentences)


# --------------------------------------------------------------------------- arbitrary text

ODD_STRINGS = (
    "",
    " ",
    "\n\n\n",
    "\x00",
    "\x00yesterday\x00",
    "\x01\x02\x03\x1b[31m tomorrow \x7f",
    "\ufeffyesterday",
    "\u202eyesterday\u202c",
    "yester\u200bday",
    "😀",
    "🎉 Friday 🎉",
    "👨‍👩‍👧 at 5:00 pm",
    "February 30",
    "February 30, 2020",
    "30 February 2020",
    "2020-02-30",
    "2020-13-45",
    "31/02/2020",
    "year 0",
    "in the year 0",
    "0000-00-00",
    "99999",
    "in 99999 years",
    "99999 days ago",
    "on 31 December 9999",
    "the day after 9999-12-31",
    "10,000,000,000 years ago",
    "at 25:61",
    "at 24:00",
    "-5 days ago",
    "0 days ago",
    "1e309 days",
    "yesterday" * 50,
    "yesterday " * 2000,
    "Friday " * 1000,
    "the " * 3000,
    "9" * 5000,
    "1:" * 1000,
    "January " * 500 + "2020",
    "in in in in the the the next next next week week",
    "２０２０年１月５日",
    "５ January ２０２０",
    "Ｆｒｉｄａｙ",
    "\U0001d405riday",
    "FRIDAY",
    "fRiDaY",
    "Mai 2020",
    "lundi",
    "\ud800 yesterday",
)


def odd_strings() -> st.SearchStrategy[str]:
    """Hand-picked inputs that break naive taggers."""
    return st.sampled_from(ODD_STRINGS)


def unicode_text() -> st.SearchStrategy[str]:
    """Any text: every code point class, surrogates and control characters included."""
    return st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200)


def any_text() -> st.SearchStrategy[str]:
    """Arbitrary text, odd strings, news-like text and mixtures of them."""
    base = st.one_of(unicode_text(), odd_strings(), news_sentences(), news_paragraphs())
    return st.one_of(base, st.lists(base, min_size=2, max_size=4).map("".join))


# IANA zones with and without daylight saving, east and west, half-hour offsets
ZONE_NAMES = (
    "Asia/Baghdad", "America/New_York", "Europe/Paris", "Australia/Sydney", "Asia/Kolkata",
    "America/Sao_Paulo", "Asia/Tehran", "Pacific/Auckland", "Europe/London", "UTC",
)


def zone_names() -> st.SearchStrategy[str]:
    return st.sampled_from(ZONE_NAMES)


def wall_times() -> st.SearchStrategy[dt.datetime]:
    """Naive wall-clock times, to the minute, 1971-2037 (what the tz database covers well)."""
    return st.datetimes(min_value=dt.datetime(1971, 1, 1), max_value=dt.datetime(2037, 12, 31)).map(
        lambda d: d.replace(second=0, microsecond=0)
    )
