"""Word tables: every surface form kept together with its value.

Each table is data. The tokenizer gives every word listed here its own tag, so
rule patterns can name a word ("ago") or a whole table ("MONTH").
Ambiguous words are marked *latent*: "May" and "March" are months only when
capitalized and in a date-like context, "fall" is a season only after a
determiner, "second" is an ordinal, not a unit.
"""

from __future__ import annotations

from typing import Final

# month number -> surface forms (lower case; abbreviations may take a period)
MONTHS: Final = (
    (1, ("january", "jan")),
    (2, ("february", "feb", "febr")),
    (3, ("march", "mar")),
    (4, ("april", "apr")),
    (5, ("may",)),
    (6, ("june", "jun")),
    (7, ("july", "jul")),
    (8, ("august", "aug")),
    (9, ("september", "sept", "sep")),
    (10, ("october", "oct")),
    (11, ("november", "nov")),
    (12, ("december", "dec")),
)
# month words that are also common English words: months only when capitalized
# (and, alone, only after a preposition or determiner; see the rules)
LATENT_MONTHS: Final = frozenset({"may", "march", "mar", "jan", "jun", "dec", "sep"})

# ISO weekday number (Monday = 1) -> forms
WEEKDAYS: Final = (
    (1, ("monday", "mon")),
    (2, ("tuesday", "tue", "tues")),
    (3, ("wednesday", "wed")),
    (4, ("thursday", "thu", "thur", "thurs")),
    (5, ("friday", "fri")),
    (6, ("saturday", "sat")),
    (7, ("sunday", "sun")),
)
# abbreviations that are ordinary words: weekdays only when capitalized and followed by a period
LATENT_WEEKDAYS: Final = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun", "thur", "tues", "thurs"})
# words after which such an abbreviation is a weekday however written ("this sat", "every mon", "next Fri")
WEEKDAY_CUES: Final = frozenset({"this", "next", "last", "every", "coming", "on", "till", "until", "by"})
WEEKDAY_PLURALS: Final = {f"{forms[0]}s": n for n, forms in WEEKDAYS}

NUMBER_WORDS: Final = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12,
}
TENS: Final = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})

ORDINAL_WORDS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "twenty-first": 21,
}

# vague quantities: a duration of an unknown number of units ("several weeks" -> PXW)
VAGUE_QUANTITIES: Final = frozenset({"several", "few", "many", "some", "numerous", "recent", "coming", "past"})

# unit -> (grain, TIMEX3 duration letter, is it a time unit written after PT)
UNITS: Final = {
    "second": ("second", "S", True), "minute": ("minute", "M", True), "hour": ("hour", "H", True),
    "day": ("day", "D", False), "week": ("week", "W", False), "fortnight": ("fortnight", "W", False),
    "month": ("month", "M", False), "quarter": ("quarter", "Q", False), "year": ("year", "Y", False),
    "decade": ("decade", "DE", False), "century": ("century", "CE", False),
    "millennium": ("millennium", "ML", False), "weekend": ("weekend", "WE", False),
    "season": ("season", "S", False),
}
UNIT_FORMS: Final = {
    "seconds": "second", "sec": "second", "secs": "second",
    "minute": "minute", "minutes": "minute", "mins": "minute", "min": "minute",
    "hour": "hour", "hours": "hour", "hrs": "hour", "hr": "hour",
    "day": "day", "days": "day",
    "week": "week", "weeks": "week", "wk": "week", "wks": "week",
    "fortnight": "fortnight", "fortnights": "fortnight",
    "month": "month", "months": "month",
    "quarter": "quarter", "quarters": "quarter",
    "year": "year", "years": "year", "yr": "year", "yrs": "year",
    "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
    "millennium": "millennium", "millennia": "millennium",
    "weekend": "weekend", "weekends": "weekend",
}
PLURAL_UNITS: Final = frozenset(
    {"seconds", "minutes", "hours", "days", "weeks", "months", "quarters", "years", "decades",
     "centuries", "millennia", "weekends", "fortnights"}
)

# part of day -> TIMEX3 code
PARTS_OF_DAY: Final = {
    "morning": "MO", "mornings": "MO", "afternoon": "AF", "afternoons": "AF",
    "evening": "EV", "evenings": "EV", "night": "NI", "nights": "NI", "overnight": "NI",
    "daytime": "DT",
}
SEASONS: Final = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# words that are a clock time by themselves
CLOCK_WORDS: Final = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}

# relative days
# informal spellings of the relative days, as in messages ("tmrw", "2nite"), -> the word they stand for
INFORMAL_DAYS: Final = {
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmw": "tomorrow", "tmrow": "tomorrow", "tmrrw": "tomorrow",
    "tomoro": "tomorrow", "tomorow": "tomorrow", "tommorow": "tomorrow", "tommorrow": "tomorrow",
    "2moro": "tomorrow", "2morrow": "tomorrow", "2mrw": "tomorrow", "2mr": "tomorrow",
    "tdy": "today", "tonite": "tonight", "2nite": "tonight", "2night": "tonight", "yday": "yesterday",
    "ytday": "yesterday", "ystd": "yesterday",
}
RELATIVE_DAYS: Final = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0,
                        **{w: {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[d]
                           for w, d in INFORMAL_DAYS.items()}}

# words whose value is a reference to the present, past or future
REF_WORDS: Final = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "today's": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
    "previously": "PAST_REF", "once": "PAST_REF",
    "soon": "FUTURE_REF", "shortly": "FUTURE_REF",
    "past": "PAST_REF", "future": "FUTURE_REF",
}

