"""Behaviour of the tagger as a careful reader expects it, on sentences written for these tests.

Every text is anchored to a fixed publication date; none reads the clock.
"""

from __future__ import annotations

import datetime as dt

import pytest

import timeline

SUNDAY = dt.date(2020, 1, 5)  # a Sunday


def values(text: str, published: object = SUNDAY) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.value, m.mod) for m in timeline.extract(text, published=published)]  # type: ignore[arg-type]


def dated(text: str, published: object = SUNDAY) -> list[tuple[str, str]]:
    """(text, value) of each mention."""
    return [(t, v) for t, v, _ in values(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # direction from tense and modality
        ("The assembly was expected to vote Sunday on the motion.", ("Sunday", "2020-01-05", None)),
        ("Late Saturday, shells slammed into the depot.", ("Late Saturday", "2020-01-04", "END")),
        ("The two leaders will meet Friday in Geneva.", ("Friday", "2020-01-10", None)),
        ("The ministry said Friday that talks had failed.", ("Friday", "2020-01-03", None)),
        ("The hearing is scheduled for Tuesday.", ("Tuesday", "2020-01-07", None)),
        ("Trading is set to resume Monday.", ("Monday", "2020-01-06", None)),
        ("The deadline is Friday.", ("Friday", "2020-01-10", None)),
        ("The last train leaves at 2:30 a.m. on Monday.", ("2:30 a.m. on Monday", "2020-01-06T02:30", None)),
        # a month-day and a month without a year
        ("The plan takes effect Feb. 1, the company said.", ("Feb. 1", "2020-02-01", None)),
        ("Sales fell in December.", ("December", "2019-12", None)),
        ("The fiscal year ended Dec. 31.", ("Dec. 31", "2019-12-31", None)),
    ],
)
def test_anchoring_follows_the_sentence(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in values(text)


def test_narrative_chaining_counts_from_the_last_date() -> None:
    text = "The envoy arrived on March 3, 2019. The next day he met the minister, and two days later he left. " \
           "That evening the border closed."
    assert values(text) == [
        ("March 3, 2019", "2019-03-03", None),
        ("The next day", "2019-03-04", None),
        ("two days later", "2019-03-06", None),
        ("That evening", "2019-03-06TEV", None),
    ]


def test_a_year_earlier_compares_with_the_quarter_named() -> None:
    text = "Profit rose in the third quarter. A year earlier the company lost money."
    assert values(text, "1989-11-02") == [("the third quarter", "1989-Q3", None), ("A year earlier", "1988-Q3", None)]


def test_the_quarter_ended_takes_the_quarter_its_closing_date_ends() -> None:
    assert values("In the quarter ended July 31, sales fell.", "1989-11-02")[0] == ("the quarter", "1989-Q2", None)


def test_since_year_end_is_the_last_year_end() -> None:
    assert values("The index is up 5% since year-end.", "1989-11-02") == [("year-end", "1988-12-31", None)]


def test_day_and_clock_time_are_one_time() -> None:
    m = timeline.extract("Forces must withdraw starting on Sunday at 5:00 pm.", published=SUNDAY)
    assert [(x.text, x.type, x.value) for x in m] == [("Sunday at 5:00 pm", "TIME", "2020-01-05T17:00")]
    assert m[0].interval is not None and m[0].interval.start == dt.datetime(2020, 1, 5, 17, 0)


def test_published_time_of_day_is_used_for_hours_ago() -> None:
    m = timeline.extract("The quake struck two hours ago.", published="2020-01-05T09:30")
    assert [(x.text, x.value) for x in m] == [("two hours ago", "2020-01-05T07:30")]


@pytest.mark.parametrize(
    ("text", "not_a_time"),
    [("Some 5,200 soldiers are deployed.", "5,200"), ("The 329-member parliament met.", "329"),
     ("They must move 1,000 meters away.", "1,000"), ("Prices may fall in the spring.", "may fall"),
     ("Call 555-1234 for details.", "555-1234")],
)
def test_numbers_that_are_not_times(text: str, not_a_time: str) -> None:
    a = text.index(not_a_time)
    b = a + len(not_a_time)
    for m in timeline.extract(text, published=SUNDAY):
        assert m.end <= a or m.start >= b, f"{m.text!r} overlaps {not_a_time!r}"


def test_an_impossible_date_keeps_its_partial_value() -> None:
    assert values("It was signed on February 30, 2019.") == [("February 30, 2019", "2019-02-XX", None)]


def test_the_day_before_counts_from_the_last_day_named() -> None:
    text = "The session ends on Sunday, and a vote may slip to next week. The speaker had met the minister the day before."
    assert values(text)[-1] == ("the day before", "2020-01-04", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The militia gave the army until Tuesday to leave.", ("Tuesday", "2020-01-07", None)),
     ("It bought shares from Dec. 14 to Thursday.", ("Thursday", "2020-01-02", None))],
)
def test_until_looks_ahead_but_a_range_does_not(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in values(text)


def test_the_previous_friday_is_before_the_day_the_story_is_on() -> None:
    text = "Stocks fell on Friday, Jan. 10, down 4% from the previous Friday."
    assert values(text, "2020-01-13")[-1] == ("the previous Friday", "2020-01-03", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The offer had been scheduled to expire at midnight Friday.", ("midnight Friday", "2019-12-27T24:00", None)),
     ("The attack began as previously planned Saturday night.", ("Saturday night", "2019-12-28TNI", None)),
     ("Traders squared positions ahead of the weekend.", ("the weekend", "2020-W01-WE", None)),
     ("After a small revision to December's figures, jobs rose.", ("December", "2019-12", None))],
)
def test_plans_told_in_the_past_and_other_cues(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in values(text, "2020-01-02")  # a Thursday


def test_a_history_told_in_the_text_gives_its_year_to_dates_without_one() -> None:
    text = ("The siege began in the spring of 1941. In 1942 the garrison broke out on 3 May. That autumn the "
            "relief column arrived, and on the night of 14 November the last shells fell.")
    got = values(text, "2015-06-01")
    assert ("3 May", "1942-05-03", None) in got
    assert ("That autumn", "1942-FA", None) in got
    assert ("the night of 14 November", "1942-11-14TNI", None) in got


def test_a_background_year_in_news_does_not_move_dates_without_one() -> None:
    # the text has named a time near the publication first: later years are asides
    text = "The board met on Friday. The firm, founded in 1974, will pay a dividend on Jan. 20."
    assert ("Jan. 20", "2020-01-20", None) in values(text)


def test_a_tense_word_after_an_article_is_a_noun() -> None:
    assert ("Aug. 21", "1989-08-21", None) in values("The thrift announced the plan Aug. 21.", "1989-10-27")


def test_the_part_of_a_named_day_is_one_time() -> None:
    assert values("On the morning of June 6, 1944, troops landed.") == [
        ("the morning of June 6, 1944", "1944-06-06TMO", None)]
    assert ("the night of Friday", "2020-01-03TNI", None) in values("Shells fell on the night of Friday.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The vote was pushed back to March.", ("March", "2020-03", None)),
     ("The trial was postponed until Monday.", ("Monday", "2020-01-13", None)),
     ("He moved to Paris in March.", ("March", "2019-03", None)),
     ("The ban takes effect at 12:01 a.m. Thursday.", ("12:01 a.m. Thursday", "2020-01-09T00:01", None)),
     ("The ban took effect Thursday.", ("Thursday", "2020-01-02", None)),
     ("Voters go to the polls on Nov. 3.", ("Nov. 3", "2020-11-03", None)),
     ("The meeting is set for the week of Jan. 13.", ("the week of Jan. 13", "2020-W03", None)),
     ("Rates averaged 3.7% in the week ending Jan. 9.", ("the week ending Jan. 9", "2020-W02", None)),
     ("Claims fell in the week ended Friday.", ("the week ended Friday", "2020-W01", None)),
     ("It is the worst drought in 50 years.", ("50 years", "P50Y", None)),
     ("The mission will last 18 months.", ("18 months", "P18M", None)),
     ("The company said it would announce results on Thursday.", ("Thursday", "2020-01-09", None)),
     ("Starting Monday, the rule applies to all drivers.", ("Monday", "2020-01-13", None)),
     ("Officials say the bridge could reopen Friday.", ("Friday", "2020-01-10", None)),
     ("They hope to reach a deal before Friday.", ("Friday", "2020-01-10", None)),
     ("He would have turned 70 on Friday.", ("Friday", "2020-01-03", None)),
     ("The leaders agreed to meet Friday.", ("Friday", "2020-01-10", None)),
     ("The council voted to begin work in March.", ("March", "2020-03", None)),
     ("The firm agreed to buy the unit in March.", ("March", "2020-03", None)),
     ("The judge set a trial date of Sept. 14.", ("Sept. 14", "2020-09-14", None)),
     ("Shortages made it hard to meet demand into the summer.", ("the summer", "2019-SU", None)),
     ("Easter falls early this year.", ("Easter", "2020-04-12", None)),
     ("Shops were busy on Black Friday.", ("Black Friday", "2019-11-29", None)),
     ("Unions have called a strike for Monday.", ("Monday", "2020-01-13", None)),
     ("Police arrested two men for Monday's attack.", ("Monday", "2020-01-06", None))],
)
def test_postponements_schedules_and_spans_of_time(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in values(text, "2020-01-08")  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The report covers the period from July 1 to Sept. 30.", [("July 1", "2019-07-01"), ("Sept. 30", "2019-09-30")]),
     ("The offer runs from June 1 to Sept. 30, 2021.", [("June 1", "2021-06-01"), ("Sept. 30, 2021", "2021-09-30")]),
     ("The holiday runs from Dec. 20 to Jan. 5.", [("Dec. 20", "2019-12-20"), ("Jan. 5", "2020-01-05")]),
     ("Talks will run from Monday to Friday.", [("Monday", "2020-01-13"), ("Friday", "2020-01-17")]),
     ("Elections are expected in the second half of next year.", [("the second half of next year", "2021-H2")]),
     ("Output fell in the first quarter of last year.", [("the first quarter of last year", "2019-Q1")]),
     ("The fund bought shares from May 2 to June 9 last year.",
      [("May 2", "2019-05-02"), ("June 9 last year", "2019-06-09")]),
     ("Repairs will close the bridge from 3 March to 9 June next year.",
      [("3 March", "2021-03-03"), ("9 June next year", "2021-06-09")]),
     ("The line will reopen in the spring of next year.", [("the spring of next year", "2021-SP")]),
     ("Crops failed in the summer of last year.", [("the summer of last year", "2019-SU")]),
     # which year names a winter is a guess: the season and the year stay two mentions
     ("Fuel ran short in the winter of last year.", [("the winter", "2019-WI"), ("last year", "2019")]),
     ("The envoy returns the week after next.", [("the week after next", "2020-W04")]),
     ("The lease ends the month after next.", [("the month after next", "2020-03")])],
)
def test_ranges_keep_their_ends_in_order_and_parts_take_their_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2020-01-08") == expected


