"""The public entry point: text -> mentions."""

from __future__ import annotations

import datetime as dt

from timeline._model import Mention
from timeline._reference import Reference, as_reference
from timeline.zones import document_zone, get_zone, localize


def extract(
    text: str, *, published: dt.date | dt.datetime | str, timezone: str | None = None
) -> list[Mention]:
    """Find every time expression in ``text`` and normalize it against ``published``.

    ``published`` is the publication date: a date, a datetime (naive or aware) or
    an ISO 8601 string. It is required; the current clock is never used.
    ``timezone`` (an IANA name such as "Asia/Baghdad", or "UTC+03:00") is the
    document's zone; without it the dateline or a "local time" place gives it, or
    clock times stay floating (docs/zones.md). An unknown name raises `ValueError`.
    Returns the mentions in text order; they never overlap.
    """
    ref, mentions = _tag(text, published, timezone)
    if not any(m.type == "TIME" for m in mentions):  # zone work only where a clock time needs it
        return mentions
    zone = document_zone(text, mentions, timezone=timezone, published=ref.when)
    return localize(mentions, None if zone is None else get_zone(zone.name))


def _tag(text: str, published: dt.date | dt.datetime | str, timezone: str | None) -> tuple[Reference, list[Mention]]:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    ref = as_reference(published)
    if timezone is not None:
        get_zone(timezone)  # an unknown zone is an error even when the text has no clock time
    from timeline.tagger import tag  # noqa: PLC0415

    return ref, tag(text, ref)

