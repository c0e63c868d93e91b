"""What a rule produces: a time that is not yet anchored.

Rules never see the reference time. They describe what the words say: "Friday"
is weekday 5 with no direction; "a year earlier" is minus one year from the
time the story is talking about; "two days ago" is minus two days from the
publication date. `timeline.tagger.resolve` turns a `Spec` into a TIMEX3 value
once the reference and the sentence are known.
"""

from __future__ import annotations

from typing import Literal

import attrs

Anchor = Literal["dct", "ref"]
Direction = Literal["past", "future", "same"]


@attrs.frozen
class Spec:
    type: str = "DATE"
    # a finished value (durations, sets, PRESENT_REF...)
    value: str | None = None
    # calendar fields, any of which may be missing
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO, Monday = 1
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 19 for the 1900s
    weekend: bool = False
    feast: str | None = None  # a moveable feast (lexicon.MOVEABLE_FEASTS), dated once the year is known
    pod: str | None = None  # MO AF EV NI
    hour: int | None = None
    minute: int | None = None
    # relative: shift `shift` units of `unit` from the anchor, rendered at `grain`
    anchor: Anchor | None = None
    unit: str | None = None
    shift: int = 0
    grain: str | None = None
    # for partial dates: which way from the reference ("last Friday", "next May")
    direction: Direction | None = None
    mod: str | None = None
    # a clock time zone written in the text ("GMT", "local time"), kept for the zone layer
    zone: str | None = None
    # whether later relative expressions count from this one ("the next day" after "Jan. 3");
    # comparisons ("a year earlier") and projections ("in three weeks") do not move the story
    moves_story: bool = True
    # leading tokens of the match that are not part of the expression ("the" of "the eight-year plan")
    trim: int = 0
    # days after the day this names ("a week from Monday": Monday, then 7 days on)
    days_after: int = 0
    # the weekday written with a date without a year ("Monday, July 5"): it picks the year
    weekday_said: int | None = None
    # counts from the time of writing even inside a history told in the text ("today", "two years
    # ago"); other times relative to the calendar ("this day", "next spring") count from the story
    deictic: bool = False
    # a year in a name ("Expo 2025", "IFA 2014"): the year of an edition of an event when it lies within
    # two years of the publication, and only part of the name otherwise ("a venture called Orion 1980")
    edition: bool = False

    def with_(self, **changes: object) -> Spec:
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]