def test_a_unit_finer_than_the_story_counts_from_the_publication() -> None:
    text = "The curfew, in force since 2019, will be reviewed at the end of the month."
    assert ("the end of the month", "2020-01", "END") in values(text, "2020-01-08")


def test_shortly_before_and_ahead_of_are_not_times_of_their_own() -> None:
    got = values("The blast, shortly before noon, came in recent months ahead of talks.", "2020-01-08")
    assert [t for t, _, _ in got] == ["noon", "recent months"]


def test_the_year_ago_quarter_is_the_quarter_named_a_year_before() -> None:
    text = "Net rose in the second quarter from the year-ago second quarter, and costs fell from the year-ago period."
    got = values(text, "1989-11-01")
    assert ("the year-ago second quarter", "1988-Q2", None) in got
    assert ("the year-ago period", "1988-Q2", None) in got
    assert ("the year-earlier nine months", "P9M", None) in values("Net for the year-earlier nine months rose.", "1989-11-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Trading halted by mid-afternoon yesterday.", ("mid-afternoon yesterday", "1989-11-01TAF", "MID")),
     ("Prices soared in the last half of the '80s.", ("the last half of the '80s", "198", "END")),
     ("Two wars marked the first half of the 20th century.", ("the first half of the 20th century", "19", "START")),
     ("The plant will run for at least 20 more years.", ("at least 20 more years", "P20Y", "EQUAL_OR_MORE")),
     ("Eight trading days later, the index recovered.", ("Eight trading days", "P8D", None)),
     ("The term is 2 1/2 years.", ("2 1/2 years", "P2Y6M", None)),
     ("The then-current chairman resigned.", ("then-current", "PAST_REF", None))],
)
def test_compound_expressions_are_one_mention(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in values(text, "1989-11-02")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("MPs return on the 16th.", [("the 16th", "2020-01-16")]),
     ("The festival runs from 20 to 23 August.", [("20", "2020-08-20"), ("23 August", "2020-08-23")]),
     ("The Fed meets Jan. 28-29.", [("Jan. 28", "2020-01-28"), ("29", "2020-01-29")]),
     ("The jury retired at 11.30am and returned at 4.15 pm.", [("11.30am", "2020-01-05T11:30"),
                                                               ("4.15 pm", "2020-01-05T16:15")]),
     ("Sentencing is set for 27/03/2020.", [("27/03/2020", "2020-03-27")]),
     ("The lift stopped on the 16th floor.", []),
     ("In the days before the vote, tension rose.", [("the days", "PXD")]),
     ("Funds hold more than a quarter of the market.", []),
     ("A few days later, the firm announced a loss.", [("A few days", "PXD")]),
     ("Prices may rise within weeks or months.", [("weeks or months", "PXW")]),
     ("The empire lasted two centuries.", [("two centuries", "P200Y")]),
     ("Rates rose 4.15 percent.", [])],
)
def test_days_of_the_month_day_ranges_and_british_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text) == expected


