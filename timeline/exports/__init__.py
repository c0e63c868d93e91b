"""Exports: a `timeline.events.Timeline` as a calendar (ICS), CSV, TimelineJS JSON or an HTML page.

>>> from timeline.events import build
>>> from timeline.exports import entries, to_csv
>>> text = "The council voted on Friday. It will meet again on Monday at 9:00 am."
>>> tl = build(text, published="2020-01-05", timezone="Europe/Paris", document="council")
>>> [(e.id, e.timing, str(e.start)) for e in entries(tl, {"council": text})]
[('e1', 'allday', '2020-01-03'), ('e2', 'timed', '2020-01-06 09:00:00+01:00')]

`entries` turns a timeline into one `Entry` per event or deadline; each
``to_*`` function writes entries. See docs/exports.md for the formats and the
calendar choices. icalendar is imported only by `to_ics`.
"""

from __future__ import annotations

from timeline.exports._entries import Entry, Recurrence, entries, recurrence_of, stamp_of
from timeline.exports.formats import CSV_COLUMNS, timelinejs_text, to_csv, to_html, to_timelinejs
from timeline.exports.ics import PRODID, to_ics

__all__ = [
    "CSV_COLUMNS", "PRODID", "Entry", "Recurrence", "entries", "recurrence_of", "stamp_of",
    "timelinejs_text", "to_csv", "to_html", "to_ics", "to_timelinejs",
]
