"""The one place the tracker reads deadlines: `reports_of` turns a `timeline.Timeline` into
`Report` values. Only the fields `Deadline` has in 0.2.0 are required (``event``, ``due``,
``what``, ``who``, ``sentence``); fields the deadline layer may add later (``form``, a textual
``status`` such as "cancelled", "met" or "superseded") are read when present and have defaults
here, so that the store does not depend on how the deadlines are found.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final, Literal

import attrs

from timeline.track.match import obligation_key

#: what the text says of a deadline besides its due instant; None: it stands
TextStatus = Literal["cancelled", "met", "superseded"]
TEXT_STATUSES: Final = frozenset({"cancelled", "met", "superseded"})
#: grains of a due instant that is a clock time (the others are due at the end of a day or longer)
CLOCK_GRAINS: Final = frozenset({"second", "minute", "hour", "partofday"})


@attrs.frozen
class Report:
    """One deadline as one document reports it."""

    key: str  #: the obligation (`timeline.track.match.obligation_key`)
    who: str | None
    what: str
    form: str
    due: dt.datetime  #: naive (the document's clock, zone unknown) or aware
    grain: str | None  #: of the time expression: "minute", "day", ... (None when unknown)
    sentence: str
    time_text: str  #: the time expression as written
    status: TextStatus | None = None

    @property
    def timed(self) -> bool:
        """Whether the due instant is a clock time (else the end of a day or longer)."""
        return self.grain in CLOCK_GRAINS or (self.grain is None and self.due.time() != dt.time(0))


def _form(deadline: Any) -> str:
    form = getattr(deadline, "form", None)
    if isinstance(form, str) and form:
        return form
    return str(deadline.event.trigger.text)


def reports_of(timeline: Any) -> list[Report]:
    """The deadlines of ``timeline`` (every one, whatever its status) as reports, in its order."""
    out: list[Report] = []
    for d in timeline.all_deadlines:
        mention = d.event.time
        status = getattr(d, "status", None)
        form = _form(d)
        what = str(d.what or d.event.description)
        out.append(Report(
            key=obligation_key(d.who, what, form),
            who=d.who,
            what=what,
            form=form,
            due=d.due,
            grain=None if mention is None else mention.grain,
            sentence=" ".join(str(d.sentence or "").split()),
            time_text="" if mention is None else str(mention.text),
            status=status if status in TEXT_STATUSES else None,
        ))
    return out