def test_then_is_the_time_the_story_is_at() -> None:
    text = "The rights terminate on Nov. 30. Until then, the stock remains convertible."
    assert ("then", "1989-11-30", None) in values(text, "1989-10-27")
    assert values("By then, prices had doubled.", "1989-10-27") == [("then", "PAST_REF", None)]


def test_a_year_ago_compares_with_the_quarter_reported_not_one_forecast() -> None:
    text = ("Net rose in the third quarter. Analysts see losses through the third quarter of 1990. "
            "In the year-ago period, the company earned less.")
    assert ("the year-ago period", "1988-Q3", None) in values(text, "1989-10-26")


def test_the_day_before_an_event_restates_the_date_it_follows() -> None:
    text = "Stocks fell after Oct. 12, the day before the crash."
    assert values(text, "1989-10-27") == [("Oct. 12", "1989-10-12", None), ("the day before", "1989-10-12", None)]
    assert values("He left on the day before the vote.", "1989-10-27") == []
    assert values("The vote was on Oct. 3. He had left the day before.", "1989-10-27")[-1] == \
        ("the day before", "1989-10-02", None)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [("Rain is forecast through the weekend.", "2020-01-20", "2020-W04-WE"),
     ("Markets rallied over the weekend.", "2020-01-20", "2020-W03-WE"),
     ("Protests across the weekend", "2020-01-24", "2020-W04-WE"),
     ("Protests across the weekend", "2020-01-21", "2020-W03-WE")],
)
def test_the_weekend_follows_the_tense_then_the_day_of_publication(text: str, published: str, value: str) -> None:
    assert values(text, published)[0][1] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Bars may open from 8 to 10 p.m.", [("8", "2020-01-05T20:00"), ("10 p.m.", "2020-01-05T22:00")]),
     ("Offers are due no later than Friday.", [("Friday", "2020-01-10")]),
     ("The plant closed two and a half years ago.", [("two and a half years ago", "2017-07")]),
     ("The treaty was signed half a century ago.", [("half a century ago", "1970")]),
     ("Shares fell for three straight days.", [("three straight days", "P3D")]),
     ("The blast came in the early hours of Sunday.", [("Sunday", "2020-01-05")]),
     ("Sales rose a year-on-year 5%.", [])],
)
def test_ranges_of_hours_deadlines_halves_and_runs_of_days(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text) == expected


