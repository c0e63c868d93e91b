"""The reference time (publication date) every relative expression is anchored to."""

from __future__ import annotations

import datetime as dt

import attrs


@attrs.frozen
class Reference:
    """The publication time of a document.

    ``when`` is a datetime; ``has_time`` says whether the caller gave a time of day
    (a bare date is taken as midnight but "this morning" must not assume the
    clock).
    """

    when: dt.datetime
    has_time: bool

    @property
    def date(self) -> dt.date:
        return self.when.date()


#: the longest date string read (ISO 8601 here, or dateparser in the command line): longer is an error
MAX_DATE_LENGTH = 64


def as_reference(published: object, *, argument: str = "published") -> Reference:
    """Turn the caller's ``published`` argument into a `Reference`.

    Accepts a `datetime.date`, a `datetime.datetime` (naive or aware) or an ISO
    8601 string ("2020-01-05", "2020-01-05T09:00", "2020-01-05T09:00+03:00",
    "20200105"). Raises `TypeError` or `ValueError` naming the argument.
    """
    if isinstance(published, dt.datetime):
        return Reference(_within_offsets(published, argument, published), True)
    if isinstance(published, dt.date):
        return Reference(dt.datetime(published.year, published.month, published.day), False)
    if isinstance(published, str):
        s = published.strip()
        if not s:
            raise ValueError(f"{argument} is empty; give a date such as '2020-01-05'")
        if len(s) > MAX_DATE_LENGTH:
            raise ValueError(
                f"{argument}={_brief(published)} is too long for a date: "
                f"a date or datetime is at most {MAX_DATE_LENGTH} characters"
            )
        if len(s) == 8 and s.isdigit():
            s = f"{s[:4]}-{s[4:6]}-{s[6:]}"
        try:
            if len(s) == 10:
                d = dt.date.fromisoformat(s)
                return Reference(dt.datetime(d.year, d.month, d.day), False)
            when = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(
                f"{argument}={_brief(published)} is not an ISO 8601 date or datetime "
                "(expected e.g. '2020-01-05' or '2020-01-05T09:00+03:00')"
            ) from None
        return Reference(_within_offsets(when, argument, published), True)
    if published is None:
        raise TypeError(f"{argument} is required: the publication date anchors relative times")
    raise TypeError(
        f"{argument} must be a date, a datetime or an ISO 8601 string, not {type(published).__name__}"
    )


#: the largest UTC offset of any zone in use (Kiribati, UTC+14:00; the smallest is UTC-12:00)
MAX_OFFSET = dt.timedelta(hours=14)


def _within_offsets(when: dt.datetime, argument: str, given: object) -> dt.datetime:
    """``when`` if its UTC offset (if any) is within +/-14:00; a `ValueError` naming it otherwise."""
    offset = when.utcoffset()
    if offset is not None and abs(offset) > MAX_OFFSET:
        raise ValueError(
            f"{argument}={_brief(given)} has the UTC offset {_offset_text(offset)}, beyond +/-14:00: "
            "no place keeps such a clock"
        )
    return when


def _offset_text(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _brief(value: object, limit: int = 80) -> str:
    """``repr(value)``, cut to about ``limit`` characters (a message never echoes a megabyte)."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(str(value))} characters)"
