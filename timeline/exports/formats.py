"""Entries -> CSV, TimelineJS JSON and a self-contained HTML page."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from collections.abc import Sequence
from typing import Any

from timeline.exports._entries import UTC, Entry

CSV_COLUMNS = ("id", "kind", "start", "end", "utc", "timing", "description", "trigger", "time text", "source")


def _start_text(e: Entry) -> str:
    return e.start.isoformat() if e.dated else ""


def _end_text(e: Entry) -> str:
    if e.end is None:
        return ""
    if isinstance(e.end, dt.datetime):
        return e.end.isoformat()
    # all-day ends are exclusive in iCalendar; a person reads the last day
    return (e.end - dt.timedelta(days=1)).isoformat()


def to_csv(items: Sequence[Entry], *, header: bool = True) -> str:
    """One row per event or deadline, in timeline order: id, kind, start, end (the last day, for
    days), the start in UTC (timed entries only), timing, description, trigger, time text, source
    document(s). An event only ordered has timing ``ordered`` and no start."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if header:
        writer.writerow(CSV_COLUMNS)
    for e in items:
        utc = e.utc_start
        writer.writerow((
            e.id, e.kind, _start_text(e), _end_text(e),
            "" if utc is None else utc.isoformat().replace("+00:00", "Z"),
            e.timing, e.description, e.trigger, e.time_text, " ".join(e.documents),
        ))
    return out.getvalue()


def _date_obj(value: dt.date | dt.datetime, e: Entry) -> dict[str, Any]:
    obj: dict[str, Any] = {"year": value.year}
    precision = e.precision
    if e.timing == "approximate" and precision in ("year", "decade", "century", "millennium"):
        return obj
    obj["month"] = value.month
    if e.timing == "approximate" and precision in ("month", "quarter", "season", "half"):
        return obj
    obj["day"] = value.day
    if isinstance(value, dt.datetime):
        obj["hour"] = value.hour
        obj["minute"] = value.minute
    return obj


def to_timelinejs(items: Sequence[Entry], *, title: str = "Timeline") -> dict[str, Any]:
    """Knight Lab TimelineJS JSON: ``{"title": ..., "events": [...]}``.

    Dates are wall-clock times in the entry's own zone (TimelineJS has no zones;
    the zone is named in ``display_date``); ``group`` is the event's kind, with
    every deadline in the group "deadline". An event only ordered (no date) is drawn on the day
    of the event it is told after, in the group "no date", its ``display_date`` saying so.
    """
    events: list[dict[str, Any]] = []
    for e in items:
        start = e.start
        item: dict[str, Any] = {"start_date": _date_obj(start, e)}
        if e.end is not None and e.timing in ("allday", "approximate"):
            last = e.end - dt.timedelta(days=1)
            if not isinstance(last, dt.datetime) and last != start:
                item["end_date"] = _date_obj(last, e)
        elif isinstance(e.end, dt.datetime) and e.end != start:
            item["end_date"] = _date_obj(e.end, e)
        item["display_date"] = e.when_text() if e.dated else e.note
        body = html.escape(e.sentence) if e.sentence else ""
        if e.note and e.dated:
            body += f"<br><small>{html.escape(e.note)}</small>" if body else html.escape(e.note)
        item["text"] = {"headline": html.escape(e.title), "text": body}
        item["group"] = "deadline" if e.is_deadline else e.event_kind if e.dated else "no date"
        item["unique_id"] = e.id
        events.append(item)
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": events}


_CSS = """
body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:46rem;
padding:0 1rem;color:#1d2329;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}p.meta{color:#5b6670;margin:0 0 1.5rem}
ol.tl{list-style:none;margin:0;padding:0 0 0 1.75rem;border-left:3px solid #c9d1d9}
ol.tl li{position:relative;margin:0 0 1.25rem;padding:.5rem .75rem;border-radius:6px}
ol.tl li svg{position:absolute;left:-2.55rem;top:.7rem}
li.deadline{background:#fff1f0;border:2px solid #d1242f}
li.approximate .when::after{content:" (approximate)";color:#8a6d00}
li.day{margin:1.5rem 0 .5rem -1.75rem;padding:0}h2.day{font-size:1rem;margin:0;color:#1d2329}
li.ordered{border:1px dashed #8c959f}li.ordered .when{color:#57606a;font-style:italic}
.when{font-weight:600;font-size:.9rem;color:#0b5cad}.deadline .when{color:#a40e26}
.badge{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:3px;background:#e7ecf0;margin-left:.4rem}
.deadline .badge{background:#d1242f;color:#fff}
.title{display:block;margin:.15rem 0}blockquote{margin:.25rem 0 0;color:#4a545e;font-size:.9rem}
small{color:#6e7781}
"""

_DOT = ('<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">'
        '<circle cx="9" cy="9" r="6" fill="#0b5cad" stroke="#fff" stroke-width="2"/></svg>')
_DIAMOND = ('<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">'
            '<path d="M9 1 17 9 9 17 1 9Z" fill="#d1242f" stroke="#fff" stroke-width="2"/></svg>')


def to_html(items: Sequence[Entry], *, title: str = "Timeline", subtitle: str = "",
            status: dict[str, str] | None = None) -> str:
    """A self-contained HTML page drawing the timeline (inline CSS and SVG, nothing fetched), in
    timeline order, grouped by day (a heading for each day; a week, month or year shown under its
    first day, a recurring entry under "recurring").

    Deadlines are highlighted (red diamond and border). An event only ordered (no date) sits where
    the timeline orders it, dashed, its note saying what it is told after. ``status`` maps entry
    ids to a deadline status ("upcoming", "due-soon", "overdue") shown as a badge.
    """
    status = status or {}
    rows: list[str] = []
    day = ""
    for e in items:
        heading = "recurring" if e.timing == "recurring" else e.day.isoformat()
        if heading != day:
            day = heading
            rows.append(f'<li class="day"><h2 class="day">{html.escape(day)}</h2></li>')
        classes = ["deadline" if e.is_deadline else "event", e.timing]
        badge = "deadline" if e.is_deadline else e.event_kind if e.dated else f"{e.event_kind} \u00b7 no date"
        if e.id in status:
            badge += f" \u00b7 {status[e.id]}"
        quote = f"<blockquote>{html.escape(e.sentence)}</blockquote>" if e.sentence else ""
        note = f"<small>{html.escape(e.note)}</small>" if e.note else ""
        rows.append(
            f'<li class="{" ".join(classes)}" id="{html.escape(e.id)}">'
            f"{_DIAMOND if e.is_deadline else _DOT}"
            f'<span class="when">{html.escape(e.when_text())}</span>'
            f'<span class="badge">{html.escape(badge)}</span>'
            f'<span class="title">{html.escape(e.title)}</span>{quote}{note}</li>'
        )
    body = "\n".join(rows) if rows else "<li>No dated events found.</li>"
    meta = f'<p class="meta">{html.escape(subtitle)}</p>' if subtitle else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n{meta}\n"
        f'<ol class="tl">\n{body}\n</ol>\n</body>\n</html>\n'
    )


def timelinejs_text(items: Sequence[Entry], *, title: str = "Timeline") -> str:
    return json.dumps(to_timelinejs(items, title=title), ensure_ascii=False, indent=2) + "\n"
