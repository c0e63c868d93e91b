"""The public entry point: text -> mentions."""

from __future__ import annotations

import datetime as dt

from timeline._model import Mention
from timeline._reference import as_reference


def extract(text: str, *, published: dt.date | dt.datetime | str) -> list[Mention]:
    """Find every time expression in ``text`` and normalize it against ``published``.

    ``published`` is the publication date: a date, a datetime (naive or aware) or
    an ISO 8601 string. It is required; the current clock is never used.
    Returns the mentions in text order; they never overlap.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    ref = as_reference(published)
    from timeline.tagger import tag  # noqa: PLC0415

    return tag(text, ref)
