"""The tracked items as calendar entries (`timeline.exports.Entry`).

Each item's UID is derived from its obligation key alone, so it stays the same when a later
document moves the deadline, and is the same in every tracker database that holds it; its
SEQUENCE is the number of times the due instant or the status changed; a cancelled or
superseded item is ``STATUS:CANCELLED``; a met one keeps its event, and its task (``--todo``) is
``STATUS:COMPLETED``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from timeline.exports._entries import Entry, _entry_status, zone_name


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def entries_of(tracker: Any) -> list[Entry]:
    """Every item of ``tracker`` that is not removed, soonest first."""
    items = tracker.items("all")
    sources: dict[int, list[tuple[str, str, str, str]]] = {}
    with tracker._read() as conn:
        rows = conn.execute(
            "SELECT r.item_id, d.name, d.published, r.sentence, r.time_text FROM reports r "
            "JOIN documents d ON d.id = r.document_id JOIN items i ON i.id = r.item_id WHERE i.removed = 0 "
            "ORDER BY d.published_key, d.id, r.id").fetchall()
    for item_id, name, published, sentence, time_text in rows:
        sources.setdefault(item_id, []).append((name, published, sentence, time_text))
    out = []
    for item in items:
        said = sources.get(item.id, [])
        name, published, sentence, time_text = said[-1] if said else ("", "", "", "")
        due = item.due
        note = "" if item.status == "open" else f"status: {item.status}"
        base: dict[str, Any] = dict(
            id=f"d{item.id}", kind="deadline", event_kind="deadline", title=f"Deadline: {_capital(item.what)}",
            description=item.what, trigger=item.form, time_text=time_text, time_value="", sentence=sentence,
            documents=tuple(dict.fromkeys(s[0] for s in said)), published=published, precision=item.grain,
            who=item.who, uid_key=f"tracked\x1f{item.key}", sequence=item.sequence,
            status=_entry_status(item.status))
        if item.timed:
            if due.tzinfo is None:
                out.append(Entry(**base, timing="floating", start=due, end=None,
                                 note="; ".join(n for n in ("time zone not known", note) if n)))
            else:
                out.append(Entry(**base, timing="timed", start=due, end=None, zone=zone_name(due.tzinfo, due),
                                 note=note))
            continue
        last = (due - dt.timedelta(microseconds=1)).date()
        day_note = f"due by the end of {last.isoformat()}" + (f" ({due.isoformat()})" if due.tzinfo else "")
        out.append(Entry(**base, timing="allday", start=last, end=last + dt.timedelta(days=1),
                         note="; ".join(n for n in (day_note, note) if n)))
    return out
