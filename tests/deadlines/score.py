"""Reads tests/deadlines/corpus.tsv and scores the deadlines `timeline.build` finds in each row.

Shared by tests/test_deadline_corpus.py and benchmarks/deadlines.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs

CORPUS = Path(__file__).with_name("corpus.tsv")


@attrs.frozen
class Row:
    n: int
    published: str
    timezone: str | None
    form: str
    due: dt.datetime | None
    what: str | None
    status: str | None
    text: str

    @property
    def id(self) -> str:
        return f"{self.n:03d}-{self.form}"


@attrs.frozen
class Outcome:
    row: Row
    found: int  #: open deadlines reported (not superseded)
    hit: bool  #: a deadline was expected and one was reported
    exact: bool  #: one reported is due at the expected instant, to the minute, with the same offset
    what: bool  #: its "what" contains the expected word
    status: bool  #: its status at publication is the expected one
    got: tuple[str, ...]  #: what was reported, for the error list


def rows(path: Path = CORPUS) -> list[Row]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("published\t"):
            continue
        pub, zone, form, due, what, status, text = line.split("\t")
        out.append(Row(len(out) + 1, pub, None if zone == "-" else zone, form,
                       None if due == "none" else dt.datetime.fromisoformat(due),
                       None if what == "-" else what, None if status == "-" else status, text))
    return out


def same_instant(a: dt.datetime, b: dt.datetime) -> bool:
    """Equal to the minute, both on a known clock with the same offset, or both floating."""
    if (a.tzinfo is None) != (b.tzinfo is None):
        return False
    return a.replace(tzinfo=None, second=0, microsecond=0) == b.replace(tzinfo=None, second=0, microsecond=0) \
        and a.utcoffset() == b.utcoffset()


def score(row: Row, tl: Any) -> Outcome:
    ds = [d for d in tl.deadlines(now=row.published[:10]) if d.status != "superseded"]
    got = tuple(f"{d.due.isoformat(timespec='minutes')} {d.status} [{d.form}] {d.what}" for d in ds)
    if row.due is None:
        return Outcome(row, len(ds), False, False, False, False, got)
    best = next((d for d in ds if same_instant(d.due, row.due)), ds[0] if ds else None)
    if best is None:
        return Outcome(row, 0, False, False, False, False, got)
    return Outcome(row, len(ds), True, same_instant(best.due, row.due),
                   row.what is None or row.what.lower() in best.what.lower(),
                   row.status is None or best.status == row.status, got)


def run(row: Row, model: str | None = None) -> Outcome:
    import timeline  # noqa: PLC0415

    tl = timeline.build(row.text, published=row.published, timezone=row.timezone, model=model)
    return score(row, tl)