def test_the_end_of_a_period_does_not_move_the_story() -> None:
    text = "The Senate on Thursday passed a bill that keeps the government open through Feb. 8, hours before a midnight deadline."
    assert values(text, "2019-01-31")[-1] == ("midnight", "2019-01-31T24:00", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The president served two four-year terms.", [("four-year", "P4Y")]),
     ("The state signed eleven five-year plans.", [("five-year", "P5Y")]),
     ("The siege lasted twenty-four days.", [("twenty-four days", "P24D")]),
     ("The ship sailed for one hundred and five days.", [("one hundred and five days", "P105D")])],
)
def test_two_counts_in_a_row_are_two_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2020-01-08") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The vote is set for Jan. 12.", [("Jan. 12", "2022-01-12")]),
     # a range's end reads the tense where the range starts
     ("The vote is set for Jan. 12-13.", [("Jan. 12", "2022-01-12"), ("13", "2022-01-13")]),
     ("The vote was set for Jan. 12 and then called off.", [("Jan. 12", "2021-01-12")])],
)
def test_a_date_set_is_ahead(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2021-03-03") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The ferry sails every other day.", [("every other day", "SET", "P2D")]),
     ("The council meets every second week.", [("every second week", "SET", "P2W")]),
     ("The market is open on weekends.", [("weekends", "SET", "XXXX-WXX-WE")]),
     ("Shares fell in after-hours trading on Friday.", [("Friday", "DATE", "2020-01-03")]),
     ("The inquiry began in a year-long review of contracts.", [("a year", "DURATION", "P1Y")])],
)
def test_sets_and_words_that_only_look_like_lengths(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = timeline.extract(text, published="2020-01-08")
    assert [(m.text, m.type, m.value) for m in got] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Voting ends at 7 p.m. (1600 GMT) on Sunday.",
      [("7 p.m.", "2020-01-12T19:00"), ("1600 GMT", "2020-01-12T16:00"), ("Sunday", "2020-01-12")]),
     ("The raid began at 2 a.m. (2300 GMT), Tuesday.",
      # the twin is on the day before: 2 a.m. at UTC+3 is 2300 GMT on Monday
      [("2 a.m.", "2020-01-07T02:00"), ("2300 GMT", "2020-01-06T23:00"), ("Tuesday", "2020-01-07")])],
)
def test_a_clock_and_its_gmt_twin_in_brackets_are_on_the_day_after_them(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2020-01-08") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The jobless rate rose to 6.1% in April.", [("April", "2020-04")]),
     ("The ceasefire collapsed on March 25.", [("March 25", "2020-03-25")]),
     # a day or two after publication, told in the past, is a slip or another zone's date, not last year
     ("The vote took place on March 5.", [("March 5", "2021-03-05")])],
)
def test_a_past_event_in_a_later_month_is_last_years(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2021-03-03") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The negotiator said the two sides had agreed to meet on Saturday.", [("Saturday", "2021-03-06")]),
     # without a reporter, or for a plan told as changed, the past perfect is past
     ("The two sides had agreed to meet on Saturday.", [("Saturday", "2021-02-27")]),
     ("He said the vote had been scheduled for Friday but was delayed.", [("Friday", "2021-02-26")])],
)
def test_a_commitment_reported_in_the_past_perfect_is_ahead(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2021-03-03") == expected


def test_a_count_of_days_from_a_day_is_one_date() -> None:
    got = dated("The council will vote a week from Monday, and the budget is due two weeks from today.", "2021-03-03")
    assert got == [("a week from Monday", "2021-03-15"), ("two weeks from today", "2021-03-17")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The council meets at 3:30 this afternoon.", [("3:30 this afternoon", "2021-03-03T15:30")]),
     ("Polls close at 8 tonight.", [("8 tonight", "2021-03-03T20:00")]),
     ("He was seen at 11pm on Friday night.", [("11pm on Friday night", "2021-02-26T23:00")]),
     ("Talks resume at 10 tomorrow morning.", [("10 tomorrow morning", "2021-03-04T10:00")]),
     # a bare hour with no part of a day is no time
     ("The score was 3-1 at 8, and they met at 4 on Friday.", [("Friday", "2021-02-26")])],
)
def test_a_clock_time_and_a_part_of_a_day_are_one_time(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2021-03-03") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    # the weekday written with the date picks the year next to the publication's where they agree
    [("The ferry sailed on Saturday, Dec. 5.", [("Saturday, Dec. 5", "2020-12-05")]),
     ("Polls open on Monday, July 5.", [("Monday, July 5", "2021-07-05")]),
     ("The vote was held on Thursday, Jan. 7.", [("Thursday, Jan. 7", "2021-01-07")]),
     # "said" reads as past, but Jan. 10 is a Monday in 2022, not in 2021
     ("Officials said the plant reopens on Monday, Jan. 10.", [("Monday, Jan. 10", "2022-01-10")])],
)
def test_a_weekday_written_with_a_date_picks_its_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2021-03-03") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    # later than an event the text does not date, told in the past: not publication + the count
    [("Nearly 40 years later, the case was reopened.", [("Nearly 40 years later", "XXXX")]),
     ("A week later, talks resumed.", [("A week later", "XXXX-WXX")]),
     # with a date named before, or looking ahead, the count has something to count from
     ("The talks began on Monday. A week later, they resumed.", [("Monday", "2021-03-01"), ("A week later", "2021-W10")]),
     ("Two years later, he will retire.", [("Two years later", "2023")])],
)
def test_a_count_later_with_nothing_before_it_in_the_past_has_no_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2021-03-03") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Friday is the deadline for bids.", [("Friday", "2021-03-05")]),
     ("The regulator said Friday is the deadline to apply.", [("Friday", "2021-03-05")]),
     # not the subject of "is": the weekday before a possessive, or in the past
     ("Friday's purchases is far below the average.", [("Friday", "2021-02-26")]),
     ("Monday was a holiday.", [("Monday", "2021-03-01")])],
)
def test_a_weekday_that_is_the_subject_of_is_lies_ahead(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2021-03-03") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    # "the last day of", "his last day": the final one, not yesterday
    [("It was the last day of the summit, and his last day in office.", []),
     ("Friday is the last day to apply.", [("Friday", "2021-03-05")]),
     # "last" alone before "to" is still the one before
     ("The board decided last week to sell the unit.", [("last week", "2021-W08")])],
)
def test_the_last_day_of_something_is_its_final_day(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2021-03-03") == expected


def test_shortly_afterwards_is_no_time_of_its_own() -> None:
    assert values("Shortly afterwards, police arrived, and soon thereafter the road reopened.", "2021-03-03") == []
    assert [t for t, _, _ in values("Police will arrive shortly.", "2021-03-03")] == ["shortly"]


def test_irregular_past_verbs_are_tense_cues() -> None:
    # "withdrew" is past: with nothing dated before it, "three days later" has no date
    assert values("Three days later, the rebels withdrew.", "2021-03-03") == [("Three days later", "XXXX-XX-XX", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The canal was dug in 1880-84, at great cost.", [("1880", "1880"), ("84", "1884")]),
     ("Harbour works (1902-1911) Our port grew.", [("1902", "1902"), ("1911", "1911")]),
     ("Gate receipts fell in the 2021/22 season.", [("2021", "2021"), ("22", "2022")]),
     ("The 1998-99 dry season was short.", [("1998", "1998"), ("99", "1999")]),
     ("Between 1500-2000 pilgrims came.", []),
     ("Call 1800-2000 for tickets.", []),
     ("Sales were 1990-2050 units.", [])],
)
def test_a_range_of_years_is_two_years(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text) == expected


def test_in_a_history_the_calendar_counts_from_the_story() -> None:
    text = ("The blockade began in November 1805. On 12 February the first ships slipped through, and the captain "
            "wrote that this day was the hardest. Next summer the fleet returned. Today the harbour is a park.")
    got = dated(text, "2015-06-01")
    assert ("12 February", "1806-02-12") in got  # the story has moved on a year
    assert ("this day", "1806-02-12") in got
    assert ("Next summer", "1806-SU") in got
    assert ("Today", "2015-06-01") in got


def test_a_word_of_the_writer_does_not_end_a_history() -> None:
    text = ("In 1871 the bridge opened. \"We are proud today,\" the mayor said on 3 May. "
            "A storm hit on 9 June, and the next day the span cracked.")
    got = dated(text, "2015-06-01")
    assert ("3 May", "1871-05-03") in got
    assert ("9 June", "1871-06-09") in got
    assert ("the next day", "1871-06-10") in got


def test_a_history_comes_back_to_the_present_when_it_names_a_recent_year() -> None:
    text = "The mill burned in 1902 and was rebuilt in May. In 2014 it became a museum; it reopened in May."
    assert dated(text, "2015-06-01") == [("1902", "1902"), ("May", "1902-05"), ("2014", "2014"), ("May", "2015-05")]


def test_a_plan_years_ahead_is_not_a_history() -> None:
    text = "The plant will close by 2031. Output fell in March."
    assert ("March", "2020-03") in dated(text, "2020-06-01")


def test_a_history_before_christ_counts_its_years_down() -> None:
    text = ("In 312 BC the road was begun. The following year the first milestone stood, and in the summer "
            "the army used it. In August 280 B.C. a flood cut it. Rome was sacked in AD 410.")
    got = dated(text, "2015-06-01")
    assert got == [("312 BC", "BC0312"), ("The following year", "BC0311"), ("the summer", "BC0311-SU"),
                   ("August 280 B.C.", "BC0280-08"), ("AD 410", "0410")]
    (m,) = timeline.extract("Walls rose in 312 BC.", published="2015-06-01")
    assert m.interval is None  # the calendar of Python's dates starts in year 1: no interval is guessed


@pytest.mark.parametrize(
    ("text", "expected"),
    [("see u tmrw at the gym", [("tmrw", "2014-04-24")]),
     ("bbq 2nite!!", [("2nite", "2014-04-23TNI")]),
     ("exam tmr evening :(", [("tmr evening", "2014-04-24TEV")]),
     ("so tired tdy", [("tdy", "2014-04-23")]),
     ("flight lands 6 am tmrw", [("6 am tmrw", "2014-04-24T06:00")]),
     ("gig this sat, 430pm at the park", [("this sat, 430pm", "2014-04-26T16:30")]),
     ("drills every mon, wed", [("every mon", "XXXX-WXX-1"), ("wed", "2014-04-23")]),
     ("got home at 1015, starving", [("1015", "2014-04-23T10:15")]),
     ("queue moved after 1hr", [("1hr", "PT1H")]),
     ("The sun sat low over the bay.", []),
     ("so happy #Friday #HWW1HR", []),
     ("doors open #720pm", [("720pm", "2014-04-23T19:20")])],
)
def test_the_forms_of_messages(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2014-04-23") == expected  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tickets for Expo 2015 are on sale.", [("2015", "2015")]),
     ("Expo 2015 opens.", [("2015", "2015")]),
     ("2013 Film Awards: the winners", [("2013", "2013")]),
     ("a venture called Orion 1980", []),
     ("Windows 2014 users complained.", [])],
)
def test_a_year_in_a_name_is_an_edition_near_the_publication(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2014-04-23") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The budget will soon move into surplus.", [("soon", "FUTURE_REF")]),
     ("Prosecutors told him they may soon seek an indictment.", [("soon", "FUTURE_REF")]),
     ("Results are expected shortly.", [("shortly", "FUTURE_REF")]),
     ("The dam broke and the river soon reached the town.", []),
     ("The bank, formerly owned by the state, was sold.", [])],
)
def test_soon_in_a_story_told_in_the_past_is_no_time_of_the_publication(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text) == expected


