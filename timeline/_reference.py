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


def as_reference(published: object, *, argument: str = "published") -> Reference:
    """Turn the caller's ``published`` argument into a `Reference`.

    Accepts a `datetime.date`, a `datetime.datetime` (naive or aware) or an ISO
    8601 string ("2020-01-05", "2020-01-05T09:00", "2020-01-05T09:00+03:00",
    "20200105"). Raises `TypeError` or `ValueError` naming the argument.
    """
    if isinstance(published, dt.datetime):
        return Reference(published, True)
    if isinstance(published, dt.date):
        return Reference(dt.datetime(published.year, published.month, published.day), False)
    if isinstance(published, str):
        s = published.strip()
        if not s:
            raise ValueError(f"{argument} is empty; give a date such as '2020-01-05'")
        if len(s) == 8 and s.isdigit():
            s = f"{s[:4]}-{s[4:6]}-{s[6:]}"
        try:
            if len(s) == 10:
                d = dt.date.fromisoformat(s)
                return Reference(dt.datetime(d.year, d.month, d.day), False)
            return Reference(dt.datetime.fromisoformat(s.replace("Z", "+00:00")), True)
        except ValueError:
            raise ValueError(
                f"{argument}={published!r} is not an ISO 8601 date or datetime "
                "(expected e.g. '2020-01-05' or '2020-01-05T09:00+03:00')"
            ) from None
    if published is None:
        raise TypeError(f"{argument} is required: the publication date anchors relative times")
    raise TypeError(
        f"{argument} must be a date, a datetime or an ISO 8601 string, not {type(published).__name__}"
    )