# fixed-date holidays (month, day); moveable ones are computed in the rules
HOLIDAYS: Final = {
    "christmas": (12, 25), "xmas": (12, 25), "halloween": (10, 31), "valentine's": (2, 14),
}

# moveable feasts: name -> (what they move with, days after it). "easter" is Western Easter Sunday
# (dateutil.easter), "thanksgiving" the fourth Thursday of November (United States).
MOVEABLE_FEASTS: Final = {
    "easter": ("easter", 0), "easter sunday": ("easter", 0), "easter monday": ("easter", 1),
    "good friday": ("easter", -2), "holy saturday": ("easter", -1), "maundy thursday": ("easter", -3),
    "palm sunday": ("easter", -7), "ash wednesday": ("easter", -46), "shrove tuesday": ("easter", -47),
    "fat tuesday": ("easter", -47), "mardi gras": ("easter", -47), "pentecost": ("easter", 49),
    "whit sunday": ("easter", 49), "whit monday": ("easter", 50), "ascension day": ("easter", 39),
    "thanksgiving": ("thanksgiving", 0), "thanksgiving day": ("thanksgiving", 0),
    "black friday": ("thanksgiving", 1), "cyber monday": ("thanksgiving", 4),
}
# words before a weekday that make it a name, not a date: "Super Tuesday", "Bloody Sunday", "Mr. Friday"
WEEKDAY_NAME_BEFORE: Final = frozenset({"super", "bloody", "mr", "mrs", "ms", "dr", "miss", "girl", "man"})

# zones written after a clock time; resolved by the zone layer, kept in the span here
# (timeline.zones.data says what each means; tests/test_zones checks the two lists agree)
ZONE_WORDS: Final = frozenset(
    """gmt utc z wet west cet cest eet eest msk eat wat cat sast gst pkt ist bst cst ast hkt sgt jst kst
    awst acst aest aedt nzst nzdt nst ndt adt est edt cdt mst mdt pst pdt akst akdt hst
    et ct mt pt""".split()
)
# generic zone names written after a clock time ("10 am Pacific", "noon Eastern time")
ZONE_REGIONS: Final = frozenset(
    {"eastern", "central", "western", "mountain", "pacific", "atlantic", "alaska", "hawaii"}
)

# events whose age is a duration ("the 8-month-old truce"); a person's age is not ("a 20-year-old man")
AGED_EVENTS: Final = frozenset(
    """truce ceasefire cease-fire war strike strikes conflict siege blockade dispute crisis standoff
    campaign insurgency occupation boycott lockdown moratorium ban freeze embargo uprising protest
    protests revolt rebellion walkout shutdown talks negotiations peace""".split()
)

# nouns after which "overnight" says what kind of thing, not when ("the overnight rate", "an overnight stay")
OVERNIGHT_NOUNS: Final = frozenset(
    """rate rates stay stays success successes bag bags flight flights train trains bus shift shifts
    lending loan loans deposit deposits repo guest guests camp trip trips visit visits delivery
    deliveries shipping parking sensation star""".split()
)

# possessive determiners: "his last day" is his final day, not yesterday
POSSESSIVES: Final = frozenset("his her its their my our your".split())
# verbs that report speech: a clause follows them ("said the sides had agreed to meet")
REPORTING: Final = frozenset({"said", "says", "say", "told", "announced", "added"})

# words before or after a range of years written with a dash or a slash ("in 1990-94", "the 2021/22
# season") that make it a range of years when a lower-case word follows ("1500-2000 soldiers" is a count)
YEAR_RANGE_CONTEXT: Final = frozenset({
    "in", "since", "by", "until", "of", "for", "from", "to", "through", "during", "before", "after", "between",
    "the", "its", "his", "her", "their", "our", "s", "years", "throughout", "circa", "c", "ca", "and", "or",
    "season", "seasons", "war", "wars", "campaign", "period", "era", "term", "session", "budget", "school",
    "academic", "fiscal", "financial", "winter", "dry", "rainy", "harvest",
})

# eras written after a year ("490 BC", "146 B.C.", "44 BCE") or around it ("AD 9", "79 CE"); "B.C." and
# "A.D." are read as one word by the tokenizer
ERAS_BC: Final = ("bc", "bce")
ERAS_AD: Final = ("ad", "ce")

# words of the near future that count from the time of the story when told in the past ("was soon
# released"): a time of the publication only in a sentence that is not in the past ("will soon move")
SOON_WORDS: Final = frozenset({"soon", "shortly"})

# words after "the fall of" that keep it a season ("the fall of that year", "the fall of last year")
SEASON_OF_YEAR_WORDS: Final = frozenset({"that", "this", "last", "next", "each", "every"})

# capitalized words after a weekday or a feast that make it part of a name ("The Sunday Times", "the Good
# Friday Agreement", "Saturday Night Live")
NAME_AFTER_DAY: Final = frozenset({
    "times", "telegraph", "express", "mirror", "herald", "post", "mail", "independent", "observer", "tribune",
    "agreement", "accord", "accords", "massacre", "school", "club", "league",
    "live", "magazine", "edition", "supplement", "review", "show", "program", "programme",
})
# units of length before "per hour", "an hour": a speed, not a frequency ("60 miles per hour")
LENGTH_UNITS: Final = frozenset({
    "miles", "mile", "kilometres", "kilometers", "kilometre", "kilometer", "km", "kms", "metres", "meters", "metre",
    "meter", "feet", "foot", "ft", "yards", "inches", "mph", "kph", "knots", "words", "beats", "revolutions",
})