def test_news_that_names_years_gone_by_in_a_row_has_turned_to_a_history() -> None:
    text = ("The museum reopened on Friday. Its story began in 1961, when the town bought the mill. In 1964 the "
            "roof fell in, in 1966 it was rebuilt, and in 1968 the first visitors came. In May the mayor opened it.")
    got = dated(text)
    assert ("May", "1968-05") in got
    text = "The museum reopened on Friday. It was founded in 1961. In May the mayor will visit it."
    assert ("May", "2020-05") in dated(text)  # one year gone by is an aside


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The columnist wrote in The Sunday Times.", []),
     ("Talks on the Good Friday Agreement resumed on Monday.", [("Monday", "2019-12-30")]),
     ("The ferry sails every other Friday.", [("every other Friday", "XXXX-WXX-5")]),
     ("The winds reached 90 miles per hour.", []),
     ("She won the race in 2:21:07.", [("2:21:07", "PT2H21M7S")]),
     ("The ferry leaves 21 Apr 1030am.", [("21 Apr 1030am", "2020-04-21T10:30")])],
)
def test_names_speeds_race_times_and_runs_of_a_day_and_a_clock(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The revolt (431-404 BC) ended in defeat.", [("431", "BC0431"), ("404 BC", "BC0404")]),
     ("The walls stood from 431 to 404 BC.", [("431", "BC0431"), ("404 BC", "BC0404")]),
     ("1987 saw a new wave of strikes.", [("1987", "1987")])],
)
def test_ranges_of_years_before_christ_and_a_year_that_opens_a_sentence(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2015-06-01") == expected


def test_about_or_around_before_a_possessive_day_goes_with_the_verb() -> None:
    assert values("Lawyers tried to get around Friday's ruling.") == [("Friday", "2020-01-03", None)]
    assert values("The ruling came around Friday.") == [("around Friday", "2020-01-03", "APPROX")]
